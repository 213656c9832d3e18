"""What changed between the versions held: per article (its number in every version, word diffs)
and per pair of versions (the "what changed" pages). Page kinds `changes-index` and `changes`.

Everything here rests on data/correspondence.yml (dataset/correspondence.py): without it the
site does not guess which article of one version is which of another, and says so.
Whether an article changed is decided once, in the language the table was matched in; the diff a
reader sees is in the reader's language when both versions have it, else in an official language
(kk, ru), marked with its `lang`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup

from atazan.dataset import correspondence as corr
from atazan.dataset import texts as texts_module
from atazan.dataset.memo import per_dataset, per_dataset_key
from atazan.dataset.validate import Dataset
from atazan.website import articles, textdiff
from atazan.website.i18n import page_url
from atazan.website.models import relative_url

KINDS = ("new", "removed", "renumbered", "changed")


@dataclass(frozen=True)
class VersionNumber:
    """An article's number in one version; `href` is its place in that version's whole text."""

    version: str
    label: str
    number: str | None
    href: str | None


@dataclass(frozen=True)
class ArticleDiff:
    anchor: str
    old_label: str
    new_label: str
    old_number: str
    new_number: str
    kind: str  # "changed", "renumbered" or "unchanged"
    text_lang: str | None
    html: Markup | None
    removed: int
    added: int
    unchanged: int = 0  # paragraphs without a change, left out of `html`


@dataclass(frozen=True)
class ArticleChanges:
    numbers: tuple[VersionNumber, ...]
    diffs: tuple[ArticleDiff, ...]


@dataclass(frozen=True)
class ChangeItem:
    kind: str
    old_number: str | None
    new_number: str | None
    href: str  # relative to the page that lists it


@dataclass(frozen=True)
class PairPage:
    old: str
    new: str
    old_label: str
    new_label: str
    path: str
    counts: dict[str, int]
    items: dict[str, tuple[ChangeItem, ...]]


def pair_anchor(old: str, new: str) -> str:
    return f"changes-{old}--{new}"


def pair_path(old: str, new: str) -> str:
    return f"changes/{old}--{new}.md"


INDEX_PATH = "changes/index.md"


def held_versions(dataset: Dataset) -> list[str]:
    """The versions the table covers, oldest first (a version without a date last)."""
    table = dataset.correspondence
    if table is None:
        return []
    return sorted(table.versions, key=lambda v: (dataset.versions[v].date.isoformat() if dataset.versions[v].date else "9999", v))


def pairs(dataset: Dataset) -> list[tuple[str, str]]:
    """Every pair of versions held, older first: the diffs 'between any two versions held'."""
    return list(itertools.combinations(held_versions(dataset), 2))


@per_dataset
def _matched(dataset: Dataset) -> dict[str, dict[str, corr.Article]]:
    # The language the table was matched in decides "changed"; one decision for every language.
    return {version: {a.number: a for a in found} for version, found in corr.matching_texts(dataset.texts).items()}


@per_dataset
def _pair_changes(dataset: Dataset) -> dict[tuple[str, str], list[corr.Change]]:
    return {(old, new): corr.changes(dataset.correspondence, _matched(dataset), old, new) for old, new in pairs(dataset)}


def _label(dataset: Dataset, version: str, lang: str) -> str:
    return dataset.versions[version].label[lang].text


def _paragraphs(dataset: Dataset, version: str, number: str, lang: str) -> tuple[str, ...]:
    text = dataset.texts.get(version, lang)
    article = next(a for a in corr.articles_of(text) if a.number == number)
    # A point's parts and subpoints are lines of its wording: each its own paragraph in the diff.
    return tuple(line for paragraph in article.paragraphs for line in paragraph.split("\n"))


def _diff_language(dataset: Dataset, old: str, new: str, old_number: str, new_number: str, lang: str) -> str | None:
    """The reader's language when both versions hold the article in it, else an official one."""
    for code in (lang, *[c for c in articles.OFFICIAL_FALLBACK if c != lang]):
        texts = (dataset.texts.get(old, code), dataset.texts.get(new, code))
        if all(t is not None and any(a.number == n for a in t.articles) for t, n in zip(texts, (old_number, new_number))):
            if code == lang or all(t.source.official for t in texts):
                return code
    return None


def _whole_text_href(dataset: Dataset, version: str, number: str, lang: str, here: str) -> str | None:
    if articles.choose(dataset, version, lang, number) is None:
        return None
    return relative_url(page_url(lang, articles.text_path(version)), here) + f"#art_{number}"


