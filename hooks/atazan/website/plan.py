"""The site plan: every generated page of one build, as a typed spec, made once from the
validated dataset.

A page kind is one entry of PAGE_KINDS: its template and a function that yields (path, data
file, context) for each of its pages in one language. The plan holds every page of every
language built; render.py turns its specs into Markdown, and the MkDocs hook looks a page up
here (edit link, translation gap) instead of reading it back from the written file. The models
in the contexts are built once per build (memo.per_dataset_key) and shared with the indexes,
handouts, exports and feeds that show them too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from atazan import LANGUAGES
from atazan.dataset import explanations
from atazan.dataset.validate import Dataset
from atazan.website import articles, changes, collation, editlinks, handouts, models
from atazan.website import news as news_pages


@dataclass(frozen=True)
class PageSpec:
    kind: str  # a key of PAGE_KINDS
    lang: str
    path: str  # relative to docs/<lang>/, e.g. provisions/ownership.md
    source_file: str  # the data file (or folder) a contributor edits
    context: Mapping[str, object]  # the page's model(s), as its template receives them

    @property
    def template(self) -> str:
        return PAGE_KINDS[self.kind].template


@dataclass(frozen=True)
class SitePlan:
    dataset: Dataset
    languages: tuple[str, ...]
    site_url: str
    repo_url: str
    pages: tuple[PageSpec, ...]
    _by_address: dict[tuple[str, str], PageSpec] = field(default_factory=dict, repr=False, compare=False)

    def page(self, lang: str, path: str) -> PageSpec | None:
        """The generated page at docs/<lang>/<path>, or None (a hand-written page)."""
        return self._by_address.get((lang, path))

    def translation_gap(self, source_file: str, lang: str) -> str | None:
        """What a reader of `lang` misses on a page made from `source_file`: missing | translated |
        outdated, or None."""
        return editlinks.page_gap(self.dataset, source_file, lang)


def build(dataset: Dataset, languages: tuple[str, ...] = LANGUAGES, site_url: str = "", repo_url: str = "") -> SitePlan:
    """Every generated page in `languages`; `site_url` makes the online addresses printed on
    handouts, `repo_url` the links to data files on the translation-status page."""
    pages = tuple(PageSpec(name, lang, path, source_file, context)
                  for lang in languages
                  for name, kind in PAGE_KINDS.items()
                  for path, source_file, context in kind.pages(dataset, lang))
    return SitePlan(dataset, tuple(languages), site_url, repo_url, pages, {(p.lang, p.path): p for p in pages})


@dataclass(frozen=True)
class PageKind:
    template: str
    # Yields (path, source_file, context) for every page of this kind in one language.
    pages: Callable[[Dataset, str], list[tuple[str, str, dict]]]


def _provision_pages(dataset: Dataset, lang: str):
    return [
        (f"provisions/{pid}.md", dataset.origin[("provisions", pid)], {"page": models.provision_page(dataset, pid, lang),
         "news": news_pages.news_for(dataset, lang, provision=pid),
         "factchecks": news_pages.factchecks_for(dataset, lang, pid),
         "text": articles.provision_text(dataset, pid, lang), "tt": articles.translator(dataset, lang),
         "outdated": _outdated_explanations(dataset, pid, lang)})
        for pid in sorted(dataset.provisions)
    ]


def _outdated_explanations(dataset: Dataset, pid: str, lang: str) -> list[str]:
    # "Adopted text, Article 94": the texts that changed since this explanation was checked.
    article = articles.strings(dataset.root)
    return [f"{dataset.versions[c.version].label[lang].text}, {article.get('text.article', lang, n=c.number)}"
            if c.number is not None else dataset.versions[c.version].label[lang].text
            for c in explanations.outdated(dataset, pid)]


def _theme_pages(dataset: Dataset, lang: str):
    return [
        (f"themes/{tid}.md", dataset.origin[("themes", tid)], {"page": models.theme_page(dataset, tid, lang),
         "news": news_pages.news_for(dataset, lang, theme=tid), "factchecks": []})
        for tid in models.sorted_themes(dataset)
    ]


def _provision_index(dataset: Dataset, lang: str):
    return [("provisions/index.md", "data/provisions", {"groups": models.section_groups(dataset, lang)})]


def _theme_index(dataset: Dataset, lang: str):
    themes = [models.theme_page(dataset, tid, lang) for tid in models.sorted_themes(dataset)]
    return [("themes/index.md", "data/themes", {"themes": themes})]


def _timeline(dataset: Dataset, lang: str):
    entries = models.timeline_entries(dataset, lang)
    return [("timeline.md", "data/timeline.yml", {"entries": entries, "translation": models.translation_notice(
        [t for e in entries for t in (e.title, e.event)], lang, "timeline.md")})]


def _glossary(dataset: Dataset, lang: str):
    terms = collation.sorted_for(lang, dataset.glossary.values(), key=lambda term: term.term[lang].text)
    entries = [(t.id, models.pick(t.term, lang), models.pick(t.definition, lang),
                [models.provision_link(dataset, p, lang) for p in t.provisions]) for t in terms]
    return [("glossary.md", "data/glossary", {"entries": entries, "translation": models.translation_notice(
        [text for _, term, definition, _ in entries for text in (term, definition)], lang, "glossary.md")})]


def _translation_status(dataset: Dataset, lang: str):
    return [("translations.md", "data", {"status": models.translation_status(dataset, lang, "translations.md")})]


PAGE_KINDS: dict[str, PageKind] = {
    "provision": PageKind("provision.md.j2", _provision_pages),
    "theme": PageKind("theme.md.j2", _theme_pages),
    "provision-index": PageKind("provision_index.md.j2", _provision_index),
    "theme-index": PageKind("theme_index.md.j2", _theme_index),
    "timeline": PageKind("timeline.md.j2", _timeline),
    "glossary": PageKind("glossary.md.j2", _glossary),
    "news": PageKind("news.md.j2", news_pages.news_pages),
    "news-index": PageKind("news_index.md.j2", news_pages.news_index),
    "factcheck-index": PageKind("factcheck_index.md.j2", news_pages.factcheck_index),
    "handout": PageKind("handout.md.j2", handouts.handout_pages),
    "handout-bilingual": PageKind("handout_bilingual.md.j2", handouts.bilingual_pages),
    "handout-index": PageKind("handout_index.md.j2", handouts.handout_index),
    "translation-status": PageKind("translation_status.md.j2", _translation_status),
    # The Constitution's own text (atazan/website/articles.py).
    "article": PageKind("article.md.j2", changes.article_pages),
    "article-index": PageKind("article_index.md.j2", articles.article_index),
    "text": PageKind("text.md.j2", changes.text_pages),
    # What changed between the versions held (atazan/website/changes.py, data/correspondence.yml).
    "changes-index": PageKind("changes_index.md.j2", changes.changes_index),
    "changes": PageKind("changes.md.j2", changes.changes_pages),
}
