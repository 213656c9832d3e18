"""Every link in the built site (kk, ru, en) leads somewhere: pages, anchors, language
switcher targets and assets. External links are listed in a report, never fetched."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from conftest import LANGUAGES, ROOT

# One worker parses every page of the site once, for both link tests.
pytestmark = pytest.mark.xdist_group("link-check")

REPORT = ROOT / "build" / "external-links.txt"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (what, url)
        self.ids: set[str] = set()
        self.switcher: list[tuple[str, str]] = []  # (hreflang, href) of the language selector
        self.lang: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "a" and a.get("href"):
            self.links.append(("a", a["href"]))
            if "md-select__link" in (a.get("class") or "").split():
                self.switcher.append((a.get("hreflang"), a["href"]))
        elif tag == "link" and a.get("href"):
            self.links.append((f"link[{a.get('rel')}]", a["href"]))
        elif tag in ("script", "img", "iframe", "source") and a.get("src"):
            self.links.append((tag, a["src"]))


def _site_url() -> str:
    # mkdocs.yml uses `!ENV [SITE_URL, "default"]`, which a plain YAML loader rejects.
    match = re.search(r'(?m)^site_url:.*?"?(https?://[^"\s\]]+)', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return match.group(1) if match else "/"


def _site_url_path() -> str:
    return urlparse(_site_url()).path or "/"


@pytest.fixture(scope="module")
def pages(site_dir):
    parsed = {}
    for path in sorted(site_dir.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[path] = page
    return parsed


def _target(site: Path, page: Path, url: str, base_path: str) -> tuple[Path | None, str]:
    """The file a site-internal URL leads to (None if external), and its fragment."""
    parts = urlparse(url)
    if url.startswith(_site_url()):
        # The site's own full URLs (canonical, hreflang alternates) are checked like relative ones.
        parts = urlparse(base_path.rstrip("/") + "/" + url[len(_site_url()):])
    elif parts.scheme or url.startswith("//"):
        return None, ""
    if parts.path.startswith("/"):
        # 404.html uses absolute paths under the site URL's path.
        rel = parts.path[len(base_path):] if parts.path.startswith(base_path) else parts.path.lstrip("/")
        resolved = site / unquote(rel)
    else:
        resolved = Path(unquote(urlparse(urljoin(page.as_uri(), parts.path or page.name)).path))
    if resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved, unquote(parts.fragment)


def test_no_broken_links_or_anchors(site_dir, pages):
    base_path = _site_url_path()
    broken, external = [], defaultdict(set)
    checked = 0
    for page, parsed in pages.items():
        for what, url in parsed.links:
            if url.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            target, fragment = _target(site_dir, page, url, base_path)
            if target is None:
                external[url].add(str(page.relative_to(site_dir)))
                continue
            checked += 1
            where = f"{page.relative_to(site_dir)}: {what} {url}"
            if not target.is_file() or not str(target.resolve()).startswith(str(site_dir.resolve())):
                broken.append(f"{where}: no such file")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else set()
                if fragment not in ids:
                    broken.append(f"{where}: no element with id '{fragment}'")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("".join(f"{url}\t{len(found)} page(s), e.g. {sorted(found)[0]}\n" for url, found in sorted(external.items())),
                      encoding="utf-8")
    assert checked > 100
    assert broken == [], "\n".join(broken[:50])


def test_language_switcher_on_every_page(site_dir, pages):
    # Each page offers all three languages, and each target is the same page in that language.
    problems = []
    for page, parsed in pages.items():
        rel = page.relative_to(site_dir)
        if rel.name == "404.html" or rel.parts[0] in ("assets", "search"):
            continue
        own = rel.parts[0] if rel.parts[0] in LANGUAGES[1:] else LANGUAGES[0]
        if parsed.lang != own:
            problems.append(f"{rel}: <html lang={parsed.lang!r}>, expected {own!r}")
        langs = [lang for lang, _ in parsed.switcher]
        if sorted(langs) != sorted(LANGUAGES):
            problems.append(f"{rel}: switcher offers {langs}")
            continue
        for lang, href in parsed.switcher:
            target, _ = _target(site_dir, page, href, _site_url_path())
            if target is None or not target.is_file():
                problems.append(f"{rel}: switcher link to {lang} ({href}) is broken")
            elif target in pages and pages[target].lang != lang:
                problems.append(f"{rel}: switcher link to {lang} leads to a {pages[target].lang} page")
    assert problems == [], "\n".join(problems[:50])


def test_link_check_catches_a_broken_link(tmp_path):
    # The checker must be able to fail: a page with a missing target and a missing anchor.
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>', encoding="utf-8")
    page = tmp_path / "index.html"
    target, fragment = _target(tmp_path, page, "a/#nowhere", "/")
    assert target == tmp_path / "a" / "index.html" and fragment == "nowhere"
    missing, _ = _target(tmp_path, page, "b/", "/")
    assert not missing.is_file()
    assert _target(tmp_path, page, "https://example.org/", "/") == (None, "")
