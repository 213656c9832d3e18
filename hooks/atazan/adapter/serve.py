"""`mkdocs serve` / `atazan serve`: rebuild on edits of hand-written pages in docs/, not on our
own writes of generated ones; rebuild on edits of the theme (overrides/), and then render every
page again, also in the dirty rebuilds of `atazan serve --lang`."""

from __future__ import annotations

import hashlib
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from atazan.adapter.state import BuildState


def watch_hand_written_pages(server, config: MkDocsConfig, state: BuildState):
    watch_theme(server, config)
    # MkDocs rebuilds on any change in docs/, and our on_config writes generated pages there: every
    # edit of data/ would be built twice. Watch docs/ for the hand-written pages only. (This uses
    # the LiveReloadServer's rebuild flag, as its own watch() does; without it, leave MkDocs' watch.)
    docs = os.path.abspath(config.docs_dir)
    if not (hasattr(server, "_rebuild_cond") and hasattr(server, "_want_rebuild") and docs in getattr(server, "_watched_paths", {})):
        return server
    import watchdog.events

    def ours(path: str) -> bool:
        path = os.path.abspath(path)
        return os.path.basename(path).startswith(".") or path in state.generated_files

    def on_any_event(event):
        paths = [event.src_path] + ([event.dest_path] if getattr(event, "dest_path", "") else [])
        if event.is_directory or all(ours(os.fsdecode(path)) for path in paths):
            return
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    server.unwatch(docs)
    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = on_any_event  # type: ignore[method-assign]
    server.observer.schedule(handler, docs, recursive=True)
    return server


def watch_theme(server, config: MkDocsConfig) -> None:
    # MkDocs watches the theme only with `mkdocs serve --watch-theme`, and then Material's whole
    # package too. Ours is custom_dir (overrides/): main.html, the partials, the strings; the folders
    # under it that the build already watches (overrides/atazan/) are covered by this one watch.
    theme = config.theme.custom_dir
    if not theme:
        return
    theme = os.path.abspath(theme)
    config.watch[:] = [path for path in config.watch if not _inside(os.path.abspath(path), theme)]
    server.watch(theme)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder + os.sep)


class ThemeEdits:
    """Makes a dirty rebuild render every page again after a theme edit. A dirty build (`atazan serve
    --lang`) renders only pages whose Markdown is newer than their HTML, and an edit of main.html, a
    partial or strings.yml changes no Markdown: without this, the edit would show on no page."""

    def __init__(self) -> None:
        self.fingerprint: str | None = None

    def render_every_page_after_an_edit(self, files: Files, config: MkDocsConfig, dirty: bool) -> None:
        theme = config.theme.custom_dir
        if not theme:
            return
        current = _theme_fingerprint(os.path.abspath(theme))
        changed = self.fingerprint is not None and current != self.fingerprint
        self.fingerprint = current
        if not (dirty and changed):
            return
        for file in files.documentation_pages():
            if os.path.isfile(file.abs_dest_path):
                os.utime(file.abs_dest_path, ns=(0, 0))  # older than its Markdown: MkDocs renders it again


def _theme_fingerprint(theme: str) -> str:
    # Names, sizes and modification times, as the plan's fingerprint (state.fingerprint). The
    # generator's page templates are left out: an edit there changes generated Markdown, and so
    # re-renders exactly the pages it reaches.
    pages = os.path.join(theme, "atazan", "pages")
    digest = hashlib.sha1()
    for dirpath, dirnames, filenames in os.walk(theme):
        dirnames[:] = sorted(name for name in dirnames if os.path.join(dirpath, name) != pages)
        for name in sorted(filenames):
            try:
                stat = os.stat(os.path.join(dirpath, name))
            except OSError:
                continue
            digest.update(f"{dirpath}/{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()
