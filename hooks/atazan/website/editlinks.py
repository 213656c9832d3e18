"""Where a page's "edit" and "suggest a translation" actions lead (no MkDocs imports).

A generated page is edited in the data file it came from (its `atazan_source`), never in the
generated Markdown; an index page built from a whole folder opens that folder. A hand-written
page is edited in its own Markdown file, which MkDocs already links.
"""

from __future__ import annotations

from typing import Iterable, Sequence
from urllib.parse import urlencode

from atazan.dataset import schema, translations
from atazan.dataset.memo import per_dataset
from atazan.dataset.model import Dataset

TRANSLATION_TEMPLATE = "translation-fix.yml"


def edit_url(repo_url: str, source: str, branch: str = "main") -> str:
    """GitHub's editor for a data file, or the folder view for a folder of records."""
    action = "edit" if source.endswith(".yml") else "tree"
    return f"{repo_url.rstrip('/')}/{action}/{branch}/{source.strip('/')}"


def is_official_text(source: str) -> bool:
    """A page showing the Constitution's wording (from data/texts/<version>/<lang>.yml): no edit
    button (adapter/pages.py). The article index (the folder data/texts) keeps its link."""
    return source.strip("/").startswith("data/texts/") and source.endswith(".yml")


def suggest_translation_url(repo_url: str, page_url: str, lang: str, source: str) -> str:
    """The translation-fix issue form, with the page, language and file filled in."""
    query = urlencode({"template": TRANSLATION_TEMPLATE, "page": page_url, "language": lang, "file": source})
    return f"{repo_url.rstrip('/')}/issues/new?{query}"


def records_behind(dataset: Dataset, source: str) -> list[schema.Record]:
    """The records a generated page with this `atazan_source` shows."""
    lists: dict[str, Sequence[schema.Record]] = {"data/timeline.yml": dataset.timeline, "data/versions.yml": list(dataset.versions.values()),
             "data/sections.yml": list(dataset.sections.values())}
    if source in lists:
        return list(lists[source])
    for collection in schema.COLLECTIONS:
        if source.rstrip("/") == f"data/{collection}":
            return list(getattr(dataset, collection).values())
    return [getattr(dataset, collection)[rid] for collection, rid in _records_by_source(dataset).get(source, ())]


@per_dataset
def _records_by_source(dataset: Dataset) -> dict[str, list[tuple[str, str]]]:
    # Looking records up in `dataset.origin` for every page made the build quadratic (pages x records).
    index: dict[str, list[tuple[str, str]]] = {}
    for key, path in dataset.origin.items():
        index.setdefault(path, []).append(key)
    return index


def page_gap(dataset: Dataset, source: str, lang: str) -> str | None:
    """What the "suggest a translation" link on a page made from `source` says: "outdated" (a text
    in `lang` was translated from a source that changed since), else what translation_gap finds."""
    if (source, lang) in _outdated_by_source(dataset):
        return "outdated"
    memo = _gaps_of_records(dataset)
    found: set[str] = set()
    for record in records_behind(dataset, source):
        # Once per record and language: index pages and handouts show the same records as the
        # records' own pages, and walking them again for every page cost about a millisecond a page.
        key = (id(record), lang)  # the dataset keeps every record alive, so ids stay unique
        if key not in memo:
            memo[key] = _gaps_in([record], lang)
        found |= memo[key]
    return _worst(found)


@per_dataset
def _gaps_of_records(dataset: Dataset) -> dict[tuple[int, str], set[str]]:
    return {}


@per_dataset
def _outdated_by_source(dataset: Dataset) -> set[tuple[str, str]]:
    return {(t.path, t.lang) for t in dataset.translations if t.state == translations.OUTDATED}


def translation_gap(records: Iterable[schema.Record], lang: str) -> str | None:
    """"missing" if some text has no version in `lang`, "translated" if one is not reviewed yet."""
    return _worst(_gaps_in(records, lang))


def _gaps_in(records: Iterable[schema.Record], lang: str) -> set[str]:
    found: set[str] = set()
    for record in records:
        _walk(record, lang, found)
    return found


def _worst(found: set[str]) -> str | None:
    for gap in ("missing", "translated"):
        if gap in found:
            return gap
    return None


def _walk(value: object, lang: str, found: set[str]) -> None:
    # Visits every text of a record; what counts as missing depends on the kind of text.
    if isinstance(value, schema.TextVersion) and value.text and value.text_language != lang and lang not in value.translations:
        found.add("missing")  # a quoted text with no rendering into the reader's language
    if isinstance(value, schema.NewsItem) and value.curated.summary is None and value.machine.summary.language != lang:
        found.add("missing")  # only the importer's extract, in another language
    if isinstance(value, schema.BaseModel):
        for name in type(value).model_fields:
            _walk(getattr(value, name), lang, found)
    elif isinstance(value, dict):
        texts = [v for v in value.values() if isinstance(v, schema.LocalText)]
        if texts and lang in value and value[lang].status == "translated":
            found.add("translated")
        for item in value.values():
            _walk(item, lang, found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _walk(item, lang, found)
