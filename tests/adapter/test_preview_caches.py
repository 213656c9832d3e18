"""What a live preview (atazan serve) keeps between rebuilds (issue 26): parsed data files
(dataset/load.py), the records of unchanged texts and their kk/ru comparison (texts.py,
textcompare.py), checked templates (adapter/checks.py) and compiled theme templates
(adapter/theme.py). Each is kept only while its input is byte for byte the same: an edit between
two loads in one process is always seen, and a broken file is always reported."""

from __future__ import annotations

import shutil

import jinja2

from atazan.adapter import checks, theme
from atazan.dataset.load import read_yaml
from atazan.dataset.validate import load_dataset
from atazan.errors import DataError

from conftest import OWNERSHIP, ROOT, replace_once

TITLE_EN = "Forms of ownership (Article 8 of the first draft)"


def _title(data) -> str:
    return load_dataset(str(data), str(data.parent)).provisions["ownership"].title["en"].text


def test_an_edit_between_two_loads_is_seen(core_data):
    assert _title(core_data) == TITLE_EN
    replace_once(core_data / "provisions/ownership.yml", TITLE_EN, "TEST EDIT of the title")
    assert _title(core_data) == "TEST EDIT of the title"
    replace_once(core_data / "provisions/ownership.yml", "TEST EDIT of the title", TITLE_EN)
    assert _title(core_data) == TITLE_EN  # back to bytes seen before: the kept parse, and right


def test_a_file_broken_after_a_good_load_is_reported_with_its_line(core_data):
    assert _title(core_data) == TITLE_EN
    line = replace_once(core_data / "provisions/ownership.yml", "section: foundations", "section: foundations: x")
    try:
        load_dataset(str(core_data), str(core_data.parent))
    except DataError as error:
        assert [str(p) for p in error.problems] == [f"{OWNERSHIP}:{line}: YAML syntax error: mapping values are not allowed here"]
    else:
        raise AssertionError("the broken file loaded")


def test_same_bytes_under_another_name_keep_their_own_name(tmp_path):
    (tmp_path / "a.yml").write_bytes(b"id: a\nid: b\n")
    shutil.copy(tmp_path / "a.yml", tmp_path / "b.yml")
    _, first = read_yaml(str(tmp_path / "a.yml"), "data/a.yml")
    _, second = read_yaml(str(tmp_path / "b.yml"), "data/b.yml")
    assert [str(p) for p in first] == ["data/a.yml:2: id: duplicate key"]
    assert [str(p) for p in second] == ["data/b.yml:2: id: duplicate key"]
    second.clear()  # a caller's list is its own
    assert [str(p) for p in read_yaml(str(tmp_path / "b.yml"), "data/b.yml")[1]] == ["data/b.yml:2: id: duplicate key"]


def test_a_template_broken_after_a_good_check_is_reported(tmp_path):
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    tables = checks._string_tables(str(tmp_path), [])
    assert checks._generator_templates(str(tmp_path), tables) == []
    template = tmp_path / "overrides/atazan/pages/news_index.md.j2"
    line = replace_once(template, "{% for e in entries %}", "{% for e in entries %")
    problems = checks._generator_templates(str(tmp_path), tables)
    assert [p.path for p in problems] == ["overrides/atazan/pages/news_index.md.j2"]
    assert line <= problems[0].line <= line + 1  # Jinja notices the unclosed tag at the next line
    replace_once(template, "{% for e in entries %", "{% for e in entries %}{{ t(\"no.such.key.test\") }}")
    problems = checks._generator_templates(str(tmp_path), tables)
    assert [p.message for p in problems] == ['t("no.such.key.test"): no such key in overrides/atazan/strings.yml']


def test_texts_unchanged_keep_their_comparison_and_a_changed_text_is_compared_again(tmp_path):
    from atazan.dataset import textcompare
    from conftest import rehearsal_project

    project = rehearsal_project(tmp_path / "project")
    data = project / "data"
    first = load_dataset(str(data), str(project)).texts
    again = load_dataset(str(data), str(project)).texts
    version = next(v for v in sorted(first.versions()) if first.get(v, "kk") and first.get(v, "ru"))
    kk, ru = first.get(version, "kk"), first.get(version, "ru")
    assert again.get(version, "kk") is kk  # the same bytes: the same record
    assert textcompare.comparison(kk, ru) is textcompare.comparison(again.get(version, "kk"), again.get(version, "ru"))
    # TEST DATA: one word of the kk text changed by the test.
    path = data / "texts" / version / "kk.yml"
    text = path.read_text(encoding="utf-8")
    article = next(a for a in kk.articles if a.paragraphs)
    word = max(article.paragraphs[0].text.split(), key=len)
    assert text.count(word) >= 1
    path.write_text(text.replace(word, word + "тест"), encoding="utf-8")
    changed = load_dataset(str(data), str(project)).texts.get(version, "kk")
    assert changed is not kk and changed != kk
    assert textcompare.comparison(changed, ru) is not textcompare.comparison(kk, ru)


def test_theme_templates_are_compiled_once_per_source(tmp_path):
    (tmp_path / "page.html").write_text("{{ 1 + 1 }}", encoding="utf-8")
    cache = theme._MemoryBytecodeCache()
    made = []

    class Counting(jinja2.Environment):
        def _compile(self, source, filename):
            made.append(filename)
            return super()._compile(source, filename)

    def env():
        return Counting(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=cache)

    assert env().get_template("page.html").render() == "2"
    assert env().get_template("page.html").render() == "2"
    assert len(made) == 1
    (tmp_path / "page.html").write_text("{{ 2 + 2 }}", encoding="utf-8")
    assert env().get_template("page.html").render() == "4"  # an edited template is compiled again
    assert len(made) == 2
