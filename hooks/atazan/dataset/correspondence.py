"""Which article of one version is which article of another.

Article numbers shift between versions (an article inserted early moves every number after it),
so the table that says "Article 7 of the adopted text is Article 6 of the first draft" is proposed
from the texts by similarity and then confirmed by a person:

1. `normalise` removes what does not change meaning: quote and dash styles, spacing, case,
   paragraph numbering, and look-alike letters (Kazakh і and Latin i, Cyrillic and Latin a/o/e...).
2. `propose` scores every pair of articles of two versions (rapidfuzz's `fuzz.ratio`), keeps pairs a person confirmed, then takes the best remaining pairs first,
   each article at most once, above `THRESHOLD`. Ties go to the pair whose positions in the two
   texts are closer, so two near-identical short articles are not swapped. A pair below
   `REVIEW_BELOW` is proposed only if it is the best match of one of its two articles: otherwise
   it is what is left of two unrelated articles once their better matches are taken (measured in
   tests/dataset/test_correspondence.py on the rehearsal and the fixtures: the rehearsal's removed
   first-draft Article 70 and new adopted Article 6 scored 56, each with better matches elsewhere,
   while no true pair scores below 80).
3. `Table` holds one row per article identity: its number in each version, or None (the article is
   new in, or removed from, that version), with the score and whether a person confirmed it.

No MkDocs, no file system: `dataset/texts.py` loads the texts, `tools/cli.py` writes the table.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, Sequence

from rapidfuzz import fuzz

# A proposed pair below this similarity (0-100) is no match: the article is new or removed.
THRESHOLD = 55.0
# Proposals below this similarity are worth a person's look before confirming (printed by `atazan match`).
REVIEW_BELOW = 80.0

# Letters that look alike in Cyrillic and Latin: texts typed or OCR'd with the wrong one still match.
_LOOKALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "һ": "h",
})
_QUOTES = re.compile(r"[\"'«»„“”‘’‚‹›`´]")
_DASHES = re.compile(r"[‐‑‒–—―−]")
_SPACE = re.compile(r"\s+")
# "1.", "1)", "3-1.", "а)" at the start of a paragraph: numbering style, not wording.
_NUMBERING = re.compile(r"^\s*(?:\d+(?:-\d+)?|[a-zа-яәіңғүұқөһ])[.)]\s+", re.IGNORECASE)


def normalise(text: str) -> str:
    """The text as compared: what a reader would call the same wording gives the same string."""
    text = unicodedata.normalize("NFKC", text)
    text = _NUMBERING.sub("", text)
    text = _QUOTES.sub("", text)
    text = _DASHES.sub("-", text)
    text = text.casefold().translate(_LOOKALIKES)
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Article:
    """One article of one version: its number there and its paragraphs' text, in one language."""

    number: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs)


@dataclass(frozen=True)
class Cell:
    """An article's place in one version: its number there (None: not in that version)."""

    number: str | None
    score: float | None = None
    confirmed: bool = False


@dataclass
class Row:
    """One article identity across versions."""

    cells: dict[str, Cell] = field(default_factory=dict)

    def number(self, version: str) -> str | None:
        cell = self.cells.get(version)
        return cell.number if cell else None


@dataclass
class Table:
    """The correspondence of every article of `reference` with the other versions held."""

    reference: str
    versions: tuple[str, ...]  # the reference first, then the others, oldest first
    rows: list[Row]

    def numbers(self, version: str) -> list[str]:
        return [number for row in self.rows if (number := row.number(version)) is not None]

    def row_of(self, version: str, number: str) -> Row | None:
        for row in self.rows:
            if row.number(version) == number:
                return row
        return None


