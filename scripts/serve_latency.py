#!/usr/bin/env python3
"""Measure edit-to-visible time of the live preview: edit a glossary file, poll the served page.

Usage: python3 scripts/serve_latency.py [--lang kk] [--runs 3] [--command atazan|mkdocs] [--texts no|yes|both]

Works on a temporary copy of the project (data/, docs/, overrides/, hooks/, mkdocs.yml), never on
this checkout. Starts `atazan serve --lang LANG` there (or `mkdocs serve`, all languages, with
--command mkdocs), waits for the first build, then RUNS times: appends a marker to the glossary
term's definition in LANG, and polls that language's glossary page every 50 ms until the marker is
served. The time from the write to the first response that shows it is the figure; before the next
edit it waits until the server has been quiet for two seconds (a rebuild can trigger another); the
server's CPU time from the write to that quiet is the second figure (steadier on a shared machine).
With --texts yes the copy holds the rehearsal's test constitution (tests/rehearsal, TEST DATA: every
version and language imported, matched, curated, as `atazan bench --texts` does); --texts both
measures the copy without texts and then with them in the same run, and prints the ratio.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from atazan.tools import bench  # noqa: E402  (the project copy the benchmark uses)
from atazan.website.routes import URL_PREFIX  # noqa: E402

TERM = "referendum"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in bench.PROJECT_PARTS:
        src, dst = ROOT / part, target / part
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dst)
    shutil.copytree(ROOT / "data", target / "data")
    return target


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(predicate, timeout: float, step: float = 0.05) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(step)
    return None


def edit_definition(path: Path, lang: str, marker: str) -> None:
    text = path.read_text(encoding="utf-8")
    line = re.compile(rf'^(  {lang}: \{{text: ")(.*?)(", status)', re.M)
    assert line.search(text.split("definition:", 1)[1]), f"no {lang} definition line in {path}"
    head, tail = text.split("definition:", 1)
    tail = line.sub(lambda m: f"{m[1]}{re.sub(r' serve-check-[0-9]+$', '', m[2])} {marker}{m[3]}", tail, count=1)
    # Written in place, as an editor saves: the watcher sees a modified file.
    path.write_text(head + "definition:" + tail, encoding="utf-8")


def quiet_for(log: Path, seconds: float, timeout: float = 120) -> None:
    # The server's log stops growing once every rebuild it triggered has finished.
    deadline = time.monotonic() + timeout
    size, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now = log.stat().st_size
        if now != size:
            size, since = now, time.monotonic()
        elif time.monotonic() - since >= seconds:
            return
        time.sleep(0.1)


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) the server process has used so far, its finished children included:
    on a shared machine the wall time of an edit varies with the load, its CPU time much less."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def measure(args, texts: bool) -> list[tuple[float, float]]:
    """(seconds to visible, server CPU seconds for the whole rebuild) per run, on a fresh project copy."""
    work = Path(tempfile.mkdtemp(prefix="atazan-serve-latency-"))
    project = copy_project(work / "project")
    if texts:
        # The rehearsal's full-scale test constitution (TEST DATA: tests/rehearsal), imported, matched
        # and curated as `atazan bench --texts` does: every version and language held.
        from atazan.tools.bench_text import import_rehearsal

        import_rehearsal(str(ROOT), str(project / "data"))
    port = free_port()
    address = f"127.0.0.1:{port}"
    if args.command == "atazan":
        command = [sys.executable, "-m", "atazan", "serve", "--lang", args.lang, "-a", address]
    else:
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", address]
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"))
    env.pop("ATAZAN_LANGUAGES", None)
    log = work / "serve.log"
    page = f"http://{address}/ata-zan/{URL_PREFIX[args.lang]}glossary/"
    glossary = project / "data" / "glossary" / f"{TERM}.yml"
    label = "with the rehearsal texts held" if texts else "without texts"
    figures: list[tuple[float, float]] = []
    with open(log, "wb") as out:
        server = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            first = wait_for(lambda: (fetch(page) or "").find("<html") >= 0, timeout=600, step=0.2)
            if first is None:
                sys.exit(f"serve_latency: {page} never answered; see {log}")
            quiet_for(log, 2.0)
            for run in range(1, args.runs + 1):
                marker = f"serve-check-{run}"
                cpu = server_cpu(server.pid)
                edit_definition(glossary, args.lang, marker)
                seconds = wait_for(lambda: marker in (fetch(page) or ""), timeout=120)
                if seconds is None:
                    sys.exit(f"serve_latency: the edit never showed on {page}; see {log}")
                quiet_for(log, 2.0)
                used = server_cpu(server.pid) - cpu
                figures.append((seconds, used))
                print(f"{label}, run {run}: edit of data/glossary/{TERM}.yml visible at {page} after {seconds:.2f} s; "
                      f"server CPU for the rebuild {used:.2f} s", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
    if args.keep:
        print(f"kept: {work} (server log: {log})")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="kk", choices=tuple(URL_PREFIX))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--command", choices=("atazan", "mkdocs"), default="atazan")
    parser.add_argument("--texts", choices=("no", "yes", "both"), default="no",
                        help="the rehearsal's test constitution held (yes), or both projects one after the other, "
                             "side by side (both)")
    parser.add_argument("--keep", action="store_true", help="keep the project copy and the server's log")
    args = parser.parse_args(argv)

    variants = {"no": [False], "yes": [True], "both": [False, True]}[args.texts]
    results = {texts: measure(args, texts) for texts in variants}
    name = "mkdocs serve" if args.command == "mkdocs" else f"atazan serve --lang {args.lang}"
    for texts, figures in results.items():
        walls, cpus = [w for w, _ in figures], [c for _, c in figures]
        print(f"{name}, {'with the rehearsal texts held' if texts else 'without texts'}: "
              f"visible after {', '.join(f'{s:.2f}' for s in walls)} s (median {statistics.median(walls):.2f}, "
              f"worst {max(walls):.2f}); server CPU per edit {', '.join(f'{c:.2f}' for c in cpus)} s "
              f"(median {statistics.median(cpus):.2f})")
    if len(results) == 2:
        (_, without), (_, held) = results.items()
        ratio = lambda pick: statistics.median(pick(held)) / statistics.median(pick(without))  # noqa: E731
        print(f"ratio with texts / without: wall {ratio(lambda f: [w for w, _ in f]):.2f}, "
              f"CPU {ratio(lambda f: [c for _, c in f]):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
