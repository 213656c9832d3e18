"""Every HTML page of every site the suite builds passes the page-sanity scan (tests/page_sanity.py):
no Python object printed, no None/null/[]/{} standing for a value, no template syntax, no empty
section, no unlabelled English on kk and ru pages, every internal link and anchor resolving, online
and in the offline copy. One test, one parameter per build; a new page kind needs no new code.

A build known to fail is marked xfail(strict=True) with the defect named: when the fix lands, the
test passes, strict turns that into a failure, and the marker must go.
"""

from __future__ import annotations

from collections import Counter

import pytest

from page_sanity import counts, scan

# The sites other modules build, as fixtures here too (built once per run whoever asks first:
# conftest.built_once). Imported under names that say which site they are.
from changes.test_changes_site import built as changes_site, project  # noqa: F401
from security.test_hostile_data import hostile_project, hostile_site  # noqa: F401
from adapter.test_bad_input import injected_site  # noqa: F401
from adapter.test_build import fixture_site  # noqa: F401
from readers.test_offline import offline_root  # noqa: F401
from text.test_text_site import built as text_site  # noqa: F401

# The injected provision's title and summary hold Jinja syntax on purpose: the pages must show it
# as written (tests/adapter/test_bad_input.py).
INJECTED_LITERAL = ("{{ config.site_name }}", "{% raw %}")

# (id, fixture, scan options, known defect or None)
BUILDS = [
    ("shipped", "site_dir", {}, None),
    ("shipped-offline", "offline_root", {"offline": True}, None),
    ("rehearsal", "rehearsal_site", {}, None),
    ("rehearsal-offline", "rehearsal_offline", {"offline": True}, None),
    ("text-fixtures", "text_site", {}, None),
    ("changes-fixtures", "changes_site", {}, None),
    ("core-probe", "fixture_site", {}, None),
    ("injected-provision", "injected_site", {"literal": INJECTED_LITERAL}, None),
    # Every string of its data carries Latin-script payloads, on kk and ru pages too; its csp-probe
    # pages hold live markup on purpose (tests/security/test_csp.py).
    ("hostile-data", "hostile_site", {"english": False, "probes": ("csp-probe",)}, None),
]


def _param(name: str, fixture: str, options: dict, defect: str | None):
    marks = [] if fixture == "site_dir" else [pytest.mark.slow]  # every other build is an extra build
    if defect:
        marks.append(pytest.mark.xfail(reason=defect, strict=True))
    return pytest.param(fixture, options, id=name, marks=marks)


@pytest.mark.parametrize("fixture, options", [_param(*build) for build in BUILDS])
def test_every_page_of_every_build_is_sane(request, fixture, options):
    site = request.getfixturevalue(fixture)
    pages = sum(1 for _ in site.rglob("*.html"))
    assert pages > 20, f"{site}: {pages} pages"
    findings = scan(site, **options)
    summary = "; ".join(f"{kind}: {n} (e.g. {example[:240]})" for kind, (n, example) in counts(findings).items())
    assert not findings, f"{len(findings)} finding(s) in {pages} pages: {summary}"


# ---------------------------------------------------------------- the scan on its own

def _site(tmp_path, pages: dict[str, str]):
    for path, html in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(html, encoding="utf-8")
    return tmp_path


def _kinds(tmp_path, body: str, lang: str = "kk", **options) -> list[str]:
    site = _site(tmp_path, {"index.html": f'<html lang="{lang}"><head><title>Т</title></head><body>{body}</body></html>'})
    return [f.kind for f in scan(site, **options)]


