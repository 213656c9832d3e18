"""The shape both readers feed: preamble, sections, articles, paragraphs, subparagraphs, notes.

Readers report what they see, one call per piece, in document order; the builder decides
where each piece belongs and refuses what cannot be right (an article number twice, a
paragraph outside an article), naming the place in the input.
"""

from __future__ import annotations

import re

from atazan.dataset.texts import NUMBER_PATTERN

SUBPARAGRAPH = re.compile(r"^([0-9]+(?:-[0-9]+)?)\)\s*(.*)$", re.S)


class TextImportError(Exception):
    """Bad input; the message is one line (the CLI puts the file name before it)."""


class Builder:
    def __init__(self) -> None:
        self.title: str | None = None
        self.preamble: list[str] = []
        self.sections: list[dict] = []
        self.articles: list[dict] = []
        self.notes: list[dict] = []
        self._section: dict | None = None
        self._article: dict | None = None
        self._block: dict | None = None  # the paragraph (or unnumbered article) taking text now
        self._numbers: dict[str, str] = {}  # article number -> where it was seen

    # ---------------------------------------------------------------- what the readers report

    def set_title(self, text: str) -> None:
        if self.title is None and not self.articles and not self.preamble:
            self.title = _clean(text)
        else:
            self.text(text, "")

    def section(self, number: str, heading: str | None, where: str) -> None:
        if any(s["number"] == number for s in self.sections):
            raise TextImportError(f"{where}: section {number} appears twice")
        self._section = {"number": number}
        if heading:
            self._section["heading"] = _clean(heading)
        self.sections.append(self._section)
        self._article = self._block = None

    def section_heading(self, text: str) -> None:
        if self._section is not None and "heading" not in self._section:
            self._section["heading"] = _clean(text)
        else:
            self.text(text, "")

    def article_heading(self, text: str, where: str) -> None:
        """A heading after an article's label: its title, or (once its text began) running text."""
        if self._article is not None and self._block is None and "heading" not in self._article \
                and not any(key in self._article for key in ("text", "subparagraphs")):
            self._article["heading"] = _clean(text)
        else:
            self.text(text, where)

    def expects_section_heading(self) -> bool:
        return self._section is not None and "heading" not in self._section and self._article is None

    def article(self, number: str, where: str, heading: str | None = None) -> None:
        if not re.fullmatch(NUMBER_PATTERN, number):
            raise TextImportError(f"{where}: article number {number!r} is not a number like 12 or 3-1")
        if number in self._numbers:
            raise TextImportError(f"{where}: article {number} appears twice (first at {self._numbers[number]})")
        self._numbers[number] = where
        self._article = {"number": number}
        if self._section is not None:
            self._article["section"] = self._section["number"]
        if heading:
            self._article["heading"] = _clean(heading)
        self.articles.append(self._article)
        self._block = None

    def paragraph(self, number: str, text: str, where: str) -> None:
        if self._article is None:
            raise TextImportError(f"{where}: paragraph {number} before the first article")
        if "text" in self._article or "subparagraphs" in self._article:
            raise TextImportError(f"{where}: paragraph {number} of article {self._article['number']} "
                                  "follows text that has no paragraph number")
        paragraphs = self._article.setdefault("paragraphs", [])
        if any(p["number"] == number for p in paragraphs):
            raise TextImportError(f"{where}: paragraph {number} appears twice in article {self._article['number']}")
        self._block = {"number": number}
        paragraphs.append(self._block)
        if text.strip():
            self.text(text, where)

    def text(self, text: str, where: str) -> None:
        """A line of running text: a paragraph's words, a subparagraph `1) …`, or the words after them."""
        text = _clean(text)
        if not text:
            return
        if self._article is None:
            self.preamble.append(text)
            return
        block = self._block if self._block is not None else self._article
        if "paragraphs" in block:  # an article whose paragraphs have all been given
            block = block["paragraphs"][-1]
        found = SUBPARAGRAPH.match(text)
        if found and found[2].strip():
            subs = block.setdefault("subparagraphs", [])
            number = found[1]
            if any(s["number"] == number for s in subs):
                raise TextImportError(f"{where}: subparagraph {number}) appears twice in article {self._article['number']}")
            subs.append({"number": number, "text": _clean(found[2])})
        elif "subparagraphs" in block:
            block["wrap_up"] = f"{block['wrap_up']} {text}" if "wrap_up" in block else text
        else:
            block["text"] = f"{block['text']} {text}" if "text" in block else text

    def note(self, kind: str, text: str) -> None:
        note = {"kind": kind, "text": _clean(text)}
        (self._article.setdefault("notes", []) if self._article is not None else self.notes).append(note)

    # ---------------------------------------------------------------- the result

    def result(self, version: str, lang: str, source: dict) -> dict:
        if not self.articles:
            raise TextImportError("no articles found (expected article headings such as "
                                  "'Статья 1', '1-бап' or 'Article 1')")
        for article in self.articles:
            if not any(key in article for key in ("text", "subparagraphs", "paragraphs")):
                raise TextImportError(f"article {article['number']} has no text")
            for paragraph in article.get("paragraphs", []):
                if "text" not in paragraph and "subparagraphs" not in paragraph:
                    raise TextImportError(f"paragraph {paragraph['number']} of article {article['number']} has no text")
        record: dict = {"version": version, "lang": lang, "source": source}
        if self.title:
            record["title"] = self.title
        if self.preamble:
            record["preamble"] = self.preamble
        if self.sections:
            record["sections"] = self.sections
        record["articles"] = [_ordered(a) for a in self.articles]
        if self.notes:
            record["notes"] = self.notes
        return record


_ARTICLE_KEYS = ("number", "section", "heading", "text", "subparagraphs", "wrap_up", "paragraphs", "notes")
_PARAGRAPH_KEYS = ("number", "text", "subparagraphs", "wrap_up")


def _ordered(article: dict) -> dict:
    # A fixed key order, so the canonical file never changes for a reason the text did not give.
    out = {key: article[key] for key in _ARTICLE_KEYS if key in article}
    if "paragraphs" in out:
        out["paragraphs"] = [{key: p[key] for key in _PARAGRAPH_KEYS if key in p} for p in out["paragraphs"]]
    return out


def _clean(text: str) -> str:
    # Non-breaking and other odd spaces, soft hyphens and doubled spaces from a web page.
    return " ".join(text.replace("\u00ad", "").split())

