"""What changed between the versions held, as the article and what-changed kinds and the export
share it: which versions and pairs, which article of one version is which of another, and which
changed.

Everything here rests on data/correspondence.yml (dataset/correspondence.py): without it the
site does not guess which article of one version is which of another, and says so.
Whether an article changed is decided once, in the language the table was matched in; the diff a
reader sees is in the reader's language when both versions have it, else in an official language
(kk, ru), marked with its `lang`.

Each text's articles are built once per build (`compared_articles`) and shared: looking an
article up used to build every article of its text again, for every changed article, version
pair and language (scripts/measure_plan.py).
"""

from __future__ import annotations

import itertools
import re

from atazan.dataset import correspondence
from atazan.dataset.memo import per_dataset, per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import legaltext, textdiff


@per_dataset
def held_versions(dataset: Dataset) -> list[str]:
    """The versions the table covers, oldest first (a version without a date last)."""
    table = dataset.correspondence
    if table is None:
        return []
    return sorted(table.versions, key=lambda v: (_date_or_last(dataset, v), v))


def _date_or_last(dataset: Dataset, version: str) -> str:
    date = dataset.versions[version].date
    return date.isoformat() if date else "9999"


def pairs(dataset: Dataset) -> list[tuple[str, str]]:
    """Every pair of versions held, older first: the diffs 'between any two versions held'."""
    return list(itertools.combinations(held_versions(dataset), 2))


@per_dataset
def _matched(dataset: Dataset) -> dict[str, dict[str, correspondence.Article]]:
    # The language the table was matched in decides "changed"; one decision for every language.
    return {version: {a.number: a for a in found} for version, found in correspondence.matching_texts(dataset.texts).items()}


@per_dataset
def pair_changes(dataset: Dataset) -> dict[tuple[str, str], list[correspondence.Change]]:
    table = dataset.correspondence
    if table is None:
        return {}
    return {(old, new): correspondence.changes(table, _matched(dataset), old, new) for old, new in pairs(dataset)}


def label(dataset: Dataset, version: str, lang: Lang) -> str:
    return dataset.versions[version].label[lang].text


@per_dataset_key
def compared_articles(dataset: Dataset, version: str, lang: str) -> dict[str, correspondence.Article]:
    """One text's articles as the comparison reads them, by number."""
    text = dataset.texts.get(version, lang)
    return {a.number: a for a in correspondence.articles_of(text)} if text else {}


def paragraphs(dataset: Dataset, version: str, number: str, lang: str) -> tuple[str, ...]:
    # A point's parts and subpoints are lines of its wording: each its own paragraph in the diff.
    return tuple(line for paragraph in compared_articles(dataset, version, lang)[number].paragraphs
                 for line in paragraph.split("\n"))


def diff_language(dataset: Dataset, old: str, new: str, old_number: str, new_number: str, lang: Lang) -> Lang | None:
    """The reader's language when both versions hold the article in it, else an official one."""
    for code in (lang, *[c for c in legaltext.OFFICIAL_FALLBACK if c != lang]):
        texts = (dataset.texts.get(old, code), dataset.texts.get(new, code))
        holds = [number in legaltext.articles_by_number(dataset, version, code)
                 for version, number in ((old, old_number), (new, new_number))]
        if all(t is not None for t in texts) and all(holds):
            if code == lang or all(t is not None and t.source.official for t in texts):
                return code
    return None


def reference_number(dataset: Dataset, version: str, number: str) -> str | None:
    """The reference version's number of `version`'s Article `number`, if the table says."""
    table = dataset.correspondence
    if table is None:
        return number if version == legaltext.reference_version(dataset) else None
    row = table.row_of(version, number)
    return row.number(table.reference) if row else None


# ---------------------------------------------------------------- the pair a reader asks about

# The comparisons readers ask for first, in order (issue 22): the old Constitution against the one
# in force, else the first published draft against it.
DEFAULT_PAIRS = (("constitution_1995", "adopted"), ("first_draft", "adopted"))


@per_dataset
def default_pair(dataset: Dataset) -> tuple[str, str] | None:
    return choose_default_pair(held_versions(dataset))


def choose_default_pair(versions: list[str]) -> tuple[str, str] | None:
    """Among `versions` (held, oldest first): 1995 → adopted where both are held, else first draft →
    adopted, else the latest two."""
    for old, new in DEFAULT_PAIRS:
        if old in versions and new in versions:
            return old, new
    return (versions[-2], versions[-1]) if len(versions) >= 2 else None


def other_pairs(dataset: Dataset) -> list[tuple[str, str]]:
    """Every pair but the default one, the newest first (the one a reader most likely means next)."""
    default = default_pair(dataset)
    order = {version: index for index, version in enumerate(held_versions(dataset))}
    return sorted((pair for pair in pairs(dataset) if pair != default),
                  key=lambda pair: (-order[pair[1]], -order[pair[0]]))


