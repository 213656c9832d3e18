"""The built site: news pages, the news index with milestones, fact-checks, "In the news",
the Atom feeds and `news` in the open-data export, in all three languages."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET

import pytest

from atazan.errors import DataError
from atazan.dataset.validate import load_dataset
from conftest import nonempty

LANGS = ("kk", "ru", "en")
PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = os.environ.get("SITE_URL", "https://ata-zan.github.io/ata-zan/").rstrip("/") + "/"  # as in mkdocs.yml
PROPOSALS = "2026-02-11-proposals-received-were-taken-into-account-additional"
LAND = "2026-01-31-center-countering-disinformation-has-recorded-spread-false"


def _html(site_dir, lang, path):
    return (site_dir / f"{PREFIX[lang]}{path}" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang, date", [("kk", "2026\u202fж. 11 ақпан"), ("ru", "11 февраля 2026\u202fг."), ("en", "February 11, 2026")])
def test_news_page_has_babel_date_outlet_links_and_summary_status(site_dir, dataset, lang, date):
    page = _html(site_dir, lang, f"news/{PROPOSALS}")
    assert f'<html lang="{lang}"' in page
    assert date in page
    # The dump has no URL for this item, so the gov.kz entity is unknown: the outlet says only gov.kz,
    # named in the page's language (data/outlets.yml).
    assert f'{date} · <span class="atazan-outlet" lang="{lang}">gov.kz</span></p>' in page and "entity not named" not in page
    assert 'href="../../provisions/ownership/"' in page and 'href="../../themes/ownership/"' in page
    assert dataset.news[PROPOSALS].curated.summary[lang].text.split()[0] in page
    # One sentence for the page's statuses (our headline and summary), and the extract's own label.
    expected = "original" if lang == "en" else "translated"
    assert page.count('class="atazan-translation-notice"') == 1
    assert f'data-sentence="{expected}"' in page and 'data-status="extracted"' in page


@pytest.mark.parametrize("lang, no_link", [("kk", "дереккөзде сілтеме жоқ"), ("ru", "в источнике нет ссылки"), ("en", "no link in the source")])
def test_story_without_url_says_so(site_dir, lang, no_link):
    assert no_link in _html(site_dir, lang, f"news/{PROPOSALS}")


def test_story_with_url_links_it(site_dir):
    page = _html(site_dir, "en", "news/2026-01-31-new-constitution-republic-kazakhstan-beginning-complex-reform")
    assert 'href="https://www.gov.kz/memleket/entities/kostanai-kalasy-akimat/press/news/details/1152143?lang=kk"' in page


def index_pages(site_dir, lang) -> list[tuple[object, str]]:
    """The news index's pages in order, (file, HTML), found as a reader finds them: from page 1,
    following each page's "older" link (rel="next")."""
    path = site_dir / f"{PREFIX[lang]}news" / "index.html"
    pages = []
    while path is not None:
        assert path.exists() and path not in [p for p, _ in pages], path
        html = path.read_text(encoding="utf-8")
        pages.append((path, html))
        older = re.findall(r'<a href="([^"]+)" rel="next">', html)
        assert len(set(older)) <= 1, older  # the same link above and below the list
        path = (path.parent / older[0] / "index.html").resolve() if older else None
    return pages


def _story_links(page, html) -> set[str]:
    """The stories the page's list links to (their folder names)."""
    listing = html.split('<div class="atazan-news-list"', 1)[1].split("</div>", 1)[0]
    news = (page.parent if page.parent.name == "news" else page.parent.parent.parent).resolve()
    return {(page.parent / href).resolve().name for href in re.findall(r'<a href="([^"]+)"', listing)
            if (page.parent / href).resolve().parent == news}


