"""No English in the source labels of kk and ru pages (issue 23): outlets, institutions and the
site's own timeline are named in the reader's language (data/outlets.yml); a source's own English
title stays only where the line labels it as the source's own title (strings.yml news.title_original).
"""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from english_prose import reader_pages

STRINGS = yaml.safe_load((ROOT / "overrides/atazan/strings.yml").read_text(encoding="utf-8"))
# Latin-script names that are the outlet's name in every language; anything else in Latin
# letters inside a kk or ru source label is an English word ("via", "city akimat", "timeline").
NAMES = ("gov.kz", "Qazinform", "Kazakhstan Today")
OUTLET = re.compile(r'<span class="atazan-outlet" lang="([^"]*)">(.*?)</span>', re.S)
# A source line: a paragraph or list item that names an outlet.
LINE = re.compile(r"<(p|li)\b[^>]*>((?:(?!</\1>).)*?atazan-outlet.*?)</\1>", re.S)
ENGLISH_TITLE = re.compile(r'<(a|span)\b[^>]*lang="en"[^>]*>(.*?)</\1>(.{0,80})', re.S)


def english_words(label: str) -> list[str]:
    text = re.sub(r"<[^>]+>", "", label)
    for name in NAMES:
        text = text.replace(name, " ")
    return re.findall(r"[A-Za-z][A-Za-z'-]*", text)


@pytest.mark.parametrize("label, found", [
    ("gov.kz (Қостанай қаласының әкімдігі)", []),
    ("Qazinform (Kazakhstan Today арқылы)", []),
    ("gov.kz (Kostanay city akimat)", ["Kostanay", "city", "akimat"]),
    ("Qazinform via Kazakhstan Today", ["via"]),
    ("Ata Zan verified timeline", ["Ata", "Zan", "verified", "timeline"]),
])
def test_english_words_in_a_label(label, found):
    assert english_words(label) == found


def source_label_problems(html: str, lang: str) -> list[str]:
    problems = []
    for label_lang, label in OUTLET.findall(html):
        if label_lang != lang:
            problems.append(f"outlet marked lang={label_lang!r}: {label}")
        words = english_words(label)
        if words:
            problems.append(f"English words {words} in the outlet label {label!r}")
    note = f" ({STRINGS['news.title_original'][lang]})"
    for _, line in LINE.findall(html):
        before_outlet = line.split('class="atazan-outlet"', 1)[0]
        for _, title, after in ENGLISH_TITLE.findall(before_outlet):
            if not after.startswith(note):
                problems.append(f"English title without «{note.strip(' ()')}»: {re.sub('<[^>]+>', '', title)[:60]}")
    return problems


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_english_words_in_source_labels_on_kk_and_ru_pages(site_dir, lang):
    pages = reader_pages(site_dir, lang)
    labelled, found = 0, {}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if page.parent.name.endswith("-kk-ru"):
            continue  # a kk+ru handout: each column in its own language, checked below
        labelled += html.count('class="atazan-outlet"') > 0
        problems = source_label_problems(html, lang)
        if problems:
            found[str(page.relative_to(site_dir))] = problems
    assert labelled >= 30, f"only {labelled} {lang} pages name an outlet: are source labels still marked atazan-outlet?"
    assert not found, f"{len(found)} {lang} pages: " + "; ".join(f"{p}: {v[:2]}" for p, v in list(found.items())[:6])


def test_bilingual_handouts_name_outlets_in_each_columns_language(site_dir):
    pages = sorted(site_dir.glob("handouts/*-kk-ru/index.html")) + sorted(site_dir.glob("ru/handouts/*-kk-ru/index.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        # Each column names its outlets in its own language: the kk column in Kazakh, the ru one in Russian.
        kk, ru = source_label_problems(html, "kk"), source_label_problems(html, "ru")
        assert not [p for p in kk if p in ru], (page, kk, ru)
        assert html.count('class="atazan-outlet" lang="kk"') == html.count('class="atazan-outlet" lang="ru"'), page
