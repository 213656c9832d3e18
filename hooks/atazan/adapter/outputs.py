"""What a build writes beside MkDocs' pages: each language's search index, the open-data
export and the Atom feeds (once, in the root build), one 404 page per language, and the
summary line at the end."""

from __future__ import annotations

import logging
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from atazan import DEFAULT_LANGUAGE, LANGUAGES, ONLY_LANGUAGES_ENV
from atazan.adapter.state import BuildCounts, BuildState, chosen_languages, language, offline
from atazan.fsutil import write_atomic
from atazan.website import routes
from atazan.website.exports import feed, opendata, search_index
from atazan.website.i18n import load_strings, strings_path
from atazan.website.routes import URL_PREFIX

log = logging.getLogger("mkdocs.hooks.atazan")


def write_search_index(config: MkDocsConfig, state: BuildState) -> None:
    # Every language's build, after the search plugin wrote this language's index:
    # search/search_index.<lang>.json (website/exports/search_index.py, decisions/search.md).
    if state.dirty and state.built:
        return  # a dirty rebuild (atazan serve --lang) indexes only the pages it rebuilt: keep the full one
    search = config.plugins.get("material/search")
    if not (search and search.config.enabled and config.theme.get("language") in LANGUAGES):
        return
    try:
        search_index.write_language_index(config.site_dir, language(config), script=offline(config))
    except search_index.SearchIndexError as error:
        raise PluginError(str(error)) from None


def write_exports_and_feeds(config: MkDocsConfig, state: BuildState) -> None:
    # mkdocs-static-i18n rebuilds each other language into a sub-folder; export once, at the root:
    # site/api/v1/<lang>.json, site/feeds/news-<lang>.xml and the plan's files for the site (routes.py).
    plan = state.plan
    if config.theme.get("language") != DEFAULT_LANGUAGE or plan is None:
        return
    dataset = plan.dataset
    opendata.write_exports(dataset, config.site_dir)
    strings = load_strings(strings_path(dataset.root), dataset.root)
    for lang in LANGUAGES:
        target = os.path.join(config.site_dir, routes.news_feed(lang))
        write_atomic(target, feed.build_feed(dataset, lang, config.site_url or "", strings), durable=False)
    for page in state.site_files:
        write_atomic(os.path.join(config.site_dir, page.path), page.content, durable=False)


def keep_404_per_language(output: str, config: MkDocsConfig, state: BuildState) -> str:
    # MkDocs writes 404.html at the site root in every language's build; keep each language's at
    # <lang>/404.html and the default language's at the root (the page a static host serves).
    # The offline copy has none (drop_404_offline): opened from file://, no server ever shows it.
    lang = config.theme.get("language")
    if lang == DEFAULT_LANGUAGE or lang not in LANGUAGES or offline(config):
        state.default_404 = output
        return output
    write_atomic(os.path.join(config.site_dir, URL_PREFIX[lang], "404.html"), output, durable=False)
    return state.default_404 or output


def drop_404_offline(config: MkDocsConfig) -> None:
    # A 404 page is what a web server answers for a missing address; the offline copy is opened
    # from file://, where no page is ever answered that way, and the 404 page's links are absolute
    # paths of the online site (its address may be any depth), which lead nowhere from a folder.
    if offline(config):
        path = os.path.join(config.site_dir, "404.html")
        if os.path.exists(path):
            os.remove(path)


def summary_line(config: MkDocsConfig, counts: BuildCounts) -> None:
    pages = ", ".join(f"{lang} {counts.pages[lang]}" for lang in LANGUAGES if lang in counts.pages)
    written, unchanged, removed = counts.generated
    log.info("atazan: %d pages (%s); generated pages: %d written, %d unchanged, %d removed; %d warning(s)",
             sum(counts.pages.values()), pages or "none", written, unchanged, removed, counts.warnings)
    chosen = chosen_languages()
    if chosen:
        site = (config.site_url or "/").rstrip("/") + "/"
        log.info("atazan: only %s built (%s); open %s", ", ".join(chosen), ONLY_LANGUAGES_ENV,
                 " ".join(site + URL_PREFIX[lang] for lang in chosen if lang in URL_PREFIX))
