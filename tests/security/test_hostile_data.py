"""Every string field of every data file carries attack payloads; the real site is built once from them.

The hostile project (tests/security/hostile.py): the real data, a text of the Constitution in two
versions and two languages (TEST DATA) matched into correspondence.yml, every optional free-text
field the schema knows filled in, and every string of every data file poisoned. Then:
- every free-text field of every model (records, lists, imported texts) holds a payload
  somewhere: a field added to the schema later is reached without new test code;
- every built HTML file, parsed, holds no live markup from a payload; the same for the text the
  Atom feeds and the search index hand to a browser as HTML; prose stays prose ("1996. Year",
  "??? danger", "# Heading" in a text make no list, details block or heading);
- in chromium, with the Content-Security-Policy switched off (so that the pass sees the escaping
  itself, not the policy behind it; tests/security/test_csp.py checks the policy), a page of every
  kind in every language: loaded, the header's page title pointed at after scrolling, every
  shortened title and every focusable element hovered and focused, Tab pressed through the page,
  search results shown and the print view opened. Every payload sets `self.atazanRan` and calls
  alert(): no flag, no dialog, no live element left in any tooltip.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
import yaml

from conftest import ROOT, build_site, copy_project, serve_folder

sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile  # noqa: E402
from hostile import MARK, SHOWN  # noqa: E402


@pytest.fixture(scope="session")
def hostile_project(built_once) -> Path:
    def build(folder: Path) -> None:
        from conftest import atazan_here

        project = copy_project(folder / "project")
        hostile.import_texts(project)
        hostile.fill_all(project / "data", project)
        reached = hostile.poison(project / "data", project)
        (folder / "reached.json").write_text(json.dumps({k: sorted(map(list, v)) for k, v in reached.items()}), encoding="utf-8")
        # The explanations now explain the poisoned test texts: a person would check them and re-stamp.
        files = [str(p) for p in sorted((project / "data" / "provisions").glob("[!_]*.yml"))]
        code, _, err = atazan_here("stamp", *files, "--explanations", "--data", str(project / "data"))
        assert code == 0, err
        (project / "docs" / "en" / "csp-probe.md").write_text(CSP_PROBE, encoding="utf-8")
        build_site(project, folder / "site-out")

    return built_once("hostile-site", build) / "project"


# A page written by hand with live markup on purpose (Markdown passes raw HTML through): the
# Content-Security-Policy must stop it (tests/security/test_csp.py).
CSP_PROBE = """# CSP probe

<img id="probe-img" src="x" onerror="self.atazanRan=101">
<script>self.atazanRan=102</script>
<a id="probe-link" href="javascript:self.atazanRan=103">link</a>
<p id="probe-hover" onmouseover="self.atazanRan=104">hover</p>
"""


@pytest.fixture(scope="session")
def hostile_site(hostile_project) -> Path:
    return hostile_project.parent / "site-out"


@pytest.fixture(scope="session")
def reached(hostile_project) -> dict[str, set[tuple]]:
    raw = json.loads((hostile_project.parent / "reached.json").read_text(encoding="utf-8"))
    return {name: {tuple(loc) for loc in locs} for name, locs in raw.items()}


# ---------------------------------------------------------------- (a) every field, every built file

def test_every_free_text_field_of_every_model_carries_a_payload(reached, hostile_project):
    from atazan.dataset import schema, texts

    models = [*schema.COLLECTIONS.values(), *schema.LISTS.values(), texts.TextFile]
    missing = {model.__name__: sorted(set(hostile.free_text_fields(model)) - reached.get(model.__name__, set()))
               for model in models}
    assert {name: fields for name, fields in missing.items() if fields} == {}
    # correspondence.yml was poisoned too; it holds only version ids and numbers, which the checks
    # refuse with a payload, so it is back as `atazan match` wrote it, and the build used it.
    assert (hostile_project / "data" / "correspondence.yml").is_file()


_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc")


def live_markup(root) -> list[str]:
    """What a payload made live in a parsed HTML tree: scripts, handlers, javascript: links."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "script" and MARK in (element.text or ""):
            found.append(f"<script>{(element.text or '')[:60]}")
        for name, value in element.attrib.items():
            if name.lower().startswith("on") and MARK in value:
                found.append(f"<{element.tag} {name}={value[:60]!r}>")
            if name.lower() in _URL_ATTRIBUTES and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                found.append(f"<{element.tag} {name}={value[:60]!r}>")
    return found


