"""One search index per language, in two parts, and the worker that reads them.

Material's search plugin writes `search/search_index.json` in each language's build
(mkdocs-static-i18n 1.3.1 builds kk, ru, en in turn; its `reconfigure_search`, which merges and
de-duplicates them, is off in mkdocs.yml because that pass is quadratic). Within one language's
build, right after the search plugin, the file holds only that language. `write_language_index`
writes, from it:

- `search/search_index.<lang>.json`: the language's whole index (what the bench measures, and the
  worker's fallback); with the offline plugin also `search_index.<lang>.js`, the `var __index = …`
  script Material loads from file://;
- `search_index.<lang>.titles.json` and `search_index.<lang>.texts.json` (not in the offline copy,
  which reads the .js from disk in one piece): the same documents in two parts (`split`). A
  reader's first query is answered from the titles (about a seventh of the bytes) while the texts
  load, so the first results come within the 2-second budget on a slow phone (issue 26);
- `assets/javascripts/workers/atazan-search.bundle.js`: our worker wrapper, Material's search worker
  and lunr's stemmers in one file, so that search starts with one request instead of five.

overrides/assets/javascripts/atazan-search-loader.js points Material at these files when the reader
reaches for search. Why it is smaller than a third of the combined file: Material writes JSON with
ASCII escapes, six bytes per Cyrillic letter; this writes UTF-8 (two bytes). The figures:
`python -m atazan.website.exports.search_index SITE`.

No MkDocs import: adapter/outputs.py calls this from the hook's on_post_build.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import hashlib
import json
import os
import re
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


def index_name(lang: str, script: bool = False, part: str | None = None) -> str:
    """search_index.<lang>.json (.js for file://), or one part of it: <lang>.titles.json, <lang>.texts.json."""
    if part:
        return f"search_index.{lang}.{part}.json"
    return f"search_index.{lang}.{'js' if script else 'json'}"


TITLES, TEXTS = "titles", "texts"
WORKERS = os.path.join("assets", "javascripts", "workers")
WRAPPER = "atazan-search.js"
BUNDLE = "atazan-search.bundle.js"


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
    """Write this language's index files (see the module's docstring) and the worker bundle from
    this language's build; returns the path of the whole index.

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
        # What Material's offline plugin writes for the combined index, for this language. The offline
        # copy reads it from disk in one piece: no titles and texts.
        write_atomic(os.path.join(folder, index_name(lang, script=True)), b"var __index = " + body, durable=False)
    else:
        for name, part in split(data["config"], docs, lang).items():
            write_atomic(os.path.join(folder, index_name(lang, part=name)), encode(part), durable=False)
    write_worker_bundle(site_dir, data["config"])
    return target


# A heading more than this many sections share ("Summary" on every news page, "What it says" on
# every provision page) tells a search of titles nothing about one page.
SHARED_HEADING = 3


def split(config: dict, docs: list[dict], lang: str) -> dict[str, dict]:
    """The index in two parts that a first query and the rest of the session fetch.

    - titles: Material's format, without the texts, for every page and for the sections whose
      heading says something of their own (not the page's title again, not a heading many pages
      share): what a first query searches while the rest loads;
    - texts: `docs`, the texts of those documents in the same order (`{"text": …}`), then every
      other document whole.

    The whole index is the titles' documents with their texts, then the others; every page comes
    before its sections, as Material's document map needs. The key (a hash of the whole index) is
    in both parts, so the worker never pairs titles with texts of another build (a cache holding
    one file of each); on a mismatch it loads the whole index instead."""
    page_titles = {doc["location"]: doc.get("title") for doc in docs if "#" not in doc["location"]}
    shared: dict[str, int] = {}
    for doc in docs:
        if "#" in doc["location"]:
            shared[doc.get("title", "")] = shared.get(doc.get("title", ""), 0) + 1

    def first(doc: dict) -> bool:
        page, anchored, _ = doc["location"].partition("#")
        return not anchored or (doc.get("title") != page_titles.get(page) and shared[doc.get("title", "")] <= SHARED_HEADING)

    head = [doc for doc in docs if first(doc)]
    rest = [doc for doc in docs if not first(doc)]
    key = hashlib.sha1(encode({"config": config, "docs": docs})).hexdigest()[:16]
    titles = [{name: value for name, value in doc.items() if name != "text"} for doc in head]
    parts = {"texts": index_name(lang, part=TEXTS), "full": index_name(lang), "key": key}
    return {TITLES: {"config": {**config, "atazan": parts}, "docs": titles},
            TEXTS: {"key": key, "docs": [{"text": str(doc.get("text", ""))} for doc in head] + rest}}


def _lunr_files(config: dict) -> list[str]:
    """The stemmer files Material's worker imports at SETUP for these search languages (its
    setupSearchLanguages, Material 9.8.1), in its order."""
    langs = [str(lang) for lang in config.get("lang") or []]
    names = []
    for lang in langs:
        if lang == "ja":
            names.append("tinyseg.js")
        elif lang in ("hi", "th"):
            names.append("wordcut.js")
        if lang != "en":
            names.append(f"min/lunr.{lang}.min.js")
    if len(langs) > 1:
        names.append("min/lunr.multi.min.js")
    return ["min/lunr.stemmer.support.min.js"] + names if names else []


_SOURCE_MAP = re.compile(rb"^//# sourceMappingURL=.*$", re.M)


def write_worker_bundle(site_dir: str, config: dict) -> str:
    """assets/javascripts/workers/atazan-search.bundle.js: our wrapper, then Material's worker, then
    lunr's stemmers, each in its own function scope (Material's "use strict" stays its own; the
    stemmers see the worker's global as `this`, as when imported). `self.atazanBundled` names the
    stemmers, so the wrapper skips them when Material imports them at SETUP."""
    workers = os.path.join(site_dir, WORKERS)
    material = [path for path in glob.glob(os.path.join(workers, "search.*.min.js"))]
    if len(material) != 1:
        raise SearchIndexError(f"{workers}: expected one Material search worker (search.*.min.js), found {len(material)}")
    lunr = os.path.join(site_dir, "assets", "javascripts", "lunr")
    parts = [os.path.join(workers, WRAPPER), material[0]] + [os.path.join(lunr, *name.split("/")) for name in _lunr_files(config)]
    chunks = []
    for path in parts:
        try:
            with open(path, "rb") as handle:
                code = _SOURCE_MAP.sub(b"", handle.read())
        except FileNotFoundError:
            raise SearchIndexError(f"{path}: missing (the search worker bundle needs it)") from None
        chunks.append(b"(function () {\n" + code + b"\n}).call(self);\n")
    names = json.dumps([os.path.basename(path) for path in parts[2:]]).encode()
    header = (b"/* Written by hooks/atazan/website/exports/search_index.py from " + os.path.basename(parts[0]).encode() + b", "
              + b", ".join(os.path.basename(path).encode() for path in parts[1:]) + b" (see their licences): do not edit. */\n"
              + b"self.atazanBundled = " + names + b";\n")
    target = os.path.join(workers, BUNDLE)
    write_atomic(target, header + b"".join(chunks), durable=False)
    return target


def gzip_size(path: str) -> int:
    with open(path, "rb") as handle:
        return len(gzip.compress(handle.read(), compresslevel=9))


def measure(site_dir: str) -> dict[str, dict[str, int]]:
    """Bytes (raw and gzip -9) of the combined index and of each language's own index."""
    folder = os.path.join(site_dir, "search")
    sizes = {}
    names = [COMBINED] + [index_name(lang, part=part) for lang in LANGUAGES for part in (None, TITLES, TEXTS)]
    for name in names:
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
