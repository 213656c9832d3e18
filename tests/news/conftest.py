"""Fixtures for the news pipeline tests: the real seed dumps and a scratch copy of data/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
SEEDS = sorted(SEEDS_DIR.glob("*.txt"))


def seed(prefix: str) -> Path:
    """One seed dump by its number, e.g. "003"; a missing dump fails the test, naming the folder."""
    found = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.fail(f"seed dump {prefix}_*.txt not found in {SEEDS_DIR} (the project expects ../shared/seeds)")
    return found[0]


@pytest.fixture
def seeds() -> list[Path]:
    # The seeds are the importer's real input and CI has them: missing seeds are a failure, not a skip.
    if not SEEDS:
        pytest.fail(f"seed dumps not found in {SEEDS_DIR} (the project expects ../shared/seeds)")
    return SEEDS


@pytest.fixture
def scratch_data(tmp_path) -> Path:
    """data/ without news, so an import starts from nothing; the rest validates as in the repo."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("news", "factchecks"))
    return target
