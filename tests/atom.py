"""What makes an Atom 1.0 document valid (RFC 4287), checked on a parsed feed: what a feed reader
relies on. `problems(root)` is empty for a valid feed."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

NS = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# RFC 3339 date-time (RFC 4287 section 3.3): a time and a zone are required.
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _one(element: etree._Element, name: str, where: str, found: list[str]) -> etree._Element | None:
    children = element.findall(f"{NS}{name}")
    if len(children) != 1:
        found.append(f"{where}: {len(children)} atom:{name}, expected exactly one")
        return None
    return children[0]


def _iri(value: str | None) -> bool:
    parts = urlsplit(value or "")
    return bool(parts.scheme and (parts.netloc or parts.path))


def problems(root: etree._Element) -> list[str]:
    found: list[str] = []
    if root.tag != f"{NS}feed":
        return [f"root element {root.tag}, expected atom:feed"]
    feed_author = root.find(f"{NS}author") is not None
    for where, element in [("feed", root)] + [(f"entry {i}", e) for i, e in enumerate(root.findall(f"{NS}entry"))]:
        identifier = _one(element, "id", where, found)
        if identifier is not None and not _iri(identifier.text):
            found.append(f"{where}: atom:id {identifier.text!r} is not an absolute IRI")
        title = _one(element, "title", where, found)
        if title is not None and not (title.text or "").strip():
            found.append(f"{where}: empty atom:title")
        updated = _one(element, "updated", where, found)
        if updated is not None and not DATE_TIME.match(updated.text or ""):
            found.append(f"{where}: atom:updated {updated.text!r} is not an RFC 3339 date-time")
        for author in element.findall(f"{NS}author"):
            if not (author.findtext(f"{NS}name") or "").strip():
                found.append(f"{where}: atom:author without atom:name")
        for link in element.findall(f"{NS}link"):
            if not _iri(link.get("href")):
                found.append(f"{where}: atom:link href {link.get('href')!r} is not an absolute IRI")
        alternates = [(link.get("type"), link.get("hreflang")) for link in element.findall(f"{NS}link")
                      if link.get("rel", "alternate") == "alternate"]
        if len(alternates) != len(set(alternates)):
            found.append(f"{where}: two alternate links of the same type and language")
        if element is root:
            continue
        if element.find(f"{NS}content") is None and not alternates:
            found.append(f"{where}: neither atom:content nor an alternate atom:link")
        if not feed_author and element.find(f"{NS}author") is None:
            found.append(f"{where}: no atom:author, and the feed has none")
    if root.find(f"{NS}link[@rel='self']") is None:
        found.append("feed: no self link (a SHOULD of RFC 4287, which feed validators flag)")
    ids = [e.findtext(f"{NS}id") for e in root.findall(f"{NS}entry")]
    if len(ids) != len(set(ids)):
        found.append("feed: two entries with the same atom:id")
    return found
