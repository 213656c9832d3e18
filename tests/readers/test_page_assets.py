"""What each page loads of the reader's-path assets (issue 26: every page's first load counts).
assets/atazan-reader.css and assets/javascripts/atazan-reader.js go only to the pages that use
them (PageKind.reader_assets, partials/atazan/reader.html); while the site holds no text, every
page takes the script, whose search note then points to the official portal."""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES, nonempty

PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
CSS = "assets/atazan-reader.css"
JS = "assets/javascripts/atazan-reader.js"


def _loads(page) -> tuple[bool, bool]:
    html = page.read_text(encoding="utf-8")
    return (re.search(r'<link rel="stylesheet" href="[^"]*' + re.escape(CSS) + '"', html) is not None,
            re.search(r'<script src="[^"]*' + re.escape(JS) + '"', html) is not None)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_with_the_text_held_only_the_pages_that_use_them_load_them(rehearsal_site, lang):
    root = rehearsal_site / PREFIX[lang]
    # (styles, script) each page kind needs: the launcher's and the comparison's styles, the filter
    # of what changed, the jump of the article index.
    wanted = {"index.html": (True, False), "articles/15/index.html": (True, False),
              "articles/index.html": (True, True), "changes/index.html": (True, True)}
    sections = sorted(root.glob("changes/*--*/section-*/index.html"))
    wanted |= {str(p.relative_to(root)): (True, False) for p in nonempty(sections[:2], "section sheets")}
    for path, loads in nonempty(wanted.items(), "pages"):
        assert _loads(root / path) == loads, path
    assert _loads(rehearsal_site / "404.html") == (True, True)  # its message for a link to an article
    plain = [p for p in ("themes", "news", "provisions", "glossary", "factchecks", "handouts")
             for p in sorted((root / p).glob("**/index.html"))[:3]]
    for page in nonempty(plain, "pages of other kinds"):
        assert _loads(page) == (False, False), page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_the_text_every_page_loads_the_search_note(site_dir, lang):
    pages = sorted((site_dir / PREFIX[lang]).glob("*/**/index.html"))[:40]
    for page in nonempty(pages, "pages"):
        assert _loads(page) == (True, True), page
        assert 'id="atazan-text-hint"' in page.read_text(encoding="utf-8"), page
