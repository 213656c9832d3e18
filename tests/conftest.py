"""Shared fixtures and markers for the whole suite: read this before adding a test.

How the suite runs
  bash scripts/test                 everything, in parallel (pytest-xdist: one worker per core, at most 4,
                                    `--dist loadgroup`); the README's command, and what .ci/run calls
  bash scripts/test -m "not slow"   the fast subset (times: the README, "Two commands"): no real-dump, bench, PDF, audit,
                                    browser, timing or extra-build tests
  python3 -m pytest tests/test_x.py one file in one process; every test must pass both ways

Markers (registered in pyproject.toml; `--strict-markers` rejects a misspelt one)
  @pytest.mark.slow    more than a few seconds on its own (a PDF, an audit, an extra site build, a bench
                       run, a timing or kill test, a real browser) or needs the real dumps. Left out of
                       the fast subset; CI runs it. A test taking a fixture named in EXTRA_BUILDS or
                       BROWSER (below) gets it by itself.
  @pytest.mark.seeds   reads the real news dumps in ../shared/seeds (or ATAZAN_SEEDS=DIR); a test that
                       takes the `seeds` fixture (tests/news/conftest.py) gets it by itself. Implies
                       `slow`. Skipped, with the reason, where the dumps are missing (a lone clone);
                       a failure instead under ATAZAN_REQUIRE_SEEDS=1, which .ci/run sets. Tests that
                       only need news-shaped input use the invented dumps in tests/news/fixtures/.
  @pytest.mark.xdist_group("name")  tests that must run on one worker, e.g. those sharing a costly
                       module-scoped fixture (test_a11y's axe audits): the fixture then runs once.

Fixtures
  site_dir          the real site (kk, ru, en) built once per run with --strict, shared by every worker;
                    read it, never write into it
  site_url          site_dir over HTTP on 127.0.0.1 (one server per worker)
  browser           Debian's chromium through Playwright, one per worker; open pages, close them
  dataset, generated_pages   the real data loaded, and every generated page rendered (once per worker)
  core_data         a fresh copy of the small valid dataset (tests/fixtures/core/data) to break
  built_once(name, build)    a costly folder (a site built from a modified project, a zip) made once
                    per run and shared by every worker: `build(folder)` fills the empty folder
  project_lock()    hold it while a command writes into this checkout (a build of ROOT rewrites the
                    generated pages in docs/<lang>/): site_dir and the offline build take it
  build_site(project, out)   `mkdocs build --strict` of a project copy; asserts success
  copy_project(target)       the project without generated pages, for builds of a changed copy
  serve_folder(folder)       a built site on a free 127.0.0.1 port, as a context manager yielding its URL
  nonempty(items)            loop over this, not over a bare glob or dict: an empty one fails the test
  rehearsal_dir     the project after importing the full-scale rehearsal texts (tests/rehearsal/), `atazan
                    match` and a curator's overlay; rehearsal_site and rehearsal_offline: it built online
                    and as the offline copy, once per run (slow)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

LANGUAGES = ("kk", "ru", "en")

# The real news dumps: beside the repository, as CI and the team have them (../shared/seeds).
SEEDS_DIR = Path(os.environ.get("ATAZAN_SEEDS") or ROOT.parent / "shared" / "seeds")
SEEDS_MISSING = (f"the real news dumps are not in {SEEDS_DIR} (../shared/seeds beside the clone, or set "
                 "ATAZAN_SEEDS=DIR); CI always has them (.ci/run sets ATAZAN_REQUIRE_SEEDS=1)")


def seeds_present() -> bool:
    return SEEDS_DIR.is_dir() and any(SEEDS_DIR.glob("*.txt"))


# Fixtures that build a whole extra site (a modified copy of the project, the offline copy), or
# drive chromium: a test that takes one is `slow` by itself. The fast subset is the data, render and
# generator tests plus the checks of the real site's HTML (one build).
EXTRA_BUILDS = {"injected_site", "fixture_site", "offline_root", "hostile_project", "hostile_site", "built", "matched_once",
                "rehearsal_dir", "rehearsal_site", "rehearsal_offline", "hostile_imports_site"}
BROWSER = {"browser"}


def pytest_collection_modifyitems(config, items):
    missing = not seeds_present()
    required = os.environ.get("ATAZAN_REQUIRE_SEEDS") == "1"
    for item in items:
        if (EXTRA_BUILDS | BROWSER) & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        if "seeds" in getattr(item, "fixturenames", ()):  # tests/news: the `seeds` fixture, the real dumps
            item.add_marker(pytest.mark.seeds)
        if item.get_closest_marker("seeds") is None:
            continue
        item.add_marker(pytest.mark.slow)
        if missing and not required:
            item.add_marker(pytest.mark.skip(reason=SEEDS_MISSING))
    _order_for_workers(items)


def _order_for_workers(items) -> None:
    """The order pytest-xdist hands tests out in (scripts/test: --no-loadscope-reorder; each worker
    holds two or three at a time): one test on the real site first, so that its build starts at
    once; then the slow tests that do not need that site (the kill and scaling tests, the fixture
    sites), so the other worker is busy instead of waiting for the build; then the other slow
    tests, then the fast ones. Within each part the collection order stays."""
    slow_modules = {item.nodeid.split("::", 1)[0] for item in items if item.get_closest_marker("slow")}

    def needs_site(item) -> bool:
        return "site_dir" in getattr(item, "fixturenames", ())

    first = next((item for item in items if needs_site(item)), None)
    items[:] = sorted(items, key=lambda item: (item is not first, item.nodeid.split("::", 1)[0] not in slow_modules,
                                               needs_site(item)))


def pytest_runtest_setup(item):
    if item.get_closest_marker("seeds") and not seeds_present():
        # Only reached under ATAZAN_REQUIRE_SEEDS=1 (otherwise the test is skipped at collection).
        pytest.fail(SEEDS_MISSING, pytrace=False)


def _shared_temp(tmp_path_factory) -> Path:
    # Under pytest-xdist every worker has its own basetemp (…/pytest-N/popen-gw0); their parent
    # belongs to this run only, and every worker sees it.
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def built_once(tmp_path_factory) -> Callable[[str, Callable[[Path], object]], Path]:
    """`built_once(name, build)`: the folder `build` filled, made by whichever worker asks first."""
    from filelock import FileLock

    shared = _shared_temp(tmp_path_factory)

    def get(name: str, build: Callable[[Path], object]) -> Path:
        target = shared / f"once-{name}"
        done = shared / f"once-{name}.done"
        with FileLock(str(shared / f"once-{name}.lock")):
            if not done.exists():
                # A build that failed in another worker left no .done: build again, and fail the same way.
                shutil.rmtree(target, ignore_errors=True)
                target.mkdir()
                build(target)
                done.touch()
        return target

    return get


@pytest.fixture(scope="session")
def project_lock(tmp_path_factory):
    """A context manager: one writer at a time into this checkout, across workers."""
    from filelock import FileLock

    lock = FileLock(str(_shared_temp(tmp_path_factory) / "project-checkout.lock"))

    @contextlib.contextmanager
    def held():
        with lock:
            yield

    return held


def _mkdocs_build(project: Path, out: Path, *extra: str, timeout: int = 600,
                  counts: Path | None = None) -> subprocess.CompletedProcess:
    # Without NO_MKDOCS_2_WARNING: mkdocs.yml itself must keep Material's banner quiet.
    env = {key: value for key, value in os.environ.items() if key != "NO_MKDOCS_2_WARNING"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out), *extra]
    if counts is not None:  # the same build, with the page models counted (tests/counting_build.py)
        assert not extra
        command = [sys.executable, str(ROOT / "tests" / "counting_build.py"), str(out), str(counts)]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def site_dir(built_once, project_lock) -> Path:
    """Build the real site (kk, ru, en) exactly as a contributor would, once per test run; the page
    models made during that build are counted beside it (tests/counting_build.py, site_model_counts)."""
    def build(out: Path) -> None:
        with project_lock():
            result = _mkdocs_build(ROOT, out, counts=out.parent / f"{out.name}.counts.json")
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
        (out.parent / f"{out.name}.output").write_text(result.stdout + result.stderr, encoding="utf-8")

    return built_once("site", build)


@pytest.fixture(scope="session")
def site_model_counts(site_dir) -> dict:
    """{"counts": constructions per page-model class, "modules": atazan modules imported} of the
    site_dir build."""
    import json

    return json.loads((site_dir.parent / f"{site_dir.name}.counts.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site_build_output(site_dir) -> str:
    """What the site_dir build printed (stdout and stderr), as a contributor sees it."""
    return (site_dir.parent / f"{site_dir.name}.output").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def dataset():
    from atazan.dataset.validate import load_dataset

    return load_dataset(str(ROOT / "data"), str(ROOT))


# ---------------------------------------------------------------- the core suite's small dataset

CORE_FIXTURE = ROOT / "tests" / "fixtures" / "core" / "data"
OWNERSHIP = "data/provisions/ownership.yml"  # the fixture provision, as messages name it


@pytest.fixture
def core_data(tmp_path) -> Path:
    """A fresh copy of the small valid dataset at tmp_path/data; tests break one thing in it."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(CORE_FIXTURE, data)
    return data


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old` in a data file; returns its 1-based line number."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def replace_first(path: Path, old: str, new: str) -> int:
    """Replace the first occurrence of `old` (e.g. versions[0]'s copy of a repeated block)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def build_site(project: Path, out: Path) -> Path:
    """`mkdocs build --strict` of a project folder into `out`, as the site_dir fixture does."""
    result = _mkdocs_build(project, out)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return out


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    """The built site over HTTP on 127.0.0.1: under file:// a folder link opens a directory listing."""
    with serve_folder(site_dir) as url:
        yield url


@contextlib.contextmanager
def serve_folder(folder: Path):
    """A built site served on a free port of 127.0.0.1 for the duration of the block; yields its URL."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (Playwright's own browser downloads are blocked)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def generated_pages(dataset):
    """Every page the generator renders from the real data, in every language (rendered once)."""
    from atazan.website import render

    return render.render_all(dataset)


def copy_project(target: Path) -> Path:
    """The project as a contributor has it (mkdocs.yml, docs, overrides, hooks, data), without the
    generated pages, which the build makes again: the start of every test that builds a changed copy."""
    from atazan.tools import bench

    target.mkdir(parents=True, exist_ok=True)
    for part in (*bench.PROJECT_PARTS, "data"):
        src, dst = ROOT / part, target / part
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dst)
    bench.remove_generated(str(target / "docs"))
    return target


def nonempty(items, what: str = "") -> list:
    """`items` as a list, failing when it holds nothing: a test that loops over it then cannot pass
    without running its asserts (tests/project/test_tests_can_fail.py keeps every such test on it)."""
    found = list(items)
    assert found, f"nothing to check{': ' + what if what else ''} (did a path or a name change?)"
    return found


def atazan_here(*args: str, cwd: Path | str | None = None, env: dict[str, str | None] | None = None) -> tuple[int, str, str]:
    """`atazan ARGS` through the command's main() in this process: (exit code, stdout, stderr),
    run from `cwd`, with `env` set for the call (None unsets a variable). Saves a Python start and
    the generator's imports per call (about 3 times faster than a subprocess); tests of the real
    entry point (`python -m atazan`, the console script) run a subprocess instead."""
    import io

    from atazan.tools import cli

    out, err = io.StringIO(), io.StringIO()
    saved = {key: os.environ.get(key) for key in (env or {})}
    try:
        for key, value in (env or {}).items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        with contextlib.chdir(cwd or os.getcwd()), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as stop:  # argparse's own errors (exit 2), as a process would end
                code = stop.code if isinstance(stop.code, int) else 1
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return code, out.getvalue(), err.getvalue()


def atazan_process(*args: str, cwd: Path | str | None = None, env: dict[str, str | None] | None = None) -> subprocess.CompletedProcess:
    """atazan_here as a CompletedProcess (returncode, stdout, stderr), for tests written against one."""
    code, out, err = atazan_here(*args, cwd=cwd, env=env)
    return subprocess.CompletedProcess(["atazan", *args], code, out, err)


def core_project(target: Path) -> Path:
    """copy_project(target) with data/ replaced by the small core dataset (tests/fixtures/core/data)."""
    project = copy_project(target)
    shutil.rmtree(project / "data")
    shutil.copytree(CORE_FIXTURE, project / "data")
    return project


# ---------------------------------------------------------------- the rehearsal: the site at full scale

REHEARSAL = ROOT / "tests" / "rehearsal"


def rehearsal_project(target: Path) -> Path:
    """copy_project(target), then what an operator and a curator do the day the official texts come
    (tests/rehearsal/README.md): `atazan import-text` for every rehearsal file today's importer
    reads right (make_rehearsal.WAITING_FOR_IMPORTER lists the others), `atazan match`, the
    curator's overlay (records pointed at the adopted articles, cells confirmed, `atazan stamp`),
    and `atazan validate`. Never done to the real data/."""
    from rehearsal import make_rehearsal as recipe

    project = copy_project(target)
    data = str(project / "data")
    for source in recipe.FILES:
        if source.name not in recipe.WAITING_FOR_IMPORTER:
            code, _, err = atazan_here(*source.args(str(REHEARSAL), data))
            assert code == 0, f"atazan import-text {source.name}: {err}"
    code, _, err = atazan_here("match", "--data", data)
    assert code == 0, err
    recipe.apply_overlay(data, atazan_here)
    code, _, err = atazan_here("validate", "--data", data)
    assert code == 0, err
    return project


def _costed(out: Path, build: Callable[[], object]) -> None:
    """Runs a build (a child process) and writes what it cost beside `out`: pages and CPU seconds."""
    import json
    import resource
    import time

    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    build()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cost = {"pages": sum(1 for _ in out.rglob("*.html")),
            "cpu_s": round(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 2),
            "wall_s": round(time.perf_counter() - start, 2)}
    (out.parent / f"{out.name}.cost.json").write_text(json.dumps(cost), encoding="utf-8")


@pytest.fixture(scope="session")
def rehearsal_dir(built_once) -> Path:
    """The rehearsal project (rehearsal_project), made once per run for every worker. Read it; the
    builds below work on copies, since a build writes its generated pages into docs/."""
    return built_once("rehearsal-project", lambda folder: rehearsal_project(folder / "project")) / "project"


@pytest.fixture(scope="session")
def rehearsal_site(built_once, rehearsal_dir) -> Path:
    """The rehearsal project built online (`mkdocs build --strict`); cost in rehearsal_cost."""
    def build(folder: Path) -> None:
        project = shutil.copytree(rehearsal_dir, folder / "project")
        _costed(folder / "out", lambda: build_site(project, folder / "out"))

    return built_once("rehearsal-site", build) / "out"


@pytest.fixture(scope="session")
def rehearsal_offline(built_once, rehearsal_dir) -> Path:
    """The rehearsal project built as the offline copy, as scripts/offline_build.py builds it (not zipped)."""
    def build(folder: Path) -> None:
        sys.path.insert(0, str(ROOT / "scripts"))
        import offline_build

        project = shutil.copytree(rehearsal_dir, folder / "project")
        shutil.copy2(ROOT / "mkdocs.offline.yml", project)  # copy_project leaves it out
        _costed(folder / "out", lambda: offline_build.build(folder / "out", root=project))
        assert not offline_build.network_references(folder / "out")

    return built_once("rehearsal-offline", build) / "out"


def build_cost(site: Path) -> dict:
    """{"pages", "cpu_s", "wall_s"} of a build made through _costed."""
    import json

    return json.loads((site.parent / f"{site.name}.cost.json").read_text(encoding="utf-8"))


def explain_adopted_article_94(data: Path) -> None:
    """Test setup for the text fixtures: entry-into-force.yml names Article 94 of the final draft
    (the sources give no adopted number); a copy points it at the adopted text instead, so that a
    fixture build has an explanation of an adopted article. Never done to the real data."""
    path = data / "provisions" / "entry-into-force.yml"
    text = path.read_text(encoding="utf-8")
    old = "  - version: final_draft\n    number: 94\n"
    assert text.count(old) == 1, "entry-into-force.yml no longer names final-draft Article 94"
    path.write_text(text.replace(old, "  - version: adopted\n    number: 94\n"), encoding="utf-8")