def _pairs(reference: Sequence[Article], other: Sequence[Article],
           fixed: Mapping[str, str | None]) -> dict[str, tuple[str | None, float | None]]:
    """reference number -> (other number or None, score), fixed pairs kept as they are."""
    taken_ref = set(fixed)
    taken_other = {number for number in fixed.values() if number is not None}
    result: dict[str, tuple[str | None, float | None]] = {ref: (num, None) for ref, num in fixed.items()}
    free_ref = [(i, a) for i, a in enumerate(reference) if a.number not in taken_ref]
    free_other = [(j, b) for j, b in enumerate(other) if b.number not in taken_other]
    if free_ref and free_other:
        # fuzz.ratio pair by pair: rapidfuzz's cdist would be one call, but it needs numpy, which
        # nothing else here uses (96 x 96 articles is ten thousand C calls, milliseconds).
        left, right = [normalise(a.text) for _, a in free_ref], [normalise(b.text) for _, b in free_other]
        scores = [[fuzz.ratio(a, b) for b in right] for a in left]
        spread_ref, spread_other = max(len(reference) - 1, 1), max(len(other) - 1, 1)
        candidates = []
        for x, (i, a) in enumerate(free_ref):
            for y, (j, b) in enumerate(free_other):
                score = float(scores[x][y])
                if score >= THRESHOLD:
                    distance = abs(i / spread_ref - j / spread_other)
                    candidates.append((-score, distance, x, y))
        candidates.sort()
        # Each article's best score against any article of the other version.
        best_x = [max(row, default=0.0) for row in scores]
        best_y = [max((scores[x][y] for x in range(len(left))), default=0.0) for y in range(len(right))]
        used_x, used_y = set(), set()
        for negative, _distance, x, y in candidates:
            if x in used_x or y in used_y:
                continue
            if -negative < REVIEW_BELOW and -negative < best_x[x] and -negative < best_y[y]:
                # A weak pair that is neither article's best match is what is left once their
                # better matches are taken: two unrelated articles (a new one and a removed one),
                # not one article reworded. No proposal: both stay unmatched for a person to pair.
                continue
            used_x.add(x)
            used_y.add(y)
            result[free_ref[x][1].number] = (free_other[y][1].number, round(-negative, 1))
    for _, a in free_ref:
        result.setdefault(a.number, (None, None))
    return result


