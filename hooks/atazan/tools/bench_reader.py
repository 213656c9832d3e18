"""`atazan bench --reader`: what a reader on a slow phone gets, measured in Debian chromium.

The figures the review of 7 December 2026 asked for (../shared/reviews/perf-2026-12-07.md, §2), each
beside its budget (issue 26):

- **first load** of a home, article, theme, news-index and provision page per language: every
  request the page makes until the network is quiet (search files included, whoever starts them:
  the page, Material's bundle or a Web Worker), counted by the server in gzipped bytes; requests
  to any other host are aborted and counted as third-party;
- **the search index** per language: the bytes a reader's first query fetches (index, worker and
  stemmers), and the whole index in gzipped bytes;
- **time to the first search result** on a slow phone (CDP: 400 ms latency, 50,000 B/s down and up,
  CPU 4x slower), from the keystroke to the first result on the screen, for queries whose right page
  must be in the top 3.

The site is served by `GzipServer`, which compresses like GitHub Pages (gzip level 6) and sends
`Cache-Control: no-store`; every page opens in a fresh browser context. The "full-scale" project is
the bench's 5x synthetic records plus the 96-article test constitution (TEST DATA, invented
wording) in 3 versions x 3 languages, matched: `reader_project`. Command-line only.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import mimetypes
import os
import posixpath
import statistics
import threading
import time
from typing import Any
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

from atazan import DEFAULT_LANGUAGE, LANGUAGES
from atazan.tools import benchbuild
from atazan.tools.bench_text import REHEARSAL, import_rehearsal

# Budgets (issue 26).
FIRST_LOAD_BYTES = 80 * 1024
INDEX_BYTES = 100 * 1024
FIRST_QUERY_BYTES = 60 * 1024
FIRST_RESULT_S = 2.0

# The slow phone of the review: CDP Network.emulateNetworkConditions and Emulation.setCPUThrottlingRate.
SLOW_PHONE = {"latency_ms": 400, "bytes_per_s": 50_000, "cpu_slowdown": 4}

# (language, query as typed, the page that must be among the first three results).
QUERIES = (
    ("kk", "тұрғын үй", "themes/housing/"),
    ("ru", "собственность", "ru/themes/ownership/"),
    ("en", "housing", "en/themes/housing/"),
    ("kk", "5", "articles/5/"),
    ("ru", "5", "ru/articles/5/"),
    ("en", "5", "en/articles/5/"),
)

# Files a reader's browser fetches for search only (never needed to read a page).
SEARCH_PATHS = ("/search/", "/assets/javascripts/workers/", "/assets/javascripts/lunr/")


# ---------------------------------------------------------------- the full-scale project

CHANGES_FIXTURES = ("tests", "changes", "fixtures")
VERSIONS = ("constitution_1995", "first_draft", "adopted")
# English test wording for the same three versions (tests/changes/fixtures has kk and ru): the
# fixture generator's own structure (numbers shifting, articles reworded), English words.
_EN_WORDS = ("state citizen law court right duty land property council election term office budget language "
             "family health education labour freedom security order power people region referendum parliament "
             "president government judge prosecutor audit treaty border").split()
_EN_LABELS = {"title": "TEST CONSTITUTION, {v} (INVENTED TEXT)", "section": "Section {r}",
              "section_title": "Test section {n}", "article": "Article {n}", "new": "new", "more": "moreover"}


def _fixture_generator(root: str) -> Any:
    path = os.path.join(root, *CHANGES_FIXTURES, "make_fixtures.py")
    spec = importlib.util.spec_from_file_location("atazan_bench_changes_fixtures", path)
    if spec is None or spec.loader is None:
        raise benchbuild.BenchError(f"{path}: cannot be loaded (the test constitution's generator)")
    module: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.WORDS = {**module.WORDS, "en": _EN_WORDS}
    module.LABELS = {**module.LABELS, "en": _EN_LABELS}
    return module




def default_text(root: str) -> str:
    """The rehearsal (tests/rehearsal: a constitution of the real size and shapes, TEST DATA) where
    the checkout has it, else the 96-article changes fixtures."""
    return "rehearsal" if os.path.isfile(os.path.join(root, *REHEARSAL, "make_rehearsal.py")) else "fixture"


def reader_project(root: str, target: str, scale: float = 5, log=print, text: str | None = None,
                   texts_from: str | None = None) -> dict:
    """The project at `target`: `root`'s data with the bench's synthetic records at `scale`, and a
    test constitution (TEST DATA) imported and matched: `text` "rehearsal" (tests/rehearsal, as
    tests/conftest.py's rehearsal_project imports, matches and curates it: 3 versions, adopted in
    kk, ru, en) or "fixture" (tests/changes/fixtures' 96 articles, 3 versions x kk, ru and the same
    recipe in English words). The test data comes from `texts_from` (default: `root`), so that a
    baseline checkout gets the very same texts."""
    texts_from = texts_from or root
    text = text or default_text(texts_from)
    counts = benchbuild.make_project(root, target, scale)
    data = os.path.join(target, "data")
    versions = import_rehearsal(texts_from, data) if text == "rehearsal" else _import_fixture(texts_from, target, data)
    log(f"  reader: project at {scale:g}x: {counts['provisions']} provisions, {counts['themes']} themes, "
        f"{counts['news']} news; the {text} constitution: {', '.join(versions)}")
    return {**counts, "scale": scale, "text": text, "versions": len({v.split()[0] for v in versions}), "imports": versions}


def _import_fixture(root: str, target: str, data: str) -> list[str]:
    import yaml

    from atazan.dataset import correspondence
    from atazan.dataset.validate import load_dataset
    from atazan.fsutil import write_atomic
    from atazan.importers.text import importer

    fixtures = _fixture_generator(root)
    work = os.path.join(target, "bench-texts")
    os.makedirs(work, exist_ok=True)
    imported = []
    for lang in LANGUAGES:
        texts = fixtures.versions(lang)
        for version in VERSIONS:
            path = os.path.join(work, f"{version}.{lang}.txt")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(fixtures.plain_text(lang, version, texts[version]))
            official = lang != "en"
            importer.run(path, version, lang, data, importer.Provenance(
                publisher="Test publisher (test data)", title=f"Test {version} ({lang})", date="2026-01-01",
                url=f"https://example.org/{version}/{lang}", official=official,
                translator=None if official else "Test translator (test data)"))
            imported.append(f"{version} {lang}")
    dataset = load_dataset(data, target, check_correspondence=False)
    table = correspondence.propose(correspondence.matching_texts(dataset.texts), "adopted")
    write_atomic(os.path.join(data, correspondence.FILE),
                 yaml.safe_dump(correspondence.to_data(table), allow_unicode=True, sort_keys=False))
    return imported


# ---------------------------------------------------------------- serving like GitHub Pages

_COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _Handler(SimpleHTTPRequestHandler):
    server: "GzipServer"

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = unquote(urlsplit(self.path).path)
        local = os.path.join(self.server.root, *[p for p in posixpath.normpath(path).split("/") if p not in ("", "..")])
        if os.path.isdir(local):
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                self.server.record(path, 0)
                return
            local = os.path.join(local, "index.html")
        if not os.path.isfile(local):
            local, status = os.path.join(self.server.root, "404.html"), 404
        else:
            status = 200
        with open(local, "rb") as handle:
            body = handle.read()
        kind = mimetypes.guess_type(local)[0] or "application/octet-stream"
        zipped = kind.startswith(_COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") or kind.endswith("json") else ""))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)
        self.server.record(path, len(body))


class GzipServer(ThreadingHTTPServer):
    """A built site on 127.0.0.1 that records every request: (path, gzipped body bytes)."""

    daemon_threads = True

    def __init__(self, root: str):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root
        self.requests: list[tuple[str, int]] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def record(self, path: str, size: int) -> None:
        with self._lock:
            self.requests.append((path, size))

    def take(self) -> list[tuple[str, int]]:
        with self._lock:
            taken, self.requests = self.requests, []
        return taken

    def __enter__(self) -> "GzipServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


# ---------------------------------------------------------------- the browser

# Where a page's kind lives: the first of these paths that the site has, per language.
PAGE_KINDS = (
    ("home", ("",)),
    ("article", ("articles/5/", "articles/1/")),
    ("theme", ("themes/housing/",)),
    ("news index", ("news/",)),
    ("provision", ("provisions/housing-eviction/",)),
)


def sample_pages(site: str) -> list[tuple[str, str, str]]:
    """(language, kind, site-relative URL) of each page kind the site has, in every language."""
    out: list[tuple[str, str, str]] = []
    for lang in LANGUAGES:
        prefix = "" if lang == DEFAULT_LANGUAGE else lang + "/"
        for kind, paths in PAGE_KINDS:
            for path in paths:
                if os.path.isfile(os.path.join(site, prefix + path, "index.html")):
                    out.append((lang, kind, prefix + path))
                    break
    return out


def _launch(playwright):
    return playwright.chromium.launch(executable_path=os.environ.get("ATAZAN_CHROMIUM", "/usr/bin/chromium"))


def _isolated_context(browser, server: GzipServer):
    """A fresh context (empty cache) in which every request to another host is aborted and kept."""
    context = browser.new_context()
    third_party: list[str] = []

    def route(r):
        if r.request.url.startswith(server.url) or r.request.url.startswith(("blob:", "data:")):
            r.continue_()
        else:
            third_party.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return context, third_party


def _quiet(server: GzipServer, page, quiet_s: float = 1.0, limit_s: float = 20.0) -> None:
    """Wait until the server has seen no new request for `quiet_s` (the page has stopped loading)."""
    seen, since, start = -1, time.monotonic(), time.monotonic()
    while time.monotonic() - start < limit_s:
        page.wait_for_timeout(200)
        count = len(server.requests)
        if count != seen:
            seen, since = count, time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return


def is_search_file(path: str) -> bool:
    return any(part in path for part in SEARCH_PATHS)


def first_load(browser, server: GzipServer, path: str) -> dict:
    """Every request the page makes until the network is quiet: count and gzipped bytes, the
    search files among them, and the requests to other hosts (aborted)."""
    context, third_party = _isolated_context(browser, server)
    page = context.new_page()
    server.take()
    page.goto(server.url + path, wait_until="load")
    _quiet(server, page)
    requests = server.take()
    context.close()
    search = [(p, size) for p, size in requests if is_search_file(p)]
    return {"requests": len(requests), "gz": sum(size for _, size in requests),
            "search_requests": len(search), "search_gz": sum(size for _, size in search),
            "files": [p for p, _ in requests], "third_party": third_party}


# Recorded in the page: when the query's key was released, when the search field got focus, and
# every rendering of the result list (time, the result links, whether a note still said "loading").
_WATCH = """() => {
  const w = window.__atazanBench = {focus: null, keyup: null, renders: []};
  const box = document.querySelector('input[data-md-component=search-query]');
  box.addEventListener('focus', () => { if (w.focus === null) w.focus = performance.now(); });
  box.addEventListener('keyup', () => { w.keyup = performance.now(); });
  const list = document.querySelector('.md-search-result__list');
  new MutationObserver(() => {
    const items = [...list.querySelectorAll(':scope > li')];
    if (!items.length) return;
    const note = document.querySelector('.atazan-search-note');
    w.renders.push({t: performance.now(), hrefs: items.slice(0, 10).map(li => li.querySelector('a').href),
                    partial: !!note});
  }).observe(list, {childList: true});
}"""

# The vendored iframe-worker shim (docs/assets/vendor/iframe-worker, what the offline copy uses):
# the search worker runs in an iframe on the page's thread, where CDP's CPU throttling reaches it.
# CDP cannot throttle a Web Worker ("Operation is only supported for pages, not workers").
SHIM = os.path.join("assets", "vendor", "iframe-worker", "shim.js")


def _slow_phone(context, page) -> None:
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": SLOW_PHONE["latency_ms"],
        "downloadThroughput": SLOW_PHONE["bytes_per_s"], "uploadThroughput": SLOW_PHONE["bytes_per_s"]})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_PHONE["cpu_slowdown"]})


# Every resource the page and its same-origin frames fetched (the iframe worker's included), with
# the epoch time its response ended and its body's bytes as sent (gzipped).
_RESOURCES = """() => {
  const out = [];
  const add = (win) => {
    for (const e of win.performance.getEntriesByType('resource'))
      out.push({name: e.name, end: win.performance.timeOrigin + e.responseEnd, gz: e.encodedBodySize});
    for (const frame of win.document.querySelectorAll('iframe')) {
      try { add(frame.contentWindow); } catch (error) { /* another origin */ }
    }
  };
  add(window);
  return {origin: performance.timeOrigin, resources: out};
}"""


def first_result(browser, server: GzipServer, lang: str, query: str, expected: str, slow: bool = True,
                 worker: str = "iframe", page_path: str | None = None) -> dict:
    """One cold search: open the language's home page (fresh context), focus the search field as
    soon as the page has loaded, type the query, release a key; then time the result list.

    Returns seconds from the keystroke (and from the focus) to the first rendered result, to the
    first rendering with `expected` among the first three, and to the last rendering (the whole
    index); whether the first rendering already had `expected` in its top 3; and the search bytes
    fetched before the first rendering (worker="iframe" only: a Web Worker's own requests are not
    in the page's resource timing)."""
    context, third_party = _isolated_context(browser, server)
    if worker == "iframe":
        # The shim finds its iframe's scope script beside its own <script src>: an init script has
        # none, so document.currentScript says where the site's copy is while the shim starts.
        with open(os.path.join(server.root, SHIM), encoding="utf-8") as handle:
            shim = handle.read()
        context.add_init_script(
            "(function () {\n"
            f"  Object.defineProperty(document, 'currentScript', {{configurable: true, get: () => ({{src: {json.dumps(server.url + SHIM.replace(os.sep, '/'))}}})}});\n"
            f"  try {{\n{shim}\n}} finally {{ delete document.currentScript; }}\n"
            "  window.Worker = window.IFrameWorker;\n"
            "})();")
    page = context.new_page()
    if slow:
        _slow_phone(context, page)
    prefix = "" if lang == DEFAULT_LANGUAGE else lang + "/"
    page.goto(server.url + (page_path if page_path is not None else prefix), wait_until="load", timeout=120_000)
    page.evaluate(_WATCH)
    server.take()
    # The reader taps the field and types at once: the query and its keyup come in one step (with
    # Playwright's fill and press, typing took 0.3-1.3 s of the throttled page's time).
    page.locator("input[data-md-component=search-query]").click()
    page.evaluate("""query => {
      const box = document.querySelector('input[data-md-component=search-query]');
      box.value = query;
      box.dispatchEvent(new Event('input', {bubbles: true}));
      box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
    }""", query)
    target = server.url + expected

    def right_page(hrefs: list[str]) -> bool:
        return any(h.split("?")[0] == target for h in hrefs[:3])

    # Until the right page is in the top 3, or the whole index has answered without it.
    found = f"""() => window.__atazanBench.renders.some(r => !r.partial ||
                       r.hrefs.slice(0, 3).some(h => h.split('?')[0] === {json.dumps(target)}))"""
    try:
        page.wait_for_function(found, timeout=60_000, polling=100)
        page.wait_for_function("() => window.__atazanBench.renders.some(r => !r.partial)", timeout=60_000, polling=100)
    except Exception:  # noqa: BLE001 (Playwright's TimeoutError: the row then says right_s or last_s None)
        pass
    _quiet(server, page, quiet_s=0.5, limit_s=10.0)
    watch = page.evaluate("() => window.__atazanBench")
    timing = page.evaluate(_RESOURCES)
    if worker == "iframe" and not page.evaluate("() => !!window.IFrameWorker && !!document.querySelector('iframe')"):
        context.close()
        raise benchbuild.BenchError(f"{lang} {query!r}: the search worker did not run in an iframe (assets/vendor/"
                                    "iframe-worker/shim.js changed?): the CPU slowdown would not reach it")
    server.take()
    context.close()
    renders, keyup, origin = watch["renders"], watch["keyup"], timing["origin"]

    def since(t, start):
        return None if t is None or start is None else round((t - start) / 1000, 3)

    def search_bytes(until):
        return sum(r["gz"] for r in timing["resources"]
                   if is_search_file(urlsplit(r["name"]).path) and (until is None or r["end"] <= origin + until))

    right = next((r for r in renders if right_page(r["hrefs"])), None)
    whole = next((r for r in renders if not r["partial"]), None)  # the answer of the whole index
    first = renders[0] if renders else None
    return {
        "lang": lang, "query": query, "expected": expected, "worker": worker, "slow": slow,
        "first_s": since(first and first["t"], keyup), "first_from_focus_s": since(first and first["t"], watch["focus"]),
        "right_s": since(right and right["t"], keyup), "last_s": since(whole and whole["t"], keyup),
        "first_top3_right": bool(first and right_page(first["hrefs"])), "first_partial": bool(first and first["partial"]),
        "top3": [h.split("?")[0].removeprefix(server.url) for h in (whole["hrefs"][:3] if whole else [])],
        "first_query_gz": search_bytes(first["t"]) if first and worker == "iframe" else None,
        "search_gz": search_bytes(None) if worker == "iframe" else None,
        "third_party": third_party,
    }


# ---------------------------------------------------------------- the run and the report

def index_weight(site: str) -> list[dict]:
    """Per language, gzipped (level 6, as served): the whole index, its titles and texts halves where
    the build splits it, and the worker files a first query needs besides."""
    folder = os.path.join(site, "search")
    workers = os.path.join(site, "assets", "javascripts", "workers")
    bundle = os.path.join(workers, "atazan-search.bundle.js")
    if os.path.isfile(bundle):
        worker_files = [bundle]
    else:  # before issue 26: our wrapper, Material's worker and lunr's stemmers, one request each
        lunr = os.path.join(site, "assets", "javascripts", "lunr", "min")
        worker_files = [os.path.join(workers, name) for name in sorted(os.listdir(workers))
                        if name.endswith(".js") and not name.endswith(".map")]
        worker_files += [os.path.join(lunr, f"lunr.{name}.min.js") for name in ("stemmer.support", "ru", "multi")]

    def size(path: str) -> int | None:
        if not os.path.isfile(path):
            return None
        with open(path, "rb") as handle:
            return benchbuild.gz(handle.read())

    worker_gz = sum(size(path) or 0 for path in worker_files)
    rows = []
    for lang in LANGUAGES:
        whole = size(os.path.join(folder, f"search_index.{lang}.json"))
        titles = size(os.path.join(folder, f"search_index.{lang}.titles.json"))
        texts = size(os.path.join(folder, f"search_index.{lang}.texts.json"))
        rows.append({"lang": lang, "whole_gz": whole, "titles_gz": titles, "texts_gz": texts, "worker_gz": worker_gz,
                     "worker_files": len(worker_files),
                     # What a first query needs by the files' roles; the browser's own count is in the search rows.
                     "first_query_gz": worker_gz + (titles if titles is not None else whole or 0)})
    return rows


def _median(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(statistics.median(known), 3) if known else None


def measure_site(label: str, site: str, browser, langs: list[str], log=print, loads: bool = True) -> dict:
    """First loads of every page kind (unless not `loads`) and the index weight of one built site
    (one run: bytes and requests do not vary)."""
    with GzipServer(site) as server:
        rows = []
        for lang, kind, path in sample_pages(site) if loads else ():
            if lang not in langs:
                continue
            row = {"lang": lang, "kind": kind, "page": path, **first_load(browser, server, path)}
            row["ok"] = row["gz"] <= FIRST_LOAD_BYTES and not row["third_party"]
            rows.append(row)
            log(f"  reader: {label}: first load {lang} {kind}: {row['requests']} requests, {row['gz']} B gz "
                f"({row['search_requests']} search files)")
    return {"label": label, "site": site, "first_load": rows, "index": [r for r in index_weight(site) if r["lang"] in langs]}


def search_rows(sites: dict[str, str], browser, langs: list[str], repeat: int, log=print) -> dict[str, list[dict]]:
    """Slow-phone searches, interleaved between the sites so the machine's load hits each alike."""
    runs: dict[str, dict[tuple[str, str], list[dict]]] = {label: {} for label in sites}
    servers = {label: GzipServer(site).__enter__() for label, site in sites.items()}
    try:
        for index in range(repeat):
            for lang, query, expected in QUERIES:
                # A site without the imported text has no article pages: that query is not asked there.
                if lang not in langs or not all(os.path.isfile(os.path.join(site, expected, "index.html")) for site in sites.values()):
                    continue
                for label, server in servers.items():
                    row = first_result(browser, server, lang, query, expected)
                    runs[label].setdefault((lang, query), []).append(row)
                    log(f"  reader: {label}: run {index + 1}/{repeat} {lang} {query!r}: first {row['first_s']} s, "
                        f"right page {row['right_s']} s, whole index {row['last_s']} s")
    finally:
        for server in servers.values():
            server.__exit__(None, None, None)
    out = {}
    for label, per_query in runs.items():
        rows = []
        for (lang, query), results in per_query.items():
            right = _median([r["right_s"] for r in results])
            rows.append({
                "lang": lang, "query": query, "expected": results[0]["expected"], "runs": results,
                "first_s": _median([r["first_s"] for r in results]), "right_s": right,
                "first_from_focus_s": _median([r["first_from_focus_s"] for r in results]),
                "last_s": _median([r["last_s"] for r in results]),
                "first_query_gz": _median([r["first_query_gz"] for r in results]),
                "search_gz": _median([r["search_gz"] for r in results]),
                "right_every_run": all(r["right_s"] is not None for r in results),
                "third_party": sorted({u for r in results for u in r["third_party"]}),
                "ok": right is not None and right <= FIRST_RESULT_S and all(r["right_s"] is not None for r in results),
            })
        out[label] = rows
    return out


def single_file_variant(site: str, target: str) -> str:
    """A copy of `site` whose first index request gets the language's whole index (one file, as
    before the split): search still waits for the reader, but answers only once everything is in."""
    import shutil

    shutil.copytree(site, target)
    for lang in LANGUAGES:
        whole = os.path.join(target, "search", f"search_index.{lang}.json")
        titles = os.path.join(target, "search", f"search_index.{lang}.titles.json")
        if os.path.isfile(whole) and os.path.isfile(titles):
            shutil.copyfile(whole, titles)
    return target


def run(root: str, work: str, log=print, scale: float = 5, repeat: int = 3, baseline: str | None = None,
        site: str | None = None, langs: list[str] | None = None, single: bool = False, text: str | None = None) -> dict:
    """Build the full-scale project of `root` (and of `baseline`, another checkout, for a side-by-side
    from the same run), or take the built `site`; measure first loads, index weight and searches.
    With `single`, the same site with one index file per language is searched too."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise benchbuild.BenchError("--reader needs Playwright (pip install -r requirements-dev.txt) and Debian's chromium") from None
    langs = langs or list(LANGUAGES)
    sites: dict[str, str] = {}
    projects: dict[str, dict] = {}
    if site:
        sites["this"] = site
    else:
        for label, source in (("this", root),) + ((("baseline", baseline),) if baseline else ()):
            project = os.path.join(work, f"reader-{label}")
            projects[label] = reader_project(source, project, scale, log, text=text, texts_from=root)
            build = benchbuild.run_build(project, os.path.join(work, f"reader-site-{label}"))
            projects[label].update({"pages": build.pages, "cpu_seconds": build.cpu_seconds})
            sites[label] = os.path.join(work, f"reader-site-{label}")
            log(f"  reader: {label} ({source}): {build.pages} pages built, CPU {build.cpu_seconds:.1f} s")
    if single:
        sites = {"this": sites["this"], "single": single_file_variant(sites["this"], os.path.join(work, "reader-site-single")),
                 **{label: path for label, path in sites.items() if label != "this"}}
    with sync_playwright() as playwright:
        browser = _launch(playwright)
        try:
            measured = {label: measure_site(label, path, browser, langs, log, loads=label != "single")
                        for label, path in sites.items()}
            for label, rows in search_rows(sites, browser, langs, repeat, log).items():
                measured[label]["search"] = rows
        finally:
            browser.close()
    for label, figures in measured.items():
        figures["project"] = projects.get(label)
        for row in figures["index"]:
            firsts = [r["first_query_gz"] for r in figures["search"] if r["lang"] == row["lang"] and r["first_query_gz"]]
            row["first_query_measured_gz"] = max(firsts) if firsts else None
            first = row["first_query_measured_gz"] or row["first_query_gz"]
            row["ok"] = (row["whole_gz"] or 0) <= INDEX_BYTES or first <= FIRST_QUERY_BYTES
    return {"budgets": {"first_load_bytes": FIRST_LOAD_BYTES, "index_bytes": INDEX_BYTES,
                        "first_query_bytes": FIRST_QUERY_BYTES, "first_result_s": FIRST_RESULT_S},
            "slow_phone": SLOW_PHONE, "scale": scale, "repeat": repeat, "sites": measured}


def _kb(value) -> str:
    return "-" if value is None else f"{value / 1024:.1f}"


def _verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def format_rows(result: dict) -> list[str]:
    sites = result["sites"]
    labels = list(sites)
    phone = result["slow_phone"]
    lines = ["", "Readers, measured in Chromium (fresh context per page; KB = gzipped bodies as served, gzip level 6)"]
    for label, figures in sites.items():
        if label == "single":
            lines.append("  single: the same site, the first index request answered with the whole index (one file per language)")
            continue
        project = figures.get("project")
        where = (f"{project['pages']} pages: {project['scale']:g}x records ({project['provisions']} provisions, "
                 f"{project['news']} news), the {project['text']} test constitution ({', '.join(project['imports'])})"
                 if project else figures["site"])
        lines.append(f"  {label}: {where}")
    loaded = [label for label in labels if sites[label]["first_load"]]
    lines += ["", f"First load: every request until the network is quiet (budget <= {FIRST_LOAD_BYTES // 1024} KB, 0 third-party)",
              f"{'lang':<4} {'kind':<11} " + " ".join(f"{label + ' req':>12} {label + ' KB':>11} {'search':>6}" for label in loaded) + "  verdict"]
    keys = [(r["lang"], r["kind"]) for r in sites[labels[0]]["first_load"]]
    for lang, kind in keys:
        cells, verdicts = [], []
        for label in loaded:
            row = next((r for r in sites[label]["first_load"] if (r["lang"], r["kind"]) == (lang, kind)), None)
            if row is None:
                cells.append(f"{'-':>12} {'-':>11} {'-':>6}")
                continue
            cells.append(f"{row['requests']:>12} {_kb(row['gz']):>11} {row['search_requests']:>6}")
            verdicts.append(f"{label} {_verdict(row['ok'])}" + (f" ({len(row['third_party'])} third-party)" if row["third_party"] else ""))
        lines.append(f"{lang:<4} {kind:<11} " + " ".join(cells) + "  " + ", ".join(verdicts))
    lines += ["", f"Search index per language (budget: whole <= {INDEX_BYTES // 1024} KB, or a first query <= {FIRST_QUERY_BYTES // 1024} KB: "
                  "worker files + the part that answers first, as the browser fetched them before the first result)",
              f"{'site':<9} {'lang':<4} {'whole KB':>9} {'titles KB':>10} {'texts KB':>9} {'worker KB':>10} {'first query KB':>15}  verdict"]
    for lang in [r["lang"] for r in sites[labels[0]]["index"]]:
        for label in labels:
            row = next(r for r in sites[label]["index"] if r["lang"] == lang)
            first = row["first_query_measured_gz"] or row["first_query_gz"]
            lines.append(f"{label:<9} {lang:<4} {_kb(row['whole_gz']):>9} {_kb(row['titles_gz']):>10} {_kb(row['texts_gz']):>9} "
                         f"{_kb(row['worker_gz']):>10} {_kb(first):>15}  {_verdict(row['ok'])}")
    lines += ["", f"First search result on a slow phone ({phone['latency_ms']} ms latency, {phone['bytes_per_s']:,} B/s, CPU x{phone['cpu_slowdown']}; "
                  f"the worker runs in an iframe so the CPU slowdown reaches it), median of {result['repeat']}, seconds from the keystroke",
              f"(budget: the right page in the top 3 within {FIRST_RESULT_S:g} s; 'first' = any first results, 'whole' = the answer of the whole index)",
              f"{'site':<9} {'lang':<4} {'query':<15} {'first':>6} {'right':>6} {'whole':>6} {'from focus':>10} {'fetched KB':>10} {'top 3 (whole index)':<60} verdict"]
    for lang, query, _ in QUERIES:
        for label in labels:
            row = next((r for r in sites[label].get("search", []) if (r["lang"], r["query"]) == (lang, query)), None)
            if row is None:
                continue
            fmt = lambda v: "-" if v is None else f"{v:.2f}"  # noqa: E731
            top = ", ".join(row["runs"][-1]["top3"])
            lines.append(f"{label:<9} {lang:<4} {query:<15} {fmt(row['first_s']):>6} {fmt(row['right_s']):>6} {fmt(row['last_s']):>6} "
                         f"{fmt(row['first_from_focus_s']):>10} {_kb(row['search_gz']):>10} {top[:60]:<60} {_verdict(row['ok'])}")
    third = sorted({u for figures in sites.values() for r in figures["first_load"] + figures.get("search", []) for u in r["third_party"]})
    lines.append(f"third-party requests in the browser: {len(third)}" + "".join(f"\n  {u}" for u in third[:20]))
    return lines
