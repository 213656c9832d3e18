""""Follow this article": one Atom feed per article and language (page kind `article-feed`, a file
of the built site at routes.article_feed), linked from the article's page. Its entries:

- each version held that has the article (its number there, from the correspondence table), dated
  by the version (a proposal without a date: by its text's source), linking that version's whole
  text at the article;
- each provision record that explains it, linking the explanation. A record carries no date of its
  own: its entry is dated by the newest source the record cites, and its id changes with the
  explanation's wording in this language, so a feed reader shows a reworded explanation as new;
- each news story about it (the stories of those records, as on the article page).

Newest first. The texts come from the same models as the article page (kinds/article.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.dataset.texts import article_eid, fingerprint
from atazan.website import comparison, legaltext, routes
from atazan.website.kinds.article import article_page
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.pagefile import SITE
from atazan.website.views import Shown, pick


@dataclass(frozen=True)
class FeedEntry:
    kind: str  # version | explanation | news
    id: str  # page address relative to the site root, with a fragment that keeps it unique
    url: str  # the page it links, relative to the site root
    date: dt.date
    title: str  # version: the version's label; explanation: the record's title; news: the headline
    title_lang: Lang | None = None  # a news headline not yet ours: the source's title, in its language
    number: str | None = None  # version: the article's number in that version
    summary: Shown | None = None  # explanation, news: our summary, with its translation status
    plain: str | None = None  # version: its source; news without a summary: the importer's extract
    plain_lang: Lang | None = None  # the language of `plain` (version: of the text shown)
    official: bool = True  # version: an official text, else a translation by `translator`
    translator: str | None = None
    author: str | None = None  # news: the outlet

    @property
    def updated(self) -> str:
        # Records carry a date only; noon UTC keeps the day the same in every time zone nearby (as the news feed).
        return f"{self.date.isoformat()}T12:00:00Z"


@dataclass(frozen=True)
class ArticleFeed:
    number: str
    lang: Lang
    path: str  # the feed, relative to the site root
    page: str  # the article's page address, relative to the site root
    entries: tuple[FeedEntry, ...]

    @property
    def updated(self) -> str:
        return max(entry.updated for entry in self.entries)


def _version_entries(dataset: Dataset, version: str, number: str, lang: Lang) -> list[FeedEntry]:
    # Without the correspondence table, only the reference version's number is known.
    table = dataset.correspondence
    row = table.row_of(table.reference, number) if table else None
    entries = []
    for other in comparison.held_versions(dataset) if row else [version]:
        found = row.number(other) if row else number
        if found is None:
            continue
        shown = legaltext.choose(dataset, other, lang, found)
        if shown is None:
            continue
        text = legaltext.text_of(dataset, other, shown.text_lang)
        date = dataset.versions[other].date or text.source.date
        url = routes.page_url(lang, routes.text(other))
        anchored = f"{url}#{article_eid(found)}"
        source = shown.source
        entries.append(FeedEntry("version", anchored, anchored, date, shown.version_label, number=found,
                                 plain=f"{source.publisher}, «{source.title}», {source.date}", plain_lang=shown.text_lang,
                                 official=source.official, translator=source.translator))
    return entries


def _explanation_entries(dataset: Dataset, version: str, number: str, lang: Lang) -> list[FeedEntry]:
    entries = []
    for link in article_page(dataset, version, number, lang).explanations:  # through the correspondence (website/attached.py)
        record = dataset.provisions[link.id]
        wording = " ".join(text[lang].text for text in (record.explanation.says, record.explanation.changed,
                                                          record.explanation.means))
        url = routes.page_url(lang, link.path)
        entries.append(FeedEntry("explanation", f"{url}#explanation-{fingerprint(wording)}", url,
                                 max(v.source.date for v in record.versions), link.title, summary=pick(record.summary, lang)))
    return entries


def article_feed(dataset: Dataset, version: str, number: str, lang: Lang) -> ArticleFeed:
    page = article_page(dataset, version, number, lang)
    entries = _version_entries(dataset, version, number, lang) + _explanation_entries(dataset, version, number, lang)
    for item in page.stories:  # beside the text and below it
        url = routes.page_url(lang, item.path)
        story = dataset.news[item.id]
        entries.append(FeedEntry("news", url, url, story.date, item.title.text,
                                 title_lang=None if item.title.curated else item.title.lang, summary=item.summary,
                                 plain=None if item.summary else story.machine.summary.text,
                                 plain_lang=story.machine.summary.language, author=item.outlet.text))
    entries.sort(key=lambda e: (e.date, e.kind, e.id), reverse=True)
    return ArticleFeed(number, lang, routes.article_feed(number, lang), routes.page_url(lang, routes.article(number)),
                       tuple(entries))


# ---------------------------------------------------------------- the page kind

@dataclass(frozen=True)
class ArticleFeedContext(Context):
    feed: ArticleFeed


def article_feeds(dataset: Dataset, lang: Lang) -> list[KindPage]:
    version = legaltext.reference_version(dataset)
    if version is None:
        return []
    out = []
    for number in legaltext.article_numbers(dataset, version):
        shown = legaltext.choose(dataset, version, lang, number)
        out.append(KindPage(routes.article_feed(number, lang), shown.source_file if shown else "data/texts",
                            ArticleFeedContext(article_feed(dataset, version, number, lang))))
    return out


KINDS = (PageKind("article-feed", "article_feed.xml.j2", article_feeds, output=SITE),)
