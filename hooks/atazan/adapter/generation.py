"""on_config's work: check the project as `atazan validate` does (adapter/checks.py), make the
site plan, and write its pages into docs/<lang>/ before MkDocs collects files; skipped when data/
and the templates are as last time."""

from __future__ import annotations

import logging
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from atazan import LANGUAGES
from atazan.adapter.state import BuildCounts, BuildState, cannot_write, chosen_languages, fingerprint, inputs
from atazan.adapter import checks
from atazan.dataset import explanations, translations
from atazan.errors import DataError
from atazan.website import generate
from atazan.website.pagefile import PART, SITE

log = logging.getLogger("mkdocs.hooks.atazan")


def plan_and_write_pages(config: MkDocsConfig, root: str, state: BuildState, counts: BuildCounts) -> None:
    folders = inputs(root)
    for folder in folders:
        if folder not in config.watch:
            config.watch.append(folder)
    current = fingerprint(folders)
    if current == state.fingerprint:
        return
    # A preview of some languages (atazan serve --lang) renders only theirs; a build, every language.
    chosen = tuple(lang for lang in LANGUAGES if lang in chosen_languages()) or None
    try:
        # What `atazan validate` checks, in the same code path (adapter/checks.py).
        checked = checks.check(config, chosen or LANGUAGES)
        dataset, site, rendered = checked.dataset, checked.plan, checked.pages
        report = generate.write_pages(checked.docs_pages, config.docs_dir, root, languages=chosen)
    except DataError as error:
        raise PluginError(f"{len(error.problems)} problem(s), as `atazan validate` lists them:\n"
                          + "\n".join(str(p) for p in error.problems)) from None
    except OSError as error:
        raise PluginError(cannot_write(error, root)) from None
    # Warnings never stop a build (strict: true makes a logged warning an error): what must stop
    # it is an error, and `atazan validate` exits 1 on it too.
    for warning in dataset.warnings:
        log.info(str(warning))
    # Outdated translations at INFO: a source edit must not fail `mkdocs build --strict`; the
    # pages flag them to readers, and `atazan validate --strict-translations` fails on them.
    for problem in translations.problems(dataset.translations) + explanations.problems(dataset.explanations):
        log.info(str(problem))
    counts.generated = (len(report.written), len(report.unchanged), len(report.removed))
    state.generated_files = frozenset(os.path.abspath(path) for path in report.written + report.unchanged + report.removed)
    state.fingerprint, state.plan = current, site
    state.site_files = tuple(p for p in rendered if p.output == SITE)  # written into the built site (outputs.py)
    state.parts = {(p.lang, p.path): p.content for p in rendered if p.output == PART}  # pages.fill_parts
