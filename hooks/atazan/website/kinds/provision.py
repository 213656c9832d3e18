"""Provision pages and the provision index: page kinds `provision` and `provision-index`.

A provision is one topic of the Constitution as the sources report it, with every version's
wording, its source, and our plain-language explanation. Every decision (which text to show, in
what order, what is missing) is made here once for all languages; templates only lay it out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from atazan.dataset import explanations, schema
from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import attached, collation, legaltext, routes, textdiff
from atazan.website.i18n import format_date
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.kinds.factcheck import FactCheckView, factchecks_for
from atazan.website.kinds.news import NewsLink, headline, news_for, stories_by_title, title_key
from atazan.website.outlets import OutletName, outlet_name
from atazan.website.views import Link, Shown, TranslationNotice, pick, provision_link, theme_link, translation_notice


@dataclass(frozen=True)
class CitedSource:
    """A news outlet's report that a provision's wording comes from."""

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
    text_language: Lang | None
    translation: str | None
    own_translation: Shown | None  # Ata Zan's rendering into the reader's language
    source: CitedSource
    note: Shown | None
    # The versions before this one that cite the same source, so the page names it once.
    same_source_as_next: bool = False


@dataclass(frozen=True)
class DiffView:
    older: str  # version labels
    newer: str
    segments: tuple[textdiff.Segment, ...]  # website/textdiff.py: the one word diff of the site
    lang: Lang = "en"  # the language of the compared texts


@dataclass
class ProvisionPage:
    id: str
    lang: Lang
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
class SectionGroup:
    title: str | None  # None: the sources do not name the section
    number: str | None
    provisions: list[ProvisionSummary]


def _version_order(dataset: Dataset, kind: str) -> tuple[str, str]:
    known = dataset.versions.get(kind)
    date = known.date.isoformat() if known and known.date else "9999"
    return (date, kind)


def _version_view(dataset: Dataset, version: schema.TextVersion, lang: Lang) -> VersionView:
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
        source=CitedSource(outlet_name(dataset, source.outlet, lang), source.title, source.url, format_date(source.date, lang),
                          pick(source.note, lang) if source.note else None, story),
        note=pick(version.note, lang) if version.note else None,
    )


def _story_of(dataset: Dataset, title: str, date: dt.date, lang: Lang) -> Link | None:
    """Our page of the news story a source names (same title, same day), if the site shows it."""
    nid = stories_by_title(dataset).get((title_key(title), date))
    if nid is None:
        return None
    return Link(nid, headline(dataset.news[nid], lang).text, routes.news(nid))


def _diffs(views: list[VersionView]) -> list[DiffView]:
    # Only quotations in one language can be compared word by word; a paraphrase is not the text.
    with_text = [v for v in views if v.text and v.text_kind == "quote"]
    diffs = []
    for older, newer in zip(with_text, with_text[1:]):
        if older.text_language == newer.text_language and older.kind != newer.kind:
            # with_text: both have a text, and a text has its language (schema.TextVersion)
            assert older.text and newer.text and older.text_language
            diffs.append(DiffView(older.label, newer.label, tuple(textdiff.word_diff([older.text], [newer.text])),
                                  older.text_language))
    return diffs


@per_dataset_key  # one model per build, shared by every page that shows it
def summarize(dataset: Dataset, pid: str, lang: Lang) -> ProvisionSummary:
    provision = dataset.provisions[pid]
    # Once per (version, number): two proposals without a number are one line, not two identical ones.
    numbers = list(dict.fromkeys(
        (dataset.versions[v.version].label[lang].text, v.number)
        for v in sorted(provision.versions, key=lambda v: _version_order(dataset, v.version))
    ))
    return ProvisionSummary(provision_link(dataset, pid, lang), pick(provision.summary, lang), numbers)


@per_dataset_key  # one model per build, shared by every page that shows it
def provision_page(dataset: Dataset, pid: str, lang: Lang) -> ProvisionPage:
    provision = dataset.provisions[pid]
    ordered = sorted(provision.versions, key=lambda v: _version_order(dataset, v.version))
    views = [_version_view(dataset, v, lang) for v in ordered]
    # A source cited by several versions in a row is named once, after the last of them.
    views = [dataclasses.replace(v, same_source_as_next=i + 1 < len(views) and views[i + 1].source == v.source)
             for i, v in enumerate(views)]
    section = dataset.sections.get(provision.section) if provision.section else None
    glossary = collation.sorted_for(lang, [
        Link(tid, term.term[lang].text, routes.GLOSSARY)
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
    texts: list[Shown | None] = [page.title, page.summary, page.says, page.changed, page.means]
    for v in views:
        texts += [v.own_translation, v.note, v.source.note]
    page.translation = translation_notice(texts, lang, routes.provision(pid))
    return page


def section_groups(dataset: Dataset, lang: Lang) -> list[SectionGroup]:
    groups: list[SectionGroup] = []
    for sid, section in dataset.sections.items():  # file order is the Constitution's order
        members = [pid for pid, p in sorted(dataset.provisions.items()) if p.section == sid]
        if members:
            groups.append(SectionGroup(section.title[lang].text, section.number, _alphabetical(dataset, members, lang)))
    unplaced = [pid for pid, p in sorted(dataset.provisions.items()) if p.section is None]
    if unplaced:
        groups.append(SectionGroup(None, None, _alphabetical(dataset, unplaced, lang)))
    return groups


def _alphabetical(dataset: Dataset, pids: list[str], lang: Lang) -> list[ProvisionSummary]:
    # Within a section, by title in the reader's alphabet (not by file name, which is English).
    return collation.sorted_for(lang, [summarize(dataset, p, lang) for p in pids], key=lambda s: s.link.title)




# ---------------------------------------------------------------- page kinds

@dataclass(frozen=True)
class CheckNotice:
    """What the page tells about the explanation and the texts it relies on (dataset/explanations.py):
    OUTDATED and DIFFERS are warnings, UNCHECKED a note; `places` are those texts, linked where held."""

    state: str
    places: tuple[legaltext.ArticleLink, ...]


@dataclass(frozen=True)
class ProvisionContext(Context):
    page: ProvisionPage
    news: list[NewsLink]
    factchecks: list[FactCheckView]
    text: legaltext.ProvisionText  # the imported text's articles it explains
    checks: tuple[CheckNotice, ...]  # the explanation's states a reader must know, most serious first


@dataclass(frozen=True)
class ProvisionIndexContext(Context):
    groups: list[SectionGroup]


def _checked_in_reference(dataset: Dataset, pid: str) -> set[str]:
    """The reference version's articles this provision's explanation was checked against (a
    current entry for them): an entry written for the same article of a draft needs no notice."""
    reference = legaltext.reference_version(dataset)
    return {str(c.number) for c in explanations.of_provision(dataset, pid, (explanations.CURRENT,))
            if c.version == reference and c.number is not None}


def _check_notices(dataset: Dataset, pid: str, lang: Lang) -> tuple[CheckNotice, ...]:
    notices = []
    checked = _checked_in_reference(dataset, pid)
    for state in (explanations.OUTDATED, explanations.DIFFERS, explanations.UNCHECKED):
        places: list[legaltext.ArticleLink] = []
        for check in explanations.of_provision(dataset, pid, (state,)):
            if state == explanations.UNCHECKED and check.number is not None and \
                    attached.reference_number(dataset, check.version, str(check.number)) in checked:
                continue  # checked against the same article of the reference version since
            label = dataset.versions[check.version].label[lang].text
            number = str(check.number) if check.number is not None else ""
            held = legaltext.in_every_version(dataset, check.version, number, lang) if number else ()
            own = next((link for link in held if link.label == label), None)
            place = own or legaltext.ArticleLink(label, number, "", "")
            if place not in places:
                places.append(place)
        if places:
            notices.append(CheckNotice(state, tuple(places)))
    return tuple(notices)


def provision_pages(dataset: Dataset, lang: Lang) -> list[KindPage]:
    return [
        KindPage(routes.provision(pid), dataset.origin[("provisions", pid)], ProvisionContext(
            provision_page(dataset, pid, lang), news_for(dataset, lang, provision=pid), factchecks_for(dataset, lang, pid),
            legaltext.provision_text(dataset, pid, lang), _check_notices(dataset, pid, lang)))
        for pid in sorted(dataset.provisions)
    ]


def provision_index(dataset: Dataset, lang: Lang) -> list[KindPage]:
    return [KindPage(routes.PROVISION_INDEX, "data/provisions", ProvisionIndexContext(section_groups(dataset, lang)))]


KINDS = (
    PageKind("provision", "provision.md.j2", provision_pages, links_glossary=True),
    PageKind("provision-index", "provision_index.md.j2", provision_index, links_glossary=True),
)
