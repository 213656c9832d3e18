"""The whole text of each version held, on one printable page (page kind `text`), and the index of
the texts held and the reference version's articles (page kind `article-index`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.dataset.texts import section_eid
from atazan.website import comparison, legaltext, routes
from atazan.website.kinds.base import Context, KindPage, PageKind


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


@dataclass(frozen=True)
class ArticleIndexContext(Context):
    reference: WholeTextPage | None  # None: no text held
    versions: list[legaltext.ShownText]


def text_pages(dataset: Dataset, lang: Lang) -> list[KindPage]:
    out = []
    for version in sorted(dataset.texts.versions()):
        page = whole_text_page(dataset, version, lang)
        if page is not None:
            numbers = {a.number for section in page.sections for a in section.articles}
            out.append(KindPage(routes.text(version), page.shown.source_file, TextContext(
                page, {n: comparison.reference_number(dataset, version, n) for n in numbers})))
    return out


def _version_date(dataset: Dataset, version: str) -> str:
    date = dataset.versions[version].date
    return date.isoformat() if date else "9999"


def article_index(dataset: Dataset, lang: Lang) -> list[KindPage]:
    version = legaltext.reference_version(dataset)
    versions = []
    for held in sorted(dataset.texts.versions(), key=lambda v: _version_date(dataset, v)):
        shown = legaltext.choose(dataset, held, lang)
        if shown:
            versions.append(shown)
    index = whole_text_page(dataset, version, lang) if version else None
    source = index.shown.source_file if index else "data/texts"
    return [KindPage(routes.ARTICLE_INDEX, source, ArticleIndexContext(index, versions))]


KINDS = (
    PageKind("article-index", "article_index.md.j2", article_index),
    PageKind("text", "text.md.j2", text_pages),
)
