"""What the rehearsal's site showed wrong after an import (issue 21), each checked where it was seen:
the preamble cut into printed lines, the feed's date passed off as the adoption, a text in another
language with an unmarked source, an edit button on the official wording, «статьёй» not read as an
article reference, and a weak leftover pair proposed by `atazan match`. The 404 pages of the offline
copy: tests/readers/test_page_sanity.py (every link of every build)."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import LANGUAGES, ROOT, nonempty
from rehearsal import make_rehearsal as recipe

PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
TEXT_STRINGS = yaml.safe_load((ROOT / "overrides" / "atazan" / "strings-text.yml").read_text(encoding="utf-8"))
STRINGS = yaml.safe_load((ROOT / "overrides" / "atazan" / "strings.yml").read_text(encoding="utf-8"))


def _page(site: Path, lang: str, path: str):
    return lxml.html.parse(str(site / PREFIX[lang] / path / "index.html")).getroot()


def _text(element) -> str:
    return " ".join(element.text_content().split())


# ---------------------------------------------------------------- the preamble


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_official_preamble_reads_as_its_two_paragraphs(rehearsal_dir, rehearsal_site, lang):
    """The portal's JSON gives each preamble paragraph as a sideNote of printed lines, sentences
    running across them (7 lines for 2 paragraphs): imported and shown as the 2 paragraphs."""
    source = json.loads((Path(recipe.HERE) / f"adopted.{lang}.json").read_text(encoding="utf-8"))
    lines = [n for n in (source["content"] if isinstance(source, dict) else source[0]["content"])
             if n["type"] == "text" and n["level"] == 4 and not str(n.get("text", "")).startswith(("I ", "Раздел"))]
    paragraphs = [" ".join(p.split()) for p in recipe.version("adopted", lang).preamble]
    assert len(paragraphs) == 2 and len(lines) > 4
    held = yaml.safe_load((rehearsal_dir / "data" / "texts" / "adopted" / f"{lang}.yml").read_text(encoding="utf-8"))
    assert held["preamble"] == paragraphs
    shown = [_text(p) for p in _page(rehearsal_site, lang, "texts/adopted").find_class("atazan-preamble")]
    assert shown == paragraphs


# ---------------------------------------------------------------- the dates, the source's language


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_version_date_and_the_publication_date_are_each_named(rehearsal_dir, rehearsal_site, lang):
    from atazan.website.i18n import format_date

    versions = {v["id"]: v for v in yaml.safe_load((ROOT / "data" / "versions.yml").read_text(encoding="utf-8"))}
    held = yaml.safe_load((rehearsal_dir / "data" / "texts" / "adopted" / f"{lang}.yml").read_text(encoding="utf-8"))
    meta = _text(_page(rehearsal_site, lang, "articles/9").find_class("atazan-legal-meta")[0])
    adopted = " ".join(format_date(versions["adopted"]["date"], lang).split())  # as _text reads a no-break space
    as_of = " ".join(TEXT_STRINGS["text.as_of"][lang].format(date=format_date(held["source"]["date"], lang)).split())
    assert f"{versions['adopted']['label'][lang]['text']} ({adopted})" in meta, meta
    # The feed's revision date (kk, ru) or the translation's publication (en), never called the adoption.
    assert as_of in meta and held["source"]["date"] != versions["adopted"]["date"], meta


@pytest.mark.parametrize("lang", ["en"])
def test_a_text_in_another_language_marks_its_source_with_that_language(rehearsal_site, lang):
    # The first draft has no English text: the English page shows the Kazakh one (legaltext.choose).
    page = _page(rehearsal_site, lang, "texts/first_draft")
    meta = page.find_class("atazan-legal-meta")[0]
    name = meta.find_class("atazan-source-name")[0]
    assert name.get("lang") == "kk"
    assert f"{TEXT_STRINGS['text.source'][lang]} ({STRINGS['lang.kk'][lang]}):" in _text(meta)
    same = _page(rehearsal_site, "kk", "texts/first_draft").find_class("atazan-source-name")[0]
    assert same.get("lang") is None  # in the page's own language nothing to mark


# ---------------------------------------------------------------- the official wording is not ours to edit


def _edit_buttons(page) -> list[str]:
    return [a.get("href") for a in page.iter("a") if "md-content__button" in (a.get("class") or "") and "/edit/" in (a.get("href") or "")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_of_the_official_text_have_no_edit_button_and_say_where_it_comes_from(rehearsal_site, lang):
    for path in ("articles/9", "texts/adopted", "texts/first_draft"):
        page = _page(rehearsal_site, lang, path)
        assert _edit_buttons(page) == [], path
        origin = page.find_class("atazan-text-origin")
        assert len(origin) == 1 and TEXT_STRINGS["text.origin"][lang] in _text(origin[0]), path
        assert any("README.md#importing-the-official-texts" in a.get("href") for a in origin[0].iter("a"))
    # Every other page keeps its edit button, to its data file.
    assert _edit_buttons(_page(rehearsal_site, lang, "provisions/ownership")) == [
        "https://github.com/ata-zan/ata-zan/edit/main/data/provisions/ownership.yml"]


# ---------------------------------------------------------------- kk/ru comparison: «статьёй»


def test_every_case_of_the_russian_article_reference_is_read():
    from atazan.dataset.textcompare import facts

    for phrase in ("статья 47", "статьи 47", "статье 47", "статью 47", "статьей 47", "статьёй 47", "статей 47",
                   "Статьёй 47", "статьям 47", "статьями 47", "статьях 47"):
        found = facts(f"в порядке, предусмотренном {phrase} настоящей Конституции")
        assert list(found.references) == ["47"] and not found.numbers, phrase


def test_the_rehearsal_kk_and_ru_texts_agree_on_every_reference(rehearsal_dir):
    from atazan.dataset.validate import load_dataset

    # Before «статьёй» was read, the cross-references of Articles 3, 24 and 52 were listed in each
    # version: "reference to article 47 only in kk", "number 47 only in ru".
    dataset = load_dataset(str(rehearsal_dir / "data"), str(rehearsal_dir))
    assert [str(n) for n in dataset.texts.notes] == []


# ---------------------------------------------------------------- `atazan match`: no weak leftover pair


def test_match_proposes_no_pair_for_a_new_and_a_removed_article(rehearsal_dir):
    """Matched afresh (nothing confirmed), the rehearsal's table is the recipe's: the new adopted
    Articles 6 and 90 and the removed first-draft article stay unpaired (the removed one scored 56
    with Article 6, each having better matches elsewhere), every other article pairs."""
    from atazan.dataset import correspondence
    from atazan.dataset.validate import load_dataset

    dataset = load_dataset(str(rehearsal_dir / "data"), str(rehearsal_dir))
    texts = correspondence.matching_texts(dataset.texts)
    table = correspondence.propose({"adopted": texts["adopted"], "first_draft": texts["first_draft"]}, "adopted")
    proposed = {row.number("adopted"): row.number("first_draft") for row in table.rows if row.number("adopted")}
    expected = {str(a): (str(n) if (n := recipe.first_draft_number(a)) else None) for a in range(1, recipe.ADOPTED_ARTICLES + 1)}
    assert proposed == expected
    lone = [row.number("first_draft") for row in table.rows if row.number("adopted") is None]
    assert lone == [str(recipe.removed_first_draft_number())]
    # Below REVIEW_BELOW only what is some article's best match: the reworded Article 80 (80.4) is.
    weak = [(row.number("adopted"), row.cells["first_draft"].score) for row in table.rows
            if row.number("adopted") and row.cells["first_draft"].score is not None
            and row.cells["first_draft"].score < correspondence.REVIEW_BELOW]
    assert weak == []
