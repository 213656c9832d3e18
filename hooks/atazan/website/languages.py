"""Which page stands for a page in each language: counterparts, fallbacks, x-default.

The docs tree decides: `docs/<lang>/<path>.md` is page `<path>` in `<lang>`. When a language's
folder lacks a page that another language has:

- if the page's front matter names `atazan_counterpart: <path>` and that page exists in the
  language, that page is its counterpart there (a kk-ru handout's English counterpart is the
  English handout of the same theme);
- otherwise the language's section shows the page from the first language that has it (kk, ru,
  en order) with the shared missing-page notice (partials/atazan/page-missing.html); the
  switcher, the alternates and the notice point at the version that exists.

No MkDocs imports here; hooks/atazan_hook.py turns these answers into files and links.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

import yaml

from atazan import DEFAULT_LANGUAGE, LANGUAGES, Language
from atazan.website.routes import FILE, page_url, url

COUNTERPART_KEY = "atazan_counterpart"
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)


@dataclass(frozen=True)
class Target:
    """Where the switcher sends a reader of `section` for one page."""

    section: Language  # the language section the target lives in (its URL prefix)
    path: str  # docs path without the language folder, e.g. performance.md
    text_lang: Language  # the language of the text shown there

    @property
    def url(self) -> str:
        """Relative to the site root, e.g. `ru/performance/`, `./` for the kk home page."""
        return page_url(self.section, self.path) or "./"

    def href(self, directory_urls: bool = True) -> str:
        """`url`, or `ru/performance.html` when MkDocs writes no folder per page (the offline copy)."""
        return self.url if directory_urls else url(self.section, self.path, FILE)

    @property
    def is_fallback(self) -> bool:
        return self.text_lang != self.section


class Catalog:
    """Every documentation page of docs/, by path, with the languages that have it."""

    def __init__(self, pages: dict[str, set[Language]], counterparts: dict[str, str] | None = None):
        self.pages = pages
        self.counterparts = counterparts or {}

    @classmethod
    def from_docs(cls, docs_dir: str) -> Catalog:
        pages: dict[str, set[Language]] = {}
        for lang in LANGUAGES:
            folder = os.path.join(docs_dir, lang)
            for dirpath, _dirnames, filenames in os.walk(folder):
                for name in filenames:
                    if name.endswith(".md"):
                        rel = os.path.relpath(os.path.join(dirpath, name), folder).replace(os.sep, "/")
                        pages.setdefault(rel, set()).add(lang)
        counterparts = {}
        for path, langs in pages.items():
            if len(langs) < len(LANGUAGES):  # only pages missing somewhere need their front matter
                lang = next(lang for lang in LANGUAGES if lang in langs)
                named = _front_matter(os.path.join(docs_dir, lang, path)).get(COUNTERPART_KEY)
                if isinstance(named, str):
                    counterparts[path] = named
        return cls(pages, counterparts)

    def source_language(self, path: str) -> Language | None:
        """The language whose text a section without this page shows: kk first, then ru, en."""
        return next((lang for lang in LANGUAGES if lang in self.pages.get(path, ())), None)

    def target(self, path: str, lang: Language) -> Target | None:
        """The page a reader who picks `lang` on page `path` gets."""
        if lang in self.pages.get(path, ()):
            return Target(lang, path, lang)
        counterpart = self.counterparts.get(path)
        if counterpart and lang in self.pages.get(counterpart, ()):
            return Target(lang, counterpart, lang)
        source = self.source_language(path)
        return Target(lang, path, source) if source else None

    def fallbacks(self, lang: Language) -> list[Target]:
        """Pages the `lang` section shows in another language, with the missing-page notice."""
        found = (self.target(path, lang) for path in sorted(self.pages))
        return [target for target in found if target and target.is_fallback]

    def x_default(self, path: str) -> Target | None:
        """The version for readers of none of the languages: the default language's, else the first."""
        target = self.target(path, DEFAULT_LANGUAGE)
        if target and target.is_fallback:
            return Target(target.text_lang, path, target.text_lang)
        return target


def _front_matter(path: str) -> dict:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            match = _FRONT_MATTER.match(handle.read())
        data = yaml.safe_load(match.group(1)) if match else None
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}
