"""Page kind `kk-ru`: where the official Kazakh and Russian texts of one version differ, one page per
version whose kk and ru texts are both held and both official.

The differences are dataset/textcompare.py's, the same list `atazan validate` prints: numbers, dates and article references inside each
paragraph, and the layout (articles, sections, points, unnumbered parts, subpoints). Each place
that differs shows what each text holds there, a link to the paragraph in each language, and
both wordings side by side. Meaning is not compared, and the page says so.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from atazan.dataset import textcompare
from atazan.dataset.memo import per_dataset, per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.dataset.texts import PREAMBLE_EID, TextFile, block_text
from atazan.website import legaltext, routes
from atazan.website.i18n import Strings, format_date
from atazan.website.kinds.base import Context, KindPage, PageKind

OFFICIAL: tuple[Lang, Lang] = ("kk", "ru")


@per_dataset
def compared_versions(dataset: Dataset) -> list[str]:
    """The versions with a page: both official texts held (an unofficial kk or ru text is not compared)."""
    out = []
    for version in sorted(dataset.texts.versions()):
        held = [dataset.texts.get(version, lang) for lang in OFFICIAL]
        if all(text is not None and text.source.official for text in held):
            out.append(version)
    return out


@per_dataset_key  # the page in three languages and open data: compared once per build
def comparison_of(dataset: Dataset, version: str) -> textcompare.Comparison:
    return textcompare.comparison(_text(dataset, version, "kk"), _text(dataset, version, "ru"))


@dataclass(frozen=True)
class Line:
    """A paragraph of a wording; `number` and `mark` ("." of a point, ")" of a subpoint) open it."""

    text: str
    number: str | None = None
    mark: str = ""


@dataclass(frozen=True)
class Wording:
    """One text's side of a place: the link to that paragraph on the site, and its words."""

    lang: Lang
    page: str | None  # routes path in that language; None: the text does not hold the place
    anchor: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Finding:
    kind: str  # textcompare.Kind
    only: bool  # values are what only that text holds (numbers, dates, references), else what it has
    kk: str  # the values, worded for the reader ("" : none)
    ru: str


@dataclass(frozen=True)
class PlaceView:
    eid: str
    where: str  # "Article 5, paragraph 2", in the reader's language
    findings: tuple[Finding, ...]
    wordings: tuple[Wording, Wording]  # kk, ru


@dataclass(frozen=True)
class SourceLine:
    lang: Lang
    publisher: str
    title: str
    date: str
    url: str | None
    registry: str | None


@dataclass(frozen=True)
class KkRuPage:
    version: str
    version_label: str
    adopted: bool
    partial: bool  # one text holds only parts of the version: an article held by one only is not listed
    sources: tuple[SourceLine, SourceLine]
    places: tuple[PlaceView, ...]
    differences: int
    compared: textcompare.Compared
    source_file: str


def shown_differences(dataset: Dataset, version: str) -> tuple[textcompare.Difference, ...]:
    """The differences a reader is shown (and open data lists): validate's, less an article held by
    only one text where a text is a part of the version by design."""
    found = comparison_of(dataset, version).differences
    if _partial(dataset, version):
        return tuple(d for d in found if d.kind != "article")
    return found


def _partial(dataset: Dataset, version: str) -> bool:
    return not all(_text(dataset, version, lang).source.complete for lang in OFFICIAL)


def _text(dataset: Dataset, version: str, lang: Lang) -> TextFile:
    return legaltext.text_of(dataset, version, lang)


@per_dataset_key  # one model per version and language per build
def kk_ru_page(dataset: Dataset, version: str, lang: Lang) -> KkRuPage:
    strings = legaltext.strings(dataset.root)
    groups: dict[str, list[textcompare.Difference]] = {}
    for difference in shown_differences(dataset, version):
        groups.setdefault(difference.eid, []).append(difference)
    places = []
    for eid, found in groups.items():
        place = found[0].place
        wordings = (_wording(dataset, version, "kk", eid, place), _wording(dataset, version, "ru", eid, place))
        findings = tuple(Finding(d.kind, d.kind in textcompare.FACTS, _values(d.kind, d.first, lang, strings),
                                 _values(d.kind, d.second, lang, strings)) for d in found)
        places.append(PlaceView(eid, _where(place, lang, strings), findings, wordings))
    texts = {code: _text(dataset, version, code) for code in OFFICIAL}
    sources = tuple(SourceLine(code, t.source.publisher, t.source.title, format_date(t.source.date, lang), t.source.url,
                               t.source.registry) for code, t in texts.items())
    assert len(sources) == 2  # kk, ru
    return KkRuPage(
        version=version, version_label=dataset.versions[version].label[lang].text,
        adopted=version == legaltext.REFERENCE_PREFERENCE, partial=_partial(dataset, version),
        sources=(sources[0], sources[1]), places=tuple(places), differences=sum(len(p.findings) for p in places),
        compared=comparison_of(dataset, version).compared,
        source_file=dataset.texts.origin[(version, "kk")],
    )