def blocks_from_prose(root) -> list[str]:
    """Lists, details blocks, admonitions and headings that a text's paragraph start made."""
    found = []
    for element in root.iter("li", "summary", "h1", "h2", "h3", "h4", "h5", "h6", "p"):
        text = element.text_content().strip()
        if element.tag == "p" and "admonition-title" not in (element.get("class") or ""):
            continue
        for marker in ("Yearpayload", "Dangerpayload", "Notepayload", "Headingpayload", "Itempayload"):
            if text.startswith(marker):
                found.append(f"<{element.tag}>{text[:40]}")
    return found


def test_no_payload_is_live_in_any_built_file(hostile_site):
    problems: dict[str, list[str]] = {}
    shown_as_text = 0
    html_files = sorted(p for p in hostile_site.rglob("*.html") if "csp-probe" not in p.as_posix())
    assert len(html_files) > 250
    sections = [path.relative_to(hostile_site).parts for path in html_files]
    kinds = {parts[1] if parts[0] in ("ru", "en") else parts[0] for parts in sections if len(parts) > 2}
    assert {"articles", "texts", "changes", "provisions", "themes", "news", "handouts"} <= kinds
    for path in html_files:
        root = lxml.html.document_fromstring(path.read_bytes())
        found = live_markup(root) + blocks_from_prose(root)
        if found:
            problems[path.relative_to(hostile_site).as_posix()] = found
        shown_as_text += SHOWN in root.text_content()
    for path in sorted(hostile_site.rglob("*.xml")):
        tree = lxml.etree.parse(str(path))
        for element in tree.iter():
            # Atom's type="html" text is markup a feed reader renders.
            if element.get("type") == "html" and element.text:
                found = live_markup(lxml.html.fragment_fromstring(element.text, create_parent="div"))
                if found:
                    problems.setdefault(path.relative_to(hostile_site).as_posix(), []).extend(found)
    for path in sorted(hostile_site.rglob("search_index*.json")):
        # Material's search inserts a result's title and text into the page as HTML.
        for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]:
            for key in ("title", "text"):
                if doc.get(key):
                    found = live_markup(lxml.html.fragment_fromstring(doc[key], create_parent="div"))
                    if found:
                        problems.setdefault(f"{path.name} {doc.get('location')}", []).extend(found)
    for path in sorted((hostile_site / "api").rglob("*.json")):
        json.loads(path.read_text(encoding="utf-8"))  # data, not markup: it must stay valid JSON
    assert problems == {}
    # The payloads reached the pages, shown as the text they are (or the test proves nothing).
    assert shown_as_text > len(html_files) // 2


def test_payloads_did_reach_records_of_every_collection_and_the_texts(hostile_project):
    for part in ("provisions", "themes", "glossary", "news", "factchecks", "timeline.yml", "versions.yml", "sections.yml",
                 "texts/adopted", "texts/first_draft"):
        path = hostile_project / "data" / part
        texts = [text for p in ([path] if path.is_file() else path.glob("*.yml"))
                 for _, text in hostile.strings(yaml.safe_load(p.read_text(encoding="utf-8")))]
        assert any(MARK in text for text in texts), part


# ---------------------------------------------------------------- (b) in chromium

def _page_kinds(site: Path) -> dict[tuple[str, str], str]:
    """One page per (language, kind): a kind is a folder's index or a page in it."""
    kinds: dict[tuple[str, str], str] = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        parts = rel.split("/")[:-1]
        lang = parts[0] if parts and parts[0] in ("ru", "en") else "kk"
        parts = parts[1:] if lang != "kk" else parts
        if parts[:1] in (["assets"], ["search"], ["api"], ["feeds"], ["csp-probe"]):
            continue
        kind = "home" if not parts else parts[0] if len(parts) == 1 else f"{parts[0]}/*"
        if kind == "handouts/*" and parts[-1].count("-") >= 2 and parts[-1].split("-")[-1] in ("kk", "ru", "en"):
            kind = "handouts/bilingual"
        kinds.setdefault((lang, kind), rel)
    return kinds


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with serve_folder(hostile_site) as url:
        yield url


