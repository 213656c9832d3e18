"""The Kazakh and Russian texts of one version, compared: both are official and of equal force, so
where they differ in structure, numbers, dates or article references a reader should know, and
where an import went wrong (a page left out, a point cut in two) it shows here first.

Pure functions over dataset/texts.TextFile; `compare(kk, ru)` returns typed differences in text
order, each with the paragraph id (Akoma Ntoso eId) it concerns, where it stands (article, point,
subpoint) and what each text holds there. `atazan validate` prints them; the reader page per
version (website/kinds/kk_ru.py) and the open-data export show the same list, with what was
compared (`comparison`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Literal

from atazan.dataset.texts import (
    PREAMBLE_EID, Article, Block, TextFile, Texts, article_eid, number_key, paragraph_eid, subparagraph_eid,
)
from atazan.errors import Problem

Kind = Literal["article", "section", "point", "part", "closing", "subpoint", "number", "date", "reference"]
# Differences in the text's skeleton: almost always an import gone wrong, since both official
# texts are laid out alike. The others (numbers, dates, references) can be real.
STRUCTURAL: frozenset[str] = frozenset({"article", "section", "point", "part", "closing", "subpoint"})
# Kinds whose `first`/`second` are what only that text holds (the rest: what each text has there).
FACTS: frozenset[str] = frozenset({"number", "date", "reference"})


@dataclass(frozen=True)
class Place:
    """Where a difference stands: an article, a point of it, a subpoint; all None for the preamble."""

    article: str | None = None
    point: str | None = None
    subpoint: str | None = None


@dataclass(frozen=True)
class Difference:
    kind: Kind
    eid: str  # where: art_5, art_5__para_2, preamble
    message: str  # worded for one line: "date 2026-03-15 only in kk"
    place: Place = Place()
    # What each text holds there, as values, not words: for numbers, dates (ISO) and references
    # (article numbers), those only in that text, once per occurrence; for an article, its number
    # where held; a section, its numeral; points and subpoints, their numbers; parts, how many
    # unnumbered further parts; closing words, the words.
    first: tuple[str, ...] = ()
    second: tuple[str, ...] = ()

    @property
    def structural(self) -> bool:
        return self.kind in STRUCTURAL

    def __str__(self) -> str:
        return f"{self.eid}: {self.message}"


@dataclass(frozen=True)
class Compared:
    """What a comparison looked at, counted in the first text: articles and points held by both,
    their subpoints held by both, and the dates, article references and other numbers in them."""

    articles: int = 0
    points: int = 0
    subpoints: int = 0
    dates: int = 0
    references: int = 0
    numbers: int = 0


@dataclass(frozen=True)
class Comparison:
    differences: tuple[Difference, ...]
    compared: Compared


def compare(first: TextFile, second: TextFile) -> list[Difference]:
    """Every difference between two texts of one version (normally kk and ru), in text order."""
    return list(comparison(first, second).differences)


# The same two texts are compared by `atazan validate` (held_texts_problems) and for the kk/ru page
# in one build, and again on every rebuild of a live preview while the texts are unchanged
# (texts.py keeps the record of an unchanged file): computed once per pair of records.
_COMPARED: dict[tuple[int, int], tuple[TextFile, TextFile, "Comparison"]] = {}


def comparison(first: TextFile, second: TextFile) -> Comparison:
    """`compare`'s differences, with what was compared."""
    kept = _COMPARED.get((id(first), id(second)))
    if kept is not None and kept[0] is first and kept[1] is second:
        return kept[2]
    result = _comparison(first, second)
    if len(_COMPARED) > 32:
        _COMPARED.clear()
    _COMPARED[(id(first), id(second))] = (first, second, result)
    return result


def _comparison(first: TextFile, second: TextFile) -> Comparison:
    walk = _Walk(first.lang, second.lang)
    walk.facts(PREAMBLE_EID, Place(), " ".join(first.preamble), " ".join(second.preamble))
    mine, theirs = {x.number: x for x in first.articles}, {x.number: x for x in second.articles}
    for number in sorted(set(mine) | set(theirs), key=number_key):
        walk.article(number, mine.get(number), theirs.get(number))
    return Comparison(tuple(walk.out), Compared(**walk.counted))


