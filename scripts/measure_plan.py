#!/usr/bin/env python3
"""CPU time of the site plan (every page model of kk, ru and en) on the 96-article test constitution
with four versions held, for this checkout's generator beside another revision's, in one run.

Usage: python3 scripts/measure_plan.py [--baseline REV] [--rounds 5]

The data: the real data/ plus the fixture texts of tests/changes/fixtures (TEST DATA, invented
wording: 1995, first draft, adopted, in kk and ru), and a fourth version, `final_draft`, made here
from the adopted fixture with one word added to every paragraph, so that nearly every article
changed between it and each other version: the case of the real drafts, where the cost of the
what-changed models grows with the changed articles (issue 26). Matched with `atazan match`.

Each round loads the dataset afresh in a new process per revision (the models are memoised per
loaded dataset) and times `plan.build` alone with time.process_time; rounds alternate the two
revisions so that the machine's load falls on both alike. Prints the median and the range.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "changes" / "fixtures"
VERSIONS = ("constitution_1995", "first_draft", "adopted")

TIMED = """
import sys, time
from atazan import LANGUAGES
from atazan.dataset.validate import load_dataset
from atazan.website import plan
dataset = load_dataset(sys.argv[1], sys.argv[2])
start = time.process_time()
site = plan.build(dataset, LANGUAGES)
print(time.process_time() - start, len(site.pages))
"""


def _atazan(*args: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"))
    subprocess.run([sys.executable, "-m", "atazan", *args], check=True, env=env, capture_output=True, text=True)


def _reworded(source: Path, target: Path, word: str) -> None:
    # One word more before the closing stop of every paragraph: every article of it changes.
    lines = source.read_text(encoding="utf-8").splitlines()
    target.write_text("\n".join(re.sub(r"([^\s.])\.$", rf"\1 {word}.", line) if re.match(r"^(\d+\. )?\w", line)
                                and not re.match(r"^(\d+-бап|Статья \d+)$", line) else line for line in lines) + "\n",
                      encoding="utf-8")


def make_data(work: Path) -> Path:
    data = work / "project" / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copytree(ROOT / "overrides", work / "project" / "overrides")  # the interface strings the models read
    shutil.rmtree(data / "texts", ignore_errors=True)
    (data / "correspondence.yml").unlink(missing_ok=True)
    common = ["--publisher", "Test publisher (test data)", "--date", "2026-01-01", "--official", "--data", str(data)]
    for version in VERSIONS:
        for lang in ("kk", "ru"):
            _atazan("import-text", str(FIXTURES / f"{version}.{lang}.txt"), "--version", version, "--lang", lang,
                    "--title", f"Test {version}", "--url", f"https://example.org/{version}", *common)
    for lang, word in (("kk", "сынақ"), ("ru", "проверка")):
        source = work / f"final_draft.{lang}.txt"
        _reworded(FIXTURES / f"adopted.{lang}.txt", source, word)
        _atazan("import-text", str(source), "--version", "final_draft", "--lang", lang, "--title", "Test final_draft",
                "--url", "https://example.org/final_draft", *common)
    _atazan("match", "--data", str(data))
    return data


def time_plan(hooks: Path, data: Path) -> tuple[float, int]:
    env = dict(os.environ, PYTHONPATH=str(hooks))
    out = subprocess.run([sys.executable, "-c", TIMED, str(data), str(data.parent)], check=True, env=env,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="the git revision to compare with (default: main)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="atazan-plan-") as folder:
        work = Path(folder)
        data = make_data(work)
        baseline = work / "baseline"
        baseline.mkdir()
        archive = subprocess.run(["git", "archive", args.baseline, "hooks"], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(baseline)], input=archive, check=True)
        revisions = {args.baseline: baseline / "hooks", "this checkout": ROOT / "hooks"}
        times: dict[str, list[float]] = {name: [] for name in revisions}
        pages: dict[str, int] = {}
        for _ in range(args.rounds):
            for name, hooks in revisions.items():
                seconds, count = time_plan(hooks, data)
                times[name].append(seconds)
                pages[name] = count
        for name, found in times.items():
            print(f"{name:>15}: plan.build CPU median {statistics.median(found):.3f} s "
                  f"(range {min(found):.3f}-{max(found):.3f}, {len(found)} runs), {pages[name]} pages")
        base, here = (statistics.median(times[name]) for name in revisions)
        print(f"ratio this checkout / {args.baseline}: {here / base:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
