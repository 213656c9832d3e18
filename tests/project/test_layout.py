"""The tests are grouped as the code is (issue 24): a reader looking for the tests of
hooks/atazan/website/ finds them in tests/website/, and a new test file lands in a folder that
says what it tests."""

from __future__ import annotations

import ast

from conftest import ROOT, nonempty

TESTS = ROOT / "tests"
# Folders that mirror the package, and the folders that test the site across it.
MIRRORS = {"dataset", "website", "adapter", "tools", "news", "text"}
ACROSS = {"changes", "readers", "language", "security", "rehearsal", "project"}


def test_no_test_file_stands_outside_a_folder():
    assert sorted(p.name for p in TESTS.glob("test_*.py")) == []


def test_every_test_folder_is_known_and_says_what_it_tests():
    folders = {p.parent for p in TESTS.rglob("test_*.py") if "fixtures" not in p.parts}
    for folder in nonempty(sorted(folders), "test folders"):
        name = folder.relative_to(TESTS).parts[0]
        assert name in MIRRORS | ACROSS, folder
        init = TESTS / name / "__init__.py"
        assert init.exists(), init
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"{init}: no docstring"


def test_the_mirroring_folders_name_parts_of_the_package():
    package = ROOT / "hooks" / "atazan"
    for name in nonempty(sorted(MIRRORS), "mirrors"):
        assert (package / name).is_dir() or (package / "importers" / name).is_dir(), name
