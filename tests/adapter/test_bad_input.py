"""Broken datasets: each one gives exactly the expected one-line problem and exit code.

Every case is a valid base dataset (tests/fixtures/bad/_base) with the files of one case folder
laid over it. The expected lines are written from the validation rules (schema.py, validate.py,
load.py), with line numbers counted in the fixture files, not copied from a run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, atazan_here, build_site

FIXTURES = ROOT / "tests" / "fixtures" / "bad"
P = "data/provisions/alpha.yml"
VALID = "is valid: 2 provisions, 1 themes, 0 glossary terms, 1 timeline events, 0 warning(s)"
LONG_ALL_KEYS = "version, number, paragraphs, subparagraphs, text, text_kind, text_language, translation, translations, source, note, explains_hash"

# case folder -> the problem lines `atazan validate` must print (empty: the data is valid)
CASES: dict[str, list[str]] = {
    # YAML syntax: PyYAML's reason, at the line where the parser gave up
    "yaml-unclosed-quote": [f"{P}:36: YAML syntax error: found unexpected end of stream"],
    "yaml-unclosed-flow": [f"{P}:4: YAML syntax error: expected ',' or ']', but got ':'"],
    "yaml-bad-indent": [f"{P}:3: YAML syntax error: mapping values are not allowed here"],
    "yaml-colon-in-plain": [f"{P}:29: YAML syntax error: mapping values are not allowed here"],
    "tab-indent": [f"{P}:32: YAML syntax error: a tab character; indent with spaces"],
    "duplicate-key": [f"{P}:3: section: duplicate key"],
    "empty-file": [f"{P}: file is empty"],
    "not-a-mapping": [f"{P}:1: expected a mapping of keys to values"],
    "wrong-extension": ["data/provisions/delta.yaml: unexpected file: records are .yml files"],
    "non-utf8": [f"{P}:5: not valid UTF-8 (byte 0xc7); save the file as UTF-8"],  # cp1251 'З'
    # schema
    "missing-summary": [f"{P}:1: summary: required field missing"],
    "missing-nested-means": [f"{P}:13: explanation.means: required field missing"],
    "unknown-key-top": [f"{P}:3: titel: unknown key; expected one of: id, section, themes, related, title, summary, explanation, versions"],
    "unknown-key-nested": [f"{P}:28: versions[0].pages: unknown key; expected one of: {LONG_ALL_KEYS}"],
    "wrong-type-themes": [f"{P}:3: themes: expected a list, got text"],
    "wrong-type-number": [f"{P}:27: versions[0].number: expected a whole number, got 'eight'"],
    "wrong-type-order": ["data/themes/ownership.yml:2: order: expected a whole number, got [30]"],
    "number-out-of-range": [f"{P}:27: versions[0].number: out of range: 1000"],
    "bad-slug": [f"{P}:3: themes[0]: expected an id like 'land-ownership' (lowercase letters, digits, hyphens), got 'Ownership_Rights'"],
    "bad-url": [f"{P}:35: versions[0].source.url: expected a web address starting with http:// or https://, got 'example.org/fixture'"],
    "bad-date-format": [f"{P}:34: versions[0].source.date: expected YYYY-MM-DD, got '11.02.2026'"],
    "bad-date-impossible": [f"{P}:34: versions[0].source.date: expected YYYY-MM-DD, got '2026-02-30'"],
    "missing-language": [f"{P}:5: title: missing language kk"],
    "empty-text": [f"{P}:11: summary.en.text: must not be empty"],
    "blank-text": [f"{P}:11: summary.en.text: must not be empty"],
    "translated-without-from": [f"{P}:10: summary.ru: 'from' is required when status is 'translated'"],
    # rules across records
    "unknown-theme": [f"{P}:3: themes[1]: unknown theme 'housing' (no data/themes/housing.yml)"],
    "unknown-related": [f"{P}:3: related[0]: unknown provision 'gamma' (no data/provisions/gamma.yml)"],
    "unknown-version": [f"{P}:26: versions[0].version: unknown version 'second_draft' (see data/versions.yml)"],
    "unknown-section": [f"{P}:2: section: unknown section 'economy' (see data/sections.yml)"],
    "duplicate-id-list": ["data/versions.yml:21: [2].id: duplicate id 'first_draft'"],
    "id-file-mismatch": [
        "data/provisions/gamma.yml:1: id: 'beta' does not match the file name 'gamma.yml'",
        "data/provisions/gamma.yml:1: id: duplicate id 'beta' (also in data/provisions/beta.yml)",
    ],
    "article-clash": ["data/provisions/beta.yml:27: versions[0].number: article 8 of first_draft is already claimed by provision 'alpha'"],
    # accepted: a BOM and CRLF line endings, very long text, markup in text (escaped at render time)
    "bom-accepted": [],
    "crlf-accepted": [],
    "bom-crlf-accepted": [],
    "very-long-title-accepted": [],
    "injection-accepted": [],
}


def make_data(tmp_path: Path, case: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "_base", data)
    shutil.copytree(FIXTURES / case, data, dirs_exist_ok=True)
    return data


def run_validate(data: Path) -> subprocess.CompletedProcess:
    """`atazan validate --data DATA` as a contributor runs it: a new process."""
    return subprocess.run([sys.executable, "-m", "atazan", "validate", "--data", str(data)],
                          capture_output=True, text=True, timeout=60, env=dict(os.environ, PYTHONPATH=str(ROOT / "hooks")))


def validate_here(data: Path) -> subprocess.CompletedProcess:
    """The same command in this process (conftest.atazan_here): no Python start per case."""
    code, out, err = atazan_here("validate", "--data", str(data))
    return subprocess.CompletedProcess(["atazan", "validate"], code, out, err)


def test_every_fixture_folder_is_a_case():
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name != "_base"}
    assert folders == set(CASES)
    assert sum(1 for lines in CASES.values() if lines) >= 25


def test_base_is_valid(tmp_path):
    shutil.copytree(FIXTURES / "_base", tmp_path / "data")
    result = run_validate(tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(VALID)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input(case, tmp_path):
    data = make_data(tmp_path, case)
    result = validate_here(data)
    assert "Traceback" not in result.stderr + result.stdout
    expected = CASES[case]
    if not expected:
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert result.stdout.strip().endswith(VALID)
        return
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == expected + [f"atazan: {len(expected)} error(s) in {data}"]


def test_very_long_field_is_kept_whole(tmp_path):
    sys.path.insert(0, str(ROOT / "hooks"))
    from atazan.dataset.validate import load_dataset

    dataset = load_dataset(str(make_data(tmp_path, "very-long-title-accepted")), str(tmp_path))
    title = dataset.provisions["alpha"].title["en"].text
    assert len(title) == len(("Long title " * 20000).strip())


# ---------------------------------------------------------------- injection, in a real build

INJECTED = "injection-probe"


@pytest.fixture(scope="session")
def injected_site(built_once) -> Path:
    """A copy of the project with one extra provision whose title and summary carry markup."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from atazan.tools import bench

    def build(project: Path) -> None:
        for part in bench.PROJECT_PARTS:
            src, dst = ROOT / part, project / part
            if src.is_dir():
                shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dst)
        bench.remove_generated(str(project / "docs"))
        shutil.copytree(ROOT / "data", project / "data")
        text = (FIXTURES / "injection-accepted" / "provisions" / "alpha.yml").read_text(encoding="utf-8")
        # A number no real record uses, and the real data's own section and theme.
        text = text.replace("id: alpha", f"id: {INJECTED}").replace("number: 8", "number: 901")
        (project / "data" / "provisions" / f"{INJECTED}.yml").write_text(text, encoding="utf-8")
        build_site(project, project / "site-out")

    return built_once("injected-project", build) / "site-out"


