"""The rehearsal dataset (TEST DATA, invented wording; make_rehearsal.py): the committed files are
what the script writes, they have the shapes and the scale the brief asks for, every text says it
is test data, and each file imports to the structure it was written with, or is marked as waiting
for the importer (issue 20).

The expectations come from the recipe (make_rehearsal.version(): what each file was written
from), never from the importer's output.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, atazan_here, nonempty
from rehearsal import make_rehearsal as recipe

HERE = Path(recipe.HERE)
SOURCES = {source.name: source for source in recipe.FILES}
LATIN = str.maketrans({"\u0406": "I", "\u0425": "X"})  # Cyrillic І and Х written as Roman numerals
# Every sentence names a test subject; titles, headings and notes say test or invented.
TEST_MARK = re.compile(r"сынақ|тестов|test|ойдан шығарылған|вымышлен|испытател|сынаушы", re.I)


def _json_nodes(name: str) -> list[dict]:
    loaded = json.loads((HERE / name).read_text(encoding="utf-8"))
    pages = loaded if isinstance(loaded, list) else [loaded]
    return [node for page in pages for node in page["content"]]


# ---------------------------------------------------------------- the files

def test_the_committed_files_are_what_the_script_writes():
    for name, content in nonempty(recipe.file_bytes().items(), "the rehearsal's files"):
        assert (HERE / name).read_bytes() == content, f"{name}: run python3 tests/rehearsal/make_rehearsal.py"


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_text_says_it_is_test_data(name):
    units = recipe.expected(SOURCES[name]).units()
    unmarked = [unit for unit in units if not TEST_MARK.search(unit.text)]
    assert not unmarked, unmarked[:3]
    assert "Конституция Республики Казахстан" not in (HERE / name).read_text(encoding="utf-8").replace(
        "Это не Конституция Республики Казахстан", "")


def test_the_versions_have_the_real_scale():
    adopted, first, final = (recipe.version(v, "ru") for v in ("adopted", "first_draft", "final_draft"))
    assert (len(adopted.articles), len(first.articles), len(final.articles)) == (96, 95, 96)
    assert len(adopted.sections) == 11 and len({s for _, s, _ in adopted.articles}) == 11
    assert len(adopted.preamble) == 2
    points = [p for _, _, a in adopted.articles for p in a.points]
    with_parts = [p for p in points if p.parts]
    assert len(with_parts) >= 9 and max(len(p.parts) for p in points) == 2
    assert sum(1 for _, _, a in adopted.articles if not a.numbered) >= 10  # articles without numbered points
    assert sum(1 for p in points if p.subpoints) >= 8
    lengths = sorted(len(" ".join(u.text for u in adopted.units() if u.article == n).split())
                     for n, _, _ in adopted.articles)
    assert lengths[0] < 20 and lengths[-1] > 200 and lengths[-4] > 150, (lengths[:3], lengths[-4:])  # short and long
    assert 6000 < sum(lengths) < 12000, sum(lengths)  # the size of a real constitution's text


def test_the_first_draft_differs_as_the_recipe_says():
    order = recipe.first_draft_order()
    assert order[:5] == ["1", "2", "3", "4", "5"] and order[5] == "7"  # adopted 6 is new: numbers shift
    assert recipe.first_draft_number(9) == 8 and recipe.first_draft_number(90) is None
    assert recipe.removed_first_draft_number() == 70 and recipe.first_draft_number(71) == 71  # they meet again
    first = {n: a for n, _, a in recipe.version("first_draft", "ru").articles}
    adopted = {n: a for n, _, a in recipe.version("adopted", "ru").articles}
    v_first, v_adopted = recipe.version("first_draft", "ru"), recipe.version("adopted", "ru")

    def text(v, articles, n):
        return [v.point_text(articles[n], p) for p in articles[n].points]

    formatting = recipe.FORMATTING_ONLY
    before, after = text(v_first, first, str(formatting - 1)), text(v_adopted, adopted, str(formatting))
    assert before != after and [t.replace('"', "").replace(" - ", " – ") for t in before] == \
        [t.replace("«", "").replace("»", "") for t in after]
    assert text(v_first, first, "8") != text(v_adopted, adopted, "9")  # reworded


def test_the_official_feed_has_its_quirks():
    for lang in ("kk", "ru"):
        name = f"adopted.{lang}.json"
        nodes = _json_nodes(name)
        kinds = [n["type"] for n in nodes]
        # Headings follow their article node (once after a court note); point texts repeat the number.
        for i, node in enumerate(nodes):
            if node["type"] == "article":
                following = nodes[i + 1] if nodes[i + 1]["type"] == "heading" else nodes[i + 2]
                assert following["type"] == "heading" and node["index"] in following["text"]
            if node["type"] == "point" and nodes[i + 1]["text"].startswith(node["index"] + ". "):
                continue
            if node["type"] == "point":  # a court note between the point and its text
                assert nodes[i + 1]["text"].startswith(("Примечание.", "Ескерту.")), nodes[i + 1]
                assert nodes[i + 2]["text"].startswith(node["index"] + ". ")
        notes = [n["text"] for n in nodes if n["type"] == "note"]
        assert len(notes) == 3 and any(t.startswith(("Примечание. В соответствии", "Ескертпе.")) for t in notes)
        assert {"sideNoteGroup", "sideNote", "subpoint"} <= set(kinds)
        sidelines = [n["text"] for n in nodes[kinds.index("sideNote"):] if n["type"] == "text"][:4]
        assert not sidelines[0].endswith("."), sidelines  # printed lines break sentences
        subpoints = [nodes[i + 1]["text"] for i, n in enumerate(nodes) if n["type"] == "subpoint"]
        assert any(not re.match(r"\d+\)", t) for t in subpoints) and any(re.match(r"\d+\)", t) for t in subpoints)
    pages = json.loads((HERE / "adopted.ru.json").read_text(encoding="utf-8"))
    assert isinstance(pages, list) and [p["pagesCount"] for p in pages] == [2, 2]


def test_the_kazakh_first_draft_numbers_its_sections_in_cyrillic():
    lines = (HERE / "first_draft.kk.txt").read_text(encoding="utf-8").splitlines()
    labels = [line for line in lines if line.endswith(" бөлім")]
    assert len(labels) == 11 and labels[0] == "\u0406 бөлім" and "\u0406\u0425 бөлім" in labels
    final = [line for line in (HERE / "final_draft.kk.txt").read_text(encoding="utf-8").splitlines()
             if line.endswith(" бөлім")]
    assert final[0] == "I бөлім" and "IX бөлім" in final  # the final draft's printing: Latin


# ---------------------------------------------------------------- each file imported on its own

@pytest.fixture(scope="session")
def imported(tmp_path_factory):
    """name -> the record `atazan import-text` wrote for it (each file imported once)."""
    done: dict[str, dict] = {}

    def get(name: str) -> dict:
        if name not in done:
            data = tmp_path_factory.mktemp("rehearsal-import") / "data"
            data.mkdir()
            shutil.copy2(ROOT / "data" / "versions.yml", data)
            source = SOURCES[name]
            code, _, err = atazan_here(*source.args(str(HERE), str(data)))
            assert code == 0, err
            path = data / "texts" / source.version / f"{source.lang}.yml"
            done[name] = yaml.safe_load(path.read_text(encoding="utf-8"))
        return done[name]

    return get


def _strings(node, skip=("number", "section", "kind", "notes")) -> list[str]:
    if isinstance(node, dict):
        return [s for key, value in node.items() if key not in skip for s in _strings(value, skip)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value, skip)]
    return [" ".join(node.split())] if isinstance(node, str) else []


def _notes(node) -> list[dict]:
    """Every mapping with a `kind` under `node`: the notes, whatever the model calls their list."""
    if isinstance(node, dict):
        return ([node] if "kind" in node else []) + [n for value in node.values() for n in _notes(value)]
    if isinstance(node, list):
        return [n for value in node for n in _notes(value)]
    return []


def check_structure(record: dict, v: recipe.Version, source: str) -> list[str]:
    """Title, articles, sections and each article's section as written."""
    wrong = []
    if record.get("title") != v.title:
        wrong.append(f"title {record.get('title')!r}")
    numbers = [a["number"] for a in record["articles"]]
    if numbers != [n for n, _, _ in v.articles]:
        wrong.append(f"articles {numbers[:5]}…{numbers[-3:]} ({len(numbers)})")
    sections = [(str(s["number"]).translate(LATIN), s.get("heading")) for s in record.get("sections", [])]
    if sections != v.sections:
        wrong.append(f"sections {sections[:3]} ({len(sections)} of {len(v.sections)})")
    by_number = {a["number"]: a for a in record["articles"]}
    misplaced = [n for n, s, _ in v.articles if n in by_number
                 and str(by_number[n].get("section", "")).translate(LATIN) != recipe.ROMAN[s]]
    if misplaced:
        wrong.append(f"{len(misplaced)} articles in the wrong section, first {misplaced[0]}")
    return wrong


