"""What a shape reader hands the importer: the source's body as pieces, the structure built from
them, what the file says about itself, and the shape's own name for the messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from atazan.importers.text import language, running
from atazan.importers.text.pieces import Pieces
from atazan.importers.text.structure import Builder

# The two state systems publish the same acts under different names and addresses: zan.gov.kz (its
# document API, keyed by its own numeric id) and adilet.zan.kz (the Әділет portal, keyed by the
# registry code). A text is credited to the one it came from.
PUBLISHERS = {
    "zan": {"kk": "zan.gov.kz", "ru": "zan.gov.kz", "en": "zan.gov.kz"},
    "adilet": {"kk": "«Әділет» ақпараттық-құқықтық жүйесі", "ru": "Информационно-правовая система «Әділет»",
               "en": "Legal information system «Әділет»"},
}


@dataclass
class Reading:
    shape: str  # as the messages name it: "zan.gov.kz JSON (node list)"
    pieces: Pieces
    builder: Builder
    system: str | None = None  # "zan" | "adilet": the publisher, when the shape says which
    about: dict = field(default_factory=dict)  # title, date, registry, status, url found in the file
    notes: list[str] = field(default_factory=list)  # what the import line says about the reading ("read as cp1251")
    # The article numbers the document lists of itself (zan.gov.kz's `index`), where it does: a
    # count of its own to check the content against. None: the shape lists none.
    listed_articles: frozenset[str] | None = None


def running_text(shape: str, pieces: Pieces, lang: str, system: str | None = None, about: dict | None = None,
                 notes: Sequence[str] = ()) -> Reading:
    language.check(pieces.items, lang)
    builder = Builder()
    running.parse(pieces.items, lang, builder)
    return Reading(shape, pieces, builder, system, dict(about or {}), list(notes))
