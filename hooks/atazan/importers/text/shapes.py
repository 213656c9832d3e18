"""Which shape a saved file is, told from its content (never from its name), and the reader for it.

| content | shape | module |
|---|---|---|
| JSON object, `content` a node list (or a list of such pages, or several page files) | zan.gov.kz node list | zan_nodes |
| JSON object, `content` an HTML string | zan.gov.kz withHtml=true | zan_html |
| JSON `{"document": {"text_content": …}}` | Әділет 2.0 API | adilet_api |
| HTML with the act's `<article>` | a saved portal page | portal_page |
| HTML with `<div id="root">` and no text | the 2.0 app shell: refused | portal_page |
| a ZIP holding `word/document.xml` | DOCX | docx_file |
| `%PDF-` | PDF: refused | pdf_file |
| anything else | plain text (UTF-8, cp1251) | portal_text |

Every refusal is one line naming the shape recognised and what to do.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from typing import Any, Callable, Literal, Sequence

from atazan.importers.text import adilet_api, docx_file, pdf_file, portal_page, portal_text, zan_html, zan_nodes
from atazan.importers.text.reading import Reading
from atazan.importers.text.structure import ShapeRefusal, TextImportError

# Deeper than any document of the portals (zan's is 2 levels of lists and objects, Әділет's 3);
# checked before parsing, so a hostile file cannot reach the parser's recursion limit.
MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(rb"[\[\]{}]")
_HTML_START = re.compile(rb"^\s*<(?:!doctype\s+html|html|head|body|meta|!--|article|div|p|h1|section|main|title)\b", re.I)


def read(sources: Sequence[tuple[str, bytes]], lang: str) -> Reading:
    """`sources`: (name for messages, bytes) of every file given; several only for the pages of
    one zan.gov.kz document. A refusal names the shape recognised."""
    shape, reader = _choose(sources, lang)
    try:
        return reader()
    except ShapeRefusal:
        raise
    except TextImportError as error:
        raise TextImportError(f"{shape}: {error}") from None


def _choose(sources: Sequence[tuple[str, bytes]], lang: str) -> tuple[str, Callable[[], Reading]]:
    if len(sources) > 1:
        pages = []
        for name, raw in sources:
            found = _json_document(raw, name)
            if found.kind != "zan-page":
                raise TextImportError(f"{name}: several files are taken only as the pages of one zan.gov.kz document "
                                      "(JSON); import other files one per command")
            pages.append((name, found.objects[0]))
        return _zan(pages, lang)
    name, raw = sources[0]
    if not raw.strip():
        raise TextImportError("the file is empty")
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if raw.startswith(b"%PDF-"):
        return pdf_file.SHAPE, lambda: pdf_file.read(raw, lang)
    if raw.startswith(b"PK\x03\x04"):
        return docx_file.SHAPE, lambda: _zip(raw, lang)
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise TextImportError("an old Word document (.doc): save it as DOCX, or download the DOCX or JSON instead")
    if head.startswith(b"{\\rtf"):
        raise TextImportError("an RTF document: save it as DOCX or as UTF-8 text")
    if head[:1] in (b"{", b"["):
        found = _json_document(raw, None)
        if found.kind == "zan-page":
            return _zan([("the document", found.objects[0])], lang)
        if found.kind == "zan-pages":
            return _zan([(f"page {i}", page) for i, page in enumerate(found.objects, start=1)], lang)
        return adilet_api.SHAPE, lambda: adilet_api.read(found.objects[0], lang)
    if _HTML_START.match(head[:200]):
        markup: str | bytes
        try:
            markup = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            markup = raw  # the parser reads the page's own <meta charset>
        return portal_page.SHAPE, lambda: portal_page.read(markup, lang)
    return portal_text.SHAPE, lambda: portal_text.read(raw, lang)


def _zan(pages: list[tuple[str, zan_nodes.Page]], lang: str) -> tuple[str, Callable[[], Reading]]:
    if all(isinstance(page.get("content"), str) for _, page in pages):
        return zan_html.SHAPE, lambda: zan_html.read(pages, lang)
    return zan_nodes.SHAPE, lambda: zan_nodes.read_document(pages, lang)


def _zip(raw: bytes, lang: str) -> Reading:
    try:
        names = zipfile.ZipFile(io.BytesIO(raw)).namelist()
    except zipfile.BadZipFile:
        raise TextImportError("a damaged ZIP archive (a DOCX cut short?): download it again") from None
    if "word/document.xml" in names:
        return docx_file.read(raw, lang)
    raise TextImportError("a ZIP archive, not a DOCX: give the DOCX, JSON, saved page or text itself")


@dataclass(frozen=True)
class _JsonDocument:
    kind: Literal["zan-page", "zan-pages", "adilet"]
    objects: list[dict[str, Any]]  # zan's page(s), or Әділет's one object: JSON objects, their fields unchecked


def _json_document(raw: bytes, name: str | None) -> _JsonDocument:
    """Which of the portals' JSON documents `raw` is, or a one-line refusal."""
    prefix = f"{name}: " if name else ""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise TextImportError(f"{prefix}line {line}: JSON that is not UTF-8 (save it again from the browser)") from None
    depth = json_depth(raw)
    if depth > MAX_JSON_DEPTH:
        raise TextImportError(f"{prefix}JSON nested more than {MAX_JSON_DEPTH} levels deep: not a document of the portals")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise TextImportError(f"{prefix}line {error.lineno}: not valid JSON ({error.msg}); is the file complete?") from None
    if isinstance(data, dict) and "content" in data and isinstance(data["content"], (list, str)):
        return _JsonDocument("zan-page", [data])
    if isinstance(data, list) and data:
        pages = [p for p in data if isinstance(p, dict) and isinstance(p.get("content"), (list, str))]
        if len(pages) == len(data):
            return _JsonDocument("zan-pages", pages)
    if isinstance(data, dict) and isinstance(data.get("document"), dict) and "text_content" in data["document"]:
        return _JsonDocument("adilet", [data])
    keys = ", ".join(sorted(str(k) for k in data)[:8]) if isinstance(data, dict) else type(data).__name__
    raise TextImportError(f"{prefix}JSON, but neither zan.gov.kz's document (a 'content' list or HTML string) nor "
                          f"Әділет 2.0's ({{\"document\": {{\"text_content\": …}}}}); it holds {keys}")


def json_depth(raw: bytes) -> int:
    """How deep the JSON's arrays and objects nest, without parsing it (strings left out);
    stops counting past MAX_JSON_DEPTH."""
    depth = deepest = 0
    for bracket in _BRACKET.finditer(_JSON_STRING.sub(b'""', raw)):
        if bracket[0] in (b"[", b"{"):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    break
        else:
            depth -= 1
    return deepest
