"""`atazan bench --texts`: build time and search-index weight with the full fixture constitution
(tests/text/fixtures: TEST DATA, 96 invented articles in kk/ru JSON and en plain text) beside the
same project without texts. Command-line only."""

from __future__ import annotations

import os
from typing import Any

from atazan.tools import benchbuild as bench

FIXTURES = ("tests", "text", "fixtures")
# (file, version, language, provenance flags) as an operator would import them.
IMPORTS: tuple[tuple[str, str, str, dict[str, Any]], ...] = (
    ("adopted.kk.json", "adopted", "kk", {}),
    ("adopted.ru.json", "adopted", "ru", {}),
    ("adopted.en.txt", "adopted", "en", {"publisher": "Test publisher (test data)", "title": "Test constitution, English",
                                          "date": "2026-03-20", "url": "https://example.org/test-constitution-en",
                                          "official": False, "translator": "Test translator (test data)"}),
)


def run(root: str, work: str, log=print) -> dict:
    from atazan.importers.text import importer

    project = os.path.join(work, "texts-project")
    bench.make_project(root, project, 0)
    rows = {}
    for label in ("without texts", "with the fixture texts"):
        if label != "without texts":
            for name, version, lang, flags in IMPORTS:
                importer.run(os.path.join(root, *FIXTURES, name), version, lang, os.path.join(project, "data"),
                             importer.Provenance(**flags))
        bench.remove_generated(os.path.join(project, "docs"))
        site = os.path.join(work, "texts-site")
        build = bench.run_build(project, site)
        rows[label] = {"seconds": build.seconds, "cpu_seconds": build.cpu_seconds, "pages": build.pages,
                       "peak_rss_mb": build.peak_rss_mb, "search_index": bench.search_index_weight(site)}
        log(f"  texts: {label}: {build.pages} pages, {build.seconds:.2f} s (CPU {build.cpu_seconds:.2f} s)")
    rows.update(_versions(root, work, log))
    return rows


# What changed, computed (tests/changes/fixtures: TEST DATA, 96 invented articles per version, kk and ru,
# numbers shifting between versions): one version beside three, matched by `atazan match`.
CHANGES_FIXTURES = ("tests", "changes", "fixtures")
VERSIONS = ("adopted", "first_draft", "constitution_1995")


def _versions(root: str, work: str, log) -> dict:
    from atazan.dataset import correspondence
    from atazan.dataset.validate import load_dataset
    from atazan.fsutil import write_atomic
    from atazan.importers.text import importer

    import yaml

    rows = {}
    for count in (1, 3):
        project = os.path.join(work, f"versions-{count}")
        bench.make_project(root, project, 0)
        data = os.path.join(project, "data")
        for version in VERSIONS[:count]:
            for lang in ("kk", "ru"):
                importer.run(os.path.join(root, *CHANGES_FIXTURES, f"{version}.{lang}.txt"), version, lang, data,
                             importer.Provenance(publisher="Test publisher (test data)", title=f"Test {version}",
                                                 date="2026-01-01", url=f"https://example.org/{version}", official=True))
        if count > 1:
            dataset = load_dataset(data, project, check_correspondence=False)
            table = correspondence.propose(correspondence.matching_texts(dataset.texts), "adopted")
            write_atomic(os.path.join(data, correspondence.FILE),
                         yaml.safe_dump(correspondence.to_data(table), allow_unicode=True, sort_keys=False))
        bench.remove_generated(os.path.join(project, "docs"))
        site = os.path.join(work, f"versions-{count}-site")
        build = bench.run_build(project, site)
        label = "1 version (kk, ru)" if count == 1 else f"{count} versions, matched"
        rows[label] = {"seconds": build.seconds, "cpu_seconds": build.cpu_seconds, "pages": build.pages,
                       "peak_rss_mb": build.peak_rss_mb, "search_index": bench.search_index_weight(site)}
        log(f"  texts: {label}: {build.pages} pages, {build.seconds:.2f} s (CPU {build.cpu_seconds:.2f} s)")
    return rows


def format_rows(rows: dict) -> list[str]:
    lines = ["", "With the Constitution's text (fixtures: 96 invented articles; adopted kk/ru/en, then 1 or 3 versions in kk/ru)",
             f"{'':<24} {'pages':>6} {'wall s':>7} {'CPU s':>6} {'RSS MB':>7} " + " ".join(f"{l + ' gz':>8}" for l in ("kk", "ru", "en"))]
    for label, row in rows.items():
        sizes = " ".join(f"{s['gz'] if s['gz'] is not None else '-':>8}" for s in row["search_index"])
        lines.append(f"{label:<24} {row['pages']:>6} {row['seconds']:>7.2f} {row['cpu_seconds']:>6.2f} {row['peak_rss_mb']:>7.0f} {sizes}")
    return lines
