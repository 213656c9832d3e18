"""`atazan validate` = `mkdocs build --strict`: every kind of problem that stops the strict build
makes validate fail too, and both name the same file and line (adapter/checks.py is the one code
path). Each case breaks one thing in a copy of the project with the core data, then runs both."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from conftest import ROOT, atazan_here, core_project, replace_first, replace_once


def _append(path: Path, text: str) -> int:
    """Append `text` (one line) to a file; returns its line number."""
    old = path.read_text(encoding="utf-8")
    old = old if old.endswith("\n") else old + "\n"
    path.write_text(old + text + "\n", encoding="utf-8")
    return old.count("\n") + 1


def _theme_from_template(project: Path) -> list[str]:
    # The newcomer's first step: copy the template, set the id, nothing else.
    target = project / "data" / "themes" / "elections.yml"
    shutil.copy(ROOT / "data" / "themes" / "_template.yml", target)
    ident = replace_once(target, "id: replace-me", "id: elections")
    lines = target.read_text(encoding="utf-8").splitlines()
    title = next(n for n, line in enumerate(lines, 1) if '"REPLACE: title"' in line)
    return [f"data/themes/elections.yml:{title}: title.en.text: placeholder",
            f"data/themes/elections.yml:{ident}: id: no provision lists this theme yet"]


def _placeholder_left_in_a_provision(project: Path) -> list[str]:
    line = replace_once(project / "data/provisions/ownership.yml", 'en: {text: "Forms of ownership (Article 8 of the first draft)"',
                        'en: {text: "REPLACE: short title"')
    return [f"data/provisions/ownership.yml:{line}: title.en.text: placeholder from the template"]


def _replace_note_left_on_a_date(project: Path) -> list[str]:
    path = project / "data/provisions/ownership.yml"
    line = replace_first(path, "date: 2026-02-11", "date: 2026-02-11              # REPLACE: the date of the source")
    return [f"data/provisions/ownership.yml:{line}: versions[0].source.date: still marked `# REPLACE`"]


def _theme_no_provision_lists(project: Path) -> list[str]:
    text = (project / "data/themes/ownership.yml").read_text(encoding="utf-8").replace("id: ownership", "id: land")
    (project / "data/themes/land.yml").write_text(text, encoding="utf-8")
    return ["data/themes/land.yml:2: id: no provision lists this theme yet"]


def _per_file_and_cross_file_problems(project: Path) -> list[str]:
    # A per-file problem no longer hides a problem between records (the newcomer's set A).
    order = replace_once(project / "data/themes/ownership.yml", "order: 30", "order: soon")
    related = replace_once(project / "data/provisions/ownership.yml", "themes: [ownership]\n",
                           "themes: [ownership]\nrelated: [peoples-concil]\n") + 1
    return [f"data/themes/ownership.yml:{order}: order: expected a whole number",
            f"data/provisions/ownership.yml:{related}: related[0]: unknown provision 'peoples-concil'"]


def _yaml_syntax_error(project: Path) -> list[str]:
    line = replace_once(project / "data/provisions/ownership.yml", "section: foundations", "section: foundations: one")
    return [f"data/provisions/ownership.yml:{line}: YAML syntax error"]


def _string_missing_a_language(project: Path) -> list[str]:
    line = replace_once(project / "overrides/atazan/strings.yml",
                        "provision.says: {kk: Не дейді, ru: Что говорится, en: What it says}",
                        "provision.says: {kk: Не дейді, ru: Что говорится}")
    return [f"overrides/atazan/strings.yml:{line}: provision.says.en: missing interface string"]


def _text_strings_yaml_error(project: Path) -> list[str]:
    line = _append(project / "overrides/atazan/strings-text.yml", "broken: {kk: x, ru: y, en: [z}")
    return [f"overrides/atazan/strings-text.yml:{line}: YAML syntax error"]


def _theme_template_syntax_error(project: Path) -> list[str]:
    line = replace_once(project / "overrides/main.html", "{% block content %}", "{% block content %}{% if %}")
    return [f"overrides/main.html:{line}: template error"]


def _partial_names_a_missing_string(project: Path) -> list[str]:
    line = replace_once(project / "overrides/partials/atazan/not-found.html", 'atazan_say("notfound.title")',
                        'atazan_say("notfound.titel")')
    return [f"overrides/partials/atazan/not-found.html:{line}: atazan_say(\"notfound.titel\"): no such key"]


def _theme_includes_a_missing_partial(project: Path) -> list[str]:
    line = replace_once(project / "overrides/main.html", '{% include "partials/atazan/page-footer.html" %}',
                        '{% include "partials/atazan/page-foot.html" %}')
    return [f"overrides/main.html:{line}: template error: 'partials/atazan/page-foot.html' not found"]


def _generator_template_syntax_error(project: Path) -> list[str]:
    path = project / "overrides/atazan/pages/theme.md.j2"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "{{" in text)
    lines[line - 1] = lines[line - 1].replace("{{", "{{ (", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [f"overrides/atazan/pages/theme.md.j2:{line}: template error"]


def _generator_template_fails_on_the_data(project: Path) -> list[str]:
    path = project / "overrides/atazan/pages/theme.md.j2"
    line = _append(path, "{{ page.no_such_field }}")
    return [f"overrides/atazan/pages/theme.md.j2:{line}: template error: UndefinedError"]


def _nav_names_a_missing_page(project: Path) -> list[str]:
    line = replace_once(project / "mkdocs.yml", "  - contributing.md\n", "  - contributing.md\n  - missing-page.md\n") + 1
    return [f"mkdocs.yml:{line}: nav: 'missing-page.md' is no page in kk/ru/en"]


def _nav_page_in_one_language_only(project: Path) -> list[str]:
    (project / "docs/en/extra.md").write_text("# Extra\n\nTest page.\n", encoding="utf-8")
    line = replace_once(project / "mkdocs.yml", "  - contributing.md\n", "  - contributing.md\n  - extra.md\n") + 1
    return [f"mkdocs.yml:{line}: nav: 'extra.md' is no page in kk/ru"]


def _link_to_a_missing_page(project: Path) -> list[str]:
    line = _append(project / "docs/en/about.md", "See [the missing page](missing-page.md).")
    return [f"docs/en/about.md:{line}: link 'missing-page.md'"]


def _link_to_a_missing_generated_page(project: Path) -> list[str]:
    # The data generates provisions/ownership.md, not provisions/owner.md.
    line = _append(project / "docs/ru/about.md", "См. [собственность](provisions/owner.md).")
    return [f"docs/ru/about.md:{line}: link 'provisions/owner.md'"]


def _link_to_a_missing_anchor(project: Path) -> list[str]:
    line = _append(project / "docs/en/about.md", "See [that part](index.md#no-such-anchor).")
    return [f"docs/en/about.md:{line}: link 'index.md#no-such-anchor'"]


def _link_to_a_missing_anchor_of_a_generated_page(project: Path) -> list[str]:
    line = _append(project / "docs/kk/about.md", "[Меншік](provisions/ownership.md#no-such-anchor)")
    return [f"docs/kk/about.md:{line}: link 'provisions/ownership.md#no-such-anchor'"]


def _hand_written_page_where_a_generated_one_goes(project: Path) -> list[str]:
    (project / "docs/en/themes").mkdir(exist_ok=True)
    (project / "docs/en/themes/ownership.md").write_text("# Ownership\n\nWritten by hand.\n", encoding="utf-8")
    return ["docs/en/themes/ownership.md: a hand-written page is in the way of a generated one"]


def _unknown_language_in_mkdocs_yml(project: Path) -> list[str]:
    line = replace_once(project / "mkdocs.yml", "        - locale: en\n", "        - locale: de\n")
    return [f"mkdocs.yml:{line}: plugins.i18n.languages: unknown language 'de'"]


CASES: dict[str, Callable[[Path], list[str]]] = {function.__name__.strip("_").replace("_", "-"): function for function in (
    _theme_from_template, _placeholder_left_in_a_provision, _replace_note_left_on_a_date, _theme_no_provision_lists,
    _per_file_and_cross_file_problems, _yaml_syntax_error, _string_missing_a_language, _text_strings_yaml_error,
    _theme_template_syntax_error, _partial_names_a_missing_string, _theme_includes_a_missing_partial,
    _generator_template_syntax_error, _generator_template_fails_on_the_data, _nav_names_a_missing_page,
    _nav_page_in_one_language_only, _link_to_a_missing_page, _link_to_a_missing_generated_page, _link_to_a_missing_anchor,
    _link_to_a_missing_anchor_of_a_generated_page, _hand_written_page_where_a_generated_one_goes,
    _unknown_language_in_mkdocs_yml,
)}


def _build(project: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("NO_MKDOCS_2_WARNING", "ATAZAN_LANGUAGES")}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "out")],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow  # one (short) build per case
@pytest.mark.parametrize("case", sorted(CASES))
def test_validate_and_the_strict_build_both_stop_naming_the_same_place(case, tmp_path):
    project = core_project(tmp_path / "project")
    expected = CASES[case](project)
    code, out, err = atazan_here("validate", "--data", str(project / "data"))
    build = _build(project)
    assert code == 1, out + err
    assert build.returncode != 0, build.stderr[-3000:]
    assert "Traceback" not in build.stderr, build.stderr[-3000:]
    for place in expected:
        assert place in err, f"validate does not say {place!r}:\n{err}"
        assert place in build.stderr, f"the build does not say {place!r}:\n{build.stderr[-3000:]}"
    # The build says no more than validate: every problem line it prints, validate prints too.
    problem = re.compile(r"^(?:data|docs|overrides|mkdocs\.yml)\S*:\d* ?\S")
    built = {line for line in build.stderr.splitlines() if problem.match(line)}
    assert built <= set(err.splitlines()), built - set(err.splitlines())


def test_the_unbroken_core_project_passes(tmp_path):
    project = core_project(tmp_path / "project")
    code, out, err = atazan_here("validate", "--data", str(project / "data"))
    assert code == 0, err
    assert out.strip().endswith("its strings, templates, nav and links too")
