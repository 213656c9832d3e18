"""`atazan validate` as contributors and CI run it: exit codes, stderr lines. The first test runs the
real entry point (`python -m atazan`, a new process); the others call the same main() in this
process (conftest.atazan_here), about three times faster."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import OWNERSHIP, ROOT, atazan_process, replace_first, replace_once


def run(*args: str, cwd) -> subprocess.CompletedProcess:
    return atazan_process(*args, cwd=cwd, env={"GITHUB_ACTIONS": None})  # plain lines, not annotations


def test_real_data_is_valid_through_the_real_entry_point():
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"))
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run([sys.executable, "-m", "atazan", "validate"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("atazan: data is valid: ")
    assert "Traceback" not in result.stderr


def test_defaults_to_data_in_the_current_folder(core_data):
    # The fixture has 1 provision and 1 theme; the real data/ has more records than that.
    result = run("validate", cwd=core_data.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("atazan: data is valid: 1 provisions, 1 themes, 0 glossary terms, ")
    replace_once(core_data / "themes/ownership.yml", "order: 30", "order: thirty")
    result = run("validate", cwd=core_data.parent)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "data/themes/ownership.yml:3: order: expected a whole number, got 'thirty'"


def test_missing_data_folder(tmp_path):
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data: data folder not found; run atazan in the repository's root folder, or pass --data DIR",
        "atazan: 1 error(s) in data"]


@pytest.mark.parametrize("case", ["unknown-theme", "yaml-syntax", "impossible-date"])
def test_bad_data_gives_lines_and_exit_1_never_a_traceback(core_data, case):
    path = core_data / "provisions/ownership.yml"
    if case == "unknown-theme":
        line = replace_once(path, "themes: [ownership]", "themes: [housing]")
        expected = [f"{OWNERSHIP}:{line}: themes[0]: unknown theme 'housing' (no data/themes/housing.yml)",
                    # and so no provision lists the theme any more, which stops the build too
                    "data/themes/ownership.yml:2: id: no provision lists this theme yet: add `ownership` to the "
                    "`themes:` of a provision in data/provisions/"]
    elif case == "yaml-syntax":
        line = replace_once(path, "section: foundations", "section: foundations: one")
        expected = [f"{OWNERSHIP}:{line}: YAML syntax error: mapping values are not allowed here"]
    else:
        line = replace_first(path, "date: 2026-02-11", "date: 2026-02-30")  # versions[0]
        expected = [f"{OWNERSHIP}:{line}: versions[0].source.date: expected YYYY-MM-DD, got '2026-02-30'"]
    result = run("validate", "--data", "data", cwd=core_data.parent)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == expected + [f"atazan: {len(expected)} error(s) in data"]


def test_data_dir_elsewhere_names_files_relative_to_its_project(core_data, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("other")
    replace_once(core_data / "themes/ownership.yml", "order: 30", "order: thirty")
    result = run("validate", "--data", str(core_data), cwd=elsewhere)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("data/themes/ownership.yml:3: order: ")


def test_github_actions_gets_annotations(core_data):
    replace_once(core_data / "themes/ownership.yml", "order: 30", "order: thirty")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), GITHUB_ACTIONS="true")
    result = subprocess.run([sys.executable, "-m", "atazan", "validate"], cwd=core_data.parent, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "::error file=data/themes/ownership.yml,line=3::order: expected a whole number, got 'thirty'")


def test_installed_command_exists():
    exe = shutil.which("atazan")
    if exe is None:
        pytest.skip("the atazan console script is not installed (pip install -r requirements.txt)")
    result = subprocess.run([exe, "validate"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
