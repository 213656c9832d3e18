"""The comparison table of one article between two versions: paragraph by paragraph, the earlier
wording beside the later one, as readers know it from the printed comparison tables (the
newspapers' "article, point | as proposed | as in force").

- A row is one paragraph as the law prints it: a point's first paragraph (with its number), each
  of its further unnumbered paragraphs, each subpoint (with its number), the words closing a list.
  Each side keeps its own numbers: point 4 of one version beside point 5 of the other.
- Rows are paired by their wording, not by their numbers: a point inserted early would otherwise
  pair every later point with the wrong one. Runs of identical paragraphs pair at once
  (SequenceMatcher over the normalised wordings); between them, the paragraphs left pair by
  similarity in order (a small alignment, bounded), and a paragraph with no counterpart is a row
  of its own, labelled as removed or added.
- In a paired row the changed words are marked (textdiff.paragraph_diff: words and punctuation
  apart); identical rows are folded, named by what they hold ("unchanged points 3–5"), counting
  points, not a point's parts.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup, escape
from rapidfuzz import fuzz

from atazan.dataset import texts
from atazan.dataset.correspondence import normalise
from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import legaltext, textdiff

# A paragraph pairs with one of another version only this similar (0-100, rapidfuzz's ratio of the
# normalised wordings); below, it is removed and the other added.
PAIR_SIMILARITY = 50.0
# Two paragraphs with the same number pair at a lower similarity: subpoint 8 rewritten is still
# subpoint 8, one row with its old and new wording, not a removed row and an added one.
SAME_NUMBER_BONUS = 30.0
# The alignment between identical runs compares every left paragraph with every right one; past
# this many pairs (no real article has them) the paragraphs left pair in order instead.
_ALIGN_CELLS = 2_500


@dataclass(frozen=True)
class Unit:
    """One paragraph as printed: `point` its point's number (None: the article's own text), `sub` its
    subpoint's number, `role` text | part | sub | wrap."""

    point: str | None
    sub: str | None
    role: str
    text: str

    @property
    def label(self) -> str:
        """Its number as the law prints it before the words: "2.", "3)", or nothing (a further paragraph)."""
        if self.role == "sub":
            return f"{self.sub})"
        return f"{self.point}." if self.role == "text" and self.point else ""


def units(article: texts.Article) -> list[Unit]:
    found: list[Unit] = []
    blocks: list[tuple[texts.Block | texts.Article, str | None]] = [(p, p.number) for p in article.paragraphs]
    for block, number in blocks or [(article, None)]:
        if block.text:
            found.append(Unit(number, None, "text", block.text))
        found += [Unit(number, None, "part", part) for part in block.parts]
        found += [Unit(number, s.number, "sub", s.text) for s in block.subparagraphs]
        if block.wrap_up:
            found.append(Unit(number, None, "wrap", block.wrap_up))
    return found


@dataclass(frozen=True)
class Cell:
    number: str  # as printed before the words: "2.", "3)", or "" (a further paragraph)
    sub: bool  # a subpoint: indented under its point
    html: Markup  # the wording, changed words marked; every text escaped


@dataclass(frozen=True)
class Row:
    change: str  # same | changed | reformatted | removed | added
    old: Cell | None
    new: Cell | None
    tag: str = ""  # removed | added: which paragraph (point, subpoint, paragraph), for its label
    tag_number: str = ""  # that point's or subpoint's number


@dataclass(frozen=True)
class Block:
    """Rows shown together; `folded`: identical rows, behind one line that says what they are."""

    folded: bool
    rows: tuple[Row, ...]
    points: tuple[str, ...] = ()  # the numbered points whose every row is folded here
    subpoints: tuple[str, ...] = ()  # the subpoints folded (a point's, when `points` leaves it out)
    openings: tuple[str, ...] = ()  # points whose opening words are folded here, not the whole point
    text: bool = False  # the article's own unnumbered text is among them
    summary: str = ""  # what a fold holds, in the reader's language (fold_summary)


@dataclass(frozen=True)
class Excerpt:
    html: Markup  # a change in a few words (textdiff.excerpt), escaped


@dataclass(frozen=True)
class Table:
    blocks: tuple[Block, ...]
    removed: int  # words
    added: int
    changed_rows: int
    first: Excerpt | None  # the first change in a few words
    words: int = 0  # both wordings' words: how much of the article the change is
    # Where each side's wording comes from (legaltext.ShownText: version, its date, publisher, title,
    # the publication's date), shown with the table: a legal fragment never stands without its source.
    sources: tuple[legaltext.ShownText, ...] = ()

    @property
    def has_changes(self) -> bool:
        return self.changed_rows > 0


