"""No test passes without running an assert: a test whose every assert sits inside a loop must
loop over something known to hold items (conftest.nonempty, or a non-empty literal such as
LANGUAGES). A loop over a glob of built pages that finds nothing would otherwise pass."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
LOOPS = (ast.For, ast.AsyncFor, ast.While)
# Calls that keep a sure iterable sure.
WRAPPERS = {"enumerate", "sorted", "reversed", "zip", "list", "tuple"}


def _literal_names(tree: ast.Module) -> set[str]:
    """Module-level names bound to a non-empty list, tuple, set or dict literal."""
    names = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        value = getattr(node, "value", None)
        if _nonempty_literal(value):
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _nonempty_literal(node: ast.AST | None) -> bool:
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return bool(node.elts)
    if isinstance(node, ast.Dict):
        return bool(node.keys)
    return False


def _numbers(tree: ast.Module) -> dict[str, int]:
    """Module-level names bound to a whole number, e.g. ARTICLES = 96."""
    return {node.targets[0].id: node.value.value for node in tree.body
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant) and type(node.value.value) is int}


def _number(node: ast.AST, numbers: dict[str, int]) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.Name):
        return numbers.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        left, right = _number(node.left, numbers), _number(node.right, numbers)
        if left is not None and right is not None:
            return left + right if isinstance(node.op, ast.Add) else left - right
    return None


def _sure(iterable: ast.AST, literals: set[str], numbers: dict[str, int] | None = None) -> bool:
    """Whether a loop over `iterable` surely runs its body at least once."""
    numbers = numbers or {}
    if _nonempty_literal(iterable):
        return True
    if isinstance(iterable, ast.Name):
        return iterable.id in literals
    if isinstance(iterable, ast.BinOp) and isinstance(iterable.op, ast.Add):  # [a, b] + more
        return _sure(iterable.left, literals, numbers) or _sure(iterable.right, literals, numbers)
    if isinstance(iterable, ast.Call):
        func = iterable.func
        if isinstance(func, ast.Name) and func.id == "nonempty":
            return True
        if isinstance(func, ast.Name) and func.id == "range":
            bounds = [_number(arg, numbers) for arg in iterable.args]
            if None not in bounds and 1 <= len(bounds) <= 2:
                start, stop = (0, bounds[0]) if len(bounds) == 1 else bounds
                return stop > start
            return False
        if isinstance(func, ast.Name) and func.id in WRAPPERS and iterable.args:
            return _sure(iterable.args[0], literals, numbers)
        if isinstance(func, ast.Attribute) and func.attr in ("items", "keys", "values"):
            return _sure(func.value, literals, numbers)
    return False


def vacuous_tests(source: str) -> list[tuple[int, str]]:
    """(line, name) of every test function that has asserts, none of which is surely reached:
    each sits inside a loop that may run zero times."""
    tree = ast.parse(source)
    literals = _literal_names(tree) | {"LANGUAGES"}  # conftest.LANGUAGES: ("kk", "ru", "en")
    numbers = _numbers(tree)
    found = []
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) and function.name.startswith("test"):
            reached: list[bool] = []  # per assert: is it surely run?
            for statement in function.body:
                _visit(statement, True, (literals, numbers), reached)
            if reached and not any(reached):
                found.append((function.lineno, function.name))
    return found


def _visit(node: ast.AST, sure: bool, known: tuple[set[str], dict[str, int]], reached: list[bool]) -> None:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
        return  # a helper defined inside the test runs only if called
    if isinstance(node, ast.Assert):
        reached.append(sure)
        return
    if isinstance(node, LOOPS):
        forever = isinstance(node, ast.While) and isinstance(node.test, ast.Constant) and node.test.value is True
        body_sure = sure and (forever or (not isinstance(node, ast.While) and _sure(node.iter, *known)))
        for part in node.body:
            _visit(part, body_sure, known, reached)
        for part in node.orelse:
            _visit(part, sure, known, reached)
        return
    for child in ast.iter_child_nodes(node):
        _visit(child, sure, known, reached)


def test_the_finder_flags_a_loop_that_may_find_nothing_and_accepts_nonempty():
    vacuous = "def test_a(site):\n    for page in site.glob('*.html'):\n        assert 'x' in page.read_text()\n"
    nested = "def test_b(site):\n    for lang in LANGUAGES:\n        for page in site.glob(lang):\n            assert page\n"
    guarded = "def test_c(site):\n    for page in nonempty(site.glob('*.html')):\n        assert page\n"
    constant = "def test_d():\n    for lang in LANGUAGES:\n        assert lang\n"
    after = "def test_e(xs):\n    for x in xs:\n        assert x\n    assert xs\n"
    counted = "N = 3\ndef test_f():\n    for n in range(1, N + 1):\n        assert n\n"
    empty_range = "def test_g():\n    for n in range(0):\n        assert n\n"
    assert vacuous_tests(vacuous) == [(1, "test_a")]
    assert vacuous_tests(nested) == [(1, "test_b")]
    assert [vacuous_tests(s) for s in (guarded, constant, after, counted)] == [[], [], [], []]
    assert vacuous_tests(empty_range) == [(1, "test_g")]


def test_no_test_can_pass_without_running_an_assert():
    files = sorted(TESTS.rglob("test_*.py"))
    assert len(files) > 30
    found = [f"{path.relative_to(TESTS.parent)}:{line} {name}" for path in files
             for line, name in vacuous_tests(path.read_text(encoding="utf-8"))]
    assert found == [], "every assert of these tests sits in a loop that may run zero times; loop over " \
                        "conftest.nonempty(...):\n" + "\n".join(found)
