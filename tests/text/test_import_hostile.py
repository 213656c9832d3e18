"""`atazan import-text` on hostile input (../shared/reviews/security-2026-12-07.md, F3, F5, F8-F11):
one line, exit 1, nothing written, no hang, no traceback. Where a hang is possible the import runs
as its own process with a timeout."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from .conftest import SHAPE_FLAGS, SHAPES, import_text, tree_hashes

GIVEN = SHAPE_FLAGS
TEXT = "Статья 1\n1. Текст первой статьи (тест).\nСтатья 2\n1. Текст второй статьи (тест).\n"


def _refused(real_data, source, lang="ru", *flags, expect: str) -> str:
    before = tree_hashes(real_data)
    code, out, err = import_text(real_data, source, "adopted", lang, *flags)
    assert code == 1 and out == "", (out, err)
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert expect in err, err
    assert tree_hashes(real_data) == before
    return err


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    """The import as its own process, killed after `timeout` seconds: a hang fails the test."""
    return subprocess.run([sys.executable, "-m", "atazan.tools.cli", "import-text", *args], capture_output=True,
                          text=True, timeout=timeout)


def _zan(tmp_path, change) -> Path:
    document = json.loads((SHAPES / "zan-nodes.ru.json").read_text(encoding="utf-8"))
    change(document)
    path = tmp_path / "zan.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _node(document, text):
    return next(n for n in document["content"] if n.get("text") == text)


# ---------------------------------------------------------------- characters no page may publish (F3, F9)

CHARACTERS = {
    "nul-in-plain-paragraph": ("text", TEXT.replace("первой статьи", "первой\x00статьи"), "a control character U+0000"),
    "c0-in-json-text": ("json", ("1. Тестовое государство статьи 1 существует только в тестах.", "\x01"), "a control character U+0001"),
    "fffe-in-json-heading": ("json", ("Тестовые основы", "\ufffe"), "a Unicode non-character U+FFFE"),
    "rlo-in-json-text": ("json", ("2. Тестовая территория едина.", "\u202e"), "a bidirectional control character U+202E"),
    "rlm-in-json-note": ("json", ("Сноска. Статья 2 с тестовыми изменениями, внесенными вымышленным законом от 01.02.2024 № 5-VIII.",
                                  "\u200f"), "a bidirectional control character U+200F"),
    "rlo-in-plain-heading": ("text", "Раздел I\nОсновы\u202e (тест)\n" + TEXT, "a bidirectional control character U+202E"),
    "supplementary-noncharacter": ("text", TEXT.replace("второй", "вто\U0010fffeрой"), "a Unicode non-character U+10FFFE"),
}


@pytest.mark.parametrize("case", list(CHARACTERS))
def test_forbidden_characters_in_the_text_are_refused(real_data, tmp_path, case):
    kind, payload, message = CHARACTERS[case]
    if kind == "text":
        source = tmp_path / "t.txt"
        source.write_text(payload, encoding="utf-8")
        _refused(real_data, source, "ru", *GIVEN, expect=message)
    else:
        text, char = payload
        source = _zan(tmp_path, lambda d: _node(d, text).update(text=text[:5] + char + text[5:]))
        _refused(real_data, source, "ru", expect=message)


@pytest.mark.parametrize("flag,char", [("--publisher", "\u202e"), ("--title", "\u2066"), ("--translator", "\x07"),
                                       ("--registry", "\ufdd0")])
def test_forbidden_characters_in_the_options_are_refused(real_data, tmp_path, flag, char):
    source = tmp_path / "t.txt"
    source.write_text(TEXT, encoding="utf-8")
    flags = [f for f in GIVEN if f != "--official"] + ["--unofficial", "--translator", "Test translator"]
    at = flags.index(flag) if flag in flags else None
    if at is None:
        flags += [flag, f"Test{char}value"]
    else:
        flags[at + 1] = f"Test{char}value"
    _refused(real_data, source, "ru", *flags, expect=f"{flag}: ")


def test_a_17_mb_paragraph_is_refused_before_it_is_read(real_data, tmp_path):
    source = tmp_path / "big.txt"
    source.write_text("Статья 1\n1. " + "слово " * 3_000_000 + "\n", encoding="utf-8")  # 18 MB
    _refused(real_data, source, "ru", *GIVEN, expect="bytes; at most 16,777,216")


def test_a_paragraph_larger_than_one_field_may_hold_is_refused(real_data, tmp_path):
    source = tmp_path / "long.txt"
    source.write_text("Статья 1\n1. " + "слово " * 200_000 + "\n", encoding="utf-8")  # 1.2 million characters
    _refused(real_data, source, "ru", *GIVEN, expect="line 2: text of 1,200,003 characters; at most 1,000,000 in one field")


# ---------------------------------------------------------------- numbers (F8, F10)

def test_a_5000_digit_article_number_is_refused(real_data, tmp_path):
    source = tmp_path / "t.txt"
    source.write_text(TEXT.replace("Статья 2", "Статья " + "7" * 5000), encoding="utf-8")
    _refused(real_data, source, "ru", *GIVEN, expect="number of 5,000 characters")


def test_an_article_number_with_a_leading_zero_is_refused(real_data, tmp_path):
    source = tmp_path / "t.txt"
    source.write_text(TEXT + "Статья 02\n1. Текст (тест).\n", encoding="utf-8")
    _refused(real_data, source, "ru", *GIVEN, expect="line 5: number '02' has a leading zero")


def test_a_huge_section_index_is_refused_at_once(real_data, tmp_path):
    source = _zan(tmp_path, lambda d: next(n for n in d["content"] if n["type"] == "section").update(index="99999999999"))
    result = _run([str(source), "--version", "adopted", "--lang", "ru", "--data", str(real_data)], timeout=30)
    assert result.returncode == 1 and "section number '99999999999' is not between 1 and 100" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_a_superscript_digit_index_is_refused(real_data, tmp_path):
    source = _zan(tmp_path, lambda d: next(n for n in d["content"] if n["type"] == "section").update(index="²"))
    _refused(real_data, source, "ru", expect="section number '²' is not a Roman numeral")
    source = _zan(tmp_path, lambda d: next(n for n in d["content"] if n["type"] == "article").update(index="²"))
    _refused(real_data, source, "ru", expect="number '²' is not a number like 12 or 3-1")


# ---------------------------------------------------------------- fields of another type than the feed's

def test_a_feed_whose_version_field_is_a_string_is_refused_in_one_line(real_data, tmp_path):
    def change(document):
        del document["language"]
        document["version"] = "x"  # once an AttributeError traceback ('str' object has no attribute 'get')
    _refused(real_data, _zan(tmp_path, change), "ru", expect="language: expected one of kaz, rus, eng, got None")


def test_a_feed_with_odd_nested_fields_reads_what_it_can_check(real_data, tmp_path):
    def change(document):
        document["version"] = "x"  # the date and title are then the top-level ones
        document["content"][0]["properties"] = 5  # a node without text: once a TypeError ('int' object is not iterable)
    code, _, err = import_text(real_data, _zan(tmp_path, change), "adopted", "ru")
    assert code == 0, err
    written = yaml.safe_load((real_data / "texts" / "adopted" / "ru.yml").read_text(encoding="utf-8"))
    assert written["source"]["title"] == "Тестовая конституция (вымышленный текст)"
    assert str(written["source"]["date"]) == "2026-03-18"


def test_a_service_note_set_as_a_note_node_is_a_service_text_not_a_note(real_data, tmp_path):
    service = "Примечание ИЗПИ! Тестовая служебная заметка портала (тест)."

    def change(document):
        at = next(i for i, n in enumerate(document["content"]) if n["type"] == "article" and n.get("index") == "2")
        document["content"].insert(at, {"id": "649999", "type": "note", "text": service, "properties": []})
    code, _, err = import_text(real_data, _zan(tmp_path, change), "adopted", "ru")
    assert code == 0, err
    written = yaml.safe_load((real_data / "texts" / "adopted" / "ru.yml").read_text(encoding="utf-8"))
    assert {"kind": "service_note", "text": service} in written["source"]["service"]
    assert not any(note["text"] == service for a in written["articles"] for note in a.get("notes", []))


# ---------------------------------------------------------------- files that are not files (F8)

def test_a_fifo_is_refused_without_waiting_for_a_writer(real_data, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = _run([str(fifo), "--version", "adopted", "--lang", "ru", "--data", str(real_data), *GIVEN], timeout=30)
    assert result.returncode == 1 and "not a regular file (a folder, a pipe or a device)" in result.stderr, result.stderr


def test_dev_zero_is_refused_without_reading_it(real_data):
    result = _run(["/dev/zero", "--version", "adopted", "--lang", "ru", "--data", str(real_data), *GIVEN], timeout=30)
    assert result.returncode == 1 and "not a regular file" in result.stderr, result.stderr


def test_json_nested_100000_deep_is_refused_before_parsing(real_data, tmp_path):
    source = tmp_path / "deep.json"
    source.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = _run([str(source), "--version", "adopted", "--lang", "ru", "--data", str(real_data)], timeout=60)
    assert result.returncode == 1 and "JSON nested more than 64 levels deep" in result.stderr, result.stderr
    assert "RecursionError" not in result.stderr


def test_html_nested_deeper_than_its_parser_reads_is_refused_not_shortened(real_data, tmp_path):
    source = tmp_path / "deep.html"
    source.write_text("<html><body><article><p>Статья 1</p><p>1. Текст (тест).</p>" + "<div>" * 300
                      + "<p>Статья 2</p><p>1. Скрытый текст (тест).</p>" + "</div>" * 300 + "</article></body></html>",
                      encoding="utf-8")
    _refused(real_data, source, "ru", *GIVEN, expect="the HTML is nested deeper than its parser reads")


def test_a_docx_that_unpacks_to_gigabytes_is_refused(real_data, tmp_path):
    import zipfile

    source = tmp_path / "bomb.docx"
    with zipfile.ZipFile(source, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/padding.bin", b"\0" * (80 * 1024 * 1024))
    _refused(real_data, source, "ru", *GIVEN, expect="a DOCX document of 83,886,")


# ---------------------------------------------------------------- growth (F8)

def _points(count: int) -> bytes:
    return ("Статья 1\n" + "".join(f"{n}. Текст пункта {n} (тест).\n" for n in range(1, count + 1))).encode("utf-8")


def _cpu(raw: bytes) -> float:
    from atazan.importers.text import account, shapes

    start = time.process_time()
    reading = shapes.read([("t.txt", raw)], "ru")
    record = reading.builder.result("adopted", "ru")
    account.check(reading.pieces.items, reading.builder.ledger, record)
    return time.process_time() - start


def test_points_per_article_grow_linearly_not_quadratically():
    # F8: 6,000 -> 24,000 points took x8.9 the CPU time (a scan of the points for every new one).
    # Linear is x4; x16 would be quadratic. Numbers have at most 4 digits, so 2,000 -> 8,000 here.
    # The best of three runs on a shared machine.
    small, large = _points(2_000), _points(8_000)
    ratio = min(_cpu(large) for _ in range(3)) / min(_cpu(small) for _ in range(3))
    assert ratio < 7, f"x{ratio:.1f} for x4 the points"


# ---------------------------------------------------------------- where and how it writes (F6, F11)

def _imported(real_data) -> Path:
    code, _, err = import_text(real_data, SHAPES / "zan-nodes.ru.json", "adopted", "ru")
    assert code == 0, err
    return real_data / "texts" / "adopted" / "ru.yml"


def test_a_read_only_folder_gives_one_line_and_keeps_the_old_file(real_data, monkeypatch):
    import errno

    from atazan import fsutil

    target = _imported(real_data)
    before = tree_hashes(real_data)

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(fsutil.tempfile, "mkstemp", read_only)
    err = _refused(real_data, SHAPES / "copied.ru.txt", "ru", *GIVEN,
                   expect="cannot write data/texts/adopted/ru.yml: Read-only file system; the old file is unchanged")
    assert tree_hashes(real_data) == before and target.exists()


def test_a_full_disk_gives_one_line_keeps_the_old_file_and_leaves_no_temporary_file(real_data, monkeypatch):
    import errno

    from atazan import fsutil

    _imported(real_data)
    before = tree_hashes(real_data)

    def full(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fsutil.os, "fsync", full)
    _refused(real_data, SHAPES / "copied.ru.txt", "ru", *GIVEN,
             expect="cannot write data/texts/adopted/ru.yml: No space left on device; the old file is unchanged")
    assert tree_hashes(real_data) == before  # no temporary file left beside it either


def test_the_written_file_respects_the_umask_and_keeps_its_mode(real_data):
    old = os.umask(0o022)
    try:
        target = _imported(real_data)
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o664)
        code, _, err = import_text(real_data, SHAPES / "copied.ru.txt", "adopted", "ru", *GIVEN)
        assert code == 0, err
        assert stat.S_IMODE(target.stat().st_mode) == 0o664
    finally:
        os.umask(old)


def test_a_linked_texts_folder_is_refused_and_nothing_is_written_outside(real_data, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (real_data / "texts").symlink_to(elsewhere)
    _refused(real_data, SHAPES / "zan-nodes.ru.json", "ru", expect="data/texts is a symbolic link")
    assert list(elsewhere.iterdir()) == []


def test_a_linked_version_folder_or_text_file_is_refused(real_data, tmp_path):
    outside = tmp_path / "outside.yml"
    outside.write_text("# not ours\n", encoding="utf-8")
    folder = real_data / "texts" / "adopted"
    folder.mkdir(parents=True)
    (folder / "ru.yml").symlink_to(outside)
    _refused(real_data, SHAPES / "zan-nodes.ru.json", "ru", expect="data/texts/adopted/ru.yml is a symbolic link")
    assert outside.read_text(encoding="utf-8") == "# not ours\n"
    (folder / "ru.yml").unlink()
    folder.rmdir()
    (real_data / "texts" / "adopted").symlink_to(tmp_path)
    _refused(real_data, SHAPES / "zan-nodes.ru.json", "ru", expect="data/texts/adopted is a symbolic link")


def test_nothing_outside_data_texts_is_written(real_data):
    project = real_data.parent
    before = {p: h for p, h in tree_hashes(project).items() if not p.startswith("data/texts/")}
    for source, lang, flags in ((SHAPES / "zan-nodes.kk.json", "kk", []), (SHAPES / "copied.ru.txt", "ru", GIVEN),
                                (SHAPES / "adilet-page.ru.html", "ru", ["--date", "2026-03-18"])):
        code, _, err = import_text(real_data, source, "adopted", lang, *flags)
        assert code == 0, err
    after = {p: h for p, h in tree_hashes(project).items() if not p.startswith("data/texts/")}
    assert after == before
    assert sorted(p for p in tree_hashes(project) if p.startswith("data/texts/")) == \
        ["data/texts/adopted/kk.yml", "data/texts/adopted/ru.yml"]
