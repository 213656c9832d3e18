"""One set of rules for text that may be published: what `atazan import-text`, `atazan
import-news`, `atazan validate` and the build all accept, so nothing passes one and fails the next.

A string breaks these rules when it holds a character no reader's text needs and a parser or a
screen would misread (C0/C1 controls other than tab and line breaks, bidirectional controls,
Unicode non-characters), or is larger than any legal text or record needs. Each check returns a
`TextProblem` (where, and what, worded for the one-line messages) or None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

# Embedding, override and isolate controls, and the marks (LRM, RLM, ALM).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"

# C0/C1 controls other than tab, line feed and carriage return (and NEL, U+0085, which YAML reads
# as a line break); the non-characters XML and feeds refuse (U+FFFE, U+FFFF, and the last two code
# points of every plane); the bidirectional controls.
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xfffe)}{chr(plane * 0x10000 + 0xffff)}" for plane in range(1, 17))
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f" + _NONCHARACTERS + BIDI_CONTROLS + "]")

# A data file is text a person edits; anything larger is a mistake (or an attack on the build).
MAX_FILE_BYTES = 16 * 1024 * 1024
# One string of a record or of an imported text: the longest article of any constitution is a few
# thousand words; a million characters is a file that was not split where it should have been.
MAX_STRING_CHARS = 1_000_000


@dataclass(frozen=True)
class TextProblem:
    index: int  # position in the string
    message: str  # e.g. "a control character U+0001 at column 5; remove it"

    def line_and_column(self, text: str) -> tuple[int, int]:
        line = text.count("\n", 0, self.index) + 1
        return line, self.index - (text.rfind("\n", 0, self.index) + 1) + 1


def character_problem(text: str) -> TextProblem | None:
    """The first forbidden character of `text`, named by code point and column."""
    bad = FORBIDDEN.search(text)
    if bad is None:
        return None
    char = bad.group(0)
    column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
    kind = ("a bidirectional control character" if char in BIDI_CONTROLS
            else "a control character" if ord(char) < 0xa0 else "a Unicode non-character")
    return TextProblem(bad.start(), f"{kind} U+{ord(char):04X} at column {column}; remove it")


def string_problem(text: str) -> TextProblem | None:
    """Any rule `text` breaks as one published string: size, then characters."""
    if len(text) > MAX_STRING_CHARS:
        return TextProblem(0, f"text of {len(text):,} characters; at most {MAX_STRING_CHARS:,} in one field")
    return character_problem(text)


def strings_in(value: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every string in decoded data (keys included), with its location as pydantic reports one."""
    stack: list[tuple[tuple[Any, ...], Any]] = [(loc, value)]
    while stack:
        where, current = stack.pop()
        if isinstance(current, str):
            yield where, current
        elif isinstance(current, dict):
            for key, item in current.items():
                if isinstance(key, str):
                    yield where + (key,), key
                stack.append((where + (key,), item))
        elif isinstance(current, list):
            stack.extend((where + (i,), item) for i, item in enumerate(current))


# ---------------------------------------------------------------- numbers of a legal text

# Article, point and subpoint numbers as legal texts print them: 5, or 3-1 for one inserted after 3.
# Never 05 (it would stand beside 5 as a second article with a page of its own) and never longer
# than any real number (a 5,000-digit number is past what int() converts, and no text has one).
NUMBER_PATTERN = r"^[1-9][0-9]{0,3}(?:-[1-9][0-9]{0,3})?$"
_NUMBER = re.compile(NUMBER_PATTERN)
# Sections are numbered I, II, … : more than this is not a constitution's (and would make a long
# numeral loop).
MAX_SECTION = 100
_ROMAN_VALUES = (("C", 100), ("XC", 90), ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
# Letters that printings use as Roman numerals: Kazakh printings write "І бөлім" with the Cyrillic
# І (U+0406), and Х and С are the Cyrillic twins of X and C.
_NUMERAL_TWINS = str.maketrans({"\u0406": "I", "\u04c0": "I", "\u0425": "X", "\u0421": "C", "\u2160": "I",
                                "\u2164": "V", "\u2169": "X"})


def number_problem(number: str) -> str | None:
    """Why `number` is not an article/point/subpoint number as texts print them, or None."""
    if _NUMBER.match(number):
        return None
    if len(number) > 12:
        return f"number of {len(number):,} characters; an article, point or subpoint number is like 12 or 3-1"
    if re.fullmatch(r"0[0-9]+(?:-[0-9]+)?|[0-9]+-0[0-9]+", number):
        return f"number {number!r} has a leading zero; write it as the text prints it (5, not 05)"
    return f"number {number!r} is not a number like 12 or 3-1"


def roman_to_int(numeral: str) -> int | None:
    """The value of a Roman numeral in its one canonical spelling (IV, not IIII), written with Latin
    letters or with the Cyrillic letters printings use for them; None if it is not one."""
    latin = numeral.translate(_NUMERAL_TWINS)
    if not latin or len(latin) > 12 or not re.fullmatch(r"[IVXLC]+", latin):
        return None
    value, rest = 0, latin
    for letters, amount in _ROMAN_VALUES:
        while rest.startswith(letters):
            value += amount
            rest = rest[len(letters):]
    if rest or not 0 < value <= MAX_SECTION or int_to_roman(value) != latin:
        return None
    return value


def int_to_roman(value: int) -> str:
    """I, II, … up to MAX_SECTION; a bounded loop, whatever the value."""
    if not 0 < value <= MAX_SECTION:
        raise ValueError(f"section number {value} is not between 1 and {MAX_SECTION}")
    out = ""
    for letters, amount in _ROMAN_VALUES:
        count, value = divmod(value, amount)
        out += letters * count
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")


def value_problem(text: str) -> TextProblem | None:
    """`string_problem` for a string as the YAML parser decoded it. The raw file was checked
    before parsing; what is found here was written as an escape (`"\\x01"`, `"\\uFFFE"`, `"\\0"`)
    that only became the character when decoded, so the message says where in the value it is
    and how it was most likely written, not a column of the file."""
    problem = string_problem(text)
    if problem is None:
        half = _SURROGATE.search(text)  # "\ud800": half of a UTF-16 pair, no character; UTF-8 cannot write it
        if half is not None:
            return TextProblem(half.start(), f"half of a UTF-16 surrogate pair U+{ord(half.group(0)):04X} at character "
                                             f"{half.start() + 1} of the value (an escape like \"\\u{ord(half.group(0)):04X}\"); "
                                             "write the character itself")
        return None
    if problem.message.startswith("text of "):
        return problem
    char = text[problem.index]
    kind = problem.message.split(" U+", 1)[0]
    return TextProblem(problem.index, f"{kind} U+{ord(char):04X} at character {problem.index + 1} of the value "
                                      f"(a YAML escape such as \"\\u{ord(char):04X}\" decodes to it); remove it")


def value_problems(value: Any) -> Iterator[tuple[tuple[Any, ...], TextProblem]]:
    """Every decoded string of a data file (keys included) that breaks the rules, with its
    location as pydantic reports one, so the loader can name field and line."""
    for loc, text in strings_in(value):
        problem = value_problem(text)
        if problem is not None:
            yield loc, problem
