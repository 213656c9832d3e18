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


def unsafe_links(folder: str, root: str, refused: tuple[str, ...] = (".git",)) -> list[tuple[str, str, str]]:
    """(link, what it names, why) for every symbolic link under `folder` (the folder itself
    included) that MkDocs must not follow: one that resolves outside `root`, into one of root's
    `refused` folders or nowhere, and one to a folder (MkDocs walks linked folders: a link to an
    ancestor is a loop it walks until paths grow too long, a link to the root publishes all of it).
    MkDocs copies what a link in docs/ points at into the site: /proc/self/environ would publish
    the build's environment."""
    real_root = os.path.realpath(root)
    barred = [os.path.join(real_root, name) for name in refused]

    def why(path: str) -> str | None:
        real = os.path.realpath(path)
        if not os.path.exists(real) or os.path.commonpath([real, real_root]) != real_root:
            return "outside the repository"
        if any(os.path.commonpath([real, other]) == other for other in barred):
            return "into the repository's " + " or ".join(refused)
        if os.path.isdir(real):
            return "a folder MkDocs would walk (a loop, or the whole of it)"
        return None

    found = []
    if os.path.islink(folder) and why(folder):
        return [(folder, os.readlink(folder), why(folder) or "")]
    for dirpath, dirnames, filenames in os.walk(folder):  # links to folders are not followed
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            reason = why(path) if os.path.islink(path) else None
            if reason:
                found.append((path, os.readlink(path), reason))
    return sorted(found)


class NotRegularFile(OSError):
    """A path to read that is a FIFO, a device, a folder, or larger than the reader takes."""


def read_regular(path: str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. A FIFO would block open() until some
    writer came, /dev/zero never ends: each is refused (NotRegularFile) before a byte is read."""
    import stat

    # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            kind = ("a folder" if stat.S_ISDIR(info.st_mode) else "a named pipe" if stat.S_ISFIFO(info.st_mode)
                    else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "not a plain file")
            raise NotRegularFile(errno.EINVAL, f"{kind}, not a regular file", path)
        if info.st_size > limit:
            raise NotRegularFile(errno.EFBIG, f"file too large ({info.st_size:,} bytes; at most {limit:,})", path)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:  # a file that grew while it was read (/proc files report size 0)
            raise NotRegularFile(errno.EFBIG, f"file too large (over {limit:,} bytes)", path)
        return data
    finally:
        os.close(descriptor)


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
