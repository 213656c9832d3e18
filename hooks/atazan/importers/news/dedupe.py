"""Drop exact repeats and merge retellings of one event.

Exact repeat: the same title and body after normalization (NFKC, casefold, punctuation
deleted), because gov.kz's "Society" copy of a "News" story loses its quote marks.

Retelling: the same event told in another translation under another title. Measure: Jaccard
similarity of the two items' sets of content words (title + body, normalized, words of 3+
letters, minus a short English stop-word list), for items at most MAX_DAYS apart. Items at or
above THRESHOLD are merged, transitively (single linkage). On the seed dumps retellings score
0.38-0.60 and different stories at most 0.21 (tests/news/test_dedupe.py pins both), so 0.30
sits in the gap.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from atazan.importers.news.parse import RawItem

THRESHOLD = 0.30
MAX_DAYS = 2
_STOP = frozenset(
    "the a an of and to in on for with by from at as is are was were be been this that it its which "
    "or their his her he she they we our also has have had will would not but about into than more".split()
)


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", "", text).split())


def content_words(item: RawItem) -> frozenset[str]:
    words = normalize(item.title + " " + item.text).split()
    return frozenset(w for w in words if len(w) > 2 and w not in _STOP)


def similarity(a: RawItem, b: RawItem) -> float:
    wa, wb = content_words(a), content_words(b)
    union = wa | wb
    return len(wa & wb) / len(union) if union else 0.0


@dataclass
class Located:
    """A parsed item and where it was found; the place is for reports only, never for ids."""

    item: RawItem
    path: str

    @property
    def where(self) -> str:
        return f"{self.path}:{self.item.line}"

    def sort_key(self) -> tuple:
        return (self.item.date, normalize(self.item.title), normalize(self.item.text), self.item.title, self.item.text)


@dataclass
class Story:
    variants: list[Located]  # canonical first
    repeats: list[Located] = field(default_factory=list)  # exact copies dropped
    scores: dict[int, float] = field(default_factory=dict)  # variant index -> similarity to canonical

    @property
    def canonical(self) -> RawItem:
        return self.variants[0].item


def group(items: list[Located]) -> list[Story]:
    """Stories in a fixed order, whatever order the dumps and items came in."""
    ordered = sorted(items, key=Located.sort_key)
    unique: dict[tuple[str, str], Located] = {}
    repeats: dict[tuple[str, str], list[Located]] = {}
    for located in ordered:
        key = (normalize(located.item.title), normalize(located.item.text))
        if key in unique:
            repeats[key].append(located)
        else:
            unique[key] = located
            repeats[key] = []
    keys = list(unique)
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    words = [content_words(unique[k].item) for k in keys]
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            a, b = unique[keys[i]].item, unique[keys[j]].item
            if abs((a.date - b.date).days) > MAX_DAYS:
                continue
            union = words[i] | words[j]
            if union and len(words[i] & words[j]) / len(union) >= THRESHOLD:
                parent[find(j)] = find(i)
    clusters: dict[int, list[int]] = {}
    for i in range(len(keys)):
        clusters.setdefault(find(i), []).append(i)
    stories = []
    for members in clusters.values():
        members.sort()  # keys are in sort order, so the first is the canonical variant
        story = Story([unique[keys[i]] for i in members])
        story.repeats = [r for i in members for r in repeats[keys[i]]]
        story.scores = {n: round(similarity(story.canonical, v.item), 3) for n, v in enumerate(story.variants) if n}
        stories.append(story)
    stories.sort(key=lambda s: s.variants[0].sort_key())
    return stories
