"""Finds English a Kazakh or Russian reader would see on a built page, outside any element marked
lang="en" (tests/language/test_reader_language.py). Run as a script to list the findings of a built site:

    python3 tests/english_prose.py SITE_DIR
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# Three Latin-script words in a row, in visible text, is English (or another Latin-script
# language) prose; one or two are usually a name (gov.kz, Ata Zan, e-Otinish).
PROSE = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[\s,;:.]+[A-Za-z][A-Za-z'’-]*){2,}")
# Interface text in attributes a reader sees or hears (tooltips, screen readers, form hints) is
# short, so one English word there is already English interface: "Permanent link", "Dark".
ATTRIBUTE_WORD = re.compile(r"[A-Za-z]{3,}")
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# Names that are Latin-script in every language, each with why. Keep this short: it is an
# exemption from the test, not a list of known failures.
ALLOWED = (
    "Ata Zan",  # the site's own Latin-script name, as the repository and footer spell it
    "Material for MkDocs",  # the tool's name, in the page footer's credit
    "Atom",  # the feed format's name
    "GitHub",  # the service's name on edit links
    "QR",  # the code's name on handouts
    "JSON",  # the format's name on the open-data page
    "YAML",  # the format's name in the contributing guide
    "eGov",  # the government portal's name, in the glossary's definition of e-Otinish
)
# Elements whose text is not prose: program text, and what the browser does not show.
SKIPPED = {"code", "pre", "kbd", "samp", "script", "style", "template", "svg", "math", "noscript"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Addresses, site and file names (gov.kz, trend.az, data/news/x.yml) and e-mail addresses.
URLISH = re.compile(r"\S+://\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,5}\b\S*|\S+@\S+")
# A few English words quoted inside Kazakh or Russian prose are a mention, not English prose: a
# note quoting the English source's wording («exclusion from asylum») says something about it.
# At most six words, so that a quoted headline or sentence («Kazakhstan to hold constitutional
# referendum in March») still counts as English.
QUOTED = re.compile(r"[«“\"]\s*[^«»“”\"\s]+(?:\s+[^«»“”\"\s]+){0,5}\s*[»”\"]")


# Roman numerals number the sections in every language ("Раздел VIII", "VIII бөлім"): not English.
ROMAN_NUMERAL = re.compile(r"\b[IVXLC]+\b")


def _strip(text: str) -> str:
    text = URLISH.sub(" ", text)
    text = ROMAN_NUMERAL.sub(" ", text)
    text = QUOTED.sub(" ", text)
    for name in ALLOWED:
        text = text.replace(name, " ")
    return text


def english_in_tree(root) -> list[str]:
    """English text runs and English interface attributes outside lang="en", in page order, in a
    page already parsed with lxml.html (the page-sanity scan parses each page once)."""
    found: list[str] = []
    body = root.find("body") if root.tag == "html" else root
    _walk(body if body is not None else root, False, False, found)
    return found


def _walk(element, english: bool, skipped: bool, found: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    lang = element.get("lang") if tag else None
    english = english if lang is None else lang.lower().startswith("en")
    skipped = skipped or not tag or tag in SKIPPED or element.get("hidden") is not None \
        or element.get("aria-hidden") == "true"
    if tag and not english and not skipped:
        for name in SHOWN_ATTRIBUTES:
            value = element.get(name)
            if value is not None and ATTRIBUTE_WORD.search(_strip(value)):
                found.append(f"<{tag} {name}={value!r}>")
    if tag and not english and not skipped and element.text:
        _prose(element.text, found)
    for child in element:
        _walk(child, english, skipped, found)
        # A child's tail is its parent's text again.
        if child.tail and not english and not skipped:
            _prose(child.tail, found)


def _prose(text: str, found: list[str]) -> None:
    for match in PROSE.finditer(_strip(text)):
        found.append(match.group(0).strip())


def english_prose(html: str) -> list[str]:
    """English text runs and English interface attributes outside lang="en", in page order."""
    import lxml.html

    return english_in_tree(lxml.html.document_fromstring(html)) if html.strip() else []


def reader_pages(site_dir: Path, lang: str) -> list[Path]:
    """Every built HTML page of a language section (kk at the root, ru under ru/)."""
    root = site_dir if lang == "kk" else site_dir / lang
    others = {"ru", "en", "assets", "search", "feeds", "api"} - ({lang} if lang != "kk" else set())
    pages = []
    for page in sorted(root.rglob("*.html")):
        parts = page.relative_to(root).parts
        if lang == "kk" and parts[0] in others:
            continue
        if lang != "kk" and parts[0] in ("assets", "search"):
            continue
        pages.append(page)
    return pages


if __name__ == "__main__":
    site = Path(sys.argv[1])
    total = 0
    for lang in ("kk", "ru"):
        bad = 0
        pages = reader_pages(site, lang)
        for page in pages:
            found = english_prose(page.read_text(encoding="utf-8"))
            if found:
                bad += 1
                print(f"{page.relative_to(site)}: {len(found)}: " + " | ".join(found[:6])[:400])
        print(f"== {lang}: {bad} of {len(pages)} pages show English")
