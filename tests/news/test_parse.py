"""parse.py on every seed layout, on mangled input, and on arbitrary text (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from atazan.importers.news.parse import parse_text

from .conftest import seed


def _parse(name: str):
    path = seed(name)
    return parse_text(path.read_text(encoding="utf-8"), path.name)


def test_kazakhstan_today_layout_with_prefix_header_and_boilerplate():
    items, warnings = _parse("000")
    assert len(items) == 9
    first = items[0]
    # The header line starts with a dump prefix (" date 2026-02-12 "); the story's own date wins.
    assert (first.date, first.layout, first.line) == (dt.date(2026, 2, 11), "kazakhstan-today", 1)
    assert first.title == "Kazakhstan to hold constitutional referendum in March"
    assert not any(line.startswith(("Tell a friend", "Images |", "This information may not")) for i in items for line in i.body)
    assert [str(w) for w in warnings] == [f"000_7b8bbd930c805478.txt:91: 'Most viewed' list of headlines without text; skipped"]


def test_kazakhstan_today_without_boilerplate():
    items, warnings = _parse("001")
    assert [i.title for i in items][:3] == [
        "Khalyk Kenesi to be granted power to call referendum",
        "Tokayev meets Kazakhstani IT entrepreneurs",
        "77 articles set to be amended in Kazakh constitutional reform",
    ]
    assert len(items) == 9 and warnings == []


def test_govkz_list_with_glued_source_url():
    items, warnings = _parse("002")
    assert len(items) == 10 and warnings == []
    bektenov = items[0]
    assert bektenov.layout == "govkz-list" and bektenov.date == dt.date(2026, 2, 10)
    assert bektenov.url == "https://www.gov.kz/memleket/entities/kostanai-kalasy-akimat/press/news/details/1158714?lang=kk"
    assert "Source" not in bektenov.text and bektenov.text.endswith("agriculture — 5.9%.")


def test_govkz_inline_titles():
    items, _ = _parse("003")
    assert len(items) == 20
    assert items[0].title == "The weekly campaign “People's Accountant\" continues."
    assert {i.layout for i in items} == {"govkz-inline"}


def test_source_line_as_the_whole_body_and_a_draft_on_one_line():
    items, _ = _parse("004")
    army, draft = items[0], items[1]
    assert army.body == [] and army.url.endswith("/mod/press/news/details/1152182?lang=kk")
    assert draft.title == "The draft of the new Constitution of the Republic of Kazakhstan has been published"
    assert len(draft.body) == 1 and len(draft.text) > 10000


def test_crlf_and_bom_do_not_change_the_items():
    path = seed("003")
    text = path.read_text(encoding="utf-8")
    plain, _ = parse_text(text, "x")
    mangled, _ = parse_text("\ufeff" + text.replace("\n", "\r\n"), "x")
    assert [(i.title, i.date, i.text, i.url) for i in plain] == [(i.title, i.date, i.text, i.url) for i in mangled]


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
