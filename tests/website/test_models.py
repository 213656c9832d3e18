"""The provision, theme and timeline kinds' models, and routes.page_url: what each page shows, decided once for every language."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from atazan.website.kinds import provision as models_provision, theme as models_theme, timeline as models_timeline
from atazan.website.i18n import format_date
from atazan.website.routes import page_url
from atazan.dataset.validate import load_dataset
from conftest import LANGUAGES, OWNERSHIP, replace_first, replace_once


def load(data):
    return load_dataset(str(data), str(data.parent))


def test_versions_are_in_date_order_and_unknown_numbers_stay_unknown(core_data):
    page = models_provision.provision_page(load(core_data), "ownership", "en")
    assert [v.kind for v in page.versions] == ["first_draft", "amended_draft"]  # 2026-01-30, then 2026-02-11
    assert [v.number for v in page.versions] == [8, None]  # the sources give no final-draft number
    assert page.versions[1].paragraphs == ("1",)
    assert page.source_file == OWNERSHIP


def test_no_adopted_text_is_flagged(core_data):
    assert models_provision.provision_page(load(core_data), "ownership", "kk").has_adopted_text is False


def test_every_text_carries_its_status(core_data):
    dataset = load(core_data)
    en, kk = (models_provision.provision_page(dataset, "ownership", lang) for lang in ("en", "kk"))
    assert (en.title.status, en.title.from_lang) == ("original", None)
    assert (kk.title.status, kk.title.from_lang, kk.title.lang) == ("translated", "en", "kk")
    assert kk.says.text.startswith("Конституциялық Сот")


def test_own_translation_only_where_the_reader_s_language_differs(core_data):
    dataset = load(core_data)
    en = models_provision.provision_page(dataset, "ownership", "en").versions[1]
    ru = models_provision.provision_page(dataset, "ownership", "ru").versions[1]
    assert en.own_translation is None  # the legal text is already English
    assert ru.text == en.text  # the quoted text itself is never replaced by a translation
    assert ru.own_translation.status == "translated" and ru.own_translation.from_lang == "en"
    assert ru.own_translation.text.startswith("В Республике Казахстан")


def test_a_paraphrase_is_never_diffed_against_a_quote(core_data):
    assert models_provision.provision_page(load(core_data), "ownership", "en").diffs == []


def test_two_quotes_in_one_language_are_diffed(core_data):
    replace_first(core_data / "provisions/ownership.yml", "text_kind: paraphrase", "text_kind: quote")
    diffs = models_provision.provision_page(load(core_data), "ownership", "ru").diffs
    assert [(d.older, d.newer) for d in diffs] == [("Первый проект", "Проект с поправками")]
    removed = " ".join(s.text for s in diffs[0].segments if s.kind == "removed")
    added = " ".join(s.text for s in diffs[0].segments if s.kind == "added")
    assert "two" in removed and "All" in added


def test_theme_page_lists_its_provisions(core_data):
    page = models_theme.theme_page(load(core_data), "ownership", "ru")
    assert [p.link.id for p in page.provisions] == ["ownership"]
    assert page.provisions[0].link.path == "provisions/ownership.md"
    assert page.provisions[0].numbers == [("Первый проект", 8), ("Проект с поправками", None)]


def test_provisions_without_a_section_are_grouped_apart(core_data):
    assert [(g.number, len(g.provisions)) for g in models_provision.section_groups(load(core_data), "en")] == [("I", 1)]
    replace_once(core_data / "provisions/ownership.yml", "section: foundations", "section: null")
    groups = models_provision.section_groups(load(core_data), "en")
    assert [(g.title, g.number, len(g.provisions)) for g in groups] == [(None, None, 1)]


def test_timeline_is_in_date_order(core_data):
    # The file lists events oldest first; reversed, only the loader's sort can restore the order.
    timeline = core_data / "timeline.yml"
    events = yaml.safe_load(timeline.read_text(encoding="utf-8"))
    assert len({event["date"] for event in events}) >= 2
    timeline.write_text(yaml.safe_dump(events[::-1], allow_unicode=True, sort_keys=False), encoding="utf-8")
    entries = models_timeline.timeline_entries(load(core_data), "en")
    assert len(entries) == len(events)
    assert [e.iso_date for e in entries] == sorted(e.iso_date for e in entries)
    assert all(e.sources for e in entries)


@pytest.mark.parametrize("lang, expected", [
    # CLDR keeps the year and its abbreviation together with a narrow no-break space (U+202F).
    ("kk", "2026\u202fж. 15 наурыз"),  # as in toolchain-notes.md
    ("ru", "15 марта 2026\u202fг."),
    ("en", "March 15, 2026"),
])
def test_dates_are_formatted_per_language(lang, expected):
    assert format_date(dt.date(2026, 3, 15), lang) == expected


def test_page_urls_put_kk_at_the_root():
    assert [page_url(lang, "provisions/ownership.md") for lang in LANGUAGES] == [
        "provisions/ownership/", "ru/provisions/ownership/", "en/provisions/ownership/"]
    assert page_url("ru", "provisions/index.md") == "ru/provisions/"
    assert page_url("kk", "index.md") == ""
