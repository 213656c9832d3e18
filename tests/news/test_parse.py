"""parse.py on every dump layout (the invented fixture dumps, then the real seeds), on mangled
input, and on arbitrary text (hypothesis)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from atazan.importers.news.parse import parse_text

from .conftest import fixture_dump, seed


def _parse_fixture(name: str):
    path = fixture_dump(name)
    with open(path, encoding="utf-8-sig", newline="") as handle:  # as the importer reads a dump
        return parse_text(handle.read(), path.name)


# ---------------------------------------------------------------- the fixture dumps (any clone)

def test_fixture_kazakhstan_today_with_prefix_header_boilerplate_and_most_viewed():
    items, warnings = _parse_fixture("000")
    assert [(i.title, i.date, i.line) for i in items] == [
        ("Fixture Region rehearses referendum day", dt.date(2026, 2, 11), 1),  # after the " date 2026-02-12 " prefix
        ("Fixture Region library opens a reading room", dt.date(2026, 2, 11), 10),
        ("Students debate Article 8 of the draft Constitution", dt.date(2026, 2, 10), 17),
    ]
    assert {i.layout for i in items} == {"kazakhstan-today"} and all(i.url is None for i in items)
    # Three lines of story each; "Images |", "Tell a friend", the copyright line and "relevant news" are furniture.
    assert [len(i.body) for i in items] == [3, 3, 3]
    assert items[0].body[1] == "Invented test story."
    assert not any(line.startswith(("Images |", "Tell a friend", "This information", "relevant news"))
                   for i in items for line in i.body)
    assert [str(w) for w in warnings] == ["000_kazakhstan_today.txt:25: 'Most viewed' list of headlines without text; skipped"]


def test_fixture_kazakhstan_today_without_boilerplate_ending_in_a_bare_header():
    items, warnings = _parse_fixture("001")
    assert [(i.title, i.date, i.line, len(i.body)) for i in items] == [
        ("Fixture Council to be granted power to propose a referendum", dt.date(2026, 1, 28), 1, 2),
        ("Fixture Town marks its founding day", dt.date(2026, 1, 28), 5, 2),
    ]
    # The last line is a date header with nothing after it.
    assert [str(w) for w in warnings] == ["001_kazakhstan_today.txt:9: date header without a title; item skipped"]


def test_fixture_govkz_list_with_glued_and_lone_source_lines_and_a_repeated_section():
    items, warnings = _parse_fixture("002")
    assert warnings == [] and {i.layout for i in items} == {"govkz-list"}
    teachers, open_day, nurses = items[:3]
    assert [i.line for i in items] == [3, 6, 9, 14, 17, 20]  # "News"/"More" and "Society"/"More" are not items
    assert (teachers.title, teachers.date) == ("Fixture akimat explains the draft Constitution to teachers", dt.date(2026, 2, 10))
    assert teachers.url == "https://www.gov.kz/memleket/entities/fixture-akimat/press/news/details/900001?lang=en"
    assert "Source" not in teachers.text and teachers.text.endswith("handed out copies of the draft.")
    # "Source : URL" as the whole body: the link is kept and the body is empty.
    assert open_day.body == [] and open_day.url.endswith("/fixture-sport/press/news/details/900002?lang=en")
    # No "Source" at all: no link, and nothing invented.
    assert nurses.url is None and nurses.date == dt.date(2026, 2, 9)
    # The "Society" copy: the same three stories again, the first without its quote marks.
    assert [i.title for i in items[3:]] == [i.title for i in items[:3]]
    assert '"new Constitution"' in teachers.text and '"new Constitution"' not in items[3].text


def test_fixture_crlf_and_bom_dump_parses_like_its_plain_copy():
    path = fixture_dump("002")
    raw = path.read_bytes()
    # The fixture really carries the quirks (.gitattributes keeps them through any checkout).
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == raw.count(b"\n") == 22
    expected = _parse_fixture("002")
    assert not any("\r" in i.title or "\ufeff" in i.title or any("\r" in line for line in i.body) for i in expected[0])
    # parse_text itself copes: given the BOM and the CRLFs, or a plain LF copy, it finds the same
    # items and warnings (a BOM left in place would turn the first line, "News", into stray text).
    plain = raw.decode("utf-8").lstrip("\ufeff").replace("\r\n", "\n")
    for text in (raw.decode("utf-8"), plain):
        items, warnings = parse_text(text, path.name)
        assert [(i.title, i.date, i.text, i.line, i.url) for i in items] == [
            (i.title, i.date, i.text, i.line, i.url) for i in expected[0]]
        assert warnings == expected[1] == []


def test_fixture_govkz_inline_titles():
    items, warnings = _parse_fixture("003")
    assert warnings == [] and {i.layout for i in items} == {"govkz-inline"}
    assert [(i.title, i.line) for i in items] == [
        ("Teachers of Fixture District learned about the draft of the new Constitution", 2),
        ("Proposals on ownership were taken into account in the draft Constitution", 4),
        ("Фикстура жаңалығы", 6),
        ("Fixture Region orchestra gives a winter concert", 8),
    ]
    assert {i.date for i in items} == {dt.date(2026, 2, 11)} and all(len(i.body) == 1 for i in items)


# ---------------------------------------------------------------- the real dumps (../shared/seeds)

def _parse(name: str):
    path = seed(name)
    return parse_text(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.seeds
def test_kazakhstan_today_layout_with_prefix_header_and_boilerplate():
    items, warnings = _parse("000")
    assert len(items) == 9
    first = items[0]
    # The header line starts with a dump prefix (" date 2026-02-12 "); the story's own date wins.
    assert (first.date, first.layout, first.line) == (dt.date(2026, 2, 11), "kazakhstan-today", 1)
    assert first.title == "Kazakhstan to hold constitutional referendum in March"
    assert not any(line.startswith(("Tell a friend", "Images |", "This information may not")) for i in items for line in i.body)
    assert [str(w) for w in warnings] == [f"000_7b8bbd930c805478.txt:91: 'Most viewed' list of headlines without text; skipped"]


@pytest.mark.seeds
def test_kazakhstan_today_without_boilerplate():
    items, warnings = _parse("001")
    assert [i.title for i in items][:3] == [
        "Khalyk Kenesi to be granted power to call referendum",
        "Tokayev meets Kazakhstani IT entrepreneurs",
        "77 articles set to be amended in Kazakh constitutional reform",
    ]
    assert len(items) == 9 and warnings == []


@pytest.mark.seeds
def test_govkz_list_with_glued_source_url():
    items, warnings = _parse("002")
    assert len(items) == 10 and warnings == []
    bektenov = items[0]
    assert bektenov.layout == "govkz-list" and bektenov.date == dt.date(2026, 2, 10)
    assert bektenov.url == "https://www.gov.kz/memleket/entities/kostanai-kalasy-akimat/press/news/details/1158714?lang=kk"
    assert "Source" not in bektenov.text and bektenov.text.endswith("agriculture — 5.9%.")


@pytest.mark.seeds
def test_govkz_inline_titles():
    items, _ = _parse("003")
    assert len(items) == 20
    assert items[0].title == "The weekly campaign “People's Accountant\" continues."
    assert {i.layout for i in items} == {"govkz-inline"}


@pytest.mark.seeds
def test_source_line_as_the_whole_body_and_a_draft_on_one_line():
    items, _ = _parse("004")
    army, draft = items[0], items[1]
    assert army.body == [] and army.url.endswith("/mod/press/news/details/1152182?lang=kk")
    assert draft.title == "The draft of the new Constitution of the Republic of Kazakhstan has been published"
    assert len(draft.body) == 1 and len(draft.text) > 10000


@pytest.mark.seeds
def test_crlf_and_bom_do_not_change_the_items():
    path = seed("003")
    text = path.read_text(encoding="utf-8")
    plain, _ = parse_text(text, "x")
    mangled, _ = parse_text("\ufeff" + text.replace("\n", "\r\n"), "x")
    assert [(i.title, i.date, i.text, i.url) for i in plain] == [(i.title, i.date, i.text, i.url) for i in mangled]


# ---------------------------------------------------------------- odd input

def test_unparseable_chunks_warn_with_file_and_line_and_the_run_goes_on():
    text = "stray words before any item\nmore stray\nA real title\n01.02.2026\nIts body.\n12.02.2026, 10:00 55\n"
    items, warnings = parse_text(text, "dump.txt")
    assert [(i.title, i.text) for i in items] == [("A real title", "Its body.")]
    assert [str(w) for w in warnings] == [
        "dump.txt:1: text outside any dated item (no date header or date line); skipped",
        "dump.txt:6: date header without a title; item skipped",
    ]


def test_impossible_dates_are_not_items():
    items, warnings = parse_text("Title 31.02.2026\nbody\n", "d.txt")
    assert items == [] and [w.line for w in warnings] == [1]


_FRAGMENTS = st.sampled_from([
    "News", "Society", "More", "Most viewed", "Tell a friend", "Images | x", "01.02.2026", "31.13.2026",
    "11.02.2026, 18:04 11006", " date 2026-02-12 11.02.2026, 18:04 1", "Title 11.02.2026", "Source : https://a.b/c",
    "Body text. Source : https://gov.kz/memleket/entities/x/press", "", "\r", "\ufeff", "Article 8 of the draft",
])


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_crashes(text):
    items, warnings = parse_text(text, "fuzz.txt")
    for item in items:
        assert item.title and isinstance(item.date, dt.date)
    assert all(w.line >= 1 for w in warnings)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=40)), max_size=30))
def test_seed_like_fragments_never_crash(lines):
    items, _ = parse_text("\n".join(lines), "fuzz.txt")
    assert all(item.title.strip() == item.title and item.title for item in items)
