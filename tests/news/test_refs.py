"""Article references: every phrasing from issue 3, with the version each one means."""

from __future__ import annotations

import datetime as dt

import pytest

from atazan.importers.news.refs import Ref, extract

BEFORE_FINAL = dt.date(2026, 2, 11)
FINAL = dt.date(2026, 2, 12)


def refs(text, date=BEFORE_FINAL):
    return [(r.version, r.article, r.paragraphs, r.subparagraphs) for r in extract(text, date, FINAL)]


@pytest.mark.parametrize("text, expected", [
    ("special attention was paid to Article 32 of the draft Constitution, i.e. the right",
     [("first_draft", 32, (), ())]),
    ("According to Article 6, Paragraph 3 of the current Constitution of the Republic",
     [("constitution_1995", 6, ("3",), ())]),
    ("Article 14, paragraph 2 of the draft states", [("first_draft", 14, ("2",), ())]),
    ("Article 2 of the draft new Constitution dated January 30", [("first_draft", 2, (), ())]),
])
def test_single_phrasings(text, expected):
    assert refs(text) == expected


def test_said_article_and_this_article_point_back():
    text = ("Article 8 of the draft Constitution states that. Thus, paragraph 1 of the said article reads. "
            "Paragraph 3 of Article 14 states. Paragraph 5 of this article has also been clarified.")
    assert refs(text) == [
        ("first_draft", 8, (), ()),
        ("first_draft", 8, ("1",), ()),
        ("first_draft", 14, ("3",), ()),
        ("first_draft", 14, ("5",), ()),
    ]


def test_subparagraphs_and_paragraph_lists():
    text = ("In the draft Constitution published for public discussion. Article 8 of the draft Constitution. "
            "The corresponding changes have been made to subparagraphs 2), 4) and 8) of Article 46, "
            "paragraph 1 of Article 57, and paragraphs 1 and 2 of Article 62")
    assert refs(text)[1:] == [
        ("first_draft", 46, (), ("2", "4", "8")),
        ("first_draft", 57, ("1",), ()),
        ("first_draft", 62, ("1", "2"), ()),
    ]


def test_draft_after_the_final_draft_is_published_means_the_final_draft():
    assert refs("Article 94 of the draft Constitution", date=FINAL) == [("final_draft", 94, (), ())]


def test_no_marker_and_nothing_before_keeps_the_version_unknown():
    # Never guessed: "the Constitution" alone could be the 1995 text or a draft.
    assert refs("set forth in Article 3 of the Constitution") == [(None, 3, (), ())]


def test_said_article_without_an_article_before_is_skipped():
    assert refs("paragraph 1 of the said article") == []


def test_raw_phrase_is_kept():
    [ref] = extract("under Article 6, Paragraph 3 of the current Constitution,", BEFORE_FINAL, FINAL)
    assert ref == Ref("Article 6, Paragraph 3 of the current Constitution", "constitution_1995", 6, ("3",), ())


def test_a_heading_inside_a_quoted_article_is_its_paragraph():
    # The Center's statement of 31 January 2026 quotes the first draft's Article 2 and prints its
    # paragraph 6 as "Article 6." (the first draft itself: "6.the sovereignty ... do not change").
    text = ("In addition, the unitary nature is enshrined. Article 2 of the draft new Constitution of the "
            "Republic of Kazakhstan dated January 30, 2026: Article 2. The sovereignty of the Republic of "
            "Kazakhstan extends to its entire territory. Article 6. The sovereignty, independence, unitary "
            "nature, territorial integrity and governance model shall remain unchanged. Thus, statements")
    assert refs(text) == [("first_draft", 2, (), ()), ("first_draft", 2, ("6",), ())]


def test_headings_without_a_quotation_stay_articles():
    # No colon opens a quotation of one article: each heading is an article of its own.
    assert refs("Article 2 of the draft. It says so. Article 6. The text") == [("first_draft", 2, (), ()), ("first_draft", 6, (), ())]


def test_a_quotation_ends_with_its_paragraph():
    text = "Article 2 of the draft dated January 30, 2026: Article 2. The text.\nArticle 6. Another article."
    assert refs(text) == [("first_draft", 2, (), ()), ("first_draft", 6, (), ())]