def part_pairs(old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Which numbered part of an article (a paragraph or a subparagraph, as (number, text)) is which
    part of the matched article of another version: old number -> new number. Scored and assigned
    as articles are (normalised similarity, best pairs first, each part at most once, THRESHOLD);
    a part below it has no counterpart. Parts of two articles with the same wording pair one to one."""
    pairs = _pairs([Article(n, (t,)) for n, t in new], [Article(n, (t,)) for n, t in old], {})
    return {found: number for number, (found, _) in pairs.items() if found is not None}


def propose(texts: Mapping[str, Sequence[Article]], reference: str, previous: Table | None = None) -> Table:
    """The table for `texts` (version -> its articles, in order), keeping confirmed cells of `previous`.

    A confirmed cell survives whatever the texts now suggest; a confirmed "not in this version"
    (number None) too. Unconfirmed cells are proposed afresh.
    """
    if reference not in texts:
        raise ValueError(f"no text of the reference version '{reference}'")
    others = [version for version in texts if version != reference]
    rows = [Row({reference: Cell(article.number)}) for article in texts[reference]]
    by_ref = {row.number(reference): row for row in rows}
    for version in others:
        fixed: dict[str, str | None] = {}
        if previous is not None:
            for old in previous.rows:
                cell, ref_number = old.cells.get(version), old.number(reference)
                if cell and cell.confirmed and ref_number is not None and ref_number in by_ref:
                    fixed[ref_number] = cell.number
        pairs = _pairs(texts[reference], texts[version], fixed)
        for ref_number, (number, score) in pairs.items():
            by_ref[ref_number].cells[version] = Cell(number, score, ref_number in fixed)
        matched = {number for number, _ in pairs.values() if number is not None}
        for article in texts[version]:
            if article.number not in matched:
                confirmed = previous is not None and any(
                    old.number(reference) is None and old.cells.get(version) == Cell(article.number, None, True)
                    for old in previous.rows)
                rows.append(Row({reference: Cell(None), version: Cell(article.number, None, confirmed)}))
    return Table(reference, (reference, *others), rows)


def confirm(table: Table, version: str, reference_number: str | None, number: str | None) -> Table:
    """The table with one cell marked as checked by a person (tests use it; a person sets `confirmed: true` in the file)."""
    for row in table.rows:
        if row.number(table.reference) == reference_number and reference_number is not None:
            row.cells[version] = replace(row.cells.get(version, Cell(number)), number=number, confirmed=True)
            return table
    raise KeyError(f"no row for {table.reference} article {reference_number}")


@dataclass(frozen=True)
class Change:
    """How one article differs between two versions."""

    kind: str  # "new", "removed", "renumbered", "changed", "unchanged"
    old_number: str | None
    new_number: str | None
    reworded: bool


def changes(table: Table, texts: Mapping[str, Mapping[str, Article]], old: str, new: str) -> list[Change]:
    """Every article that is new, removed, renumbered or changed from `old` to `new`, in table order.

    `texts` is version -> number -> Article. Formatting-only differences do not count as changes.
    """
    found: list[Change] = []
    seen_old: set[str] = set()
    for row in table.rows:
        before, after = row.number(old), row.number(new)
        if before is None and after is None:
            continue
        if before is not None:
            seen_old.add(before)
        if before is None:
            found.append(Change("new", None, after, False))
        elif after is None:
            found.append(Change("removed", before, None, False))
        else:
            reworded = _wording(texts[old][before]) != _wording(texts[new][after])
            kind = "changed" if reworded else ("renumbered" if before != after else "unchanged")
            if reworded or before != after:
                found.append(Change(kind, before, after, reworded))
            else:
                found.append(Change("unchanged", before, after, False))
    return found


def _wording(article: Article) -> tuple[str, ...]:
    return tuple(normalise(paragraph) for paragraph in article.paragraphs)


def table_problems(table: Table, held: Mapping[str, Iterable[str]]) -> list[tuple[int, str, str]]:
    """(row index, version, message) for numbers missing from their version and double matches."""
    found: list[tuple[int, str, str]] = []
    numbers = {version: set(values) for version, values in held.items()}
    seen: dict[tuple[str, str], int] = {}
    for index, row in enumerate(table.rows):
        for version, cell in row.cells.items():
            if cell.number is None:
                continue
            if version not in numbers:
                found.append((index, version, f"unknown version '{version}' (no text of it in data/texts/)"))
                continue
            if cell.number not in numbers[version]:
                found.append((index, version, f"article {cell.number} does not exist in {version}"))
            key = (version, cell.number)
            if key in seen:
                found.append((index, version, f"article {cell.number} of {version} is matched twice "
                                              f"(also in row {seen[key] + 1})"))
            else:
                seen[key] = index
    return found



# ---------------------------------------------------------------- data/correspondence.yml

FILE = "correspondence.yml"
HEADER = """\
# Which article of each version is which article of the reference version.
# Proposed by `atazan match` from data/texts/ (similarity of the normalised text, 0-100); a person
# checks a cell and sets `confirmed: true` on it: no later proposal changes a confirmed cell.
# `number: null`: the article is not in that version (new since, or removed).
"""


def to_data(table: Table) -> dict:
    """The table as plain data, in the file's order: reference first, then the other versions."""
    rows = []
    for row in table.rows:
        entry: dict = {table.reference: row.number(table.reference)}
        for version in table.versions[1:]:
            cell = row.cells.get(version)
            if cell is None:
                continue
            value: dict = {"number": cell.number}
            if cell.score is not None:
                value["score"] = cell.score
            if cell.confirmed:
                value["confirmed"] = True
            entry[version] = value
        rows.append(entry)
    return {"reference": table.reference, "versions": list(table.versions[1:]), "rows": rows}


def from_data(data: dict) -> Table:
    """The inverse of `to_data`; the file was validated by dataset/validate.py before."""
    reference = data["reference"]
    versions = (reference, *data.get("versions", []))
    rows = []
    for entry in data.get("rows", []):
        cells = {reference: Cell(None if entry.get(reference) is None else str(entry[reference]))}
        for version in versions[1:]:
            value = entry.get(version)
            if isinstance(value, dict):
                number = value.get("number")
                cells[version] = Cell(None if number is None else str(number), value.get("score"),
                                      bool(value.get("confirmed", False)))
        rows.append(Row(cells))
    return Table(reference, versions, rows)

def articles_of(text) -> list[Article]:
    """A dataset/texts.TextFile as the articles this module compares (paragraph by paragraph)."""
    from atazan.dataset.texts import block_text

    return [Article(a.number, tuple(block_text(p) for p in (a.paragraphs or [a]))) for a in text.articles]


# The version whose article numbers the site's article pages use: the adopted text when it is held,
# else the latest held by date (a version without a date, a proposal, last).
REFERENCE_PREFERENCE = "adopted"


def site_reference(held: Iterable[str], dates: Mapping[str, object]) -> str | None:
    """The site's reference version among the versions `held`; `dates`: version id -> its date or None."""
    held = set(held)
    if REFERENCE_PREFERENCE in held:
        return REFERENCE_PREFERENCE
    if not held:
        return None
    return max(held, key=lambda v: (str(dates.get(v) or ""), v))


def load(data_dir: str, root: str, texts, check: bool = True,
         versions: Mapping[str, object] | None = None) -> tuple[Table | None, list]:
    """data/correspondence.yml, checked against the texts held (`check`); (None, []) when there is none.

    `versions`: data/versions.yml's ids and dates; with them, the file's `reference` must be the
    site's reference version and every version it names a known one (checked with or without
    `check`: `atazan match` must not carry a table keyed by another version into its proposal).
    `atazan match` reads it unchecked otherwise: a person's edit may match an article twice until
    the next proposal resolves it around the confirmed cells."""
    import os

    from atazan.dataset.load import read_yaml
    from atazan.errors import Problem, display_path

    path = os.path.join(data_dir, FILE)
    if not os.path.lexists(path):
        return None, []
    shown = display_path(path, root)
    loaded, problems = read_yaml(path, shown, root)
    if loaded is None:
        return None, problems
    data = loaded.data
    if not isinstance(data, dict) or not isinstance(data.get("reference"), str) or not isinstance(data.get("rows"), list):
        return None, [Problem(shown, "", "expected 'reference: VERSION', 'versions: [...]' and 'rows: [...]' (written by `atazan match`)", 1)]
    listed = data.get("versions", [])
    if not isinstance(listed, list) or not all(isinstance(v, str) for v in listed):
        return None, [Problem(shown, "versions", f"expected a list of version ids, like [first_draft, final_draft], got {listed!r}"[:300],
                              loaded.line_of(("versions",)))]
    problems += _header_problems(data["reference"], listed, texts, versions, check, shown, loaded)
    known = (data["reference"], *listed)
    for index, entry in enumerate(data["rows"]):
        where = ("rows", index)
        if not isinstance(entry, dict):
            problems.append(Problem(shown, f"rows[{index}]", "expected a mapping of version to number", loaded.line_of(where)))
            continue
        for version, value in entry.items():
            field = f"rows[{index}].{version}"
            line = loaded.line_of((*where, version))
            if version not in known:
                problems.append(Problem(shown, field, f"unknown version '{version}' (not in reference/versions)", line))
            elif version == data["reference"]:
                if value is not None and not _is_number(value):
                    problems.append(Problem(shown, field, "expected the article's number, or null", line))
            elif not isinstance(value, dict) or set(value) - {"number", "score", "confirmed"} or "number" not in value:
                problems.append(Problem(shown, field, "expected {number: N or null, score: S, confirmed: true|false}", line))
            elif value["number"] is not None and not _is_number(value["number"]):
                problems.append(Problem(shown, f"{field}.number", "expected the article's number, or null", loaded.line_of((*where, version, "number"))))
            elif value.get("score") is not None and (isinstance(value["score"], bool) or not isinstance(value["score"], (int, float))):
                problems.append(Problem(shown, f"{field}.score", "expected a number from 0 to 100", loaded.line_of((*where, version, "score"))))
            elif not isinstance(value.get("confirmed", False), bool):
                problems.append(Problem(shown, f"{field}.confirmed", "expected true or false", loaded.line_of((*where, version, "confirmed"))))
    if problems:
        return None, problems
    table = from_data(data)
    if not check:
        return table, problems
    held = {version: [a.number for a in _any_text(texts, version).articles] for version in texts.versions()}
    for index, version, message in table_problems(table, held):
        problems.append(Problem(shown, f"rows[{index}].{version}", message, loaded.line_of(("rows", index, version))))
    return table, problems


def _is_number(value: object) -> bool:
    # An article number as the texts print it (12, 3-1); YAML reads 12 as an int. Never true/false.
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, str) and value.strip() != "")


