"""Fixtures for the news pipeline tests: the real seed dumps and a scratch copy of data/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
SEEDS = sorted(SEEDS_DIR.glob("*.txt"))


@pytest.fixture
def seeds() -> list[Path]:
    if not SEEDS:
        pytest.skip(f"seed dumps not found in {SEEDS_DIR}")
    return SEEDS


@pytest.fixture
def scratch_data(tmp_path) -> Path:
    """data/ without news, so an import starts from nothing; the rest validates as in the repo."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("news", "factchecks"))
    return target
