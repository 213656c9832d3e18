"""`atazan serve`: a live preview that shows a data edit within seconds.

`mkdocs serve` rebuilds all three languages on every edit (mkdocs-static-i18n builds them one after
another). `atazan serve --lang ru` runs the same server with ATAZAN_LANGUAGES=ru, and the hook
(hooks/atazan_hook.py) has mkdocs-static-i18n build only Russian and renders only Russian generated
pages (the other languages' stay as they are). Rebuilds are MkDocs' "dirty" ones: only pages whose
Markdown changed are rendered again, so an edit of one glossary term re-renders the dozen pages
that use it, not all of them; the search index stays the one of the first build. Restart it for a
clean build. Without --lang it is `mkdocs serve`: all languages, every page, every time.
"""

from __future__ import annotations

import os

from atazan import ONLY_LANGUAGES_ENV


def run(config_file: str, lang: str | None, dev_addr: str | None, open_browser: bool = False) -> int:
    from mkdocs.__main__ import cli

    if lang:
        os.environ[ONLY_LANGUAGES_ENV] = lang
    else:
        os.environ.pop(ONLY_LANGUAGES_ENV, None)
    args = ["serve", "--config-file", config_file] + (["--dirty"] if lang else [])
    if dev_addr:
        args += ["--dev-addr", dev_addr]
    if open_browser:
        args.append("--open")
    try:
        cli.main(args=args, prog_name="atazan serve")
    except SystemExit as stop:  # click ends every command this way; Ctrl+C ends the server cleanly
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    return 0

