"""Word-level differences between two wordings of an article, for readers on phones and paper.

Words are compared in their normalised form (dataset/correspondence.normalise: quote and dash
styles, spacing, case, numbering), so formatting-only differences are not shown as changes;
what is shown is the words as each version prints them. The HTML marks changes with <del> and
<ins> and a visually hidden label ("removed:", "added:") in the reader's language, so the
difference does not rest on colour or strike-through alone (screen readers, black-and-white print).

Cost: near-linear in the article's length (`atazan bench --diff`). difflib's SequenceMatcher alone
grew with the cube of the length on real texts' repeated words (an 8,000-word article: two
minutes of CPU per diff). `_opcodes` first takes what both versions share at the start and end,
compares what is left with SequenceMatcher when it is no longer than a real article (600 words a
side); a longer stretch is first cut at anchors, runs of words that occur once in each version
amid equal words (patience diff: single words, else runs of 2, 4, 8, 16 words). A long stretch
with no such anchor (a text of a few words repeated) is shown as removed and added whole: correct,
and bounded.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass
from typing import Hashable, Sequence

from markupsafe import Markup, escape

from atazan.dataset.correspondence import normalise

_WORD = re.compile(r"\S+")
PARAGRAPH = "\n"  # a paragraph break is a token of its own, so paragraphs stay apart


@dataclass(frozen=True)
class Segment:
    kind: str  # "equal", "removed", "added"
    text: str


def _tokens(paragraphs: Sequence[str]) -> list[str]:
    tokens: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            tokens.append(PARAGRAPH)
        tokens.extend(_WORD.findall(paragraph))
    return tokens


# "1." and "1)" are the same number in another numbering style.
_NUMBER_TOKEN = re.compile(r"^(\d+(?:-\d+)?|[a-zа-яәіңғүұқөһ])[.)]$", re.IGNORECASE)


def _key(token: str) -> str:
    if token == PARAGRAPH:
        return token
    number = _NUMBER_TOKEN.match(token)
    return f"#{number.group(1).casefold()}" if number else normalise(token)


def _join(tokens: Sequence[str]) -> str:
    """Words with single spaces; a paragraph break without spaces around it."""
    text = ""
    for token in tokens:
        if token == PARAGRAPH or text.endswith(PARAGRAPH) or not text:
            text += token
        else:
            text += " " + token
    return text


def word_diff(old: Sequence[str], new: Sequence[str]) -> list[Segment]:
    """The segments that turn the paragraphs `old` into `new`; equal runs show the new wording."""
    a, b = _tokens(old), _tokens(new)
    keys_a, keys_b = [_key(t) for t in a], [_key(t) for t in b]
    segments: list[Segment] = []

    def add(kind: str, tokens: list[str]) -> None:
        if not tokens:
            return
        text = _join(tokens)
        if segments and segments[-1].kind == kind:
            segments[-1] = Segment(kind, _join([segments[-1].text, text]))
        else:
            segments.append(Segment(kind, text))

    for op, i1, i2, j1, j2 in _opcodes(keys_a, keys_b):
        if op == "equal":
            add("equal", b[j1:j2])
        else:
            add("removed", a[i1:i2])
            add("added", b[j1:j2])
    return segments


# SequenceMatcher (autojunk off: a legal text's common words are its content) grows faster than
# the square of the stretch it compares; it sees stretches of up to this many tokens x tokens
# (600 x 600 words: milliseconds), which holds every article of a real constitution whole.
_MATCHER_CELLS = 360_000
# Between two anchors only short stretches go to it: the anchors are found again inside a longer one.
_GAP_CELLS = 10_000
_ANCHOR_RUNS = (1, 2, 4, 8, 16)
# An anchor must sit in at least this many equal tokens in a row (itself included): a word that is
# unique in both versions only because it was added in one of them (and removed elsewhere) is no anchor.
_ANCHOR_CONTEXT = 4


def _opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[str, int, int, int, int]]:
    """SequenceMatcher-style opcodes turning `a` into `b` ("equal", or "replace"/"delete"/"insert")."""
    if len(a) * len(b) <= _MATCHER_CELLS:  # every real article: exactly what readers saw before
        return list(difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes())
    raw: list[tuple[str, int, int, int, int]] = []
    _diff(a, 0, len(a), b, 0, len(b), raw)
    merged: list[list] = []
    for op, i1, i2, j1, j2 in raw:
        if i1 == i2 and j1 == j2:
            continue
        kind = "equal" if op == "equal" else "replace"
        if merged and (merged[-1][0] == "equal") == (kind == "equal"):
            merged[-1][2], merged[-1][4] = i2, j2
        else:
            merged.append([kind, i1, i2, j1, j2])
    return [(("replace" if i1 < i2 and j1 < j2 else "delete" if i1 < i2 else "insert") if op != "equal" else op,
             i1, i2, j1, j2) for op, i1, i2, j1, j2 in merged]


def _diff(a, alo: int, ahi: int, b, blo: int, bhi: int, out: list, limit: int = _MATCHER_CELLS) -> None:
    start_a, start_b = alo, blo
    while alo < ahi and blo < bhi and a[alo] == b[blo]:
        alo, blo = alo + 1, blo + 1
    out.append(("equal", start_a, alo, start_b, blo))
    end_a, end_b = ahi, bhi
    while ahi > alo and bhi > blo and a[ahi - 1] == b[bhi - 1]:
        ahi, bhi = ahi - 1, bhi - 1
    if (ahi - alo) * (bhi - blo) <= limit:
        _matcher(a, alo, ahi, b, blo, bhi, out)
    else:
        anchors, run = _anchors(a, alo, ahi, b, blo, bhi)
        if anchors:
            for i, j in anchors:
                _diff(a, alo, i, b, blo, j, out, _GAP_CELLS)
                out.append(("equal", i, i + run, j, j + run))
                alo, blo = i + run, j + run
            _diff(a, alo, ahi, b, blo, bhi, out, _GAP_CELLS)
        elif (ahi - alo) * (bhi - blo) <= _MATCHER_CELLS:
            _matcher(a, alo, ahi, b, blo, bhi, out)
        else:
            out.append(("replace", alo, ahi, blo, bhi))
    out.append(("equal", ahi, end_a, bhi, end_b))


def _matcher(a, alo: int, ahi: int, b, blo: int, bhi: int, out: list) -> None:
    if alo == ahi or blo == bhi:
        out.append(("replace", alo, ahi, blo, bhi))
        return
    matcher = difflib.SequenceMatcher(a=a[alo:ahi], b=b[blo:bhi], autojunk=False)
    out.extend((op, alo + i1, alo + i2, blo + j1, blo + j2) for op, i1, i2, j1, j2 in matcher.get_opcodes())


def _anchors(a, alo: int, ahi: int, b, blo: int, bhi: int) -> tuple[list[tuple[int, int]], int]:
    """The longest increasing chain of runs of `run` tokens that occur exactly once in each side
    (patience sorting), for the shortest run length that has any; ([], 0) if none has."""
    for run in _ANCHOR_RUNS:
        if run > min(ahi - alo, bhi - blo):
            break
        in_a: dict = {}
        for i in range(alo, ahi - run + 1):
            key = a[i] if run == 1 else tuple(a[i:i + run])
            in_a[key] = -1 if key in in_a else i
        in_b: dict = {}
        for j in range(blo, bhi - run + 1):
            key = b[j] if run == 1 else tuple(b[j:j + run])
            if in_a.get(key, -1) >= 0:
                in_b[key] = -1 if key in in_b else j
        pairs = sorted((in_a[key], j) for key, j in in_b.items()
                       if j >= 0 and _context(a, alo, ahi, b, blo, bhi, in_a[key], j, run) >= _ANCHOR_CONTEXT)
        chain = _longest_increasing(pairs)
        kept: list[tuple[int, int]] = []
        for i, j in chain:  # runs longer than one token must not overlap
            if not kept or (i >= kept[-1][0] + run and j >= kept[-1][1] + run):
                kept.append((i, j))
        if kept:
            return kept, run
    return [], 0


def _context(a, alo: int, ahi: int, b, blo: int, bhi: int, i: int, j: int, run: int) -> int:
    """How many equal tokens in a row the run at a[i], b[j] sits in (counted up to _ANCHOR_CONTEXT)."""
    length = run
    before, after = 1, run
    while length < _ANCHOR_CONTEXT and i - before >= alo and j - before >= blo and a[i - before] == b[j - before]:
        length, before = length + 1, before + 1
    while length < _ANCHOR_CONTEXT and i + after < ahi and j + after < bhi and a[i + after] == b[j + after]:
        length, after = length + 1, after + 1
    return length


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of `pairs` (sorted by their first item) whose second items increase."""
    tails: list[int] = []  # the smallest second item ending a chain of each length
    ends: list[int] = []  # index into pairs of that chain's end
    previous = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        at = bisect.bisect_left(tails, j)
        if at == len(tails):
            tails.append(j)
            ends.append(index)
        else:
            tails[at], ends[at] = j, index
        previous[index] = ends[at - 1] if at else -1
    chain, index = [], ends[-1] if ends else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    return chain[::-1]


