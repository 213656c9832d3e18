"""Atom 1.0 feed of the shown news, one per language, built with feedgen."""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import routes
from atazan.website.i18n import Strings
from atazan.website.kinds.news import news_link, shown_ids


def _stamp(day: dt.date) -> dt.datetime:
    # Stories carry a date only; noon UTC keeps the day the same in every time zone nearby.
    return dt.datetime(day.year, day.month, day.day, 12, 0, tzinfo=dt.timezone.utc)


def build_feed(dataset: Dataset, lang: Lang, site_url: str, strings: Strings) -> bytes:
    base = site_url.rstrip("/") + "/"
    index_url = base + routes.page_url(lang, routes.NEWS_INDEX)
    ids = shown_ids(dataset)
    fg = FeedGenerator()
    fg.id(index_url)
    fg.title(strings.get("news.feed.title", lang))
    fg.subtitle(strings.get("news.feed.subtitle", lang))
    fg.language(lang)
    fg.link(href=index_url, rel="alternate")
    fg.link(href=base + routes.news_feed(lang), rel="self")
    latest = max((dataset.news[n].date for n in ids), default=dt.date(2026, 1, 1))
    fg.updated(_stamp(latest))
    for nid in ids:  # feedgen puts the last added entry first
        item = dataset.news[nid]
        link = news_link(dataset, nid, lang)
        url = base + routes.page_url(lang, link.path)
        entry = fg.add_entry()
        entry.id(url)
        entry.title(link.title.text)  # our headline in this language (the source's title until one is written)
        entry.link(href=url, rel="alternate")
        entry.updated(_stamp(item.date))
        entry.published(_stamp(item.date))
        entry.author(name=link.outlet.text)  # the outlet named in the feed's language
        entry.summary(link.summary.text if link.summary else item.machine.summary.text)
    return fg.atom_str(pretty=True)
