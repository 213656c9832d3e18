"""What no built page may show a reader, whatever its kind (tests/readers/test_page_sanity.py): each HTML
page of a site is parsed once, and every page kind, present or future, is covered without new code.

Findings, by kind:
- "object repr": a Python object printed as text (`Headline(text='…', lang='ru')`, `<… object at 0x…>`,
  `datetime.date(2026, 3, 15)`), in text or in an attribute a reader sees;
- "empty marker": None, null, undefined, NaN, [], {} standing for a missing value;
- "template syntax": Jinja's {{ }}, {% %} left in the page;
- "empty section": a heading in the page's content followed by nothing before the next heading of
  its level or higher (or the end of the content);
- "unlabelled English": English prose on a kk or ru page outside an element marked lang="en"
  (tests/english_prose.py decides what counts);
- "broken link", "folder link", "broken anchor": an internal href or src whose file is not in the
  build; in the offline copy (opened from file://), a link to a folder, which a browser shows as a
  directory listing; a #fragment with no such id on the target page.
Program text (code, pre, kbd, samp) and what the browser never shows as text (script, style,
template, svg) are not reader text.

    python3 tests/page_sanity.py SITE_DIR [--offline]     # prints every finding, then counts per kind
"""

from __future__ import annotations

import posixpath
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from english_prose import english_in_tree  # noqa: E402

SITE_PATH = "/ata-zan/"  # the path of mkdocs.yml's site_url: the online site's absolute links start with it

NOT_READER_TEXT = {"code", "pre", "kbd", "samp", "script", "style", "template", "svg", "math", "noscript"}
SHOWN_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "data-tooltip")
META_CONTENT = ("description", "og:title", "og:description", "twitter:title", "twitter:description")

OBJECT_REPR = re.compile(
    r"\b[A-Z][A-Za-z0-9_]*\([a-z_][a-z0-9_]*=[^)]"  # Headline(text='…', a dataclass's repr
    r"|<[\w.]+ object at 0x[0-9a-fA-F]+>"  # object.__repr__
    r"|\bdatetime\.(?:date|datetime)\(\d")
# A missing value printed as itself (see _reader_text for English "None").
EMPTY_MARKER = re.compile(r"(?<![\w-])(?:None|null|undefined|NaN)(?![\w-])|(?<!\S)(?:\[\]|\{\}|\(\))(?!\S)")
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{|\}\}|\{%|%\}")
HEADING = re.compile(r"^h([1-6])$")
# Elements that are content by themselves, without text.
CONTENT_ELEMENTS = {"img", "svg", "table", "iframe", "video", "audio", "object", "canvas", "input", "select",
                    "textarea", "picture", "figure", "hr"}
LINKED = (("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"),
          ("iframe", "src"), ("embed", "src"), ("audio", "src"), ("video", "src"), ("track", "src"))
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


@dataclass(frozen=True)
class Finding:
    kind: str
    page: str  # path of the page in the site
    detail: str

    def __str__(self) -> str:
        return f"{self.page}: {self.kind}: {self.detail}"


@dataclass
class _Page:
    path: str
    ids: set[str]
    links: list[tuple[str, str]]  # (element, href or src)


def scan(site: Path, offline: bool = False, literal: tuple[str, ...] = (), english: bool = True,
         probes: tuple[str, ...] = ()) -> list[Finding]:
    """Every finding in every HTML page of the built site at `site`. `literal`: texts a test build's
    data holds on purpose (a probe such as "{{ config.site_name }}", which must be shown as written);
    `english=False` leaves out the English check (a build whose every string carries Latin payloads);
    `probes`: folder names of pages a test build makes unsafe on purpose, which are not scanned."""
    findings: list[Finding] = []
    pages: dict[str, _Page] = {}
    for file in sorted(site.rglob("*.html")):
        path = file.relative_to(site).as_posix()
        if any(probe in file.relative_to(site).parts for probe in probes):
            continue
        root = lxml.html.document_fromstring(file.read_bytes())
        findings += _reader_text(root, path, literal)
        findings += _empty_sections(root, path)
        if english and root.get("lang", "") in ("kk", "ru"):
            findings += [Finding("unlabelled English", path, run) for run in english_in_tree(root)]
        pages[path] = _Page(path, _ids(root), _links(root))
    for page in pages.values():
        findings += _broken(site, page, pages, offline)
    return findings


def counts(findings: list[Finding]) -> dict[str, tuple[int, str]]:
    """kind -> (how many, the first example)."""
    number = Counter(f.kind for f in findings)
    return {kind: (n, str(next(f for f in findings if f.kind == kind))) for kind, n in number.most_common()}


# ---------------------------------------------------------------- reader text

def _texts(root):
    """(where, text, language) of every piece of reader text and every attribute a reader sees or hears."""
    def walk(element, hidden: bool, lang: str):
        tag = element.tag if isinstance(element.tag, str) else None
        hidden = hidden or tag is None or tag in NOT_READER_TEXT
        lang = (element.get("lang") or lang) if tag else lang
        if not hidden:
            if element.text:
                yield tag, element.text, lang
            for name in SHOWN_ATTRIBUTES:
                if element.get(name):
                    yield f"{tag} {name}", element.get(name), lang
            if tag == "meta" and (element.get("name") or element.get("property")) in META_CONTENT:
                yield "meta content", element.get("content") or "", lang
        for child in element:
            yield from walk(child, hidden, lang)
            if child.tail and not hidden:
                yield tag, child.tail, lang

    yield from walk(root, False, "")


