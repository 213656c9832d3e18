"""`atazan bench --diff`: what the word diff (website/textdiff.py) costs as an article grows.

Two measurements, each beside its baseline in the same run (CPU time, as the machine is shared):
- the diff alone: one article of 1,000 to 8,000 words whose every 50th word changed, with words
  drawn Zipf-like from 1,000 (prose) and from 5 (the worst case for difflib), in 100-word
  paragraphs and as one paragraph; beside difflib's SequenceMatcher on the same words (the
  algorithm before issue 25), which is run only up to 2,000 words: at 8,000 it took two minutes;
- the build that shows it: a Kazakh-only `mkdocs build --strict` of the project with a first draft
  and an adopted text (tests/changes/fixtures, TEST DATA) whose Article 1 has 1,000 or 8,000
  words, matched by `atazan match`; the goal is at most 3x the CPU of the 1,000-word build.
Synthetic texts live only in a temporary project copy. Command-line only.
"""

from __future__ import annotations

from typing import Any

import difflib
import os
import random
import resource
import time

SIZES = (1000, 2000, 4000, 8000)
BASELINE_UP_TO = 2000
BUILD_SIZES = (1000, 8000)
GOAL_BUILD_RATIO = 3.0
CHANGE_EVERY = 50


def synthetic_article(words: int, vocabulary: int, seed: int = 1) -> tuple[list[str], list[str]]:
    """(old, new) paragraphs of invented words (TEST DATA): every CHANGE_EVERY-th word differs."""
    rng = random.Random(f"{words}-{vocabulary}-{seed}")
    if vocabulary <= 26:
        old = [chr(ord("a") + rng.randrange(vocabulary)) * 3 for _ in range(words)]
    else:  # Zipf-like, as words of prose are
        old = [f"w{min(int(rng.paretovariate(1.0)), vocabulary)}" for _ in range(words)]
    new = [word if index % CHANGE_EVERY else f"changed{index}" for index, word in enumerate(old)]
    return _paragraphs(old), _paragraphs(new)


