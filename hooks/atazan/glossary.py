"""Glossary terms in page text: the first occurrence of each term becomes a link to its glossary
entry whose title is the term's short definition (Material's `content.tooltips` shows it on hover
and on keyboard focus; a tap follows the link to the entry).

What is matched, per language (the forms come from the glossary's own `term` text):
- each form the term gives: "Akim, akimat" gives two, "Kurultai (Qurultay)" gives two;
- case-insensitively, starting at a word boundary, each word followed by any letters, so the
  case and plural endings of kk/ru/en attach: Мәжіліс -> Мәжілістің, Majilis -> Majilis's;
- kk: a word ending in к, қ or п also matches the voiced г, ғ, б that Kazakh writes before a
  vowel ending (әкімдік -> әкімдігі);
- ru: the ending of each word (-ый, -ая, -ия, -а, -й ...) is dropped before matching, so other
  cases match (Конституционный суд -> Конституционного суда, Курултай -> Курултая).
Not matched: other stem changes, synonyms the glossary does not give, a term split by markup.

Never linked: headings, links, legal quotations (blockquote), text in quotation marks
(« », “ ”, " "), code, buttons, details summaries, and anything inside `.atazan-legal*` or
`[data-atazan-no-glossary]`. Only the first occurrence of a term on a page is linked, so a
keyboard reader meets one extra Tab stop per term, not one per mention.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

_RU_ENDINGS = sorted("ый ий ой ая яя ое ее ые ие ия ья а я о е ы и й ь".split(), key=len, reverse=True)
_KK_VOICED = {"к": "[кг]", "қ": "[қғ]", "п": "[пб]"}
_SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "code", "pre", "kbd", "samp",
              "script", "style", "button", "summary", "abbr", "svg", "textarea", "select", "title"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"|„[^„“]*“")


@dataclass(frozen=True)
class Term:
    id: str
    forms: tuple[str, ...]
    definition: str


def forms_of(text: str) -> tuple[str, ...]:
    """"Khalyk Kenesi (People's Council)" -> ("Khalyk Kenesi", "People's Council")."""
    parts = re.split(r"[,()]", text)
    return tuple(part.strip() for part in parts if part.strip())


def _word_pattern(word: str, lang: str) -> str:
    lower = word.lower()
    if lang == "ru":
        for ending in _RU_ENDINGS:
            if lower.endswith(ending) and len(lower) - len(ending) >= 3:
                return re.escape(word[: -len(ending)]) + r"\w*"
    if lang == "kk" and lower[-1:] in _KK_VOICED and len(lower) > 3:
        return re.escape(word[:-1]) + _KK_VOICED[lower[-1]] + r"\w*"
    return re.escape(word) + r"\w*"


def term_pattern(form: str, lang: str) -> str:
    words = form.split()
    return r"(?<![\w-])" + r"\s+".join(_word_pattern(word, lang) for word in words)


class Linker:
    """Links the first occurrence of each term in HTML text; markup passes through unchanged."""

    def __init__(self, terms: list[Term], lang: str):
        patterns = []
        self._by_group = {}
        # Longest forms first, so "Central Referendum Commission" wins over "Referendum".
        ranked = sorted(((form, term) for term in terms for form in term.forms), key=lambda x: -len(x[0]))
        for index, (form, term) in enumerate(ranked):
            patterns.append(f"(?P<g{index}>{term_pattern(form, lang)})")
            self._by_group[f"g{index}"] = term
        self._regex = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None

    def link(self, page_html: str, href: str) -> tuple[str, list[str]]:
        """`href` is the glossary page's URL; returns the new HTML and the linked term ids."""
        if self._regex is None:
            return page_html, []
        parser = _Rewriter(self, href)
        parser.feed(page_html)
        parser.close()
        return "".join(parser.out), parser.linked

    def _replace(self, text: str, href: str, linked: list[str]) -> str:
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        out, last = [], 0
        for match in self._regex.finditer(text):
            term = self._by_group[match.lastgroup]
            start, end = match.span()
            if term.id in linked or any(a <= start < b for a, b in quoted):
                continue
            linked.append(term.id)
            out.append(text[last:start])
            out.append(f'<a class="atazan-term" href="{html.escape(href)}#{term.id}" '
                       f'title="{html.escape(term.definition)}">{text[start:end]}</a>')
            last = end
        out.append(text[last:])
        return "".join(out)


class _Rewriter(HTMLParser):
    def __init__(self, linker: Linker, href: str):
        super().__init__(convert_charrefs=False)
        self.linker, self.href = linker, href
        self.out: list[str] = []
        self.linked: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in _VOID:
            return
        names = dict(attrs)
        skip = (self._skipping() or tag in _SKIP_TAGS or "data-atazan-no-glossary" in names
                or "atazan-legal" in (names.get("class") or ""))
        self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        self.out.append(data if self._skipping() else self.linker._replace(data, self.href, self.linked))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def terms_for(dataset, lang: str) -> list[Term]:
    """The glossary of `dataset` in `lang` (texts missing in that language are left out)."""
    terms = []
    for tid, record in sorted(dataset.glossary.items()):
        term, definition = record.term.get(lang), record.definition.get(lang)
        if term and definition and term.text and definition.text:
            terms.append(Term(tid, forms_of(term.text), " ".join(definition.text.split())))
    return terms
