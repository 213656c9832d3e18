"""The whole text of each version held, on one printable page (page kind `text`), and the index of
the texts held and the reference version's articles (page kind `article-index`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from atazan.dataset.memo import per_dataset, per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.dataset.texts import number_key, section_eid
from atazan.website import comparison, legaltext, routes
from atazan.website.kinds import kk_ru
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.views import Link, Shown, pick, provision_link, theme_link


@dataclass
class SectionView:
    number: str | None
    heading: str | None
    articles: list[legaltext.ArticleView] = field(default_factory=list)

    @property
    def eid(self) -> str | None:
        return section_eid(self.number) if self.number else None


@dataclass
class WholeTextPage:
    version: str
    lang: Lang
    shown: legaltext.ShownText
    title: str | None
    preamble: list[str]
    sections: list[SectionView]


@per_dataset_key  # one model per build, shared by every page that shows it
def whole_text_page(dataset: Dataset, version: str, lang: Lang) -> WholeTextPage | None:
    shown = legaltext.choose(dataset, version, lang)
    if shown is None:
        return None
    text = legaltext.text_of(dataset, version, shown.text_lang)
    headings = {s.number: s.heading for s in text.sections}
    sections: list[SectionView] = []
    for article in text.articles:
        if not sections or sections[-1].number != article.section:
            sections.append(SectionView(article.section, headings.get(article.section) if article.section else None))
        sections[-1].articles.append(legaltext.article_view(dataset, version, shown.text_lang, article.number))
    return WholeTextPage(version, lang, shown, text.title, list(text.preamble), sections)


# ---------------------------------------------------------------- page kinds

@dataclass(frozen=True)
class TextContext(Context):
    page: WholeTextPage
    # Each article's number in the reference version, whose page it links: the first draft's
    # Article 6 is not the adopted text's Article 6 (None: no page, the article is not in it).
    article_pages: dict[str, str | None]
    kk_ru_compared: bool  # its official kk and ru texts are compared on a page of their own (kinds/kk_ru.py)


@dataclass(frozen=True)
class IndexEntry:
    """One article in the index: its first words, its themes, whether it changed."""

    number: str
    first_words: str
    themes: tuple[Link, ...]
    kind: str | None  # its change in the pair a reader asks about (comparison.KINDS); None: unchanged or no pair
    old_number: str | None


@dataclass(frozen=True)
class IndexSection:
    number: str | None
    heading: str | None
    entries: tuple[IndexEntry, ...]


@dataclass(frozen=True)
class ExplainedArticle:
    """A provision record that names an article of a version: what the index lists while no text is held."""

    number: str
    version_label: str
    provision: Link
    # The curator's notes on those entries (schema: versions[].note), e.g. that the source does not
    # say which text it numbers: the index says what the record says, doubt included.
    notes: tuple[Shown, ...] = ()


@dataclass(frozen=True)
class ArticleIndexContext(Context):
    reference: WholeTextPage | None  # None: no text held
    versions: list[legaltext.ShownText]
    kk_ru_compared: frozenset[str]  # the versions whose official kk and ru texts are compared (kinds/kk_ru.py)
    sections: tuple[IndexSection, ...]
    pair: tuple[str, str] | None  # the labels of the pair the change marks compare
    explained: tuple[ExplainedArticle, ...]  # while no text is held


def text_pages(dataset: Dataset, lang: Lang) -> list[KindPage]:
    out = []
    for version in sorted(dataset.texts.versions()):
        page = whole_text_page(dataset, version, lang)
        if page is not None:
            numbers = {a.number for section in page.sections for a in section.articles}
            out.append(KindPage(routes.text(version), page.shown.source_file, TextContext(
                page, {n: comparison.reference_number(dataset, version, n) for n in numbers},
                version in kk_ru.compared_versions(dataset))))
    return out


def _version_date(dataset: Dataset, version: str) -> str:
    date = dataset.versions[version].date
    return date.isoformat() if date else "9999"


FIRST_WORDS = 12


def _first_words(article: legaltext.ArticleView) -> str:
    words = (article.heading or (article.blocks[0].plain if article.blocks else "")).split()
    return " ".join(words[:FIRST_WORDS]) + (" …" if len(words) > FIRST_WORDS else "")


@per_dataset
def themes_by_article(dataset: Dataset) -> dict[str, tuple[str, ...]]:
    """Reference-version article number -> the themes of the provision records that explain it, whichever
    version's number a record names (the correspondence table says which article that is now)."""
    found: dict[str, dict[str, None]] = {}
    for pid, provision in sorted(dataset.provisions.items()):
        for entry in provision.versions:
            if entry.number is None or entry.version not in dataset.texts.versions():
                continue
            number = comparison.reference_number(dataset, entry.version, str(entry.number))
            if number is not None:
                found.setdefault(number, {}).update(dict.fromkeys(provision.themes))
    return {number: tuple(themes) for number, themes in found.items()}


