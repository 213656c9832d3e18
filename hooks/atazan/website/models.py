"""Page models: what one page shows in one language, worked out from the dataset.

Templates only lay these out; every decision (which text to show, in what order, what is
missing) is made here, once for all languages.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from atazan import LANGUAGES
from atazan.dataset import schema, translations
from atazan.website import textdiff
from atazan.website.i18n import format_date, page_url
from atazan.dataset.memo import per_dataset_key
from atazan.dataset.validate import Dataset
from atazan.website import collation, news
from atazan.website.outlets import OutletName, outlet_name
from atazan.website.views import (Link, Shown, TranslationNotice, pick, provision_link, relative_url, source_links,  # noqa: F401 (re-exported)
                                  theme_link, translation_notice)


@dataclass(frozen=True)
class SourceView:
    outlet: OutletName
    title: str
    url: str | None
    date: str
    note: Shown | None
    # Our page of the story this source is, in the reader's language (its headline, its path): the
    # link a reader follows when the source has no URL of its own.
    story: Link | None = None


@dataclass(frozen=True)
class VersionView:
    kind: str
    label: str
    version_date: str | None
    number: int | None
    paragraphs: tuple[str, ...]
    subparagraphs: tuple[str, ...]
    text: str | None
    text_kind: str | None
    text_language: str | None
    translation: str | None
    own_translation: Shown | None  # Ata Zan's rendering into the reader's language
    source: SourceView
    note: Shown | None
    # The versions before this one that cite the same source, so the page names it once.
    same_source_as_next: bool = False


@dataclass(frozen=True)
class DiffView:
    older: str  # version labels
    newer: str
    segments: tuple[textdiff.Segment, ...]  # website/textdiff.py: the one word diff of the site
    lang: str = "en"  # the language of the compared texts


@dataclass
class ProvisionPage:
    id: str
    lang: str
    source_file: str
    title: Shown
    summary: Shown
    section: str | None
    themes: list[Link]
    related: list[Link]
    says: Shown
    changed: Shown
    means: Shown
    versions: list[VersionView]
    diffs: list[DiffView]
    has_adopted_text: bool
    glossary: list[Link] = field(default_factory=list)
    translation: TranslationNotice | None = None


@dataclass
class ProvisionSummary:
    link: Link
    summary: Shown
    numbers: list[tuple[str, int | None]]  # (version label, article number)


@dataclass
class ThemePage:
    id: str
    lang: str
    source_file: str
    title: Shown
    summary: Shown
    explainer: Shown
    provisions: list[ProvisionSummary]
    questions: list[Shown]
    translation: TranslationNotice | None = None


@dataclass
class SectionGroup:
    title: str | None  # None: the sources do not name the section
    number: str | None
    provisions: list[ProvisionSummary]


@dataclass
class TimelineEntry:
    date: str
    iso_date: str
    event: Shown
    sources: list[str]
    version_label: str | None
    source_links: list[tuple[str, str]] = field(default_factory=list)  # (site name, URL)
    title: Shown | None = None


def _version_order(dataset: Dataset, kind: str) -> tuple:
    known = dataset.versions.get(kind)
    date = known.date.isoformat() if known and known.date else "9999"
    return (date, kind)


def _version_view(dataset: Dataset, version: schema.TextVersion, lang: str) -> VersionView:
    kind = dataset.versions[version.version]
    own = version.translations.get(lang) if version.text_language != lang else None
    source = version.source
    story = _story_of(dataset, source.title, source.date, lang)
    return VersionView(
        kind=version.version,
        label=kind.label[lang].text,
        version_date=format_date(kind.date, lang) if kind.date else None,
        number=version.number,
        paragraphs=tuple(version.paragraphs),
        subparagraphs=tuple(version.subparagraphs),
        text=version.text,
        text_kind=version.text_kind,
        text_language=version.text_language,
        translation=version.translation,
        own_translation=pick(version.translations, lang, version) if own else None,
        source=SourceView(outlet_name(dataset, source.outlet, lang), source.title, source.url, format_date(source.date, lang),
                          pick(source.note, lang) if source.note else None, story),
        note=pick(version.note, lang) if version.note else None,
    )


def _story_of(dataset: Dataset, title: str, date, lang: str) -> Link | None:
    """Our page of the news story a source names (same title, same day), if the site shows it."""
    nid = news.stories_by_title(dataset).get((news.title_key(title), date))
    if nid is None:
        return None
    return Link(nid, news.headline(dataset.news[nid], lang).text, f"news/{nid}.md")


def _diffs(views: list[VersionView]) -> list[DiffView]:
    # Only quotations in one language can be compared word by word; a paraphrase is not the text.
    with_text = [v for v in views if v.text and v.text_kind == "quote"]
    diffs = []
    for older, newer in zip(with_text, with_text[1:]):
        if older.text_language == newer.text_language and older.kind != newer.kind:
            diffs.append(DiffView(older.label, newer.label, tuple(textdiff.word_diff([older.text], [newer.text])),
                                  older.text_language))
    return diffs


@per_dataset_key  # one model per build, shared by every page that shows it
def summarize(dataset: Dataset, pid: str, lang: str) -> ProvisionSummary:
    provision = dataset.provisions[pid]
    # Once per (version, number): two proposals without a number are one line, not two identical ones.
    numbers = list(dict.fromkeys(
        (dataset.versions[v.version].label[lang].text, v.number)
        for v in sorted(provision.versions, key=lambda v: _version_order(dataset, v.version))
    ))
    return ProvisionSummary(provision_link(dataset, pid, lang), pick(provision.summary, lang), numbers)


@per_dataset_key  # one model per build, shared by every page that shows it
def provision_page(dataset: Dataset, pid: str, lang: str) -> ProvisionPage:
    provision = dataset.provisions[pid]
    ordered = sorted(provision.versions, key=lambda v: _version_order(dataset, v.version))
    views = [_version_view(dataset, v, lang) for v in ordered]
    # A source cited by several versions in a row is named once, after the last of them.
    views = [dataclasses.replace(v, same_source_as_next=i + 1 < len(views) and views[i + 1].source == v.source)
             for i, v in enumerate(views)]
    section = dataset.sections.get(provision.section) if provision.section else None
    glossary = collation.sorted_for(lang, [
        Link(tid, term.term[lang].text, "glossary.md")
        for tid, term in dataset.glossary.items()
        if pid in term.provisions
    ], key=lambda link: link.title)
    page = ProvisionPage(
        id=pid,
        lang=lang,
        source_file=dataset.origin[("provisions", pid)],
        title=pick(provision.title, lang),
        summary=pick(provision.summary, lang),
        section=section.title[lang].text if section else None,
        themes=[theme_link(dataset, t, lang) for t in provision.themes],
        related=[provision_link(dataset, r, lang) for r in provision.related],
        says=pick(provision.explanation.says, lang),
        changed=pick(provision.explanation.changed, lang),
        means=pick(provision.explanation.means, lang),
        versions=views,
        diffs=_diffs(views),
        has_adopted_text=any(v.kind == "adopted" and v.text for v in views),
        glossary=glossary,
    )
    texts = [page.title, page.summary, page.says, page.changed, page.means]
    for v in views:
        texts += [v.own_translation, v.note, v.source.note]
    page.translation = translation_notice(texts, lang, f"provisions/{pid}.md")
    return page


@per_dataset_key  # one model per build, shared by every page that shows it
def theme_page(dataset: Dataset, tid: str, lang: str) -> ThemePage:
    theme = dataset.themes[tid]
    members = [pid for pid, p in sorted(dataset.provisions.items()) if tid in p.themes]
    page = ThemePage(
        id=tid,
        lang=lang,
        source_file=dataset.origin[("themes", tid)],
        title=pick(theme.title, lang),
        summary=pick(theme.summary, lang),
        explainer=pick(theme.explainer, lang),
        provisions=[summarize(dataset, pid, lang) for pid in members],
        questions=[pick(q, lang) for q in theme.questions],
    )
    texts = [page.title, page.summary, page.explainer, *page.questions, *(p.summary for p in page.provisions)]
    page.translation = translation_notice(texts, lang, f"themes/{tid}.md")
    return page


def sorted_themes(dataset: Dataset) -> list[str]:
    return sorted(dataset.themes, key=lambda tid: (dataset.themes[tid].order, tid))


def section_groups(dataset: Dataset, lang: str) -> list[SectionGroup]:
    groups = []
    for sid, section in dataset.sections.items():  # file order is the Constitution's order
        members = [pid for pid, p in sorted(dataset.provisions.items()) if p.section == sid]
        if members:
            groups.append(SectionGroup(section.title[lang].text, section.number, _alphabetical(dataset, members, lang)))
    unplaced = [pid for pid, p in sorted(dataset.provisions.items()) if p.section is None]
    if unplaced:
        groups.append(SectionGroup(None, None, _alphabetical(dataset, unplaced, lang)))
    return groups


def _alphabetical(dataset: Dataset, pids: list[str], lang: str) -> list[ProvisionSummary]:
    # Within a section, by title in the reader's alphabet (not by file name, which is English).
    return collation.sorted_for(lang, [summarize(dataset, p, lang) for p in pids], key=lambda s: s.link.title)


def timeline_entries(dataset: Dataset, lang: str) -> list[TimelineEntry]:
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


# ---------------------------------------------------------------- the translation-status page

@dataclass(frozen=True)
class CoverageRow:
    lang: str
    counts: dict[str, int]  # original, translated, reviewed, missing, outdated, unfingerprinted


@dataclass(frozen=True)
class StatusItem:
    """A text a translator should look at: outdated, never stamped, without source, or missing."""

    lang: str
    state: str
    from_lang: str | None
    field: str
    path: str  # data file
    line: int | None
    title: str  # the record, in the reader's language
    href: str | None  # the page showing the text, in the text's language; None if no page shows it


@dataclass
class TranslationStatusPage:
    lang: str
    coverage: list[CoverageRow]
    items: list[StatusItem]


COVERAGE_COLUMNS = ("original", "translated", "reviewed", "missing", "outdated", "unfingerprinted")
# What a translator must act on, in this order; "current" translations are fine.
ATTENTION = (translations.OUTDATED, translations.NO_SOURCE, translations.UNFINGERPRINTED, translations.MISSING)


def _record_page(dataset: Dataset, key: tuple[str, str | None]) -> tuple[str | None, str]:
    """(source path of the page that shows a record, or None; the anchor on it, or "")."""
    kind, rid = key
    if kind in ("provisions", "themes"):
        return f"{kind}/{rid}.md", ""
    if kind == "glossary":
        return "glossary.md", f"#{rid}"
    if kind == "news":
        return (f"news/{rid}.md", "") if rid in news.shown_position(dataset) else (None, "")
    return {"factchecks": "factchecks/index.md", "timeline": "timeline.md", "sections": "provisions/index.md"}.get(kind), ""


# The field that names a record of each kind, in every language.
_TITLE_FIELD = {"provisions": "title", "themes": "title", "glossary": "term", "factchecks": "claim",
                "versions": "label", "sections": "title"}


def _record_title(dataset: Dataset, key: tuple[str, str | None], lang: str, entry: translations.Translation) -> str:
    kind, rid = key
    if kind == "news":
        return dataset.news[rid].machine.title  # the story's own title, as the news pages show it
    if kind in _TITLE_FIELD:
        return getattr(getattr(dataset, kind)[rid], _TITLE_FIELD[kind])[lang].text
    return f"{entry.path} {entry.field}"  # a timeline entry has no title of its own


def translation_status(dataset: Dataset, lang: str, src_path: str) -> TranslationStatusPage:
    """Coverage per language and every text that needs a translator, for the page at `src_path`."""
    coverage = []
    for code in LANGUAGES:
        mine = [e for e in dataset.translations if e.lang == code]
        counts = {column: 0 for column in COVERAGE_COLUMNS}
        for entry in mine:
            counts[entry.status or translations.MISSING] += 1
            if entry.state in (translations.OUTDATED, translations.UNFINGERPRINTED):
                counts[entry.state] += 1
        coverage.append(CoverageRow(code, counts))
    here = page_url(lang, src_path)
    items = []
    for entry in dataset.translations:
        if entry.state not in ATTENTION:
            continue
        target, anchor = _record_page(dataset, entry.record)
        href = None
        if target is not None:
            href = relative_url(page_url(entry.lang, target), here) + anchor
        items.append(StatusItem(entry.lang, entry.state, entry.from_lang, entry.field, entry.path, entry.line,
                                _record_title(dataset, entry.record, lang, entry), href))
    items.sort(key=lambda i: (ATTENTION.index(i.state), i.lang != lang, LANGUAGES.index(i.lang), i.path, i.line or 0))
    return TranslationStatusPage(lang, coverage, items)
