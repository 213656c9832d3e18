"""What the official texts print, in kk, ru and en: labels of sections, articles, points and
subpoints; the notes the publications set between them; the service texts of the portals.

The shapes of ../shared/reference/legal-text-formats.md: kk `1-бап`, `І бөлім` (the Cyrillic
letter І as a Roman numeral; Latin `IV бөлім` too); ru `Статья 1`, `Раздел I`; en `Article 1`,
`Section I` or `Part I`; points `1.`, subpoints `1)`. A line that only looks like a label (a
look-alike letter for a digit, a chapter) is refused by `looks_like_label`, never read as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from atazan.dataset import textrules
from atazan.importers.text.structure import TextImportError

_NUMBER = r"([0-9]+(?:-[0-9]+)?)"
# Latin numerals and the Cyrillic letters printings use for them (І U+0406, Ӏ U+04C0, Х, С).
_NUMERAL = r"([IVXLCІӀХС]+|[0-9]{1,3})"
# A label stands alone on its line, or is followed by a period and a title: "Статья 5 настоящей
# Конституции…" or "5-бап сынақ мәтіні…" at the start of a line is running text.
_TITLE = r"(?:\s*\.?|\.\s+(.+))$"
ARTICLE = {
    "kk": re.compile(rf"^{_NUMBER}\s*-\s*бап{_TITLE}", re.I),
    "ru": re.compile(rf"^Статья\s+{_NUMBER}{_TITLE}", re.I),
    "en": re.compile(rf"^Article\s+{_NUMBER}{_TITLE}", re.I),
}
SECTION = {
    "kk": re.compile(rf"^{_NUMERAL}\s+бөлім{_TITLE}", re.I),
    "ru": re.compile(rf"^Раздел\s+{_NUMERAL}{_TITLE}", re.I),
    "en": re.compile(rf"^(?:Section|Part)\s+{_NUMERAL}{_TITLE}", re.I),
}
POINT = re.compile(rf"^{_NUMBER}\.(?:\s+(.*))?$")
SUBPOINT = re.compile(rf"^{_NUMBER}\)\s*(.*)$")
# Anything shaped like a label of any language, with any "number": what a label with a look-alike
# letter ("Статья З"), a numeral the reader does not know, or a chapter heading looks like.
_LOOSE = (
    ("article", re.compile(r"^(?:Статья|Article)\s+(\S{1,12}?)\s*\.?$", re.I)),
    ("article", re.compile(r"^(\S{1,12}?)\s*-?\s*бап\s*\.?$", re.I)),
    ("section", re.compile(r"^(?:Раздел|Section|Part)\s+(\S{1,12}?)\s*\.?$", re.I)),
    ("section", re.compile(r"^(\S{1,12}?)\s+бөлім\s*\.?$", re.I)),
    ("chapter", re.compile(r"^(?:Глава|Chapter)\s+(\S{1,12}?)\s*\.?$", re.I)),
    ("chapter", re.compile(r"^(\S{1,12}?)\s*-?\s*тарау\s*\.?$", re.I)),
)


@dataclass(frozen=True)
class Label:
    kind: str  # "section" | "article"
    number: str  # "I" for sections, "5" or "3-1" for articles
    label: str  # the label's own words: "Статья 5." or "І бөлім"
    heading: str | None  # a title on the same line


def section_number(numeral: str, where: str) -> str:
    """A section numeral as printed (I, І, ХІ, 4) as the canonical Latin one (I, XI, IV)."""
    if numeral.isascii() and numeral.isdigit():
        value = int(numeral) if len(numeral) <= 3 else 0
        if 0 < value <= textrules.MAX_SECTION:
            return textrules.int_to_roman(value)
        raise TextImportError(f"{where}: section number {numeral!r} is not between 1 and {textrules.MAX_SECTION}")
    roman = textrules.roman_to_int(numeral.upper())
    if roman is None:
        raise TextImportError(f"{where}: section number {numeral!r} is not a Roman numeral I, II, … up to "
                              f"{textrules.int_to_roman(textrules.MAX_SECTION)}")
    return textrules.int_to_roman(roman)


def article_number(number: str, where: str) -> str:
    problem = textrules.number_problem(number)
    if problem:
        raise TextImportError(f"{where}: {problem}")
    return number


def label(text: str, lang: str, where: str) -> Label | None:
    """The section or article label `text` is in `lang`, if it is one; refuses a line that looks
    like a label but cannot be read as one, or is one in another language."""
    for kind, patterns in (("section", SECTION), ("article", ARTICLE)):
        found = patterns[lang].match(text)
        if found:
            heading = found[2].strip() if found[2] else None
            words = text[: found.start(2)].rstrip() if found[2] else text
            number = section_number(found[1], where) if kind == "section" else article_number(found[1], where)
            return Label(kind, number, words, heading)
    for kind, patterns in (("section", SECTION), ("article", ARTICLE)):
        for other, pattern in patterns.items():
            if other != lang and pattern.match(text):
                raise TextImportError(f"{where}: {_short(text)!r} is {'a section' if kind == 'section' else 'an article'} "
                                      f"label in {other}, not --lang {lang}")
    looks = looks_like_label(text)
    if looks:
        kind, number = looks
        if kind == "chapter":
            raise TextImportError(f"{where}: {_short(text)!r} is a chapter heading; the Constitution has sections and "
                                  "articles, so this is not its text (or a shape this importer does not know)")
        raise TextImportError(f"{where}: {_short(text)!r} looks like {'a section' if kind == 'section' else 'an article'} "
                              f"label, but cannot be read as one: a look-alike letter in {number!r} or in the word? "
                              "correct the file and import it again")
    return None


# Latin letters that look like Cyrillic ones: "бөлiм" with a Latin i, "Cтатья" with a Latin C.
_LOOK_ALIKES = str.maketrans("aceiopxykmtbhABCEHKMOPTXl", "асеіорхукмтьнАВСЕНКМОРТХі")


def looks_like_label(text: str) -> tuple[str, str] | None:
    """(kind, number) when `text` has the shape of a label of any language, even with a look-alike
    letter in its word or its number; None for running text."""
    for candidate in (text, text.translate(_LOOK_ALIKES)):
        for kind, pattern in _LOOSE:
            found = pattern.match(candidate)
            if found:
                return kind, text[found.start(1):found.end(1)]
    return None


def point(text: str) -> tuple[str, str, str] | None:
    """(number, the label's words "1.", the rest) of a numbered point's line."""
    found = POINT.match(text)
    if not found:
        return None
    return found[1], f"{found[1]}.", found[2] or ""


def subpoint(text: str) -> tuple[str, str, str] | None:
    found = SUBPOINT.match(text)
    if not found:
        return None
    return found[1], f"{found[1]})", found[2] or ""


# ---------------------------------------------------------------- notes and service texts

_COURT = re.compile(r"^(?:Примечание\s*\.?\s*См\s*\.|Note\s*\.\s*See\b)", re.I)
_FOOTNOTE = re.compile(r"^(?:Сноска|Footnote)\s*\.", re.I)
_EDITORIAL = re.compile(r"^(?:Примечание|Ескертпе|Note)\s*\.", re.I)
_KK_NOTE = re.compile(r"^Ескерту\s*\.", re.I)
# A Kazakh "Ескерту." is a court note when it sends the reader to a ruling ("…қаулысын
# қараңыз"), an amendment footnote when it says what was changed.
_KK_COURT = re.compile(r"қараңыз", re.I)
_KK_FOOTNOTE = re.compile(r"енгізіл|өзгеріс|толықтыр|алып таста|алынып таста|редакцияда|күшін жой", re.I)
SERVICE_NOTE = re.compile(r"^(?:Примечание\s+(?:ИЗПИ|РЦПИ)|(?:ЗҚАИ|РҚАО)-ның\s+ескертпесі|Вниманию\s+пользователей"
                          r"|Қолданушылар(?:дың)?\s+назарына)\s*!\s*(.*)$", re.I)
# "Конституция принята на республиканском референдуме 30 августа 1995 года" and its kk and en twins:
# the act's requisites, printed under its title.
REQUISITES = re.compile(r"(?=.*референдум|.*referendum)(?=.*(?:принят|қабылдан|adopted|approved))(?=.*\b(?:19|20)\d\d\b)", re.I)
ACT_NAME = re.compile(r"Конституци|Constitution", re.I)


def note_kind(text: str, where: str, default: str | None = None) -> str | None:
    """court | footnote | editorial for a note of the official publication, None for text.
    `default`: the kind of a feed's `note` node that says nothing more (an amendment footnote)."""
    if _COURT.match(text):
        return "court"
    if _FOOTNOTE.match(text):
        return "footnote"
    if SERVICE_NOTE.match(text):
        return None
    if _EDITORIAL.match(text):
        return "editorial"
    if _KK_NOTE.match(text):
        if _KK_COURT.search(text):
            return "court"
        if _KK_FOOTNOTE.search(text) or default == "footnote":
            return "footnote"
        raise TextImportError(f"{where}: the note {_short(text)!r} says neither what it refers to (\"қараңыз\") nor "
                              "what was changed: cannot tell a court note from an amendment footnote")
    return default


def is_all_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


short = _short
