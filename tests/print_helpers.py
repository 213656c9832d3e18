"""Shared by the paper tests: PDFs in print media from the session's chromium (conftest `browser`), poppler."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path


def page_file(site_dir: Path, url: str) -> Path:
    """`ru/themes/ownership/` -> the built index.html."""
    return site_dir / url / "index.html"


def print_pdf(browser, path: Path, out: Path, color_scheme: str = "light", tab=None) -> Path:
    """The page as the browser prints it: print media, A4, the stylesheet's @page margins.
    `tab`: a browser page to print in (one for many sheets), else a new one."""
    page = tab or browser.new_page()
    try:
        page.emulate_media(media="print", color_scheme=color_scheme)
        page.goto(path.as_uri(), wait_until="load")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # page.pdf() does not fire it
        page.pdf(path=str(out), format="A4", prefer_css_page_size=True, print_background=True)
    finally:
        if tab is None:
            page.close()
    return out


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_text(pdf: Path) -> str:
    """The PDF's text in poppler's reading order (column by column on bilingual sheets)."""
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return raw


def squeeze(text: str) -> str:
    # Wrapped URLs break at arbitrary points on paper; compare without any whitespace.
    return re.sub(r"\s+", "", text)


class _Grab(HTMLParser):
    """Texts of the elements a test names: canonical link, primary nav labels, search placeholder."""

    def __init__(self):
        super().__init__()
        self.canonical = None
        self.nav_labels: list[str] = []
        self.placeholder = None
        self._in_nav_link = 0
        self._buffer: list[str] = []
        self._navs: list[bool] = []  # open <nav> elements: is each a table of contents?

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        if tag == "input" and "md-search__input" in (a.get("class") or ""):
            self.placeholder = a.get("placeholder")
        if tag == "nav":
            self._navs.append("md-nav--secondary" in (a.get("class") or ""))
        # The table of contents repeats the page's headings, which rightly print.
        if tag == "a" and "md-nav__link" in (a.get("class") or "") and not any(self._navs):
            self._in_nav_link += 1
            self._buffer = []

    def handle_endtag(self, tag):
        if tag == "nav" and self._navs:
            self._navs.pop()
        if tag == "a" and self._in_nav_link:
            self._in_nav_link -= 1
            label = " ".join("".join(self._buffer).split())
            if label:
                self.nav_labels.append(label)

    def handle_data(self, data):
        if self._in_nav_link:
            self._buffer.append(data)


def page_facts(html_file: Path) -> _Grab:
    grab = _Grab()
    grab.feed(html_file.read_text(encoding="utf-8"))
    return grab


def navigation_labels(html_file: Path, printed_text: str) -> set[str]:
    """Labels of the site's navigation that the page's own article does not use as words.

    Taken from the built HTML, so the test follows whatever the nav holds in each language."""
    facts = page_facts(html_file)
    html = html_file.read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", html, re.S)
    article_text = re.sub(r"<[^>]+>", " ", article.group(0)) if article else ""
    labels = {l for l in facts.nav_labels if l not in article_text}
    if facts.placeholder:
        labels.add(facts.placeholder)
    assert len(labels) >= 3, f"{html_file}: too few navigation labels to check: {labels}"
    return labels
