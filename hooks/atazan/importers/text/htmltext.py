"""HTML into the paragraphs the running-text reader takes: parsed with lxml (libxml2's HTML
parser), never with patterns. Shared by the shapes that carry the act as HTML: zan.gov.kz JSON
with `withHtml=true`, the Әділет 2.0 API JSON (`text_content`), a page saved from the browser.

A paragraph is the text of one block element (`<p>`, `<div>`, `<h1>`…, `<li>`, a table cell) or a
run between `<br>`s; `&nbsp;` indents and line breaks inside it are spaces. It is named by its
element's id (`<p id="z12">`, the portal's anchors) or its line in the file. A paragraph set in
`<h1>` is marked as a title, one in another heading or wholly in bold as a heading. Scripts,
styles and templates are not text; text the page hides from every reader (`hidden`, `display:none`)
is refused, never taken as the act's nor dropped.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from atazan.importers.text.pieces import HEADING, TITLE, Pieces
from atazan.importers.text.structure import TextImportError

BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "section", "article", "header",
          "footer", "main", "aside", "nav", "table", "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd", "pre", "center",
          "figure", "figcaption", "form", "fieldset", "address", "hr", "body", "html"}
NOT_TEXT = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math", "button", "select",
            "iframe", "object"}
BOLD = {"b", "strong"}


def parse(markup: str | bytes) -> tuple[etree._Element, list[str]]:
    """(the document, what the parser could not read). Text nested deeper than libxml2 reads is
    dropped by it; that is reported here, never passed on as a shorter text."""
    parser = lxml.html.HTMLParser(recover=True, remove_comments=False)
    try:
        document = lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise TextImportError(f"not an HTML document the parser can read ({error})") from None
    limits = [e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT" or "depth" in e.message.lower()]
    if limits:
        raise TextImportError(f"the HTML is nested deeper than its parser reads ({limits[0].strip()}); text inside "
                              "would be lost: save the page again")
    return document, limits


def paragraphs(container: etree._Element, pieces: Pieces, line_offset: int = 0) -> None:
    """Every paragraph of `container`'s text, in document order, into `pieces`."""
    state = _Collector(pieces, line_offset)
    walker = etree.iterwalk(container, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event in ("comment", "pi"):  # not text, but the text after it is
            state.add(element.tail)
            continue
        tag = element.tag if isinstance(element.tag, str) else None
        name = tag.lower() if tag else None
        if event == "start":
            if tag is None:
                continue
            if name in NOT_TEXT:
                walker.skip_subtree()
                state.skipped.add(element)
                continue
            if _hidden(element) and visible_text(element):
                line = source_line(element) + line_offset
                raise TextImportError(f"<{element.tag}>{f' (line {line})' if line else ''} holds text a browser does not show "
                                      f"({_hidden(element)}): {visible_text(element)[:60]!r}; the published text is what "
                                      "readers see, so this file cannot say which it is: save the page again from the portal")
            if name == "br":  # a line break inside a block: a new paragraph of the same block
                state.flush()
            elif name in BLOCKS:
                state.flush()
                state.open(element, name)
            if name in BOLD or _bold_style(element):
                state.bold += 1
            if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                state.heading.append(name)
            state.add(element.text)
        else:
            if tag is not None and element not in state.skipped:
                if name in BOLD or _bold_style(element):
                    state.bold -= 1
                if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    state.heading.pop()
                if name in BLOCKS and name != "br":
                    state.flush()
                    state.reopen(element)
            if element is not container:
                state.add(element.tail)
    state.flush()


class _Collector:
    def __init__(self, pieces: Pieces, line_offset: int) -> None:
        self.pieces = pieces
        self.line_offset = line_offset
        self.parts: list[str] = []
        self.bold_chars = 0
        self.chars = 0
        self.bold = 0
        self.heading: list[str] = []
        self.element: etree._Element | None = None
        self.block_heading: str | None = None
        self.skipped: set[etree._Element] = set()
        self.stack: list[etree._Element] = []

    def open(self, element: etree._Element, name: str) -> None:
        self.stack.append(element)
        self.element = element

    def reopen(self, element: etree._Element) -> None:
        # After a block ends, text that follows belongs to the block around it.
        if self.stack and self.stack[-1] is element:
            self.stack.pop()
        self.element = self.stack[-1] if self.stack else None

    def add(self, text: str | None) -> None:
        if not text:
            return
        if not self.parts and not text.strip():
            return
        if not self.parts:
            self.block_heading = self.heading[-1] if self.heading else None
        self.parts.append(text)
        visible = sum(1 for c in text if not c.isspace())
        self.chars += visible
        if self.bold:
            self.bold_chars += visible

    def flush(self) -> None:
        raw = "".join(self.parts)
        if raw.strip():
            hint = TITLE if self.block_heading == "h1" else HEADING if self.block_heading or (
                self.chars and self.bold_chars == self.chars) else ""
            self.pieces.add(self._where(), raw, hint)
        self.parts, self.chars, self.bold_chars, self.block_heading = [], 0, 0, None

    def _where(self) -> str:
        element = self.element
        if element is None:
            return "the page"
        line = source_line(element) + self.line_offset
        ident = element.get("id")
        shown = f"<{element.tag} id={ident}>" if ident and len(ident) <= 40 else f"<{element.tag}>"
        return f"{shown} (line {line})" if line else shown


def _hidden(element: etree._Element) -> str | None:
    """How the page hides this element from every reader, or None: a saved page could carry words
    in the act that nobody sees on the portal (and the import would publish them as its text)."""
    if element.get("hidden") is not None:
        return "the hidden attribute"
    style = (element.get("style") or "").replace(" ", "").lower()
    for rule in ("display:none", "visibility:hidden", "visibility:collapse", "content-visibility:hidden"):
        if rule in style:
            return f"style {rule}"
    return None


def _bold_style(element: etree._Element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return "font-weight:bold" in style or "font-weight:700" in style or "font-weight:600" in style


def find_act(document: etree._Element) -> etree._Element | None:
    """The element that holds the act on the portal's pages: its `<article>` (pre-2.0:
    `div.container_gamma.text > article`; 2.0: the article the app renders, the API's
    `text_content`). Of several, the one with the paragraph anchors (`<p id="z1">`)."""
    found = elements(document.xpath("//article"))
    if len(found) > 1:
        anchored = [a for a in found if elements(a.xpath(".//p[starts-with(@id, 'z')]"))]
        found = anchored if anchored else found
    if len(found) > 1:
        raise TextImportError(f"{len(found)} <article> elements, none of them alone the act (no <p id=\"z…\"> anchors "
                              "in just one): cannot tell which holds the text")
    return found[0] if found else None


def elements(found: object) -> list[etree._Element]:
    """The elements an XPath query selected (its result may also be a string, a number or a
    boolean, by the query's own shape: those select nothing)."""
    if not isinstance(found, list):
        return []
    return [item for item in found if isinstance(item, etree._Element)]


def strings(found: object) -> list[str]:
    """The attribute values or texts an XPath query selected (`//link/@href`): lxml's smart strings
    are `str`s."""
    if not isinstance(found, list):
        return []
    return [str(item) for item in found if isinstance(item, str)]


def source_line(element: etree._Element) -> int:
    """The element's line in the parsed markup, 0 where the parser did not record one (lxml-stubs
    leave `sourceline` untyped)."""
    line: object = element.sourceline
    return line if isinstance(line, int) else 0


def visible_text(element: etree._Element) -> str:
    """The words an element shows (scripts and styles left out), for telling a shell from a page."""
    words = []
    walker = etree.iterwalk(element, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        if event in ("comment", "pi"):
            words.append(node.tail or "")
        elif event == "start":
            if isinstance(node.tag, str) and node.tag.lower() in NOT_TEXT:
                walker.skip_subtree()
                continue
            if isinstance(node.tag, str) and node.text:
                words.append(node.text)
        elif node is not element and node.tail:
            words.append(node.tail)
    return " ".join(" ".join(words).split())