def check_units(record: dict, v: recipe.Version, source: str) -> list[str]:
    """The preamble's paragraphs (the document JSON's printed lines joined again per sideNote), and
    each point, part, subpoint and closing sentence of every article, each kept whole as its own
    text: nothing glued, split or lost."""
    wrong = []
    preamble, expected = [" ".join(p.split()) for p in record.get("preamble", [])], v.preamble_paragraphs(source)
    if preamble != expected:
        wrong.append(f"preamble: {len(preamble)} paragraph(s) instead of {len(expected)}, first {preamble[:1]}")
    by_number = {a["number"]: a for a in record["articles"]}
    for number, _, _ in v.articles:
        have = Counter(_strings(by_number.get(number, {})))
        for unit in (u for u in v.units() if u.article == number and not u.where.startswith("note")):
            if have[unit.text] != 1:
                wrong.append(f"article {number}: {unit.where} {unit.text[:60]!r} found {have[unit.text]} time(s) whole")
    return wrong


def check_notes(record: dict, v: recipe.Version, source: str) -> list[str]:
    """Court notes, footnotes and the editorial note kept as notes of their own kind, never as text."""
    wrong = []
    by_number = {a["number"]: a for a in record["articles"]}
    for unit in (u for u in v.units() if u.where.startswith("note:")):
        article = by_number.get(unit.article, {})
        kind = unit.where.split(":", 1)[1]
        notes = [n for n in _notes(article) if " ".join(str(n.get("text", "")).split()) == unit.text]
        if not notes:
            wrong.append(f"article {unit.article}: {kind} note not kept as a note")
        elif kind == "editorial" and notes[0]["kind"] in ("court", "footnote") or \
                kind != "editorial" and notes[0]["kind"] != kind:
            wrong.append(f"article {unit.article}: {kind} note filed as {notes[0]['kind']!r}")
        if any(unit.text in s for s in _strings(article)):
            wrong.append(f"article {unit.article}: {kind} note in the article's text")
    return wrong


CHECKS = {"structure": check_structure, "units": check_units, "notes": check_notes}
# What an importer did wrong with a file, per check, while it did: (name, check) -> the defect, as a
# strict xfail (the marker must go when the fix lands). Empty since the importer of issue 20.
KNOWN: dict[tuple[str, str], str] = {}


def _cases():
    for name in SOURCES:
        for check in CHECKS:
            if check == "notes" and not name.startswith("adopted.") or name == "adopted.en.txt" and check == "notes":
                continue
            reason = KNOWN.get((name, check))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            yield pytest.param(name, check, id=f"{name}-{check}", marks=marks)


@pytest.mark.parametrize("name, check", list(_cases()))
def test_each_file_imports_as_written(imported, name, check):
    wrong = CHECKS[check](imported(name), recipe.expected(SOURCES[name]), name)
    assert not wrong, f"{len(wrong)} difference(s): " + "; ".join(wrong[:6])


def test_the_waiting_list_is_the_files_whose_structure_fails():
    waiting = {name for (name, check) in KNOWN if check == "structure"}
    assert waiting == set(recipe.WAITING_FOR_IMPORTER)
