"""kinds/article_feed.py's template: hostile data stays text in the feed (autoescaped XML), and the
result is valid Atom (tests/atom.py). The feeds of a real build: tests/changes/test_changes_site.py."""

from __future__ import annotations

import datetime as dt

from lxml import etree

import atom
from conftest import ROOT

from atazan.website import render
from atazan.website.i18n import load_strings, strings_path, text_strings_path
from atazan.website.kinds.article_feed import ArticleFeed, FeedEntry
from atazan.website.views import Shown

HOSTILE = "</title><script>alert(1)</script> & ]]> <![CDATA[ \"quoted\" 'single' &amp;"


def _render(feed: ArticleFeed, lang: str = "ru") -> bytes:
    env = render.make_environment(render.template_dir(str(ROOT)))
    strings = load_strings(strings_path(str(ROOT)), str(ROOT))
    text_strings = load_strings(text_strings_path(str(ROOT)), str(ROOT))
    text = env.get_template("article_feed.xml.j2").render(
        lang=lang, site_url="https://example.org/", feed=feed,
        t=lambda key, **values: strings.get(key, lang, **values), tt=lambda key, **values: text_strings.get(key, lang, **values))
    return text.encode("utf-8")


def _feed() -> ArticleFeed:
    day = dt.date(2026, 3, 15)
    entries = (
        FeedEntry("news", "ru/news/x/", "ru/news/x/", day, HOSTILE, title_lang="en", plain=HOSTILE, plain_lang="en",
                  author=HOSTILE),
        FeedEntry("explanation", "ru/provisions/p/#explanation-1", "ru/provisions/p/", day, HOSTILE,
                  summary=Shown(HOSTILE, "translated", "ru", "en")),
        FeedEntry("version", "ru/texts/adopted/#art_6", "ru/texts/adopted/#art_6", day, HOSTILE, number="6",
                  plain=HOSTILE, plain_lang="kk", official=False, translator=HOSTILE),
    )
    return ArticleFeed("6", "ru", "feeds/articles/6-ru.xml", "ru/articles/6/", entries)


def test_hostile_text_stays_text_and_the_feed_is_valid_atom():
    body = _render(_feed())
    assert body.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<feed ')
    root = etree.fromstring(body)
    assert atom.problems(root) == []
    entries = root.findall(f"{atom.NS}entry")
    assert [e.findtext(f"{atom.NS}title") for e in entries] == [HOSTILE, f"Пояснение: {HOSTILE}", f"{HOSTILE}: Статья 6"]
    assert entries[0].findtext(f"{atom.NS}author/{atom.NS}name") == HOSTILE
    assert entries[0].find(f"{atom.NS}title").get(atom.XML_LANG) == "en"  # the source's own title, marked
    assert entries[0].findtext(f"{atom.NS}summary") == HOSTILE
    # Our translation says so, as the pages do; an unofficial text names its translator and language.
    assert entries[1].findtext(f"{atom.NS}summary") == f"{HOSTILE} (Перевод с английского, ещё не проверен)"
    assert entries[2].findtext(f"{atom.NS}summary").endswith(f"неофициальный перевод, переводчик: {HOSTILE} · казахский")
    assert not root.findall(".//script") and b"<script>" not in body


def test_the_atom_check_finds_what_a_reader_needs():
    # tests/atom.py must be able to fail: no updated, a relative id, no author anywhere.
    body = _render(_feed()).replace(b"<updated>2026-03-15T12:00:00Z</updated>\n  <author><name>", b"<author><name>", 1)
    body = body.replace(b"<id>https://example.org/ru/texts/adopted/#art_6</id>", b"<id>ru/texts/adopted/#art_6</id>")
    found = atom.problems(etree.fromstring(body))
    assert "feed: 0 atom:updated, expected exactly one" in found
    assert "entry 2: atom:id 'ru/texts/adopted/#art_6' is not an absolute IRI" in found
    no_author = etree.fromstring(_render(_feed()).replace(b"<author><name>", b"<contributor><name>").replace(b"</name></author>", b"</name></contributor>"))
    assert "entry 1: no atom:author, and the feed has none" in atom.problems(no_author)
