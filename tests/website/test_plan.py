"""The site plan and the package's shape (issue 13): each page model built once per build, no
import cycles, a thin adapter, and a build that imports no command-line code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT

PACKAGE = ROOT / "hooks" / "atazan"

def test_each_page_model_is_built_once_per_build(site_model_counts, dataset):
    from atazan.website.kinds import news

    counts = site_model_counts["counts"]
    languages = len(LANGUAGES)
    # One per record and language: the page, the indexes, the handouts, the bilingual sheets, the
    # exports and the feeds all share it (the real site's build, counted: tests/counting_build.py).
    expected = {
        "ProvisionPage": len(dataset.provisions) * languages,
        "ProvisionSummary": len(dataset.provisions) * languages,
        "ThemePage": len(dataset.themes) * languages,
        "Handout": len(dataset.themes) * languages,
        "NewsPage": len(news.shown_ids(dataset)) * languages,
        "FactCheckView": len(dataset.factchecks) * languages,
        "TranslationStatusPage": languages,
    }
    assert {name: counts.get(name, 0) for name in expected} == expected


def test_a_build_imports_no_command_line_code(site_model_counts):
    modules = site_model_counts["modules"]
    assert "atazan.website.plan" in modules  # the build did run our hook
    assert [m for m in modules if m.startswith("atazan.tools")] == []


def _imported(path: Path, modules: set[str] = frozenset()) -> set[str]:
    """The modules `path` imports (absolute imports, at module level or inside functions); for
    `from x import y`, x.y when that is one of `modules`, else x."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                         for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")


def _graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports."""
    known = {_module_name(p) for p in PACKAGE.rglob("*.py")}
    return {_module_name(p): {m for m in _imported(p, known) if m in known and m != _module_name(p)}
            for p in PACKAGE.rglob("*.py")}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles, done = [], set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            cycles.append(trail[trail.index(module):] + [module])
            return
        if module in done:
            return
        for target in sorted(graph.get(module, ())):
            visit(target, trail + [module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    return cycles


def test_no_import_cycles_in_the_package():
    graph = _graph()
    assert "atazan.website.kinds.provision" in graph["atazan.website.kinds.handout"]  # the walk sees imports
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_build_code_imports_no_command_line_code():
    graph = _graph()
    build_side = [m for m in graph if not m.startswith(("atazan.tools", "atazan.importers", "atazan.__main__"))]
    assert [(m, t) for m in build_side for t in graph[m] if t.startswith("atazan.tools")] == []


def test_at_most_six_modules_at_the_top_level_and_a_thin_adapter():
    top_level = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top_level) <= 6, top_level
    assert len((ROOT / "hooks" / "atazan_hook.py").read_text(encoding="utf-8").splitlines()) <= 200


def test_only_the_adapter_imports_mkdocs():
    importers = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                       if any(m == "mkdocs" or m.startswith("mkdocs.") for m in _imported(p)))
    allowed = ("adapter/", "tools/")  # the build side: dataset/, website/, importers/
    assert [p for p in importers if not p.startswith(allowed)] == []
    assert any(p.startswith("adapter/") for p in importers)
