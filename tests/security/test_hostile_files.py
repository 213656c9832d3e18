"""Hostile files in data/ and a hostile build setup: each gives one line naming the file (and
line), a non-zero exit, no traceback, within seconds; never a hang or a silently read file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

BASE = ROOT / "tests" / "fixtures" / "bad" / "_base"
P = "data/provisions/alpha.yml"


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(BASE, target)
    return target


def validate(data: Path) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "atazan", "validate", "--data", str(data)], capture_output=True,
                            text=True, timeout=30, env=dict(os.environ, PYTHONPATH=str(ROOT / "hooks")))
    return result, time.monotonic() - started


def assert_one_line(data: Path, expected: str) -> None:
    result, seconds = validate(data)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert result.stderr.splitlines() == [expected, f"atazan: 1 error(s) in {data}"]
    assert seconds < 10


def _alias_bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_yaml_alias_bomb_is_refused_at_its_first_alias(data):
    (data / "provisions" / "alpha.yml").write_text(_alias_bomb(), encoding="utf-8")
    assert_one_line(data, f"{P}:2: YAML aliases (*name) are not allowed in data files; write the value out")


def test_a_single_alias_is_refused_too(data):
    path = data / "provisions" / "alpha.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: alpha", "id: &name alpha", 1) + "extra: *name\n", encoding="utf-8")
    line = len(text.splitlines()) + 1
    assert_one_line(data, f"{P}:{line}: YAML aliases (*name) are not allowed in data files; write the value out")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_named_yml_does_not_hang(data):
    (data / "provisions" / "alpha.yml").unlink()
    os.mkfifo(data / "provisions" / "alpha.yml")
    assert_one_line(data, f"{P}: a named pipe, not a regular file; records are plain .yml files")


def test_a_folder_named_yml_is_refused(data):
    (data / "provisions" / "alpha.yml").unlink()
    (data / "provisions" / "alpha.yml").mkdir()
    assert_one_line(data, f"{P}: a folder, not a regular file; records are plain .yml files")


def test_a_symlink_out_of_the_repository_is_refused(data, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yml"
    shutil.copy(data / "provisions" / "alpha.yml", outside)
    (data / "provisions" / "alpha.yml").unlink()
    (data / "provisions" / "alpha.yml").symlink_to(outside)
    try:
        assert_one_line(data, f"{P}: symbolic link to {outside.resolve()}, outside the repository; copy the file in instead")
    finally:
        outside.unlink()


def test_a_symlink_inside_the_repository_is_read(data, tmp_path):
    kept = tmp_path / "kept.yml"  # tmp_path is the repository here: data/'s parent
    shutil.move(data / "provisions" / "alpha.yml", kept)
    (data / "provisions" / "alpha.yml").symlink_to(kept)
    result, _ = validate(data)
    assert result.returncode == 0, result.stderr


def test_a_dangling_symlink_is_named(data):
    (data / "provisions" / "alpha.yml").unlink()
    (data / "provisions" / "alpha.yml").symlink_to("/nonexistent/alpha.yml")
    assert_one_line(data, f"{P}: broken symbolic link (to /nonexistent/alpha.yml); remove it or fix its target")


@pytest.mark.parametrize("char, kind", [("\x00", "a control character U+0000"), ("\x1b", "a control character U+001B"),
                                        ("\u202e", "a bidirectional control character U+202E"),
                                        ("\u2066", "a bidirectional control character U+2066")])
def test_control_and_bidi_characters_are_named_with_line_and_column(data, char, kind):
    path = data / "provisions" / "alpha.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    # the first line holding a text value: the character sits inside the text
    number = next(n for n, line in enumerate(lines) if "text:" in line)
    column = len(lines[number]) + 1
    lines[number] += char
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_one_line(data, f"{P}:{number + 1}: {kind} at column {column}; remove it")


# ---------------------------------------------------------------- the build: mkdocs.yml, output

@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project with the small valid dataset, for builds that must fail."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from atazan.tools import bench

    for part in bench.PROJECT_PARTS:
        src, dst = ROOT / part, tmp_path / part
        shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__")) if src.is_dir() else shutil.copy2(src, dst)
    bench.remove_generated(str(tmp_path / "docs"))
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "out")],
                          cwd=project, capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project / "hooks")))


def _errors(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("ERROR")]


def test_unknown_locale_in_mkdocs_yml_is_one_line(project):
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if line.strip() == "- locale: en")
    lines[number] = lines[number].replace("en", "xx")
    config.write_text("\n".join(lines), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert _errors(result) == [f"ERROR   -  mkdocs.yml:{number + 1}: plugins.i18n.languages: unknown language 'xx'; "
                               "Ata Zan builds kk, ru, en"]


def test_an_output_folder_that_cannot_be_written_is_one_line(project):
    # A file where the generator writes a folder of pages: refused by any user, root included
    # (a chmod'ed read-only folder is no obstacle to root, who runs CI containers).
    shutil.rmtree(project / "docs" / "en" / "provisions", ignore_errors=True)
    (project / "docs" / "en" / "provisions").write_text("in the way\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert _errors(result) == ["ERROR   -  docs/en/provisions: cannot write: File exists"]