def is_changed(old: Sequence[str], new: Sequence[str]) -> bool:
    """False when the two wordings differ only in formatting."""
    return [_key(t) for t in _tokens(old)] != [_key(t) for t in _tokens(new)]


def counts(segments: Sequence[Segment]) -> tuple[int, int]:
    """(words removed, words added)."""
    removed = sum(len(_WORD.findall(s.text)) for s in segments if s.kind == "removed")
    added = sum(len(_WORD.findall(s.text)) for s in segments if s.kind == "added")
    return removed, added


def to_html(segments: Sequence[Segment], removed_label: str, added_label: str, only_changed: bool = False) -> Markup:
    """Paragraphs of the diff as HTML; every text escaped, labels for screen readers and print.
    `only_changed` leaves out paragraphs without a change (a phone shows what changed, not the article)."""
    return Markup("".join(f"<p>{' '.join(words)}</p>" for words, changed in _paragraphs(segments, removed_label, added_label)
                          if words and (changed or not only_changed)))


def unchanged_paragraphs(segments: Sequence[Segment]) -> int:
    return sum(1 for words, changed in _paragraphs(segments, "", "") if words and not changed)


def _paragraphs(segments: Sequence[Segment], removed_label: str, added_label: str) -> list[tuple[list[str], bool]]:
    paragraphs: list[list[str]] = [[]]
    changed = [False]
    for segment in segments:
        parts = segment.text.split(PARAGRAPH)
        for index, part in enumerate(parts):
            if index:
                paragraphs.append([])
                changed.append(False)
            if not part.strip():
                continue
            if segment.kind == "equal":
                paragraphs[-1].append(str(escape(part)))
            else:
                tag, label = ("del", removed_label) if segment.kind == "removed" else ("ins", added_label)
                paragraphs[-1].append(
                    f'<{tag}><span class="atazan-sr">{escape(label)} </span>{escape(part)}</{tag}>')
                changed[-1] = True
    return list(zip(paragraphs, changed))