@per_dataset_key  # one model per build, shared by every page that shows it
def article_changes(dataset: Dataset, number: str, lang: str) -> ArticleChanges | None:
    """The article of the reference version `number` across versions, for its page."""
    table = dataset.correspondence
    if table is None:
        return None
    row = table.row_of(table.reference, number)
    if row is None:
        return None
    here = page_url(lang, articles.article_path(number))
    numbers = tuple(
        VersionNumber(version, _label(dataset, version, lang), row.number(version),
                      _whole_text_href(dataset, version, row.number(version), lang, here) if row.number(version) else None)
        for version in held_versions(dataset))
    changes = _pair_changes(dataset)
    diffs = []
    for old, new in pairs(dataset):
        before, after = row.number(old), row.number(new)
        if before is None or after is None:
            continue
        change = next(c for c in changes[(old, new)] if c.old_number == before and c.new_number == after)
        text_lang = _diff_language(dataset, old, new, before, after, lang)
        html, removed, added, unchanged = None, 0, 0, 0
        if change.kind == "changed" and text_lang:
            segments = textdiff.word_diff(_paragraphs(dataset, old, before, text_lang), _paragraphs(dataset, new, after, text_lang))
            strings = articles.strings(dataset.root)
            html = textdiff.to_html(segments, strings.get("changes.removed_label", lang), strings.get("changes.added_label", lang),
                                    only_changed=True)
            removed, added = textdiff.counts(segments)
            unchanged = textdiff.unchanged_paragraphs(segments)
        diffs.append(ArticleDiff(pair_anchor(old, new), _label(dataset, old, lang), _label(dataset, new, lang), before, after,
                                 change.kind, text_lang, html, removed, added, unchanged))
    return ArticleChanges(numbers, tuple(diffs))


def reference_number(dataset: Dataset, version: str, number: str) -> str | None:
    """The reference version's number of `version`'s Article `number`, if the table says."""
    table = dataset.correspondence
    if table is None:
        return number if version == articles.reference_version(dataset) else None
    row = table.row_of(version, number)
    return row.number(table.reference) if row else None


@per_dataset_key  # one model per build, shared by every page that shows it
def pair_page(dataset: Dataset, old: str, new: str, lang: str) -> PairPage:
    here = page_url(lang, pair_path(old, new))
    items: dict[str, list[ChangeItem]] = {kind: [] for kind in KINDS}
    for change in _pair_changes(dataset)[(old, new)]:
        if change.kind == "unchanged":
            continue
        # Where the reader sees the article: its page when the reference version has it, else the
        # whole text of the version that holds it.
        version, number = (new, change.new_number) if change.new_number else (old, change.old_number)
        ref = reference_number(dataset, version, number)
        if ref is not None:
            href = relative_url(page_url(lang, articles.article_path(ref)), here)
            if change.kind in ("changed", "renumbered"):
                href += "#" + pair_anchor(old, new)
        else:
            href = _whole_text_href(dataset, version, number, lang, here) or relative_url(page_url(lang, articles.text_path(version)), here)
        items[change.kind].append(ChangeItem(change.kind, change.old_number, change.new_number, href))
    return PairPage(old, new, _label(dataset, old, lang), _label(dataset, new, lang), pair_path(old, new),
                    {kind: len(found) for kind, found in items.items()}, {kind: tuple(found) for kind, found in items.items()})


def exported_articles(dataset: Dataset, lang: str) -> list[dict]:
    """articles.exported, with every other version held: its number there (None: not in it) and,
    when held, its paragraphs in this language or an official one."""
    out = articles.exported(dataset, lang)
    table = dataset.correspondence
    if table is None:
        return out
    for entry in out:
        row = table.row_of(table.reference, entry["id"].removeprefix("art_"))
        for version in held_versions(dataset):
            if version == table.reference:
                continue
            number = row.number(version) if row else None
            item = {"version": version, "number": number}
            shown = articles.choose(dataset, version, lang, number) if number else None
            if shown:
                text = dataset.texts.get(version, shown.text_lang)
                item.update(lang=shown.text_lang, official=shown.source.official, paragraphs=[
                    {"number": block.number, "id": block.eid, "text": texts_module.block_text(source)}
                    for block, source in zip(articles.article_view(text, number).blocks, articles._block_sources(text, number))])
            entry["versions"].append(item)
        entry["versions"].sort(key=lambda v: held_versions(dataset).index(v["version"]))
    return out


def counts(dataset: Dataset) -> list[dict]:
    """Open data: per pair of versions, how many articles are new, removed, renumbered, changed."""
    return [{"from": old, "to": new, **pair_page(dataset, old, new, "en").counts} for old, new in pairs(dataset)]


# ---------------------------------------------------------------- page kinds (render.PAGE_KINDS)

def _source(dataset: Dataset) -> str:
    return "data/correspondence.yml" if dataset.correspondence is not None else "data/texts"


def article_pages(dataset: Dataset, lang: str):
    """articles.article_pages, each with its article across versions (`changes`)."""
    return [(path, source, {**context, "changes": article_changes(dataset, context["page"].number, lang)})
            for path, source, context in articles.article_pages(dataset, lang)]


def text_pages(dataset: Dataset, lang: str):
    """articles.text_pages, each with the reference article of every article it holds: the
    first draft's Article 6 is not the adopted text's Article 6."""
    out = []
    for path, source, context in articles.text_pages(dataset, lang):
        version = context["page"].version
        numbers = {a.number for section in context["page"].sections for a in section.articles}
        out.append((path, source, {**context, "article_pages": {n: reference_number(dataset, version, n) for n in numbers}}))
    return out


def changes_index(dataset: Dataset, lang: str):
    if not dataset.texts:
        return []
    found = [pair_page(dataset, old, new, lang) for old, new in pairs(dataset)]
    return [(INDEX_PATH, _source(dataset), {"pairs": found, "has_table": dataset.correspondence is not None,
                                            "tt": articles.translator(dataset, lang)})]


def changes_pages(dataset: Dataset, lang: str):
    tt = articles.translator(dataset, lang)
    return [(pair_path(old, new), _source(dataset), {"page": pair_page(dataset, old, new, lang), "tt": tt})
            for old, new in pairs(dataset)]
