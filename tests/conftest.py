"""Shared fixtures: the real site, built once per test session with --strict."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

LANGUAGES = ("kk", "ru", "en")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """Build the real site (kk, ru, en) exactly as a contributor would, into a temp folder."""
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return out


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
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return out


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    """The built site over HTTP on 127.0.0.1: under file:// a folder link opens a directory listing."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
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
