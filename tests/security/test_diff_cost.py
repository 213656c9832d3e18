"""The word diff (website/textdiff.py) stays correct and near-linear in the article's length (issue 25, F7).

Correct: its opcodes turn the old words into the new ones exactly, and for anything the length of a
real article they are difflib's; for longer texts they change no more words than difflib on prose.
Cost: CPU time, best of three, as the machine is shared; an 8,000-word article's diff once cost
500 times a 1,000-word one's (difflib alone, cubic on repeated words)."""

from __future__ import annotations

import difflib
import random
import resource

import pytest

from atazan.tools import bench_diff
from atazan.website import textdiff


def _valid(a, b, ops) -> int:
    """Checks that `ops` turn a into b; returns how many tokens they mark changed."""
    at_a = at_b = changed = 0
    for op, i1, i2, j1, j2 in ops:
        assert (i1, j1) == (at_a, at_b)
        if op == "equal":
            assert a[i1:i2] == b[j1:j2]
        else:
            changed += max(i2 - i1, j2 - j1)
        at_a, at_b = i2, j2
    assert (at_a, at_b) == (len(a), len(b))
    return changed


def _edited(rng: random.Random, a: list, vocabulary: int, edits: int) -> list:
    b = list(a)
    for _ in range(edits):
        roll = rng.random()
        if roll < 0.3 and b:
            b[rng.randrange(len(b))] = rng.randrange(vocabulary)
        elif roll < 0.6:
            b.insert(rng.randint(0, len(b)), rng.randrange(vocabulary))
        elif b:
            del b[rng.randrange(len(b))]
    return b


def test_up_to_an_articles_length_the_opcodes_are_difflibs():
    rng = random.Random(7)
    for _ in range(300):
        vocabulary = rng.choice([2, 5, 30, 1000])
        a = [rng.randrange(vocabulary) for _ in range(rng.randint(0, 500))]
        b = _edited(rng, a, vocabulary, rng.randint(0, 30))
        assert textdiff._opcodes(a, b) == difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()


def test_long_texts_get_a_valid_diff_as_small_as_difflibs_on_prose():
    rng = random.Random(11)
    for _ in range(40):
        vocabulary = rng.choice([30, 100, 1000])
        a = [rng.randrange(vocabulary) for _ in range(rng.randint(700, 1500))]
        b = _edited(rng, a, vocabulary, rng.randint(1, 60))
        ours = _valid(a, b, textdiff._opcodes(a, b))
        theirs = _valid(a, b, difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes())
        assert ours <= theirs * 1.05 + 2
    # Whatever the words, the diff is a diff: a few words repeated, a text against another.
    for a, b in (([1, 2] * 3000, [2, 1] * 3000), (list(range(5000)), list(range(5000, 10000))), ([0] * 4000, [0] * 3999 + [1])):
        _valid(a, b, textdiff._opcodes(a, b))


def test_every_changed_word_of_a_long_article_is_shown_and_nothing_else():
    old, new = bench_diff.synthetic_article(8000, 1000)
    segments = textdiff.word_diff(old, new)
    assert textdiff.counts(segments) == (160, 160)
    shown = " ".join(s.text for s in segments if s.kind != "removed").split()
    assert shown == " ".join(new).split()


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _best(function, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = _cpu()
        function()
        times.append(_cpu() - start)
    return min(times)


@pytest.mark.slow  # timing
@pytest.mark.parametrize("vocabulary, shape", [(1000, "paragraphs"), (5, "one paragraph")])
def test_eight_times_the_words_costs_about_eight_times_the_cpu(vocabulary, shape):
    costs = {}
    for words in (1000, 8000):
        old, new = bench_diff.synthetic_article(words, vocabulary)
        if shape == "one paragraph":
            old, new = [" ".join(old)], [" ".join(new)]
        costs[words] = _best(lambda: textdiff.word_diff(old, new))
    # Linear is 8; quadratic would be 64; difflib alone was about 500 (atazan bench --diff).
    assert costs[8000] / max(costs[1000], 1e-4) < 20, costs
    assert costs[8000] < 1.0, costs
