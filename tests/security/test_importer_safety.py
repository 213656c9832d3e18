"""import-news on hostile or awkward input: colliding ids, curated bytes, controls, bad addresses,
and a run killed with SIGKILL at random moments while it writes."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, atazan_process
from security.test_dedupe_scaling import synthetic_dump

sys.path.insert(0, str(ROOT / "hooks"))

from atazan.importers.news.importer import MARKER  # noqa: E402


@pytest.fixture
def data(tmp_path) -> Path:
    """data/ without news (and the fact-checks that cite news), valid as in the repository."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("news", "factchecks"))
    return target


def import_news(data: Path, *dumps: Path) -> subprocess.CompletedProcess:
    # In this process; the kill test below runs the real command, since it must be killed.
    return atazan_process("import-news", *map(str, dumps), "--data", str(data))


def validate(data: Path) -> subprocess.CompletedProcess:
    return atazan_process("validate", "--data", str(data))


REFORM = "The Constitution reform was discussed. The referendum on the new Constitution is planned."


def _dump(tmp_path: Path, name: str, stories: list[tuple[str, str, str]]) -> Path:
    """(title, dd.mm.yyyy, body) in the gov.kz inline layout."""
    path = tmp_path / name
    path.write_text("News\n" + "".join(f"{t} {d}\n{b}\n" for t, d, b in stories), encoding="utf-8")
    return path


TITLE = "Referendum on the Constitution of Kazakhstan set for March by decree of Tokayev"  # 7 slug words
# Bodies with no word in common, so the two stories are not taken for retellings of one event.
BODY_A = REFORM + " " + " ".join(f"alpha{n}" for n in range(40)) + "."
BODY_B = REFORM + " " + " ".join(f"bravo{n}" for n in range(40)) + "."


def test_two_stories_with_one_id_get_two_records(tmp_path, data):
    dump = _dump(tmp_path, "a.txt", [
        (TITLE + " of the President", "11.02.2026", BODY_A),
        (TITLE + " in Astana today", "11.02.2026", BODY_B),
    ])
    result = import_news(data, dump)
    assert result.returncode == 0, result.stderr
    files = sorted((data / "news").glob("*.yml"))
    assert len(files) == 2
    assert "2 new, 0 updated" in result.stdout
    titles = {yaml.safe_load(f.read_text(encoding="utf-8"))["machine"]["title"] for f in files}
    assert titles == {TITLE + " of the President", TITLE + " in Astana today"}
    assert "is another story's" in result.stderr  # the collision is reported, naming the item
    assert validate(data).returncode == 0


def test_a_new_story_never_takes_over_another_storys_record(tmp_path, data):
    first = _dump(tmp_path, "a.txt", [(TITLE + " in Astana today", "11.02.2026", BODY_B)])
    assert import_news(data, first).returncode == 0
    (record,) = (data / "news").glob("*.yml")
    curated = "curated:\n  relevant: true\n"
    record.write_text(record.read_text(encoding="utf-8").replace("curated: {}\n", curated), encoding="utf-8")
    # A later dump holds another story whose title slugs to the same id, and sorts first.
    second = _dump(tmp_path, "b.txt", [(TITLE + " of the President", "11.02.2026", BODY_A)])
    result = import_news(data, first, second)
    assert result.returncode == 0, result.stderr
    assert curated in record.read_text(encoding="utf-8")
    assert yaml.safe_load(record.read_text(encoding="utf-8"))["machine"]["title"] == TITLE + " in Astana today"
    assert len(list((data / "news").glob("*.yml"))) == 2


@pytest.mark.parametrize("bom, newline", [(b"\xef\xbb\xbf", b"\r\n"), (b"", b"\r\n"), (b"\xef\xbb\xbf", b"\n")])
def test_curated_bytes_are_kept_when_the_machine_block_is_rewritten(tmp_path, data, bom, newline):
    dump = _dump(tmp_path, "a.txt", [(TITLE, "11.02.2026", REFORM)])
    assert import_news(data, dump).returncode == 0
    (record,) = (data / "news").glob("*.yml")
    head, _, machine = record.read_bytes().partition(MARKER.encode() + b"\n")
    head = head.replace(b"curated: {}\n", b"curated:\n  relevant: true   # kept, with its spacing\n")
    curated = bom + head.replace(b"\n", newline) + MARKER.encode() + newline
    record.write_bytes(curated + machine.replace(b"Constitution", b"damaged").replace(b"\n", newline))
    result = import_news(data, dump)
    assert "0 new, 1 updated" in result.stdout, result.stderr
    after = record.read_bytes()
    assert after.startswith(curated)  # byte for byte: the BOM, the line ends, the comment
    assert (b"\r\n" in after[len(curated):]) == (newline == b"\r\n")
    assert validate(data).returncode == 0


def test_controls_and_bidi_overrides_are_removed_and_reported(tmp_path, data):
    dump = _dump(tmp_path, "a.txt", [("Referendum \u202eset\u202c for March\x07 on the Constitution", "11.02.2026",
                                      REFORM + " Bidi \u2066isolate\u2069 and a NUL\x00 here.")])
    result = import_news(data, dump)
    assert result.returncode == 0, result.stderr
    (record,) = (data / "news").glob("*.yml")
    text = record.read_text(encoding="utf-8")
    assert not any(c in text for c in "\u202e\u202c\u2066\u2069\x07\x00")
    assert "Referendum set for March on the Constitution" in text
    assert "a.txt:2: removed control characters U+0000, U+0007, U+202C, U+202E, U+2066, U+2069" in result.stderr
    assert validate(data).returncode == 0


