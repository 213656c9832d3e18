"""MkDocs adapter for the Ata Zan generator (the only module that imports MkDocs).

Events, and why each is used:
- on_config: validate data/ and write generated pages into docs/<lang>/ before files are
  collected. It fires once per language build (mkdocs-static-i18n), so the work is skipped
  unless data/ or the templates changed since the last run.
- on_files: keep generator templates in overrides/atazan/ out of the built site.
- on_page_context: point the edit link of a generated page at its data file, and offer
  "suggest a translation" where the page's text in this language is missing or unreviewed.
- on_post_page: add the Atom feed's autodiscovery <link> to each page's head.
- on_post_build: write the open-data export api/v1/<lang>.json and the Atom feeds
  feeds/news-<lang>.xml once, in the root build.
"""

from __future__ import annotations

import hashlib
import logging
import os

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_build_datetime

from atazan import DEFAULT_LANGUAGE, LANGUAGES, editlinks, generate, opendata, render
from atazan.errors import DataError
from atazan.i18n import format_date
from atazan.validate import Dataset, load_dataset

log = logging.getLogger("mkdocs.hooks.atazan")

_state: dict[str, object] = {"fingerprint": None, "dataset": None}


def _inputs(root: str) -> list[str]:
    return [os.path.join(root, "data"), os.path.join(root, "overrides", "atazan")]


def _fingerprint(folders: list[str]) -> str:
    # Cheap change detection: names, sizes and modification times of every input file.
    digest = hashlib.sha1()
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames.sort()
            for name in sorted(filenames):
                stat = os.stat(os.path.join(dirpath, name))
                digest.update(f"{dirpath}/{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def on_config(config):
    root = os.path.dirname(os.path.abspath(config.config_file_path))
    folders = _inputs(root)
    for folder in folders:
        if folder not in config.watch:
            config.watch.append(folder)
    fingerprint = _fingerprint(folders)
    if fingerprint == _state["fingerprint"]:
        return config
    try:
        dataset = load_dataset(os.path.join(root, "data"), root)
        report = generate.write_pages(render.render_all(dataset, site_url=config.site_url or ""), config.docs_dir, root)
    except DataError as error:
        raise PluginError("invalid data:\n" + "\n".join(str(p) for p in error.problems)) from None
    for warning in dataset.warnings:
        log.warning(str(warning))
    log.info(
        "atazan: %d generated pages written, %d unchanged, %d removed",
        len(report.written), len(report.unchanged), len(report.removed),
    )
    _state.update(fingerprint=fingerprint, dataset=dataset)
    return config


def on_files(files, config):
    for file in [f for f in files if f.src_uri.startswith("atazan/") and not f.is_documentation_page()]:
        files.remove(file)
    return files


def _page_language(page, config) -> str:
    # mkdocs-static-i18n (docs_structure: folder) keeps the language folder in src_uri: ru/about.md.
    head = page.file.src_uri.split("/", 1)[0]
    return head if head in LANGUAGES else config.theme.get("language") or DEFAULT_LANGUAGE


def on_page_context(context, page, config, nav):
    source = page.meta.get("atazan_source")
    if source:
        # Never the generated Markdown: that file is overwritten on the next build.
        page.edit_url = editlinks.edit_url(config.repo_url, source) if config.repo_url else None
    lang = _page_language(page, config)
    # The build date on paper, as readers of this language write dates (partials/atazan/page-banner.html).
    page.meta["atazan_built"] = format_date(get_build_datetime().date(), lang)
    dataset = _state["dataset"]
    if source and isinstance(dataset, Dataset):
        gap = editlinks.translation_gap(editlinks.records_behind(dataset, source), lang)
    else:
        # Hand-written pages declare it in front matter: `translation_status: translated`.
        gap = "translated" if page.meta.get("translation_status") == "translated" else None
    if gap and config.repo_url:
        page.meta["atazan_translate"] = {
            "gap": gap,
            "lang": lang,
            "url": editlinks.suggest_translation_url(config.repo_url, page.canonical_url or page.url, lang,
                                                     source or f"docs/{page.file.src_uri}"),
        }
    return context


def on_post_page(output, page, config):
    # Feed autodiscovery without touching the theme's head partials: one <link> per page,
    # pointing at the feed of the page's language.
    from atazan.news.pages import feed_path

    if not config.site_url or "</head>" not in output or _offline(config):
        return output
    lang = _page_language(page, config)
    href = config.site_url.rstrip("/") + "/" + feed_path(lang)
    link = f'<link rel="alternate" type="application/atom+xml" hreflang="{lang}" href="{href}">'
    return output.replace("</head>", link + "</head>", 1)


def _offline(config) -> bool:
    # The offline copy (scripts/offline_build.py) must make no network request. Material fetches
    # sitemap.xml next to every <link rel="alternate">, so an online feed link would reach out.
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def on_post_build(config):
    # mkdocs-static-i18n rebuilds each other language into a sub-folder; export once, at the root.
    if config.theme.get("language") != DEFAULT_LANGUAGE:
        return
    dataset = _state["dataset"]
    if isinstance(dataset, Dataset):
        opendata.write_exports(dataset, config.site_dir)
        _write_feeds(dataset, config)


def _write_feeds(dataset: Dataset, config) -> None:
    # All three feeds from the root build, like the export: site/feeds/news-<lang>.xml.
    from atazan.i18n import load_strings, strings_path
    from atazan.news import feed, pages

    strings = load_strings(strings_path(dataset.root), dataset.root)
    for lang in LANGUAGES:
        target = os.path.join(config.site_dir, pages.feed_path(lang))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(feed.build_feed(dataset, lang, config.site_url or "", strings))