class _Walk:
    """One pass over two texts: the differences found, in text order, and what was compared."""

    def __init__(self, a: str, b: str) -> None:
        self.a, self.b = a, b
        self.out: list[Difference] = []
        self.counted = {"articles": 0, "points": 0, "subpoints": 0, "dates": 0, "references": 0, "numbers": 0}

    def add(self, kind: Kind, eid: str, message: str, place: Place, first: Iterable[str], second: Iterable[str]) -> None:
        self.out.append(Difference(kind, eid, message, place, tuple(first), tuple(second)))

    def article(self, number: str, x: Article | None, y: Article | None) -> None:
        a, b, eid, place = self.a, self.b, article_eid(number), Place(number)
        if x is None or y is None:
            self.add("article", eid, f"article {number} only in {a if x else b}", place,
                     (number,) if x else (), (number,) if y else ())
            return
        self.counted["articles"] += 1
        if x.section != y.section:
            self.add("section", eid, f"in section {x.section or '(none)'} in {a}, {y.section or '(none)'} in {b}", place,
                     (x.section,) if x.section else (), (y.section,) if y.section else ())
        points_x, points_y = [p.number for p in x.paragraphs], [p.number for p in y.paragraphs]
        if points_x != points_y:
            self.add("point", eid, f"points {_list(points_x)} in {a}, {_list(points_y)} in {b}", place, points_x, points_y)
        if not x.paragraphs and not y.paragraphs:
            self.block(eid, place, x, y)
            return
        theirs = {p.number: p for p in y.paragraphs}
        for paragraph in x.paragraphs:
            if paragraph.number in theirs:
                self.counted["points"] += 1
                self.block(paragraph_eid(number, paragraph.number), Place(number, paragraph.number), paragraph,
                           theirs[paragraph.number])

    def block(self, eid: str, place: Place, x: Block | Article, y: Block | Article) -> None:
        a, b = self.a, self.b
        if len(x.parts) != len(y.parts):
            self.add("part", eid, f"{_count(len(x.parts) + 1, 'paragraph')} in {a}, {len(y.parts) + 1} in {b}", place,
                     (str(len(x.parts)),), (str(len(y.parts)),))
        subs_x, subs_y = [s.number for s in x.subparagraphs], [s.number for s in y.subparagraphs]
        if subs_x != subs_y:
            self.add("subpoint", eid, f"subpoints {_list(subs_x, ')')} in {a}, {_list(subs_y, ')')} in {b}", place,
                     subs_x, subs_y)
        if (x.wrap_up is None) != (y.wrap_up is None):
            self.add("closing", eid, f"closing words after the subpoints only in {a if x.wrap_up else b}", place,
                     (x.wrap_up,) if x.wrap_up else (), (y.wrap_up,) if y.wrap_up else ())
        # Numbers, dates and references per subpoint where both hold it, and for the rest of the block.
        theirs = {s.number: s.text for s in y.subparagraphs}
        for sub in x.subparagraphs:
            if sub.number in theirs:
                self.counted["subpoints"] += 1
                self.facts(subparagraph_eid(eid, sub.number), Place(place.article, place.point, sub.number), sub.text,
                           theirs[sub.number])
        self.facts(eid, place, _own_words(x), _own_words(y))

    def facts(self, eid: str, place: Place, x: str, y: str) -> None:
        fx, fy = facts(x), facts(y)
        for kind, what, mine, theirs in _fact_kinds(fx, fy):
            self.counted[kind + "s"] += sum(mine.values())
            only_x, only_y = mine - theirs, theirs - mine
            if only_x or only_y:
                parts = [f"{_items(only_x)} only in {self.a}" if only_x else "",
                         f"{_items(only_y)} only in {self.b}" if only_y else ""]
                self.add(kind, eid, f"{what} " + "; ".join(p for p in parts if p), place,
                         _values(only_x), _values(only_y))


def _own_words(block: Block | Article) -> str:
    return " ".join(part for part in (block.text, *block.parts, block.wrap_up) if part)


def held_texts_problems(texts: Texts) -> list[Problem]:
    """The kk and ru texts of one version compared (textcompare.py). An article missing from one
    complete text is a warning (like every dataset warning it fails `mkdocs build --strict`, on
    purpose: a page of the feed left out); every other difference (points, parts, subpoints laid
    out differently; a number, date or article reference) is a note `atazan validate` lists one
    per line with its paragraph id, for a person to check: the first sign of a parse gone wrong in
    one language, or a real difference between two texts of equal force."""
    problems = []
    for version in sorted(texts.versions()):
        kk, ru = texts.get(version, "kk"), texts.get(version, "ru")
        if kk is None or ru is None:
            continue
        found = comparison(kk, ru).differences
        partial = not (kk.source.complete and ru.source.complete)
        for difference in found:
            if difference.kind == "article" and partial:
                continue  # a part of a text holds some articles by design
            kk_file, ru_file = texts.origin[(version, "kk")], texts.origin[(version, "ru")]
            if difference.kind == "article":
                missing_in, other = (kk_file, ru_file) if not difference.first else (ru_file, kk_file)
                problems.append(Problem(missing_in, difference.eid, f"{difference.message} ({other}); re-import the "
                                        "complete text or mark it --partial", severity="warning"))
                continue
            problems.append(Problem(kk_file, difference.eid, f"kk/ru: {difference.message}", severity="note"))
    texts.notes = [p for p in problems if p.severity == "note"]
    return [p for p in problems if p.severity != "note"]


