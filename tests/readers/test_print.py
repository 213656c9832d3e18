"""Every page on paper: print media in the real chromium, checked in the PDF and the computed styles."""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES
from print_helpers import navigation_labels, page_facts, page_file, pdf_pages, pdf_text, squeeze

PREFIX = {lang: ("" if lang == "kk" else f"{lang}/") for lang in LANGUAGES}
EXTRA_SOURCE = "https://example.org/a-source-added-by-the-test"


def _first(dataset, records: str) -> str:
    ids = sorted(getattr(dataset, records))
    if not ids:
        pytest.skip(f"no {records} in the dataset")
    return ids[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_provision_page_on_paper(browser, site_dir, dataset, tmp_path, lang):
    """URLs of external links printed, internal ones not; page URL in the footer; no navigation;
    collapsed blocks printed open; in light colours even when the reader uses dark mode."""
    pid = _first(dataset, "provisions")
    html_file = page_file(site_dir, f"{PREFIX[lang]}provisions/{pid}/")
    html = html_file.read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", html, re.S).group(0)
    internal = set(re.findall(r'<a [^>]*href="(\.\./[^"#]+)"', article))

    page = browser.new_page()
    try:
        page.emulate_media(media="print", color_scheme="dark")
        page.goto(html_file.as_uri(), wait_until="load")
        # The data may hold no source with a URL yet: add one, so the rule is always exercised.
        page.evaluate("""url => { const a = document.createElement('a'); a.href = url; a.textContent = 'source';
                          document.querySelector('article').append(a); }""", EXTRA_SOURCE)
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        # External links that are on paper at all (buttons and screen-only asides are hidden).
        external = set(page.evaluate("""() => Array.from(document.querySelectorAll('article a[href^="http"]'))
                                          .filter(a => a.checkVisibility()).map(a => a.getAttribute('href'))"""))
        styles = page.evaluate("""() => ({
            body: getComputedStyle(document.body).backgroundColor,
            text: getComputedStyle(document.querySelector('.md-typeset')).color,
            header: getComputedStyle(document.querySelector('.md-header')).display,
            button: document.querySelector('.atazan-print-button') && getComputedStyle(document.querySelector('.atazan-print-button')).display,
            closed: document.querySelectorAll('details:not([open])').length,
        })""")
        pdf = tmp_path / f"{lang}.pdf"
        page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    text = pdf_text(pdf)
    flat = squeeze(text)

    assert styles["body"] == "rgb(255, 255, 255)", styles
    assert styles["text"].startswith("rgba(0, 0, 0") or styles["text"] == "rgb(0, 0, 0)", styles
    assert styles["header"] == "none" and styles["button"] == "none" and styles["closed"] == 0, styles
    assert EXTRA_SOURCE in external
    for url in external:
        assert squeeze(url) in flat, f"{lang}: external URL not printed: {url}"
    for href in internal:
        assert href not in text, f"{lang}: internal link printed: {href}"
    # The paper footer: the page's own address on every sheet, with its language.
    assert flat.count(squeeze(page_facts(html_file).canonical)) == pdf_pages(pdf) >= 1
    leaked = [label for label in navigation_labels(html_file, text) if label in text]
    assert not leaked, f"{lang}: navigation on paper: {leaked}"
    # Texts behind a collapsed block (Ata Zan's own translations) are on paper too.
    for version in dataset.provisions[pid].versions:
        own = version.translations.get(lang)
        if own and version.text_language != lang:
            assert squeeze(own.text)[:40] in flat, f"{lang}: collapsed translation not printed"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_button_on_theme_and_provision_pages_only(browser, site_dir, dataset, lang):
    tid = _first(dataset, "themes")
    pid = _first(dataset, "provisions")
    page = browser.new_page()
    try:
        for url, expected in [(f"{PREFIX[lang]}themes/{tid}/", 1), (f"{PREFIX[lang]}provisions/{pid}/", 1),
                              (f"{PREFIX[lang]}themes/", 0), (PREFIX[lang], 0)]:
            page.emulate_media(media="screen")
            page.goto(page_file(site_dir, url).as_uri(), wait_until="load")
            buttons = page.locator(".atazan-print-button")
            assert buttons.count() == expected, url
            if expected:
                assert buttons.first.is_visible(), url
                page.emulate_media(media="print")
                assert not buttons.first.is_visible(), url
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_the_print_stylesheet(site_dir, lang):
    pages = [p for p in (site_dir / PREFIX[lang].rstrip("/")).rglob("index.html")
             if lang != "kk" or not any(part in ("ru", "en") for part in p.relative_to(site_dir).parts)]
    assert pages
    missing = [str(p) for p in pages if "assets/print.css" not in p.read_text(encoding="utf-8")]
    assert not missing, missing[:5]