def _where(place: textcompare.Place, lang: Lang, strings: Strings) -> str:
    if place.article is None:
        return strings.get("text.preamble", lang)
    parts = [strings.get("text.article", lang, n=place.article)]
    if place.point is not None:
        parts.append(strings.get("text.kkru.point", lang, n=place.point))
    if place.subpoint is not None:
        parts.append(strings.get("text.kkru.subpoint", lang, n=place.subpoint))
    return ", ".join(parts)


def _values(kind: str, values: tuple[str, ...], lang: Lang, strings: Strings) -> str:
    """What a text holds at a difference, for a reader of `lang`; "" for nothing."""
    def one(value: str) -> str:
        if kind == "date":
            return format_date(dt.date.fromisoformat(value), lang)
        if kind in ("reference", "article"):
            # Lower case in Russian running text ("статья 5"), as the termbase asks.
            return strings.get("text.kkru.article_ref", lang, n=value)
        if kind == "section":
            return strings.get("text.section", lang, n=value)
        if kind == "subpoint":
            return f"{value})"
        if kind == "closing":
            return strings.get("text.kkru.yes", lang)
        return value

    counted = Counter(values)
    # Dates in English carry a comma ("March 15, 2026"): dates are set apart with semicolons.
    return ("; " if kind == "date" else ", ").join(one(value) + (f" (×{count})" if count > 1 else "")
                                                    for value, count in counted.items())


def _wording(dataset: Dataset, version: str, lang: Lang, eid: str, place: textcompare.Place) -> Wording:
    """The words of one text at `place`, and where the site shows them in that language."""
    text = _text(dataset, version, lang)
    if place.article is None:
        return Wording(lang, routes.text(version), PREAMBLE_EID, tuple(Line(line) for line in text.preamble))
    article = legaltext.articles_by_number(dataset, version, lang).get(place.article)
    if article is None:
        return Wording(lang, None, "", ())
    if place.point is None:
        if article.paragraphs:
            lines = tuple(line for p in article.paragraphs for line in _numbered(p.number, block_text(p)))
        else:
            lines = tuple(Line(line) for line in block_text(article).split("\n"))
    else:
        paragraph = next((p for p in article.paragraphs if p.number == place.point), None)
        if paragraph is None:
            return Wording(lang, None, "", ())
        if place.subpoint is None:
            lines = _numbered(paragraph.number, block_text(paragraph))
        else:
            sub = next((s for s in paragraph.subparagraphs if s.number == place.subpoint), None)
            lines = (Line(sub.text, sub.number, ")"),) if sub else ()
    return Wording(lang, _page_of(dataset, version, place.article), eid, lines)


def _numbered(number: str, wording: str) -> tuple[Line, ...]:
    # block_text: the point's first paragraph, its parts, its subpoints ("1) …"), its closing words.
    first, *rest = wording.split("\n")
    return (Line(first, number, "."), *(Line(line) for line in rest))


def _page_of(dataset: Dataset, version: str, number: str) -> str:
    """The article's page when it shows this version's text, else the version's whole text."""
    if version == legaltext.reference_version(dataset) and number in legaltext.article_numbers(dataset, version):
        return routes.article(number)
    return routes.text(version)


# ---------------------------------------------------------------- open data

def open_data(dataset: Dataset, lang: Lang) -> list[dict[str, object]]:
    """`kk_ru_differences`: per version with a page, what was compared and every difference, its
    values as the texts hold them (ISO dates, article numbers), not worded for a reader."""
    out: list[dict[str, object]] = []
    for version in compared_versions(dataset):
        compared = comparison_of(dataset, version).compared
        out.append({
            "version": version,
            "page": routes.page_url(lang, routes.kk_ru(version)),
            "compared": {"articles": compared.articles, "paragraphs": compared.points, "subparagraphs": compared.subpoints,
                         "dates": compared.dates, "references": compared.references, "numbers": compared.numbers},
            "differences": [{"id": d.eid, "kind": d.kind, "kk": list(d.first), "ru": list(d.second)}
                            for d in shown_differences(dataset, version)],
        })
    return out


# ---------------------------------------------------------------- the page kind

@dataclass(frozen=True)
class KkRuContext(Context):
    page: KkRuPage


def kk_ru_pages(dataset: Dataset, lang: Lang) -> list[KindPage]:
    out = []
    for version in compared_versions(dataset):
        page = kk_ru_page(dataset, version, lang)
        out.append(KindPage(routes.kk_ru(version), page.source_file, KkRuContext(page)))
    return out


KINDS = (PageKind("kk-ru", "kk_ru.md.j2", kk_ru_pages),)
