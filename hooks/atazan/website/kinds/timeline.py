"""The timeline of the reform: page kind `timeline`, from data/timeline.yml."""

from __future__ import annotations

from dataclasses import dataclass, field

from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import routes
from atazan.website.i18n import format_date
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.views import Shown, TranslationNotice, pick, source_links, translation_notice


@dataclass
class TimelineEntry:
    date: str
    iso_date: str
    event: Shown
    sources: list[str]
    version_label: str | None
    source_links: list[tuple[str, str]] = field(default_factory=list)  # (site name, URL)
    title: Shown | None = None


def timeline_entries(dataset: Dataset, lang: Lang) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            date=format_date(event.date, lang),
            iso_date=event.date.isoformat(),
            event=pick(event.event, lang),
            sources=list(event.sources),
            version_label=dataset.versions[event.version].label[lang].text if event.version else None,
            source_links=source_links(event.sources),
            title=pick(event.title, lang) if event.title else None,
        )
        for event in dataset.timeline
    ]


@dataclass(frozen=True)
class TimelineContext(Context):
    entries: list[TimelineEntry]
    translation: TranslationNotice


def timeline(dataset: Dataset, lang: Lang) -> list[KindPage]:
    entries = timeline_entries(dataset, lang)
    return [KindPage(routes.TIMELINE, "data/timeline.yml", TimelineContext(entries, translation_notice(
        [t for e in entries for t in (e.title, e.event)], lang, routes.TIMELINE)))]


KINDS = (PageKind("timeline", "timeline.md.j2", timeline),)
