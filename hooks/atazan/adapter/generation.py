"""on_config's work: validate data/, make the site plan, and write its pages into docs/<lang>/
before MkDocs collects files; skipped when data/ and the templates are as last time."""

from __future__ import annotations

import logging
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from atazan import LANGUAGES
from atazan.adapter.state import BuildCounts, BuildState, cannot_write, chosen_languages, fingerprint, inputs, offline
from atazan.dataset import explanations, translations
from atazan.dataset.validate import load_dataset
from atazan.errors import DataError
from atazan.website import generate, plan, render
from atazan.website.pagefile import DOCS

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
        dataset = load_dataset(os.path.join(root, "data"), root)
        # The offline copy has no folder per page: links MkDocs does not rewrite must name the .html file.
        site = plan.build(dataset, chosen or LANGUAGES, site_url=config.site_url or "", repo_url=config.repo_url or "",
                          directory_urls=config.use_directory_urls and not offline(config))
        rendered = render.render(site)
        report = generate.write_pages([p for p in rendered if p.output == DOCS], config.docs_dir, root, languages=chosen)
    except DataError as error:
        raise PluginError("invalid data:\n" + "\n".join(str(p) for p in error.problems)) from None
    except OSError as error:
        raise PluginError(cannot_write(error, root)) from None
    for warning in dataset.warnings:
        log.warning(str(warning))
    # Outdated translations at INFO: a source edit must not fail `mkdocs build --strict`; the
    # pages flag them to readers, and `atazan validate --strict-translations` fails on them.
    for problem in translations.problems(dataset.translations) + explanations.problems(dataset.explanations):
        log.info(str(problem))
    counts.generated = (len(report.written), len(report.unchanged), len(report.removed))
    state.generated_files = frozenset(os.path.abspath(path) for path in report.written + report.unchanged + report.removed)
    state.fingerprint, state.plan = current, site
    state.site_files = tuple(p for p in rendered if p.output != DOCS)  # written into the built site (outputs.py)
