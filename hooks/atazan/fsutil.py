"""Atomic file writes: every file the tools write goes through `write_atomic`.

A reader (a build, a contributor's editor, the next import) sees either the old file or the new
one, never half of one: the bytes go to a temporary file in the same folder (os.replace is atomic
only within one file system), are flushed to disk, and then replace the target in one step. If
anything fails, the temporary file is removed and the old file is left as it was.
"""

from __future__ import annotations

import os
import tempfile


def write_atomic(path: str, content: str | bytes, encoding: str = "utf-8", durable: bool = True) -> None:
    """Write `content` to `path` atomically; text is written as given (no newline translation).

    `durable=False` skips fsync: for build output that a rebuild makes again (generated pages, the
    site's feeds and indexes), where a power cut may lose the new file but a killed process cannot
    leave half of one; data records people edit are always synced."""
    data = content.encode(encoding) if isinstance(content, str) else content
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        _keep_mode(path, temp)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _keep_mode(path: str, temp: str) -> None:
    # mkstemp creates the file 0600; a replaced file keeps its old mode, a new one gets the usual
    # mode for the user's umask, as open() would have given it.
    try:
        mode = os.stat(path).st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)