# ---------------------------------------------------------------- two columns, and a short excerpt
#
# The comparison tables (website/comparetable.py) compare one paragraph with its counterpart, and
# split punctuation from words there: "formulation" and "formulation," are the same word, so a
# comma added after it does not strike the word through and add it again.

_FINE = re.compile(r"(\s*)(\w+(?:[-'’]\w+)*|[^\w\s])")
_IS_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Change:
    """One run of a paragraph's diff: `kind` equal | removed | added, with its text as printed."""

    kind: str
    text: str
    words: int  # words in it (punctuation not counted)


def _fine(text: str) -> list[tuple[str, str]]:
    return [(" " if space else "", token) for space, token in _FINE.findall(text)]


def _run(tokens: Sequence[tuple[str, str]]) -> str:
    return "".join(space + token for space, token in tokens).strip()


def paragraph_diff(old: str, new: str) -> list[Change]:
    """The runs that turn one paragraph into the other, words and punctuation apart; each run in the
    wording of its own version (an equal run twice, as `old` and as `new` print it: kind equal is
    followed by its `new` twin of kind "equal-new")."""
    a, b = _fine(old), _fine(new)
    runs: list[Change] = []
    for op, i1, i2, j1, j2 in _opcodes([_key(t) for _, t in a], [_key(t) for _, t in b]):
        if op == "equal":
            runs.append(Change("equal", _spaced(a, i1, i2), 0))
            runs.append(Change("equal-new", _spaced(b, j1, j2), 0))
            continue
        if i2 > i1:
            runs.append(Change("removed", _spaced(a, i1, i2), sum(1 for _, t in a[i1:i2] if _IS_WORD.match(t))))
        if j2 > j1:
            runs.append(Change("added", _spaced(b, j1, j2), sum(1 for _, t in b[j1:j2] if _IS_WORD.match(t))))
    return runs


