"""zan.gov.kz document JSON saved with `withHtml=true`: the same object as the node list, but
`content` is one HTML string. Its paragraphs are read with the HTML parser and placed as running
text; title, date and registry code come from the object as for the node list."""

from __future__ import annotations

from atazan.importers.text import htmltext, zan_nodes
from atazan.importers.text.pieces import Pieces
from atazan.importers.text.reading import Reading, running_text
from atazan.importers.text.structure import TextImportError

SHAPE = "zan.gov.kz JSON with withHtml=true (content is HTML)"


def read(pages: list[tuple[str, zan_nodes.Page]], lang: str) -> Reading:
    first = zan_nodes.check_pages(pages, lang)
    pieces = Pieces()
    for name, page in pages:
        if not isinstance(page.get("content"), str):
            raise TextImportError(f"{name}: content: expected the HTML string of a withHtml=true page on every page")
        document, _ = htmltext.parse(page["content"])
        body = document.find("body")
        htmltext.paragraphs(body if body is not None else document, pieces)
    reading = running_text(SHAPE, pieces, lang, "zan", zan_nodes.provenance(first, lang))
    reading.listed_articles = zan_nodes.listed_articles(pages)
    return reading
