"""`atazan bench`: build speed at growing dataset sizes, overhead over plain MkDocs, page weight.

Every figure comes from a real `mkdocs build --strict` in a child process, so wall time, CPU
time and peak RSS (`os.wait4` rusage) are those of the build alone, not of this process. CPU
time (user + system) is reported beside wall time because on a shared machine the wall time of
a build mostly measures the other processes; the ratio is given for both. Synthetic
records live only in temporary project copies; nothing here touches data/ or docs/.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import shutil
import statistics
import tempfile
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

from atazan import LANGUAGES
from atazan.tools import bench_reader, bench_text
from atazan.tools.benchbuild import (PROJECT_PARTS, TARGET_INDEX, UNIT, BenchError, Build, _collections, gz,  # noqa: F401
                                     hook_times_build, make_plain_copy, make_project, remove_generated, run_build,
                                     search_index_weight, _lang_dir)

TARGET_FIRST_LOAD = 80 * 1024
TARGET_RATIO = 1.05


@dataclass
class ScaleRow:
    scale: float
    provisions: int
    themes: int
    news: int
    pages: int
    ours_s: float
    plain_s: float
    ratio: float
    ms_per_page: float
    plain_ms_per_page: float
    peak_rss_mb: float
    plain_peak_rss_mb: float
    ours_cpu_s: float
    plain_cpu_s: float
    cpu_ratio: float
    cpu_ms_per_page: float
    runs_ours: list[float] = field(default_factory=list)
    runs_plain: list[float] = field(default_factory=list)
    runs_ours_cpu: list[float] = field(default_factory=list)
    runs_plain_cpu: list[float] = field(default_factory=list)
    # CPU seconds inside our hook, by event, from one more (instrumented) build: hook_times_build
    hook_cpu_s: dict[str, float] = field(default_factory=dict)
    hook_build_cpu_s: float | None = None


def bench_scale(root: str, work: str, scale: float, repeat: int, log) -> ScaleRow:
    ours = os.path.join(work, f"ours-{scale}")
    plain = os.path.join(work, f"plain-{scale}")
    counts = make_project(root, ours, scale)
    # A first build renders the pages that the plain copy then takes as ordinary Markdown.
    run_build(ours, os.path.join(work, "site-warm"))
    make_plain_copy(ours, plain)
    runs_ours: list[Build] = []
    runs_plain: list[Build] = []
    for index in range(repeat):
        # Interleaved, so machine noise hits both sides alike; ours starts cold each time.
        remove_generated(os.path.join(ours, "docs"))
        runs_ours.append(run_build(ours, os.path.join(work, "site-ours")))
        runs_plain.append(run_build(plain, os.path.join(work, "site-plain")))
        ours_run, plain_run = runs_ours[-1], runs_plain[-1]
        log(f"  scale {scale}: run {index + 1}/{repeat}: {ours_run.pages} pages, ours {ours_run.seconds:.2f} s "
            f"(CPU {ours_run.cpu_seconds:.2f} s, {ours_run.peak_rss_mb:.0f} MB), plain {plain_run.seconds:.2f} s "
            f"(CPU {plain_run.cpu_seconds:.2f} s, {plain_run.peak_rss_mb:.0f} MB)")
    hook_cpu, hook_build = hook_times_build(ours, os.path.join(work, "site-hook-times"))
    log(f"  scale {scale}: instrumented build: CPU {hook_build.cpu_seconds:.2f} s, of it in our hook "
        f"{sum(hook_cpu.values()):.2f} s ({', '.join(f'{k} {v:.2f}' for k, v in list(hook_cpu.items())[:4])})")
    if runs_ours[0].pages != runs_plain[0].pages:
        raise BenchError(f"scale {scale}: ours built {runs_ours[0].pages} pages, plain {runs_plain[0].pages}")
    ours_s = statistics.median(b.seconds for b in runs_ours)
    plain_s = statistics.median(b.seconds for b in runs_plain)
    ours_cpu = statistics.median(b.cpu_seconds for b in runs_ours)
    plain_cpu = statistics.median(b.cpu_seconds for b in runs_plain)
    pages = runs_ours[0].pages
    shutil.rmtree(ours)
    shutil.rmtree(plain)
    return ScaleRow(
        scale=scale, pages=pages, ours_s=ours_s, plain_s=plain_s, ratio=ours_s / plain_s,
        ms_per_page=1000 * ours_s / pages, plain_ms_per_page=1000 * plain_s / pages,
        peak_rss_mb=max(b.peak_rss_mb for b in runs_ours), plain_peak_rss_mb=max(b.peak_rss_mb for b in runs_plain),
        ours_cpu_s=ours_cpu, plain_cpu_s=plain_cpu, cpu_ratio=ours_cpu / plain_cpu, cpu_ms_per_page=1000 * ours_cpu / pages,
        runs_ours=[b.seconds for b in runs_ours], runs_plain=[b.seconds for b in runs_plain],
        runs_ours_cpu=[b.cpu_seconds for b in runs_ours], runs_plain_cpu=[b.cpu_seconds for b in runs_plain],
        hook_cpu_s=hook_cpu, hook_build_cpu_s=hook_build.cpu_seconds, **counts,
    )


def linear_fit(rows: list[ScaleRow], measure: str = "ours_s") -> dict | None:
    """Least-squares time = intercept + slope * pages; r2 near 1 means linear growth."""
    if len({r.pages for r in rows}) < 2:
        return None
    xs, ys = [r.pages for r in rows], [getattr(r, measure) for r in rows]
    slope, intercept = statistics.linear_regression(xs, ys)
    mean = statistics.fmean(ys)
    total = sum((y - mean) ** 2 for y in ys)
    residual = sum((y - (intercept + slope * x)) ** 2 for x, y in zip(xs, ys))
    return {"slope_ms_per_page": 1000 * slope, "intercept_s": intercept,
            "r2": 1 - residual / total if total else 1.0}


# ---------------------------------------------------------------- page weight

# `rel` values whose link makes the browser fetch something while loading the page.
FETCHING_RELS = {"stylesheet", "preload", "modulepreload", "icon", "shortcut", "apple-touch-icon", "manifest", "prefetch", "preconnect", "dns-prefetch"}


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.css: list[str] = []
        self.js: list[str] = []
        self.other: list[str] = []  # every other fetched URL, for the third-party scan

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("href"):
            rels = set((a.get("rel") or "").lower().split())
            if "stylesheet" in rels:
                self.css.append(a["href"])
            elif rels & FETCHING_RELS:
                self.other.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])
        elif tag in ("img", "iframe", "source", "audio", "video", "embed", "track") and a.get("src"):
            self.other.append(a["src"])
        elif tag == "object" and a.get("data"):
            self.other.append(a["data"])


def page_resources(html_text: str) -> _Resources:
    parser = _Resources()
    parser.feed(html_text)
    return parser


def _is_external(url: str) -> bool:
    return url.startswith("//") or urlparse(url).scheme in ("http", "https")


def sample_pages(site: str) -> list[tuple[str, str, str]]:
    """(language, kind, path) of the home, one provision and one theme page per language."""
    out: list[tuple[str, str, str]] = []
    for lang in LANGUAGES:
        base = _lang_dir(site, lang)
        out.append((lang, "home", os.path.join(base, "index.html")))
        for kind, folder in (("provision", "provisions"), ("theme", "themes")):
            folder_path = os.path.join(base, folder)
            names = sorted(n for n in os.listdir(folder_path) if os.path.isfile(os.path.join(folder_path, n, "index.html"))) if os.path.isdir(folder_path) else []
            if names:
                out.append((lang, kind, os.path.join(folder_path, names[0], "index.html")))
    return out


def _local_file(site: str, page_path: str, url: str) -> str | None:
    target = urlparse(urljoin("file://" + page_path, url)).path
    return target if os.path.isfile(target) and os.path.abspath(target).startswith(os.path.abspath(site)) else None


def page_weight(site: str) -> dict:
    rows = []
    for lang, kind, path in sample_pages(site):
        with open(path, "rb") as handle:
            raw = handle.read()
        res = page_resources(raw.decode("utf-8"))
        html_gz = gz(raw)
        css_gz = js_gz = 0
        missing = []
        for urls, kind_name in ((res.css, "css"), (res.js, "js")):
            for url in urls:
                local = _local_file(site, path, url)
                if local is None:
                    missing.append(url)
                    continue
                with open(local, "rb") as handle:
                    size = gz(handle.read())
                if kind_name == "css":
                    css_gz += size
                else:
                    js_gz += size
        total = html_gz + css_gz + js_gz
        rows.append({"lang": lang, "kind": kind, "page": os.path.relpath(path, site), "html_gz": html_gz,
                     "css_gz": css_gz, "js_gz": js_gz, "total_gz": total, "unresolved": missing,
                     "ok": total <= TARGET_FIRST_LOAD and not missing})
    return {"pages": rows, "search_index": search_index_weight(site), "third_party": third_party_requests(site)}


def third_party_requests(site: str) -> list[dict]:
    """Every absolute http(s) URL a page or stylesheet would fetch; the goal is none."""
    found = []
    for dirpath, _, names in os.walk(site):
        for name in names:
            path = os.path.join(dirpath, name)
            if name.endswith(".html"):
                with open(path, encoding="utf-8") as handle:
                    res = page_resources(handle.read())
                urls = res.css + res.js + res.other
            elif name.endswith(".css"):
                with open(path, encoding="utf-8", errors="replace") as handle:
                    css = handle.read()
                urls = re.findall(r"url\(\s*['\"]?([^'\")\s]+)", css) + re.findall(r"@import\s+['\"]([^'\"]+)", css)
            else:
                continue
            found += [{"file": os.path.relpath(path, site), "url": u} for u in urls if _is_external(u)]
    return found


# ---------------------------------------------------------------- report

def run(root: str, scales: list[float], repeat: int, site: str | None, log=print, partial=None, texts: bool = False,
        reader: dict | None = None) -> dict:
    result: dict = {
        "meta": {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "python": platform.python_version(),
                 "cpus": os.cpu_count(), "repeat": repeat, "unit": UNIT,
                 "news_in_schema": "news" in _collections()},
        "targets": {"ratio": TARGET_RATIO, "first_load_bytes": TARGET_FIRST_LOAD, "index_bytes": TARGET_INDEX},
    }
    with tempfile.TemporaryDirectory(prefix="atazan-bench-") as work:
        rows = []
        for scale in scales:
            log(f"atazan bench: scale {scale}x ...")
            rows.append(bench_scale(root, work, scale, repeat, log))
            if partial:  # large sizes take minutes: keep what is measured so far
                partial({**result, "scale": [asdict(r) for r in rows]})
        result["scale"] = [asdict(r) for r in rows]
        result["fit"] = linear_fit(rows)
        result["fit_cpu"] = linear_fit(rows, "ours_cpu_s")
        result["overhead"] = {"ratio": max(r.ratio for r in rows) if rows else None,
                              "per_scale": {str(r.scale): r.ratio for r in rows},
                              "cpu_ratio": max(r.cpu_ratio for r in rows) if rows else None,
                              "cpu_per_scale": {str(r.scale): r.cpu_ratio for r in rows}}
        if site is None:
            log("atazan bench: building the real site for page weight ...")
            site = os.path.join(work, "site-real")
            build = run_build(root, site)
            result["real_site"] = {"seconds": build.seconds, "pages": build.pages, "peak_rss_mb": build.peak_rss_mb}
        result["weight"] = page_weight(site)
        if texts:
            log("atazan bench: building with and without the fixture constitution ...")
            result["texts"] = bench_text.run(root, work, log)
        if reader is not None:
            log("atazan bench: readers in Chromium (first load, search index, slow-phone search) ...")
            result["reader"] = bench_reader.run(root, work, log, **reader)
    return result


def format_report(result: dict) -> str:
    lines = ["", "Scale (median of runs; ours = hook generates pages, plain = same Markdown, no hook; CPU = user + system)",
             f"{'scale':>6} {'prov':>5} {'themes':>6} {'news':>5} {'pages':>6} {'ours s':>8} {'plain s':>8} {'ratio':>6} {'ms/page':>8}"
             f" {'ours CPU':>8} {'plain CPU':>9} {'ratio':>6} {'CPU ms/p':>8} {'RSS MB':>7}"]
    for r in result["scale"]:
        lines.append(f"{r['scale']:>6g} {r['provisions']:>5} {r['themes']:>6} {r['news']:>5} {r['pages']:>6} "
                     f"{r['ours_s']:>8.2f} {r['plain_s']:>8.2f} {r['ratio']:>6.3f} {r['ms_per_page']:>8.1f} "
                     f"{r['ours_cpu_s']:>8.2f} {r['plain_cpu_s']:>9.2f} {r['cpu_ratio']:>6.3f} {r['cpu_ms_per_page']:>8.1f} {r['peak_rss_mb']:>7.0f}")
    for name, key in (("wall", "fit"), ("CPU", "fit_cpu")):
        fit = result.get(key)
        if fit:
            lines.append(f"linear fit ({name}): {fit['slope_ms_per_page']:.2f} ms per page + {fit['intercept_s']:.2f} s fixed, r2 = {fit['r2']:.4f}")
    lines += ["", "Time inside our hook (CPU s, one instrumented cold build per scale; share of that build's CPU time)"]
    for r in result["scale"]:
        if r.get("hook_cpu_s") and r.get("hook_build_cpu_s"):
            total = sum(r["hook_cpu_s"].values())
            events = ", ".join(f"{name} {seconds:.2f}" for name, seconds in r["hook_cpu_s"].items() if seconds >= 0.005)
            lines.append(f"{r['scale']:>6g}x {total:>6.2f} s = {100 * total / r['hook_build_cpu_s']:4.1f}% of "
                         f"{r['hook_build_cpu_s']:.2f} s: {events}")
    overhead = result["overhead"]
    for name, key in (("wall", "ratio"), ("CPU", "cpu_ratio")):
        ratio = overhead.get(key)
        if ratio is not None:
            verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
            lines.append(f"overhead ours/plain, {name} time (worst scale): {ratio:.3f} ({verdict} the goal {TARGET_RATIO})")
    weight = result["weight"]
    lines += ["", "Page weight, gzipped bytes: only the HTML and the CSS and JS its markup names (a lower bound; "
              "--reader counts every request a browser makes); target <= 80 KB",
              f"{'lang':<4} {'kind':<9} {'html':>7} {'css':>7} {'js':>7} {'total':>7}  ok"]
    for p in weight["pages"]:
        lines.append(f"{p['lang']:<4} {p['kind']:<9} {p['html_gz']:>7} {p['css_gz']:>7} {p['js_gz']:>7} {p['total_gz']:>7}  {'yes' if p['ok'] else 'NO'}")
    lines.append("Search index per language, gzipped (target <= 60 KB)")
    for s in weight["search_index"]:
        lines.append(f"{s['lang']:<4} {s['index'] or 'none':<28} {s['gz'] if s['gz'] is not None else '-':>7}  {'yes' if s['ok'] else 'NO'}")
    if result.get("texts"):
        lines += bench_text.format_rows(result["texts"])
    third = weight["third_party"]
    lines.append(f"third-party requests: {len(third)}" + "".join(f"\n  {t['file']}: {t['url']}" for t in third[:20]))
    if result.get("reader"):
        lines += bench_reader.format_rows(result["reader"])
    return "\n".join(lines)
