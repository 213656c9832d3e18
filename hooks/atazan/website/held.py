"""What the dataset holds of the Constitution's text: which versions, in which languages.

The one question every statement about "the text is here" or "the text is not here yet" asks:
the home page and About (hand-written pages: their `<!-- atazan:held -->` marker is filled from
here, adapter/pages.py), the provision pages' warnings, the handouts, the article index and the
open-data export. The answer is the texts imported into data/texts/, nothing else: a provision
that quotes adopted wording from the news does not make the adopted text held.
"""

from __future__ import annotations

from dataclasses import dataclass

from atazan import LANGUAGES
from atazan.dataset.memo import per_dataset
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import routes

ADOPTED = "adopted"
# The hand-written pages' marker for the block that says what is held (docs/<lang>/index.md, about.md).
MARKER = "<!-- atazan:held -->"


@dataclass(frozen=True)
class HeldText:
    """One language's text of a version: official, or whose translation."""

    lang: Lang
    official: bool
    translator: str | None


@dataclass(frozen=True)
class HeldVersion:
    version: str
    texts: tuple[HeldText, ...]  # in LANGUAGES order
    page: str  # the whole text's page (routes.text)

    @property
    def languages(self) -> tuple[Lang, ...]:
        return tuple(text.lang for text in self.texts)


@dataclass(frozen=True)
class Held:
    versions: tuple[HeldVersion, ...]  # in data/versions.yml's order (oldest first)

    def of(self, version: str) -> HeldVersion | None:
        return next((v for v in self.versions if v.version == version), None)

    def has(self, version: str, lang: str | None = None) -> bool:
        found = self.of(version)
        return found is not None and (lang is None or lang in found.languages)

    @property
    def adopted(self) -> bool:
        """Whether the adopted text is held, in any language."""
        return self.has(ADOPTED)

    @property
    def anything(self) -> bool:
        return bool(self.versions)


@per_dataset
def held(dataset: Dataset) -> Held:
    found = []
    for version in dataset.versions:  # the file's order is the versions' order
        texts = tuple(HeldText(lang, text.source.official, text.source.translator)
                      for lang in LANGUAGES if (text := dataset.texts.get(version, lang)) is not None)
        if texts:
            found.append(HeldVersion(version, texts, routes.text(version)))
    return Held(tuple(found))


def export(dataset: Dataset) -> dict[str, object]:
    """The open-data export's `held`: what pages say is held, as data."""
    state = held(dataset)
    return {"adopted": state.adopted,
            "versions": [{"version": v.version, "languages": list(v.languages),
                          "official": [t.lang for t in v.texts if t.official]} for v in state.versions]}


@dataclass(frozen=True)
class HeldLine:
    label: str  # the version's label in the reader's language
    page: str
    texts: tuple[HeldText, ...]


@dataclass(frozen=True)
class HeldBlock:
    """The `<!-- atazan:held -->` block of a hand-written page (held.md.j2), in one language."""

    adopted: bool
    lines: tuple[HeldLine, ...]  # the adopted text first, then the others, oldest first


def block(dataset: Dataset, lang: Lang) -> HeldBlock:
    state = held(dataset)
    ordered = sorted(state.versions, key=lambda v: v.version != ADOPTED)
    return HeldBlock(state.adopted, tuple(HeldLine(dataset.versions[v.version].label[lang].text, v.page, v.texts)
                                          for v in ordered))
