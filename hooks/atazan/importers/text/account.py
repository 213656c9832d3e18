"""The word account: after parsing, every word of the source's body is accounted for exactly once.

Two books are balanced, each against an independent one:
1. each piece of the source (pieces.py: a line, a node, a `<p>`) against what the builder placed
   from it (structure.Placement): the placed words, in order, are the piece's words; nothing left
   out, nothing placed twice;
2. what the builder placed (per role: point, part, note of a kind, …) against what the record
   that will be written holds, read back from the record itself: nothing lost on the way, nothing
   that came from nowhere.
Labels ("Статья 5", "1.", "І бөлім") are structure: the record keeps their numbers, not their words.

The import prints the account in one line and refuses, naming the first piece that does not add
up with its line or node, when either book does not balance.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterator, Sequence

from atazan.importers.text.pieces import Piece
from atazan.importers.text.structure import Placement, TextImportError

# The order the account line names the roles in.
ROLES = ("title", "preamble", "section heading", "article heading", "label", "point", "article text", "part",
         "subpoint", "wrap-up", "note:court", "note:footnote", "note:editorial", "service:service_note",
         "service:requisites", "service:contents", "service:signature")


@dataclass(frozen=True)
class Account:
    pieces: int
    words: Counter[str]  # role -> words

    def line(self) -> str:
        total = sum(self.words.values())
        parts = [f"{_name(role)} {self.words[role]:,}" for role in ROLES if self.words.get(role)]
        return (f"word account: {total:,} words in {self.pieces:,} paragraphs, each placed once: " + ", ".join(parts))


def check(pieces: Sequence[Piece], ledger: Sequence[Placement], record: dict) -> Account:
    placed: dict[int, list[Placement]] = {}
    for entry in ledger:
        placed.setdefault(entry.piece, []).append(entry)
    # 1. the source, piece by piece, against the placements
    for piece in pieces:
        want = piece.words()
        entries = placed.get(piece.index, [])
        got = [word for entry in entries for word in entry.text.split(" ")]
        if got == want:
            continue
        if not got:
            raise TextImportError(f"{piece.where}: {_quote(piece.text)} was not placed anywhere (word account)")
        roles = " + ".join(entry.role for entry in entries)
        if len(got) > len(want):
            raise TextImportError(f"{piece.where}: {_quote(piece.text)} was placed twice or more ({roles}) (word account)")
        left = _first_difference(want, got)
        raise TextImportError(f"{piece.where}: {_quote(' '.join(want[left:]))} of {_quote(piece.text)} was not placed "
                              f"(placed: {roles}) (word account)")
    unknown = sorted(set(placed) - {piece.index for piece in pieces})
    if unknown:
        raise TextImportError(f"word account: {len(unknown)} placement(s) of no paragraph of the source (internal error)")
    # 2. the placements against the record
    wanted = Counter((entry.role, word) for entry in ledger if entry.role != "label" for word in entry.text.split(" "))
    held = Counter((role, word) for role, text in record_texts(record) for word in text.split())
    if wanted != held:
        missing, extra = wanted - held, held - wanted
        if missing:
            for entry in ledger:
                if any((entry.role, word) in missing for word in entry.text.split(" ")):
                    where = next(p.where for p in pieces if p.index == entry.piece)
                    raise TextImportError(f"{where}: {_quote(entry.text)} was placed as {_name(entry.role)} but is not "
                                          "in the text that would be written (word account)")
        role, word = next(iter(extra))
        where = next((p.where for p in pieces if word in p.words()), "nowhere in the source")
        raise TextImportError(f"{where}: {word!r} is in the text that would be written as {_name(role)} more often "
                              "than the source has it there (word account)")
    words: Counter[str] = Counter()
    for entry in ledger:
        words[entry.role] += len(entry.text.split(" "))
    return Account(len(pieces), words)


def record_texts(record: dict) -> Iterator[tuple[str, str]]:
    """(role, text) of every string of the text's record that holds words of the source."""
    if record.get("title"):
        yield "title", record["title"]
    for line in record.get("preamble", []):
        yield "preamble", line
    for section in record.get("sections", []):
        if section.get("heading"):
            yield "section heading", section["heading"]
    for article in record.get("articles", []):
        if article.get("heading"):
            yield "article heading", article["heading"]
        yield from _block(article, "article text")
        for paragraph in article.get("paragraphs", []):
            yield from _block(paragraph, "point")
        for note in article.get("notes", []):
            yield f"note:{note['kind']}", note["text"]
    for note in record.get("notes", []):
        yield f"note:{note['kind']}", note["text"]
    for item in record.get("source", {}).get("service", []):
        yield f"service:{item['kind']}", item["text"]


def _block(block: dict, first: str) -> Iterator[tuple[str, str]]:
    if block.get("text"):
        yield first, block["text"]
    for part in block.get("parts", []):
        yield "part", part
    for sub in block.get("subparagraphs", []):
        yield "subpoint", sub["text"]
    if block.get("wrap_up"):
        yield "wrap-up", block["wrap_up"]


def _first_difference(want: list[str], got: list[str]) -> int:
    for index, (a, b) in enumerate(zip(want, got)):
        if a != b:
            return index
    return min(len(want), len(got))


def _name(role: str) -> str:
    kind, _, sub = role.partition(":")
    if kind == "note":
        return f"{sub} note" if sub != "footnote" else "footnote"
    if kind == "service":
        return {"service_note": "service note", "requisites": "requisites", "contents": "table of contents",
                "signature": "signature"}[sub]
    return {"label": "labels", "point": "points", "part": "parts", "subpoint": "subpoints",
            "wrap-up": "closing words"}.get(role, role)


def _quote(text: str) -> str:
    return repr(text if len(text) <= 50 else text[:47] + "…")
