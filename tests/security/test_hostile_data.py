"""Every text of every real record carries attack payloads; the real site is built once from them.

How: a copy of the project whose data/ (all of it, imported news included) has a payload set
appended to every string the schema accepts it in; a string the schema refuses it in (ids,
dates, statuses) is put back as it was, and a web address gets a URL payload instead. Then:
- every built HTML file, parsed, holds no live markup from a payload; the same for the text the
  Atom feeds and the search index hand to a browser as HTML, and for tooltip titles, which
  Material inserts as HTML;
- prose stays prose: "1996. Year", "??? danger", "# Heading" in a text make no list, details
  block or heading;
- in chromium, a sample page of every kind in every language, with every glossary tooltip
  hovered and focused, opens no dialog (the payloads call alert()).
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

from atazan.dataset.schema import URL_PATTERN  # noqa: E402
from atazan.errors import DataError  # noqa: E402

# Each alert() names its payload, so a dialog says which one got through.
PAYLOAD = (' <script>alert("p1")</script> "><img src=x onerror=alert("p2")> \'><svg onload=alert("p3")> '
           '[md link](javascript:alert("p4")) <javascript:alert("p5")> <https://e.example/>"onmouseover=alert("p6")> '
           '![i](x" onerror="alert(\'p7\')) {: onclick="alert(\'p8\')" } *emph* `code` &lt;b&gt;')
# Paragraphs that start with block syntax; md_block keeps paragraphs, md_inline joins them.
BLOCKS = ("\n\n1996. Yearpayload\n\n??? danger \"Dangerpayload\"\n    body\n\n!!! note \"Notepayload\"\n\n"
          "# Headingpayload\n\n- Itempayload\n\n===")
URL_PAYLOAD = "#x)](javascript:alert('u1'))'onmouseover='alert('u2')"
SHOWN = '<script>alert("p1")</script>'  # how the payload must read on the page: as text


def _field_loc(field: str) -> tuple:
    return tuple(int(i) if i else key for i, key in re.findall(r"\[(\d+)\]|([^.\[\]]+)", field))


def _get(data, loc):
    for key in loc:
        data = data[key]
    return data


def _set(data, loc, value):
    _get(data, loc[:-1])[loc[-1]] = value


def _strings(data, loc=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, loc + (index,))
    elif isinstance(data, str):
        yield loc, data


def poison(data_dir: Path, root: Path) -> int:
    """Appends the payloads to every string of every record the schema lets carry them; returns
    how many strings carry a payload."""
    from atazan.dataset.validate import load_dataset

    files = {p.relative_to(root).as_posix(): p for p in sorted(data_dir.rglob("*.yml"))}
    records = {shown: yaml.safe_load(p.read_text(encoding="utf-8-sig")) for shown, p in files.items()}
    original = {shown: {loc: text for loc, text in _strings(data)} for shown, data in records.items()}
    for shown, data in records.items():
        for loc, text in original[shown].items():
            _set(data, loc, text + PAYLOAD + (BLOCKS if loc[-1] == "text" else ""))
    # (file, location) -> 1: refused with the payload, 2: refused with the URL payload too
    refused: dict[tuple[str, tuple], int] = {}
    for _ in range(8):
        for shown, data in records.items():
            files[shown].write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        try:
            load_dataset(str(data_dir), str(root))
            break
        except DataError as error:
            progress = False
            for problem in error.problems:
                loc = _field_loc(problem.field)
                if problem.path not in original or loc not in original[problem.path]:
                    continue
                first = original[problem.path][loc]
                state = refused.get((problem.path, loc), 0)
                if state == 0 and re.fullmatch(URL_PATTERN, first):  # a web address: the URL payload
                    _set(records[problem.path], loc, first + URL_PAYLOAD)
                    refused[(problem.path, loc)] = 1
                elif state < 2:  # a field the payload cannot be in (id, date, status): as it was
                    _set(records[problem.path], loc, first)
                    refused[(problem.path, loc)] = 2
                else:
                    continue
                progress = True
            if not progress:  # a problem no field's payload explains
                raise
    else:
        pytest.fail("the poisoned data did not validate after 8 rounds")
    return sum(1 for shown, data in records.items() for loc, text in _strings(data) if text != original[shown][loc])


@pytest.fixture(scope="session")
def hostile_project(built_once) -> Path:
    def build(folder: Path) -> None:
        project = copy_project(folder / "project")
        poisoned = poison(project / "data", project)
        assert poisoned > 500  # every record's texts, not a handful
        build_site(project, folder / "site-out")

    return built_once("hostile-site", build) / "project"


@pytest.fixture(scope="session")
def hostile_site(hostile_project) -> Path:
    return hostile_project.parent / "site-out"


# ---------------------------------------------------------------- (a) every built file, parsed

_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc")


def live_markup(root) -> list[str]:
    """What a payload made live in a parsed HTML tree: scripts, handlers, javascript: links."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "script" and "alert(" in (element.text or ""):
            found.append(f"<script>{(element.text or '')[:60]}")
        for name, value in element.attrib.items():
            if name.lower().startswith("on") and "alert(" in value:
                found.append(f"<{element.tag} {name}={value[:60]!r}>")
            if name.lower() in _URL_ATTRIBUTES and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                found.append(f"<{element.tag} {name}={value[:60]!r}>")
        if element.tag in ("img", "svg", "iframe") and element.get("src") == "x":
            found.append(f"<{element.tag} src=x>")
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


def tooltip_markup(root) -> list[str]:
    """Material's content.tooltips sets a tooltip's innerHTML to the link's title: parse each
    title as HTML, as the browser will, and list the elements it would create."""
    found = []
    for link in root.iter("a"):
        title = link.get("title")
        if title and "atazan-term" in (link.get("class") or ""):
            fragment = lxml.html.fragment_fromstring(title, create_parent="div")
            found += [f"tooltip <{e.tag}>" for e in fragment.iterdescendants() if isinstance(e.tag, str)]
    return found


def test_no_payload_is_live_in_any_built_file(hostile_site):
    problems: dict[str, list[str]] = {}
    shown_as_text = 0
    html_files = sorted(hostile_site.rglob("*.html"))
    assert len(html_files) > 200
    for path in html_files:
        root = lxml.html.document_fromstring(path.read_bytes())
        found = live_markup(root) + blocks_from_prose(root) + tooltip_markup(root)
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
    assert shown_as_text > len(html_files) // 3


def test_payloads_did_reach_records_of_every_collection(hostile_project):
    for part in ("provisions", "themes", "glossary", "news", "factchecks", "timeline.yml", "versions.yml", "sections.yml"):
        path = hostile_project / "data" / part
        texts = [text for p in ([path] if path.is_file() else path.glob("*.yml"))
                 for _, text in _strings(yaml.safe_load(p.read_text(encoding="utf-8")))]
        assert any('alert("p2")' in text for text in texts), part


# ---------------------------------------------------------------- (b) in chromium

def _page_kinds(site: Path) -> dict[tuple[str, str], str]:
    """One page per (language, kind): a kind is a folder's index or a page in it."""
    kinds: dict[tuple[str, str], str] = {}
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        parts = rel.split("/")[:-1]
        lang = parts[0] if parts and parts[0] in ("ru", "en") else "kk"
        parts = parts[1:] if lang != "kk" else parts
        if parts[:1] in (["assets"], ["search"], ["api"], ["feeds"]):
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


def test_no_dialog_on_any_page_kind_in_any_language_with_every_tooltip_shown(hostile_site, hostile_url, browser):
    kinds = _page_kinds(hostile_site)
    assert {lang for lang, _ in kinds} == {"kk", "ru", "en"}
    assert {"provisions/*", "themes/*", "news/*", "glossary", "timeline", "handouts/*"} <= {k for _, k in kinds}
    dialogs: list[str] = []
    tooltips_shown = 0
    left_live: dict[str, int] = {}
    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    for (lang, kind), rel in sorted(kinds.items()):
        page.goto(hostile_url + rel.removesuffix("index.html"))
        page.wait_for_load_state("load")
        terms = page.locator("a.atazan-term")
        if terms.count():  # a real mouse on the first term, as a reader hovers
            terms.first.scroll_into_view_if_needed()
            terms.first.hover()
            page.wait_for_timeout(30)
            tooltips_shown += page.locator(".md-tooltip2__inner").count() > 0
        # Then every term, in the page itself (one round trip instead of five per term): pointer
        # over it and keyboard focus on it, as Material's tooltips listen for both, and a pause
        # for the tooltip to be drawn, which is where its text becomes HTML.
        in_page = page.evaluate("""async () => {
            let shown = 0;
            for (const term of document.querySelectorAll('a.atazan-term')) {
                term.scrollIntoView({block: 'center'});
                for (const type of ['pointerenter', 'mouseenter', 'mouseover']) {
                    term.dispatchEvent(new MouseEvent(type, {bubbles: type === 'mouseover'}));
                }
                term.focus();
                await new Promise(resolve => setTimeout(resolve, 30));
                shown += document.querySelector('.md-tooltip2__inner') !== null;
                term.blur();
            }
            return shown;
        }""")
        tooltips_shown += in_page
        # What a payload would leave in the document even without firing.
        live = page.evaluate("""() => [...document.querySelectorAll('*')].filter(e =>
            [...e.attributes].some(a => a.name.startsWith('on') && a.value.includes('alert('))
            || (e.tagName === 'SCRIPT' && e.textContent.includes('alert('))
            || /^\\s*javascript:/i.test(e.getAttribute('href') || '')).length
            + [...document.querySelectorAll('.md-tooltip2__inner')].filter(t => t.children.length).length""")
        if live:
            left_live[rel] = live
    context.close()
    assert dialogs == []
    assert left_live == {}  # pages holding live elements from a payload, and how many
    assert tooltips_shown > 0  # the tooltips were really shown, with the payload in their text
