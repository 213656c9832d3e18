"""GitHub workflows, issue forms and the PR template: they parse, run the README's commands,
pin their actions and ask for no more permissions than they use."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, atazan_process

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s+v\d+(?:\.\d+){0,2}\s*$")


def _load(path):
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def _runs(workflow: dict) -> list[str]:
    return [step["run"].strip() for step in _steps(workflow) if "run" in step]


def _uses(workflow: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in _steps(workflow) if "uses" in step]


def _readme_commands() -> set[str]:
    """Every command in the README's sh blocks; `a && b` also counts as `a` and `b`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = set()
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line and not line.startswith("#"):
                commands.add(line)
                commands.update(part.strip() for part in line.split("&&"))
    return commands


def _workflow(name: str) -> dict:
    return _load(GITHUB / "workflows" / name)


def test_workflows_exist_and_parse():
    assert {p.name for p in WORKFLOWS} == {"checks.yml", "pages.yml"}
    for path in WORKFLOWS:
        workflow = _load(path)
        assert workflow["name"] and workflow["on"] and workflow["jobs"], path.name
        for job_id, job in workflow["jobs"].items():
            assert job["runs-on"] == "ubuntu-latest", job_id
            assert job.get("timeout-minutes", 360) <= 15, f"{path.name}:{job_id} may hang for hours"


def test_every_run_command_is_one_the_readme_documents():
    documented = _readme_commands()
    assert {"bash scripts/test", "atazan validate", "mkdocs build --strict", "pip install -r requirements.txt"} <= documented
    for path in WORKFLOWS:
        for command in _runs(_load(path)):
            assert command in documented, f"{path.name} runs `{command}`, which the README does not document"


def test_pull_request_checks_run_the_whole_chain_in_order():
    workflow = _workflow("checks.yml")
    assert "pull_request" in workflow["on"]
    assert _runs(workflow) == [
        "pip install -r requirements.txt",
        "atazan validate",
        "atazan schema --check",
        "mkdocs build --strict",
        "bash .ci/run",
    ]
    # The suite's link checker covers the built site in every language; the workflow relies on it.
    links = (ROOT / "tests" / "readers" / "test_links.py").read_text(encoding="utf-8")
    assert "def test_no_broken_links_or_anchors" in links and "(kk, ru, en)" in links
    steps = _steps(workflow)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    build = next(i for i, s in enumerate(steps) if s.get("run") == "mkdocs build --strict")
    assert steps.index(upload) > build
    # The test suite needs Debian's chromium, which scripts/test installs with apt.
    assert workflow["jobs"]["checks"]["container"]["image"].startswith("python:3.11-bookworm")
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "~/.cache/pip" and "requirements.txt" in cache["with"]["key"]
    # The banner is silenced once, by mkdocs.yml (tests/adapter/test_build.py builds without the variable).
    assert all("NO_MKDOCS_2_WARNING" not in path.read_text(encoding="utf-8") for path in WORKFLOWS)


def test_ci_entry_point_runs_the_readme_test_command():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^bash scripts/test\b", run, flags=re.M)


