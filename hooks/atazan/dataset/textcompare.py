"""The Kazakh and Russian texts of one version, compared: both are official and of equal force, so
where they differ in structure, numbers, dates or article references a reader should know, and
where an import went wrong (a page left out, a point cut in two) it shows here first.

Pure functions over dataset/texts.TextFile; `compare(kk, ru)` returns typed differences in text
order, each with the paragraph id (Akoma Ntoso eId) it concerns. `atazan validate` prints them;
the reader page per version is built from the same list.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator, Literal

from atazan.dataset.texts import (
    PREAMBLE_EID, Article, Block, TextFile, Texts, article_eid, number_key, paragraph_eid, subparagraph_eid,
)
from atazan.errors import Problem

Kind = Literal["article", "section", "point", "part", "subpoint", "number", "date", "reference"]
# Differences in the text's skeleton: almost always an import gone wrong, since both official
# texts are laid out alike. The others (numbers, dates, references) can be real.
STRUCTURAL: frozenset[str] = frozenset({"article", "section", "point", "part", "subpoint"})


@dataclass(frozen=True)
class Difference:
    kind: Kind
    eid: str  # where: art_5, art_5__para_2, preamble
    message: str  # worded for one line: "date 2026-03-15 only in kk"

    @property
    def structural(self) -> bool:
        return self.kind in STRUCTURAL

    def __str__(self) -> str:
        return f"{self.eid}: {self.message}"


def compare(first: TextFile, second: TextFile) -> list[Difference]:
    """Every difference between two texts of one version (normally kk and ru), in text order."""
    a, b = first.lang, second.lang
    out: list[Difference] = []
    out += _facts_differ(PREAMBLE_EID, " ".join(first.preamble), " ".join(second.preamble), a, b)
    mine, theirs = {x.number: x for x in first.articles}, {x.number: x for x in second.articles}
    for number in sorted(set(mine) | set(theirs), key=number_key):
        eid = article_eid(number)
        if number not in theirs or number not in mine:
            out.append(Difference("article", eid, f"article {number} only in {a if number in mine else b}"))
            continue
        x, y = mine[number], theirs[number]
        if x.section != y.section:
            out.append(Difference("section", eid, f"in section {x.section or '(none)'} in {a}, {y.section or '(none)'} in {b}"))
        out += _article_differs(eid, x, y, a, b)
    return out


def _article_differs(eid: str, x: Article, y: Article, a: str, b: str) -> Iterator[Difference]:
    points_x, points_y = [p.number for p in x.paragraphs], [p.number for p in y.paragraphs]
    if points_x != points_y:
        yield Difference("point", eid, f"points {_list(points_x)} in {a}, {_list(points_y)} in {b}")
    if not x.paragraphs and not y.paragraphs:
        yield from _block_differs(eid, x, y, a, b)
        return
    theirs = {p.number: p for p in y.paragraphs}
    for paragraph in x.paragraphs:
        if paragraph.number in theirs:
            yield from _block_differs(paragraph_eid(x.number, paragraph.number), paragraph, theirs[paragraph.number], a, b)


def _block_differs(eid: str, x: Block | Article, y: Block | Article, a: str, b: str) -> Iterator[Difference]:
    if len(x.parts) != len(y.parts):
        yield Difference("part", eid, f"{_count(len(x.parts) + 1, 'paragraph')} in {a}, {len(y.parts) + 1} in {b}")
    subs_x, subs_y = [s.number for s in x.subparagraphs], [s.number for s in y.subparagraphs]
    if subs_x != subs_y:
        yield Difference("subpoint", eid, f"subpoints {_list(subs_x, ')')} in {a}, {_list(subs_y, ')')} in {b}")
    if (x.wrap_up is None) != (y.wrap_up is None):
        yield Difference("part", eid, f"closing words after the subpoints only in {a if x.wrap_up else b}")
    # Numbers, dates and references per subpoint where both hold it, and for the rest of the block.
    theirs = {s.number: s.text for s in y.subparagraphs}
    for sub in x.subparagraphs:
        if sub.number in theirs:
            yield from _facts_differ(subparagraph_eid(eid, sub.number), sub.text, theirs[sub.number], a, b)
    yield from _facts_differ(eid, _own_words(x), _own_words(y), a, b)


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
    texts.differences = {}
    for version in sorted(texts.versions()):
        kk, ru = texts.get(version, "kk"), texts.get(version, "ru")
        if kk is None or ru is None:
            continue
        found = compare(kk, ru)
        partial = not (kk.source.complete and ru.source.complete)
        texts.differences[version] = found
        for difference in found:
            if difference.kind == "article" and partial:
                continue  # a part of a text holds some articles by design
            kk_file, ru_file = texts.origin[(version, "kk")], texts.origin[(version, "ru")]
            if difference.kind == "article":
                missing_in, other = (kk_file, ru_file) if difference.message.endswith("only in ru") else (ru_file, kk_file)
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
    dates: Counter
    references: Counter
    numbers: Counter


def facts(text: str) -> Facts:
    """The dates (ISO), article references and other numbers in `text`. A date's digits and a
    reference's number are not counted again among the numbers."""
    dates: Counter = Counter()
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
    references: Counter = Counter()
    for pattern in _REFERENCES:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in spans):
                continue
            for number in re.finditer(_NUMBER, match[1]):
                start = match.start(1) + number.start()
                if not any(s <= start < e for s, e in spans):
                    references[_plain(number[0])] += 1
                    spans.append((start, start + len(number[0])))
    numbers: Counter = Counter()
    for match in re.finditer(_NUMBER, text):
        if not any(s <= match.start() < e for s, e in spans):
            numbers[_plain(match[0])] += 1
    return Facts(dates, references, numbers)


def _plain(number: str) -> str:
    return "-".join(str(int(part)) for part in number.split("-"))


def _facts_differ(eid: str, x: str, y: str, a: str, b: str) -> Iterator[Difference]:
    fx, fy = facts(x), facts(y)
    for kind, what, mine, theirs in (("date", "date", fx.dates, fy.dates),
                                     ("reference", "reference to article", fx.references, fy.references),
                                     ("number", "number", fx.numbers, fy.numbers)):
        only_x, only_y = mine - theirs, theirs - mine
        if only_x or only_y:
            parts = [f"{_items(only_x)} only in {a}" if only_x else "", f"{_items(only_y)} only in {b}" if only_y else ""]
            yield Difference(kind, eid, f"{what} " + "; ".join(p for p in parts if p))  # type: ignore[arg-type]


def _items(counter: Counter) -> str:
    return ", ".join(value if count == 1 else f"{value} (x{count})" for value, count in sorted(counter.items()))


def _list(numbers: Iterable[str], mark: str = "") -> str:
    numbers = list(numbers)
    return ", ".join(f"{n}{mark}" for n in numbers) if numbers else "none"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"
