"""The exported JSON Schema (schema/*.schema.json): in step with the models, and it really checks data."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT, atazan_process, nonempty

from atazan.tools import schema_export

DATA = ROOT / "data"
SCHEMA = ROOT / "schema"


def _atazan(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    return atazan_process(*args, cwd=cwd, env={"GITHUB_ACTIONS": None, **env})


def _as_editor_sees_it(value):
    # The YAML language server reads 2026-01-30 as a string (YAML 1.2); PyYAML makes it a date.
    if isinstance(value, dict):
        return {k: _as_editor_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees_it(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _data_files() -> list[Path]:
    return sorted(p for p in DATA.rglob("*.yml") if not p.name.startswith("_"))


def _validator(name: str) -> jsonschema.Draft202012Validator:
    body = json.loads((SCHEMA / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(body)
    return jsonschema.Draft202012Validator(body, format_checker=jsonschema.FormatChecker())


def _load(path: Path):
    return _as_editor_sees_it(yaml.safe_load(path.read_text(encoding="utf-8-sig")))


def test_committed_schema_matches_the_models():
    result = _atazan("schema", "--check")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in SCHEMA.glob("*.schema.json")) == sorted(schema_export.build_schemas())


def test_check_names_the_stale_file_in_one_line(tmp_path):
    out = tmp_path / "schema"
    shutil.copytree(SCHEMA, out)
    theme = out / "theme.schema.json"
    body = json.loads(theme.read_text(encoding="utf-8"))
    del body["properties"]["summary"]
    theme.write_text(json.dumps(body), encoding="utf-8")
    (out / "versions.schema.json").unlink()

    result = _atazan("schema", "--check", "--out", str(out))

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"{out}/theme.schema.json: differs from hooks/atazan/dataset/schema.py; run `atazan schema` and commit the result",
        f"{out}/versions.schema.json: missing; run `atazan schema` and commit the result",
    ]
    assert "Traceback" not in result.stderr


def test_check_in_github_actions_prints_an_annotation(tmp_path):
    out = tmp_path / "schema"
    shutil.copytree(SCHEMA, out)
    (out / "old.schema.json").write_text("{}", encoding="utf-8")
    result = _atazan("schema", "--check", "--out", str(out), GITHUB_ACTIONS="true")
    assert result.returncode == 1
    assert result.stderr.strip() == f"::error file={out}/old.schema.json::no model exports it any more; run `atazan schema` and commit the result"


def test_export_writes_what_check_accepts(tmp_path):
    out = tmp_path / "fresh"
    assert _atazan("schema", "--out", str(out)).returncode == 0
    assert _atazan("schema", "--check", "--out", str(out)).returncode == 0
    for name in schema_export.build_schemas():
        assert (out / name).read_bytes() == (SCHEMA / name).read_bytes()


@pytest.mark.parametrize("path", _data_files(), ids=lambda p: str(p.relative_to(DATA)))
def test_every_data_file_is_valid_against_its_schema(path):
    rel = str(path.relative_to(DATA))
    name = schema_export.expected_file(rel)
    assert name, f"data/{rel}: no schema covers this file"
    errors = [e.message for e in _validator(name).iter_errors(_load(path))]
    assert errors == []


def test_every_data_file_names_its_schema():
    # Templates too: a record copied from one keeps the line. (The news importer writes it.)
    files = sorted(DATA.rglob("*.yml"))
    pointing = [p for p in files if schema_export.declared_schema(p.read_text(encoding="utf-8-sig")) is not None]
    assert len(files) >= 70 and [str(p.relative_to(DATA)) for p in files if p not in pointing] == []


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yml")), ids=lambda p: str(p.relative_to(DATA)))
def test_schema_comment_names_an_existing_file(path):
    declared = schema_export.declared_schema(path.read_text(encoding="utf-8-sig"))
    assert declared is not None, f"{path}: missing `# yaml-language-server: $schema=` line"
    target = (path.parent / declared).resolve()
    assert target == SCHEMA / schema_export.expected_file(str(path.relative_to(DATA)))
    assert target.is_file()


def test_vscode_maps_every_data_folder_to_its_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for path in nonempty(_data_files()):
        rel = str(path.relative_to(DATA))
        name = f"schema/{schema_export.expected_file(rel)}"
        globs = mapping[name] if isinstance(mapping[name], list) else [mapping[name]]
        assert any(Path(rel).match(g.removeprefix("data/")) for g in globs), f"{rel} not mapped to {name}"


def _one_provision() -> dict:
    return _load(DATA / "provisions" / "ownership.yml")


def _breakages():
    # Each is a mistake a contributor could make, with the validator's own verdict to agree with.
    def unknown_key(d):
        d["titel"] = d.pop("title")

    def missing_language(d):
        del d["summary"]["ru"]

    def bad_status(d):
        d["title"]["en"]["status"] = "draft"

    def bad_date(d):
        d["versions"][0]["source"]["date"] = "30.01.2026"

    def empty_themes(d):
        d["themes"] = []

    return [unknown_key, missing_language, bad_status, bad_date, empty_themes]


@pytest.mark.parametrize("breakage", _breakages(), ids=lambda f: f.__name__)
def test_schema_rejects_a_broken_provision_like_the_validator(breakage, tmp_path):
    broken = copy.deepcopy(_one_provision())
    breakage(broken)
    assert list(_validator("provision.schema.json").iter_errors(broken)), "schema accepted a broken file"

    # The validator (the source of truth) rejects the same file.
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("_*"))
    (data / "provisions" / "ownership.yml").write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    result = _atazan("validate", "--data", str(data), cwd=tmp_path)
    assert result.returncode == 1
    assert "data/provisions/ownership.yml" in result.stderr


def test_list_files_must_be_lists():
    timeline = _load(DATA / "timeline.yml")
    validator = _validator("timeline.schema.json")
    assert list(validator.iter_errors(timeline[0]))  # one event, not wrapped in a list
    del timeline[0]["sources"]
    assert list(validator.iter_errors(timeline))


TEMPLATES = sorted(DATA.glob("*/_template.yml"))


def test_every_collection_has_a_template():
    assert sorted(p.parent.name for p in TEMPLATES) == sorted(schema_export.COLLECTION_NAMES)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.parent.name)
def test_templates_are_valid_records_and_say_how_to_use_them(path):
    from atazan.dataset import schema

    text = path.read_text(encoding="utf-8")
    assert "How to use" in text and "REPLACE" in text
    rel = str(path.relative_to(DATA))
    assert schema_export.declared_schema(text) == f"../../schema/{schema_export.expected_file(rel)}"
    assert [e.message for e in _validator(schema_export.expected_file(rel)).iter_errors(_load(path))] == []
    schema.COLLECTIONS[path.parent.name].model_validate(yaml.safe_load(text))
