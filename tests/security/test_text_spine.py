"""Issue 25's hostile cases outside import-text itself: each gives one line naming file (and
line and field) and a non-zero exit, or is handled right; no traceback, no hang (every run has
a timeout), and nothing is read from or written to a place outside the project.

- decoded strings: a YAML escape ("\\x01", "\\uFFFE", "\\0", "\\u202E") anywhere in any data file
  (records, news, imported texts, keys too), and a string over the size limit;
- containment: data/texts, a text file, correspondence.yml or data/news linked out of the
  project; a docs/ link to a file outside the repository; SITE_URL and REPO_URL that are not
  plain web addresses;
- correspondence.yml written by hand: wrong types, unknown versions, a version without a text,
  a reference other than the site's reference version (validate, match and the build);
- faults while writing: a read-only folder, a full disk (match, stamp, import-news): the old
  file stays whole; new files get the mode the umask gives.
Texts are the invented test constitution (tests/changes/fixtures: TEST DATA).
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, atazan_here

sys.path.insert(0, str(ROOT / "hooks"))

from atazan import fsutil  # noqa: E402

FIXTURES = ROOT / "tests" / "changes" / "fixtures"
SEEDS = ROOT / "tests" / "news" / "fixtures"


def one_line(code: int, err: str, expected: str, summary: bool = True) -> None:
    """Exit 1, no traceback, and exactly the expected line (with validate's count line after it)."""
    assert code == 1, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[0] == expected, lines
    assert len(lines) == (2 if summary else 1), lines


def validate(data: Path) -> tuple[int, str]:
    code, _, err = atazan_here("validate", "--data", str(data))
    return code, err


def import_version(data: Path, version: str, lang: str = "kk") -> None:
    code, _, err = atazan_here("import-text", str(FIXTURES / f"{version}.{lang}.txt"), "--version", version,
                               "--lang", lang, "--data", str(data), "--publisher", "Test publisher (test data)",
                               "--title", f"Test {version}", "--date", "2026-03-20" if version == "adopted" else "2026-01-31",
                               "--url", f"https://example.org/{version}", "--official")
    assert code == 0, err


@pytest.fixture
def project(tmp_path) -> Path:
    """The project's data (without texts) and templates in tmp_path/project; nothing else."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "data", project / "data", ignore=shutil.ignore_patterns("texts", "correspondence.yml"))
    shutil.copytree(ROOT / "overrides" / "atazan", project / "overrides" / "atazan")
    return project


@pytest.fixture(scope="session")
def matched_once(built_once) -> Path:
    def make(folder: Path) -> None:
        data = folder / "data"
        shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("texts", "correspondence.yml"))
        shutil.copytree(ROOT / "overrides" / "atazan", folder / "overrides" / "atazan")
        for version in ("first_draft", "adopted"):
            import_version(data, version)
        code, _, err = atazan_here("match", "--data", str(data))
        assert code == 0, err

    return built_once("spine-matched", make)


@pytest.fixture
def matched(matched_once, tmp_path) -> Path:
    """The project's data with the first draft and the adopted text (kk) imported and matched:
    a fresh copy (made once per run) at tmp_path/project/data."""
    project = tmp_path / "project"
    shutil.copytree(matched_once, project)
    return project / "data"


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


# ---------------------------------------------------------------- decoded strings

ESCAPES = [("\\x01", "a control character U+0001"), ("\\uFFFE", "a Unicode non-character U+FFFE"),
           ("\\0", "a control character U+0000"), ("\\u202E", "a bidirectional control character U+202E"),
           ("\\U0001FFFF", "a Unicode non-character U+1FFFF")]


@pytest.mark.parametrize("escape, kind", ESCAPES)
def test_an_escape_in_a_record_is_one_line_with_file_line_and_field(project, escape, kind):
    path = project / "data" / "provisions" / "ownership.yml"
    old = '  en: {text: "Forms of ownership (Article 8 of the first draft)", status: original}'
    new = f'  en: {{text: "Forms of{escape} ownership (Article 8 of the first draft)", status: original}}'
    number = line_of(path, old)
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    code, err = validate(project / "data")
    hex_code = kind.rsplit("U+", 1)[1]
    one_line(code, err, f"data/provisions/ownership.yml:{number}: title.en.text: {kind} at character 9 of the value "
                        f"(a YAML escape such as \"\\u{hex_code}\" decodes to it); remove it")


@pytest.mark.parametrize("escape, message", [
    ("\\ud800", "title.en.text: half of a UTF-16 surrogate pair U+D800 at character 9 of the value (an escape like "
                 "\"\\uD800\"); write the character itself"),
    ("\\U00110000", "YAML syntax error: found invalid Unicode character escape code"),  # a ValueError traceback before
])
def test_an_escape_for_no_character_is_one_line(project, escape, message):
    path = project / "data" / "provisions" / "ownership.yml"
    old = '  en: {text: "Forms of ownership (Article 8 of the first draft)", status: original}'
    number = line_of(path, old)
    path.write_text(path.read_text(encoding="utf-8").replace(old, old.replace("Forms of", "Forms of" + escape)), encoding="utf-8")
    code, err = validate(project / "data")
    one_line(code, err, f"data/provisions/ownership.yml:{number}: {message}")


@pytest.mark.slow
def test_an_escaped_control_in_a_curated_headline_stops_the_build_with_one_line(buildable):
    # F3: validated, then the feed writer died with a traceback naming no file.
    path = next((buildable / "data" / "news").glob("2026-*.yml"))
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    headline = {"kk": "Тоқаев қол қойды", "ru": "Токаев подписал", "en": "\x01 Tokayev signs"}
    loaded["curated"] = dict(loaded.get("curated") or {}, headline={
        lang: {"text": text, "status": "original"} for lang, text in headline.items()})
    # PyYAML writes the control character as the escape "\x01", as import-text and editors do.
    path.write_text(yaml.safe_dump(loaded, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert "\x01" not in path.read_text(encoding="utf-8") and "\\x01 Tokayev" in path.read_text(encoding="utf-8")
    result = _build(buildable)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert (f"{path.relative_to(buildable).as_posix()}:{line_of(path, 'Tokayev signs')}: curated.headline.en.text: "
            "a control character U+0001 at character 1 of the value") in result.stderr


def test_an_escape_in_an_imported_text_and_in_a_key_are_one_line_each(project):
    data = project / "data"
    import_version(data, "adopted")
    path = data / "texts" / "adopted" / "kk.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("publisher: Test publisher (test data)") == 1
    path.write_text(text.replace("publisher: Test publisher (test data)", 'publisher: "\\x07Test publisher"'), encoding="utf-8")
    code, err = validate(data)
    one_line(code, err, f"data/texts/adopted/kk.yml:{line_of(path, 'publisher:')}: source.publisher: a control character "
                        "U+0007 at character 1 of the value (a YAML escape such as \"\\u0007\" decodes to it); remove it")
    path.write_text(text.replace("publisher: ", '"pub\\x1blisher": ', 1), encoding="utf-8")
    code, err = validate(data)
    one_line(code, err, f"data/texts/adopted/kk.yml:{line_of(path, 'lisher')}: source.pub\\u001Blisher: a control character "
                        "U+001B at character 4 of the value (a YAML escape such as \"\\u001B\" decodes to it); remove it")


def test_a_string_over_the_size_limit_is_one_line(project):
    from atazan.dataset.textrules import MAX_STRING_CHARS

    path = project / "data" / "glossary" / "majilis.yml"
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    loaded["definition"]["en"]["text"] = "word " * (MAX_STRING_CHARS // 5 + 1)
    path.write_text(yaml.safe_dump(loaded, allow_unicode=True, sort_keys=False, width=10 ** 9), encoding="utf-8")
    code, err = validate(project / "data")
    assert code == 1 and "Traceback" not in err
    assert f"definition.en.text: text of {len(loaded['definition']['en']['text']):,} characters; at most " in err.splitlines()[0]


@pytest.mark.parametrize("case", ["flow lists", "flow maps", "block lists"])
def test_deep_nesting_is_one_line_not_a_crash(project, case):
    # libyaml composes nested nodes by recursion in C: 200,000 "[" (400 KB) ended the process with
    # SIGSEGV, no message at all; the pure-Python loader ends in RecursionError.
    path = project / "data" / "provisions" / "ownership.yml"
    deep = {"flow lists": "[" * 200_000 + "]" * 200_000, "flow maps": "{a: " * 60_000 + "1" + "}" * 60_000,
            "block lists": "\n" + "".join("  " * (i + 1) + "-\n" for i in range(60))}[case]
    number = len(path.read_text(encoding="utf-8").splitlines()) + 1
    path.write_text(path.read_text(encoding="utf-8") + f"deep: {deep}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "atazan", "validate", "--data", str(project / "data")],
                            capture_output=True, text=True, timeout=60, env=dict(os.environ, PYTHONPATH=str(ROOT / "hooks")))
    line = number if case != "block lists" else number + 50  # the 51st level starts 50 lines down
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (f"data/provisions/ownership.yml:{line}: nested more than 50 levels deep; "
                                             "a data file needs a few")


def test_a_binary_value_and_a_number_too_long_for_python_are_one_line_each(project):
    path = project / "data" / "provisions" / "ownership.yml"
    text = path.read_text(encoding="utf-8")
    old = '  en: {text: "Forms of ownership (Article 8 of the first draft)", status: original}'
    number = line_of(path, old)
    # !!binary: bytes, which pydantic takes as text, so "\x01Forms" (base64 AUZvcm1z) passed every check.
    path.write_text(text.replace(old, "  en: {text: !!binary AUZvcm1z, status: original}"), encoding="utf-8")
    code, err = validate(project / "data")
    one_line(code, err, f"data/provisions/ownership.yml:{number}: title.en.text: a binary value (!!binary); data files hold "
                        "text: write it out")
    # More than 4,300 digits: Python's int() refuses them with a ValueError, a traceback before.
    path.write_text(text.replace("section: null", "section: " + "7" * 5000), encoding="utf-8")
    code, err = validate(project / "data")
    one_line(code, err, f"data/provisions/ownership.yml:{line_of(path, '7777')}: YAML syntax error: a number of 5,000 digits; "
                        "put it in quotes if it is text")


def test_two_pages_at_one_address_are_refused_not_one_silently_dropped(tmp_path):
    # A theme whose id is "index" (a valid slug) made themes/index.md twice: the theme page or the
    # themes index vanished without a word.
    from atazan.errors import DataError
    from atazan.website.generate import write_pages
    from atazan.website.render import GeneratedPage

    pages = [GeneratedPage("kk", "themes/index.md", "data/themes/index.yml", "---\natazan_generated: true\n---\n"),
             GeneratedPage("kk", "themes/index.md", "data/themes", "---\natazan_generated: true\n---\n")]
    with pytest.raises(DataError) as raised:
        write_pages(pages, str(tmp_path / "docs"), str(tmp_path))
    assert [str(p) for p in raised.value.problems] == [
        "data/themes: id: its page kk/themes/index.md is also made from data/themes/index.yml; give the record another id"]
    assert not (tmp_path / "docs").exists()


# ---------------------------------------------------------------- containment

def test_a_linked_texts_folder_is_refused_and_nothing_is_read_from_it(project, tmp_path):
    data = project / "data"
    import_version(data, "adopted")
    elsewhere = tmp_path / "elsewhere"
    shutil.move(str(data / "texts"), elsewhere)
    (data / "texts").symlink_to(elsewhere)
    code, err = validate(data)
    one_line(code, err, f"data/texts: a symbolic link to {elsewhere}, outside the repository; texts live in the "
                        "repository's data/texts/")


def test_a_linked_text_file_and_a_linked_correspondence_file_are_refused(matched, tmp_path):
    outside = tmp_path / "outside.yml"
    for linked in (matched / "texts" / "adopted" / "kk.yml", matched / "correspondence.yml"):
        shutil.copy2(linked, outside)
        linked.unlink()
        linked.symlink_to(outside)
        shown = linked.relative_to(matched.parent).as_posix()
        code, err = validate(matched)
        one_line(code, err, f"{shown}: symbolic link to {outside}, outside the repository; copy the file in instead")
        code, _, err = atazan_here("match", "--data", str(matched))
        one_line(code, err, f"atazan match: {matched} is invalid: {shown}: symbolic link to {outside}, outside the "
                            "repository; copy the file in instead", summary=False)
        linked.unlink()
        shutil.copy2(outside, linked)


def test_import_news_does_not_write_through_a_linked_news_folder(project, tmp_path):
    data = project / "data"
    shutil.rmtree(data / "news")
    elsewhere = tmp_path / "news-elsewhere"
    elsewhere.mkdir()
    (data / "news").symlink_to(elsewhere)
    # Fact-checks name news records; without them the data is no longer valid, so they go too.
    shutil.rmtree(data / "factchecks")
    dump = sorted(SEEDS.glob("*.txt"))[0]
    code, out, err = atazan_here("import-news", str(dump), "--data", str(data))
    assert code == 1 and "Traceback" not in err
    (line,) = [line for line in err.splitlines() if "cannot write" in line]
    assert line.startswith("atazan import-news: data/news/") and "outside the project" in line
    assert list(elsewhere.iterdir()) == []


def test_write_atomic_refuses_a_folder_that_resolves_outside_the_root(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "data").symlink_to(outside)
    with pytest.raises(fsutil.OutsideProject):
        fsutil.write_atomic(str(root / "data" / "x.yml"), "x", root=str(root))
    assert list(outside.iterdir()) == []
    fsutil.write_atomic(str(root / "inside" / "x.yml"), "x", root=str(root))  # a real folder inside is fine
    assert (root / "inside" / "x.yml").read_text() == "x"


def _build(project: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "out")],
                          cwd=project, capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project / "hooks"), **env))


@pytest.fixture
def buildable(tmp_path) -> Path:
    from conftest import copy_project

    return copy_project(tmp_path / "buildable")


def _errors(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("ERROR")]


@pytest.mark.slow
def test_the_build_refuses_a_docs_link_out_of_the_repository(buildable):
    (buildable / "docs" / "assets" / "env.txt").symlink_to("/proc/self/environ")
    (buildable / "docs" / "en" / "git").symlink_to(ROOT / ".git")
    result = _build(buildable, ATAZAN_SECRET_PROBE="leaked-if-published")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert _errors(result) == [
        "ERROR   -  docs/assets/env.txt: a symbolic link to /proc/self/environ, outside the repository; MkDocs would "
        "publish it: copy the file in or remove the link"]
    assert (f"docs/en/git: a symbolic link to {ROOT / '.git'}, outside the repository; MkDocs would publish it: "
            "copy the file in or remove the link") in result.stderr.splitlines()
    published = [p for p in (buildable / "out").rglob("*") if p.is_file()] if (buildable / "out").exists() else []
    assert not any(b"leaked-if-published" in p.read_bytes() for p in published)


@pytest.mark.slow
def test_the_build_refuses_a_link_in_overrides_and_a_link_to_a_folder(buildable):
    # MkDocs publishes the theme's custom_dir (overrides/) like docs/; a link to a folder it walks
    # (docs/en/loop -> .. hung the build: killed after five minutes).
    (buildable / "overrides" / "leak.txt").symlink_to("/proc/self/environ")
    (buildable / "docs" / "en" / "loop").symlink_to("..")
    result = _build(buildable)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert ("ERROR   -  docs/en/loop: a symbolic link to .., a folder MkDocs would walk (a loop, or the whole of it); "
            "MkDocs would publish it: copy the file in or remove the link") in lines
    assert ("overrides/leak.txt: a symbolic link to /proc/self/environ, outside the repository; MkDocs would publish it: "
            "copy the file in or remove the link") in lines


@pytest.mark.slow
@pytest.mark.parametrize("variable, value, shown", [
    ("SITE_URL", 'https://example.org/x"><img src=x onerror=alert(1)>/', "site_url (or SITE_URL in the environment)"),
    ("REPO_URL", 'https://github.com/x"onmouseover=alert(1)//', "repo_url (or REPO_URL in the environment)"),
])
def test_the_build_refuses_a_site_or_repository_address_that_is_not_one(buildable, variable, value, shown):
    result = _build(buildable, **{variable: value})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    (error,) = _errors(result)
    assert error.startswith(f"ERROR   -  mkdocs.yml: {shown}: ")


# ---------------------------------------------------------------- correspondence.yml by hand

def _edit_table(data: Path, change) -> Path:
    path = data / "correspondence.yml"
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(table)
    path.write_text(yaml.safe_dump(table, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _rekey(table: dict) -> None:
    # The same table keyed by the first draft: what a person might write, and what the site's
    # reference (adopted) cannot use.
    table["rows"] = [{"first_draft": row["first_draft"]["number"], "adopted": {"number": row["adopted"], "confirmed": True}}
                     for row in table["rows"] if isinstance(row.get("first_draft"), dict)]
    table["reference"], table["versions"] = "first_draft", ["adopted"]


# case -> (the edit, the message, text on the line it names; None: a line inside rows)
CASES = {
    "versions is a number": (lambda t: t.update(versions=5),
                             "versions: expected a list of version ids, like [first_draft, final_draft], got 5", "versions: 5"),
    "unknown reference, nothing else": (lambda t: t.update(reference="zzz", versions=[], rows=[]),
                                        "reference: unknown version 'zzz' (see data/versions.yml)", "reference: zzz"),
    "unknown version listed": (lambda t: t["versions"].append("zzz"),
                               "versions[1]: unknown version 'zzz' (see data/versions.yml)", "- zzz"),
    "reference is not the site's": (_rekey, "reference: 'first_draft' is not the site's reference version ('adopted', "
                                            "whose article numbers the article pages use); move data/correspondence.yml "
                                            "aside and run `atazan match` to propose a table keyed by it", "reference: first_draft"),
    "a number that is a list": (lambda t: t["rows"][0]["first_draft"].update(number=[1]),
                                "rows[0].first_draft.number: expected the article's number, or null", None),
    "a score that is text": (lambda t: t["rows"][0]["first_draft"].update(score="high"),
                             "rows[0].first_draft.score: expected a number from 0 to 100", "score: high"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hand_edited_correspondence_table_is_one_line_in_validate_and_match(matched, case):
    change, message, needle = CASES[case]
    path = _edit_table(matched, change)
    code, err = validate(matched)
    assert code == 1 and "Traceback" not in err
    first = err.splitlines()[0]
    assert first.startswith("data/correspondence.yml:") and first.endswith(": " + message), first
    if needle is not None:
        assert first.startswith(f"data/correspondence.yml:{line_of(path, needle)}: "), first
    one_line(code, err, first)
    before = path.read_bytes()
    code, _, err = atazan_here("match", "--data", str(matched))
    one_line(code, err, f"atazan match: {matched} is invalid: {first}", summary=False)
    assert path.read_bytes() == before


def test_a_listed_version_without_a_text_is_one_line(matched):
    _edit_table(matched, lambda t: t["versions"].append("final_draft"))
    code, err = validate(matched)
    one_line(code, err, f"data/correspondence.yml:{line_of(matched / 'correspondence.yml', '- final_draft')}: versions[1]: "
                        "no text of 'final_draft' in data/texts/; import it or run `atazan match` again")


@pytest.mark.slow
def test_the_build_stops_on_a_wrong_table_with_one_line(buildable):
    data = buildable / "data"
    for version in ("first_draft", "adopted"):
        import_version(data, version)
    code, _, err = atazan_here("match", "--data", str(data))
    assert code == 0, err
    _edit_table(data, lambda t: t.update(reference="zzz", versions=[], rows=[]))
    result = _build(buildable)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "data/correspondence.yml:1: reference: unknown version 'zzz' (see data/versions.yml)" in result.stderr


# ---------------------------------------------------------------- faults while writing

def _read_only(monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(fsutil.tempfile, "mkstemp", refuse)


def _disk_full(monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(fsutil.os, "fsync", full)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fault, reason", [(_read_only, "Permission denied"), (_disk_full, "No space left on device")])
def test_match_under_a_write_fault_is_one_line_and_the_old_table_stays(matched, monkeypatch, fault, reason):
    path = _edit_table(matched, lambda t: t["rows"][0]["first_draft"].update(score=1.0))  # so match rewrites it
    before = _snapshot(matched)
    fault(monkeypatch)
    code, _, err = atazan_here("match", "--data", str(matched))
    one_line(code, err, f"atazan match: data/correspondence.yml: cannot write: {reason}; the file is unchanged", summary=False)
    assert _snapshot(matched) == before and path.is_file()


@pytest.mark.parametrize("fault, reason", [(_read_only, "Permission denied"), (_disk_full, "No space left on device")])
def test_stamp_under_a_write_fault_is_one_line_and_the_file_stays(project, monkeypatch, fault, reason):
    path = project / "data" / "themes" / "housing.yml"
    # One translation left unstamped (its source_hash taken out): stamp has a file to write.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(', source_hash: "76f5ad67"}', "}", 1), encoding="utf-8")
    before = _snapshot(project / "data")
    fault(monkeypatch)
    code, out, err = atazan_here("stamp", str(path), "--data", str(project / "data"))
    one_line(code, err, f"atazan stamp: data/themes/housing.yml: cannot write: {reason}; the file is unchanged", summary=False)
    assert _snapshot(project / "data") == before


@pytest.mark.parametrize("fault, reason", [(_read_only, "Permission denied"), (_disk_full, "No space left on device")])
def test_import_news_under_a_write_fault_is_one_line(project, monkeypatch, fault, reason):
    data = project / "data"
    before = _snapshot(data)
    dump = sorted(SEEDS.glob("*.txt"))[0]
    fault(monkeypatch)
    code, out, err = atazan_here("import-news", str(dump), "--data", str(data))
    assert code == 1 and "Traceback" not in err
    (line,) = [line for line in err.splitlines() if line.startswith("atazan import-news: ")]
    assert f": cannot write: {reason}; 0 of " in line and line.endswith("record(s) written before it, the rest not (each file is whole)")
    assert _snapshot(data) == before


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("chattr") is None, reason="needs root and chattr")
def test_match_in_a_really_immutable_folder_is_one_line(matched, tmp_path):
    _edit_table(matched, lambda t: t["rows"][0]["first_draft"].update(score=1.0))
    if subprocess.run(["chattr", "+i", str(matched)], capture_output=True).returncode != 0:
        pytest.skip("the file system of the test folder has no immutable attribute (tmpfs)")
    try:
        code, _, err = atazan_here("match", "--data", str(matched))
    finally:
        subprocess.run(["chattr", "-i", str(matched)], check=True)
    one_line(code, err, "atazan match: data/correspondence.yml: cannot write: Operation not permitted; the file is unchanged",
             summary=False)


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        fsutil.write_atomic(str(tmp_path / "new.yml"), "x")
    finally:
        os.umask(old)
    assert os.stat(tmp_path / "new.yml").st_mode & 0o777 == mode
