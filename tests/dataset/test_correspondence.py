"""Articles matched across versions whose numbers shift (dataset/correspondence.py), and word diffs
(website/textdiff.py). The texts are invented test data, not the Constitution's wording."""

from __future__ import annotations

import random

import pytest

from atazan.dataset import correspondence as corr
from atazan.dataset.correspondence import Article, normalise
from atazan.website import textdiff

WORDS = ("state citizen law court right duty land property council election term office budget "
         "language family health education labour freedom security order power people region "
         "referendum parliament president government judge prosecutor audit treaty border").split()


def invented_articles(count: int, seed: int = 7) -> list[Article]:
    """`count` articles of 2-3 paragraphs of invented wording, distinct from each other."""
    rng = random.Random(seed)
    articles = []
    for number in range(1, count + 1):
        paragraphs = tuple(
            f"{p}. " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30))) + "."
            for p in range(1, rng.randint(2, 3) + 1))
        articles.append(Article(str(number), paragraphs))
    return articles


def renumbered(articles: list[Article]) -> list[Article]:
    return [Article(str(index), article.paragraphs) for index, article in enumerate(articles, 1)]


def reworded(article: Article, rng: random.Random) -> Article:
    """The same article with a few words of its first paragraph replaced and one added."""
    words = article.paragraphs[0].split()
    for index in rng.sample(range(1, len(words)), 3):
        words[index] = rng.choice(WORDS)
    words.insert(2, "furthermore")
    return Article(article.number, (" ".join(words), *article.paragraphs[1:]))


@pytest.fixture(scope="module")
def three_versions():
    """1995 (40 articles) -> first draft (one inserted at 5, one removed at 20) -> adopted (two reworded)."""
    rng = random.Random(3)
    old = invented_articles(40)
    inserted = Article("x", invented_articles(1, seed=99)[0].paragraphs)
    draft = renumbered(old[:4] + [inserted] + old[4:19] + old[20:])
    adopted = list(draft)
    adopted[10] = reworded(adopted[10], rng)
    adopted[30] = reworded(adopted[30], rng)
    # Formatting only: other quotes, dashes, spacing, numbering style and a look-alike letter.
    adopted[2] = Article(adopted[2].number, tuple(
        p.replace(". ", ") ", 1).replace("o", "о").replace(" ", "  ") for p in adopted[2].paragraphs))
    return {"constitution_1995": old, "first_draft": draft, "adopted": adopted}


def test_every_match_is_proposed_correctly(three_versions):
    table = corr.propose(three_versions, "adopted")
    got = {row.number("adopted"): (row.number("first_draft"), row.number("constitution_1995")) for row in table.rows}
    expected = {}
    for n in range(1, 41):  # adopted/first draft numbering
        if n <= 4:
            expected[str(n)] = (str(n), str(n))
        elif n == 5:
            expected[str(n)] = ("5", None)  # inserted: new since 1995
        elif n <= 20:
            expected[str(n)] = (str(n), str(n - 1))
        else:
            expected[str(n)] = (str(n), str(n))  # after the removed article 20 of 1995, numbers meet again
    assert got.pop(None) == (None, "20")  # 1995's Article 20 was removed
    assert got == expected


def test_the_change_list_names_exactly_the_fixture_changes(three_versions):
    table = corr.propose(three_versions, "adopted")
    texts = {v: {a.number: a for a in articles} for v, articles in three_versions.items()}
    draft_to_adopted = [c for c in corr.changes(table, texts, "first_draft", "adopted") if c.kind != "unchanged"]
    assert [(c.kind, c.old_number, c.new_number) for c in draft_to_adopted] == [
        ("changed", "11", "11"), ("changed", "31", "31")]
    from_1995 = [c for c in corr.changes(table, texts, "constitution_1995", "first_draft") if c.kind != "unchanged"]
    kinds = {kind: [(c.old_number, c.new_number) for c in from_1995 if c.kind == kind] for kind in ("new", "removed", "renumbered", "changed")}
    assert kinds["new"] == [(None, "5")]
    assert kinds["removed"] == [("20", None)]
    assert kinds["renumbered"] == [(str(n - 1), str(n)) for n in range(6, 21)]
    assert kinds["changed"] == []


