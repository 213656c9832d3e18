"""`atazan bench` at a tiny size: it runs, and its JSON has every figure. No timing assertions."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import LANGUAGES, ROOT, core_project


@pytest.mark.slow  # three small builds (ours, plain, instrumented)
def test_bench_smoke(site_dir, tmp_path):
    # The bench's own project: the small core dataset (one provision, one theme) instead of the real
    # data, so that its six builds are small; page weight is measured on the real site.
    project = core_project(tmp_path / "project")
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "-m", "atazan", "bench", "--scales", "0.05", "--repeat", "1", "--root", str(project),
         "--site", str(site_dir), "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks")),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))

    rows = figures["scale"]
    assert [r["scale"] for r in rows] == [0.05]
    for row in rows:
        assert row["pages"] > 0 and row["ours_s"] > 0 and row["plain_s"] > 0 and row["peak_rss_mb"] > 0
        assert row["ratio"] == row["ours_s"] / row["plain_s"]
        assert len(row["runs_ours"]) == len(row["runs_plain"]) == len(row["runs_ours_cpu"]) == 1
        # CPU time (user + system) of the build's own process; it never exceeds wall time by much
        # on 2 cores, and the hook's work is CPU, so ours uses some.
        assert 0 < row["ours_cpu_s"] <= 2 * row["ours_s"] and 0 < row["plain_cpu_s"] <= 2 * row["plain_s"]
        assert row["cpu_ratio"] == row["ours_cpu_s"] / row["plain_cpu_s"]
        # The instrumented build times our hook's events; generation (on_config) and the import of
        # the generator always cost something, and the hook is only part of the build.
        hook = row["hook_cpu_s"]
        assert {"import", "on_config", "on_files", "on_page_context", "on_post_build"} <= set(hook)
        assert hook["on_config"] > 0 and hook["import"] > 0
        assert 0 < sum(hook.values()) < row["hook_build_cpu_s"]
    # One size: no line to fit (test_linear_fit_over_sizes checks the fit itself).
    assert figures["fit"] is None and figures["fit_cpu"] is None
    assert figures["overhead"]["ratio"] == max(r["ratio"] for r in rows)
    assert figures["overhead"]["cpu_ratio"] == max(r["cpu_ratio"] for r in rows)

    weight = figures["weight"]
    kinds = {(p["lang"], p["kind"]) for p in weight["pages"]}
    assert kinds == {(lang, kind) for lang in LANGUAGES for kind in ("home", "provision", "theme")}
    for page in weight["pages"]:
        assert page["unresolved"] == []  # every CSS/JS the page names exists in the site
        assert page["css_gz"] > 0 and page["js_gz"] > 0
        assert page["total_gz"] == page["html_gz"] + page["css_gz"] + page["js_gz"]
    # Each language's own index (hooks/atazan/website/exports/search_index.py), not the combined file.
    assert {(s["lang"], s["index"]) for s in weight["search_index"]} == {
        (lang, f"search/search_index.{lang}.json") for lang in LANGUAGES}
    assert all(s["gz"] for s in weight["search_index"])
    assert weight["third_party"] == []
    assert "Page weight" in result.stdout and "CPU time (worst scale)" in result.stdout
    assert "Time inside our hook" in result.stdout


@pytest.mark.slow  # four page loads and one slow-phone search in chromium, on the suite's site
def test_bench_reader_smoke(site_dir, tmp_path):
    # `--reader` on an already built site (no builds): every figure is in the JSON and the report.
    out = tmp_path / "reader.json"
    result = subprocess.run(
        [sys.executable, "-m", "atazan", "bench", "--scales", "", "--site", str(site_dir), "--reader",
         "--reader-site", str(site_dir), "--reader-langs", "en", "--reader-repeat", "1", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks")),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    reader = json.loads(out.read_text(encoding="utf-8"))["reader"]
    assert set(reader["sites"]) == {"this"}
    site = reader["sites"]["this"]
    # No article pages without an imported text; every other kind, each counted request by request.
    assert [(r["lang"], r["kind"]) for r in site["first_load"]] == [
        ("en", "home"), ("en", "theme"), ("en", "news index"), ("en", "provision")]
    for row in site["first_load"]:
        assert row["requests"] == len(row["files"]) > 3 and row["gz"] > 0
        assert row["search_requests"] == 0 and row["third_party"] == []  # search loads when the reader reaches for it
    [index] = site["index"]
    assert index["lang"] == "en" and index["titles_gz"] < index["whole_gz"] and index["worker_files"] == 1
    [search] = site["search"]
    assert (search["lang"], search["query"], search["expected"]) == ("en", "housing", "en/themes/housing/")
    assert search["right_every_run"] and 0 < search["first_query_gz"] < search["search_gz"]
    assert search["first_s"] is not None and search["last_s"] is not None
    for heading in ("First load: every request", "Search index per language", "First search result on a slow phone"):
        assert heading in result.stdout


def test_third_party_scan_finds_a_cdn_font(tmp_path):
    # The scan must be able to fail: a page with a CDN stylesheet and a remote script.
    sys.path.insert(0, str(ROOT / "hooks"))
    from atazan.tools import bench

    (tmp_path / "index.html").write_text(
        '<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="canonical" href="https://example.org/"><script src="//cdn.example.com/x.js"></script>'
        '</head><body><a href="https://example.org/">a link is not a request</a></body></html>', encoding="utf-8")
    (tmp_path / "x.css").write_text("@import 'https://cdn.example.com/a.css'; b{background:url(img/ok.png)}", encoding="utf-8")
    urls = sorted(f["url"] for f in bench.third_party_requests(str(tmp_path)))
    assert urls == ["//cdn.example.com/x.js", "https://cdn.example.com/a.css", "https://fonts.googleapis.com/css?family=Roboto"]


def test_linear_fit_over_sizes():
    from atazan.tools import bench

    def row(pages: int, seconds: float) -> bench.ScaleRow:
        return bench.ScaleRow(scale=pages / 100, provisions=0, themes=0, news=0, pages=pages, ours_s=seconds, plain_s=1,
                              ratio=seconds, ms_per_page=0, plain_ms_per_page=0, peak_rss_mb=0, plain_peak_rss_mb=0,
                              ours_cpu_s=seconds / 2, plain_cpu_s=1, cpu_ratio=0, cpu_ms_per_page=0)

    fit = bench.linear_fit([row(100, 3.0), row(500, 7.0), row(2500, 27.0)])  # 10 ms a page + 2 s
    assert round(fit["slope_ms_per_page"], 6) == 10 and round(fit["intercept_s"], 6) == 2 and round(fit["r2"], 6) == 1
    assert round(bench.linear_fit([row(100, 3.0), row(500, 7.0)], "ours_cpu_s")["slope_ms_per_page"], 6) == 5
    assert bench.linear_fit([row(100, 3.0)]) is None


def test_a_larger_scale_adds_synthetic_records(tmp_path):
    from atazan.tools import benchbuild

    project = core_project(tmp_path / "source")
    small = benchbuild.make_project(str(project), str(tmp_path / "small"), 0.05)
    large = benchbuild.make_project(str(project), str(tmp_path / "large"), 1)
    # One unit is 4 provisions, 2 themes and 80 news items beside the real records.
    assert large["provisions"] - small["provisions"] == 3 and large["themes"] - small["themes"] == 1
    assert large["news"] - small["news"] == 76
