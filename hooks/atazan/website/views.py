"""The small views every page model is made of: a text as shown (with its translation status),
the banner that counts those statuses, and links between pages. Shared by every page kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping
from urllib.parse import urlsplit

from atazan import LANGUAGES
from atazan.dataset import schema, translations
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import routes


@dataclass(frozen=True)
class Shown:
    """A text as the reader gets it, with the status the page must show."""

    text: str
    status: str  # original | translated | reviewed
    lang: Lang  # the language the text is in
    from_lang: Lang | None = None
    # None for an original text; else current | outdated | unfingerprinted | no-source (translations.py)
    state: str | None = None

    @property
    def outdated(self) -> bool:
        return self.state == translations.OUTDATED


def pick(localized: Mapping[Lang, schema.LocalText], lang: Lang, version: schema.TextVersion | None = None) -> Shown:
    entry = localized[lang]
    state = translations.state(entry, translations.source_text(localized, lang, version))
    return Shown(entry.text, entry.status, lang, entry.from_, state)


@dataclass(frozen=True)
class TranslationNotice:
    """What the banner of one page says about the texts on it, in the reader's language."""

    counts: tuple[tuple[str, int], ...]  # (original | translated | reviewed, how many), non-zero only
    outdated: int
    originals: tuple[Lang, ...]  # the languages its texts were translated from
    page: str  # the page (its path), so the banner links the same page in those languages

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


def translation_notice(texts: Iterable[Shown | None], lang: Lang, page: str) -> TranslationNotice:
    """Counts the statuses of the texts a page shows and names the languages they were translated from."""
    shown = [t for t in texts if t is not None]
    counts = tuple((status, n) for status in ("original", "translated", "reviewed")
                   if (n := sum(1 for t in shown if t.status == status)))
    sources = tuple(sorted({t.from_lang for t in shown if t.from_lang and t.from_lang != lang}, key=LANGUAGES.index))
    return TranslationNotice(counts, sum(1 for t in shown if t.outdated), sources, page)


@dataclass(frozen=True)
class Link:
    id: str
    title: str
    path: str  # the target page (routes.py), e.g. themes/housing.md


def source_links(urls: Iterable[str]) -> list[tuple[str, str]]:
    """Each URL with the name of its site (akorda.kz), so that a citation says where it leads."""
    links = []
    for url in urls:
        host = urlsplit(url).hostname or url
        links.append((host[4:] if host.startswith("www.") else host, url))
    return links


def provision_link(dataset: Dataset, pid: str, lang: Lang) -> Link:
    return Link(pid, dataset.provisions[pid].title[lang].text, routes.provision(pid))


def theme_link(dataset: Dataset, tid: str, lang: Lang) -> Link:
    return Link(tid, dataset.themes[tid].title[lang].text, routes.theme(tid))
