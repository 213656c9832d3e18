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

import datetime as dt
import math
import re
import unicodedata
from collections import Counter, deque
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


def similar_pairs(words: list[frozenset[str]], dates: list[dt.date]) -> list[tuple[int, int]]:
    """Every pair (i, j), i < j, of items at most MAX_DAYS apart whose word sets have a Jaccard
    similarity of at least THRESHOLD: the pairs comparing all pairs finds, without comparing
    all pairs (prefix filtering: Bayardo et al. 2007, "Scaling up all pairs similarity search").

    Words are put in one global order, rarest first. If J(a, b) >= t then a and b share at least
    ceil(t |a|) and ceil(t |b|) words, so a's first |a| - ceil(t |a|) + 1 words (its prefix) and
    b's prefix share one. Items are taken in date order; each looks up its prefix words among
    the items of the last MAX_DAYS days (older ones leave the index as the dates move on) and is
    compared only with what it finds. The words most stories share (Kazakhstan, constitution)
    are in nobody's prefix, and the index holds a few days' items, so the work grows with the
    number of stories, not with its square."""
    frequency = Counter(word for item in words for word in item)
    rank = {word: n for n, word in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))}
    recent: dict[str, deque[int]] = {}  # word -> items of the last MAX_DAYS days with it in their prefix
    pairs = []
    for i in sorted(range(len(words)), key=lambda n: (dates[n], n)):
        size = len(words[i])
        if not size:
            continue
        oldest = dates[i] - dt.timedelta(days=MAX_DAYS)
        # The epsilon guards against 0.3 * 10 = 3.0000000000000004: a prefix one word too long
        # costs a comparison, one word too short would miss a pair.
        prefix = sorted(words[i], key=rank.__getitem__)[: size - math.ceil(THRESHOLD * size - 1e-9) + 1]
        candidates: set[int] = set()
        for word in prefix:
            found = recent.get(word)
            if found is None:
                recent[word] = deque([i])
                continue
            while found and dates[found[0]] < oldest:
                found.popleft()
            candidates.update(found)
            found.append(i)
        for j in candidates:
            other = len(words[j])
            if min(size, other) < THRESHOLD * max(size, other) - 1e-9:  # J <= min/max
                continue
            shared = len(words[i] & words[j])
            if shared / (size + other - shared) >= THRESHOLD:
                pairs.append((min(i, j), max(i, j)))
    return sorted(pairs)


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
    for i, j in similar_pairs(words, [unique[k].item.date for k in keys]):
        parent[find(max(i, j))] = find(min(i, j))
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