def _html(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


# Material writes `page.meta.title` unescaped into <title> and into the header topic
# (`md-header__topic`), so the generator hands it over HTML-escaped (render.page_title); the ru
# title of the fixture closes </title> to show it.
@pytest.mark.parametrize("rel", [f"en/provisions/{INJECTED}/index.html", f"ru/provisions/{INJECTED}/index.html",
                                 "en/provisions/index.html", "en/themes/ownership/index.html"])
def test_injection_is_escaped(injected_site, rel):
    page = _html(injected_site, rel)
    assert "&lt;script&gt;alert(" in page  # the text is shown, as text
    assert "<script>alert(" not in page
    assert "<img src=x" not in page and '<img src="x"' not in page
    assert "<iframe" not in page
    assert 'href="javascript:' not in page
    assert "<strong>bold</strong>" not in page


def test_injected_template_syntax_is_not_evaluated(injected_site):
    page = _html(injected_site, f"en/provisions/{INJECTED}/index.html")
    assert "{{ config.site_name }}" in page  # shown literally, not filled in by Jinja
    # in the text a reader sees (raw HTML blocks carry braces as character references)
    import lxml.html

    assert "{% raw %}" in lxml.html.document_fromstring(page).text_content()
    assert "<h1 id=\"heading" not in page  # '# Heading' in a summary is not a heading


SHOWN_TITLE = {"en": "<script>alert('x')</script> {{ config.site_name }} **bold** [link](javascript:alert(1)) <img src=x onerror=alert(2)>",
               "ru": "</title><script>alert('title')</script>"}
SITE_NAME = {"en": "Ata Zan", "ru": "Ата Заң"}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_injection_never_executes_in_a_browser(injected_site, lang, browser):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((injected_site / lang / "provisions" / INJECTED / "index.html").as_uri())
    page.wait_for_load_state("load")
    shown = {
        "tab": page.title(),
        "h1": page.inner_text("article h1").removesuffix("¶"),  # the heading's permalink
        "header": page.inner_text(".md-header__topic[data-md-component=header-topic]"),
        "injected elements": page.evaluate("""() => [...document.querySelectorAll('script')]
            .filter(s => s.textContent.includes('alert(')).length
            + document.querySelectorAll('img[onerror], iframe, a[href^="javascript:"]').length"""),
    }
    page.close()
    assert dialogs == []
    # The reader sees the text exactly as written in the data: not run, and not as `&lt;` entities.
    assert shown == {"tab": f"{SHOWN_TITLE[lang]} - {SITE_NAME[lang]}", "h1": SHOWN_TITLE[lang],
                     "header": SHOWN_TITLE[lang], "injected elements": 0}
