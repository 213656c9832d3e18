"""The hostile project of tests/security/test_hostile_data.py: every string field of every data file
carries attack payloads, found from the schema, not listed by hand.

How:
1. A copy of the project with a text of the Constitution in two versions and two languages
   (tests/changes/fixtures: TEST DATA, invented wording; cut to a few articles), matched by
   `atazan match`, so article, whole-text and what-changed pages exist.
2. `fill`: every optional field the schema knows (pydantic models of dataset/schema.py and
   dataset/texts.py) that a record leaves out gets an example value, so a field added to the
   schema later is filled and poisoned too without a line of test code; an example the data
   refuses (a reference to nothing, a field another excludes) is taken out again.
3. `poison`: every string of every data file (records, lists, texts, correspondence.yml) gets
   PAYLOAD appended; a string the schema refuses it in (an id, a number, a date) is put back, and
   a web address gets URL_PAYLOAD instead.
4. `reached`: which schema fields now hold a payload somewhere; test_hostile_data asserts that
   every free-text field is among them.

Each payload, should it ever run, sets `self.atazanRan` and calls alert(): the browser pass
watches both.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from pydantic import BaseModel

# One expression per payload, without spaces or quotes, so it works unquoted in an attribute too.
def run(n: int) -> str:
    return f"self.atazanRan={n},alert({n})"


PAYLOAD = (f' <script>{run(1)}</script> "><img src=x onerror={run(2)}> \'><svg onload={run(3)}> '
           f'[md link](javascript:{run(4)}) <javascript:{run(5)}> <https://e.example/>"onmouseover={run(6)}> '
           f'![i](x" onerror="{run(7)}) {{: onclick="{run(8)}" }} *emph* `code` &lt;b&gt; '
           f'<img/src="x"/onerror="{run(9)}"> <details/open/ontoggle={run(10)}>')
# Paragraphs that start with block syntax; md_block keeps paragraphs, md_inline joins them.
BLOCKS = ("\n\n1996. Yearpayload\n\n??? danger \"Dangerpayload\"\n    body\n\n!!! note \"Notepayload\"\n\n"
          "# Headingpayload\n\n- Itempayload\n\n===")
URL_PAYLOAD = f"#x)](javascript:{run(11)})'onmouseover='{run(12)}'"
SHOWN = f"<script>{run(1)}</script>"  # how the payload must read on a page: as text
MARK = "atazanRan"  # in every payload's code

# The fixture text (TEST DATA): these versions and languages, the first ARTICLES articles.
TEXT_FIXTURES = Path(__file__).resolve().parents[1] / "changes" / "fixtures"
TEXT_VERSIONS = ("first_draft", "adopted")
TEXT_LANGUAGES = ("kk", "ru")
ARTICLES = 8


# ---------------------------------------------------------------- which model each data file holds

def model_of(shown: str) -> tuple[type[BaseModel] | None, bool]:
    """(model, is a list of it) for a data file by its path as messages show it."""
    from atazan.dataset import schema, texts

    parts = shown.split("/")
    if len(parts) == 3 and parts[1] in schema.COLLECTIONS:
        return schema.COLLECTIONS[parts[1]], False
    if len(parts) == 2 and parts[1] in schema.LISTS:
        return schema.LISTS[parts[1]], True
    if len(parts) == 2 and parts[1] in schema.REFERENCE_LISTS:
        return schema.REFERENCE_LISTS[parts[1]], True
    if len(parts) == 4 and parts[1] == texts.FOLDER:
        return texts.TextFile, False
    return None, False


# ---------------------------------------------------------------- types, as pydantic holds them

def _unwrap(annotation: Any) -> tuple[Any, list]:
    """(the type under Annotated and Optional, the constraints met on the way)."""
    constraints: list = []
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            constraints += extra
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0]
        else:
            return annotation, constraints


def _pattern(constraints: list) -> str | None:
    for constraint in constraints:
        if getattr(constraint, "pattern", None):
            return constraint.pattern
        for item in getattr(constraint, "metadata", ()) or ():
            if getattr(item, "pattern", None):
                return item.pattern
    return None


_PATTERN_EXAMPLES = ("https://example.org/filler", "filler", "1", "I", "a1b2c3d4", "1)", "first_draft")


def field_type(field: Any) -> Any:
    """A pydantic field's type with the constraints pydantic moved into its metadata (Slug's pattern)."""
    return typing.Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation


def example(annotation: Any) -> Any:
    """A minimal value of `annotation`: required fields only for a model (fill adds the rest)."""
    kind, constraints = _unwrap(annotation)
    origin = typing.get_origin(kind)
    if origin is typing.Literal:
        return typing.get_args(kind)[0]
    if origin is list:
        return [example(typing.get_args(kind)[0])]
    if origin is dict:
        key, value = typing.get_args(kind)
        key_kind, _ = _unwrap(key)
        keys = typing.get_args(key_kind) if typing.get_origin(key_kind) is typing.Literal else ("filler",)
        return {k: example(value) for k in keys}
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return {(f.alias or name): example(field_type(f)) for name, f in kind.model_fields.items() if f.is_required()}
    if kind is bool:
        return False
    if kind is int:
        return 1
    if kind is float:
        return 1.0
    if kind is dt.date:
        return dt.date(2026, 3, 20)
    pattern = _pattern(constraints)
    if pattern:
        return next((c for c in _PATTERN_EXAMPLES if re.fullmatch(pattern, c)), "filler")
    return "filler text"


_MISSING = object()


def fill(value: Any, annotation: Any, path: tuple, added: list) -> None:
    """Give every optional field of `value` (data of `annotation`) that is absent, null or empty an
    example; `added` collects (path, what was there) so that an example can be taken out again."""
    kind, _ = _unwrap(annotation)
    origin = typing.get_origin(kind)
    if isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(value, dict):
        for name, field in kind.model_fields.items():
            key = field.alias or name
            before = value.get(key, _MISSING)
            # Only what can hold free text: ids, numbers, dates and references would change what the
            # records mean to each other (a paragraph list, a version's date), not what a page says.
            empty = before is _MISSING or before is None or before == [] or before == {}
            if empty and next(_free_text(field_type(field), ()), None) is None:
                continue
            if empty:
                new = example(field_type(field))
                if new is None:
                    continue
                value[key] = new
                added.append((path + (key,), before))
            fill(value[key], field_type(field), path + (key,), added)
    elif origin is list and isinstance(value, list):
        for index, item in enumerate(value):
            fill(item, typing.get_args(kind)[0], path + (index,), added)
    elif origin is dict and isinstance(value, dict):
        for key, item in value.items():
            fill(item, typing.get_args(kind)[1], path + (key,), added)


def free_text_fields(model: type[BaseModel], prefix: tuple = ()) -> Iterator[tuple]:
    """Every field path (list items as `*`, languages as `*`) that holds free text: a str without a
    pattern or a fixed set of values. These must all carry a payload somewhere."""
    for name, field in model.model_fields.items():
        yield from _free_text(field_type(field), prefix + (field.alias or name,))


def _free_text(annotation: Any, path: tuple) -> Iterator[tuple]:
    kind, constraints = _unwrap(annotation)
    origin = typing.get_origin(kind)
    if origin is list:
        yield from _free_text(typing.get_args(kind)[0], path + ("*",))
    elif origin is dict:
        yield from _free_text(typing.get_args(kind)[1], path + ("*",))
    elif isinstance(kind, type) and issubclass(kind, BaseModel):
        yield from free_text_fields(kind, path)
    elif kind is str and not _pattern(constraints):
        yield path


def wildcard(loc: tuple) -> tuple:
    """A location with list indices and language keys as `*`, as free_text_fields names fields."""
    return tuple("*" if isinstance(part, int) or part in ("kk", "ru", "en") else part for part in loc)


# ---------------------------------------------------------------- strings in data

def strings(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, loc + (index,))
    elif isinstance(data, str):
        yield loc, data


def field_loc(field: str) -> tuple:
    return tuple(int(i) if i else key for i, key in re.findall(r"\[(\d+)\]|([^.\[\]]+)", field))


def _get(data: Any, loc: tuple) -> Any:
    for key in loc:
        data = data[key]
    return data


def _set(data: Any, loc: tuple, value: Any) -> None:
    _get(data, loc[:-1])[loc[-1]] = value


def _delete(data: Any, loc: tuple) -> None:
    parent = _get(data, loc[:-1])
    if isinstance(parent, dict):
        parent.pop(loc[-1], None)


# ---------------------------------------------------------------- the project

def import_texts(project: Path) -> None:
    """The fixture text, cut to ARTICLES articles, imported and matched, as an operator would."""
    import shutil

    from conftest import atazan_here

    data = project / "data"
    shutil.rmtree(data / "texts", ignore_errors=True)
    (data / "correspondence.yml").unlink(missing_ok=True)
    for version in TEXT_VERSIONS:
        for lang in TEXT_LANGUAGES:
            code, _, err = atazan_here(
                "import-text", str(TEXT_FIXTURES / f"{version}.{lang}.txt"), "--version", version, "--lang", lang,
                "--data", str(data), "--publisher", "Test publisher (test data)", "--title", f"Test {version}",
                "--date", "2026-03-20" if version == "adopted" else "2026-01-31",
                "--url", f"https://example.org/{version}", "--official")
            assert code == 0, err
            path = data / "texts" / version / f"{lang}.yml"
            text = yaml.safe_load(path.read_text(encoding="utf-8"))
            text["articles"] = text["articles"][:ARTICLES]
            kept = {a.get("section") for a in text["articles"]}
            text["sections"] = [s for s in text.get("sections", []) if s["number"] in kept]
            path.write_text(yaml.safe_dump(text, allow_unicode=True, sort_keys=False), encoding="utf-8")
    code, _, err = atazan_here("match", "--data", str(data))
    assert code == 0, err


def _files(data_dir: Path, root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in sorted(data_dir.rglob("*.yml")) if not p.name.startswith("_")}


def _write(files: dict[str, Path], records: dict[str, Any]) -> None:
    for shown, data in records.items():
        files[shown].write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _problems(data_dir: Path, root: Path) -> list:
    from atazan.dataset.validate import load_dataset
    from atazan.errors import DataError

    try:
        load_dataset(str(data_dir), str(root))
    except DataError as error:
        return error.problems
    return []


def fill_all(data_dir: Path, root: Path) -> int:
    """Every optional field filled where the data accepts an example; returns how many stay.
    An example its record refuses (one field excludes another) is taken out at once, by
    validating that record alone; one another record refuses (a date that makes a report too
    early) by validating the whole dataset."""
    files = _files(data_dir, root)
    records = {shown: yaml.safe_load(p.read_text(encoding="utf-8-sig")) for shown, p in files.items()}
    added: dict[str, list] = {}
    for shown, data in records.items():
        model, many = model_of(shown)
        if model is None:
            continue
        added[shown] = []
        for index, item in (enumerate(data) if many else [(None, data)]):
            prefix = () if index is None else (index,)
            mine: list = []
            fill(item, model, (), mine)
            _settle(item, model, mine)
            added[shown] += [(prefix + path, before) for path, before in mine]
    for _ in range(12):
        _write(files, records)
        problems = [p for p in _problems(data_dir, root) if p.severity == "error"]
        if not problems:
            return sum(len(a) for a in added.values())
        progress = False
        for problem in problems:
            loc = field_loc(problem.field)
            hit = [(problem.path, path, before) for path, before in added.get(problem.path, [])
                   if path[:len(loc)] == loc or loc[:len(path)] == path]
            if not hit:  # a rule across records: the example the message names (a date, say)
                hit = [(shown, path, before) for shown, entries in added.items() for path, before in entries
                       if _named_in(records[shown], path, problem.message)]
            for shown, path, before in sorted(hit, key=lambda item: len(item[1])):  # outermost first
                if (path, before) in added[shown]:
                    _take_out(records[shown], added[shown], path, before)
                    progress = True
        if not progress:
            pytest.fail(f"filled data does not validate, and no example explains it: {problems[:3]}")
    pytest.fail("the filled data did not validate after 12 rounds")


def _take_out(data: Any, added: list, path: tuple, before: Any) -> None:
    if before is _MISSING:
        _delete(data, path)
    else:
        _set(data, path, before)
    added[:] = [(p, b) for p, b in added if p[:len(path)] != path]


def _errors(item: Any, model: type[BaseModel]) -> list[tuple]:
    from pydantic import ValidationError

    try:
        model.model_validate(item)
    except ValidationError as error:
        return [tuple(e["loc"]) for e in error.errors(include_url=False)]
    return []


def _settle(item: Any, model: type[BaseModel], added: list) -> None:
    """Take out the examples this record refuses: for an error on one example, that one; for an
    error on a whole object (one field excludes another), all of the examples in it, then each is
    put back alone and kept if the record still validates."""
    import copy

    for _ in range(200):
        errors = _errors(item, model)
        if not errors:
            return
        loc = errors[0]
        hit = [(path, before) for path, before in added if path[:len(loc)] == loc or loc[:len(path)] == path]
        if not hit:
            return  # not an example's fault: the whole dataset's check will say
        hit = [(path, before) for path, before in hit if not any(path[:len(p)] == p and path != p for p, _ in hit)]
        values = [(path, before, copy.deepcopy(_get(item, path))) for path, before in hit]
        for path, before in hit:
            _take_out(item, added, path, before)
        if len(hit) == 1 or loc in _errors(item, model):
            continue
        def near(error: tuple) -> bool:
            return error[:len(loc)] == loc or loc[:len(error)] == error

        for path, before, value in values:  # one by one back in
            _set(item, path, value)
            if any(near(error) for error in _errors(item, model)):
                if before is _MISSING:
                    _delete(item, path)
                else:
                    _set(item, path, before)
            else:
                added.append((path, before))


def _named_in(data: Any, path: tuple, message: str) -> bool:
    try:
        value = _get(data, path)
    except (KeyError, IndexError, TypeError):
        return False
    return not isinstance(value, (dict, list, bool)) and f"{value}" in message


def poison(data_dir: Path, root: Path) -> dict[str, set[tuple]]:
    """Appends the payloads to every string of every data file the schema lets carry them;
    returns, per model, the wildcarded locations that now hold a payload."""
    files = _files(data_dir, root)
    records = {shown: yaml.safe_load(p.read_text(encoding="utf-8-sig")) for shown, p in files.items()}
    original = {shown: dict(strings(data)) for shown, data in records.items()}
    for shown, data in records.items():
        for loc, text in original[shown].items():
            _set(data, loc, text + PAYLOAD + (BLOCKS if loc[-1] == "text" else ""))
    # (file, location) -> 1: refused with the payload, 2: refused with the URL payload too
    refused: dict[tuple[str, tuple], int] = {}
    from atazan.dataset.schema import URL_PATTERN

    for _ in range(12):
        _write(files, records)
        problems = [p for p in _problems(data_dir, root) if p.severity == "error"]
        if not problems:
            break
        progress = False
        for problem in problems:
            loc = field_loc(problem.field)
            candidates = [loc] if loc in original.get(problem.path, {}) else \
                [l for l in original.get(problem.path, {}) if l[:len(loc)] == loc and (problem.path, l) not in refused]
            for where in candidates:
                first = original[problem.path][where]
                state = refused.get((problem.path, where), 0)
                if state == 0 and re.fullmatch(URL_PATTERN, first):  # a web address: the URL payload
                    _set(records[problem.path], where, first + URL_PAYLOAD)
                    refused[(problem.path, where)] = 1
                elif state < 2:  # a field the payload cannot be in (id, date, number): as it was
                    _set(records[problem.path], where, first)
                    refused[(problem.path, where)] = 2
                else:
                    continue
                progress = True
                if len(candidates) > 1:
                    break  # one at a time inside a record-level problem: the rest may be fine
        if not progress:
            pytest.fail(f"poisoned data does not validate, and no field's payload explains it: {problems[:3]}")
    else:
        pytest.fail("the poisoned data did not validate after 12 rounds")
    reached: dict[str, set[tuple]] = {}
    for shown, data in records.items():
        model, many = model_of(shown)
        name = model.__name__ if model else shown.rsplit("/", 1)[-1]
        for loc, text in strings(data):
            if MARK in text:
                reached.setdefault(name, set()).add(wildcard(loc[1:] if many else loc))
    return reached