# Every shortened title (the header's page title, nav and table-of-contents entries: Material's
# `.md-ellipsis`) and every focusable element or element with a title: pointer over it and keyboard
# focus on it. Material draws a tooltip on either at once (its show timer is 0 on the queue
# scheduler), so one pass needs no pauses; a shortened title gets its tooltip once it has been
# seen (an IntersectionObserver), which the tall window of the caller gives every one at once.
EXERCISE = """async () => {
  const hosts = new Set([...document.querySelectorAll('.md-ellipsis')].map(e => e.closest('a') || e));
  for (const e of document.querySelectorAll('a[href], button, input, select, textarea, summary, label[for], [tabindex], [title]')) hosts.add(e);
  let tooltips = 0;
  for (const e of hosts) {
    for (const type of ['pointerenter', 'mouseenter', 'mouseover']) e.dispatchEvent(new MouseEvent(type, {bubbles: type === 'mouseover'}));
    if (typeof e.focus === 'function') e.focus({preventScroll: true});
    tooltips += document.querySelectorAll('.md-tooltip2__inner, .md-tooltip__inner').length > 0;
    for (const type of ['pointerleave', 'mouseleave', 'mouseout']) e.dispatchEvent(new MouseEvent(type, {bubbles: type === 'mouseout'}));
    if (typeof e.blur === 'function') e.blur();
  }
  await new Promise(resolve => setTimeout(resolve, 100));
  return {hosts: hosts.size, tooltips};
}"""
LIVE_LEFT = """() => [...document.querySelectorAll('*')].filter(e =>
    [...e.attributes].some(a => a.name.startsWith('on') && a.value.includes('atazanRan'))
    || (e.tagName === 'SCRIPT' && e.textContent.includes('atazanRan'))
    || /^\\s*javascript:/i.test(e.getAttribute('href') || '')).length
    + [...document.querySelectorAll('.md-tooltip2__inner, .md-tooltip__inner')].filter(t => t.children.length).length"""


WINDOW = {"width": 1280, "height": 560}
TALL = {"width": 1280, "height": 4000}


@pytest.mark.parametrize("lang", ("kk", "ru", "en"))
def test_no_script_runs_on_any_page_kind_however_it_is_used(hostile_site, hostile_url, browser, lang):
    kinds = {kind: rel for (language, kind), rel in _page_kinds(hostile_site).items() if language == lang}
    assert {"provisions/*", "themes/*", "news/*", "glossary", "timeline", "handouts/*", "articles", "articles/*",
            "texts/*", "changes", "changes/*"} <= set(kinds)
    context = browser.new_context(bypass_csp=True, viewport=WINDOW)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    ran: dict[str, object] = {}
    left_live: dict[str, int] = {}
    header_titles = tooltips = 0
    for kind, rel in sorted(kinds.items()):
        page.set_viewport_size(WINDOW)
        page.goto(hostile_url + rel.removesuffix("index.html"))
        page.wait_for_load_state("load")
        # The header shows the page's title once the page's own heading has scrolled away.
        page.mouse.move(640, 400)
        page.mouse.wheel(0, 900)
        title = page.locator(".md-header__title--active .md-header__topic:last-child .md-ellipsis")
        try:
            title.wait_for(state="visible", timeout=1000)
            title.hover()
            header_titles += 1
        except Exception:  # a page too short to scroll keeps the site name in the header
            pass
        page.locator("body").focus()
        for _ in range(30):
            page.keyboard.press("Tab")
        # Tall enough that every sidebar entry is in view at once, then everything pointed at and focused.
        page.set_viewport_size(TALL)
        page.evaluate("new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))")
        tooltips += page.evaluate(EXERCISE)["tooltips"]
        # Paper: print media, and collapsed blocks opened as they are before printing.
        page.emulate_media(media="print")
        page.evaluate("dispatchEvent(new Event('beforeprint'))")
        page.wait_for_timeout(50)
        page.emulate_media(media="screen")
        page.wait_for_timeout(100)
        flag = page.evaluate("self.atazanRan")
        if flag:
            ran[rel] = flag
        live = page.evaluate(LIVE_LEFT)
        if live:
            left_live[rel] = live
    # Search: results carry titles and text from data; Material inserts them as HTML.
    page.goto(hostile_url + ("" if lang == "kk" else f"{lang}/"))
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("emph")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(state="attached", timeout=20000)
    results = page.evaluate("""async () => {
        const items = [...document.querySelectorAll('.md-search-result__item a, .md-search-result__more summary')];
        for (const e of items) { e.focus(); e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); await new Promise(r => setTimeout(r, 0)); }
        return items.length;
    }""")
    if page.evaluate("self.atazanRan"):
        ran["search"] = page.evaluate("self.atazanRan")
    context.close()
    assert dialogs == []
    assert ran == {}
    assert left_live == {}  # pages holding live elements from a payload, and how many
    assert header_titles >= len(kinds) // 2  # the header really showed (and was pointed at) page titles
    assert tooltips > 0 and results > 0  # tooltips were drawn and search results shown, payloads in them
