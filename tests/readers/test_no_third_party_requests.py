"""Opening the site makes no request to another host: every request a reader's browser sends,
recorded in chromium, on the home page of each language (Material's repository widget used to ask
api.github.com for stars and forks; fonts and scripts from a CDN would show here too)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES


def _requests_when_opening(browser, url: str) -> list[str]:
    context = browser.new_context()
    seen: list[str] = []

    def route(r):
        seen.append(r.request.url)
        # Nothing leaves the machine, whatever the page asks for: a request elsewhere is recorded, then refused.
        r.continue_() if urlsplit(r.request.url).hostname == "127.0.0.1" else r.abort()

    context.route("**/*", route)
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")  # the widget's fetch starts after load
        page.wait_for_timeout(500)
    finally:
        context.close()
    return seen


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_requests_only_the_sites_own_host(site_url, browser, lang):
    url = site_url + ("" if lang == "kk" else f"{lang}/")
    seen = _requests_when_opening(browser, url)
    assert url in seen and any(u.endswith(".css") for u in seen) and any(u.endswith(".js") for u in seen)
    site = urlsplit(site_url).netloc
    assert [u for u in seen if urlsplit(u).netloc != site] == []


def test_the_repository_link_stays(site_dir):
    # The link to the repository is still in the header; only the script that fetched its counts is gone.
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'class="md-source"' in html and 'href="https://github.com/ata-zan/ata-zan"' in html
    assert 'data-md-component="source"' not in html