# ---------------------------------------------------------------- what kind of change, for a reader

# The kinds a reader is shown, in the order the lists show them: the changes of substance first.
# correspondence.changes says "changed" for any change of wording; a reader is told whether only a
# cross-reference to a renumbered article changed, and whether only quotes, dashes or capitals did
# (what the comparison ignores, and the old list left out without a word).
KINDS = ("new", "removed", "reworded", "crossref", "reformatted", "renumbered")
SUBSTANTIVE = ("new", "removed", "reworded")
UNCHANGED = "unchanged"

# A number that is a cross-reference sits in a word naming an article, or just after one
# (kk "46-бабында", ru "статьёй 46", en "Article 46").
_ARTICLE_WORD = re.compile(r"бап|баб|стат|article|art\.", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


@per_dataset_key
def reader_kind(dataset: Dataset, old: str, new: str, before: str | None, after: str | None) -> str:
    """The kind of change of one article from `old` to `new` (KINDS, or UNCHANGED), decided once in
    the language the table was matched in, like correspondence.changes' own decision."""
    change = _change(dataset, old, new, before, after)
    if change.kind in ("new", "removed"):
        return change.kind
    assert before is not None and after is not None
    a, b = _matched(dataset)[old][before], _matched(dataset)[new][after]
    if change.kind == "changed":
        return "crossref" if _only_references_moved(dataset, old, new, a.paragraphs, b.paragraphs) else "reworded"
    if _printed(a.paragraphs) != _printed(b.paragraphs):
        return "reformatted"
    return "renumbered" if change.kind == "renumbered" else UNCHANGED


def _change(dataset: Dataset, old: str, new: str, before: str | None, after: str | None) -> correspondence.Change:
    for change in pair_changes(dataset)[(old, new)]:
        if change.old_number == before and change.new_number == after:
            return change
    raise KeyError(f"no article {before} → {after} in {old} → {new}")


def _printed(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    # What a reader would call the same print: spacing and line breaks are the importer's, not the law's.
    return tuple(" ".join(p.split()) for p in paragraphs)


def _only_references_moved(dataset: Dataset, old: str, new: str, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when every difference is an article number in a cross-reference, and the table says the
    article it names in `old` is the one it names in `new` (Article 46 of the first draft is
    Article 47 of the adopted text): the wording is the same, only the numbering moved."""
    table = dataset.correspondence
    if table is None:
        return False
    if len(a) != len(b):
        return False
    runs = [run for pa, pb in zip(a, b) for run in textdiff.paragraph_diff(pa, pb)]
    moved = False
    pending: list[textdiff.Change] = []
    context = ""
    for run in runs:
        if run.kind in ("equal", "equal-new"):
            if pending:  # a removal without an addition in its place, or the reverse
                return False
            if run.kind == "equal":
                context = run.text
            continue
        pending.append(run)
        if len(pending) == 2:
            removed, added = pending
            pending = []
            if removed.kind != "removed" or added.kind != "added":
                return False
            if not _same_but_numbers(removed.text, added.text, context, old, new, table):
                return False
            moved = True
    return moved and not pending


def _same_but_numbers(before: str, after: str, context: str, old: str, new: str, table: correspondence.Table) -> bool:
    if _DIGITS.sub("#", before).strip() != _DIGITS.sub("#", after).strip():
        return False
    if not (_ARTICLE_WORD.search(before) or _ARTICLE_WORD.search(" ".join(context.split()[-2:]))):
        return False
    for x, y in zip(_DIGITS.findall(before), _DIGITS.findall(after)):
        if x == y:
            continue
        row = table.row_of(old, x)
        if row is None or row.number(new) != y:
            return False
    return True


def missing_languages(dataset: Dataset, versions: tuple[str, ...], lang: Lang) -> list[str]:
    """Which of `versions` the reader's language lacks (their texts are then shown in an official one)."""
    return [version for version in versions if dataset.texts.get(version, lang) is None]


def position(dataset: Dataset, old: str, new: str, before: str | None, after: str | None) -> tuple[int, ...]:
    """Where an article stands in a list of one pair's changes: by its later number; an article only
    the earlier version has, just after the later number of the article that preceded it there."""
    from atazan.dataset.texts import number_key

    if after is not None:
        return number_key(after)
    table = dataset.correspondence
    numbers = sorted(compared_articles(dataset, old, matched_language(dataset, old)), key=number_key)
    earlier = numbers[: numbers.index(before)] if before in numbers else []
    for number in reversed(earlier):
        row = table.row_of(old, number) if table else None
        if row is not None and row.number(new) is not None:
            return (*number_key(row.number(new) or "0"), 0)
    return (0,)


def matched_language(dataset: Dataset, version: str) -> str:
    for code in (*legaltext.OFFICIAL_FALLBACK, "en"):
        if dataset.texts.get(version, code) is not None:
            return code
    return "kk"
