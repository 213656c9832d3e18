"""Every link in the built site (kk, ru, en) leads somewhere: pages, anchors, language
switcher targets and assets. External links are listed in a report, never fetched."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import linkcheck
import pytest
from conftest import LANGUAGES, ROOT

# One worker parses every page of the site once, for both link tests.
pytestmark = pytest.mark.xdist_group("link-check")

REPORT = ROOT / "build" / "external-links.txt"


def _site_url() -> str:
    # mkdocs.yml uses `!ENV [SITE_URL, "default"]`, which a plain YAML loader rejects.
    match = re.search(r'(?m)^site_url:.*?"?(https?://[^"\s\]]+)', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return match.group(1) if match else "/"


def _site_url_path() -> str:
    return urlparse(_site_url()).path or "/"


@pytest.fixture(scope="module")
def pages(site_dir):
    return linkcheck.parse_site(site_dir)


def _target(site: Path, page: Path, url: str, base_path: str) -> tuple[Path | None, str]:
    return linkcheck.target(site, page, url, base_path, _site_url())


def test_no_broken_links_or_anchors(site_dir, pages):
    broken, checked, external = linkcheck.broken_links(site_dir, pages, base_path=_site_url_path(), site_url=_site_url())
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


def test_offline_link_check_refuses_a_folder(tmp_path):
    # From file:// a folder is a directory listing, not its index page: the 534 links the offline
    # copy had (glossary terms, "read the original") were of that kind.
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "index.html").write_text('<h2 id="kurultai">x</h2>', encoding="utf-8")
    (tmp_path / "glossary.html").write_text('<h2 id="kurultai">x</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text('<a href="glossary/#kurultai">a</a><a href="glossary.html#kurultai">b</a>',
                                         encoding="utf-8")
    pages = linkcheck.parse_site(tmp_path)
    assert linkcheck.broken_links(tmp_path, pages)[0] == []
    broken, checked, _ = linkcheck.broken_links(tmp_path, pages, directory_urls=False)
    assert checked == 2 and broken == ["index.html: a glossary/#kurultai: no such file"]
