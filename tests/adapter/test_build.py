"""The real build: every generated page exists in every language, with the right lang."""

from __future__ import annotations

import json
import re

import pytest

from conftest import LANGUAGES, nonempty


def _prefix(lang: str) -> str:
    return "" if lang == "kk" else f"{lang}/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_provision_and_theme_page_exists_with_its_lang(site_dir, dataset, lang):
    pages = [f"provisions/{pid}/" for pid in dataset.provisions] + [f"themes/{tid}/" for tid in dataset.themes]
    for page in nonempty(pages):
        html = (site_dir / _prefix(lang) / page / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{lang}"', html), page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_data_lists_every_page(site_dir, dataset, lang):
    exported = json.loads((site_dir / "api" / "v1" / f"{lang}.json").read_text(encoding="utf-8"))
    assert {p["id"] for p in exported["provisions"]} == set(dataset.provisions)
    assert {t["id"] for t in exported["themes"]} == set(dataset.themes)
    for entry in exported["provisions"] + exported["themes"]:
        assert (site_dir / entry["url"] / "index.html").is_file(), entry["url"]


# ---------------------------------------------------------------- every generated page, every language

import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path

from atazan.website import render
from atazan.website.routes import page_url
from conftest import CORE_FIXTURE, ROOT, build_site, core_project

SITE_PATH = "/ata-zan/"  # the path of mkdocs.yml's default site_url; absolute links start with it
SWITCHER = re.compile(r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link">')
KK_MONTHS = "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан"


@pytest.fixture(scope="module")
def generated(generated_pages):
    """(lang, source path) of every page the generator writes."""
    return {(page.lang, page.path) for page in generated_pages}


def _html_of(site_dir, lang, path) -> str:
    return (site_dir / page_url(lang, path) / "index.html").read_text(encoding="utf-8")


def _resolve(page_dir: str, href: str) -> str:
    """A link's target as a path from the site root, like page_url() gives."""
    if href.startswith(SITE_PATH):
        target = href[len(SITE_PATH):]
    else:
        target = posixpath.normpath(posixpath.join(page_dir, href))
        target = "" if target == "." else target + "/"
    return target


def test_every_generated_page_has_its_output_lang_and_switcher(site_dir, generated):
    assert len(generated) >= 3 * 6
    for lang, path in sorted(generated):
        url = page_url(lang, path)
        html = _html_of(site_dir, lang, path)
        assert f'<html lang="{lang}"' in html, url
        links = dict((hreflang, href) for href, hreflang in SWITCHER.findall(html))
        assert sorted(links) == sorted(LANGUAGES), url
        for other, href in links.items():
            target = _resolve(url.rstrip("/"), href)
            # The counterpart of the SAME page where it exists; a kk-ru handout's English counterpart
            # is the English handout of its theme (never a home page: issue 4).
            pair = re.fullmatch(r"handouts/(.+)-kk-ru\.md", path)
            expected = page_url(other, path) if (other, path) in generated else page_url(other, f"handouts/{pair[1]}.md")
            assert target == expected, (url, other, href)
            assert (site_dir / target / "index.html").is_file(), (url, target)


def test_switcher_never_falls_back_to_home_for_provisions_and_themes(site_dir, dataset):
    for src in nonempty([f"provisions/{p}.md" for p in dataset.provisions] + [f"themes/{t}.md" for t in dataset.themes]):
        for lang in LANGUAGES:
            url = page_url(lang, src)
            links = dict((hreflang, href) for href, hreflang in SWITCHER.findall(_html_of(site_dir, lang, src)))
            assert {other: _resolve(url.rstrip("/"), href) for other, href in links.items()} == {
                other: page_url(other, src) for other in LANGUAGES}


@pytest.mark.parametrize("path", ["provisions/ownership.md", "themes/ownership.md", "index.md", "timeline.md"])
def test_kk_pages_have_kazakh_interface(site_dir, path):
    html = _html_of(site_dir, "kk", path)
    assert 'placeholder="Іздеу"' in html
    assert 'aria-label="Мазмұны"' in html
    # Material's English interface strings, in the attributes where Material puts them.
    for english in ('placeholder="Search"', 'aria-label="Search"', 'aria-label="Table of contents"',
                    'aria-label="Select language"', 'title="Edit this page"', "Skip to content", "Back to top"):
        assert english not in html, (path, english)


def test_search_language_is_never_kk(site_dir):
    config = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert "kk" not in config["lang"] and "ru" in config["lang"]
    for lang in LANGUAGES:
        html = _html_of(site_dir, lang, "provisions/ownership.md")
        app_config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
        assert app_config.get("search", "").endswith(".min.js")  # search is on
        assert "lunr.kk" not in html and '"lang": "kk"' not in html and "'kk'" not in html


def test_generated_markdown_carries_the_generated_header(site_dir, generated):
    for lang, path in nonempty(sorted(generated)):
        text = (ROOT / "docs" / lang / path).read_text(encoding="utf-8")
        assert text.startswith(f"---\n{render.GENERATED_MARK}: true\natazan_source: data"), (lang, path)
        after_front_matter = text.split("\n---\n", 1)[1]
        assert after_front_matter.startswith("<!-- Generated by hooks/atazan from data"), (lang, path)


@pytest.mark.parametrize("lang, date", [
    ("kk", rf"\d{{4}}\u202fж\. \d{{1,2}} ({KK_MONTHS})"),
    ("ru", r"\d{1,2} (января|февраля|марта) 2026\u202fг\."),
    ("en", r"(January|February|March) \d{1,2}, 2026"),
])
def test_dates_are_written_per_language(site_dir, lang, date):
    html = _html_of(site_dir, lang, "provisions/ownership.md")
    assert re.search(date, html), lang
    assert "2026-01-30" not in re.sub(r"<[^>]+>", "", html)  # no raw ISO date shown to the reader


def _nav(html: str) -> str:
    return re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', html, re.S).group(0)


def test_sidebar_does_not_list_provisions(site_dir, generated):
    provision_pages = [(lang, path) for lang, path in generated if path.startswith("provisions/") and path != "provisions/index.md"]
    for lang, path in nonempty(provision_pages):
        nav = _nav(_html_of(site_dir, lang, path))
        hrefs = re.findall(r'href="([^"]*)"', nav)
        assert any(h.endswith("themes/") for h in hrefs), (lang, path)  # the nav was found
        assert not [h for h in hrefs if re.search(r"provisions/[a-z0-9-]+/$", h)], (lang, path)


# ---------------------------------------------------------------- open data (issue 2, part 7)

@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_data_fields(site_dir, dataset, lang):
    exported = json.loads((site_dir / "api" / "v1" / f"{lang}.json").read_text(encoding="utf-8"))
    assert isinstance(exported["provisions"], list) and isinstance(exported["themes"], list)
    for entry in exported["provisions"] + exported["themes"]:
        assert {"id", "url", "title", "themes", "provisions", "sources", "status"} <= set(entry), entry["id"]
        assert entry["url"] == page_url(lang, f"{'provisions' if entry in exported['provisions'] else 'themes'}/{entry['id']}.md")
        assert isinstance(entry["title"], str) and entry["title"]
        assert all(isinstance(t, str) for t in entry["themes"] + entry["provisions"])
        assert all(s.startswith(("http://", "https://")) for s in entry["sources"])
        assert entry["status"] and set(entry["status"].values()) <= {"original", "translated", "reviewed"}
    for entry in exported["provisions"]:
        record = dataset.provisions[entry["id"]]
        assert entry["title"] == record.title[lang].text
        assert entry["status"]["title"] == record.title[lang].status
        assert set(entry["themes"]) == set(record.themes)
        versions = {(v["version"], v["number"]) for v in entry["versions"]}
        assert versions == {(v.version, v.number) for v in record.versions}  # None stays null
        for v in entry["versions"]:
            assert set(v) == {"version", "date", "number", "source"}
            assert v["source"] is None or v["source"].startswith(("http://", "https://"))
        # Every source URL a version gives reaches the export.
        assert {v.source.url for v in record.versions if v.source.url} <= set(entry["sources"])


# ---------------------------------------------------------------- a copy of the project with markup in data

PROBE = "<script>alert('data')</script> **bold** [x](javascript:alert(1))"


def _project_with_fixture_data(project: Path) -> Path:
    """A copy of the project whose data/ is tests/fixtures/core/data (conftest.core_project)."""
    return core_project(project)


@pytest.fixture(scope="session")
def fixture_site(built_once) -> Path:
    """The fixture project plus a second provision whose texts carry markup."""
    def build(project: Path) -> None:
        _project_with_fixture_data(project)
        text = (CORE_FIXTURE / "provisions" / "ownership.yml").read_text(encoding="utf-8")
        text = text.replace("id: ownership", "id: probe").replace("number: 8", "number: 9")
        text = text.replace("      text: |\n        According to", f"      text: |\n        {PROBE}\n\n        According to", 1)
        text = text.replace('text: "All forms of ownership', f'text: "{PROBE} All forms of ownership', 1)
        (project / "data" / "provisions" / "probe.yml").write_text(text, encoding="utf-8")
        build_site(project, project / "out")

    return built_once("core-probe-project", build) / "out"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_markup_in_data_never_reaches_the_html(fixture_site, lang):
    html = (fixture_site / page_url(lang, "provisions/probe.md") / "index.html").read_text(encoding="utf-8")
    assert "alert(&#x27;data&#x27;)" in html or "alert('data')" in html  # the text is there, as text
    assert "<script>alert(" not in html
    assert "<strong>bold</strong>" not in html
    assert 'href="javascript:' not in html


def test_provision_page_nav_has_no_other_provision(fixture_site):
    for lang in LANGUAGES:
        html = (fixture_site / page_url(lang, "provisions/probe.md") / "index.html").read_text(encoding="utf-8")
        hrefs = re.findall(r'href="([^"]*)"', _nav(html))
        assert any(h.endswith("themes/") for h in hrefs), lang  # the nav was found
        assert not [h for h in hrefs if "ownership/" in h or "probe/" in h], lang


def test_build_stops_on_invalid_data_with_one_line_per_problem(tmp_path):
    project = _project_with_fixture_data(tmp_path / "project")
    path = project / "data" / "provisions" / "ownership.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("themes: [ownership]", "themes: [ownership, housing]"), encoding="utf-8")
    line = text[: text.index("themes: [ownership]")].count("\n") + 1
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                            cwd=project, capture_output=True, text=True, timeout=300,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert (f"data/provisions/ownership.yml:{line}: themes[1]: unknown theme 'housing' (no data/themes/housing.yml)"
            in result.stderr.splitlines())
    assert not (tmp_path / "out" / "index.html").exists()


# ---------------------------------------------------------------- what a build prints

def _built_pages(site: Path, lang: str) -> int:
    base = site if lang == "kk" else site / lang
    return sum(1 for page in base.rglob("index.html") if lang != "kk" or page.relative_to(site).parts[0] not in ("ru", "en"))


def test_build_output_is_short_and_ends_with_one_summary_line(site_dir, site_build_output):
    # Built without NO_MKDOCS_2_WARNING in the environment (conftest): mkdocs.yml silences the banner.
    assert "end of life" not in site_build_output and "NO_MKDOCS_2_WARNING" not in site_build_output
    assert "not included in the \"nav\"" not in site_build_output  # long lists live on index pages
    assert "Overriding '" not in site_build_output
    lines = [line for line in site_build_output.splitlines() if line.strip()]
    summaries = [line for line in lines if "atazan: " in line and " pages (" in line]
    assert summaries == [lines[-2]] and lines[-1].startswith("INFO    -  Documentation built in")
    counts = {lang: _built_pages(site_dir, lang) for lang in LANGUAGES}
    assert all(counts.values())
    assert f"atazan: {sum(counts.values())} pages (kk {counts['kk']}, ru {counts['ru']}, en {counts['en']}); " in summaries[0]
    assert re.search(r"; generated pages: \d+ written, \d+ unchanged, 0 removed; 0 warning\(s\)$", summaries[0])
    assert len(lines) <= 12, "\n".join(lines)


@pytest.mark.slow  # one more build of the fixture project
def test_summary_line_counts_warnings(tmp_path):
    project = _project_with_fixture_data(tmp_path / "project")
    (project / "docs" / "en" / "about.md").write_text(
        (project / "docs" / "en" / "about.md").read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n", encoding="utf-8")
    # --no-strict (mkdocs.yml says strict), so the build finishes and says how many warnings it had.
    env = {key: value for key, value in os.environ.items() if key != "NO_MKDOCS_2_WARNING"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "--site-dir", str(tmp_path / "out")],
                            cwd=project, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "no-such-page.md" in result.stderr
    [summary] = [line for line in result.stderr.splitlines() if "atazan: " in line and " pages (" in line]
    assert summary.endswith("; 1 warning(s)")