def _header_problems(reference: str, listed: list[str], texts, versions: Mapping[str, object] | None, check: bool,
                     shown: str, loaded) -> list:
    from atazan.errors import Problem

    problems = []
    seen: set[str] = set()
    for index, version in enumerate([reference, *listed]):
        field, line = ("reference", loaded.line_of(("reference",))) if index == 0 else \
                      (f"versions[{index - 1}]", loaded.line_of(("versions", index - 1)))
        if version in seen:
            problems.append(Problem(shown, field, f"'{version}' is named twice (reference and versions name each version once)", line))
        seen.add(version)
        if versions is not None and version not in versions:
            problems.append(Problem(shown, field, f"unknown version '{version}' (see data/versions.yml)", line))
        elif check and version not in texts.versions():
            problems.append(Problem(shown, field, f"no text of '{version}' in data/texts/; import it or run `atazan match` again", line))
    if versions is not None and not problems:
        expected = site_reference(texts.versions(), versions)
        if reference != expected:
            problems.append(Problem(shown, "reference", f"'{reference}' is not the site's reference version ('{expected}', whose "
                                    "article numbers the article pages use); move data/correspondence.yml aside and run "
                                    "`atazan match` to propose a table keyed by it", loaded.line_of(("reference",))))
    return problems


def _any_text(texts, version: str):
    from atazan import LANGUAGES

    return next(texts.get(version, lang) for lang in LANGUAGES if texts.get(version, lang) is not None)


def matching_texts(texts) -> dict[str, list[Article]]:
    """Version -> its articles in one language held for every version (kk, else ru, else en), so
    that all pairs are compared in the same language; per version otherwise."""
    from atazan import LANGUAGES

    versions = sorted(texts.versions())
    common = [lang for lang in LANGUAGES if all(texts.get(v, lang) is not None for v in versions)]
    out = {}
    for version in versions:
        lang = common[0] if common else next(code for code in LANGUAGES if texts.get(version, code) is not None)
        out[version] = articles_of(texts.get(version, lang))
    return out
