"""Fixtures for the news pipeline tests: the invented fixture dumps, the real seed dumps, scratch data.

Two kinds of input:
- tests/news/fixtures/*.txt: small dumps in the real dumps' layouts with invented stories (test
  data, not news). Every clone has them; most tests use them.
- ../shared/seeds/*.txt: the real dumps. Tests over them carry `@pytest.mark.seeds` (tests/conftest.py):
  skipped with the reason in a lone clone, required in CI.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CORE_FIXTURE, SEEDS_DIR

ROOT = Path(__file__).resolve().parents[2]
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
FIXTURE_DUMPS = sorted(FIXTURES_DIR.glob("*.txt"))


def seed(prefix: str) -> Path:
    """One real seed dump by its number, e.g. "003" (tests using it are marked `seeds`)."""
    found = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.fail(f"seed dump {prefix}_*.txt not found in {SEEDS_DIR} (the project expects ../shared/seeds)")
    return found[0]


def fixture_dump(prefix: str) -> Path:
    """One invented fixture dump by its number, e.g. "002"."""
    [found] = sorted(FIXTURES_DIR.glob(f"{prefix}_*.txt"))
    return found


@pytest.fixture
def seeds() -> list[Path]:
    # Only reached by tests marked `seeds`, which tests/conftest.py skips (or fails, in CI) without them.
    found = sorted(SEEDS_DIR.glob("*.txt"))
    if not found:
        pytest.fail(f"seed dumps not found in {SEEDS_DIR} (the project expects ../shared/seeds)")
    return found


@pytest.fixture
def dumps() -> list[Path]:
    """The invented fixture dumps, in file-name order."""
    assert len(FIXTURE_DUMPS) == 4, FIXTURE_DUMPS
    return FIXTURE_DUMPS


@pytest.fixture
def scratch_data(tmp_path) -> Path:
    """data/ without news, so an import starts from nothing; the rest validates as in the repo."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("news", "factchecks"))
    return target


@pytest.fixture
def core_scratch(tmp_path) -> Path:
    """The small core dataset (tests/fixtures/core/data: one provision, Article 8 of the first draft)."""
    target = tmp_path / "data"
    shutil.copytree(CORE_FIXTURE, target)
    return target
