"""The shape every reader feeds: title, preamble, sections, articles, points with their parts and
subpoints, notes of each kind, and the publication's service texts.

Readers report what they see, one call per piece of the source, in document order; the builder
decides where each piece belongs, refuses what cannot be right (an article number twice, a point
outside an article, a paragraph it has no place for), naming the place in the input, and writes
every placement into a ledger: which words of which piece went where. The word account
(account.py) checks the ledger against the source and against the record.

Nothing is glued: every paragraph of the source stays a paragraph (a point's further paragraphs
are its `parts`), so the record holds the text as the law prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, NotRequired, TypedDict

# The refusals live in errors.py (pieces.py raises them too); every reader imports them from here.
from atazan.importers.text.errors import ShapeRefusal, TextImportError
from atazan.importers.text.pieces import Piece

__all__ = ["Builder", "Placement", "ShapeRefusal", "TextImportError"]


@dataclass(frozen=True)
class Placement:
    piece: int  # Piece.index
    role: str  # title, preamble, section heading, article heading, label, point, article text, part,
    #            subpoint, wrap-up, note:<kind>, service:<kind>
    text: str


# What the builder gathers, in the shapes of dataset/texts.py's record (validated there once whole).
class SectionDraft(TypedDict):
    number: str
    heading: NotRequired[str]


class SubpointDraft(TypedDict):
    number: str
    text: str


class NoteDraft(TypedDict):
    kind: str
    text: str


class BlockDraft(TypedDict):
    """A point, or an article without points (whose own text is then a block)."""
    number: str
    text: NotRequired[str]
    parts: NotRequired[list[str]]
    subparagraphs: NotRequired[list[SubpointDraft]]
    wrap_up: NotRequired[str]


class ArticleDraft(BlockDraft):
    section: NotRequired[str]
    heading: NotRequired[str]
    paragraphs: NotRequired[list[BlockDraft]]
    notes: NotRequired[list[NoteDraft]]


class Builder:
    def __init__(self) -> None:
        self.title: str | None = None
        self.preamble: list[str] = []
        self.sections: list[SectionDraft] = []
        self.articles: list[ArticleDraft] = []
        self.notes: list[NoteDraft] = []
        self.service: list[NoteDraft] = []
        self.ledger: list[Placement] = []
        self._section: SectionDraft | None = None
        self._article: ArticleDraft | None = None
        self._block: BlockDraft | None = None  # the point (or the article itself) taking paragraphs now
        self._sub_numbers: set[str] = set()  # the current block's subpoint numbers
        self._point_numbers: dict[str, str] = {}  # the current article's point numbers -> where
        self._article_numbers: dict[str, str] = {}  # article number -> where it was seen
        self._title_open = False  # the title was set from an all-capitals line and may go on
        self._body_started = False  # anything but the title placed

    # ---------------------------------------------------------------- bookkeeping

    def place(self, piece: Piece | None, role: str, text: str) -> None:
        if piece is not None and text:
            self.ledger.append(Placement(piece.index, role, text))

    def label(self, piece: Piece | None, text: str) -> None:
        """The words of a label ("Статья 5", "І бөлім", "1."): structure, not text."""
        self.place(piece, "label", text)

    # ---------------------------------------------------------------- what the readers report

    def can_take_title(self) -> bool:
        return self.title is None and not self._body_started

    def title_continues(self) -> bool:
        return self._title_open and not self._body_started

    def set_title(self, piece: Piece, text: str, open_ended: bool = False) -> None:
        if self.title is None:
            self.title = text
        elif self.title_continues():
            self.title = f"{self.title} {text}"
        else:
            raise TextImportError(f"{piece.where}: a second title {text!r}")
        self._title_open = open_ended
        self.place(piece, "title", text)

    def section(self, piece: Piece | None, number: str, label: str, heading: str | None, where: str) -> None:
        if any(s["number"] == number for s in self.sections):
            raise TextImportError(f"{where}: section {number} appears twice")
        self._body_started = True
        self._section = {"number": number}
        self.sections.append(self._section)
        self._article = self._block = None
        self.label(piece, label)
        if heading:
            self.section_heading(_source_of(piece, where, heading), heading)

    def section_number(self) -> str | None:
        return self._section["number"] if self._section is not None else None

    def expects_section_heading(self) -> bool:
        return self._section is not None and "heading" not in self._section and self._article is None

    def section_heading(self, piece: Piece, text: str) -> None:
        section = self._section
        if section is None or not self.expects_section_heading():
            raise TextImportError(f"{piece.where}: heading {text!r} where no section is waiting for its heading")
        section["heading"] = text
        self.place(piece, "section heading", text)

    def article(self, piece: Piece | None, number: str, label: str, heading: str | None, where: str) -> None:
        if number in self._article_numbers:
            raise TextImportError(f"{where}: article {number} appears twice (first at {self._article_numbers[number]})")
        self._body_started = True
        self._article_numbers[number] = where
        article: ArticleDraft = {"number": number}
        if self._section is not None:
            article["section"] = self._section["number"]
        self._article = article
        self.articles.append(article)
        self._block = None
        self._point_numbers = {}
        self._sub_numbers = set()
        self.label(piece, label)
        if heading:
            self.article_heading(_source_of(piece, where, heading), heading)

    def article_number(self) -> str | None:
        return self._article["number"] if self._article is not None else None

    def expects_article_heading(self) -> bool:
        article = self._article
        return article is not None and self._block is None and "heading" not in article and "text" not in article \
            and "subparagraphs" not in article and "paragraphs" not in article

    def article_heading(self, piece: Piece, text: str) -> None:
        article = self._article
        if article is None or not self.expects_article_heading():
            raise TextImportError(f"{piece.where}: heading {text!r} inside the text of article {self.article_number()}")
        article["heading"] = text
        self.place(piece, "article heading", text)

    def point(self, piece: Piece | None, number: str, label: str, rest: str, where: str) -> None:
        article = self._article
        if article is None:
            raise TextImportError(f"{where}: point {number} before the first article")
        if any(key in article for key in ("text", "subparagraphs")):
            raise TextImportError(f"{where}: point {number} of article {article['number']} follows text that has no "
                                  "point number")
        if number in self._point_numbers:
            raise TextImportError(f"{where}: point {number} appears twice in article {article['number']} "
                                  f"(first at {self._point_numbers[number]})")
        self._point_numbers[number] = where
        block: BlockDraft = {"number": number}
        self._block = block
        article.setdefault("paragraphs", []).append(block)
        self._sub_numbers = set()
        self.label(piece, label)
        if rest:
            self.paragraph(piece, rest, where)

    def subpoint(self, piece: Piece, number: str, label: str, rest: str, where: str) -> None:
        article, block = self._taking(where, f"subpoint {number})")
        name = _name(article, block)
        if "wrap_up" in block:
            raise TextImportError(f"{where}: subpoint {number}) of {name} follows the words that close its subpoints")
        if number in self._sub_numbers:
            raise TextImportError(f"{where}: subpoint {number}) appears twice in {name}")
        if not rest:
            raise TextImportError(f"{where}: subpoint {number}) of {name} has no text")
        self._sub_numbers.add(number)
        block.setdefault("subparagraphs", []).append({"number": number, "text": rest})
        self.label(piece, label)
        self.place(piece, "subpoint", rest)

    def continue_paragraph(self, piece: Piece | None, text: str, where: str) -> None:
        """A further printed line of the preamble paragraph before it (a feed that gives one node
        per printed line and marks the paragraph around them): joined to it with a space."""
        if self._article is not None or not self.preamble:
            raise TextImportError(f"{where}: {text[:60]!r} continues no preamble paragraph")
        self.preamble[-1] = f"{self.preamble[-1]} {text}"
        self.place(piece, "preamble", text)

    def paragraph(self, piece: Piece | None, text: str, where: str) -> None:
        """An unnumbered paragraph: a preamble paragraph before the first article; in an article,
        the first paragraph of the point (or of an article without points), a further part, or
        the words after its subpoints."""
        if self._article is None:
            if self._section is not None:
                raise TextImportError(f"{where}: {text[:60]!r} stands between section {self._section['number']}'s "
                                      "heading and its first article (an unread label?)")
            self._body_started = True
            self.preamble.append(text)
            self.place(piece, "preamble", text)
            return
        article, block = self._taking(where, repr(text[:40]))
        numbered = block is not article
        if "subparagraphs" in block:
            if "wrap_up" in block:
                raise TextImportError(f"{where}: a second paragraph after the subpoints of {_name(article, block)} "
                                      f"({text[:40]!r}): the text model holds one closing paragraph there")
            block["wrap_up"] = text
            self.place(piece, "wrap-up", text)
        elif "text" not in block:
            block["text"] = text
            self.place(piece, "point" if numbered else "article text", text)
        else:
            before = block["parts"][-1] if block.get("parts") else block["text"]
            if not _ends_a_paragraph(before) or not _starts_a_paragraph(text):
                raise TextImportError(f"{where}: {text[:40]!r} continues {before[-40:]!r} as a new paragraph of "
                                      f"{_name(article, block)}: a sentence broken across lines, or a heading read as text? "
                                      "Join the lines (or remove the heading) and import again")
            block.setdefault("parts", []).append(text)
            self.place(piece, "part", text)

    def note(self, piece: Piece, kind: str, text: str) -> None:
        (self._article.setdefault("notes", []) if self._article is not None else self.notes).append({"kind": kind, "text": text})
        self.place(piece, f"note:{kind}", text)

    def service_text(self, piece: Piece, kind: str, text: str) -> None:
        self.service.append({"kind": kind, "text": text})
        self.place(piece, f"service:{kind}", text)

    def _taking(self, where: str, what: str) -> tuple[ArticleDraft, BlockDraft]:
        """(the current article, the block taking paragraphs now: its current point, or the
        article itself when it has no points)."""
        article = self._article
        if article is None:
            raise TextImportError(f"{where}: {what} before the first article")
        if self._block is not None:
            return article, self._block
        if "paragraphs" in article:  # cannot happen: a point sets the block
            raise TextImportError(f"{where}: {what} outside any point of article {article['number']}")
        return article, article

    # ---------------------------------------------------------------- the result

    def result(self, version: str, lang: str) -> dict[str, Any]:
        if not self.articles:
            raise TextImportError("no articles found (expected article labels such as 'Статья 1', '1-бап' or 'Article 1')")
        for article in self.articles:
            if not any(key in article for key in ("text", "subparagraphs", "paragraphs")):
                raise TextImportError(f"article {article['number']} has no text")
            for paragraph in article.get("paragraphs", []):
                if "text" not in paragraph and "subparagraphs" not in paragraph:
                    raise TextImportError(f"point {paragraph['number']} of article {article['number']} has no text")
        record: dict[str, Any] = {"version": version, "lang": lang, "source": {}}
        if self.title:
            record["title"] = self.title
        if self.preamble:
            record["preamble"] = self.preamble
        if self.sections:
            record["sections"] = self.sections
        record["articles"] = [_ordered(a) for a in self.articles]
        if self.notes:
            record["notes"] = self.notes
        return record


def _source_of(piece: Piece | None, where: str, heading: str) -> Piece:
    # A heading is words of the source: it is placed from the piece it was read in, never from none.
    if piece is None:
        raise TextImportError(f"{where}: heading {heading!r} given without the paragraph it was read in (internal error)")
    return piece


def _name(article: ArticleDraft, block: BlockDraft) -> str:
    number = article["number"]
    return f"point {block['number']} of article {number}" if block is not article else f"article {number}"


def _ends_a_paragraph(text: str) -> bool:
    # A paragraph of a legal text ends a sentence or introduces what follows.
    return text.rstrip()[-1:] in tuple(".:;!?…»\")")


def _starts_a_paragraph(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.isupper() or first.isdigit() or first in "«\"„(—–-"


_BLOCK_KEYS = ("number", "text", "parts", "subparagraphs", "wrap_up")
_ARTICLE_KEYS = ("number", "section", "heading", *_BLOCK_KEYS[1:], "paragraphs", "notes")


def _ordered(article: ArticleDraft) -> dict[str, object]:
    # A fixed key order, so the canonical file never changes for a reason the text did not give.
    out = _in_order(article.items(), _ARTICLE_KEYS)
    if "paragraphs" in article:
        out["paragraphs"] = [_in_order(point.items(), _BLOCK_KEYS) for point in article["paragraphs"]]
    return out


def _in_order(items: Iterable[tuple[str, object]], keys: tuple[str, ...]) -> dict[str, object]:
    held = dict(items)
    return {key: held[key] for key in keys if key in held}
