"""Shared helpers of the text tests: the fixture constitution (TEST DATA, invented wording)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = 96

# The provenance an operator gives for the plain-text English translation of the fixture.
EN_FLAGS = ["--publisher", "Test publisher (test data)", "--title", "Test constitution, English",
            "--date", "2026-03-20", "--url", "https://example.org/test-constitution-en",
            "--unofficial", "--translator", "Test translator (test data)"]
DRAFT_FLAGS = ["--publisher", "Test newspaper (test data)", "--title", "Тестовый первый проект", "--date", "2026-01-31",
               "--url", "https://example.org/test-first-draft-ru", "--official"]

# Every shape of the official text (fixtures/shapes/make_shapes.py), and the provenance an operator
# gives for a shape that carries none of its own (copied text, DOCX, a newspaper).
SHAPES = FIXTURES / "shapes"
SHAPE_FLAGS = ["--publisher", "Test publisher (test data)", "--title", "Test title", "--date", "2026-03-20",
               "--url", "https://example.org/test-constitution", "--official"]


def _load_shapes():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_shapes", SHAPES / "make_shapes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


shapes = _load_shapes()


# One word per article and language in the fixture (make_fixtures.word): finds the article's own text.
def article_word(lang: str, n: int) -> str:
    return {"kk": "сөзтізбек", "ru": "словоряд", "en": "wordrow"}[lang] + f"{n}x"


def import_text(data: Path, source: Path, version: str, lang: str, *flags: str) -> tuple[int, str, str]:
    """Runs `atazan import-text` in-process; (exit code, stdout, stderr)."""
    from conftest import atazan_here

    return atazan_here("import-text", str(source), "--version", version, "--lang", lang, "--data", str(data), *flags)


def import_all(data: Path) -> None:
    for source, lang, flags in ((FIXTURES / "adopted.kk.json", "kk", ()), (FIXTURES / "adopted.ru.json", "ru", ()),
                                (FIXTURES / "adopted.en.txt", "en", EN_FLAGS)):
        code, _, err = import_text(data, source, "adopted", lang, *flags)
        assert code == 0, err
    code, _, err = import_text(data, FIXTURES / "first_draft.ru.txt", "first_draft", "ru", *DRAFT_FLAGS)
    assert code == 0, err


def tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def real_data(tmp_path) -> Path:
    """A copy of the project's data/ (versions, provisions) without any text, and the templates."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("texts"))
    shutil.copytree(ROOT / "overrides" / "atazan", tmp_path / "overrides" / "atazan")
    return data
