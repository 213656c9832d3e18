"""The legal information system's document JSON (`…/api/documents/<id>/<kaz|rus>`).

What a naive reader gets wrong, and this one does not (../shared/reference/legal-text-formats.md):
`content` is a flat list whose structure comes from `type`; an article node carries only its
number and its heading ("Статья 1", "1-бап") follows as a separate node, sometimes after a note;
a point's text is the next `text` node and repeats the number ("1. …"); court notes
("Примечание…", "Ескерту…") arrive as text nodes, even between a point and its text, and
amendment footnotes ("Сноска…", "Ескерту…") as `note` nodes: neither is the article's text.
Long documents come in pages: give the pages as a JSON list, in order.
"""

from __future__ import annotations

import json
import re

from atazan.dataset.texts import roman_value, to_roman
from atazan.importers.text.structure import Builder, TextImportError

FEED_LANGUAGES = {"kaz": "kk", "rus": "ru", "eng": "en"}
# A court's note or an editor's remark inside the text stream.
COURT_NOTE = re.compile(r"^\s*(Примечание|Ескерту|Ескертпе|Note)\b", re.I)
# Labels the feed prints as headings of their own.
SECTION_LABEL = re.compile(r"^\s*(?:Раздел\s+([IVXLC]+)|([IVXLC]+)\s+бөлім|(?:Section|Part)\s+([IVXLC]+))\s*\.?\s*$", re.I)
ARTICLE_LABEL = re.compile(r"^\s*(?:Статья\s+([0-9]+(?:-[0-9]+)?)|([0-9]+(?:-[0-9]+)?)\s*-\s*бап|Article\s+([0-9]+(?:-[0-9]+)?))\s*\.?\s*(.*)$", re.I)


def parse(raw: bytes, lang: str) -> tuple[Builder, dict]:
    """(the text's structure, what the file says about itself: title, registry, date)."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise TextImportError("not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise TextImportError(f"line {error.lineno}: not valid JSON ({error.msg}); is the file complete?") from None
    pages = data if isinstance(data, list) else [data]
    if not pages or not all(isinstance(p, dict) and isinstance(p.get("content"), list) for p in pages):
        raise TextImportError("content: expected the legal information system's document object with a 'content' list")
    first = pages[0]
    feed_lang = first.get("language") or (first.get("version") or {}).get("language")
    if feed_lang not in FEED_LANGUAGES:
        raise TextImportError(f"language: expected one of {', '.join(FEED_LANGUAGES)}, got {feed_lang!r}")
    if FEED_LANGUAGES[feed_lang] != lang:
        raise TextImportError(f"language: the document is in '{feed_lang}' ({FEED_LANGUAGES[feed_lang]}), not --lang {lang}")
    count = first.get("pagesCount") or 1
    if isinstance(count, int) and count > len(pages):
        raise TextImportError(f"pagesCount: the document has {count} pages and the file holds {len(pages)}; "
                              "save every page and give them as one JSON list")
    builder = Builder()
    nodes = [node for page in pages for node in page["content"]]
    _walk(nodes, builder)
    version = first.get("version") or {}
    metadata = version.get("metadata") or {}
    title = (metadata.get("title") or {}).get(feed_lang)
    about = {"registry": first.get("ngr"), "date": version.get("versionDate"), "title": title}
    return builder, {key: value for key, value in about.items() if isinstance(value, str) and value.strip()}


def _walk(nodes: list, builder: Builder) -> None:
    pending_point: str | None = None  # a point whose text has not come yet
    last_number = None
    for index, node in enumerate(nodes):
        if not isinstance(node, dict):
            raise TextImportError(f"content[{index}]: expected an object, got {type(node).__name__}")
        kind, text = node.get("type"), str(node.get("text") or "")
        where = f"content[{index}] (id {node.get('id')})"
        if kind == "title":
            builder.set_title(text)
        elif kind == "section":
            number = str(node.get("index") or "").strip()
            builder.section(_roman(number, where), None, where)
        elif kind == "article":
            number = str(node.get("index") or "").strip()
            builder.article(number, where)
            last_number, pending_point = number, None
        elif kind == "point":
            pending_point = str(node.get("index") or "").strip()
            if not pending_point:
                raise TextImportError(f"{where}: a point without its number (index)")
            builder.paragraph(pending_point, "", where)
        elif kind == "note":
            builder.note("footnote", text)
        elif kind == "heading":
            _heading(text, builder, last_number, where)
        elif kind == "text":
            if COURT_NOTE.match(text):
                builder.note("court", text)
            elif pending_point is not None:
                builder.text(_without_number(text, pending_point), where)
                pending_point = None
            else:
                builder.text(text, where)
        # "doc" and unknown node types carry no text of the Constitution.


def _heading(text: str, builder: Builder, article: str | None, where: str) -> None:
    section = SECTION_LABEL.match(text)
    if section and builder.expects_section_heading():
        return  # "Раздел I." repeats the section node's number
    label = ARTICLE_LABEL.match(text)
    if label:
        number = next(g for g in label.groups()[:3] if g)
        if number != article:
            raise TextImportError(f"{where}: heading {text.strip()!r} under article {article}")
        if label[4].strip():
            builder.article_heading(label[4], where)
        return
    if builder.expects_section_heading():
        builder.section_heading(text)
    elif article is not None:
        builder.article_heading(text, where)
    else:
        builder.text(text, where)


def _without_number(text: str, number: str) -> str:
    # "1. Текст…" repeats the point's own number.
    found = re.match(rf"^\s*{re.escape(number)}\s*\.\s*", text)
    return text[found.end():] if found else text


def _roman(index: str, where: str) -> str:
    if re.fullmatch(r"[IVXLC]+", index):
        roman_value(index)
        return index
    if index.isdigit() and int(index) > 0:
        return to_roman(int(index))
    raise TextImportError(f"{where}: section number {index!r} is neither 1, 2, … nor I, II, …")