def _explained(dataset: Dataset, lang: Lang) -> tuple[ExplainedArticle, ...]:
    found = []
    for pid, provision in sorted(dataset.provisions.items()):
        for entry in provision.versions:
            if entry.number is not None and entry.version in dataset.versions:
                found.append((_version_date(dataset, entry.version), number_key(str(entry.number)), ExplainedArticle(
                    str(entry.number), dataset.versions[entry.version].label[lang].text, provision_link(dataset, pid, lang),
                    (pick(entry.note, lang),) if entry.note else ())))
    unique: dict = {}
    for date, key, e in found:
        group = (e.number, e.version_label, e.provision.id)
        if group in unique:  # one line per article, version and record, with every entry's note
            was = unique[group][2]
            e = dataclasses.replace(was, notes=was.notes + tuple(n for n in e.notes if n not in was.notes))
            date, key = unique[group][:2]
        unique[group] = (date, key, e)
    return tuple(e for _, _, e in sorted(unique.values(), key=lambda item: (item[0], item[1], item[2].provision.title)))


def article_index(dataset: Dataset, lang: Lang) -> list[KindPage]:
    version = legaltext.reference_version(dataset)
    versions = []
    for held in sorted(dataset.texts.versions(), key=lambda v: _version_date(dataset, v)):
        shown = legaltext.choose(dataset, held, lang)
        if shown:
            versions.append(shown)
    index = whole_text_page(dataset, version, lang) if version else None
    source = index.shown.source_file if index else "data/texts"
    compared = frozenset(kk_ru.compared_versions(dataset))
    pair = comparison.default_pair(dataset)
    table = dataset.correspondence
    themes = themes_by_article(dataset)
    sections = []
    for section in index.sections if index else []:
        entries = []
        for article in section.articles:
            kind, old_number = None, None
            row = table.row_of(table.reference, article.number) if table and pair else None
            if row is not None and pair is not None and row.number(pair[1]) is not None:
                old_number = row.number(pair[0])
                found = comparison.reader_kind(dataset, pair[0], pair[1], old_number, row.number(pair[1]))
                kind = found if found != comparison.UNCHANGED else None
            entries.append(IndexEntry(article.number, _first_words(article),
                                      tuple(theme_link(dataset, tid, lang) for tid in themes.get(article.number, ()) if tid in dataset.themes),
                                      kind, old_number))
        sections.append(IndexSection(section.number, section.heading, tuple(entries)))
    labels = (comparison.label(dataset, pair[0], lang), comparison.label(dataset, pair[1], lang)) if pair else None
    return [KindPage(routes.ARTICLE_INDEX, source, ArticleIndexContext(
        index, versions, compared, tuple(sections), labels, () if index else _explained(dataset, lang)))]


KINDS = (
    PageKind("article-index", "article_index.md.j2", article_index, reader_assets="script"),  # the jump
    PageKind("text", "text.md.j2", text_pages),
)