def _paragraphs(words: list[str], size: int = 100) -> list[str]:
    return [" ".join(words[i:i + size]) + "." for i in range(0, len(words), size)]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(function, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = _cpu()
        function()
        best = min(best, _cpu() - start)
    return best


def _baseline(old: list[str], new: list[str]) -> None:
    # website/textdiff.word_diff before issue 25: one SequenceMatcher over every token.
    from atazan.website import textdiff

    a, b = textdiff._tokens(old), textdiff._tokens(new)
    difflib.SequenceMatcher(a=[textdiff._key(t) for t in a], b=[textdiff._key(t) for t in b], autojunk=False).get_opcodes()


def function_rows(log=print) -> list[dict]:
    from atazan.website import textdiff

    rows: list[dict[str, Any]] = []
    for vocabulary in (1000, 5):
        for shape in ("paragraphs", "one paragraph"):
            for words in SIZES:
                old, new = synthetic_article(words, vocabulary)
                if shape == "one paragraph":
                    old, new = [" ".join(old)], [" ".join(new)]
                ours = _timed(lambda: textdiff.word_diff(old, new))
                base = _timed(lambda: _baseline(old, new), repeat=1) if words <= BASELINE_UP_TO else None
                removed, added = textdiff.counts(textdiff.word_diff(old, new))
                rows.append({"vocabulary": vocabulary, "shape": shape, "words": words, "cpu_s": ours,
                             "baseline_cpu_s": base, "removed": removed, "added": added})
            first = next(r for r in rows if r["vocabulary"] == vocabulary and r["shape"] == shape)
            last = rows[-1]
            log(f"  diff: {vocabulary}-word vocabulary, {shape}: {first['words']} words {first['cpu_s'] * 1000:.1f} ms, "
                f"{last['words']} words {last['cpu_s'] * 1000:.1f} ms")
    return rows


def build_rows(root: str, work: str, log=print) -> list[dict]:
    """Kazakh-only builds with Article 1 of each of BUILD_SIZES words in two versions."""
    import yaml

    from atazan import ONLY_LANGUAGES_ENV
    from atazan.dataset import correspondence
    from atazan.dataset.validate import load_dataset
    from atazan.fsutil import write_atomic
    from atazan.importers.text import importer
    from atazan.tools import benchbuild

    fixtures = os.path.join(root, "tests", "changes", "fixtures")
    rows: list[dict[str, Any]] = []
    for words in BUILD_SIZES:
        project = os.path.join(work, f"diff-{words}")
        benchbuild.make_project(root, project, 0)
        data = os.path.join(project, "data")
        old, new = synthetic_article(words, 1000)
        for version, paragraphs in (("first_draft", old), ("adopted", new)):
            importer.run(os.path.join(fixtures, f"{version}.kk.txt"), version, "kk", data,
                         importer.Provenance(publisher="Test publisher (test data)", title=f"Test {version}",
                                             date="2026-03-20" if version == "adopted" else "2026-01-31",
                                             url=f"https://example.org/{version}", official=True))
            path = os.path.join(data, "texts", version, "kk.yml")
            with open(path, encoding="utf-8") as handle:
                text = yaml.safe_load(handle)
            first = next(a for a in text["articles"] if a["number"] == "1")
            first.pop("text", None)
            first.pop("subparagraphs", None)
            first["paragraphs"] = [{"number": str(i + 1), "text": p} for i, p in enumerate(paragraphs)]
            write_atomic(path, yaml.safe_dump(text, allow_unicode=True, sort_keys=False, width=1000))
        dataset = load_dataset(data, project, check_correspondence=False)
        table = correspondence.propose(correspondence.matching_texts(dataset.texts), "adopted")
        write_atomic(os.path.join(data, correspondence.FILE),
                     yaml.safe_dump(correspondence.to_data(table), allow_unicode=True, sort_keys=False))
        benchbuild.remove_generated(os.path.join(project, "docs"))
        build = benchbuild.run_build(project, os.path.join(work, f"diff-{words}-site"), extra_env={ONLY_LANGUAGES_ENV: "kk"})
        rows.append({"words": words, "cpu_s": build.cpu_seconds, "seconds": build.seconds, "pages": build.pages})
        log(f"  diff: kk build with Article 1 of {words} words: CPU {build.cpu_seconds:.2f} s ({build.pages} pages)")
    return rows


def run(root: str, work: str, log=print) -> dict:
    start = time.perf_counter()
    functions = function_rows(log)
    builds = build_rows(root, work, log)
    return {"function": functions, "build": builds,
            "build_ratio": builds[-1]["cpu_s"] / builds[0]["cpu_s"] if builds and builds[0]["cpu_s"] else None,
            "seconds": time.perf_counter() - start}


def format_rows(result: dict) -> list[str]:
    lines = ["", f"Word diff (website/textdiff.py), CPU per diff (best of 3); every {CHANGE_EVERY}th word changed; "
             f"baseline = difflib over every word (before issue 25), run up to {BASELINE_UP_TO} words",
             f"{'vocabulary':>10} {'shape':<14} {'words':>6} {'ours ms':>9} {'baseline ms':>12} {'ours x':>7} {'removed/added':>14}"]
    firsts: dict = {}
    for row in result["function"]:
        key = (row["vocabulary"], row["shape"])
        firsts.setdefault(key, row)
        base = f"{row['baseline_cpu_s'] * 1000:>12.1f}" if row["baseline_cpu_s"] is not None else f"{'-':>12}"
        growth = row["cpu_s"] / firsts[key]["cpu_s"] if firsts[key]["cpu_s"] else float("nan")
        lines.append(f"{row['vocabulary']:>10} {row['shape']:<14} {row['words']:>6} {row['cpu_s'] * 1000:>9.1f} {base} "
                     f"{growth:>7.1f} {row['removed']:>6}/{row['added']:<7}")
    builds = result["build"]
    if builds:
        lines.append("Kazakh-only build with Article 1 of N words in the first draft and the adopted text (CPU s)")
        for row in builds:
            lines.append(f"  {row['words']:>6} words: {row['cpu_s']:.2f} s CPU, {row['seconds']:.2f} s wall, {row['pages']} pages")
        ratio = result.get("build_ratio")
        if ratio is not None:
            verdict = "meets" if ratio <= GOAL_BUILD_RATIO else "MISSES"
            lines.append(f"  {builds[-1]['words']} / {builds[0]['words']} words: {ratio:.2f}x CPU ({verdict} the goal <= {GOAL_BUILD_RATIO:g}x)")
    return lines
