"""Atomic file writes: every file the tools write goes through `write_atomic`.

A reader (a build, a contributor's editor, the next import) sees either the old file or the new
one, never half of one: the bytes go to a temporary file in the same folder (os.replace is atomic
only within one file system), are flushed to disk, and then replace the target in one step. If
anything fails, the temporary file is removed and the old file is left as it was.
"""

from __future__ import annotations

import errno
import os
import tempfile


class OutsideProject(OSError):
    """A path that resolves, through a symbolic link, outside the folder it must stay in. An
    OSError, so every place that reports a failed write in one line reports this one too."""

    def __init__(self, path: str, real: str):
        super().__init__(errno.EXDEV, f"a symbolic link leads to {real}, outside the project; replace the link with the real folder or file", path)
        self.real = real


def is_inside(path: str, root: str) -> bool:
    """Whether `path`, with every symbolic link on the way resolved, is `root` or inside it (a
    path that does not exist yet resolves through its existing parents)."""
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    return os.path.commonpath([real, real_root]) == real_root


def check_inside(path: str, root: str) -> None:
    """Raise OutsideProject unless `path` resolves inside `root`."""
    if not is_inside(path, root):
        raise OutsideProject(path, os.path.realpath(path))


def links_leaving(folder: str, root: str, refused: tuple[str, ...] = (".git",)) -> list[tuple[str, str]]:
    """(link, what it names) for every symbolic link under `folder` (the folder itself included)
    that resolves outside `root`, or into one of root's `refused` folders, or nowhere. MkDocs copies
    what a link in docs/ points at into the site: a link to /proc/self/environ would publish the
    build's environment."""
    real_root = os.path.realpath(root)
    barred = [os.path.join(real_root, name) for name in refused]
    found = []

    def bad(path: str) -> bool:
        real = os.path.realpath(path)
        if not os.path.exists(real) or os.path.commonpath([real, real_root]) != real_root:
            return True
        return any(os.path.commonpath([real, other]) == other for other in barred)

    if os.path.islink(folder) and bad(folder):
        return [(folder, os.readlink(folder))]
    for dirpath, dirnames, filenames in os.walk(folder):  # links to folders are not followed
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            if os.path.islink(path) and bad(path):
                found.append((path, os.readlink(path)))
    return sorted(found)


def write_atomic(path: str, content: str | bytes, encoding: str = "utf-8", durable: bool = True,
                 root: str | None = None) -> None:
    """Write `content` to `path` atomically; text is written as given (no newline translation).

    `durable=False` skips fsync: for build output that a rebuild makes again (generated pages, the
    site's feeds and indexes), where a power cut may lose the new file but a killed process cannot
    leave half of one; data records people edit are always synced. With `root`, a path whose
    folder resolves outside it (a linked data/texts, say) is refused with OutsideProject."""
    data = content.encode(encoding) if isinstance(content, str) else content
    folder = os.path.dirname(os.path.abspath(path))
    if root is not None:
        check_inside(folder, root)
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
