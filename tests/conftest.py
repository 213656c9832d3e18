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
    from atazan.validate import load_dataset

    return load_dataset(str(ROOT / "data"), str(ROOT))