def _spaced(tokens: Sequence[tuple[str, str]], start: int, end: int) -> str:
    # A run keeps the space before it as a leading " ", so runs concatenate as the text printed them.
    return (tokens[start][0] if start < len(tokens) else "") + _run(tokens[start:end])


def _marked(kind: str, text: str, label: str) -> str:
    tag = "del" if kind == "removed" else "ins"
    space = " " if text.startswith(" ") else ""
    return f'{space}<{tag}><span class="atazan-sr">{escape(label)} </span>{escape(text.strip())}</{tag}>'


def columns(runs: Sequence[Change], removed_label: str, added_label: str) -> tuple[Markup, Markup]:
    """A paragraph's two wordings side by side: the earlier with its removed words marked, the later
    with its added words marked; every text escaped."""
    left = "".join(str(escape(r.text)) if r.kind == "equal" else _marked(r.kind, r.text, removed_label)
                   for r in runs if r.kind in ("equal", "removed"))
    right = "".join(str(escape(r.text)) if r.kind == "equal-new" else _marked(r.kind, r.text, added_label)
                    for r in runs if r.kind in ("equal-new", "added"))
    return Markup(left.strip()), Markup(right.strip())


def words(text: str) -> int:
    return sum(1 for _, token in _fine(text) if _IS_WORD.match(token))


def marked(text: str, kind: str, label: str) -> Markup:
    """A wording removed or added whole (a paragraph, an article), marked as such."""
    return Markup(_marked(kind, _run(_fine(text)), label))


def excerpt(runs: Sequence[Change], removed_label: str, added_label: str, keep: int = 8, context: int = 3) -> Markup | None:
    """A paragraph's first change in a few words: the words before it, what was removed, what was
    added (each cut after `keep` words, with an ellipsis). None: no change."""
    first = next((index for index, r in enumerate(runs) if r.kind in ("removed", "added")), None)
    if first is None:
        return None
    parts = []
    before = [r for r in runs[:first] if r.kind == "equal-new"]
    if before:
        tokens = _fine(before[-1].text)
        shown = _run(tokens[-context:])
        if shown:
            parts.append(str(escape(("… " if len(tokens) > context else "") + shown)))
    end = first
    for run in runs[first:first + 2]:
        if run.kind not in ("removed", "added"):
            break
        end += 1
        tokens = _fine(run.text)
        text = _run(tokens[:keep]) + (" …" if len(tokens) > keep else "")
        parts.append(_marked(run.kind, text, removed_label if run.kind == "removed" else added_label).strip())
    after = [r for r in runs[end:end + 2] if r.kind == "equal-new"]
    if after:
        tokens = _fine(after[0].text)
        shown = _run(tokens[:context])
        if shown:
            parts.append(str(escape(shown + (" …" if len(tokens) > context else ""))))
    return Markup(" ".join(parts))
