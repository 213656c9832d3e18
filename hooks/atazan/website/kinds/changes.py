"""What changed from one version to another, scaled for a reader: page kinds `changes-index` (the
pair a reader asks about, at changes/, with the other pairs named) and `changes` (every other pair).

Per pair, grouped by section: each article with its kind of change (comparison.KINDS), how much
changed (words removed and added, and that as a share of the article, drawn as a bar) and its
first changed words; the articles only renumbered folded into one line per section. Decisions live
in comparison.py and comparetable.py, shared with the article pages and the section comparisons
(kinds/compare.py); the templates only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.dataset.texts import article_eid
from atazan.website import comparetable, comparison, legaltext, official, routes
from atazan.website.kinds.base import Context, KindPage, PageKind


@dataclass(frozen=True)
class ChangeItem:
    kind: str  # comparison.KINDS
    old_number: str | None
    new_number: str | None
    page: str  # where the reader sees the article's comparison
    anchor: str
    removed: int  # words
    added: int
    share: int  # the change as a percentage of the article's words (both wordings): the bar
    first: comparetable.Excerpt | None  # its first changed words, in `text_lang`
    text_lang: Lang | None


@dataclass(frozen=True)
class SectionChanges:
    number: str | None
    heading: str | None
    heading_lang: Lang | None
    items: tuple[ChangeItem, ...]  # every kind but renumbered only, in the text's order
    renumbered: tuple[ChangeItem, ...]
    unchanged: int
    path: str | None  # the section's comparison table (kinds/compare.py); None: nothing in it changed

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([item.kind for item in self.items] + (["renumbered"] if self.renumbered else [])))


@dataclass(frozen=True)
class PairPage:
    old: str
    new: str
    old_label: str
    new_label: str
    path: str
    is_default: bool
    counts: dict[str, int]  # per comparison.KINDS, and "unchanged"
    sections: tuple[SectionChanges, ...]
    missing: tuple[str, ...]  # labels of the versions the reader's language lacks
    shown_lang: Lang | None  # the language compared instead (an official one), when `missing`


def pair_path(dataset: Dataset, old: str, new: str) -> str:
    """The pair a reader asks about is the what-changed page itself (changes/, one tap from the menu)."""
    return routes.CHANGES_INDEX if (old, new) == comparison.default_pair(dataset) else routes.changes_pair(old, new)


def section_key(number: str | None) -> str:
    return number.lower() if number else "all"


def section_of(dataset: Dataset, version: str, number: str) -> str | None:
    for code in (*legaltext.OFFICIAL_FALLBACK, "en"):
        article = legaltext.articles_by_number(dataset, version, code).get(number)
        if article is not None:
            return article.section
    return None


def headings(dataset: Dataset, version: str, lang: Lang) -> tuple[dict[str, str], Lang | None]:
    """Section number -> heading of `version` as a reader of `lang` gets it, and the language of them."""
    shown = legaltext.choose(dataset, version, lang)
    if shown is None:
        return {}, None
    text = legaltext.text_of(dataset, version, shown.text_lang)
    return {s.number: s.heading for s in text.sections if s.heading}, shown.text_lang


def _section_order(dataset: Dataset, version: str) -> list[str | None]:
    for code in (*legaltext.OFFICIAL_FALLBACK, "en"):
        text = dataset.texts.get(version, code)
        if text is not None:
            return [s.number for s in text.sections] or list(dict.fromkeys(a.section for a in text.articles))
    return []


def change_language(dataset: Dataset, old: str, new: str, before: str | None, after: str | None, lang: Lang) -> Lang | None:
    """The language an article's change is shown in: the reader's where both versions have it."""
    if before and after:
        return comparison.diff_language(dataset, old, new, before, after, lang)
    version, number = (old, before) if before else (new, after)
    assert number is not None
    shown = legaltext.choose(dataset, version, lang, number)
    return shown.text_lang if shown else None


@per_dataset_key  # one model per build: the what-changed page, the article index and open data show it
def pair_page(dataset: Dataset, old: str, new: str, lang: Lang) -> PairPage:
    groups: dict[str | None, dict[str, list]] = {}
    order: list[str | None] = []
    counts = {kind: 0 for kind in (*comparison.KINDS, comparison.UNCHANGED)}
    is_default = (old, new) == comparison.default_pair(dataset)
    for change in comparison.pair_changes(dataset)[(old, new)]:
        before, after = change.old_number, change.new_number
        kind = comparison.reader_kind(dataset, old, new, before, after)
        counts[kind] += 1
        section = section_of(dataset, new, after) if after else section_of(dataset, old, before or "")
        if section not in groups:
            groups[section] = {"items": [], "renumbered": [], "unchanged": []}
            order.append(section)
        if kind == comparison.UNCHANGED:
            groups[section]["unchanged"].append(after)
            continue
        groups[section]["renumbered" if kind == "renumbered" else "items"].append(
            _item(dataset, old, new, before, after, kind, section, lang, is_default))
    names, heading_lang = headings(dataset, new, lang)
    old_names, old_heading_lang = headings(dataset, old, lang)
    printed = [s for s in _section_order(dataset, new) + _section_order(dataset, old)]
    sections = []
    for number in sorted(order, key=lambda n: (printed.index(n) if n in printed else len(printed), order.index(n))):
        group = groups[number]
        for key in ("items", "renumbered"):
            group[key].sort(key=lambda item: comparison.position(dataset, old, new, item.old_number, item.new_number))
        heading, in_lang = (names.get(number), heading_lang) if number in names else (old_names.get(number or ""), old_heading_lang)
        sections.append(SectionChanges(number, heading, in_lang if heading else None, tuple(group["items"]),
                                       tuple(group["renumbered"]), len(group["unchanged"]),
                                       routes.compare_section(old, new, section_key(number)) if group["items"] else None))
    # Said once, above the list, when some article is shown in another (an official) language.
    shown_lang = next((item.text_lang for s in sections for item in s.items if item.text_lang and item.text_lang != lang), None)
    missing = tuple(comparison.label(dataset, v, lang) for v in comparison.missing_languages(dataset, (old, new), lang)) if shown_lang else ()
    return PairPage(old, new, comparison.label(dataset, old, lang), comparison.label(dataset, new, lang),
                    pair_path(dataset, old, new), is_default, counts, tuple(sections), missing, shown_lang)


def _item(dataset: Dataset, old: str, new: str, before: str | None, after: str | None, kind: str, section: str | None,
          lang: Lang, is_default: bool) -> ChangeItem:
    text_lang = change_language(dataset, old, new, before, after, lang)
    table = (comparetable.article_table(dataset, old, before, new, after, text_lang, lang)
             if text_lang and kind != "renumbered" else None)
    reference = comparison.reference_number(dataset, new, after) if after else None
    if reference is not None and is_default:
        page, anchor = routes.article(reference), COMPARE_ANCHOR
    else:
        # Another pair, or an article the reference version does not have: the section's comparison.
        page, anchor = routes.compare_section(old, new, section_key(section)), compare_anchor(before, after)
    if kind == "renumbered":
        page, anchor = (routes.article(reference), "") if reference else (routes.text(old), article_eid(before or ""))
    removed, added = (table.removed, table.added) if table else (0, 0)
    share = round(100 * (removed + added) / table.words) if table and table.words else 0
    return ChangeItem(kind, before, after, page, anchor, removed, added, max(share, 1) if removed + added else 0,
                      table.first if table else None, text_lang)


# The article page's comparison (article.md.j2), and each article's on a section's comparison page.
COMPARE_ANCHOR = "compare"


def compare_anchor(before: str | None, after: str | None) -> str:
    """An article's place on a section's comparison: its later number, or for a removed article its earlier one."""
    return f"compare-{article_eid(after)}" if after else f"compare-old-{article_eid(before or '')}"


def counts(dataset: Dataset) -> list[dict[str, object]]:
    """Open data: per pair of versions, how many articles are new, removed, renumbered, changed (as the
    correspondence decides it), and `kinds`: the same articles by the kind a reader is shown."""
    out: list[dict[str, object]] = []
    for old, new in comparison.pairs(dataset):
        found = {kind: 0 for kind in ("new", "removed", "renumbered", "changed")}
        for change in comparison.pair_changes(dataset)[(old, new)]:
            if change.kind in found:
                found[change.kind] += 1
        kinds = pair_page(dataset, old, new, "en").counts
        out.append({"from": old, "to": new, **found, "kinds": {k: kinds[k] for k in comparison.KINDS}})
    return out


# ---------------------------------------------------------------- page kinds

@dataclass(frozen=True)
class PairSummary:
    """Another pair, in one line: its page and its counts."""

    label_old: str
    label_new: str
    path: str
    counts: dict[str, int]


@dataclass(frozen=True)
class ChangesIndexContext(Context):
    page: PairPage | None  # the default pair; None: nothing to compare
    others: list[PairSummary]
    has_texts: bool
    official: tuple[official.OfficialText, ...]


@dataclass(frozen=True)
class PairContext(Context):
    page: PairPage
    others: list[PairSummary]


def _source(dataset: Dataset) -> str:
    return "data/correspondence.yml" if dataset.correspondence is not None else "data/texts"


def _others(dataset: Dataset, lang: Lang, but: tuple[str, str] | None) -> list[PairSummary]:
    pairs = [p for p in ([comparison.default_pair(dataset)] if but != comparison.default_pair(dataset) else []) if p]
    pairs += [p for p in comparison.other_pairs(dataset) if p != but]
    return [PairSummary(comparison.label(dataset, old, lang), comparison.label(dataset, new, lang), pair_path(dataset, old, new),
                        pair_page(dataset, old, new, lang).counts) for old, new in pairs]


def changes_index(dataset: Dataset, lang: Lang) -> list[KindPage]:
    # Always written: the menu and the home page link it, also on a site that holds no text yet.
    default = comparison.default_pair(dataset)
    page = pair_page(dataset, *default, lang) if default else None
    return [KindPage(routes.CHANGES_INDEX, _source(dataset), ChangesIndexContext(
        page, _others(dataset, lang, default), bool(dataset.texts), official.official_texts(dataset, lang)))]


def changes_pages(dataset: Dataset, lang: Lang) -> list[KindPage]:
    return [KindPage(routes.changes_pair(old, new), _source(dataset),
                     PairContext(pair_page(dataset, old, new, lang), _others(dataset, lang, (old, new))))
            for old, new in comparison.other_pairs(dataset)]


KINDS = (
    PageKind("changes-index", "changes_index.md.j2", changes_index, reader_assets="script"),  # the filter
    PageKind("changes", "changes.md.j2", changes_pages, reader_assets="script"),
)