@pytest.mark.parametrize("lang", LANGS)
def test_every_shown_story_has_a_page_and_an_index_entry(site_dir, dataset, lang):
    pages = index_pages(site_dir, lang)
    shown = [nid for nid, item in dataset.news.items() if item.machine.relevance.relevant]
    assert len(shown) == 15
    # kinds/news.py: ENTRIES_PER_PAGE stories and milestones a page, newest first.
    assert len(pages) == -(-(len(shown) + len(dataset.timeline)) // 8)
    linked = [nid for page, html in pages for nid in _story_links(page, html)]
    assert sorted(linked) == sorted(shown)  # each story once
    for nid in shown:
        assert (site_dir / f"{PREFIX[lang]}news/{nid}/index.html").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_news_index_carries_the_verified_milestones_newest_first(site_dir, dataset, lang):
    pages = index_pages(site_dir, lang)
    everything = "".join(html for _, html in pages)
    for event in dataset.timeline:
        assert event.event[lang].text.split()[0] in everything
    assert "https://timesca.com/?p=51256" in everything  # a milestone source
    listed = [re.findall(r'<h3><time datetime="([0-9-]+)">', html) for _, html in pages]
    dates = [d for page in listed for d in page]
    assert len(dates) == 15 + len(dataset.timeline) and dates == sorted(dates, reverse=True)
    assert all(len(page) == 8 for page in listed[:-1])
    # Page 1 leads to the verified milestones (the timeline) and the fact-checks; later pages are
    # left out of search (their title and introduction are page 1's).
    first = pages[0][1]
    assert 'href="../timeline/"' in first and 'href="../factchecks/"' in first
    index = json.loads((site_dir / "search" / f"search_index.{lang}.json").read_text(encoding="utf-8"))
    located = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert f"{PREFIX[lang]}news/" in located and not any("news/page/" in where for where in located)


@pytest.mark.parametrize("lang", LANGS)
def test_news_index_is_in_the_nav_but_stories_are_not(site_dir, lang):
    page = _html(site_dir, lang, "themes/ownership")
    nav = page.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "news/" in nav and PROPOSALS not in nav


@pytest.mark.parametrize("lang, heading", [("kk", "Жаңалықтарда"), ("ru", "В новостях"), ("en", "In the news")])
def test_provision_and_theme_pages_show_their_news(site_dir, lang, heading):
    for path in ("provisions/ownership", "themes/ownership"):
        page = _html(site_dir, lang, path)
        assert heading in page and f'href="../../news/{PROPOSALS}/"' in page


@pytest.mark.parametrize("lang, verdict", [("kk", "Жалған"), ("ru", "Неверно"), ("en", "False")])
def test_factcheck_index_and_story_link_to_each_other(site_dir, dataset, lang, verdict):
    index = _html(site_dir, lang, "factchecks")
    fact = dataset.factchecks["2026-01-31-land-sale-to-foreigners"]
    assert fact.claim[lang].text.rstrip(".") in index and f"<strong>{verdict}</strong>" in index
    assert 'id="2026-01-31-land-sale-to-foreigners"' in index
    assert f'href="../news/{LAND}/"' in index
    story = _html(site_dir, lang, f"news/{LAND}")
    assert 'href="../../factchecks/#2026-01-31-land-sale-to-foreigners"' in story


@pytest.mark.parametrize("lang", LANGS)
def test_atom_feed_is_valid_and_complete(site_dir, dataset, lang):
    root = ET.parse(site_dir / "feeds" / f"news-{lang}.xml").getroot()
    assert root.tag == f"{ATOM}feed" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    for name in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{name}") or "").strip(), name
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 15
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith(SITE_URL) and link == entry.findtext(f"{ATOM}id")
        # Every entry points at a page that was really built.
        local = link[len(SITE_URL):]
        assert (site_dir / local / "index.html").exists(), local
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert root.findtext(f"{ATOM}updated") == max(updated)


@pytest.mark.parametrize("lang", LANGS)
def test_news_index_links_its_feed(site_dir, lang):
    for page, html in nonempty(index_pages(site_dir, lang), "news index pages"):
        href = re.search(r'<a href="([^"]+)" type="application/atom\+xml">', html).group(1)
        target = (page.parent / href).resolve()
        assert target == (site_dir / "feeds" / f"news-{lang}.xml").resolve() and target.exists()


@pytest.mark.parametrize("lang", LANGS)
def test_open_data_news(site_dir, dataset, lang):
    data = json.loads((site_dir / "api" / "v1" / f"{lang}.json").read_text(encoding="utf-8"))
    assert len(data["news"]) == 15
    other_keys = set(data["themes"][0])
    for entry in data["news"]:
        assert set(entry) == other_keys | {"date", "source_title"}
        # Our headline in this file's language; the outlet's own title beside it.
        item = dataset.news[entry["id"]]
        assert entry["title"] == item.curated.headline[lang].text and entry["source_title"] == item.machine.title
        assert entry["status"]["headline"] == item.curated.headline[lang].status
        assert (site_dir / entry["url"] / "index.html").exists()
    proposals = next(e for e in data["news"] if e["id"] == PROPOSALS)
    assert proposals["provisions"] == ["kurultai-dissolution", "ownership", "rights-and-freedoms"]
    assert proposals["date"] == "2026-02-11"


def _broken_copy(tmp_path, root):
    import shutil

    target = tmp_path / "data"
    shutil.copytree(root / "data", target)
    return target


@pytest.mark.parametrize("old, new, message", [
    ("  provisions:\n  - kurultai-dissolution\n", "  provisions:\n  - no-such-article\n",
     ": curated.provisions[0]: unknown provision 'no-such-article' (no data/provisions/no-such-article.yml)"),
    ("  themes:\n  - ownership\n", "  themes:\n  - no-such-theme\n",
     ": curated.themes[0]: unknown theme 'no-such-theme' (no data/themes/no-such-theme.yml)"),
])
def test_validator_rejects_links_to_missing_records(tmp_path, old, new, message):
    from .conftest import ROOT

    data = _broken_copy(tmp_path, ROOT)
    path = data / "news" / f"{PROPOSALS}.yml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(DataError) as error:
        load_dataset(str(data), str(tmp_path))
    lines = [str(p) for p in error.value.problems]
    assert len(lines) == 1 and lines[0].startswith(f"data/news/{PROPOSALS}.yml:") and lines[0].endswith(message)


def test_validator_rejects_factcheck_link_to_missing_news(tmp_path):
    from .conftest import ROOT

    data = _broken_copy(tmp_path, ROOT)
    path = data / "factchecks" / "2026-01-31-land-sale-to-foreigners.yml"
    path.write_text(path.read_text().replace(f"  - {LAND}\n", "  - 2026-01-01-gone\n"))
    line = path.read_text().splitlines().index("  - 2026-01-01-gone") + 1  # counted in the file, not copied
    with pytest.raises(DataError) as error:
        load_dataset(str(data), str(tmp_path))
    assert [str(p) for p in error.value.problems] == [
        f"data/factchecks/2026-01-31-land-sale-to-foreigners.yml:{line}: news[0]: unknown news '2026-01-01-gone' (no data/news/2026-01-01-gone.yml)"]


def test_news_index_in_a_real_browser(site_url, browser):
    # The session's chromium and HTTP server (tests/conftest.py): a second Playwright instance in
    # the same process fails once the shared one has started.
    page = browser.new_page()
    try:
        page.goto(site_url + "ru/news/")
        assert page.locator("h1").inner_text().rstrip("¶").strip() == "Новости"
        # A reader pages back ("Раньше →") to the last page, and from there to page 1 by its number.
        pages = 1
        while page.locator("a[rel=next]").count():
            page.locator("a[rel=next]").first.click()
            page.wait_for_load_state()
            pages += 1
        assert pages >= 2 and page.locator("h1").inner_text().rstrip("¶").strip() == f"Новости, страница {pages}"
        page.locator(".atazan-pager a", has_text=re.compile(r"^1$")).first.click()
        page.wait_for_url(site_url + "ru/news/")
        # Then to the story, page by page.
        for _ in range(pages):
            story = page.locator(f'.atazan-news-list a[href$="{PROPOSALS}/"]')
            if story.count():
                break
            page.locator("a[rel=next]").first.click()
            page.wait_for_load_state()
        story.first.click()
        page.wait_for_url(site_url + f"ru/news/{PROPOSALS}/")
        assert page.locator("html").get_attribute("lang") == "ru"
        assert page.get_by_text("в источнике нет ссылки").count() >= 1
        feed = page.request.get(site_url + "feeds/news-ru.xml")
        assert feed.ok and "<feed" in feed.text()
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_announces_its_languages_feed(site_dir, lang):
    for path in ("news", "provisions/ownership"):
        head = _html(site_dir, lang, path).split("</head>", 1)[0]
        # No hreflang: the feed is not a translation of the page; its URL names its language.
        links = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', head)
        assert links == [f"{SITE_URL}feeds/news-{lang}.xml"]


def test_factcheck_reaches_a_provision_by_its_checked_article(tmp_path):
    from atazan.website.kinds.factcheck import factchecks_for

    from .conftest import ROOT

    data = _broken_copy(tmp_path, ROOT)
    path = data / "factchecks" / "2026-01-31-land-sale-to-foreigners.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nprovisions: [land-and-natural-resources, unitary-state]\n" in text
    path.write_text(text.replace("\nprovisions: [land-and-natural-resources, unitary-state]\n", "\nprovisions: []\n"), encoding="utf-8")
    dataset = load_dataset(str(data), str(tmp_path))
    # Not listed by hand any more, but Article 6 of the 1995 text and Article 2 of the first
    # draft are checked, and those are versions of these two provisions.
    assert [c.id for c in factchecks_for(dataset, "en", "land-and-natural-resources")] == ["2026-01-31-land-sale-to-foreigners"]
    assert [c.id for c in factchecks_for(dataset, "en", "unitary-state")] == ["2026-01-31-land-sale-to-foreigners"]
    assert factchecks_for(dataset, "en", "ownership") == []


@pytest.mark.parametrize("lang, claim_start", [("kk", "Жаңа Конституцияның жобасы"), ("ru", "Проект новой Конституции"), ("en", "The draft of the new Constitution")])
def test_factcheck_is_shown_on_its_provision_page(site_dir, lang, claim_start):
    page = _html(site_dir, lang, "provisions/land-and-natural-resources")
    assert claim_start in page and 'id="2026-01-31-land-sale-to-foreigners"' in page
