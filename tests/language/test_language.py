"""Language switcher, hreflang alternates, sitemap alternates, 404 pages and the missing-page notice,
checked on the real built site (site_dir) and in Debian chromium (screenshots in /tmp/screens)."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import LANGUAGES, ROOT, nonempty

SITE_URL = "https://ata-zan.github.io/ata-zan/"  # mkdocs.yml's default site_url, used by the build
SCREENS = Path("/tmp/screens")
STRINGS = yaml.safe_load((ROOT / "overrides/atazan/strings.yml").read_text(encoding="utf-8"))


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.alternates, self.switcher, self.canonical = None, {}, {}, None
        self.notices, self._in_select = [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            assert a["hreflang"] not in self.alternates, f"two alternates for {a['hreflang']}"
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a["href"]
        elif tag == "a" and "md-select__link" in (a.get("class") or ""):
            self.switcher[a["hreflang"]] = a["href"]
        elif tag == "aside" and "atazan-missing" in (a.get("class") or ""):
            self.notices.append(a)


@functools.lru_cache(maxsize=None)  # the built site is read-only; each test walks every page and its targets
def _parse(path: Path) -> _Head:
    head = _Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def _pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("index.html") if not p.relative_to(site_dir).parts[0] in ("assets", "search"))


def _section(site_dir: Path, page: Path) -> tuple[str, str]:
    """(language section, page path without the language folder) of a built page."""
    rel = page.parent.relative_to(site_dir).as_posix()
    head, _, rest = rel.partition("/")
    if head in LANGUAGES[1:]:
        return head, rest
    return LANGUAGES[0], "" if rel == "." else rel


def _target(site_dir: Path, page: Path, href: str) -> Path:
    """The file a relative or site-absolute link on `page` opens."""
    url = urljoin(SITE_URL + page.parent.relative_to(site_dir).as_posix() + "/", href)
    assert url.startswith(SITE_URL), f"{page}: {href} leaves the site"
    rel = urlsplit(url).path[len(urlsplit(SITE_URL).path):]
    file = site_dir / rel / "index.html" if rel.endswith("/") or not rel else site_dir / rel
    assert file.is_file(), f"{page.relative_to(site_dir)}: {href} -> {rel} does not exist"
    return file


def test_every_page_has_alternates_for_every_language_that_resolve(site_dir):
    pages = _pages(site_dir)
    assert len(pages) > 200
    for page in pages:
        head = _parse(page)
        assert set(head.alternates) == {*LANGUAGES, "x-default"}, page
        # Full URLs: search engines ignore relative hreflang alternates.
        assert all(href.startswith(SITE_URL) for href in head.alternates.values()), (page, head.alternates)
        for lang in LANGUAGES:
            target = _target(site_dir, page, head.alternates[lang])
            assert _parse(target).lang == lang, f"{page}: hreflang={lang} -> {target}"
        _target(site_dir, page, head.alternates["x-default"])


def test_switcher_links_to_the_counterpart_never_a_home_page(site_dir):
    bilingual = re.compile(r"^handouts/(?P<theme>[\w-]+)-kk-ru$")
    for page in nonempty(_pages(site_dir)):
        lang, path = _section(site_dir, page)
        head = _parse(page)
        # The selector stays relative (it must work offline and from file://) and opens the same pages.
        assert {k: _target(site_dir, page, head.switcher[k]) for k in LANGUAGES} == {
            k: _target(site_dir, page, head.alternates[k]) for k in LANGUAGES}, page
        assert not any("://" in href for href in head.switcher.values()), page
        for other in LANGUAGES:
            target_lang, target_path = _section(site_dir, _target(site_dir, page, head.switcher[other]))
            assert target_lang == other
            match = bilingual.match(path)
            if match and other not in ("kk", "ru"):
                # A kk-ru handout has no English copy: the English handout of the same theme.
                assert target_path == f"handouts/{match['theme']}", page
            else:
                assert target_path == path, f"{page}: {other} -> {target_path}"


def test_counterparts_point_back(site_dir):
    # hreflang clusters must be reciprocal: the ru page's kk alternate is the kk page, and so on.
    checked = 0
    for page in _pages(site_dir):
        head = _parse(page)
        lang = _section(site_dir, page)[0]
        for other in LANGUAGES:
            target = _target(site_dir, page, head.alternates[other])
            if "handouts/" in page.as_posix() and "-kk-ru" in page.as_posix() and other == "en":
                continue  # the English handout's own counterparts are the kk and ru handouts
            back = _target(site_dir, target, _parse(target).alternates[lang])
            assert back == page, f"{page} -> {target} -> {back}"
            checked += 1
    assert checked > 600


def test_missing_page_notice_only_where_the_page_is_missing(site_dir):
    # docs/en/performance.md exists only in English: kk and ru show it with one notice each.
    with_notice = {p.relative_to(site_dir).as_posix() for p in _pages(site_dir) if _parse(p).notices}
    assert with_notice == {"performance/index.html", "ru/performance/index.html"}
    english = site_dir / "en/performance/index.html"
    for rel, lang in (("performance/index.html", "kk"), ("ru/performance/index.html", "ru")):
        page = site_dir / rel
        head = _parse(page)
        assert head.lang == lang and len(head.notices) == 1
        html = page.read_text(encoding="utf-8")
        notice = re.search(r'<aside class="admonition info atazan-missing".*?</aside>', html, re.S).group(0)
        expected = STRINGS["missing.notice"][lang].format(missing=STRINGS["lang_in.kk" if lang == "kk" else "lang_in.ru"][lang],
                                                          shown=STRINGS["lang_in.en"][lang])
        assert expected in notice
        link = re.search(r'<a href="([^"]+)" hreflang="en"', notice).group(1)
        assert _target(site_dir, page, link) == english
        assert head.switcher["en"] and _target(site_dir, page, head.switcher["en"]) == english
        assert head.canonical == SITE_URL + "en/performance/"
        # The English text says it is English, inside a page whose <html lang> is kk or ru.
        article = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S).group(1)
        assert "<h1" in article.split('<div lang="en">', 1)[1]
        # The notice itself is in the reader's language: no lang="en" on its link text.
        assert ' lang="en"' not in notice
        # The English page's switcher reaches these stand-ins, not the kk/ru home pages.
        assert _target(site_dir, english, _parse(english).switcher[lang]) == page
    assert not _parse(english).notices


def test_sitemap_alternates_resolve(site_dir):
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    urls = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    assert len(urls) > 200
    with_alternates = 0
    for block in urls:
        links = re.findall(r'<xhtml:link rel="alternate" hreflang="(\w+)" href="([^"]+)"/>', block)
        with_alternates += len(links) == 3
        for lang, href in links:
            file = _target(site_dir, site_dir / "index.html", href)
            assert _parse(file).lang == lang, href
    assert with_alternates > 200


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_page_per_language(site_dir, lang):
    prefix = "" if lang == "kk" else f"{lang}/"
    page = site_dir / prefix / "404.html"
    html = page.read_text(encoding="utf-8")
    assert _parse(page).lang == lang
    assert f"<h1>{STRINGS['notfound.title'][lang]}</h1>" in html
    home = "/ata-zan/" + prefix
    assert f'href="{home}">{STRINGS["notfound.home"][lang]}</a>' in html
    assert f'href="{home}?q=">{STRINGS["notfound.search"][lang]}</a>' in html
    # Its language selector offers each language's home, not the last built page.
    assert set(_parse(page).switcher.values()) == {"/ata-zan/", "/ata-zan/ru/", "/ata-zan/en/"}


# ---------------------------------------------------------------- in the browser, as on GitHub Pages

@pytest.fixture(scope="module")
def pages_url(site_dir):
    """The site at /ata-zan/ (its site_url path) with /ata-zan/404.html for every miss, as GitHub Pages does."""
    root = site_dir

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            path = urlsplit(path).path
            if not path.startswith("/ata-zan/"):
                return str(root / "__missing__")
            return super().translate_path("/" + path[len("/ata-zan/"):])

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (root / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/ata-zan/"
    server.shutdown()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_miss_shows_the_404_page_of_its_language(pages_url, browser, lang):
    SCREENS.mkdir(parents=True, exist_ok=True)
    prefix = "" if lang == "kk" else f"{lang}/"
    page = browser.new_page()
    try:
        page.goto(f"{pages_url}{prefix}provisions/no-such-article/")
        if prefix:  # the host served the kk /404.html; its script sends the reader on
            page.wait_for_url(f"{pages_url}{prefix}404.html#*")
        page.wait_for_function("() => document.querySelector('.atazan-notfound-search') !== null")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").inner_text() == STRINGS["notfound.title"][lang]
        search = page.locator(".atazan-notfound-search")
        assert search.get_attribute("href").endswith("?q=provisions%20no%20such%20article")
        page.screenshot(path=str(SCREENS / f"404-{lang}.png"))
        search.click()
        page.wait_for_load_state()
        # Material opens its search with the words of the missing address.
        assert page.locator("input.md-search__input").input_value() == "provisions no such article"
        assert page.url.startswith(pages_url + prefix)
    finally:
        page.close()


def test_no_sitemap_requests_beside_page_alternates_or_the_feed(pages_url, browser):
    # Material requests sitemap.xml beside every <link rel="alternate">; only the site's own may go out.
    page = browser.new_page()
    requests, failures = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("response", lambda r: failures.append(r.url) if r.status >= 400 else None)
    try:
        for path in ("", "ru/provisions/ownership/", "en/performance/", "ru/performance/"):
            page.goto(pages_url + path)
            page.wait_for_load_state("networkidle")
        sitemaps = {url for url in requests if url.endswith("sitemap.xml")}
        assert sitemaps <= {pages_url + "sitemap.xml"}, sitemaps
        assert not failures, failures
    finally:
        page.close()


@pytest.mark.parametrize("lang", ("kk", "ru"))
def test_switching_from_the_english_only_page(pages_url, browser, lang):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(pages_url + "en/performance/")
        page.locator(".md-header .md-select").hover()
        page.locator(f'.md-header .md-select a[hreflang="{lang}"]').click()
        page.wait_for_load_state()
        assert page.url == pages_url + ("" if lang == "kk" else f"{lang}/") + "performance/"
        notice = page.locator(".atazan-missing")
        assert notice.count() == 1 and notice.is_visible()
        page.screenshot(path=str(SCREENS / f"missing-{lang}.png"))
        notice.locator("a").click()
        page.wait_for_load_state()
        assert page.url == pages_url + "en/performance/"
    finally:
        page.close()
