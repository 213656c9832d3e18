"""The Constitution's own text: one file per version and language, `data/texts/<version>/<lang>.yml`.

Written by `atazan import-text` (hooks/atazan/importers/text/), fixable by hand in a pull
request: one paragraph is one YAML line, so a typo fix is a one-line diff
(decisions/legal-text.md). Identifiers are never stored; they are derived from the numbers with
Akoma Ntoso's naming convention (`art_2__para_3-1__subpara_1`), so they cannot drift from the
text and stay the same for as long as the version's numbering does.

Court notes and amendment footnotes of the official feed are kept as `notes`: they are not part
of the article's text and are never shown or exported as if they were.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from atazan import LANGUAGES
from atazan.dataset.load import LoadedFile, read_yaml
from atazan.dataset import messages
from atazan.dataset.schema import IsoDate, Lang, Text, Url, VersionId
from atazan.errors import Problem, display_path
from atazan.fsutil import is_inside

FOLDER = "texts"
# Article and paragraph numbers as the texts print them: 12, or 3-1 for one inserted later.
NUMBER_PATTERN = r"^[0-9]+(?:-[0-9]+)?$"
Number = Annotated[str, StringConstraints(pattern=NUMBER_PATTERN)]
ROMAN_PATTERN = r"^[IVXLC]+$"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextSource(_Record):
    """Where this text was published, as a reader can check it."""

    publisher: Text
    title: Text
    date: IsoDate
    url: Url | None = None
    registry: Text | None = None  # the legal information system's code, e.g. K950001000_
    official: bool
    translator: Text | None = None  # who translated an unofficial text
    # False: the file holds only the parts of the version a source quotes (the shipped fragments).
    complete: bool = True

    @model_validator(mode="after")
    def _checkable(self) -> "TextSource":
        if self.url is None and self.registry is None:
            raise PydanticCustomError("source", "give a url or a registry code, so a reader can check the text")
        if not self.official and self.translator is None:
            raise PydanticCustomError("source", "an unofficial text needs its 'translator'")
        return self


class Note(_Record):
    kind: Literal["court", "footnote"]  # a court's note, or an amendment footnote
    text: Text


class Subparagraph(_Record):
    number: Number
    text: Text


class Block(_Record):
    """Text with optional numbered items: `1) …`, `2) …`, and the words after them."""

    text: Text | None = None
    subparagraphs: list[Subparagraph] = []
    wrap_up: Text | None = None

    @model_validator(mode="after")
    def _has_text(self) -> "Block":
        if self.text is None and not self.subparagraphs:
            raise PydanticCustomError("text", "a paragraph needs its text or its subparagraphs")
        _unique((s.number for s in self.subparagraphs), "subparagraph")
        return self


class Paragraph(Block):
    number: Number


class Article(_Record):
    number: Number
    section: Annotated[str, StringConstraints(pattern=ROMAN_PATTERN)] | None = None
    heading: Text | None = None
    # An article without numbered paragraphs holds its text here.
    text: Text | None = None
    subparagraphs: list[Subparagraph] = []
    wrap_up: Text | None = None
    paragraphs: list[Paragraph] = []
    notes: list[Note] = []

    @model_validator(mode="after")
    def _shape(self) -> "Article":
        if self.paragraphs and (self.text is not None or self.subparagraphs):
            raise PydanticCustomError("text", "an article has either numbered paragraphs or its own text, not both")
        if not self.paragraphs and self.text is None and not self.subparagraphs:
            raise PydanticCustomError("text", "an article needs its text or its paragraphs")
        _unique((p.number for p in self.paragraphs), "paragraph")
        _unique((s.number for s in self.subparagraphs), "subparagraph")
        return self


class Section(_Record):
    number: Annotated[str, StringConstraints(pattern=ROMAN_PATTERN)]
    heading: Text | None = None


class TextFile(_Record):
    version: VersionId
    lang: Lang
    source: TextSource
    title: Text | None = None
    preamble: list[Text] = []
    sections: list[Section] = []
    articles: list[Article] = Field(min_length=1)
    notes: list[Note] = []  # notes outside any article

    @model_validator(mode="after")
    def _unique_numbers(self) -> "TextFile":
        _unique((a.number for a in self.articles), "article")
        _unique((s.number for s in self.sections), "section")
        return self


def _unique(numbers, what: str) -> None:
    seen: set[str] = set()
    for number in numbers:
        if number in seen:
            raise PydanticCustomError("duplicate", "{what} {number} appears twice", {"what": what, "number": number})
        seen.add(number)


# ---------------------------------------------------------------- identifiers and fingerprints

def article_eid(number: str) -> str:
    # Articles are numbered through the whole Constitution, so their id leaves out the section:
    # moving an article to another section does not break its links.
    return f"art_{number}"


def paragraph_eid(article: str, paragraph: str) -> str:
    return f"{article_eid(article)}__para_{paragraph}"


def subparagraph_eid(parent_eid: str, number: str) -> str:
    return f"{parent_eid}__subpara_{number}"


def section_eid(number: str) -> str:
    return f"part_{number}"


PREAMBLE_EID = "preamble"


def fingerprint(text: str) -> str:
    """8 hex digits of the text with its spacing normalised: what an explanation will store
    (issue 16) to notice that the paragraph it explains has changed."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def block_text(block: Block | Article) -> str:
    """A paragraph's (or an unnumbered article's) whole wording, items included, one line each."""
    lines = [block.text] if block.text else []
    lines += [f"{s.number}) {s.text}" for s in block.subparagraphs]
    if block.wrap_up:
        lines.append(block.wrap_up)
    return "\n".join(lines)


