"""What changed from one version to another: page kinds `changes-index` (one line per pair of
versions held) and `changes` (per pair: the articles new, removed, renumbered, changed). The
decisions themselves are comparison.py's, shared with the article pages."""

from __future__ import annotations

from dataclasses import dataclass

from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.dataset.texts import article_eid
from atazan.website import comparison, legaltext, routes
from atazan.website.kinds.article import pair_anchor
from atazan.website.kinds.base import Context, KindPage, PageKind

KINDS_OF_CHANGE = ("new", "removed", "renumbered", "changed")


@dataclass(frozen=True)
class ChangeItem:
    kind: str
    old_number: str | None
    new_number: str | None
    page: str  # where the reader sees the article
    anchor: str = ""


@dataclass(frozen=True)
class PairPage:
    old: str
    new: str
    old_label: str
    new_label: str
    path: str
    counts: dict[str, int]
    items: dict[str, tuple[ChangeItem, ...]]


@per_dataset_key  # one model per build, shared by every page that shows it
def pair_page(dataset: Dataset, old: str, new: str, lang: Lang) -> PairPage:
    items: dict[str, list[ChangeItem]] = {kind: [] for kind in KINDS_OF_CHANGE}
    for change in comparison.pair_changes(dataset)[(old, new)]:
        if change.kind == "unchanged":
            continue
        # Where the reader sees the article: its page when the reference version has it, else the
        # whole text of the version that holds it.
        version, number = (new, change.new_number) if change.new_number else (old, change.old_number)
        assert number is not None  # a change names the article in at least one of the two versions
        ref = comparison.reference_number(dataset, version, number)
        if ref is not None:
            anchor = pair_anchor(old, new) if change.kind in ("changed", "renumbered") else ""
            item = ChangeItem(change.kind, change.old_number, change.new_number, routes.article(ref), anchor)
        else:
            held = legaltext.choose(dataset, version, lang, number) is not None
            item = ChangeItem(change.kind, change.old_number, change.new_number, routes.text(version),
                              article_eid(number) if held else "")
        items[change.kind].append(item)
    return PairPage(old, new, comparison.label(dataset, old, lang), comparison.label(dataset, new, lang),
                    routes.changes_pair(old, new),
                    {kind: len(found) for kind, found in items.items()}, {kind: tuple(found) for kind, found in items.items()})


def counts(dataset: Dataset) -> list[dict[str, object]]:
    """Open data: per pair of versions, how many articles are new, removed, renumbered, changed."""
    return [{"from": old, "to": new, **pair_page(dataset, old, new, "en").counts} for old, new in comparison.pairs(dataset)]


# ---------------------------------------------------------------- page kinds

@dataclass(frozen=True)
class ChangesIndexContext(Context):
    pairs: list[PairPage]
    has_table: bool


@dataclass(frozen=True)
class PairContext(Context):
    page: PairPage


def _source(dataset: Dataset) -> str:
    return "data/correspondence.yml" if dataset.correspondence is not None else "data/texts"


def changes_index(dataset: Dataset, lang: Lang) -> list[KindPage]:
    if not dataset.texts:
        return []
    found = [pair_page(dataset, old, new, lang) for old, new in comparison.pairs(dataset)]
    return [KindPage(routes.CHANGES_INDEX, _source(dataset), ChangesIndexContext(found, dataset.correspondence is not None))]


def changes_pages(dataset: Dataset, lang: Lang) -> list[KindPage]:
    return [KindPage(routes.changes_pair(old, new), _source(dataset), PairContext(pair_page(dataset, old, new, lang)))
            for old, new in comparison.pairs(dataset)]


KINDS = (
    PageKind("changes-index", "changes_index.md.j2", changes_index),
    PageKind("changes", "changes.md.j2", changes_pages),
)
