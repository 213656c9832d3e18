"""load.py: safe YAML with utf-8-sig, line numbers for messages, and no silent surprises."""

from __future__ import annotations

import pytest

from atazan.dataset.load import data_files, read_yaml
from atazan.dataset.validate import load_dataset
from conftest import OWNERSHIP, replace_once

SHOWN = "data/x.yml"


def read(tmp_path, raw: bytes):
    path = tmp_path / "x.yml"
    path.write_bytes(raw)
    return read_yaml(str(path), SHOWN)


def test_line_of_follows_the_error_location(tmp_path):
    loaded, problems = read(tmp_path, b"# comment\nid: a\nversions:\n  - version: v\n    source:\n      date: 2026-01-30\n")
    assert problems == []
    assert loaded.line_of(("versions", 0, "source", "date")) == 6
    # A key that is not there points at its nearest parent's value: the block under `source:`.
    assert loaded.line_of(("versions", 0, "source", "url")) == 6
    assert loaded.line_of(("missing",)) == 2


def test_tab_indentation(tmp_path):
    loaded, problems = read(tmp_path, b"id: a\ntitle:\n\ten: x\n")
    assert loaded is None
    assert [str(p) for p in problems] == [f"{SHOWN}:3: YAML syntax error: a tab character; indent with spaces"]


def test_yaml_syntax_error_names_the_line(tmp_path):
    loaded, problems = read(tmp_path, b"id: a\nsection: b\ntitle: x: y\n")
    assert loaded is None
    assert [str(p) for p in problems] == [f"{SHOWN}:3: YAML syntax error: mapping values are not allowed here"]


def test_duplicate_key_is_reported_at_the_second_occurrence(tmp_path):
    # PyYAML alone would keep the second value and drop the first without a word.
    _, problems = read(tmp_path, b"id: a\ntitle:\n  en: x\n  en: y\n")
    assert [str(p) for p in problems] == [f"{SHOWN}:4: en: duplicate key"]


def test_safe_loader_refuses_python_objects(tmp_path):
    loaded, problems = read(tmp_path, b"id: !!python/object/apply:os.system ['true']\n")
    assert loaded is None
    assert len(problems) == 1 and str(problems[0]).startswith(f"{SHOWN}:1: YAML syntax error: ")


def test_non_utf8_is_rejected_with_byte_and_line(tmp_path):
    # 'Ф' in Windows-1251, the encoding a Russian Windows editor may save in.
    _, problems = read(tmp_path, "id: a\ntitle: Ф\n".encode("cp1251"))
    assert [str(p) for p in problems] == [f"{SHOWN}:2: not valid UTF-8 (byte 0xd4); save the file as UTF-8"]


def test_bom_and_crlf_are_accepted(core_data):
    path = core_data / "provisions/ownership.yml"
    original = load_dataset(str(core_data), str(core_data.parent)).provisions["ownership"]
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    reloaded = load_dataset(str(core_data), str(core_data.parent)).provisions["ownership"]
    assert reloaded == original  # the same record, down to paragraph breaks in block texts
    assert "\r" not in reloaded.explanation.says["en"].text


def test_bom_does_not_shift_line_numbers(core_data):
    path = core_data / "provisions/ownership.yml"
    line = replace_once(path, "section: foundations", "sektion: foundations")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    from atazan.errors import DataError

    with pytest.raises(DataError) as error:
        load_dataset(str(core_data), str(core_data.parent))
    assert str(error.value).startswith(f"{OWNERSHIP}:{line}: sektion: unknown key")


def test_data_files_are_sorted_and_skip_hidden_and_underscore(tmp_path):
    for name in ("b.yml", "a.yml", ".a.yml.swp", "_draft.yml"):
        (tmp_path / name).write_text("id: x\n", encoding="utf-8")
    assert [p.rsplit("/", 1)[-1] for p in data_files(str(tmp_path))] == ["a.yml", "b.yml"]
    assert data_files(str(tmp_path / "absent")) == []