def test_a_confirmed_row_survives_a_reimport_that_would_propose_otherwise(three_versions):
    table = corr.propose(three_versions, "adopted")
    # A person decided adopted 7 is 1995's Article 3 (the texts say 6), and that adopted 8 has no 1995 counterpart.
    corr.confirm(table, "constitution_1995", "7", "3")
    corr.confirm(table, "constitution_1995", "8", None)
    again = corr.propose(three_versions, "adopted", previous=table)
    row7, row8 = again.row_of("adopted", "7"), again.row_of("adopted", "8")
    assert row7.cells["constitution_1995"] == corr.Cell("3", None, True)
    assert row8.cells["constitution_1995"] == corr.Cell(None, None, True)
    # The articles those decisions freed are proposed elsewhere, never twice.
    assert corr.table_problems(again, {v: [a.number for a in arts] for v, arts in three_versions.items()}) == []
    unconfirmed = corr.propose(three_versions, "adopted")
    assert unconfirmed.row_of("adopted", "7").number("constitution_1995") == "6"


def test_validation_names_missing_numbers_and_double_matches(three_versions):
    table = corr.propose(three_versions, "adopted")
    table.rows[0].cells["first_draft"] = corr.Cell("99")
    table.rows[1].cells["constitution_1995"] = corr.Cell("3")  # row 3 already has 1995's Article 3
    found = corr.table_problems(table, {v: [a.number for a in arts] for v, arts in three_versions.items()})
    assert (0, "first_draft", "article 99 does not exist in first_draft") in found
    assert (2, "constitution_1995", "article 3 of constitution_1995 is matched twice (also in row 2)") in found


@pytest.mark.parametrize("a, b", [
    ("«Жер» — мемлекет меншігінде.", '"жер" - мемлекет  меншігінде.'),
    ("1. Қазақстан", "1) Қазақстан".replace("а", "a")),  # Latin a typed for Cyrillic а
    ("Іргетас", "Iргетас"),  # Kazakh І against Latin I
])
def test_formatting_and_lookalikes_normalise_away(a, b):
    assert normalise(a) == normalise(b)


def test_normalise_keeps_real_differences():
    assert normalise("не может быть лишён") != normalise("может быть лишён")


def test_word_diff_marks_removed_and_added_words_with_text_labels():
    old = ["1. No one may be deprived of housing.", "2. The law sets the order."]
    new = ["1) No one may be deprived of housing or evicted except by a court decision.", "2. The law sets the order."]
    segments = textdiff.word_diff(old, new)
    assert [s for s in segments if s.kind != "equal"] == [
        textdiff.Segment("removed", "housing."),
        textdiff.Segment("added", "housing or evicted except by a court decision.")]
    html = str(textdiff.to_html(segments, "жойылды:", "қосылды:"))
    assert '<del><span class="atazan-sr">жойылды: </span>housing.</del>' in html
    assert '<ins><span class="atazan-sr">қосылды: </span>housing or evicted' in html
    assert html.count("<p>") == 2
    assert textdiff.counts(segments) == (1, 8)


def test_formatting_only_difference_is_no_change():
    assert not textdiff.is_changed(["1. «Жер» — халықтың  меншігі."], ['1) "Жер" - халықтың меншігі.'])
    assert textdiff.is_changed(["1. Жер халықтың меншігі."], ["1. Жер мемлекеттің меншігі."])


def test_diff_html_escapes_the_text():
    segments = textdiff.word_diff(["<b>old</b>"], ['<img src=x onerror="alert(1)">'])
    html = str(textdiff.to_html(segments, "<i>removed</i>", "added"))
    assert "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;img" in html


def test_identical_short_articles_match_by_position():
    """Two articles with the same wording: the one removed is the one whose place is empty."""
    articles = invented_articles(12, seed=5)
    same = ("1. The procedure is determined by law.",)
    old = articles[:2] + [Article("x", same)] + articles[2:9] + [Article("y", same)] + articles[9:]
    old = renumbered(old)  # the shared wording is Article 3 and Article 11
    new = renumbered([a for a in old if a.number != "3"])  # Article 3 removed; Article 11 becomes 10
    table = corr.propose({"adopted": new, "first_draft": old}, "adopted")
    assert table.row_of("adopted", "10").number("first_draft") == "11"
    removed = [row.number("first_draft") for row in table.rows if row.number("adopted") is None]
    assert removed == ["3"]


def test_a_phone_sees_only_the_changed_paragraphs():
    old = ["1. The state protects the family.", "2. The law sets the order.", "3. Courts decide disputes."]
    new = ["1. The state protects the family.", "2. The law alone sets the order.", "3. Courts decide disputes."]
    segments = textdiff.word_diff(old, new)
    short = str(textdiff.to_html(segments, "removed:", "added:", only_changed=True))
    assert short.count("<p>") == 1 and "alone" in short and "family" not in short
    assert textdiff.unchanged_paragraphs(segments) == 2
    assert str(textdiff.to_html(segments, "removed:", "added:")).count("<p>") == 3
