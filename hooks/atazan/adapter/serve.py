"""`mkdocs serve` / `atazan serve`: rebuild on edits of hand-written pages in docs/, not on our
own writes of generated ones."""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig

from atazan.adapter.state import BuildState


def watch_hand_written_pages(server, config: MkDocsConfig, state: BuildState):
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
