"""Lists sorted for readers follow the reader's alphabet (issue 23): hooks/atazan/website/collation.py.

ICU's kk collation is checked letter by letter against the Kazakh alphabet, so a change in ICU's
data fails here; the built glossary is checked in the order a Kazakh and a Russian reader expect.
"""

from __future__ import annotations

import re

import pytest

from atazan.website import collation
from conftest import nonempty

KAZAKH = "А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я".split()
RUSSIAN = "А Б В Г Д Е Ж З И Й К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Ъ Ы Ь Э Ю Я".split()


@pytest.mark.parametrize("letters", [KAZAKH, [c.lower() for c in KAZAKH]])
def test_kazakh_letters_in_the_order_of_the_kazakh_alphabet(letters):
    shuffled = sorted(letters, key=ord)  # code point order: Ә Ғ Қ … І after Я
    assert shuffled != letters
    assert collation.sorted_for("kk", shuffled, key=str) == letters


def test_russian_letters_in_the_order_of_the_russian_alphabet_with_yo_beside_ye():
    assert collation.sorted_for("ru", sorted(RUSSIAN, key=ord, reverse=True), key=str) == RUSSIAN
    assert collation.sorted_for("ru", ["ель", "ёж", "еж", "Ёлка", "ежи"], key=str) == ["еж", "ёж", "ежи", "Ёлка", "ель"]


def test_kazakh_words_with_the_kazakh_letters():
    words = ["Үкімет", "Іс", "Һәм", "Құрылтай", "Ұлт", "Әкім", "Адам", "Конституциялық Сот", "Ыдыс", "Хат",
             "Қазына", "Ғалым", "Ұлы", "Өлке", "Оқу", "Ноқат", "Ңа"]
    assert collation.sorted_for("kk", words, key=str) == [
        "Адам", "Әкім", "Ғалым", "Конституциялық Сот", "Қазына", "Құрылтай", "Ноқат", "Ңа", "Оқу", "Өлке",
        "Ұлт", "Ұлы", "Үкімет", "Хат", "Һәм", "Ыдыс", "Іс"]


def test_case_does_not_decide_the_order():
    assert collation.sorted_for("kk", ["әкім", "Адам", "құрылтай", "Конституция"], key=str) == [
        "Адам", "әкім", "Конституция", "құрылтай"]


def _glossary_headings(site_dir, prefix: str) -> list[str]:
    html = (site_dir / prefix / "glossary" / "index.html").read_text(encoding="utf-8")
    body = html.split('<div class="md-content"', 1)[1]
    return [re.sub(r"<[^>]+>", "", h) for h in re.findall(r'<h2 id="[^"]*">(.*?)<a class="headerlink"', body)]


@pytest.mark.parametrize("lang, prefix", [("kk", ""), ("ru", "ru")])
def test_the_built_glossary_is_in_the_readers_alphabet(site_dir, dataset, lang, prefix):
    headings = _glossary_headings(site_dir, prefix)
    assert sorted(headings) == sorted(t.term[lang].text for t in dataset.glossary.values())
    assert headings == collation.sorted_for(lang, headings, key=str)
    if lang == "kk":
        # Әкім right after Адам…, Құрылтай right after Конституциялық Сот: not after Я (code point order).
        assert headings.index("Әкім, әкімдік") == headings.index("Адам құқықтары жөніндегі уәкіл") + 1
        assert headings.index("Құрылтай") == headings.index("Конституциялық Сот") + 1
        assert headings != sorted(headings, key=str.casefold)


def test_provisions_within_a_section_are_in_the_readers_alphabet(site_dir, dataset):
    from atazan.website.kinds import provision

    for lang in ("kk", "ru"):
        for group in nonempty(provision.section_groups(dataset, lang)):
            titles = [p.link.title for p in group.provisions]
            assert titles == collation.sorted_for(lang, titles, key=str), (lang, group.title)
