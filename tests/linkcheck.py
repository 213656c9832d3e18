"""A link checker over a built site: every relative link of every page must lead to a file (and
its #anchor to an element of that page). `directory_urls=False` checks the offline copy, opened
from file://, where a folder is no page (the browser lists it) and every link must name its file."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse


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


def parse_site(site: Path) -> dict[Path, _Page]:
    parsed = {}
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        parsed[path] = page
    return parsed


def target(site: Path, page: Path, url: str, base_path: str = "/", site_url: str | None = None,
           directory_urls: bool = True) -> tuple[Path | None, str]:
    """The file a site-internal URL leads to (None if external), and its fragment."""
    parts = urlparse(url)
    if site_url and url.startswith(site_url):
        # The site's own full URLs (canonical, hreflang alternates) are checked like relative ones.
        parts = urlparse(base_path.rstrip("/") + "/" + url[len(site_url):])
    elif parts.scheme or url.startswith("//"):
        return None, ""
    if parts.path.startswith("/"):
        # 404.html uses absolute paths under the site URL's path.
        rel = parts.path[len(base_path):] if parts.path.startswith(base_path) else parts.path.lstrip("/")
        resolved = site / unquote(rel)
    else:
        resolved = Path(unquote(urlparse(urljoin(page.as_uri(), parts.path or page.name)).path))
    if resolved.is_dir() and directory_urls:
        resolved = resolved / "index.html"
    return resolved, unquote(parts.fragment)


def broken_links(site: Path, pages: dict[Path, _Page], directory_urls: bool = True, base_path: str = "/",
                 site_url: str | None = None, absolute: bool = True) -> tuple[list[str], int, dict[str, set[str]]]:
    """(every broken link as "page: what url: why", how many internal links were checked, the
    external URLs with the pages that link them). `absolute=False` leaves out links from the site
    root (/…), which a file:// copy never resolves as the server would."""
    broken: list[str] = []
    external: dict[str, set[str]] = {}
    checked = 0
    for page, parsed in pages.items():
        for what, url in parsed.links:
            if url.startswith(("mailto:", "tel:", "javascript:", "data:")) or (not absolute and url.startswith("/")):
                continue
            found, fragment = target(site, page, url, base_path, site_url, directory_urls)
            if found is None:
                external.setdefault(url, set()).add(str(page.relative_to(site)))
                continue
            checked += 1
            where = f"{page.relative_to(site)}: {what} {url}"
            if not found.is_file() or not str(found.resolve()).startswith(str(site.resolve())):
                broken.append(f"{where}: no such file")
            elif fragment and found.suffix == ".html":
                ids = pages[found].ids if found in pages else set()
                if fragment not in ids:
                    broken.append(f"{where}: no element with id '{fragment}'")
    return broken, checked, external
