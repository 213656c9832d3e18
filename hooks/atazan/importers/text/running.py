"""Running text, one printed paragraph per piece: what newspapers print, what a reader copies from
the portal, what a DOCX or a saved page holds once its paragraphs are read.

The title (an all-capitals line, or the act's name, or what the shape marks as the title), the
act's requisites under it, the preamble up to the first section or article; sections
(`Раздел I`, `І бөлім`, the title on the same line or the next), articles (`Статья 1`, `1-бап`),
points `1.`, subpoints `1)`; every other paragraph is a point's further part. Court notes,
footnotes and editorial notes stand as their own paragraphs anywhere and become notes of their
kind; the portal's service note ("Примечание ИЗПИ!" and the paragraph after it) and a table of
contents become service texts. A line that looks like a label but cannot be read as one is refused.
"""

from __future__ import annotations

import re
from typing import Sequence

from atazan.importers.text import labels
from atazan.importers.text.pieces import HEADING, TITLE, Piece
from atazan.importers.text.structure import Builder, TextImportError

_CONTENTS = re.compile(r"^(?:Содержание|Оглавление|Мазмұны|Contents|Table of contents)\s*:?$", re.I)


def parse(pieces: Sequence[Piece], lang: str, builder: Builder) -> None:
    contents = _table_of_contents(pieces, lang)
    service_paragraph = False  # the paragraph after a service note's opening words belongs to it
    for piece in pieces:
        text, where = piece.text, piece.where
        if piece.index in contents:
            builder.service_text(piece, "contents", text)
            continue
        if service_paragraph:
            service_paragraph = False
            if labels.looks_like_label(text) is None and not labels.point(text) and labels.note_kind(text, where) is None:
                builder.service_text(piece, "service_note", text)
                continue
        opener = labels.SERVICE_NOTE.match(text)
        if opener:
            builder.service_text(piece, "service_note", text)
            service_paragraph = not opener[1].strip()
            continue
        kind = labels.note_kind(text, where)
        if kind:
            builder.note(piece, kind, text)
            continue
        found = labels.label(text, lang, where)
        if found and found.kind == "section":
            builder.section(piece, found.number, found.label, found.heading, where)
            continue
        if found:
            builder.article(piece, found.number, found.label, found.heading, where)
            continue
        if builder.expects_section_heading():
            builder.section_heading(piece, text)
            continue
        if builder.article_number() is None:
            if builder.can_take_title() and (_is_title(piece) or _requisites_follow(pieces, piece.index)):
                builder.set_title(piece, text, open_ended=labels.is_all_capitals(text))
                continue
            if builder.title_continues() and labels.is_all_capitals(text):
                builder.set_title(piece, text, open_ended=True)
                continue
            if builder.title is not None and not builder.preamble and not builder.sections and labels.REQUISITES.search(text):
                builder.service_text(piece, "requisites", text)
                continue
        elif piece.hint in (HEADING, TITLE) and builder.expects_article_heading():
            builder.article_heading(piece, text)
            continue
        numbered = labels.point(text)
        if numbered:
            number, label, rest = numbered
            builder.point(piece, labels.article_number(number, where), label, rest, where)
            continue
        item = labels.subpoint(text)
        if item:
            number, label, rest = item
            builder.subpoint(piece, labels.article_number(number, where), label, rest, where)
            continue
        if builder.article_number() is None and not builder.sections and labels.REQUISITES.search(text):
            raise TextImportError(f"{where}: the act's requisites ({labels.short(text)!r}) would open the preamble: its "
                                  "title above them was not recognised; put the title alone on the first line")
        builder.paragraph(piece, text, where)
    if builder.title is None and any(item["kind"] == "service_note" for item in builder.service) and pieces:
        # A copy from the portal (its service note says so) starts with the act's title.
        raise TextImportError(f"{pieces[0].where}: text copied from the portal, but its title was not recognised "
                              f"({labels.short(pieces[0].text)!r} would open the preamble); put the title alone on the "
                              "first line, not indented")


def _is_title(piece: Piece) -> bool:
    text = piece.text
    if piece.hint == TITLE or labels.is_all_capitals(text):
        return True
    # The portal prints the act's name as its first line: "Конституция Республики Казахстан" (the
    # caller asks only while nothing but service texts came before).
    return bool(labels.ACT_NAME.search(text)) and len(text.split()) <= 20 and text[-1] not in ".,:;"


def _requisites_follow(pieces: Sequence[Piece], index: int) -> bool:
    """The act's requisites ("… принята на референдуме … года") stand under its title: the
    paragraph before them is the title, whatever its words."""
    following = pieces[index + 1] if index + 1 < len(pieces) else None
    return following is not None and bool(labels.REQUISITES.search(following.text)) and not labels.point(following.text)


def _table_of_contents(pieces: Sequence[Piece], lang: str) -> set[int]:
    """A table of contents: "Содержание" (or "Мазмұны", "Contents"), then labels ("Раздел I.
    Общие положения", "Статья 1"), a section's title after its label. It ends at the first line
    that is none of these (the title, a preamble sentence) or where its first label appears again
    (the text itself begins). Its lines are service text; nothing after it is taken into it."""
    start = next((i for i, p in enumerate(pieces) if _CONTENTS.match(p.text)), None)
    if start is None:
        return set()
    first = None
    after_section = False
    for index in range(start + 1, len(pieces)):
        text = pieces[index].text
        try:
            found = labels.label(text, lang, pieces[index].where)
        except TextImportError:
            found = None
        if found is None:
            if after_section and text[-1:] not in ".,:;" and not labels.point(text):
                after_section = False  # the section's title under its label
                continue
            return set(range(start, index))
        if first is None:
            first = (found.kind, found.number)
        elif (found.kind, found.number) == first:
            return set(range(start, index))
        after_section = found.kind == "section" and not found.heading
    return set(range(start, len(pieces)))
