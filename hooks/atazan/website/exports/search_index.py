"""One search index per language, so a reader downloads only the pages of their language.

Material's search plugin writes `search/search_index.json` in each language's build
(mkdocs-static-i18n 1.3.1 builds kk, ru, en in turn; its `reconfigure_search`, which merges and
de-duplicates them, is off in mkdocs.yml because that pass is quadratic). Within one language's
build, right after the search plugin, the file holds only that language:
`write_language_index` copies it to `search/search_index.<lang>.json` (and, for the offline copy,
`search_index.<lang>.js`, the `var __index = …` script Material loads from file://).
overrides/partials/atazan/head-i18n.html points Material at the reader's file.

Why it is smaller than a third of the combined file: Material writes JSON with ASCII escapes, six
bytes per Cyrillic letter; this writes UTF-8 (two bytes). The figures: `python -m atazan.website.exports.search_index SITE`.

No MkDocs import: adapter/outputs.py calls this from the hook's on_post_build.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys

from atazan import LANGUAGES
from atazan.website.routes import URL_PREFIX
from atazan.fsutil import write_atomic

COMBINED = "search_index.json"


class SearchIndexError(Exception):
    """The search index cannot be split; the message is one line naming the file."""


def language_of(location: str, languages=LANGUAGES) -> str:
    """The language of a page by its site-relative URL (the longest matching prefix wins)."""
    return max((lang for lang in languages if location.startswith(URL_PREFIX[lang])), key=lambda lang: len(URL_PREFIX[lang]))


def index_name(lang: str, script: bool = False) -> str:
    return f"search_index.{lang}.{'js' if script else 'json'}"


def _read(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise SearchIndexError(f"{path}: missing (is Material's search plugin enabled?)") from None
    except json.JSONDecodeError as error:
        raise SearchIndexError(f"{path}:{error.lineno}: not valid JSON: {error.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("docs"), list) or "config" not in data:
        raise SearchIndexError(f"{path}: docs: expected Material's {{config, docs}} search index")
    return data


def encode(index: dict) -> bytes:
    # UTF-8, not \\u escapes: a Cyrillic letter costs 2 bytes instead of 6 (about 30% less gzipped).
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_language_index(site_dir: str, lang: str, script: bool = False) -> str:
    """Write search/search_index.<lang>.json from this language's build; returns its path.

    Keeps only the docs of `lang` (a safety net: the file should hold nothing else at this point)
    and refuses to write an index without a single page of the language.
    """
    folder = os.path.join(site_dir, "search")
    source = os.path.join(folder, COMBINED)
    data = _read(source)
    docs = [doc for doc in data["docs"] if language_of(str(doc.get("location", ""))) == lang]
    if not docs:
        raise SearchIndexError(f"{source}: docs: no page in language {lang!r} (was it written by this build?)")
    body = encode({"config": data["config"], "docs": docs})
    target = os.path.join(folder, index_name(lang))
    write_atomic(target, body, durable=False)
    if script:
        # What Material's offline plugin writes for the combined index, for this language.
        write_atomic(os.path.join(folder, index_name(lang, script=True)), b"var __index = " + body, durable=False)
    return target


def gzip_size(path: str) -> int:
    with open(path, "rb") as handle:
        return len(gzip.compress(handle.read(), compresslevel=9))


def measure(site_dir: str) -> dict[str, dict[str, int]]:
    """Bytes (raw and gzip -9) of the combined index and of each language's own index."""
    folder = os.path.join(site_dir, "search")
    sizes = {}
    for name in [COMBINED] + [index_name(lang) for lang in LANGUAGES]:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            sizes[name] = {"bytes": os.path.getsize(path), "gzip": gzip_size(path)}
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m atazan.website.exports.search_index",
        description="Sizes of the search index files of a built site (what each language downloads).")
    parser.add_argument("site", help="a built site folder (mkdocs build --site-dir SITE)")
    args = parser.parse_args(argv)
    sizes = measure(args.site)
    if COMBINED not in sizes:
        print(f"{os.path.join(args.site, 'search', COMBINED)}: missing", file=sys.stderr)
        return 1
    print(f"{'file':<26} {'bytes':>10} {'gzip -9':>10}")
    for name, size in sizes.items():
        print(f"{name:<26} {size['bytes']:>10} {size['gzip']:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
