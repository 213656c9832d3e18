"""zan.gov.kz document JSON as a node list (`…/api/documents/<id>/<kaz|rus>?withHtml=false`),
one page or the pages of a paged document (pagesCount > 1: one JSON list of the pages, or the
page files given together on one command line, in order).

What a naive reader gets wrong, and this one does not (../shared/reference/legal-text-formats.md):
`content` is a flat list whose structure comes from `type`, not nesting; an article node carries
only its number and its label ("Статья 1", "1-бап") follows as a heading node, sometimes after a
note; a point's text is the next `text` node and repeats the number ("1. …"); a `subpoint` node's
text may lack its "1)"; the preamble sits in `sideNoteGroup`/`sideNote` as one text node per
printed line; court notes arrive as `text` nodes even between a point and its text; a `note`
node is an amendment footnote unless it says otherwise ("Примечание. В соответствии с Законом…"
is the publisher's editorial note). Node types that carry text this reader cannot place (a
chapter, an excluded element, a table) are refused, never skipped.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from atazan.dataset import textrules
from atazan.importers.text import labels
from atazan.importers.text.pieces import TITLE, Piece, Pieces
from atazan.importers.text.reading import Reading
from atazan.importers.text.structure import Builder, TextImportError

FEED_LANGUAGES = {"kaz": "kk", "rus": "ru", "eng": "en"}
_SERVICE_NODES = {"toc": "contents", "signature": "signature"}
# Structure the Constitution does not have, or that would change its text silently if skipped.
_UNPLACEABLE = {"chapter", "excluded", "table", "tr", "td", "row", "cell"}
# A page of the feed as decoded: a JSON object, checked to be one; its fields are checked where read.
Page = dict[str, Any]


def _fields(value: object) -> dict[str, Any]:
    """A nested object of the feed (`version`, `metadata`), or nothing where the file holds something else there."""
    return value if isinstance(value, dict) else {}


def check_pages(pages: Sequence[tuple[str, Page]], lang: str) -> Page:
    """The pages of one document, checked to be all of it, in order, once each; returns page 1.
    `pages`: (what to call it in messages, the decoded page)."""
    first_name, first = pages[0]
    feed_lang = first.get("language") or _fields(first.get("version")).get("language")
    if feed_lang not in FEED_LANGUAGES:
        raise TextImportError(f"language: expected one of {', '.join(FEED_LANGUAGES)}, got {_shown(feed_lang)}")
    if FEED_LANGUAGES[feed_lang] != lang:
        raise TextImportError(f"language: the document is in '{feed_lang}' ({FEED_LANGUAGES[feed_lang]}), not --lang {lang}")
    counts = []
    for name, page in pages:
        count = page.get("pagesCount", 1)
        if type(count) is not int or not 1 <= count <= 10_000:
            raise TextImportError(f"{name}: pagesCount: expected a whole number of pages, got {_shown(count)}")
        counts.append(count)
        for key in ("id", "ngr", "language"):
            if page.get(key) != first.get(key):
                raise TextImportError(f"{name}: {key} {_shown(page.get(key))} differs from the first page's "
                                      f"{_shown(first.get(key))}: pages of another document?")
        if _version_date(page) != _version_date(first):
            raise TextImportError(f"{name}: versionDate {_shown(_version_date(page))} differs from the first page's "
                                  f"{_shown(_version_date(first))}: pages of another version?")
    if len(set(counts)) > 1:
        raise TextImportError(f"pagesCount: the pages disagree ({', '.join(str(c) for c in counts)})")
    if counts[0] != len(pages):
        raise TextImportError(f"pagesCount: the document has {counts[0]} page(s) and {len(pages)} were given; save every "
                              "page and give them in order, as one JSON list or as files on one command line")
    for number, (name, page) in enumerate(pages, start=1):
        given = page.get("page")
        if given is not None and given != number:
            raise TextImportError(f"{name}: page {_shown(given)} given as page {number}; give the pages in order")
    return first


def read(pages: Sequence[tuple[str, Page]], lang: str, pieces: Pieces, builder: Builder) -> None:
    seen: dict[str, str] = {}
    preamble = False
    # The preamble's paragraphs: each `sideNote` is one, its `text` nodes the printed lines of it
    # (sentences run across them), joined again with a space (decisions/legal-text.md).
    side_note: bool | None = None  # None: outside a sideNote; True: a new one opened, no line yet
    pending_point: str | None = None  # a point node whose text has not come yet
    pending_sub: str | None = None
    multi = len(pages) > 1
    for page_number, (name, page) in enumerate(pages, start=1):
        for position, node in enumerate(page["content"]):
            where = (f"page {page_number} " if multi else "") + f"content[{position}]"
            if not isinstance(node, dict):
                raise TextImportError(f"{where}: expected an object, got {type(node).__name__}")
            node_id = node.get("id")
            if node_id is not None:
                if not isinstance(node_id, (str, int)) or isinstance(node_id, bool) or len(str(node_id)) > 40:
                    raise TextImportError(f"{where}: id: expected a short string, got {_shown(node_id)}")
                where = f"node {node_id}" + (f" (page {page_number})" if multi else "")
                if str(node_id) in seen:
                    raise TextImportError(f"{where}: node id {node_id} appears twice (first at {seen[str(node_id)]}): "
                                          "a page given twice?")
                seen[str(node_id)] = where
            kind, text = node.get("type"), node.get("text")
            if not isinstance(kind, str):
                raise TextImportError(f"{where}: type: expected a string, got {_shown(kind)}")
            if text is not None and not isinstance(text, str):
                raise TextImportError(f"{where}: text: expected a string, got {type(text).__name__}")
            _html_only(node, where)
            if kind in _UNPLACEABLE:
                raise TextImportError(f"{where}: a '{kind}' node: this importer places sections, articles, points and "
                                      "subpoints, not this (is it the Constitution?)")
            if kind in ("sideNoteGroup", "preamble"):
                preamble, side_note = True, None
            elif kind in ("section", "article"):
                preamble, side_note = False, None
            elif kind == "sideNote":
                side_note = True
            if kind == "section":
                builder.section(None, labels.section_number(_index(node, where), where), "", None, where)
                pending_point = pending_sub = None
            elif kind == "article":
                builder.article(None, labels.article_number(_index(node, where), where), "", None, where)
                pending_point = pending_sub = None
            elif kind == "point":
                pending_point, pending_sub = labels.article_number(_index(node, where), where), None
                builder.point(None, pending_point, "", "", where)
            elif kind == "subpoint":
                pending_sub, pending_point = labels.article_number(_index(node, where), where), None
            if text is None or not text.strip():
                continue  # a marker without words (a container, an empty node): nothing to place
            piece = pieces.add(where, text, TITLE if kind == "title" else "")
            if piece is None:
                continue
            if kind == "title":
                builder.set_title(piece, piece.text)
            elif kind == "heading":
                _heading(piece, builder)
            elif kind == "note":
                note_kind = labels.note_kind(piece.text, where, default="footnote")
                if note_kind is None:  # the portal's service note, set as a note node
                    builder.service_text(piece, "service_note", piece.text)
                else:
                    builder.note(piece, note_kind, piece.text)
            elif kind in _SERVICE_NODES:
                builder.service_text(piece, _SERVICE_NODES[kind], piece.text)
            elif kind == "text" or kind == "subpoint":
                note = labels.note_kind(piece.text, where)
                if note:
                    builder.note(piece, note, piece.text)
                elif labels.SERVICE_NOTE.match(piece.text):
                    builder.service_text(piece, "service_note", piece.text)
                elif pending_sub is not None:
                    _subpoint_text(piece, pending_sub, builder)
                    pending_sub = None
                elif pending_point is not None:
                    _point_text(piece, pending_point, builder)
                    pending_point = None
                elif builder.article_number() is None:
                    if preamble and side_note is False:
                        builder.continue_paragraph(piece, piece.text, where)
                    elif preamble or builder.title is not None or builder.sections:
                        builder.paragraph(piece, piece.text, where)
                        if side_note:
                            side_note = False  # its first line placed: the next ones continue it
                    else:
                        raise TextImportError(f"{where}: text {labels.short(piece.text)!r} before the title and the preamble")
                else:
                    _further_text(piece, builder, lang)
            else:
                raise TextImportError(f"{where}: a '{kind}' node with text ({labels.short(piece.text)!r}): this importer "
                                      "places sections, articles, points, subpoints, notes and the preamble, not this")


_SECTION_HEADING = re.compile(r"^(?:Раздел|Section|Part)\s+(\S+?)\s*\.?$|^(\S+?)\s+бөлім\s*\.?$", re.I)
_ARTICLE_HEADING = re.compile(r"^(?:(?:Статья|Article)\s+(\S+?)|(\S+?)\s*-\s*бап)(?:\s*\.?|\.\s+(.+))$", re.I)


def _heading(piece: Piece, builder: Builder) -> None:
    """A heading node: the label of the section or article just opened ("Раздел I.", "Статья 1",
    "1-бап", which must name the node's own number), or its title."""
    text, where = piece.text, piece.where
    if builder.expects_section_heading():
        found = _SECTION_HEADING.match(text)
        if found:
            if labels.section_number(found[1] or found[2], where) != builder.section_number():
                raise TextImportError(f"{where}: heading {text!r} under section {builder.section_number()}")
            builder.label(piece, text)
        else:
            builder.section_heading(piece, text)
        return
    found = _ARTICLE_HEADING.match(text)
    if found:
        number = found[1] or found[2]
        if number != builder.article_number():
            raise TextImportError(f"{where}: heading {text!r} under article {builder.article_number()}")
        builder.label(piece, text[: found.start(3)].rstrip() if found[3] else text)
        if found[3]:
            builder.article_heading(piece, found[3].strip())
        return
    if builder.expects_article_heading():
        builder.article_heading(piece, text)
        return
    raise TextImportError(f"{where}: heading {labels.short(text)!r} where neither a section nor an article waits for one")


def _point_text(piece: Piece, number: str, builder: Builder) -> None:
    """A point's text repeats its number ("3-1. …"); another number there is a wrong file."""
    found = labels.point(piece.text)
    if found and found[0] != number:
        raise TextImportError(f"{piece.where}: the text of point {number} starts with {found[1]!r}")
    if found:
        builder.label(piece, found[1])
        if found[2]:
            builder.paragraph(piece, found[2], piece.where)
    else:
        builder.paragraph(piece, piece.text, piece.where)


def _subpoint_text(piece: Piece, number: str, builder: Builder) -> None:
    """A subpoint node's text, with its "1)" or without it: the number is the node's."""
    found = labels.subpoint(piece.text)
    if found and found[0] != number:
        raise TextImportError(f"{piece.where}: the text of subpoint {number}) starts with {found[1]!r}")
    if found:
        builder.subpoint(piece, number, found[1], found[2], piece.where)
    else:
        builder.subpoint(piece, number, "", piece.text, piece.where)


def _further_text(piece: Piece, builder: Builder, lang: str) -> None:
    """A text node after a point's text: a subpoint "1) …", or the point's next part."""
    found = labels.subpoint(piece.text)
    if found:
        builder.subpoint(piece, labels.article_number(found[0], piece.where), found[1], found[2], piece.where)
        return
    numbered = labels.point(piece.text)
    if numbered:
        raise TextImportError(f"{piece.where}: {labels.short(piece.text)!r} is numbered like a point, but no point node "
                              "stands before it")
    if labels.label(piece.text, lang, piece.where):  # a look-alike label is refused inside
        raise TextImportError(f"{piece.where}: the label {labels.short(piece.text)!r} in a text node; the feed gives "
                              "labels as heading nodes")
    builder.paragraph(piece, piece.text, piece.where)


def _index(node: Page, where: str) -> str:
    index = node.get("index")
    if isinstance(index, int) and not isinstance(index, bool):
        index = str(index)
    if not isinstance(index, str) or not index.strip():
        raise TextImportError(f"{where}: a '{node.get('type')}' node without its number (index)")
    return index.strip()


def _html_only(node: Page, where: str) -> None:
    # Words only in the HTML twin would be words the text leaves out.
    if node.get("text"):
        return
    properties = node.get("properties")
    for prop in properties if isinstance(properties, list) else []:
        if isinstance(prop, dict) and prop.get("key") == "html" and isinstance(prop.get("value"), str) \
                and re.sub(r"<[^>]*>|&nbsp;|\s", "", prop["value"]):
            raise TextImportError(f"{where}: words only in the node's HTML twin, none in its text")


def _version_date(page: Page) -> Any:
    return page.get("versionDate") or _fields(page.get("version")).get("versionDate")


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def provenance(first: Page, lang: str) -> dict[str, str]:
    """What the document says about itself: title, date, registry code, status."""
    feed = next(code for code, ours in FEED_LANGUAGES.items() if ours == lang)
    metadata = _fields(_fields(first.get("version")).get("metadata")) or _fields(first.get("metadata"))
    title = _fields(metadata.get("title")).get(feed)
    about = {"registry": first.get("ngr"), "date": _version_date(first), "title": title, "status": metadata.get("status")}
    return {key: value for key, value in about.items() if isinstance(value, str) and value.strip()}


SHAPE = "zan.gov.kz JSON (node list)"


def read_document(pages: Sequence[tuple[str, Page]], lang: str) -> Reading:
    first = check_pages(pages, lang)
    for name, page in pages:
        if not isinstance(page.get("content"), list):
            raise TextImportError(f"{name}: content: expected the node list on every page")
    pieces, builder = Pieces(), Builder()
    try:
        read(pages, lang, pieces, builder)
    except TextImportError as error:
        if len(pages) == 1:
            raise
        raise TextImportError(f"{error}; are all the pages there, once each, in order?") from None
    shape = SHAPE + (f", {len(pages)} pages" if len(pages) > 1 else "")
    return Reading(shape, pieces, builder, "zan", provenance(first, lang), listed_articles=listed_articles(pages))


def listed_articles(pages: Sequence[tuple[str, Page]]) -> frozenset[str] | None:
    """The articles the document's own `index` (its table of contents: `{"type": "article",
    "index": "1", …}`) lists, over all its pages; None where no page lists any. Entries of
    another type or shape are not articles and are left out: the index is checked against, never
    read as text."""
    found: set[str] = set()
    for _, page in pages:
        entries = page.get("index")
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict) or entry.get("type") != "article":
                continue
            number = entry.get("index")
            if isinstance(number, int) and not isinstance(number, bool):
                number = str(number)
            if isinstance(number, str) and textrules.number_problem(number.strip()) is None:
                found.add(number.strip())
    return frozenset(found) or None
