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
    renumbered: tuple[tuple[str, str], ...]  # (later numbers, earlier numbers): "10–14", "9–13"
    unchanged: str  # later numbers, "1–5, 7"
    path: str
    online: str  # its address relative to the site's root, for the QR code
    shown_lang: Lang | None  # an official language some article is compared in, not the reader's


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
                             shifted_ranges([(i.new_number or "", i.old_number or "") for i in found.renumbered]),
                             comparetable.ranges(_unchanged(dataset, old, new, section), ""), path, routes.page_url(lang, path),
                             next((a.text_lang for a in articles if a.text_lang and a.text_lang != lang), None))


def shifted_ranges(pairs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """(10, 9), (11, 10), (12, 11), (16, 15) -> ("10–12", "9–11"), ("16", "15"): a run moved by the
    same amount is one range, so a section's renumbered articles fit a line of a printed sheet."""
    runs: list[list[tuple[str, str]]] = []
    for new, old in pairs:
        if runs and new.isdigit() and old.isdigit() and runs[-1][-1][0].isdigit() and runs[-1][-1][1].isdigit() \
                and int(new) == int(runs[-1][-1][0]) + 1 and int(old) == int(runs[-1][-1][1]) + 1:
            runs[-1].append((new, old))
        else:
            runs.append([(new, old)])
    return tuple((run[0][0], run[0][1]) if len(run) == 1 else (f"{run[0][0]}–{run[-1][0]}", f"{run[0][1]}–{run[-1][1]}")
                 for run in runs)


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


KINDS = (PageKind("compare-section", "compare_section.md.j2", section_pages, reader_assets="styles"),)
