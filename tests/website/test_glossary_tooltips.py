"""Glossary terms on generated pages: which text is linked (hooks/atazan/website/glossary.py), the links in
the real built site, and the tooltips in Debian chromium with a mouse, the keyboard and a tap."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest

from conftest import LANGUAGES

SCREENS = Path("/tmp/screens")
TERM = re.compile(r'<a class="atazan-term" href="([^"#]*)#([\w-]+)" title="([^"]*)">([^<]*)</a>')


def _page(lang, *terms, href="g/"):
    from atazan.website.glossary import Linker, Term, forms_of

    return Linker([Term(tid, forms_of(text), f"definition of {tid}") for tid, text in terms], lang).for_page(href)


def _linked(html: str) -> list[tuple[str, str]]:
    return [(m[2], m[4]) for m in TERM.finditer(html)]


# ---------------------------------------------------------------- what is matched


def test_russian_case_endings_and_first_occurrence_on_the_page_only():
    page = _page("ru", ("kurultai", "Курултай"), ("court", "Конституционный суд"), href="../g/")
    first = page.render("Депутаты Курултая. Курултай снова.", htmllib.escape)
    second = page.render("Решение Конституционного суда; Курултай", htmllib.escape)
    assert _linked(first + second) == [("kurultai", "Курултая"), ("court", "Конституционного суда")]
    assert page.linked == ["kurultai", "court"]
    assert 'href="../g/#kurultai"' in first


def test_kazakh_endings_and_voicing():
    page = _page("kk", ("akim", "Әкім, әкімдік"), ("majilis", "Мәжіліс"))
    out = page.render("Қала әкімдігінің сайты; Мәжілістің депутаттары", htmllib.escape)
    assert _linked(out) == [("akim", "әкімдігінің"), ("majilis", "Мәжілістің")]


def test_english_forms_in_parentheses_and_longest_form_first():
    page = _page("en", ("council", "Khalyk Kenesi (People's Council)"), ("crc", "Central Referendum Commission"),
                 ("referendum", "Referendum"))
    out = page.render("The People's Council and the Central Referendum Commission; a referendum.", htmllib.escape)
    assert _linked(out) == [("council", "People&#x27;s Council"), ("crc", "Central Referendum Commission"),
                            ("referendum", "referendum")]


def test_never_inside_quotation_marks():
    page = _page("ru", ("kurultai", "Курултай"))
    for quoted in ("Статья «Курултай и выборы», газета", "“Курултай”", '"Курултай"'):
        assert page.render(quoted, htmllib.escape) == htmllib.escape(quoted)
    assert _linked(page.render("«Курултай» и Курултай", htmllib.escape)) == [("kurultai", "Курултай")]


def test_text_around_a_term_is_escaped_for_markdown():
    from atazan.website.render import md_inline

    page = _page("en", ("majilis", "Majilis"))
    out = md_inline("See *Majilis* [1] <b>", page)
    assert _linked(out) == [("majilis", "Majilis")]
    assert out.startswith(r"See \*<a ") and out.endswith(r"</a>\* \[1\] &lt;b&gt;")


def test_definitions_are_escaped_in_the_title():
    from atazan.website.glossary import Linker, Term

    import lxml.html

    definition = 'A "chamber" <b>&</b> <img src=x onerror=alert(1)>'
    page = Linker([Term("t", ("Majilis",), definition)], "en").for_page("g/")
    root = lxml.html.fragment_fromstring(page.render("Majilis", htmllib.escape), create_parent="div")
    (link,) = root.iter("a")
    # The title attribute holds the definition as written (the tooltip shows it as text:
    # docs/assets/javascripts/atazan.js); nothing in it became an element or an attribute.
    assert link.get("title") == definition
    assert [e.tag for e in root.iterdescendants()] == ["a"] and set(link.attrib) == {"class", "href", "title"}


# ---------------------------------------------------------------- the built site

SECTIONS = ("provisions", "themes", "news")


def _generated(site_dir: Path, lang: str) -> list[Path]:
    base = site_dir if lang == "kk" else site_dir / lang
    return [p for section in SECTIONS for p in (base / section).rglob("index.html")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_built_pages_link_terms_to_existing_glossary_entries(site_dir, dataset, lang):
    glossary_page = (site_dir / ("" if lang == "kk" else lang) / "glossary/index.html").read_text(encoding="utf-8")
    linked_pages = 0
    for page in _generated(site_dir, lang):
        html = page.read_text(encoding="utf-8")
        found = TERM.findall(html)
        linked_pages += bool(found)
        ids = [tid for _, tid, _, _ in found]
        assert len(ids) == len(set(ids)), f"{page}: a term linked twice"
        for href, tid, title, text in found:
            assert (page.parent / href / "index.html").resolve() == (site_dir / ("" if lang == "kk" else lang) / "glossary/index.html")
            assert f'id="{tid}"' in glossary_page
            assert htmllib.unescape(title) == " ".join(dataset.glossary[tid].definition[lang].text.split())
        # Never inside headings, links or legal quotations.
        for block in re.findall(r"<h[1-6].*?</h[1-6]>|<blockquote.*?</blockquote>", html, re.S):
            assert "atazan-term" not in block, page
    assert linked_pages >= 10, f"only {linked_pages} {lang} pages link a glossary term"


def test_other_pages_are_left_alone(site_dir):
    for rel in ("index.html", "about/index.html", "glossary/index.html", "handouts/land/index.html", "ru/about/index.html"):
        assert "atazan-term" not in (site_dir / rel).read_text(encoding="utf-8"), rel


# ---------------------------------------------------------------- in the browser


def _first_term_page(site_dir: Path, lang: str) -> tuple[str, str]:
    for page in sorted(_generated(site_dir, lang)):
        match = TERM.search(page.read_text(encoding="utf-8"))
        if match:
            return page.parent.relative_to(site_dir).as_posix() + "/", match[2]
    raise AssertionError(f"no term in {lang}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tooltip_with_mouse_and_keyboard(site_dir, site_url, browser, dataset, lang):
    SCREENS.mkdir(parents=True, exist_ok=True)
    path, tid = _first_term_page(site_dir, lang)
    definition = " ".join(dataset.glossary[tid].definition[lang].text.split())
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(site_url + path)
        term = page.locator(f'a.atazan-term[href$="#{tid}"]')
        tooltip = page.locator(".md-tooltip2--active")
        term.scroll_into_view_if_needed()
        term.hover()
        tooltip.wait_for(state="visible")
        assert tooltip.inner_text().strip() == definition
        page.screenshot(path=str(SCREENS / f"term-hover-{lang}.png"))
        page.mouse.move(0, 0)
        tooltip.wait_for(state="detached")
        # Keyboard: Tab until the term has focus; the tooltip shows while it does.
        page.locator("body").focus()
        for _ in range(200):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('atazan-term')"):
                break
        else:
            pytest.fail("Tab never reached a glossary term")
        tooltip.wait_for(state="visible")
        focused_id = page.evaluate("document.activeElement.getAttribute('href')").rsplit("#", 1)[1]
        # Material names the tooltip (aria-describedby) as it draws it for the focus; on a loaded
        # machine an earlier tooltip can still be the visible one when this line is reached.
        page.wait_for_function("() => document.activeElement.getAttribute('aria-describedby')", timeout=5000)
        described = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
        # Material shows the described tooltip a moment after the focus: wait for it (up to 5 s), as a reader would.
        from playwright.sync_api import expect

        shown = page.locator(f'[id="{described}"]')
        expect(shown).to_be_visible(timeout=5000)
        # The tooltip the focused term names, not any active one: a heading's permalink tooltip
        # ("Permanent link to this section") can still be fading out when the term gets focus.
        assert shown.inner_text().strip() == " ".join(dataset.glossary[focused_id].definition[lang].text.split())
        page.screenshot(path=str(SCREENS / f"term-focus-{lang}.png"))
        page.keyboard.press("Escape")
        tooltip.wait_for(state="detached")
        assert page.evaluate("document.activeElement.classList.contains('atazan-term')")  # focus stays
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tap_opens_the_glossary_entry(site_dir, site_url, browser, dataset, lang):
    path, tid = _first_term_page(site_dir, lang)
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(site_url + path)
        term = page.locator(f'a.atazan-term[href$="#{tid}"]')
        term.scroll_into_view_if_needed()
        term.tap()
        page.wait_for_url(re.compile(rf"/glossary/#{tid}$"))
        entry = page.locator(f'[id="{tid}"]')
        assert entry.is_visible()
        assert dataset.glossary[tid].term[lang].text.split(",")[0].split("(")[0].strip() in entry.inner_text()
        page.screenshot(path=str(SCREENS / f"term-tap-{lang}.png"))
    finally:
        context.close()