# ---------------------------------------------------------------- facts inside a paragraph

_RU_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
_KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан")
_EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
_MONTH_WORD = r"([^\W\d_]+)"
_DATES = (
    # 15.03.2026, 2026.03.15 (the Kazakh notes' order)
    (re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]*\d)"), lambda m: (m[3], m[2], m[1])),
    (re.compile(r"(?<![\d.])(\d{4})\.(\d{1,2})\.(\d{1,2})(?![\d.]*\d)"), lambda m: (m[1], m[2], m[3])),
    # 15 марта 2026 / 15 March 2026
    (re.compile(rf"(?<!\d)(\d{{1,2}})\s+{_MONTH_WORD}\s+(\d{{4}})(?!\d)"), lambda m: (m[3], _month(m[2]), m[1])),
    # 2026 жылғы 15 наурыз(дағы)
    (re.compile(rf"(?<!\d)(\d{{4}})\s+жыл\w*\s+(\d{{1,2}})\s+{_MONTH_WORD}"), lambda m: (m[1], _month(m[3]), m[2])),
    # March 15, 2026
    (re.compile(rf"{_MONTH_WORD}\s+(\d{{1,2}}),\s+(\d{{4}})(?!\d)"), lambda m: (m[3], _month(m[1]), m[2])),
)
_NUMBER = r"\d{1,4}(?:-\d{1,4})?"
_REFERENCES = (
    # ru: статья 5, статьи 44 и 45, статьями 12, 13 и 15
    re.compile(rf"\bстат(?:ья|ьи|ье|ью|ьей|ьёй|ей|ьям|ьями|ьях)\s+((?:{_NUMBER})(?:\s*(?:,|и)\s*{_NUMBER})*)", re.I),
    # kk: 5-бап, 44-бабының, 12-баптарында
    re.compile(rf"(?<![\d-])({_NUMBER})\s*-\s*ба[пб]\w*", re.I),
    # en: Article 5, Articles 44 and 45
    re.compile(rf"\bArticles?\s+((?:{_NUMBER})(?:\s*(?:,|and)\s*{_NUMBER})*)", re.I),
)


def _month(word: str) -> str | None:
    word = word.casefold()
    for months in (_KK_MONTHS, _EN_MONTHS):
        if word in months or any(word.startswith(m) for m in months if len(m) > 3):
            return f"{next(i for i, m in enumerate(months) if word.startswith(m)) + 1:02d}"
    # ru stems: "ма" is май/мая, checked last so that "март" wins over it.
    for index, stem in sorted(enumerate(_RU_MONTHS), key=lambda item: -len(item[1])):
        if word.startswith(stem) and (stem != "ма" or word in ("май", "мая", "мае")):
            return f"{index + 1:02d}"
    return None


@dataclass(frozen=True)
class Facts:
    dates: Counter[str]
    references: Counter[str]
    numbers: Counter[str]


def facts(text: str) -> Facts:
    """The dates (ISO), article references and other numbers in `text`. A date's digits and a
    reference's number are not counted again among the numbers."""
    dates: Counter[str] = Counter()
    spans: list[tuple[int, int]] = []
    for pattern, parts in _DATES:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in spans):
                continue
            year, month, day = parts(match)
            if month is None or not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
                continue
            dates[f"{year}-{int(month):02d}-{int(day):02d}"] += 1
            spans.append(match.span())
    references: Counter[str] = Counter()
    for pattern in _REFERENCES:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in spans):
                continue
            for number in re.finditer(_NUMBER, match[1]):
                start = match.start(1) + number.start()
                if not any(s <= start < e for s, e in spans):
                    references[_plain(number[0])] += 1
                    spans.append((start, start + len(number[0])))
    numbers: Counter[str] = Counter()
    for match in re.finditer(_NUMBER, text):
        if not any(s <= match.start() < e for s, e in spans):
            numbers[_plain(match[0])] += 1
    return Facts(dates, references, numbers)


def _plain(number: str) -> str:
    return "-".join(str(int(part)) for part in number.split("-"))


def _fact_kinds(fx: Facts, fy: Facts) -> tuple[tuple[Literal["date", "reference", "number"], str, Counter[str], Counter[str]], ...]:
    return (("date", "date", fx.dates, fy.dates),
            ("reference", "reference to article", fx.references, fy.references),
            ("number", "number", fx.numbers, fy.numbers))


def _values(counter: Counter[str]) -> tuple[str, ...]:
    return tuple(value for value, count in sorted(counter.items()) for _ in range(count))


def _items(counter: Counter[str]) -> str:
    return ", ".join(value if count == 1 else f"{value} (x{count})" for value, count in sorted(counter.items()))


def _list(numbers: Iterable[str], mark: str = "") -> str:
    numbers = list(numbers)
    return ", ".join(f"{n}{mark}" for n in numbers) if numbers else "none"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"
