"""News pages and the news index (with the verified milestones): page kinds `news` and
`news-index`, and the shown stories every other kind links to.

Like every kind: each decision is made here once, for all languages; templates only lay out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from atazan.dataset import schema
from atazan.dataset.memo import per_dataset, per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import routes
from atazan.website.i18n import format_date
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.outlets import OutletName, outlet_name
from atazan.website.views import Link, Shown, TranslationNotice, pick, provision_link, source_links, theme_link, translation_notice


@dataclass(frozen=True)
class SourceRow:
    outlet: OutletName
    title: str
    date: str
    url: str | None
    story: Link | None = None  # our page of this story, if the site shows it


@dataclass(frozen=True)
class RefRow:
    text: str
    version_label: str | None  # None: the story does not say which text
    article: int
    paragraphs: tuple[str, ...]
    subparagraphs: tuple[str, ...]
    provisions: tuple[Link, ...]
    # The article in the text held (legaltext.in_every_version: the reference version's page first),
    # None where that version's text is not held (website/held.py).
    held: tuple = ()


@dataclass(frozen=True)
class Headline:
    """What a story is called in one language: our curated headline, or until someone writes one,
    the source's own title in the source's language (the template marks that language)."""

    text: str
    lang: Lang
    curated: Shown | None  # None: no headline in this language yet, `text` is the source's title


def headline(item: schema.NewsItem, lang: Lang) -> Headline:
    if item.curated.headline is not None:
        shown = pick(item.curated.headline, lang)
        return Headline(shown.text, lang, shown)
    return Headline(item.machine.title, item.machine.summary.language, None)


@dataclass
class NewsLink:
    id: str
    title: Headline
    date: str
    iso_date: str
    outlet: OutletName
    path: str
    summary: Shown | None


@dataclass
class NewsPage:
    id: str
    lang: Lang
    source_file: str
    title: Headline  # what the page is called in this language
    source_title: str  # the story's own title, as the outlet gave it
    source_language: str  # the language of the story, its title and the extract
    source_title_listed: bool  # the Sources list already shows the story's own title
    date: str
    iso_date: str
    outlet: OutletName
    sources: list[SourceRow]
    summary: Shown | None  # curated; None until someone writes one
    extract: str
    references: list[RefRow]
    provisions: list[Link]
    themes: list[Link]
    factchecks: list[Link]
    translation: TranslationNotice | None = None


@dataclass
class IndexEntry:
    iso_date: str
    date: str
    news: NewsLink | None = None
    milestone: Shown | None = None
    milestone_sources: list[str] = field(default_factory=list)
    milestone_links: list[tuple[str, str]] = field(default_factory=list)  # (site name, URL)
    milestone_title: Shown | None = None


@per_dataset  # every provision, theme and status page asks: once per build, not once per page
def shown_ids(dataset: Dataset) -> tuple[str, ...]:
    """Stories the site shows, oldest first: a person's relevance decision wins over the importer's rule."""
    out: list[str] = []
    for nid, item in dataset.news.items():
        relevant = item.curated.relevant if item.curated.relevant is not None else item.machine.relevance.relevant
        if relevant:
            out.append(nid)
    return tuple(sorted(out, key=lambda nid: (dataset.news[nid].date, nid)))


def title_key(title: str) -> str:
    """A title as two citations of one story both give it: outlets vary case and the final stop."""
    return " ".join(title.split()).casefold().rstrip(" .")


@per_dataset
def stories_by_title(dataset: Dataset) -> dict[tuple[str, dt.date], str]:
    """(title folded, date) of every outlet's telling of a shown story -> the story's id."""
    out: dict[tuple[str, dt.date], str] = {}
    for nid in shown_ids(dataset):
        item = dataset.news[nid]
        for title, date in [(item.machine.title, item.date), *((s.title, s.date) for s in item.machine.sources)]:
            out.setdefault((title_key(title), date), nid)
    return out


def provisions_of(item: schema.NewsItem) -> list[str]:
    if item.curated.provisions is not None:
        return list(item.curated.provisions)
    return sorted({pid for ref in item.machine.references for pid in ref.provisions})


def themes_of(item: schema.NewsItem) -> list[str]:
    return list(item.curated.themes if item.curated.themes is not None else item.machine.themes)


def source_rows(dataset: Dataset, sources: list[schema.NewsSource], lang: Lang) -> list[SourceRow]:
    rows = []
    for s in sources:
        nid = stories_by_title(dataset).get((title_key(s.title), s.date))
        story = Link(nid, headline(dataset.news[nid], lang).text, routes.news(nid)) if nid else None
        rows.append(SourceRow(outlet_name(dataset, s.outlet, lang), s.title, format_date(s.date, lang), s.url, story))
    return rows


def news_link(dataset: Dataset, nid: str, lang: Lang) -> NewsLink:
    item = dataset.news[nid]
    summary = pick(item.curated.summary, lang) if item.curated.summary else None
    return NewsLink(nid, headline(item, lang), format_date(item.date, lang), item.date.isoformat(),
                    outlet_name(dataset, item.machine.outlet, lang), routes.news(nid), summary)


@per_dataset_key  # one model per build, shared by every page that shows it
def news_page(dataset: Dataset, nid: str, lang: Lang) -> NewsPage:
    from atazan.website import legaltext  # its module imports this one's headlines (kinds/article.py)

    item = dataset.news[nid]
    refs = []
    for ref in item.machine.references:
        label = dataset.versions[ref.version].label[lang].text if ref.version in dataset.versions else None
        held = legaltext.in_every_version(dataset, ref.version, str(ref.article), lang)[:1] \
            if ref.version in dataset.texts.versions() else ()
        refs.append(RefRow(ref.text, label, ref.article, tuple(ref.paragraphs), tuple(ref.subparagraphs),
                           tuple(provision_link(dataset, p, lang) for p in ref.provisions), held))
    page = NewsPage(
        id=nid,
        lang=lang,
        source_file=dataset.origin[("news", nid)],
        title=headline(item, lang),
        source_title=item.machine.title,
        source_language=item.machine.summary.language,
        source_title_listed=any(title_key(s.title) == title_key(item.machine.title) for s in item.machine.sources),
        date=format_date(item.date, lang),
        iso_date=item.date.isoformat(),
        outlet=outlet_name(dataset, item.machine.outlet, lang),
        sources=source_rows(dataset, item.machine.sources, lang),
        summary=pick(item.curated.summary, lang) if item.curated.summary else None,
        extract=item.machine.summary.text,
        references=refs,
        provisions=[provision_link(dataset, p, lang) for p in provisions_of(item)],
        themes=[theme_link(dataset, t, lang) for t in themes_of(item)],
        factchecks=[Link(fid, pick(f.claim, lang).text, routes.FACTCHECK_INDEX)
                    for fid, f in sorted(dataset.factchecks.items()) if nid in f.news],
    )
    page.translation = translation_notice([page.title.curated, page.summary], lang, routes.news(nid))
    return page


def news_for(dataset: Dataset, lang: Lang, provision: str | None = None, theme: str | None = None) -> list[NewsLink]:
    """Stories about one provision or one theme, newest first: the "In the news" section."""
    index = _shown_by_topic(dataset)
    found = set(index.get(("provision", provision), ())) | set(index.get(("theme", theme), ()))
    return [news_link(dataset, nid, lang) for nid in sorted(found, key=shown_position(dataset).__getitem__, reverse=True)]


@per_dataset
def shown_position(dataset: Dataset) -> dict[str, int]:
    """Where each shown story stands in shown_ids (also the quick "is it shown?" test)."""
    return {nid: position for position, nid in enumerate(shown_ids(dataset))}


@per_dataset  # one pass over the news per build; scanning every story for every page was quadratic
def _shown_by_topic(dataset: Dataset) -> dict[tuple[str, str | None], list[str]]:
    index: dict[tuple[str, str | None], list[str]] = {}
    for nid in shown_ids(dataset):
        item = dataset.news[nid]
        for pid in provisions_of(item):
            index.setdefault(("provision", pid), []).append(nid)
        for tid in themes_of(item):
            index.setdefault(("theme", tid), []).append(nid)
    return index


def index_entries(dataset: Dataset, lang: Lang) -> list[IndexEntry]:
    """News and the verified milestones on one timeline, oldest first."""
    entries = [IndexEntry(dataset.news[nid].date.isoformat(), format_date(dataset.news[nid].date, lang),
                          news=news_link(dataset, nid, lang)) for nid in shown_ids(dataset)]
    entries += [IndexEntry(e.date.isoformat(), format_date(e.date, lang), milestone=pick(e.event, lang),
                           milestone_sources=list(e.sources), milestone_links=source_links(e.sources),
                           milestone_title=pick(e.title, lang) if e.title else None)
                for e in dataset.timeline]
    # Milestones before news of the same day: they are the context the news reacts to.
    return sorted(entries, key=lambda e: (e.iso_date, e.news is not None, e.news.id if e.news else ""))


# ---------------------------------------------------------------- page kinds

@dataclass(frozen=True)
class NewsContext(Context):
    page: NewsPage


# Entries (stories and milestones) per page of the news index (issue 26: first load within 80 KB).
# An entry of the shipped news (headline, our summary with its glossary links, outlet) weighs about
# 0.4 KB gzipped: with 8 a page, page 1's own HTML is 10.4 KB gzipped on the shipped site and 7.6 KB
# on the bench's full-scale site, whose synthetic stories are shorter (with 415 stories on one page
# it was 35 KB). The shell every page loads decides the rest: decisions/perf-2026-12.md.
ENTRIES_PER_PAGE = 8


@dataclass(frozen=True)
class PagerLink:
    number: int
    path: str
    current: bool


@dataclass(frozen=True)
class Pager:
    """Where a page of the news index stands among them: newest first, page 1 at routes.NEWS_INDEX."""

    number: int
    count: int
    newer: PagerLink | None  # the page before (newer stories), None on page 1
    older: PagerLink | None  # the page after, None on the last
    links: tuple[PagerLink | None, ...]  # the first, the last and the neighbours; None stands for a gap
    newest: str  # the dates of the page's first and last entries, formatted
    oldest: str


@dataclass(frozen=True)
class NewsIndexContext(Context):
    entries: list[IndexEntry]  # this page's, newest first
    pager: Pager
    translation: TranslationNotice
    feed: str  # the language's Atom feed, a file at the site root
    factcheck_count: int


def index_pages(entries: list[IndexEntry], per_page: int = ENTRIES_PER_PAGE) -> list[list[IndexEntry]]:
    """The timeline newest first, `per_page` entries a page; at least one page (it may be empty)."""
    newest_first = entries[::-1]
    return [newest_first[start:start + per_page] for start in range(0, len(newest_first), per_page)] or [[]]


def _pager(number: int, count: int, entries: list[IndexEntry]) -> Pager:
    # Every page is reachable from page 1 through "older"; the numbers let a reader jump.
    shown = sorted({1, count, *range(max(1, number - 2), min(count, number + 2) + 1)})
    links: list[PagerLink | None] = []
    for n in shown:
        if links and links[-1] is not None and n - links[-1].number > 1:
            links.append(None)
        links.append(PagerLink(n, routes.news_index_page(n), n == number))
    return Pager(number, count,
                 PagerLink(number - 1, routes.news_index_page(number - 1), False) if number > 1 else None,
                 PagerLink(number + 1, routes.news_index_page(number + 1), False) if number < count else None,
                 tuple(links), entries[0].date if entries else "", entries[-1].date if entries else "")


def news_pages(dataset: Dataset, lang: Lang) -> list[KindPage]:
    return [KindPage(routes.news(nid), dataset.origin[("news", nid)], NewsContext(news_page(dataset, nid, lang)))
            for nid in shown_ids(dataset)]


def news_index(dataset: Dataset, lang: Lang) -> list[KindPage]:
    pages = index_pages(index_entries(dataset, lang))
    out = []
    for number, entries in enumerate(pages, start=1):
        path = routes.news_index_page(number)
        texts = [t for e in entries for t in ((e.news.title.curated, e.news.summary) if e.news else (e.milestone_title, e.milestone))]
        out.append(KindPage(path, "data/news", NewsIndexContext(
            entries, _pager(number, len(pages), entries), translation_notice(texts, lang, path), routes.news_feed(lang),
            len(dataset.factchecks))))
    return out


KINDS = (
    PageKind("news", "news.md.j2", news_pages, links_glossary=True),
    PageKind("news-index", "news_index.md.j2", news_index, links_glossary=True),
)
