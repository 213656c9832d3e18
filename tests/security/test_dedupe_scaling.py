"""The news importer's dedupe is near-linear and finds exactly the pairs that comparing all pairs
finds. Measured by hand with `python3 -m tests.security.test_dedupe_scaling` (prints figures)."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from atazan.importers.news import dedupe, importer  # noqa: E402

START = dt.date(2026, 1, 10)
PER_DAY = 10  # stories a day, more than the seed dumps hold; more stories cover more days


def _vocabulary(rng: random.Random, size: int = 20000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(size)]


def synthetic_dump(stories: int, seed: int = 7, retellings: int = 0, per_day: int = PER_DAY) -> str:
    """`stories` distinct stories in the gov.kz inline layout (parse.py), each about the reform
    (so every step of the import runs on it), with words drawn Zipf-like from one vocabulary;
    `retellings` of them are told a second time with a fifth of the words changed."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]
    lines = ["News"]
    told = []
    for n in range(stories):
        date = START + dt.timedelta(days=rng.randrange(max(1, stories // per_day)))
        words = rng.choices(vocabulary, weights, k=90)
        told.append((date, words))
        lines += _story(n, date, words)
    for n in range(retellings):
        date, words = told[n]
        changed = [rng.choice(vocabulary) if rng.random() < 0.2 else w for w in words]
        lines += _story(n, date + dt.timedelta(days=1), changed, retold=True)
    return "\n".join(lines) + "\n"


def _story(n: int, date: dt.date, words: list[str], retold: bool = False) -> list[str]:
    title = " ".join(words[:6]).capitalize() + f" constitution {'r' if retold else 's'}{n}"
    body = ("The Constitution reform was discussed. " + " ".join(words[6:]) +
            ". Article 12 of the draft Constitution was cited. The referendum is planned.")
    return [f"{title} {date:%d.%m.%Y}", body]


def _brute_force_pairs(words, dates):
    # The definition: every pair at most MAX_DAYS apart at or above THRESHOLD.
    pairs = []
    for i, j in itertools.combinations(range(len(words)), 2):
        union = words[i] | words[j]
        if abs((dates[i] - dates[j]).days) <= dedupe.MAX_DAYS and union and \
                len(words[i] & words[j]) / len(union) >= dedupe.THRESHOLD:
            pairs.append((i, j))
    return pairs


def test_prefix_filter_finds_exactly_the_pairs_of_all_pairs_comparison():
    rng = random.Random(3)
    base = [frozenset(rng.sample(range(60), rng.randint(1, 25))) for _ in range(150)]
    # near copies at every overlap, so pairs sit just above and below the threshold
    words = [frozenset(map(str, s)) for s in base] + [
        frozenset(map(str, set(rng.sample(sorted(s), max(1, len(s) * k // 10))) | {100 + k})) for k, s in
        zip(itertools.cycle(range(1, 10)), base)]
    dates = [START + dt.timedelta(days=rng.randrange(6)) for _ in words]
    expected = _brute_force_pairs(words, dates)
    assert len(expected) > 50  # the case has pairs to find, near the threshold too
    assert dedupe.similar_pairs(words, dates) == expected


def test_retellings_merge_and_distinct_stories_stay_apart(tmp_path):
    dump = tmp_path / "dump.txt"
    dump.write_text(synthetic_dump(120, retellings=30), encoding="utf-8")
    report = importer.run([str(dump)], str(tmp_path / "data"), _context(), dry_run=True, log=lambda *_: None)
    assert report.items == 150
    assert len(report.merged) == 30
    assert len(report.new) == 120


def _context() -> importer.Context:
    return importer.Context(dt.date(2026, 2, 12), {})


def import_seconds(stories: int, tmp_path: Path, repeat: int = 3, per_day: int = PER_DAY) -> float:
    dump = tmp_path / f"dump-{stories}.txt"
    dump.write_text(synthetic_dump(stories, per_day=per_day), encoding="utf-8")
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        report = importer.run([str(dump)], str(tmp_path / "data"), _context(), dry_run=True, log=lambda *_: None)
        best = min(best, time.perf_counter() - started)
    assert len(report.new) == stories  # all distinct: nothing merged away
    return best


@pytest.mark.slow  # timing: kills or scaling measured on the machine
def test_four_times_the_stories_cost_at_most_six_times_the_time(tmp_path):
    small, large = import_seconds(300, tmp_path), import_seconds(1200, tmp_path)
    assert large / small <= 6, f"300 stories {small:.3f} s, 1200 stories {large:.3f} s: ratio {large / small:.2f}"


def group_seconds(stories: int, repeat: int = 5, per_day: int = PER_DAY) -> float:
    from atazan.importers.news import parse

    items, _ = parse.parse_text(synthetic_dump(stories, per_day=per_day), "dump.txt")
    located = [dedupe.Located(item, "dump.txt") for item in items]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        found = dedupe.group(located)
        best = min(best, time.perf_counter() - started)
    assert len(found) == stories
    return best


@pytest.mark.slow  # timing: kills or scaling measured on the machine
def test_dedupe_alone_of_four_times_the_stories_costs_at_most_six_times_the_time():
    # The step that compared all pairs: the import's other steps are linear and, at these
    # sizes, would hide a quadratic step in the import's total.
    small, large = group_seconds(1000), group_seconds(4000)
    assert large / small <= 6, f"1000 stories {small:.3f} s, 4000 stories {large:.3f} s: ratio {large / small:.2f}"


if __name__ == "__main__":
    for n in (1000, 4000):
        print(f"dedupe alone, {n} stories: {group_seconds(n):.3f} s")
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for per_day in (PER_DAY, 100):
            for n in (300, 1200, 4800):
                print(f"{n} stories, {per_day} a day: {import_seconds(n, Path(folder), per_day=per_day):.3f} s")
