"""The small views every page model is made of: a text as shown (with its translation status),
the banner that counts those statuses, and links between pages. Shared by models.py and news.py."""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from typing import Iterable

from atazan import LANGUAGES
from atazan.dataset import schema, translations
from atazan.dataset.validate import Dataset
from atazan.website.i18n import page_url


@dataclass(frozen=True)
class Shown:
    """A text as the reader gets it, with the status the page must show."""

    text: str
    status: str  # original | translated | reviewed
    lang: str  # the language the text is in
    from_lang: str | None = None
    # None for an original text; else current | outdated | unfingerprinted | no-source (translations.py)
    state: str | None = None

    @property
    def outdated(self) -> bool:
        return self.state == translations.OUTDATED


def pick(localized: dict[str, schema.LocalText], lang: str, version: schema.TextVersion | None = None) -> Shown:
    entry = localized[lang]
    state = translations.state(entry, translations.source_text(localized, lang, version))
    return Shown(entry.text, entry.status, lang, entry.from_, state)


@dataclass(frozen=True)
class TranslationNotice:
    """What the banner of one page says about the texts on it, in the reader's language."""

    counts: tuple[tuple[str, int], ...]  # (original | translated | reviewed, how many), non-zero only
    outdated: int
    originals: tuple[tuple[str, str], ...]  # (source language, link to this page in that language)

    @property
    def all_original(self) -> bool:
        return [status for status, _ in self.counts] == ["original"]

    @property
    def sentence(self) -> str:
        """Which strings.yml sentence describes the page: translation.sentence.<this>."""
        statuses = {status for status, _ in self.counts}
        if "translated" in statuses:
            return "mixed" if "original" in statuses else "translated"
        if "reviewed" in statuses:
            return "mixed_reviewed" if "original" in statuses else "reviewed"
        return "original"

    @property
    def some_reviewed(self) -> bool:
        statuses = {status for status, _ in self.counts}
        return "translated" in statuses and "reviewed" in statuses


@functools.lru_cache(maxsize=4096)  # the status page links the same few hundred pages again and again
def relative_url(target: str, here: str) -> str:
    """The address of page `target` from page `here` (both as page_url gives them), ending in "/"."""
    return posixpath.relpath(target or ".", here or ".") + "/"


def translation_notice(texts: Iterable[Shown | None], lang: str, src_path: str) -> TranslationNotice:
    """Counts the statuses of the texts a page shows and links the pages they were translated from."""
    shown = [t for t in texts if t is not None]
    counts = tuple((status, n) for status in ("original", "translated", "reviewed")
                   if (n := sum(1 for t in shown if t.status == status)))
    here = page_url(lang, src_path)
    sources = sorted({t.from_lang for t in shown if t.from_lang and t.from_lang != lang}, key=LANGUAGES.index)
    # Relative links, so that the site works under any base URL and from file://.
    originals = tuple((src, relative_url(page_url(src, src_path), here)) for src in sources)
    return TranslationNotice(counts, sum(1 for t in shown if t.outdated), originals)


@dataclass(frozen=True)
class Link:
    id: str
    title: str
    path: str  # source path of the target page, e.g. themes/housing.md


def source_links(urls: Iterable[str]) -> list[tuple[str, str]]:
    """Each URL with the name of its site (akorda.kz), so that a citation says where it leads."""
    from urllib.parse import urlsplit

    links = []
    for url in urls:
        host = urlsplit(url).hostname or url
        links.append((host[4:] if host.startswith("www.") else host, url))
    return links


def provision_link(dataset: Dataset, pid: str, lang: str) -> Link:
    return Link(pid, dataset.provisions[pid].title[lang].text, f"provisions/{pid}.md")


def theme_link(dataset: Dataset, tid: str, lang: str) -> Link:
    return Link(tid, dataset.themes[tid].title[lang].text, f"themes/{tid}.md")