def _align(a: list[Unit], b: list[Unit]) -> list[tuple[int | None, int | None]]:
    """Pairs of indexes (None: no counterpart), in reading order."""
    keys_a, keys_b = [normalise(u.text) for u in a], [normalise(u.text) for u in b]
    pairs: list[tuple[int | None, int | None]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=keys_a, b=keys_b, autojunk=False).get_opcodes():
        if op == "equal":
            pairs += list(zip(range(i1, i2), range(j1, j2)))
        else:
            pairs += _pair_by_similarity(a, keys_a, i1, i2, b, keys_b, j1, j2)
    return pairs


def _pair_by_similarity(units_a: list[Unit], a: list[str], i1: int, i2: int, units_b: list[Unit], b: list[str],
                        j1: int, j2: int) -> list[tuple[int | None, int | None]]:
    n, m = i2 - i1, j2 - j1
    if n * m > _ALIGN_CELLS:
        paired = min(n, m)
        return ([(i1 + k, j1 + k) for k in range(paired)] + [(i, None) for i in range(i1 + paired, i2)]
                + [(None, j) for j in range(j1 + paired, j2)])

    def similarity(x: int, y: int) -> float:
        left, right = units_a[i1 + x], units_b[j1 + y]
        same = left.role == right.role and (left.point, left.sub) == (right.point, right.sub) and left.role in ("text", "sub")
        return fuzz.ratio(a[i1 + x], b[j1 + y]) + (SAME_NUMBER_BONUS if same else 0.0)

    score = [[similarity(x, y) for y in range(m)] for x in range(n)]
    # best[x][y]: the most similarity to be had pairing a[x:] with b[y:] in order.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(n - 1, -1, -1):
        for y in range(m - 1, -1, -1):
            gain = score[x][y] - PAIR_SIMILARITY if score[x][y] >= PAIR_SIMILARITY else None
            options = [best[x + 1][y], best[x][y + 1]]
            if gain is not None:
                options.append(best[x + 1][y + 1] + gain)
            best[x][y] = max(options)
    out: list[tuple[int | None, int | None]] = []
    x = y = 0
    while x < n and y < m:
        gain = score[x][y] - PAIR_SIMILARITY if score[x][y] >= PAIR_SIMILARITY else None
        if gain is not None and best[x][y] == best[x + 1][y + 1] + gain:
            out.append((i1 + x, j1 + y))
            x, y = x + 1, y + 1
        elif best[x][y] == best[x + 1][y]:
            out.append((i1 + x, None))
            x += 1
        else:
            out.append((None, j1 + y))
            y += 1
    out += [(i1 + k, None) for k in range(x, n)] + [(None, j1 + k) for k in range(y, m)]
    return out


def _printed(text: str) -> str:
    return " ".join(text.split())


def compare(old: texts.Article | None, new: texts.Article | None, removed_label: str, added_label: str) -> Table:
    """The table of one article; `old` None: new in the later version; `new` None: removed."""
    a, b = units(old) if old else [], units(new) if new else []
    rows: list[Row] = []
    shown: list[Unit] = []  # the paragraph each row shows: the later version's, else the earlier's
    removed = added = 0
    first: Markup | None = None
    for i, j in _align(a, b):
        left, right = (a[i] if i is not None else None), (b[j] if j is not None else None)
        if left and right:
            shown.append(right)
            if normalise(left.text) == normalise(right.text):
                change = "same" if _printed(left.text) == _printed(right.text) else "reformatted"
                rows.append(Row(change, _cell(left, escape(left.text)), _cell(right, escape(right.text))))
                continue
            runs = textdiff.paragraph_diff(left.text, right.text)
            html_old, html_new = textdiff.columns(runs, removed_label, added_label)
            removed += sum(r.words for r in runs if r.kind == "removed")
            added += sum(r.words for r in runs if r.kind == "added")
            first = first or textdiff.excerpt(runs, removed_label, added_label)
            rows.append(Row("changed", _cell(left, html_old), _cell(right, html_new)))
        elif left:
            shown.append(left)
            removed += textdiff.words(left.text)
            first = first or textdiff.excerpt([textdiff.Change("removed", left.text, 0)], removed_label, added_label)
            rows.append(Row("removed", _cell(left, textdiff.marked(left.text, "removed", removed_label)), None, *_tag(left)))
        elif right:
            shown.append(right)
            added += textdiff.words(right.text)
            first = first or textdiff.excerpt([textdiff.Change("added", right.text, 0)], removed_label, added_label)
            rows.append(Row("added", None, _cell(right, textdiff.marked(right.text, "added", added_label)), *_tag(right)))
    if not a or not b:  # a whole article new or removed: its rows need no label each
        rows = [dataclasses.replace(row, tag="", tag_number="") for row in rows]
    words = sum(textdiff.words(u.text) for u in [*a, *b])
    return Table(tuple(_blocks(rows, shown)), removed, added, sum(1 for r in rows if r.change != "same"),
                 Excerpt(first) if first else None, words)


