"""The termbase check (data/terms.yml, issues 12 and 23): every place a reader meets our words,
scanned for the rejected variants of each concept, each finding naming its file and line, or its
built page. tests/language/test_terms.py runs it; run it as a script to list the findings of any built site
(the shipped one, the full-scale rehearsal, a copy with texts imported):

    python3 tests/termbase.py SITE_DIR

What is scanned, and in which language:
- data/**/*.yml: every kk/ru/en text (`{kk: {text: …}}`); the importer's `machine:` copy of a source
  is the source's words, not ours, and has no language keys, so it is not read;
- overrides/atazan/strings.yml and strings-text.yml: every key's kk, ru and en value;
- overrides/partials/languages/kk.html (Material's Kazakh interface) and the inline strings of the
  other partials ("kk": "…" or "kk": {"key": "…"});
- overrides/atazan/pages/*.j2: the fixed sentences between the template tags, in Kazakh when they
  use a letter only Kazakh has, else in Russian when they are Cyrillic;
- docs/kk/*.md and docs/ru/*.md (hand-written pages; code spans left out);
- every built kk and ru page: the text of each element in its own language (lang attribute), so a
  kk+ru handout is read as both; legal text quoted from a source (blockquote.atazan-legal) counts
  as a quotation.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

LANGS = ("kk", "ru", "en")
# «…», “…”, „…“ and "…": the spans where a source's own word may stand.
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“]*“|\"[^\"\n]*\"")
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
_KK_HTML_STRING = re.compile(r'^\s*"[a-z.]+":\s*"(?P<text>[^"]*)"', re.M)
_KAZAKH_LETTER = re.compile("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_CYRILLIC = re.compile("[А-Яа-яЁё]")


@dataclass(frozen=True)
class Text:
    where: str  # file, and the YAML path or key inside it; or a built page
    lang: str
    text: str
    quotation: bool = False  # the whole text is a quotation (a rendering of a quoted version, legal text)
    file: str | None = None  # the file a finding's line is looked up in (None: a built page)
    line: int | None = None  # the line of the text's first character, where the scanner knows it
    page: bool = False  # a built page's text: a finding shows the words around it


@dataclass(frozen=True)
class Rule:
    concept: str
    lang: str
    pattern: re.Pattern
    in_quotes: bool
    why: str


def load_rules(path: Path) -> list[Rule]:
    rules = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        for variant in entry["rejected"]:
            flags = 0 if variant.get("case") == "sensitive" else re.IGNORECASE
            rules.append(Rule(entry["concept"], variant["lang"], re.compile(variant["pattern"], flags),
                              bool(variant.get("in_quotes")), variant["why"]))
    return rules


# ------------------------------------------------------------------ texts of the project

def _join(where: str, key) -> str:
    return f"{where}{key}" if where.endswith(":") else f"{where}.{key}"


def _walk(node, where: str, file: str, quotation: bool = False):
    if isinstance(node, dict):
        # A version whose text is a quotation: our renderings of it are quotations too.
        quoted_here = quotation or node.get("text_kind") == "quote"
        for key, value in node.items():
            if key in LANGS and isinstance(value, dict) and isinstance(value.get("text"), str):
                yield Text(_join(where, key), key, value["text"], quoted_here and where.endswith("translations"), file)
            else:
                yield from _walk(value, _join(where, key), file, quoted_here)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, f"{where}[{index}]", file, quotation)


def _tracked(root: Path, pattern: str) -> list[Path]:
    # Generated pages (provisions/, themes/, timeline.md ...) are git-ignored: only hand-written pages count.
    try:
        out = subprocess.run(["git", "ls-files", pattern], cwd=root, capture_output=True, text=True, check=True).stdout
        return [root / line for line in out.splitlines() if line]
    except (OSError, subprocess.CalledProcessError):
        return sorted(root.glob(pattern))


def _blank(match: re.Match) -> str:
    # Same length, same line breaks: offsets still give the file's lines.
    return re.sub(r"[^\n]", " ", match.group(0))


def _partial_strings(text: str):
    """(lang, string, offset) of every inline string of a partial: "kk": "…" and "kk": {"key": "…", …}."""
    for found in re.finditer(r'"(kk|ru|en)"\s*:\s*(["{])', text):
        lang, start = found.group(1), found.end() - 1
        if found.group(2) == '"':
            value = re.match(r'"((?:[^"\\]|\\.)*)"', text[start:])
            if value:
                yield lang, value.group(1), start + 1
            continue
        end = text.find("}", start)
        for value in re.finditer(r'"[\w.-]+"\s*:\s*"((?:[^"\\]|\\.)*)"', text[start:end]):
            yield lang, value.group(1), start + value.start(1)


def _template_sentences(text: str):
    """(lang, sentence, offset) of the fixed text of a template, by script: kk, ru, or nothing."""
    bare = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<[^>]*>", _blank, text, flags=re.S)
    for line in re.finditer(r"[^\n]+", bare):
        sentence = line.group(0)
        if _KAZAKH_LETTER.search(sentence):
            yield "kk", sentence, line.start()
        elif _CYRILLIC.search(sentence):
            yield "ru", sentence, line.start()


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def reader_texts(root: Path):
    """Every text of the project a reader meets, with where it is (see the module's docstring)."""
    for path in sorted((root / "data").rglob("*.yml")):
        if path.name == "terms.yml":
            continue
        rel = path.relative_to(root).as_posix()
        yield from _walk(yaml.safe_load(path.read_text(encoding="utf-8")), rel + ":", rel)
    for name in ("strings.yml", "strings-text.yml"):
        strings = root / "overrides" / "atazan" / name
        if not strings.exists():
            continue
        rel = strings.relative_to(root).as_posix()
        for key, values in (yaml.safe_load(strings.read_text(encoding="utf-8")) or {}).items():
            for lang, text in values.items():
                yield Text(f"{rel}:{key}", lang, str(text), file=rel)
    kk_html = root / "overrides" / "partials" / "languages" / "kk.html"
    source = kk_html.read_text(encoding="utf-8")
    for match in _KK_HTML_STRING.finditer(source):
        yield Text("overrides/partials/languages/kk.html", "kk", match.group("text"),
                   line=_line_at(source, match.start("text")))
    for partial in sorted((root / "overrides").rglob("*.html")):
        if partial.parent.name == "languages":
            continue
        source = partial.read_text(encoding="utf-8")
        rel = partial.relative_to(root).as_posix()
        for lang, text, offset in _partial_strings(source):
            yield Text(rel, lang, text, line=_line_at(source, offset))
    for template in sorted((root / "overrides" / "atazan" / "pages").glob("*.j2")):
        source = template.read_text(encoding="utf-8")
        rel = template.relative_to(root).as_posix()
        for lang, text, offset in _template_sentences(source):
            yield Text(rel, lang, text, line=_line_at(source, offset))
    for lang in ("kk", "ru"):
        for page in _tracked(root, f"docs/{lang}/*.md"):
            source = page.read_text(encoding="utf-8")
            yield Text(page.relative_to(root).as_posix(), lang, _CODE.sub(_blank, source), line=1)


# ------------------------------------------------------------------ texts of a built page

_BLOCK = {"p", "li", "ul", "ol", "div", "section", "article", "nav", "header", "footer", "aside", "main",
          "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table", "blockquote", "details", "summary",
          "figure", "figcaption", "dt", "dd", "br", "title", "label", "form", "button", "option"}
_SKIPPED = {"script", "style", "code", "pre", "kbd", "samp", "svg", "math", "template", "noscript"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _PageText(HTMLParser):
    """The visible text of a page per language, legal quotations apart."""

    def __init__(self, page_lang: str, mixed_title: bool = False):
        super().__init__(convert_charrefs=True)
        # A kk+ru handout is titled "kk title / ru title" in one <title>, <h1> and the header's
        # topic: that title is in neither language alone, and each column repeats its own half.
        self.mixed_title = mixed_title
        self.title = ""
        self.unread = {"h1"} if mixed_title else set()
        self.stack: list[tuple[str, str, bool, bool]] = [("", page_lang, False, False)]  # tag, lang, skipped, legal
        self.parts: dict[tuple[str, bool], list[str]] = {}

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        _, lang, skipped, legal = self.stack[-1]
        if tag == "html" and a.get("lang"):
            lang = a["lang"]
        lang = (a.get("lang") or lang).split("-")[0].lower()
        skipped = skipped or tag in _SKIPPED or tag in self.unread or "hidden" in a
        legal = legal or (tag == "blockquote" and "atazan-legal" in a.get("class", "").split())
        if tag in _BLOCK:
            self._add("\n", lang, legal)
        if tag not in _VOID:
            self.stack.append((tag, lang, skipped, legal))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                _, lang, _, legal = self.stack[i]
                del self.stack[i:]
                if tag in _BLOCK:
                    self._add("\n", lang, legal)
                return

    def handle_data(self, data):
        tag, lang, skipped, legal = self.stack[-1]
        if tag == "title":
            self.title = data.rsplit(" - ", 1)[0].strip()
            if self.mixed_title:
                return
        if self.mixed_title and self.title and data.strip() == self.title:
            return
        if not skipped:
            self._add(data, lang, legal)

    def _add(self, text: str, lang: str, legal: bool):
        self.parts.setdefault((lang, legal), []).append(text)


def page_texts(html: str, where: str, page_lang: str) -> list[Text]:
    folders = where.split("/")[:-1]  # handouts/land-kk-ru/index.html -> [handouts, land-kk-ru]
    parser = _PageText(page_lang, mixed_title=bool(folders) and folders[-1].endswith("-kk-ru"))
    parser.feed(html)
    parser.close()
    return [Text(where, lang, "".join(parts), quotation=legal, page=True)
            for (lang, legal), parts in sorted(parser.parts.items()) if lang in ("kk", "ru")]


def site_pages(site_dir: Path) -> list[tuple[Path, str]]:
    """Every built kk and ru page with its language (kk at the root, ru under ru/)."""
    pages = []
    for page in sorted(site_dir.rglob("*.html")):
        first = page.relative_to(site_dir).parts[0]
        if first in ("en", "assets", "search", "feeds", "api"):
            continue
        pages.append((page, "ru" if first == "ru" else "kk"))
    return pages


def site_texts(site_dir: Path):
    for page, lang in site_pages(site_dir):
        yield from page_texts(page.read_text(encoding="utf-8"), page.relative_to(site_dir).as_posix(), lang)


# ------------------------------------------------------------------ findings

def _file_line(root: Path, item: Text, matched: str, cache: dict) -> int | None:
    """The line of `matched` in the file a data or strings text comes from (first occurrence)."""
    if item.file is None:
        return None
    if item.file not in cache:
        cache[item.file] = (root / item.file).read_text(encoding="utf-8")
    # The file may fold a YAML text over several lines: any run of white space matches.
    pattern = r"\s+".join(re.escape(word) for word in matched.split())
    found = re.search(pattern, cache[item.file])
    return _line_at(cache[item.file], found.start()) if found else None


def violations(texts, rules: list[Rule], root: Path | None = None) -> list[str]:
    """One line per finding: `file:line: where: lang: 'variant' (concept): why` (a page: its path)."""
    found = []
    cache: dict[str, str] = {}
    for item in texts:
        quoted = [m.span() for m in _QUOTED.finditer(item.text)]
        for rule in (r for r in rules if r.lang == item.lang):
            for match in rule.pattern.finditer(item.text):
                inside = item.quotation or any(a <= match.start() and match.end() <= b for a, b in quoted)
                if rule.in_quotes and inside:
                    continue
                where = item.where
                if item.line is not None:
                    where = f"{item.where.split(':')[0]}:{item.line + item.text.count(chr(10), 0, match.start())}"
                elif root is not None and (line := _file_line(root, item, match.group(0), cache)):
                    where = f"{item.file}:{line}: {item.where.split(':', 1)[1]}"
                elif item.page:  # a built page: show the words around the variant
                    context = " ".join(item.text[max(0, match.start() - 40):match.end() + 40].split())
                    where = f"{item.where}: «…{context}…»"
                found.append(f"{where}: {item.lang}: '{' '.join(match.group(0).split())}' ({rule.concept}): {rule.why}")
    return found


if __name__ == "__main__":
    here = Path(__file__).resolve().parents[1]
    findings = violations(site_texts(Path(sys.argv[1])), load_rules(here / "data" / "terms.yml"))
    print("\n".join(findings))
    print(f"== {len(findings)} finding(s)")
    sys.exit(1 if findings else 0)
