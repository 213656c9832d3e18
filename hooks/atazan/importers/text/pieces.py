"""The body of a source as the shape readers hand it on: one `Piece` per printed paragraph (a line of
text, a node of the feed, a `<p>` of a page, a paragraph of a DOCX), in document order, with
where it stands in the file. The builder places every piece; the word account (account.py)
proves that each piece's words were placed exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass

from atazan.dataset import textrules
from atazan.importers.text.errors import TextImportError

# What a shape knows about a paragraph beyond its words.
TITLE = "title"  # the shape marks it as the act's title (a feed's title node, an <h1>)
HEADING = "heading"  # set as a heading (an <h2>…<h6>, a paragraph in bold)
# Spaces a web page or a word processor puts in, and characters that are not words.
_INVISIBLE = str.maketrans({"\u00ad": None, "\u200b": None, "\ufeff": None, "\u2060": None})


@dataclass(frozen=True)
class Piece:
    index: int  # position in the source's body, from 0
    where: str  # "line 12", "node 645148020", "<p id=z12> (line 40)", "paragraph 17"
    text: str  # the words, single-spaced
    hint: str = ""

    def words(self) -> list[str]:
        return self.text.split(" ") if self.text else []


def clean(text: str) -> str:
    """One space between words: a page's non-breaking and other spaces, line breaks inside a
    paragraph, soft hyphens and zero-width characters are not words."""
    return " ".join(text.translate(_INVISIBLE).split())


class Pieces:
    """Collects a source's pieces, refusing a paragraph no page may publish before it goes anywhere."""

    def __init__(self) -> None:
        self.items: list[Piece] = []

    def add(self, where: str, raw: str, hint: str = "") -> Piece | None:
        problem = textrules.string_problem(raw)
        if problem is not None:
            raise TextImportError(f"{where}: {problem.message}")
        text = clean(raw)
        if not text:
            return None
        piece = Piece(len(self.items), where, text, hint)
        self.items.append(piece)
        return piece