def _cell(unit: Unit, html: Markup) -> Cell:
    return Cell(unit.label, unit.role == "sub", html)  # a label made of schema-checked numbers (texts.NUMBER_PATTERN)


def _tag(unit: Unit) -> tuple[str, str]:
    if unit.role == "sub":
        return "subpoint", unit.sub or ""
    if unit.role == "text" and unit.point:
        return "point", unit.point
    return "paragraph", ""


def _blocks(rows: list[Row], shown: list[Unit]) -> list[Block]:
    """Changed rows together, runs of identical rows folded and named."""
    blocks: list[Block] = []
    run: list[int] = []

    def flush() -> None:
        if not run:
            return
        inside = set(run)
        folded = [shown[k] for k in run]
        # A point is named when all of its rows are in this fold; else its folded subpoints are.
        points = [p for p in dict.fromkeys(u.point for u in folded if u.point)
                  if all(k in inside for k, u in enumerate(shown) if u.point == p)]
        subs = [f"{u.sub})" if u.point is None else f"{u.point}. {u.sub})"
                for u in folded if u.role == "sub" and u.point not in points]
        openings = [u.point for u in folded if u.role == "text" and u.point and u.point not in points]
        text = any(u.point is None and u.role != "sub" for u in folded)
        blocks.append(Block(True, tuple(rows[k] for k in run), tuple(points), tuple(subs), tuple(openings), text))
        run.clear()

    for index, row in enumerate(rows):
        if row.change == "same":
            run.append(index)
            continue
        flush()
        if blocks and not blocks[-1].folded:
            blocks[-1] = Block(False, blocks[-1].rows + (row,))
        else:
            blocks.append(Block(False, (row,)))
    flush()
    return blocks


# ---------------------------------------------------------------- one article of two versions, for a reader

@per_dataset_key  # one table per article, pair and reader language: its article page and its section's comparison show it
def article_table(dataset: Dataset, old: str, before: str | None, new: str, after: str | None, text_lang: Lang,
                  lang: Lang) -> Table:
    """The table of one article between two versions, in the text language `text_lang`, labelled
    for a reader of `lang` (the hidden "removed:"/"added:" labels, what each fold holds)."""
    say = legaltext.strings(dataset.root)
    old_article = legaltext.articles_by_number(dataset, old, text_lang).get(before) if before else None
    new_article = legaltext.articles_by_number(dataset, new, text_lang).get(after) if after else None
    table = compare(old_article, new_article, say.get("changes.removed_label", lang), say.get("changes.added_label", lang))
    blocks = tuple(dataclasses.replace(b, summary=fold_summary(b, say.get, lang)) if b.folded else b for b in table.blocks)
    # A side without the article (a new or removed one) shows no wording, so it names no source.
    sources = tuple(legaltext.shown_in(dataset, version, text_lang, lang)
                    for version, article in ((old, old_article), (new, new_article)) if article is not None)
    return dataclasses.replace(table, blocks=blocks, sources=sources)


def fold_summary(block: Block, say: Callable[..., str], lang: Lang) -> str:
    """What a fold holds, in the reader's language: "unchanged paragraphs 3–5", "unchanged subparagraphs 1)–7)"."""
    parts = []
    if block.text:
        parts.append(say("compare.fold.text", lang))
    # One point is named in the singular ("paragraph 1", «пункт 1», «1-тармақ»), never "paragraphs 1".
    if block.points:
        key = "compare.fold.point" if len(block.points) == 1 else "compare.fold.points"
        parts.append(say(key, lang, list=ranges(block.points, "")))
    for point in block.openings:
        parts.append(say("compare.fold.opening", lang, n=point))
    if block.subpoints:
        key = "compare.fold.subpoint" if len(block.subpoints) == 1 else "compare.fold.subpoints"
        parts.append(say(key, lang, list=ranges(block.subpoints, ")")))
    return say("compare.fold", lang, list="; ".join(parts))


def ranges(labels: tuple[str, ...], suffix: str) -> str:
    """"1), 2), 3), 5)" -> "1)–3), 5)"; numbers that do not run on (3-1) are listed as they are."""
    out: list[list[str]] = []
    previous: tuple[str, int] | None = None
    for label in labels:
        stem = label[: -len(suffix)] if suffix and label.endswith(suffix) else label
        head, _, last = stem.rpartition(" ")
        number = int(last) if last.isdigit() else None
        if out and previous and number is not None and previous == (head, number - 1):
            out[-1][1] = label
        else:
            out.append([label, label])
        previous = (head, number) if number is not None else None
    return ", ".join(first if first == last else f"{first}–{last.rpartition(' ')[2]}" for first, last in out)
