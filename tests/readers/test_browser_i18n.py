"""The language selector in a real browser: a reader on a provision page lands on the same
provision in the language they pick. Screenshots go to /tmp/screens/ for a person to look at."""

from __future__ import annotations

from pathlib import Path

SCREENS = Path("/tmp/screens")
PROVISION = "provisions/ownership/"


def _switch(page, lang: str) -> None:
    # As a reader does it: open the language menu in the header, then pick the language.
    page.locator(".md-header .md-select").hover()
    link = page.locator(f'.md-header .md-select a[hreflang="{lang}"]')
    link.wait_for(state="visible")
    link.click()
    page.wait_for_load_state()


def test_language_selector_keeps_the_provision(site_url, browser):
    SCREENS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(site_url + PROVISION)
        assert page.locator("html").get_attribute("lang") == "kk"
        kk_title = page.locator("h1").inner_text()
        page.screenshot(path=str(SCREENS / "provision-kk.png"), full_page=False)
        seen = {"kk": kk_title}
        for lang in ("ru", "en"):
            _switch(page, lang)
            assert page.url == f"{site_url}{lang}/{PROVISION}"
            assert page.locator("html").get_attribute("lang") == lang
            seen[lang] = page.locator("h1").inner_text()
            page.screenshot(path=str(SCREENS / f"provision-{lang}.png"), full_page=False)
        # Back to kk from en: the same provision again, not the home page.
        _switch(page, "kk")
        assert page.url == site_url + PROVISION
        assert len(set(seen.values())) == 3  # three languages, three different titles
    finally:
        page.close()
