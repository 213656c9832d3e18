"""The offline copy: built once, unzipped, opened from file:// with every network request aborted."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import linkcheck
import pytest

from conftest import ROOT


pytestmark = pytest.mark.slow  # a fourth full build (the offline configuration), zipped


@pytest.fixture(scope="session")
def offline_root(built_once, project_lock):
    """Build the zip exactly as an organiser would, then unzip it."""
    def build(work) -> None:
        archive = work / "ata-zan-offline.zip"
        with project_lock():  # it builds this checkout, as the site_dir build does
            result = subprocess.run([sys.executable, str(ROOT / "scripts" / "offline_build.py"), "--out", str(archive)],
                                    cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-3000:]
        with zipfile.ZipFile(archive) as z:
            z.extractall(work / "unzipped")

    return built_once("offline", build) / "unzipped" / "ata-zan"


@pytest.fixture
def offline_page(browser, offline_root):
    """A page whose context lets file:// through and aborts, and records, everything else."""
    context = browser.new_context()
    blocked: list[str] = []

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    context.set_offline(True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, blocked, errors
    context.close()


def test_no_page_refers_to_a_cdn_script(offline_root):
    shim = [p for p in offline_root.rglob("*.html") if "unpkg.com" in p.read_text(encoding="utf-8")]
    assert not shim, shim[:3]
    assert (offline_root / "search" / "search_index.js").is_file()


def test_every_link_of_the_offline_copy_leads_to_a_file(offline_root):
    # Opened from file://: a link must name its .html file (a folder shows a directory listing),
    # and its #anchor must be on that page. Links from the site root (/…, only on 404.html, which
    # a file:// reader never gets) are left out.
    pages = linkcheck.parse_site(offline_root)
    broken, checked, _ = linkcheck.broken_links(offline_root, pages, directory_urls=False, absolute=False)
    assert checked > 5000  # every page's links, in kk, ru and en
    assert broken == [], f"{len(broken)} broken:\n" + "\n".join(broken[:40])


def test_offline_copy_navigates_switches_language_and_searches(offline_page, offline_root):
    page, blocked, errors = offline_page
    page.goto((offline_root / "index.html").as_uri(), wait_until="load")
    assert page.locator("html").get_attribute("lang") == "kk"

    # Navigation: follow the first link of the primary nav to another page, from disk.
    target = page.locator(".md-nav--primary .md-nav__link[href$='.html']").nth(1)
    href = target.get_attribute("href")
    with page.expect_navigation():
        target.dispatch_event("click")
    assert page.url.endswith(href.lstrip("./")) and page.url.startswith("file://"), page.url
    assert page.locator("article h1").count() == 1

    # Language switching: the selector's Russian entry leads to the same page in ru/.
    page.goto((offline_root / "index.html").as_uri(), wait_until="load")
    with page.expect_navigation():
        page.locator(".md-select__link[hreflang='ru']").dispatch_event("click")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "/ata-zan/ru/" in page.url

    # Search: the inlined index, the vendored worker shim, a result for a word of this page. Its
    # files load from disk only when the reader opens search (issue 26), as over HTTP.
    word = max(re.findall(r"\w{5,}", page.locator("article h1").inner_text()), key=len)
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url.rsplit("/", 1)[-1].split("?")[0]))
    page.wait_for_timeout(500)
    assert not [name for name in loaded if "search" in name], loaded
    page.locator("label.md-search__icon, label[for='__search']").first.dispatch_event("click")
    page.locator("input.md-search__input").fill(word)
    # Material searches on keyup (and once when search is ready): release a key, as a reader does.
    page.locator("input.md-search__input").press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="attached", timeout=15000)
    assert results.count() >= 1
    assert {name for name in loaded if "search" in name} == {"search_index.ru.js", "atazan-search.bundle.js"}, loaded
    assert not blocked, f"network requests from the offline copy: {blocked[:5]}"
    assert not errors, errors[:3]
