"""The translation-status page: page kind `translation-status`, coverage per language and every
text a translator should look at, linked to the page that shows it in the text's language."""

from __future__ import annotations

from dataclasses import dataclass

from atazan import LANGUAGES
from atazan.dataset import translations
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import routes
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.kinds.news import shown_position


@dataclass(frozen=True)
class CoverageRow:
    lang: Lang
    counts: dict[str, int]  # original, translated, reviewed, missing, outdated, unfingerprinted


@dataclass(frozen=True)
class StatusItem:
    """A text a translator should look at: outdated, never stamped, without source, or missing."""

    lang: Lang
    state: str
    from_lang: Lang | None
    field: str
    path: str  # data file
    line: int | None
    title: str  # the record, in the reader's language
    page: str | None  # the page showing the text (in the text's language `lang`); None if no page shows it
    anchor: str = ""


@dataclass
class TranslationStatusPage:
    lang: Lang
    coverage: list[CoverageRow]
    items: list[StatusItem]


COVERAGE_COLUMNS = ("original", "translated", "reviewed", "missing", "outdated", "unfingerprinted")
# What a translator must act on, in this order; "current" translations are fine.
ATTENTION = (translations.OUTDATED, translations.NO_SOURCE, translations.UNFINGERPRINTED, translations.MISSING)


def _record_page(dataset: Dataset, key: tuple[str, str | None]) -> tuple[str | None, str]:
    """(the page that shows a record, or None; the anchor on it, or "")."""
    collection, rid = key
    if collection == "news" and rid not in shown_position(dataset):
        return None, ""  # a story the site does not show
    return routes.record_page(collection, rid)


# The field that names a record of each kind, in every language.
_TITLE_FIELD = {"provisions": "title", "themes": "title", "glossary": "term", "factchecks": "claim",
                "versions": "label", "sections": "title"}


def _record_title(dataset: Dataset, key: tuple[str, str | None], lang: Lang, entry: translations.Translation) -> str:
    kind, rid = key
    if kind == "news" and rid is not None:
        return dataset.news[rid].machine.title  # the story's own title, as the news pages show it
    if kind in _TITLE_FIELD:
        return getattr(getattr(dataset, kind)[rid], _TITLE_FIELD[kind])[lang].text
    return f"{entry.path} {entry.field}"  # a timeline entry has no title of its own


def translation_status(dataset: Dataset, lang: Lang) -> TranslationStatusPage:
    """Coverage per language and every text that needs a translator."""
    coverage = []
    for code in LANGUAGES:
        mine = [e for e in dataset.translations if e.lang == code]
        counts = {column: 0 for column in COVERAGE_COLUMNS}
        for entry in mine:
            counts[entry.status or translations.MISSING] += 1
            if entry.state in (translations.OUTDATED, translations.UNFINGERPRINTED):
                counts[entry.state] += 1
        coverage.append(CoverageRow(code, counts))
    items = []
    for entry in dataset.translations:
        if entry.state not in ATTENTION:
            continue
        target, anchor = _record_page(dataset, entry.record)
        items.append(StatusItem(entry.lang, entry.state, entry.from_lang, entry.field, entry.path, entry.line,
                                _record_title(dataset, entry.record, lang, entry), target, anchor))
    items.sort(key=lambda i: (ATTENTION.index(i.state), i.lang != lang, LANGUAGES.index(i.lang), i.path, i.line or 0))
    return TranslationStatusPage(lang, coverage, items)


@dataclass(frozen=True)
class StatusContext(Context):
    status: TranslationStatusPage


def translation_status_page(dataset: Dataset, lang: Lang) -> list[KindPage]:
    return [KindPage(routes.TRANSLATION_STATUS, "data", StatusContext(translation_status(dataset, lang)))]


KINDS = (PageKind("translation-status", "translation_status.md.j2", translation_status_page),)