# In English "None" opens a sentence ("None.", "None of the texts…"); anywhere else, and in any
# other language, it is Python's None printed.
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)$")


def _reader_text(root, path: str, literal: tuple[str, ...] = ()) -> list[Finding]:
    found = []
    for where, text, lang in _texts(root):
        for probe in literal:
            text = text.replace(probe, " ")
        for kind, pattern in (("object repr", OBJECT_REPR), ("empty marker", EMPTY_MARKER),
                              ("template syntax", TEMPLATE)):
            for match in pattern.finditer(text):
                if match.group(0) == "None" and lang.startswith("en") and _SENTENCE_START.search(text[:match.start()]):
                    continue
                start = max(match.start() - 40, 0)
                found.append(Finding(kind, path, f"<{where}> …{' '.join(text[start:match.end() + 40].split())}…"))
    return found


# ---------------------------------------------------------------- empty sections

def _empty_sections(root, path: str) -> list[Finding]:
    found = []
    for content in root.iter("article"):
        for heading in content.iter():
            level = HEADING.match(heading.tag) if isinstance(heading.tag, str) else None
            if level and not _inside_program_text(heading, content) and not _followed_by_content(heading, int(level[1])):
                found.append(Finding("empty section", path, f"<{heading.tag}> {' '.join(heading.text_content().split())[:80]}"))
    return found


def _inside_program_text(element, stop) -> bool:
    for parent in element.iterancestors():
        if parent is stop:
            return False
        if parent.tag in NOT_READER_TEXT:
            return True
    return False


def _followed_by_content(heading, level: int) -> bool:
    if heading.tail and heading.tail.strip():
        return True
    for sibling in heading.itersiblings():
        tag = sibling.tag if isinstance(sibling.tag, str) else None
        if tag is None:  # a comment
            if sibling.tail and sibling.tail.strip():
                return True
            continue
        other = HEADING.match(tag)
        if other:
            return int(other[1]) > level  # a subsection: content of its own (checked on its own)
        if _has_content(sibling) or (sibling.tail and sibling.tail.strip()):
            return True
    return False


def _has_content(element) -> bool:
    if element.tag in CONTENT_ELEMENTS or element.tag in NOT_READER_TEXT - {"script", "style", "template", "noscript"}:
        return True
    if element.text_content().strip():
        return True
    return any(isinstance(e.tag, str) and e.tag in CONTENT_ELEMENTS for e in element.iterdescendants())


# ---------------------------------------------------------------- links

def _ids(root) -> set[str]:
    ids = {element.get("id") for element in root.iter() if isinstance(element.tag, str) and element.get("id")}
    return ids | {element.get("name") for element in root.iter("a") if element.get("name")}


def _links(root) -> list[tuple[str, str]]:
    return [(tag, element.get(attribute)) for tag, attribute in LINKED for element in root.iter(tag)
            if element.get(attribute) is not None]


def _broken(site: Path, page: _Page, pages: dict[str, _Page], offline: bool) -> list[Finding]:
    found = []
    here = posixpath.dirname(page.path)
    for tag, link in page.links:
        link = link.strip()
        if SCHEME.match(link):
            continue  # another site (tests/readers/test_links.py reports those), or mailto:, data:
        address, _, fragment = link.partition("#")
        address = unquote(address.split("?", 1)[0])
        fragment = unquote(fragment)
        detail = f"<{tag}> {link}"
        if not address:
            target = page.path
        elif address.startswith("/"):
            if offline or not address.startswith(SITE_PATH):
                found.append(Finding("broken link", page.path, detail + " (an absolute path: nothing there"
                                     + (" from file://)" if offline else ")")))
                continue
            target = posixpath.normpath(address[len(SITE_PATH):] or ".")
        else:
            target = posixpath.normpath(posixpath.join(here, address))
        if target == ".." or target.startswith("../"):
            found.append(Finding("broken link", page.path, detail + " (outside the site)"))
            continue
        file = site / target if target != "." else site
        if file.is_dir():
            if offline:
                found.append(Finding("folder link", page.path, detail))
                continue
            target = posixpath.join(target, "index.html") if target != "." else "index.html"
            file = site / target
        if not file.is_file():
            found.append(Finding("broken link", page.path, detail))
        elif fragment and target in pages and fragment not in pages[target].ids:
            found.append(Finding("broken anchor", page.path, detail))
    return found


if __name__ == "__main__":
    site_dir = Path(sys.argv[1])
    results = scan(site_dir, offline="--offline" in sys.argv[2:])
    for finding in results:
        print(finding)
    for kind, (n, example) in counts(results).items():
        print(f"== {kind}: {n} (e.g. {example[:200]})")
    print(f"== {len(results)} finding(s) in {sum(1 for _ in site_dir.rglob('*.html'))} pages")
