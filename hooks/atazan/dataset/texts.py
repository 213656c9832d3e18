"""The Constitution's own text: one file per version and language, `data/texts/<version>/<lang>.yml`.

Written by `atazan import-text` (hooks/atazan/importers/text/), fixable by hand in a pull
request: one paragraph is one YAML line, so a typo fix is a one-line diff
(decisions/legal-text.md). Identifiers are never stored; they are derived from the numbers with
Akoma Ntoso's naming convention (`art_2__para_3-1__subpara_1`), so they cannot drift from the
text and stay the same for as long as the version's numbering does.

The text keeps what the law prints: a point's unnumbered further paragraphs are its `parts`, an
article without numbered points keeps its paragraphs the same way, subpoints keep their numbers.
Court notes, amendment footnotes and editorial notes of the official publication are kept as
`notes` of their kind, and the publication's own service texts (a portal's notice to users, the
act's requisites) as `source.service`: none of them is part of the article's text, and none is
shown or exported as if it were.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from atazan import LANGUAGES
from atazan.dataset.load import LoadedFile, read_yaml
from atazan.dataset import messages, textrules
from atazan.dataset.schema import IsoDate, Lang, RegistryCode, Text, Url, VersionId
from atazan.errors import Problem, display_path
from atazan.fsutil import is_inside

FOLDER = "texts"
# Article, point and subpoint numbers as the texts print them: 12, or 3-1 for one inserted later
# (never 05 beside 5, never thousands of digits: dataset/textrules.py).
NUMBER_PATTERN = textrules.NUMBER_PATTERN
Number = Annotated[str, StringConstraints(pattern=NUMBER_PATTERN)]
ROMAN_PATTERN = r"^[IVXLC]{1,12}$"
NOTE_KINDS = ("court", "footnote", "editorial")
SERVICE_KINDS = ("service_note", "requisites", "contents", "signature")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServiceText(_Record):
    kind: Literal["service_note", "requisites", "contents", "signature"]
    text: Text


class TextSource(_Record):
    """Where this text was published, as a reader can check it."""

    publisher: Text
    title: Text
    date: IsoDate
    url: Url | None = None
    # The legal information system's code, e.g. K950001000_: the source line links the official portal's
    # page of it (website/official.py), so it is a code or nothing, never free text.
    registry: RegistryCode | None = None
    official: bool
    translator: Text | None = None  # who translated an unofficial text
    # False: the file holds only the parts of the version a source quotes (the shipped fragments).
    complete: bool = True
    # The publication's own status code as the file gives it (Әділет 2.0: e.g. "new"), never ours.
    status: Text | None = None
    # Texts of the publication that are not the law: a portal's notice to its users, the act's
    # requisites. Kept so nothing the operator saved is lost; never shown as the text.
    service: list[ServiceText] = []

    @model_validator(mode="after")
    def _checkable(self) -> "TextSource":
        if self.url is None and self.registry is None:
            raise PydanticCustomError("source", "give a url or a registry code, so a reader can check the text")
        if not self.official and self.translator is None:
            raise PydanticCustomError("source", "an unofficial text needs its 'translator'")
        return self


class Note(_Record):
    # A court's note ("Примечание. См. нормативное постановление…"), an amendment footnote
    # ("Сноска. Статья 2 с изменениями…"), or the publisher's editorial note ("Примечание. В
    # соответствии с Законом…", kk "Ескертпе.").
    kind: Literal["court", "footnote", "editorial"]
    text: Text


class Subparagraph(_Record):
    number: Number
    text: Text


class Block(_Record):
    """A point's wording as printed: its first paragraph (`text`), its unnumbered further
    paragraphs (`parts`), numbered items `1) …`, `2) …`, and the words that close them (`wrap_up`)."""

    text: Text | None = None
    parts: list[Text] = []
    subparagraphs: list[Subparagraph] = []
    wrap_up: Text | None = None

    @model_validator(mode="after")
    def _has_text(self) -> "Block":
        if self.text is None and not self.subparagraphs:
            raise PydanticCustomError("text", "a paragraph needs its text or its subparagraphs")
        if self.parts and self.text is None:
            raise PydanticCustomError("text", "further parts follow a first paragraph ('text')")
        if self.wrap_up is not None and not self.subparagraphs:
            raise PydanticCustomError("text", "'wrap_up' closes a list of subparagraphs; without one it is a part")
        _unique((s.number for s in self.subparagraphs), "subparagraph")
        return self


class Paragraph(Block):
    number: Number


class Article(_Record):
    number: Number
    section: Annotated[str, StringConstraints(pattern=ROMAN_PATTERN)] | None = None
    heading: Text | None = None
    # An article without numbered paragraphs holds its text here, as a Block does.
    text: Text | None = None
    parts: list[Text] = []
    subparagraphs: list[Subparagraph] = []
    wrap_up: Text | None = None
    paragraphs: list[Paragraph] = []
    notes: list[Note] = []

    @model_validator(mode="after")
    def _shape(self) -> "Article":
        if self.paragraphs and (self.text is not None or self.parts or self.subparagraphs or self.wrap_up is not None):
            raise PydanticCustomError("text", "an article has either numbered paragraphs or its own text, not both")
        if not self.paragraphs and self.text is None and not self.subparagraphs:
            raise PydanticCustomError("text", "an article needs its text or its paragraphs")
        if self.parts and self.text is None:
            raise PydanticCustomError("text", "further parts follow a first paragraph ('text')")
        if self.wrap_up is not None and not self.subparagraphs:
            raise PydanticCustomError("text", "'wrap_up' closes a list of subparagraphs; without one it is a part")
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
    """A paragraph's (or an unnumbered article's) whole wording as printed: its parts and items
    one line each (a line break between them, never a space that would glue them)."""
    lines = [block.text] if block.text else []
    lines += list(block.parts)
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
    """3-1 sorts after 3 and before 4. Bounded: a number no text prints sorts last, it never raises."""
    if textrules.number_problem(number) is not None:
        return (10**9,)
    return tuple(int(part) for part in number.split("-"))


# ---------------------------------------------------------------- structure

def structure_problems(text: TextFile) -> list[tuple[tuple, str]]:
    """What is wrong with a text's numbering, as (location in the file, message): articles and
    sections in order without gaps or repeats (a complete text starts at 1 and I), points and
    subpoints in order without gaps, every article in a section once the text has sections.
    `atazan import-text` refuses a text with any of these; `atazan validate` reports them."""
    found: list[tuple[tuple, str]] = []
    complete = text.source.complete
    found += [(("articles", i, "number"), m) for i, m in _sequence_problems([a.number for a in text.articles], "article", complete)]
    numerals = [s.number for s in text.sections]
    values = [textrules.roman_to_int(n) for n in numerals]
    for index, (numeral, value) in enumerate(zip(numerals, values)):
        expected = (values[index - 1] or 0) + 1 if index else (1 if complete else value)
        if value is None:
            found.append((("sections", index, "number"), f"section {numeral} is not a numeral I, II, … up to {textrules.MAX_SECTION}"))
        elif value != expected:
            found.append((("sections", index, "number"),
                          f"section {numeral} follows {numerals[index - 1] if index else 'the start'}; expected "
                          f"{textrules.int_to_roman(expected) if expected and expected <= textrules.MAX_SECTION else '?'}"))
    if text.sections:
        order = {n: i for i, n in enumerate(numerals)}
        last = -1
        for index, article in enumerate(text.articles):
            if article.section is None:
                found.append((("articles", index, "section"), f"article {article.number} is in no section, though the text has sections"))
                continue
            position = order.get(article.section, last)
            if position < last:
                found.append((("articles", index, "section"), f"article {article.number} is in section {article.section}, "
                                                             f"after an article of section {numerals[last]}"))
            last = max(last, position)
    for index, article in enumerate(text.articles):
        where = ("articles", index)
        points = [p.number for p in article.paragraphs]
        found += [(where + ("paragraphs", i, "number"), f"article {article.number}: {m}")
                  for i, m in _sequence_problems(points, "point", True)]
        for p_index, paragraph in enumerate(article.paragraphs):
            found += [(where + ("paragraphs", p_index, "subparagraphs", i, "number"),
                       f"article {article.number}, point {paragraph.number}: {m}")
                      for i, m in _sequence_problems([s.number for s in paragraph.subparagraphs], "subpoint", True)]
        found += [(where + ("subparagraphs", i, "number"), f"article {article.number}: {m}")
                  for i, m in _sequence_problems([s.number for s in article.subparagraphs], "subpoint", True)]
    return found


def _sequence_problems(numbers: list[str], what: str, whole: bool) -> list[tuple[int, str]]:
    """Numbers in print order: each one the next (n+1), or an inserted one (n-1, n-2, … after n),
    the first 1; of a part of a text (`whole` False) only rising. One pass, a set for repeats:
    linear in the count."""
    problems: list[tuple[int, str]] = []
    seen: set[str] = set()
    previous: tuple[int, ...] | None = None
    for index, number in enumerate(numbers):
        if number in seen:
            problems.append((index, f"{what} {number} appears twice"))
            continue
        seen.add(number)
        key = number_key(number)
        if previous is None:
            if whole and key != (1,):
                problems.append((index, f"the first {what} is {number}, not 1" if len(key) == 1 else f"the first {what} is {number}"))
        elif not (_follows(previous, key) if whole else key > previous):
            shown = "-".join(str(n) for n in previous)
            missing = _missing(previous, key)
            problems.append((index, f"{what} {number} follows {what} {shown}"
                                    + (f": {what}(s) {missing} missing" if missing else ": out of order")))
        previous = key
    return problems


def _follows(previous: tuple[int, ...], key: tuple[int, ...]) -> bool:
    # 4 after 3, 3-1; 3-1 after 3; 3-2 after 3-1.
    if len(key) == 1:
        return key[0] == previous[0] + 1
    return (len(previous) == 1 and key == (previous[0], 1)) or (len(previous) == 2 and key == (previous[0], previous[1] + 1))


def _missing(previous: tuple[int, ...], key: tuple[int, ...]) -> str:
    if len(key) == 1 and key[0] > previous[0] + 1:
        gap = range(previous[0] + 1, key[0])
        return ", ".join(str(n) for n in gap[:10]) + (f" … ({len(gap)} in all)" if len(gap) > 10 else "")
    return ""


# ---------------------------------------------------------------- loading

@dataclass
class Texts:
    """Every text held: (version, lang) -> TextFile, and where each came from."""

    files: dict[tuple[str, str], TextFile] = field(default_factory=dict)
    origin: dict[tuple[str, str], str] = field(default_factory=dict)
    # The differences listed for a person to check, as lines `atazan validate` prints.
    notes: list[Problem] = field(default_factory=list)

    def get(self, version: str, lang: str) -> TextFile | None:
        return self.files.get((version, lang))

    def versions(self) -> set[str]:
        return {version for version, _ in self.files}

    def __bool__(self) -> bool:
        return bool(self.files)


def path_for(data_dir: str, version: str, lang: str) -> str:
    return os.path.join(data_dir, FOLDER, version, f"{lang}.yml")


# load.read_yaml hands back the very same parsed file while its bytes are unchanged (a live preview
# loads the dataset on every edit): its record is then the same too, and so is what is computed
# from it by identity (textcompare.comparison). The checks of the record against the dataset run
# on every load.
_RECORDS: dict[int, tuple[LoadedFile, "TextFile"]] = {}


def _record(loaded: LoadedFile) -> "TextFile":
    kept = _RECORDS.get(id(loaded))
    if kept is not None and kept[0] is loaded:
        return kept[1]
    record = TextFile.model_validate(loaded.data)
    if len(_RECORDS) > 64:
        _RECORDS.clear()
    _RECORDS[id(loaded)] = (loaded, record)
    return record


def load_texts(data_dir: str, root: str, known_versions: dict[str, bool]) -> tuple[Texts, list[Problem]]:
    """Read data/texts/<version>/<lang>.yml; a missing folder is no texts at all. `known_versions`:
    version id -> whether it is dated (a proposal has no date and never was a text)."""

    texts, problems = Texts(), list[Problem]()
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
                record = _record(loaded)
            except ValidationError as error:
                for item in error.errors(include_url=False):
                    loc = tuple(item["loc"])
                    message = item["msg"] if item["type"] in ("duplicate", "source", "text") else messages.message(item, TextFile, loc)
                    problems.append(Problem(shown, messages.field_path(loc), message, loaded.line_of(loc)))
                continue
            problems += _file_checks(record, loaded, version, lang, known_versions)
            problems += [Problem(shown, messages.field_path(loc), message, loaded.line_of(loc))
                         for loc, message in structure_problems(record)]
            texts.files[(version, lang)] = record
            texts.origin[(version, lang)] = shown
    return texts, problems


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


def roman_value(numeral: str) -> int:
    value = textrules.roman_to_int(numeral)
    if value is None:
        raise ValueError(f"{numeral!r} is not a section numeral (I, II, … up to {textrules.MAX_SECTION})")
    return value


def to_roman(value: int) -> str:
    return textrules.int_to_roman(value)

