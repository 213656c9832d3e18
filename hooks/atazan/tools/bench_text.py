"""`atazan bench --texts`: build cost and search-index weight with the Constitution's text held at
full scale, beside the same project without texts. The full-scale text is the rehearsal
(tests/rehearsal/: TEST DATA, 96 invented articles; the adopted text in kk and ru as the portal's
JSON and in en as an unofficial translation, the first draft (95 articles) and the final draft in
kk and ru), imported, matched and curated as an operator and a curator would (its README), so every
version and language is held and explanations, news and fact-checks sit beside the text. Then what
changed, computed (the changes fixtures, 1 or 3 versions). Command-line only."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

from atazan.tools import benchbuild as bench

REHEARSAL = ("tests", "rehearsal")


def _rehearsal_recipe(root: str):
    """tests/rehearsal/make_rehearsal.py: its FILES (the import commands) and apply_overlay."""
    path = os.path.join(root, *REHEARSAL, "make_rehearsal.py")
    spec = importlib.util.spec_from_file_location("make_rehearsal", path)
    if spec is None or spec.loader is None:
        raise bench.BenchError(f"{path}: cannot be loaded (the rehearsal's recipe)")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def atazan_command(*args: str) -> tuple[int, str, str]:
    """An `atazan` command as an operator runs it (a process of its own: the bench is part of the
    command line, which it must not import), with its output kept."""
    hooks = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(os.environ, PYTHONPATH=hooks + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-m", "atazan", *args], capture_output=True, text=True, env=env)
    return done.returncode, done.stdout, done.stderr


def import_rehearsal(root: str, data: str) -> list[str]:
    """Every rehearsal text of `root`'s tests/rehearsal imported into `data` (except those the recipe
    lists as waiting for the importer), matched, and the curator's overlay applied, as
    tests/conftest.py's rehearsal_project does; returns "version lang" of each text imported."""
    recipe = _rehearsal_recipe(root)
    folder = os.path.join(root, *REHEARSAL)
    imported = []
    for source in recipe.FILES:
        if source.name in recipe.WAITING_FOR_IMPORTER:
            continue
        code, _, err = atazan_command(*source.args(folder, data))
        if code != 0:
            raise bench.BenchError(f"atazan import-text {source.name}: {err.strip()}")
        imported.append(f"{source.version} {source.lang}")
    code, _, err = atazan_command("match", "--data", data)
    if code != 0:
        raise bench.BenchError(f"atazan match: {err.strip()}")
    recipe.apply_overlay(data, atazan_command)
    return imported


def run(root: str, work: str, log=print) -> dict:
    project = os.path.join(work, "texts-project")
    bench.make_project(root, project, 0)
    rows = {}
    for label in ("without texts", "with the rehearsal texts"):
        if label != "without texts":
            import_rehearsal(root, os.path.join(project, "data"))
        bench.remove_generated(os.path.join(project, "docs"))
        site = os.path.join(work, "texts-site")
        build = bench.run_build(project, site)
        rows[label] = {"seconds": build.seconds, "cpu_seconds": build.cpu_seconds, "pages": build.pages,
                       "peak_rss_mb": build.peak_rss_mb, "search_index": bench.search_index_weight(site)}
        log(f"  texts: {label}: {build.pages} pages, {build.seconds:.2f} s (CPU {build.cpu_seconds:.2f} s, "
            f"{1000 * build.cpu_seconds / max(build.pages, 1):.1f} ms a page)")
    rows.update(_scaled(root, work, log))
    rows.update(_versions(root, work, log))
    return rows


# Issue 26: build CPU per page with every text held must stay flat as the records grow (within 10%
# from 1x to 5x); a step that grows faster than the pages (what-changed rebuilding every article of
# a text for each changed one) shows here first.
SCALES = (1, 5)
PER_PAGE_GROWTH = 1.10


def _scaled(root: str, work: str, log) -> dict:
    rows = {}
    for scale in SCALES:
        project = os.path.join(work, f"texts-project-{scale}x")
        bench.make_project(root, project, scale)
        import_rehearsal(root, os.path.join(project, "data"))
        bench.remove_generated(os.path.join(project, "docs"))
        site = os.path.join(work, f"texts-site-{scale}x")
        build = bench.run_build(project, site)
        label = f"texts held, {scale}x records"
        rows[label] = {"seconds": build.seconds, "cpu_seconds": build.cpu_seconds, "pages": build.pages,
                       "peak_rss_mb": build.peak_rss_mb, "search_index": bench.search_index_weight(site), "scale": scale}
        log(f"  texts: {label}: {build.pages} pages, {build.seconds:.2f} s (CPU {build.cpu_seconds:.2f} s, "
            f"{1000 * build.cpu_seconds / max(build.pages, 1):.1f} ms a page)")
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
    lines = ["", "With the Constitution's text (the rehearsal: 96 invented articles, every version and language held; "
                 "then the changes fixtures, 1 or 3 versions in kk/ru)",
             f"{'':<26} {'pages':>6} {'wall s':>7} {'CPU s':>6} {'ms/page':>8} {'RSS MB':>7} "
             + " ".join(f"{l + ' gz':>8}" for l in ("kk", "ru", "en"))]
    for label, row in rows.items():
        sizes = " ".join(f"{s['gz'] if s['gz'] is not None else '-':>8}" for s in row["search_index"])
        per_page = 1000 * row["cpu_seconds"] / max(row["pages"], 1)
        lines.append(f"{label:<26} {row['pages']:>6} {row['seconds']:>7.2f} {row['cpu_seconds']:>6.2f} {per_page:>8.1f} "
                     f"{row['peak_rss_mb']:>7.0f} {sizes}")
    scaled = [row for row in rows.values() if "scale" in row]
    if len(scaled) == 2:
        low, high = (1000 * row["cpu_seconds"] / max(row["pages"], 1) for row in scaled)
        ratio = high / low
        lines.append(f"CPU per page with the texts held, {scaled[1]['scale']}x / {scaled[0]['scale']}x records: {ratio:.2f} "
                     f"({high:.1f} / {low:.1f} ms; budget <= {PER_PAGE_GROWTH:.2f}): "
                     + ("meets" if ratio <= PER_PAGE_GROWTH else "MISSES"))
    return lines