def test_non_characters_are_removed_too_so_validate_accepts_what_import_wrote(tmp_path, data):
    # The loader refuses U+FFFE (textrules.FORBIDDEN): the importer must not write it.
    dump = _dump(tmp_path, "a.txt", [("Referendum \ufffeset for March on the Constitution \U0001fffe", "11.02.2026", REFORM)])
    result = import_news(data, dump)
    assert result.returncode == 0, result.stderr
    (record,) = (data / "news").glob("*.yml")
    assert "\ufffe" not in record.read_text(encoding="utf-8") and "\U0001fffe" not in record.read_text(encoding="utf-8")
    assert "a.txt:2: removed control characters U+1FFFE, U+FFFE" in result.stderr
    assert validate(data).returncode == 0


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_dump_that_is_no_plain_file_is_one_line_at_once(tmp_path, data, kind):
    path = {"fifo": tmp_path / "dump.txt", "device": Path("/dev/zero"), "folder": tmp_path}[kind]
    if kind == "fifo":
        os.mkfifo(path)
    started = time.monotonic()
    result = import_news(data, path)  # blocked (FIFO) or read until memory ran out (/dev/zero) before
    assert time.monotonic() - started < 20
    assert result.returncode == 1 and "Traceback" not in result.stderr
    what = {"fifo": "a named pipe", "device": "a device", "folder": "a folder"}[kind]
    assert result.stderr.splitlines() == [f"atazan import-news: {path}: cannot read: {what}, not a regular file"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://e.example/a>b<script>", "https://e.example/\"onx=1"])
def test_a_source_address_that_is_not_a_web_address_is_left_out(tmp_path, data, url):
    dump = _dump(tmp_path, "a.txt", [(TITLE, "11.02.2026", REFORM + f" Source : {url}")])
    result = import_news(data, dump)
    assert result.returncode == 0, result.stderr
    (record,) = (data / "news").glob("*.yml")
    if url.startswith("https"):  # parse.py takes it as the source address, and the importer drops it
        assert "is not a web address; left out" in result.stderr
    assert "url:" not in record.read_text(encoding="utf-8")
    assert validate(data).returncode == 0


@pytest.mark.slow  # timing: kills or scaling measured on the machine
def test_killed_at_random_moments_every_record_parses_and_curated_text_is_intact(tmp_path, data):
    dump = tmp_path / "dump.txt"
    dump.write_text(synthetic_dump(100), encoding="utf-8")
    assert import_news(data, dump).returncode == 0
    records = sorted((data / "news").glob("*.yml"))
    assert len(records) == 100
    curated = {}
    for n, path in enumerate(records):
        text = path.read_text(encoding="utf-8").replace("curated: {}\n", f"curated:\n  relevant: true  # person {n}\n")
        curated[path] = text.partition(MARKER)[0]
        path.write_text(text, encoding="utf-8")
    rng = random.Random(11)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"))
    command = [sys.executable, "-m", "atazan", "import-news", str(dump), "--data", str(data)]

    def damage_every_machine_block():  # so that a run rewrites every record
        for path in records:
            path.write_text(path.read_text(encoding="utf-8").replace("relevant: true\n    reason", "relevant: false\n    reason"),
                            encoding="utf-8")

    # How long the writing of every record lasts in a run that rewrites them all (their modification
    # times). Each kill then waits for the writing to begin (a temporary file changes the folder's
    # modification time; a write in place, the first record's) and lands at a random moment of that span.
    damage_every_machine_block()
    started = time.time()
    subprocess.run(command, env=env, capture_output=True, check=True, timeout=120)
    written = sorted(p.stat().st_mtime - started for p in records)
    span = max(written[-1] - written[0], 0.01)
    folder = data / "news"
    first = min(records, key=lambda p: p.stat().st_mtime_ns)  # the record written first
    killed_while_writing = rounds = 0
    # Two kills in the middle of the writes at least; each round is a run of the importer.
    while (rounds < 4 or killed_while_writing < 2) and rounds < 30:
        rounds += 1
        damage_every_machine_block()
        before = {p: p.read_bytes() for p in records}
        untouched = (folder.stat().st_mtime_ns, first.stat().st_mtime_ns)
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while process.poll() is None and (folder.stat().st_mtime_ns, first.stat().st_mtime_ns) == untouched:
            time.sleep(0.001)
        time.sleep(span * rng.uniform(0.0, 0.9))
        process.send_signal(signal.SIGKILL)
        process.wait()
        changed = sum(p.read_bytes() != before[p] for p in records)
        killed_while_writing += 0 < changed < len(records)
        assert sorted((data / "news").glob("*.yml")) == records  # no record lost, none added
        for path in records:
            text = path.read_text(encoding="utf-8")
            assert text.startswith(curated[path]), path.name
            yaml.safe_load(text)  # every record parses: old or new, never half of one
        result = validate(data)
        assert result.returncode == 0, result.stderr
    assert killed_while_writing >= 2, f"fewer than two kills of {rounds} landed while records were being written (writing lasts {span:.2f} s)"
