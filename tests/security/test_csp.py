"""The Content-Security-Policy (overrides/partials/atazan/head-csp.html, hooks/atazan/website/csp.py):
defence in depth under the escaping.

- every page of the real site carries it before its first script; it allows Material's inline
  scripts by hash and nothing else inline, and those hashes are of Material's own partials;
- in chromium, a page with live markup written on purpose (tests/security/test_hostile_data.py
  builds it into the hostile site) runs nothing under the policy, while the same page without the
  policy does run it: the policy is what stops it;
- the site keeps working under it, with no violation reported: search, glossary tooltips, the
  palette toggle, the language switch, the Print button, handouts (QR), and the offline copy's
  search from file:// (the 404 page: tests/language/test_language.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_hostile_data import hostile_project, hostile_site, hostile_url  # noqa: E402,F401 (fixtures)
from readers.test_offline import offline_root  # noqa: E402,F401 (fixture)

def _shape(script: str) -> str:
    """A script without the values a page fills in (Material's base URL, as new URL("…"))."""
    return re.sub(r"\{\{[^}]*\}\}", "", re.sub(r'new URL\("[^"]*"', 'new URL(""', script))


def material_scripts() -> set[str]:
    """The inline scripts of Material's partials/javascripts/*.html, as shapes."""
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
    return {_shape(body) for path in folder.glob("*.html")
            for body in re.findall(r"<script>(.*?)</script>", path.read_text(encoding="utf-8"), re.DOTALL)}

# Collects what the policy refused, before any script of the page runs.
RECORD_VIOLATIONS = """
  self.cspViolations = [];
  document.addEventListener('securitypolicyviolation', e =>
    self.cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));
"""


def _policy(html_path: Path) -> tuple[str, int, int]:
    """(policy, position of its <meta>, position of the first <script>) in a built page."""
    text = html_path.read_text(encoding="utf-8")
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
    assert match, html_path
    return match.group(1), match.start(), text.find("<script")


def test_every_page_carries_the_policy_before_any_script(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 200
    policies = set()
    for path in pages:
        policy, at, first_script = _policy(path)
        assert 0 < at < first_script, path
        policies.add(re.sub(r"'sha256-[^']+'", "HASH", policy))
    (policy,) = policies  # one policy; only Material's per-page script (its base URL) changes the hashes
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"].startswith("'self' HASH")
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in directives["script-src"]
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert "http" not in policy  # no other host, not even a CDN


def test_inline_scripts_are_materials_and_each_is_allowed_by_its_hash(site_dir):
    from atazan.website import csp

    known = material_scripts()
    assert len(known) >= 5
    checked = 0
    for path in sorted(site_dir.rglob("*.html"))[::5]:
        root = lxml.html.document_fromstring(path.read_bytes())
        policy, _, _ = _policy(path)
        for script in root.iter("script"):
            if script.get("src") or script.get("type") == "application/json":
                continue
            body = script.text or ""
            assert _shape(body) in known, f"{path}: an inline script that is not Material's: {body[:80]}"
            assert csp.script_hash(body) in policy, f"{path}: an inline script the policy does not allow: {body[:80]}"
            checked += 1
        handlers = [e.tag for e in root.iter() if isinstance(e.tag, str) and any(a.lower().startswith("on") for a in e.attrib)]
        assert handlers == [], path
    assert checked > 40


def test_policy_hashes_only_the_scripts_it_is_given():
    from atazan.website import csp

    policy = csp.policy('<script>var a=1</script>\n<script>var b=2</script><script src="x.js"></script>')
    assert csp.script_hash("var a=1") in policy and csp.script_hash("var b=2") in policy
    assert policy.count("'sha256-") == 2
    # The known hash of an empty script, computed by hand (sha256 of nothing, base64).
    assert csp.script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def test_deliberately_unescaped_markup_runs_nothing_under_the_policy(hostile_site, hostile_url, browser):
    url = hostile_url + "en/csp-probe/"
    assert "onerror=\"self.atazanRan=101\"" in (hostile_site / "en" / "csp-probe" / "index.html").read_text(encoding="utf-8")
    ran = {}
    for bypass in (False, True):
        context = browser.new_context(bypass_csp=bypass)
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("load")
        page.locator("#probe-hover").hover()
        page.locator("#probe-link").click()
        page.wait_for_timeout(300)
        ran[bypass] = (page.evaluate("self.atazanRan || null"), page.evaluate("self.cspViolations"))
        context.close()
    # Without the policy the page's markup is live (the control); with it, nothing runs.
    assert ran[True][0] is not None
    flag, violations = ran[False]
    assert flag is None
    assert any(v.startswith("script-src") for v in violations), violations


def test_the_site_works_under_the_policy_without_a_violation(site_dir, site_url, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    violations: dict[str, list] = {}

    def check(where: str) -> None:
        found = page.evaluate("self.cspViolations")
        if found:
            violations[where] = found

    # Search (lazy worker, the language's own index) and the palette toggle, on the home page.
    page.goto(site_url + "en/")
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("housing")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(state="attached", timeout=20000)
    page.keyboard.press("Escape")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    page.wait_for_function(f"() => document.body.getAttribute('data-md-color-scheme') !== {scheme!r}")
    check("home: search, palette")
    # A glossary tooltip, as text.
    term_page = next(p for p in sorted((site_dir / "en" / "provisions").glob("*/index.html"))
                     if "atazan-term" in p.read_text(encoding="utf-8"))
    page.goto(site_url + term_page.relative_to(site_dir).parent.as_posix() + "/")
    term = page.locator("a.atazan-term").first
    term.scroll_into_view_if_needed()
    term.hover()
    page.locator(".md-tooltip2--active").wait_for(state="visible")
    check("glossary tooltip")
    # The Print button (no inline handler): it calls window.print.
    page.evaluate("() => { self.printed = 0; window.print = () => { self.printed += 1; }; }")
    page.locator(".atazan-print-button").click()
    assert page.evaluate("self.printed") == 1
    # The language switch, to the Russian page of the same provision.
    page.locator(".md-select__link[hreflang='ru']").dispatch_event("click")
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "ru"
    check("language switch")
    # A handout: its QR code is inline SVG.
    handout = next((site_dir / "en" / "handouts").glob("*/index.html"))
    page.goto(site_url + handout.relative_to(site_dir).parent.as_posix() + "/")
    assert page.locator(".atazan-qr svg").count() >= 1
    check("handout")
    # The 404 page's script (a file now) is followed through a miss in each language by
    # tests/language/test_language.py, on a server that answers as GitHub Pages does.
    context.close()
    assert violations == {} and errors == []


def test_the_offline_copy_searches_from_disk_under_the_policy(offline_root, browser):
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto((offline_root / "en" / "index.html").as_uri(), wait_until="load")
    assert "Content-Security-Policy" in page.content()
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("housing")
    page.locator("input.md-search__input").press("End")
    page.locator(".md-search-result__item").first.wait_for(state="attached", timeout=20000)
    violations = page.evaluate("self.cspViolations")
    context.close()
    assert violations == []