@pytest.mark.parametrize("seeds, github, code, required, said", [
    (True, False, 0, "1", ""),  # the team's CI: the real-dump tests must run
    (True, True, 0, "1", ""),
    (False, True, 0, "", "::warning title=Real-dump tests skipped::"),  # a pull request on GitHub
    (False, False, 1, None, ".ci/run: no news dumps in"),  # the team's CI without the dumps: refused
])
def test_ci_entry_point_requires_the_real_dumps_except_on_github_where_it_says_so(tmp_path, seeds, github, code, required, said):
    # .ci/run as it is, beside a stand-in scripts/test that reports how it was called.
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    (repo / "scripts").mkdir()
    shutil.copy(ROOT / ".ci" / "run", repo / ".ci" / "run")
    (repo / "scripts" / "test").write_text('echo "suite ran, ATAZAN_REQUIRE_SEEDS=${ATAZAN_REQUIRE_SEEDS:-}"\n', encoding="utf-8")
    if seeds:
        (tmp_path / "shared" / "seeds").mkdir(parents=True)
        (tmp_path / "shared" / "seeds" / "000_dump.txt").write_text("News\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("GITHUB_ACTIONS", "ATAZAN_REQUIRE_SEEDS")}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    result = subprocess.run(["bash", str(repo / ".ci" / "run")], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == code, result.stdout + result.stderr
    ran = [line for line in result.stdout.splitlines() if line.startswith("suite ran")]
    assert ran == ([] if required is None else [f"suite ran, ATAZAN_REQUIRE_SEEDS={required}"])
    assert said in result.stdout + result.stderr


def test_pages_deploy_uses_the_official_actions_and_the_pages_url():
    workflow = _workflow("pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "pull_request" not in workflow["on"]
    uses = _uses(workflow)
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    build = workflow["jobs"]["build"]
    setup = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip" and setup["with"]["python-version"] == "3.11"
    mkdocs = next(s for s in build["steps"] if s.get("run") == "mkdocs build --strict")
    pages_id = next(s["id"] for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    assert mkdocs["env"]["SITE_URL"] == f"${{{{ steps.{pages_id}.outputs.base_url }}}}/"
    artifact = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert artifact["with"]["path"] == "site"
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    assert workflow["concurrency"]["group"] and workflow["concurrency"]["cancel-in-progress"] is False
    # mkdocs.yml must read the variable the workflow sets.
    assert "!ENV [SITE_URL," in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_permissions_are_least_privilege():
    for path in WORKFLOWS:
        workflow = _load(path)
        assert workflow["permissions"] == {"contents": "read"}, path.name
    checks = _workflow("checks.yml")
    assert all("permissions" not in job for job in checks["jobs"].values())
    pages = _workflow("pages.yml")
    assert "permissions" not in pages["jobs"]["build"]
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines
    for line in lines:
        assert PINNED.match(line), f"{path.name}: not pinned to a full commit SHA with a # vX.Y.Z comment: {line.strip()}"
    checkout = [s for s in _steps(_load(path)) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout and all(s["with"]["persist-credentials"] is False for s in checkout)


@pytest.mark.parametrize("schema, paths", [
    ("vendor.github-workflows", WORKFLOWS),
    ("vendor.github-issue-forms", [p for p in sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml")) if p.name != "config.yml"]),
    ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_github_files_match_schemastores_schemas(schema, paths):
    # check-jsonschema ships SchemaStore's schemas for these files, so this runs offline.
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_nothing():
    # jactionlint (requirements-dev.txt): actionlint's checks, with shellcheck over every `run:`
    # script, plus its security rules. One finding is left on purpose: the job's container is
    # pinned by tag (python:3.11-bookworm), as its digest cannot be looked up from here.
    binary = shutil.which("jactionlint") or str(Path(sys.executable).parent / "jactionlint")
    assert shutil.which("shellcheck"), "shellcheck is not installed (scripts/test installs Debian's)"
    result = subprocess.run([binary, "--no-color", "--ignore", "unpinned-images", *map(str, WORKFLOWS)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "not found" not in result.stderr, result.stdout + result.stderr


ISSUE_FORMS = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))


def test_issue_forms_cover_facts_translations_and_news():
    names = {p.name for p in ISSUE_FORMS} - {"config.yml"}
    assert names == {"factual-error.yml", "translation-fix.yml", "news-item.yml"}


@pytest.mark.parametrize("path", [p for p in ISSUE_FORMS if p.name != "config.yml"], ids=lambda p: p.name)
def test_issue_forms_follow_githubs_form_syntax(path):
    form = _load(path)
    assert form["name"] and form["description"] and form["body"]
    ids = []
    for element in form["body"]:
        assert element["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if element["type"] == "markdown":
            assert element["attributes"]["value"].strip()
            continue
        ids.append(element["id"])
        assert re.fullmatch(r"[A-Za-z0-9_-]+", element["id"])
        assert element["attributes"]["label"].strip()
        if element["type"] in ("dropdown", "checkboxes"):
            assert element["attributes"]["options"]
    assert len(ids) == len(set(ids)), "ids must be unique"
    assert any(e.get("validations", {}).get("required") for e in form["body"]), "nothing is required"


def test_translation_form_has_the_fields_the_site_prefills():
    from atazan.website import editlinks

    form = _load(GITHUB / "ISSUE_TEMPLATE" / editlinks.TRANSLATION_TEMPLATE)
    ids = {e.get("id"): e["type"] for e in form["body"]}
    # The page footer's link fills these by query parameter; GitHub prefills inputs and textareas.
    for field in ("page", "language", "file"):
        assert ids.get(field) in ("input", "textarea"), field


def test_pull_request_template_has_the_checklist():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, flags=re.M)
    joined = " ".join(items)
    for needle in ("source", "status", "`atazan validate`", "previewed"):
        assert needle in joined, needle


# Friendly errors: the same problem as a GitHub annotation in Actions, as a plain line locally.

def _validate_broken(tmp_path, **env):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("_*"))
    theme = data / "themes" / "ownership.yml"
    lines = theme.read_text(encoding="utf-8").splitlines()
    order = next(i for i, line in enumerate(lines) if line.startswith("order:"))
    lines[order] = "order: soon"
    theme.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = atazan_process("validate", cwd=tmp_path, env={"GITHUB_ACTIONS": None, **env})
    return result, order + 1


def test_validate_in_actions_prints_annotations_on_the_line(tmp_path):
    result, line = _validate_broken(tmp_path, GITHUB_ACTIONS="true")
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert re.fullmatch(rf"::error file=data/themes/ownership\.yml,line={line}::order: .+", first), first
    assert "Traceback" not in result.stderr


def test_validate_locally_prints_plain_lines(tmp_path):
    result, line = _validate_broken(tmp_path)
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"data/themes/ownership.yml:{line}: order: ")
    assert "::error" not in result.stderr


# CONTRIBUTING: in three languages, on the site, covering what contributors need.

@pytest.mark.parametrize("lang", ("kk", "ru", "en"))
def test_contributing_is_published_in_every_language(site_dir, lang):
    page = site_dir / ("" if lang == "kk" else lang) / "contributing" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    source = (ROOT / "docs" / lang / "contributing.md").read_text(encoding="utf-8")
    # The README's commands, the three statuses, and the templates it links to, which must exist.
    for needle in ("pip install -r requirements.txt && mkdocs build --strict", "bash scripts/test",
                   "atazan validate", "`original`", "`translated`", "`reviewed`", "text_kind: paraphrase"):
        assert needle in source, needle
    templates = re.findall(r"https://github\.com/ata-zan/ata-zan/blob/main/(data/[\w/]+/_template\.yml)", source)
    assert len(templates) == 5
    assert all((ROOT / t).is_file() for t in templates)
    for form in re.findall(r"issues/new\?template=([\w.-]+)", source):
        assert (GITHUB / "ISSUE_TEMPLATE" / form).is_file(), form


def test_root_contributing_points_to_every_language():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for lang in ("kk", "ru", "en"):
        assert f"(docs/{lang}/contributing.md)" in text
    assert "[CONTRIBUTING.md](CONTRIBUTING.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_and_contributing_give_the_developer_loop():
    # A new contributor's path: a virtual environment, the fast tests, the live preview, the offline build.
    documented = _readme_commands()
    for command in ("python3 -m venv .venv && . .venv/bin/activate", 'bash scripts/test -m "not slow"',
                    "atazan serve --lang kk", "python3 scripts/offline_build.py"):
        assert command in documented, command
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for step in ("atazan validate", "atazan serve --lang", 'bash scripts/test -m "not slow"', "bash scripts/test  "):
        assert step in contributing, step
    assert "make " not in contributing  # no make: every step is one command
