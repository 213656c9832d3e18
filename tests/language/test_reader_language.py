"""Kazakh and Russian first (issue 12): what a kk or ru reader sees on the real built site.

- No English prose on a kk or ru page outside an element marked lang="en" (tests/english_prose.py
  says what counts as English prose and why).
- Every news story has our headline in kk, ru and en, none in capitals, and the pages, feeds and
  open data use it; the outlet's own title stays, marked as English.
- Legal fragments the news gave only in English: our translation first, said to be ours.
- One translation sentence per page; status chips only for outdated texts.
- Citations a reader can follow; one source line for versions that share a source; no repeated
  bullets on theme pages; one timeline entry in the navigation.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, atazan_process, nonempty
from english_prose import english_prose, reader_pages
from news.test_news_site import index_pages

PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
STRINGS = yaml.safe_load((ROOT / "overrides/atazan/strings.yml").read_text(encoding="utf-8"))
NEWS_FILES = sorted(p for p in (ROOT / "data" / "news").glob("*.yml") if not p.name.startswith("_"))
ATOM = "{http://www.w3.org/2005/Atom}"
EVICTION = "2026-02-11-prohibiting-exclusion-asylum-without-court-decision-proposed"


def _html(site_dir: Path, lang: str, path: str) -> str:
    return (site_dir / f"{PREFIX[lang]}{path}" / "index.html").read_text(encoding="utf-8")


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return len(letters) >= 4 and not any(c.islower() for c in letters)


# ------------------------------------------------------------------ the scanner on its own

@pytest.mark.parametrize("html, found", [
    ("<body><p>Бұл қазақша мәтін.</p></body>", []),
    ("<body><p>Бұл мәтін: the original title here.</p></body>", ["the original title here"]),
    ('<body><p lang="en">The original title here</p></body>', []),
    ('<body><div lang="en"><p>Nested <b>English text</b> stays marked</p></div></body>', []),
    ("<body><pre><code>atazan import news dumps</code></pre></body>", []),
    ('<body><a title="Permanent link" href="#x">¶</a></body>', ["<a title='Permanent link'>"]),
    ('<body><input aria-label="Dark"></body>', ["<input aria-label='Dark'>"]),
    ("<body><p>Дереккөз: gov.kz, trend.az және https://example.org/a/b/c.</p></body>", []),
    ("<body><p>Ағылшын мәтіні «exclusion from asylum» деп жазады.</p></body>", []),
    # Section numbers are Roman numerals in every language.
    ('<body><nav aria-label="Раздел VIII. Тестовое правосудие"></nav></body>', []),
    # A quoted headline is English prose, not a mention.
    ("<body><p>«Kazakhstan to hold constitutional referendum in March»</p></body>",
     ["Kazakhstan to hold constitutional referendum in March"]),
])
def test_english_prose_scanner(html, found):
    assert english_prose(html) == found


# ------------------------------------------------------------------ every built kk and ru page

@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_english_prose_outside_lang_en_on_kk_and_ru_pages(site_dir, lang):
    pages = reader_pages(site_dir, lang)
    assert len(pages) > 80, len(pages)
    found = {str(p.relative_to(site_dir)): english_prose(p.read_text(encoding="utf-8")) for p in pages}
    found = {page: runs for page, runs in found.items() if runs}
    assert not found, f"{len(found)} {lang} pages show English: " + "; ".join(
        f"{page}: {runs[:3]}" for page, runs in list(found.items())[:8])


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_palette_and_heading_anchors_speak_the_page_language(site_dir, lang):
    page = _html(site_dir, lang, "about")
    assert f'title="{STRINGS["permalink.title"][lang]}"' in page
    labels = re.findall(r'<input class="md-option"[^>]*aria-label="([^"]+)"', page)
    assert labels == [STRINGS["palette.to_dark"][lang], STRINGS["palette.to_light"][lang]], labels


# ------------------------------------------------------------------ headlines

def test_every_news_record_has_a_headline_in_three_languages_none_in_capitals():
    assert len(NEWS_FILES) >= 15
    for path in NEWS_FILES:
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        headline = (record.get("curated") or {}).get("headline") or {}
        assert set(headline) == {"kk", "ru", "en"}, f"{path.name}: headline languages {sorted(headline)}"
        for lang, entry in headline.items():
            text = entry["text"]
            assert not _capitals(text), f"{path.name}: {lang} headline in capitals: {text}"
            assert text[0].isupper() or text[0].isdigit(), f"{path.name}: {lang} headline starts in lower case"
            assert entry["status"] in ("original", "translated"), f"{path.name}: {lang}: nobody reviewed it"
            assert text != record["machine"]["title"], f"{path.name}: {lang} headline copies the outlet's title"
        # Written in each reader's language: Cyrillic for kk and ru.
        assert re.search("[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", headline["kk"]["text"]) and re.search("[А-Яа-я]", headline["ru"]["text"])


def test_the_eviction_story_says_eviction(dataset):
    # The outlet's English title says "exclusion from asylum"; the story is about eviction from housing.
    headline = dataset.news[EVICTION].curated.headline
    assert "eviction" in headline["en"].text and "asylum" not in headline["en"].text
    assert "выселение" in headline["ru"].text and "шығару" in headline["kk"].text


def test_a_headline_in_capitals_fails_validation(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "news" / f"{EVICTION}.yml"
    text = path.read_text(encoding="utf-8")
    shouting = "Уполномоченный по правам ребёнка Динара Закиева предложила запретить выселение из жилища без решения суда"
    assert text.count(shouting) == 1
    path.write_text(text.replace(shouting, shouting.upper()), encoding="utf-8")
    line = text[: text.index(shouting)].count("\n") + 1
    result = atazan_process("validate", "--data", str(data), cwd=tmp_path)
    assert result.returncode == 1
    assert f"data/news/{EVICTION}.yml:" in result.stdout + result.stderr
    assert "curated.headline: the ru headline is in capitals: write it in sentence case" in result.stdout + result.stderr
    assert line > 0


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_pages_feeds_and_open_data_use_our_headline(site_dir, dataset, lang):
    item = dataset.news[EVICTION]
    headline = item.curated.headline[lang].text
    page = _html(site_dir, lang, f"news/{EVICTION}")
    h1 = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", page, re.S).group(1).strip()
    assert h1 == headline
    assert f"<title>{headline} - " in page
    # The outlet's own title stays on the page, marked as English.
    assert re.search(r'<span lang="en">«PROHIBITING EXCLUSION FROM ASYLUM', page)
    # The importer's relevance reason is not shown to readers.
    assert item.machine.relevance.reason not in page
    assert any(f">{headline}</a>" in htmllib.unescape(index) for _, index in index_pages(site_dir, lang))
    theme = _html(site_dir, lang, "themes/housing")
    assert f">{headline}</a>" in theme  # "In the news"
    feed = ET.parse(site_dir / "feeds" / f"news-{lang}.xml").getroot()
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert headline in titles and not any(_capitals(t) for t in titles)
    data = json.loads((site_dir / "api" / "v1" / f"{lang}.json").read_text(encoding="utf-8"))
    entry = next(e for e in data["news"] if e["id"] == EVICTION)
    assert entry["title"] == headline and entry["source_title"] == item.machine.title


# ------------------------------------------------------------------ legal fragments, statuses

class _Blocks(HTMLParser):
    """Legal blockquotes (lang, data-translation) in order, and status chips and notices."""

    def __init__(self):
        super().__init__()
        self.legal: list[tuple[str, str | None, bool]] = []  # (lang, data-translation, inside <details>)
        self.chips: list[dict] = []
        self.notices = 0
        self.outdated = 0  # how many outdated texts the page's notice counts
        self.source_lines = 0
        self._details = 0

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "details":
            self._details += 1
        if tag == "blockquote" and "atazan-legal" in classes:
            self.legal.append((a.get("lang"), a.get("data-translation"), self._details > 0))
        if tag == "span" and "atazan-status" in classes:
            self.chips.append(a)
        if tag == "p" and "atazan-translation-notice" in classes:
            self.notices += 1
            self.outdated += int(a.get("data-outdated") or 0)
        if tag == "p" and "atazan-source" in classes:
            self.source_lines += 1

    def handle_endtag(self, tag):
        if tag == "details":
            self._details -= 1


def _blocks(html: str) -> _Blocks:
    parsed = _Blocks()
    parsed.feed(html)
    return parsed


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_our_translation_comes_first_and_the_english_rendering_is_marked(site_dir, dataset, lang):
    for pid, provision in nonempty(dataset.provisions.items()):
        page = _html(site_dir, lang, f"provisions/{pid}")
        blocks = _blocks(page).legal
        english = [v for v in provision.versions if v.text and v.text_language == "en"]
        assert len(blocks) == 2 * len(english), pid
        for ours, rendering in zip(blocks[::2], blocks[1::2]):
            assert ours == (lang, "ours", False), (pid, ours)
            assert rendering == ("en", None, True), (pid, rendering)
        if english:
            label = STRINGS["legal.ours." + english[0].text_kind][lang]
            assert label in page, pid
            assert STRINGS["legal.ours.explain"][lang] in page, pid


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_status_said_once_per_page_and_chips_only_for_outdated_texts(site_dir, lang):
    for folder in ("provisions", "themes", "news"):
        for path in nonempty(sorted((site_dir / PREFIX[lang] / folder).glob("*/index.html")), folder):
            parsed = _blocks(path.read_text(encoding="utf-8"))
            assert parsed.notices == 1, path
            # The extract's label says whose words they are (not a translation status): it stays.
            translation_chips = [c for c in parsed.chips if c.get("data-status") != "extracted"]
            assert len(translation_chips) == parsed.outdated, (path, parsed.outdated, translation_chips[:2])
            assert all(chip.get("data-outdated") == "true" for chip in translation_chips), (path, translation_chips[:2])


# ------------------------------------------------------------------ phone defects

def test_versions_sharing_a_source_name_it_once(site_dir):
    # All six versions of kurultai-dissolution come from one story.
    for lang in PREFIX:
        assert _blocks(_html(site_dir, lang, "provisions/kurultai-dissolution")).source_lines == 1


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_citation_can_be_followed(site_dir, lang):
    # A source line links the outlet's URL, or our page of the story; milestones name their sites.
    for path in nonempty(sorted((site_dir / PREFIX[lang] / "provisions").glob("*/index.html"))):
        html = path.read_text(encoding="utf-8")
        for line in re.findall(r'<p class="atazan-source">(.*?)</p>', html, re.S):
            href = re.search(r'<a href="([^"]+)"', line)
            assert href, (path, line[:120])
            if not href.group(1).startswith("http"):
                assert (path.parent / href.group(1) / "index.html").resolve().is_file(), (path, href.group(1))
    for page in ("news", "timeline"):
        html = _html(site_dir, lang, page)
        sources = re.findall(rf'{STRINGS["sources"][lang]}: (.*?)</p>', html)
        assert sources, page
        for line in sources:
            texts = re.findall(r"<a [^>]*>([^<]*)</a>", line)
            assert texts and not any(t.strip().isdigit() for t in texts), (page, line[:120])


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_theme_pages_repeat_no_bullet(site_dir, lang):
    for path in nonempty(sorted((site_dir / PREFIX[lang] / "themes").glob("*/index.html"))):
        html = path.read_text(encoding="utf-8")
        for items in nonempty(re.findall(r"<ul>(.*?)</ul>", html, re.S), f"lists on {path}"):
            texts = [re.sub(r"<[^>]+>", "", li).strip() for li in re.findall(r"<li>(.*?)</li>", items, re.S)]
            assert len(texts) == len(set(texts)), (path, texts)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_one_timeline_entry_in_the_navigation(site_dir, lang):
    page = _html(site_dir, lang, "about")
    nav = page.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    labels = [re.sub(r"\s+", " ", label).strip() for label in re.findall(r'<span class="md-ellipsis">(.*?)</span>', nav, re.S)]
    word = {"kk": "хронология", "ru": "хронолог", "en": "timeline"}[lang]
    assert sum(word in label.lower() for label in labels) == 1, labels