def addressable(text: TextFile) -> dict[str, str]:
    """Every addressable part of one text by its eId: the preamble, each article's paragraphs
    (or its own text) and subparagraphs. The unit issue 16 fingerprints and diffs."""
    parts: dict[str, str] = {}
    if text.preamble:
        parts[PREAMBLE_EID] = "\n".join(text.preamble)
    for article in text.articles:
        art = article_eid(article.number)
        if article.paragraphs:
            for paragraph in article.paragraphs:
                eid = paragraph_eid(article.number, paragraph.number)
                parts[eid] = block_text(paragraph)
                for sub in paragraph.subparagraphs:
                    parts[subparagraph_eid(eid, sub.number)] = sub.text
        else:
            parts[art] = block_text(article)
            for sub in article.subparagraphs:
                parts[subparagraph_eid(art, sub.number)] = sub.text
    return parts


def number_key(number: str) -> tuple[int, ...]:
    """3-1 sorts after 3 and before 4."""
    return tuple(int(part) for part in number.split("-"))


# ---------------------------------------------------------------- loading

@dataclass
class Texts:
    """Every text held: (version, lang) -> TextFile, and where each came from."""

    files: dict[tuple[str, str], TextFile] = field(default_factory=dict)
    origin: dict[tuple[str, str], str] = field(default_factory=dict)

    def get(self, version: str, lang: str) -> TextFile | None:
        return self.files.get((version, lang))

    def versions(self) -> set[str]:
        return {version for version, _ in self.files}

    def __bool__(self) -> bool:
        return bool(self.files)


def path_for(data_dir: str, version: str, lang: str) -> str:
    return os.path.join(data_dir, FOLDER, version, f"{lang}.yml")


