"""Word-level differences between two wordings of an article, for readers on phones and paper.

Words are compared in their normalised form (dataset/correspondence.normalise: quote and dash
styles, spacing, case, numbering), so formatting-only differences are not shown as changes;
what is shown is the words as each version prints them. The HTML marks changes with <del> and
<ins> and a visually hidden label ("removed:", "added:") in the reader's language, so the
difference does not rest on colour or strike-through alone (screen readers, black-and-white print).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Sequence

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
    matcher = difflib.SequenceMatcher(a=keys_a, b=keys_b, autojunk=False)
    segments: list[Segment] = []

    def add(kind: str, tokens: list[str]) -> None:
        if not tokens:
            return
        text = _join(tokens)
        if segments and segments[-1].kind == kind:
            segments[-1] = Segment(kind, _join([segments[-1].text, text]))
        else:
            segments.append(Segment(kind, text))

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            add("equal", b[j1:j2])
        else:
            add("removed", a[i1:i2])
            add("added", b[j1:j2])
    return segments


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
