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

from atazan.dataset import correspondence
from atazan.dataset.memo import per_dataset, per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import legaltext


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
