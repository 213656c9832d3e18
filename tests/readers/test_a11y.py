"""Accessibility of the built site in Debian chromium: axe-core, lang, heading order, focus.

axe-core comes from npm (package.json / package-lock.json; `npm ci` in scripts/test) and is
injected into each page; contrast is axe's `color-contrast` rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT, nonempty

# One worker runs every test here, so the axe audits (a browser pass over the sample) run once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("a11y-audits")]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Page kinds by the folder their pages live in; a kind the site does not have yet is skipped.
KINDS = {"provision": "provisions", "theme": "themes", "news": "news", "handout": "handouts"}


def _lang_dir(site: Path, lang: str) -> Path:
    return site if lang == LANGUAGES[0] else site / lang


def sample_pages(site: Path) -> list[tuple[str, str, Path]]:
    out = []
    for lang in LANGUAGES:
        base = _lang_dir(site, lang)
        out.append((lang, "home", base / "index.html"))
        for kind, folder in KINDS.items():
            items = sorted(p for p in (base / folder).glob("*/index.html")) if (base / folder).is_dir() else []
            if items:
                out.append((lang, kind, items[0]))
    return out


@pytest.fixture(scope="module")
def audits(site_dir, browser):
    """axe results, lang, headings and a focus probe for every sampled page, run once."""
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` (scripts/test does)")
    results = {}
    # One tab for the whole sample; each goto is a fresh document. axe is injected as an inline
    # script, which the site's Content-Security-Policy refuses: the audit tool bypasses it.
    page = browser.new_context(bypass_csp=True).new_page()
    for lang, kind, path in sample_pages(site_dir):
        page.goto(path.as_uri())
        page.add_script_tag(path=str(AXE))
        axe = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        headings = page.eval_on_selector_all(
            "article h1, article h2, article h3, article h4, article h5, article h6",
            "els => els.map(e => Number(e.tagName[1]))")
        # Focus the first link in the content and compare its outline with the unfocused one.
        focus = page.evaluate("""() => {
            const a = document.querySelector('article a[href]');
            if (!a) return null;
            const style = s => [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join('|');
            const before = style(getComputedStyle(a));
            a.focus({focusVisible: true});
            return {before, after: style(getComputedStyle(a)), focused: document.activeElement === a};
        }""")
        # Keyboard focus, as a reader tabbing in: the first Tab stop must show a visible outline.
        page.keyboard.press("Tab")
        tab_focus = page.evaluate("""() => {
            const e = document.activeElement, s = getComputedStyle(e);
            return {tag: e.tagName, visible: e.matches(':focus-visible'),
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none'};
        }""")
        results[(lang, kind)] = {"path": path, "axe": axe, "lang": page.evaluate("document.documentElement.lang"),
                                 "headings": headings, "focus": focus, "tab": tab_focus}
    page.context.close()
    return results


def test_sample_covers_every_language_and_kind(audits, site_dir):
    kinds = {kind for _, kind in audits}
    assert {"home", "provision", "theme"} <= kinds
    assert {lang for lang, _ in audits} == set(LANGUAGES)


def test_no_serious_or_critical_axe_violations(audits, site_dir):
    found = []
    for (lang, kind), result in audits.items():
        for violation in result["axe"]["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = "; ".join(str(n["target"]) for n in violation["nodes"][:3])
                found.append(f"{lang} {kind} {result['path'].relative_to(site_dir)}: {violation['id']} "
                             f"({violation['impact']}, {len(violation['nodes'])} node(s)): {targets}")
    assert found == [], "\n".join(found)


def test_axe_really_ran(audits):
    # axe reports which rules it ran through `passes` only when asked; its violations list
    # exists on every result, and color-contrast must be among the rules it knows.
    for result in nonempty(audits.values()):
        assert "violations" in result["axe"] and result["axe"]["testEngine"]["name"] == "axe-core"


def test_lang_attribute(audits):
    assert {key: r["lang"] for key, r in audits.items()} == {key: key[0] for key in audits}


def test_headings_in_order(audits):
    problems = []
    for key, result in audits.items():
        levels = result["headings"]
        if not levels or levels[0] != 1 or levels.count(1) != 1:
            problems.append(f"{key}: expected one h1 first, got {levels}")
        for prev, cur in zip(levels, levels[1:]):
            if cur > prev + 1:
                problems.append(f"{key}: h{prev} followed by h{cur}")
    assert problems == []


def test_focus_is_visible(audits):
    problems = []
    for key, result in audits.items():
        focus, tab = result["focus"], result["tab"]
        if focus is not None and (not focus["focused"] or focus["before"] == focus["after"]):
            problems.append(f"{key}: a focused content link looks the same as an unfocused one")
        if not (tab["visible"] and tab["outline"]):
            problems.append(f"{key}: first Tab stop ({tab['tag']}) shows no focus outline")
    assert problems == []
