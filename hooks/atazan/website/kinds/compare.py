"""One section's comparison table between two versions (page kind `compare-section`): every article
of the section that changed, paragraph by paragraph, earlier wording beside the later one
(website/comparetable.py); the articles only renumbered and those unchanged named in one line each.

It is the page a roundtable prints: a section on one A4 sheet or less, with a QR code back to the
page (as the theme handouts carry one, kinds/handout.py), unchanged paragraphs folded on paper too.
"""

from __future__ import annotations

from dataclasses import dataclass

from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.dataset.texts import number_key
from atazan.website import comparetable, comparison, routes
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.kinds.changes import (PairPage, SectionChanges, change_language, compare_anchor, pair_page,
                                          section_key)


@dataclass(frozen=True)
class ArticleComparison:
    kind: str  # comparison.KINDS
    old_number: str | None
    new_number: str | None
    anchor: str
    page: str | None  # the article's own page, where the reference version has it
    table: comparetable.Table | None  # None: the text is held in no language both versions share
    text_lang: Lang | None


@dataclass(frozen=True)
class SectionComparison:
    pair: PairPage
    section: SectionChanges
    articles: tuple[ArticleComparison, ...]
    renumbered: tuple[tuple[str, str], ...]  # (later number, earlier number)
    unchanged: tuple[str, ...]  # later numbers
    path: str
    online: str  # its address relative to the site's root, for the QR code


def _unchanged(dataset: Dataset, old: str, new: str, section: str | None) -> tuple[str, ...]:
    from atazan.website.kinds.changes import section_of

    found = [c.new_number for c in comparison.pair_changes(dataset)[(old, new)]
             if c.new_number and comparison.reader_kind(dataset, old, new, c.old_number, c.new_number) == comparison.UNCHANGED
             and section_of(dataset, new, c.new_number) == section]
    return tuple(sorted(found, key=number_key))


@per_dataset_key  # one model per build: its page, and the open data that count it
def section_comparison(dataset: Dataset, old: str, new: str, section: str | None, lang: Lang) -> SectionComparison | None:
    pair = pair_page(dataset, old, new, lang)
    found = next((s for s in pair.sections if s.number == section), None)
    if found is None or found.path is None:
        return None
    articles = []
    for item in found.items:
        text_lang = change_language(dataset, old, new, item.old_number, item.new_number, lang)
        table = (comparetable.article_table(dataset, old, item.old_number, new, item.new_number, text_lang, lang)
                 if text_lang else None)
        reference = comparison.reference_number(dataset, new, item.new_number) if item.new_number else None
        articles.append(ArticleComparison(item.kind, item.old_number, item.new_number,
                                          compare_anchor(item.old_number, item.new_number),
                                          routes.article(reference) if reference else None, table, text_lang))
    path = routes.compare_section(old, new, section_key(section))
    return SectionComparison(pair, found, tuple(articles),
                             tuple((i.new_number or "", i.old_number or "") for i in found.renumbered),
                             _unchanged(dataset, old, new, section), path, routes.page_url(lang, path))


@dataclass(frozen=True)
class SectionComparisonContext(Context):
    page: SectionComparison


def section_pages(dataset: Dataset, lang: Lang) -> list[KindPage]:
    out = []
    for old, new in comparison.pairs(dataset):
        for section in pair_page(dataset, old, new, lang).sections:
            page = section_comparison(dataset, old, new, section.number, lang)
            if page is not None:
                out.append(KindPage(page.path, "data/correspondence.yml", SectionComparisonContext(page)))
    return out


KINDS = (PageKind("compare-section", "compare_section.md.j2", section_pages),)