def load_texts(data_dir: str, root: str, known_versions: dict[str, bool]) -> tuple[Texts, list[Problem]]:
    """Read data/texts/<version>/<lang>.yml; a missing folder is no texts at all. `known_versions`:
    version id -> whether it is dated (a proposal has no date and never was a text)."""

    texts, problems = Texts(), []
    folder = os.path.join(data_dir, FOLDER)
    if not os.path.isdir(folder):
        return texts, problems
    if not is_inside(folder, root):  # a linked data/texts: nothing in it is read, or published
        return texts, [Problem(display_path(folder, root), "", f"a symbolic link to {os.path.realpath(folder)}, outside the repository; "
                                                               "texts live in the repository's data/texts/")]
    for version in sorted(os.listdir(folder)):
        version_dir = os.path.join(folder, version)
        if version.startswith((".", "_")):
            continue
        if not os.path.isdir(version_dir):
            problems.append(Problem(display_path(version_dir, root), "", "unexpected file: texts live in data/texts/<version>/<lang>.yml"))
            continue
        for name in sorted(os.listdir(version_dir)):
            if name.startswith((".", "_")):
                continue
            abs_path = os.path.join(version_dir, name)
            shown = display_path(abs_path, root)
            lang = name.removesuffix(".yml")
            if not name.endswith(".yml") or lang not in LANGUAGES:
                problems.append(Problem(shown, "", f"unexpected file: expected one of {', '.join(f'{l}.yml' for l in LANGUAGES)}"))
                continue
            loaded, found = read_yaml(abs_path, shown, root)
            problems += found
            if loaded is None:
                continue
            if not isinstance(loaded.data, dict):
                problems.append(Problem(shown, "", "expected a mapping of keys to values (a text file written by `atazan import-text`)", 1))
                continue
            try:
                record = TextFile.model_validate(loaded.data)
            except ValidationError as error:
                for item in error.errors(include_url=False):
                    loc = tuple(item["loc"])
                    message = item["msg"] if item["type"] in ("duplicate", "source", "text") else messages.message(item, TextFile, loc)
                    problems.append(Problem(shown, messages.field_path(loc), message, loaded.line_of(loc)))
                continue
            problems += _file_checks(record, loaded, version, lang, known_versions)
            texts.files[(version, lang)] = record
            texts.origin[(version, lang)] = shown
    return texts, problems + _language_checks(texts)


def _language_checks(texts: Texts) -> list[Problem]:
    # Two complete texts of one version must hold the same articles: a missing one is an import
    # gone wrong (a page of the feed left out), not a difference between languages.
    problems = []
    for (version, lang), text in sorted(texts.files.items()):
        if not text.source.complete:
            continue
        mine = {a.number for a in text.articles}
        for (other_version, other_lang), other in sorted(texts.files.items()):
            if other_version != version or other_lang == lang or not other.source.complete:
                continue
            missing = sorted({a.number for a in other.articles} - mine, key=number_key)
            if missing:
                problems.append(Problem(texts.origin[(version, lang)], "articles",
                                        f"article(s) {', '.join(missing[:10])} of {texts.origin[(other_version, other_lang)]} "
                                        "missing here; re-import the complete text or mark it --partial", severity="warning"))
    return problems


def _file_checks(record: TextFile, loaded: LoadedFile, version: str, lang: str, known: dict[str, bool]) -> list[Problem]:
    problems = []
    if record.version != version:
        problems.append(Problem(loaded.path, "version", f"'{record.version}' does not match the folder '{version}'", loaded.line_of(("version",))))
    elif version not in known:
        problems.append(Problem(loaded.path, "version", f"unknown version '{version}' (see data/versions.yml)", loaded.line_of(("version",))))
    elif not known[version]:
        problems.append(Problem(loaded.path, "version", f"'{version}' has no date in data/versions.yml: a proposal is not a text of the Constitution",
                                loaded.line_of(("version",))))
    if record.lang != lang:
        problems.append(Problem(loaded.path, "lang", f"'{record.lang}' does not match the file name '{lang}.yml'", loaded.line_of(("lang",))))
    sections = {s.number for s in record.sections}
    for index, article in enumerate(record.articles):
        if article.section is not None and article.section not in sections:
            problems.append(Problem(loaded.path, f"articles[{index}].section", f"unknown section '{article.section}' (not in sections)",
                                    loaded.line_of(("articles", index, "section"))))
    return problems


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(numeral: str) -> int:
    total = 0
    for letter, following in zip(numeral, numeral[1:] + " "):
        value = _ROMAN[letter]
        total += -value if following != " " and _ROMAN[following] > value else value
    return total


def to_roman(value: int) -> str:
    out = ""
    for number, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out

