"""What the rehearsal costs the suite, beside the shipped site's build in the same run (CPU seconds:
the machine is shared, wall time is not trusted).

    python3 tests/rehearsal/measure.py [--repeat 2]

Prints, per step: pages, CPU seconds (best of --repeat) and the ratio to the shipped site's online
build; then the page-sanity scan's CPU seconds per build.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

import conftest  # noqa: E402  (the suite's own build helpers, so the figures are the suite's)
from page_sanity import scan  # noqa: E402

sys.path.insert(0, str(conftest.ROOT / "scripts"))
import offline_build  # noqa: E402


def cpu(step) -> float:
    """CPU seconds of this process and its children spent in `step()`."""
    before_self, before_children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    step()
    after_self, after_children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return sum(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
               for before, after in ((before_self, after_self), (before_children, after_children)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    rows: dict[str, tuple[int, float]] = {}
    scans: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="atazan-rehearsal-measure-") as tmp:
        work = Path(tmp)
        for round_ in range(args.repeat):
            base = work / f"round{round_}"
            steps = {}
            shipped = conftest.copy_project(base / "shipped")
            steps["shipped site, online (baseline)"] = (base / "shipped-out", lambda: conftest.build_site(shipped, base / "shipped-out"))
            steps["rehearsal: copy, 7 imports, match, overlay, validate"] = (
                None, lambda: conftest.rehearsal_project(base / "rehearsal"))
            for name, (out, step) in steps.items():
                seconds = cpu(step)
                pages = sum(1 for _ in out.rglob("*.html")) if out else 0
                if name not in rows or seconds < rows[name][1]:
                    rows[name] = (pages, seconds)
            project = base / "rehearsal"
            online = shutil.copytree(project, base / "online-project")
            offline = shutil.copytree(project, base / "offline-project")
            shutil.copy2(conftest.ROOT / "mkdocs.offline.yml", offline)
            for name, out, step in (
                    ("rehearsal site, online", base / "online-out", lambda: conftest.build_site(online, base / "online-out")),
                    ("rehearsal site, offline", base / "offline-out",
                     lambda: offline_build.build(base / "offline-out", root=offline))):
                seconds = cpu(step)
                pages = sum(1 for _ in out.rglob("*.html"))
                if name not in rows or seconds < rows[name][1]:
                    rows[name] = (pages, seconds)
            for name, site, is_offline in (("shipped, online", base / "shipped-out", False),
                                           ("rehearsal, online", base / "online-out", False),
                                           ("rehearsal, offline", base / "offline-out", True)):
                start = time.process_time()
                scan(site, offline=is_offline)
                seconds = time.process_time() - start
                scans[name] = min(seconds, scans.get(name, seconds))
    baseline = rows["shipped site, online (baseline)"][1]
    print(f"{'step':56} {'pages':>6} {'CPU s':>7} {'ratio':>6}")
    for name, (pages, seconds) in rows.items():
        print(f"{name:56} {pages or '':>6} {seconds:7.2f} {seconds / baseline:6.2f}")
    print("page-sanity scan, CPU s:", ", ".join(f"{name} {seconds:.2f}" for name, seconds in scans.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
