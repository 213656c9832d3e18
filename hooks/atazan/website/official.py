"""The way to the official source: where each text of the Constitution is officially published, as
an address a reader can open.

The state's legal information system publishes every act in Kazakh and Russian (often in an
English unofficial translation too) under its registry code, and «Әділет» (adilet.zan.kz) shows a
document at `/<kaz|rus|eng>/docs/<code>` (the 1995 Constitution: `/rus/docs/K950001000_`). So:
- a text imported with a registry code but no address of its own links that page
  (`text_url`); zan.gov.kz, the other system, addresses documents by its own numeric id, which
  the registry code does not give;
- a version named with its registry code in data/versions.yml (the 1995 and the 2026
  Constitutions) is linked on the official portal in Kazakh and Russian, whether or not
  data/texts/ holds its text (`official_texts`): the site never leaves a reader who came to read
  the Constitution without the way to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import REGISTRY_PATTERN, Lang

PORTAL = "https://adilet.zan.kz"
PORTAL_NAME: dict[Lang, str] = {"kk": "«Әділет»", "ru": "«Әділет»", "en": "Adilet"}
PORTAL_LANGUAGE: dict[str, str] = {"kk": "kaz", "ru": "rus", "en": "eng"}
# The languages whose text on the portal is official, in the order a reader of another language gets them.
OFFICIAL_LANGUAGES: tuple[Lang, ...] = ("kk", "ru")
# Codes as the registry writes them (schema.RegistryCode); anything else is no code to build an
# address from. fullmatch: `$` alone also matches before a final newline ("K950001000_\n").
_REGISTRY = re.compile(REGISTRY_PATTERN)


def portal_url(registry: str, lang: str) -> str | None:
    """The official portal's page of the act with this registry code, in `lang`'s edition."""
    if not _REGISTRY.fullmatch(registry or "") or lang not in PORTAL_LANGUAGE:
        return None
    return f"{PORTAL}/{PORTAL_LANGUAGE[lang]}/docs/{registry}"


def text_url(url: str | None, registry: str | None, lang: str) -> str | None:
    """Where an imported text came from: its own address, else its registry code's page on the portal."""
    return url or (portal_url(registry, lang) if registry else None)


@dataclass(frozen=True)
class PortalLink:
    lang: Lang  # the edition's language
    url: str


@dataclass(frozen=True)
class OfficialText:
    """One version of the Constitution on the official portal."""

    version: str
    label: str  # the version's name in the reader's language
    registry: str
    links: tuple[PortalLink, ...]  # the reader's language first when it is an official one
    held: bool  # data/texts/ holds it in some language


@per_dataset_key  # one list per language and build: every article page and the theme's partials show it
def official_texts(dataset: Dataset, lang: Lang) -> tuple[OfficialText, ...]:
    """The versions data/versions.yml names with a registry code, newest first."""
    order = sorted(OFFICIAL_LANGUAGES, key=lambda code: code != lang)
    found = []
    for vid, version in dataset.versions.items():
        if version.registry is None:
            continue
        links = tuple(PortalLink(code, url) for code in order if (url := portal_url(version.registry, code)))
        found.append((version.date.isoformat() if version.date else "", OfficialText(
            vid, version.label[lang].text, version.registry, links, vid in dataset.texts.versions())))
    return tuple(text for _, text in sorted(found, key=lambda pair: pair[0], reverse=True))


@dataclass(frozen=True)
class ThemeView:
    """What the theme's partials need (the search note on an article number, the 404 page): whether
    the site holds any text of the Constitution, and the official portal's pages of it."""

    held: bool
    links: tuple[tuple[str, str, str], ...]  # (the text's name, its language's name, address)


def theme_view(dataset: Dataset | None, lang: Lang, say) -> ThemeView:
    """`say(key, **values)`: strings.yml in the build's language (for the languages' names)."""
    if dataset is None:
        return ThemeView(True, ())
    texts = [text for text in official_texts(dataset, lang) if text.version == "adopted"] or list(official_texts(dataset, lang))
    links = tuple((text.label, say(f"lang.{link.lang}"), link.url) for text in texts[:1] for link in text.links)
    return ThemeView(bool(dataset.texts), links)
