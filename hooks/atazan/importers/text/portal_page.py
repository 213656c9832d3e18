"""A page of the portal saved from the browser.

- The pre-2.0 adilet page (`div.container_gamma.text > article`, anchors `<p id="zN">`) and the
  2.0 page saved complete ("Webpage, Complete", after the text showed): the act is the page's
  `<article>`, read with the HTML parser as running text. The page's address (the browser's
  "saved from url" mark, `<link rel="canonical">`, `og:url`) gives the URL and the registry code.
- The 2.0 app shell (`<div id="root">` and scripts, no `<article>`): what the browser saves when
  asked for the page's HTML only. It holds no text of the act: refused with what to save instead.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from atazan.dataset.schema import URL_PATTERN
from atazan.importers.text import htmltext
from atazan.importers.text.pieces import Pieces
from atazan.importers.text.reading import Reading, running_text
from atazan.importers.text.structure import ShapeRefusal, TextImportError

SHAPE = "a portal page saved from the browser"
SHELL = "an Әділет 2.0 page shell (<div id=\"root\">, no text)"
SAVE_INSTEAD = ("save the page with the browser's \"Save page as… / Webpage, Complete\" once the text shows, or "
                "save the API JSON (/api/documents/by-ngr/<code>?language=rus|kaz) from the browser (README)")
# The registry code in the portal's addresses: /rus/docs/K950001000_ or /kaz/docs/K2600000000
_REGISTRY_IN_URL = re.compile(r"/docs/([A-Z][A-Z0-9_]{4,20})(?:[/?#]|$)")


def read(markup: str | bytes, lang: str) -> Reading:
    document, _ = htmltext.parse(markup)
    act = htmltext.find_act(document)
    if act is None or not htmltext.visible_text(act):
        roots = htmltext.elements(document.xpath("//*[@id='root']"))
        if roots and len(htmltext.visible_text(roots[0])) < 40:
            raise ShapeRefusal(f"{SHELL}: this file holds no text of the act; {SAVE_INSTEAD}")
        raise ShapeRefusal(f"{SHAPE}, but without the act's <article>: cannot tell where its text is; {SAVE_INSTEAD}")
    pieces = Pieces()
    htmltext.paragraphs(act, pieces)
    about, system = _address(document, markup)
    return running_text(SHAPE, pieces, lang, system, about)


def _address(document: etree._Element, markup: str | bytes) -> tuple[dict[str, str], str | None]:
    """The page's own address, as the browser or the page recorded it."""
    candidates = htmltext.strings(document.xpath("//link[@rel='canonical']/@href")) + \
        htmltext.strings(document.xpath("//meta[@property='og:url']/@content"))
    # Chrome and Edge mark a saved page with a comment: <!-- saved from url=(0046)https://… -->
    for comment in [*htmltext.elements(document.xpath("//comment()")),
                    *document.getroottree().getroot().itersiblings(preceding=True)]:
        text = getattr(comment, "text", None) or ""
        found = re.match(r"\s*saved from url=\(\d+\)(\S+)", text)
        if found:
            candidates.insert(0, found[1])
    for url in candidates:
        url = url.strip()
        if not re.match(URL_PATTERN, url):
            continue
        host = (urlsplit(url).hostname or "").lower()
        system = "adilet" if host.endswith("adilet.zan.kz") else "zan" if host.endswith("zan.gov.kz") else None
        about = {"url": url}
        registry = _REGISTRY_IN_URL.search(urlsplit(url).path + "/")
        if registry and system:
            about["registry"] = registry[1]
        return about, system
    return {}, None