@pytest.mark.parametrize("body, lang, kinds", [
    ("<article><h1>Бап</h1><p>Мәтін.</p></article>", "kk", []),
    # What a printed object, a missing value or a template leaves on a page.
    ("<p>Headline(text='Жаңалық', lang='kk')</p>", "kk", ["object repr"]),
    ("<p><span title=\"Shown(text='x', status='original')\">x</span></p>", "kk", ["object repr", "unlabelled English"]),
    ("<p>&lt;atazan.website.news.Headline object at 0x7f3a2c&gt;</p>", "kk", ["object repr"]),
    ("<p>Бап None</p>", "kk", ["empty marker"]),
    ("<p>Article None</p>", "en", ["empty marker"]),
    ("<p>None.</p><p>None of the texts is the adopted text.</p>", "en", []),  # English, not a marker
    ("<p>Нұсқалар: []</p>", "kk", ["empty marker"]),
    ("<p>{{ page.title }}</p>", "kk", ["template syntax"]),
    ("<p>{% if x %}</p>", "kk", ["template syntax"]),
    ("<pre><code>{{ x }} None []</code></pre>", "kk", []),  # program text
    # Headings with nothing under them.
    ("<article><h1>Т</h1><h2>Бос</h2><h2>Толық</h2><p>x</p></article>", "kk", ["empty section"]),
    ("<article><h1>Т</h1><p>x</p><h2>Соңғы</h2></article>", "kk", ["empty section"]),
    ("<article><h1>Т</h1><h2>Бөлім</h2><h3>Ішкі</h3><p>y</p></article>", "kk", []),
    ("<article><h1>Т</h1><h2>Кесте</h2><table><tr><td></td></tr></table></article>", "kk", []),
    # English a Kazakh reader would meet, and the same marked as English.
    ("<p>The adopted text is not held.</p>", "kk", ["unlabelled English"]),
    ('<p lang="en">The adopted text is not held.</p>', "kk", []),
    ("<p>The adopted text is not held.</p>", "en", []),
])
def test_the_scan_finds_what_a_reader_must_not_see(tmp_path, body, lang, kinds):
    assert _kinds(tmp_path, body, lang) == kinds


def test_the_scan_leaves_a_test_builds_probe_as_written(tmp_path):
    assert _kinds(tmp_path, "<p>{{ config.site_name }} мәтін</p>", literal=("{{ config.site_name }}",)) == []


def test_the_scan_leaves_out_a_test_builds_probe_pages(tmp_path):
    page = '<html lang="kk"><body><img src="x" alt="сурет"></body></html>'
    site = _site(tmp_path, {"csp-probe/index.html": page, "en/csp-probe/index.html": page, "a/index.html": page})
    assert [f.page for f in scan(site, probes=("csp-probe",))] == ["a/index.html"]


def test_links_resolve_online_and_offline(tmp_path):
    head = '<html lang="kk"><body>'
    site = _site(tmp_path, {
        "index.html": head + '<a href="a/">a</a> <a href="a/#part">a</a> <a href="a/index.html#part">a</a> '
                             '<a href="#top">top</a> <p id="top">x</p> <a href="https://example.org/">x</a> '
                             '<img src="assets/x.png" alt="сурет"> <a href="/ata-zan/a/">abs</a></body></html>',
        "a/index.html": head + '<p id="part">x</p><a href="../index.html">up</a></body></html>',
        "assets/x.png": "png",
        "b/index.html": head + '<a href="../a/#gone">x</a> <a href="../missing/">x</a> <a href="../../up/">x</a> '
                               '<script src="../assets/none.js"></script> <a href="#nowhere">x</a></body></html>',
    })
    online = [(f.page, f.kind) for f in scan(site)]
    assert sorted(online) == [("b/index.html", "broken anchor"), ("b/index.html", "broken anchor"),
                              ("b/index.html", "broken link"), ("b/index.html", "broken link"),
                              ("b/index.html", "broken link")]
    offline = Counter((f.page, f.kind) for f in scan(site, offline=True))
    # From file://, a folder link opens a directory listing and an absolute path leads nowhere.
    assert offline[("index.html", "folder link")] == 2 and offline[("index.html", "broken link")] == 1
    assert offline[("index.html", "broken anchor")] == 0
