"""atazan.fsutil.write_atomic: a reader finds the old file or the new one, never part of one,
whether the write fails or the process is killed in the middle of it."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

from atazan import fsutil  # noqa: E402


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "record.yml"
    target.write_bytes(b"old\r\n")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "replace", fail)
    with pytest.raises(OSError):
        fsutil.write_atomic(str(target), "new")
    assert target.read_bytes() == b"old\r\n"
    assert os.listdir(tmp_path) == ["record.yml"]


def test_write_keeps_bytes_and_the_file_mode(tmp_path):
    target = tmp_path / "record.yml"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    fsutil.write_atomic(str(target), "\ufeffnew\r\nline\n")
    assert target.read_bytes() == "\ufeffnew\r\nline\n".encode("utf-8")
    assert os.stat(target).st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["record.yml"]


WRITER = """
import sys
sys.path.insert(0, sys.argv[1])
from atazan.fsutil import write_atomic
content = bytes(range(256)) * (64 * 1024 * 4)  # 64 MB: long enough to be killed in the middle
print("ready", flush=True)
while True:
    write_atomic(sys.argv[2], content, durable=False)
"""


@pytest.mark.slow  # timing: kills or scaling measured on the machine
def test_killed_in_the_middle_of_writes_the_file_is_old_or_new(tmp_path):
    target = tmp_path / "big.bin"
    old = b"old content\n"
    target.write_bytes(old)
    new_digest = hashlib.sha256(bytes(range(256)) * (64 * 1024 * 4)).hexdigest()
    rng = random.Random(5)
    seen = set()
    for _ in range(6):
        process = subprocess.Popen([sys.executable, "-c", WRITER, str(ROOT / "hooks"), str(target)],
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        data = target.read_bytes()
        state = "old" if data == old else "new" if hashlib.sha256(data).hexdigest() == new_digest else f"{len(data)} bytes"
        assert state in ("old", "new")
        seen.add(state)
        for leftover in tmp_path.glob(".big.bin.*.tmp"):  # what a kill leaves; the loader skips dot files
            leftover.unlink()
    assert os.listdir(tmp_path) == ["big.bin"]
