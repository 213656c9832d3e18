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

Where: the page generator (render.py) links terms while it writes the Markdown of provision,
theme and news pages, in the prose texts the templates pass through `|md(terms)`,
`|md_block(terms)` or `|html(terms)`: explanations, summaries, notes, questions. Never linked:
titles and headings, link texts, legal text and its translations, sources, interface strings,
and text in quotation marks (« », “ ”, " "). Only the first occurrence of a term on a page is
linked, so a keyboard reader meets one extra Tab stop per term, not one per mention. (Linking
while writing Markdown, not by re-parsing each built page's HTML, keeps it off the build's
per-page cost: `atazan bench`.)
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable

from atazan import Language
from atazan.dataset.model import Dataset

_RU_ENDINGS = sorted("ый ий ой ая яя ое ее ые ие ия ья а я о е ы и й ь".split(), key=len, reverse=True)
_KK_VOICED = {"к": "[кг]", "қ": "[қғ]", "п": "[пб]"}
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


def _word_pattern(word: str, lang: Language) -> str:
    lower = word.lower()
    if lang == "ru":
        for ending in _RU_ENDINGS:
            if lower.endswith(ending) and len(lower) - len(ending) >= 3:
                return re.escape(word[: -len(ending)]) + r"\w*"
    if lang == "kk" and lower[-1:] in _KK_VOICED and len(lower) > 3:
        return re.escape(word[:-1]) + _KK_VOICED[lower[-1]] + r"\w*"
    return re.escape(word) + r"\w*"


# A term starts a word. Checked once per position in front of all terms, not by each term: most
# positions are inside a word, where this fails at once (ten times faster on prose).
_WORD_START = r"(?<![\w-])"


def term_pattern(form: str, lang: Language) -> str:
    """The regular expression of one form, without the word-start check in front (_WORD_START)."""
    return r"\s+".join(_word_pattern(word, lang) for word in form.split())


class Linker:
    """One language's glossary, compiled once; `for_page` gives the linking state of one page."""

    def __init__(self, terms: list[Term], lang: Language):
        patterns = []
        self._by_group = {}
        # Longest forms first, so "Central Referendum Commission" wins over "Referendum".
        ranked = sorted(((form, term) for term in terms for form in term.forms), key=lambda x: -len(x[0]))
        for index, (form, term) in enumerate(ranked):
            patterns.append(f"(?P<g{index}>{term_pattern(form, lang)})")
            self._by_group[f"g{index}"] = term
        self._regex = re.compile(_WORD_START + "(?:" + "|".join(patterns) + ")", re.IGNORECASE) if patterns else None

    def for_page(self, href: str) -> PageTerms:
        """`href`: the glossary page's URL relative to the page being rendered."""
        return PageTerms(self, href)


class PageTerms:
    """Links glossary terms in the prose texts of one page, in the order the page shows them.

    Templates pass only prose through it (explanations, summaries, notes), never titles, headings,
    link texts or legal text, so those never carry a term link. A term is linked at its first
    occurrence on the page only."""

    def __init__(self, linker: Linker, href: str):
        self.linker, self.href = linker, href
        self.linked: list[str] = []

    def render(self, text: str, escape: Callable[[str], str]) -> str:
        """`text` made safe by `escape` (Markdown or HTML), with `<a class="atazan-term">` around
        the first occurrence of each term not yet linked on this page."""
        regex = self.linker._regex
        if regex is None:
            return escape(text)
        quoted = None
        out, last = [], 0
        for match in regex.finditer(text):
            group = match.lastgroup
            assert group is not None  # every alternative of the pattern is a named group
            term = self.linker._by_group[group]
            start, end = match.span()
            if term.id in self.linked:
                continue
            if quoted is None:
                quoted = [m.span() for m in _QUOTED.finditer(text)]
            if any(a <= start < b for a, b in quoted):
                continue
            self.linked.append(term.id)
            out.append(escape(text[last:start]))
            out.append(f'<a class="atazan-term" href="{html.escape(self.href)}#{term.id}" '
                       f'title="{tooltip_attribute(term.definition)}">{escape(text[start:end])}</a>')
            last = end
        out.append(escape(text[last:]))
        return "".join(out)


def tooltip_attribute(definition: str) -> str:
    """The definition for the link's `title` attribute, escaped for the attribute. Material's
    content.tooltips draws the title into a tooltip, and the site's own script makes every such
    tooltip text-only (docs/assets/javascripts/atazan.js, part 1: Material would insert it as HTML),
    so the tooltip and a browser's native one both show the definition as written."""
    attribute = html.escape(definition, quote=True)
    # The link is inline HTML inside Markdown, and Python-Markdown finds links, images and code
    # before it sets raw HTML aside, inside attribute values too: `[x](javascript:…)` in a title
    # would become a live <a>. As character references those characters are only text.
    return attribute.translate(_MARKDOWN_INLINE)


_MARKDOWN_INLINE = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_[]{}()!"})


def terms_for(dataset: Dataset, lang: Language) -> list[Term]:
    """The glossary of `dataset` in `lang` (texts missing in that language are left out)."""
    terms = []
    for tid, record in sorted(dataset.glossary.items()):
        term, definition = record.term.get(lang), record.definition.get(lang)
        if term and definition and term.text and definition.text:
            terms.append(Term(tid, forms_of(term.text), " ".join(definition.text.split())))
    return terms
