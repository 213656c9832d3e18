"""MkDocs adapter for the Ata Zan generator (the only module that imports MkDocs).

Events, and why each is used:
- on_config: validate data/ and write generated pages into docs/<lang>/ before files are
  collected. It fires once per language build (mkdocs-static-i18n), so the work is skipped
  unless data/ or the templates changed since the last run.
- on_files (after i18n): keep generator templates in overrides/atazan/ out of the built site;
  add this language's missing pages, shown from the language that has them (atazan/languages.py).
- on_page_markdown: keep those stand-in pages out of search.
- on_page_context: point the edit link of a generated page at its data file, and offer
  "suggest a translation" where the page's text in this language is missing or unreviewed.
- on_page_content: mark the text of a page shown from another language with that language.
- on_env: `atazan_say(key)`, the strings.yml table in the build's language, for theme partials.
- on_post_template: keep one 404 page per language (404.html, ru/404.html, en/404.html).
- on_post_page: make the hreflang alternates full URLs; add the Atom feed's autodiscovery <link>.
- on_post_build: write this language's search index search/search_index.<lang>.json (every
  language build); write the open-data export api/v1/<lang>.json and the Atom feeds
  feeds/news-<lang>.xml once, in the root build.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import re
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_build_datetime, get_relative_url

from atazan import DEFAULT_LANGUAGE, LANGUAGES
from atazan.dataset import explanations, translations
from atazan.website import editlinks, generate, languages, opendata, render, search_index
from atazan.errors import DataError
from atazan.website.i18n import URL_PREFIX, format_date, load_strings, page_url, strings_path
from atazan.dataset.validate import Dataset, load_dataset

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
        pages = render.render_all(dataset, site_url=config.site_url or "", repo_url=config.repo_url or "")
        report = generate.write_pages(pages, config.docs_dir, root)
    except DataError as error:
        raise PluginError("invalid data:\n" + "\n".join(str(p) for p in error.problems)) from None
    for warning in dataset.warnings:
        log.warning(str(warning))
    # Outdated translations at INFO: a source edit must not fail `mkdocs build --strict`; the
    # pages flag them to readers, and `atazan validate --strict-translations` fails on them.
    for problem in translations.problems(dataset.translations) + explanations.problems(dataset.explanations):
        log.info(str(problem))
    log.info(
        "atazan: %d generated pages written, %d unchanged, %d removed",
        len(report.written), len(report.unchanged), len(report.removed),
    )
    _state.update(fingerprint=fingerprint, dataset=dataset)
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has picked this language's files
def on_files(files, config):
    _add_missing_pages(files, config)
    for file in [f for f in files if f.src_uri.startswith("atazan/") and not f.is_documentation_page()]:
        files.remove(file)
    return files


def _page_language(page, config) -> str:
    if getattr(page.file, "atazan_target", None):  # a stand-in for a missing page: its section's language
        return page.file.atazan_target.section
    # mkdocs-static-i18n (docs_structure: folder) keeps the language folder in src_uri: ru/about.md.
    head = page.file.src_uri.split("/", 1)[0]
    return head if head in LANGUAGES else config.theme.get("language") or DEFAULT_LANGUAGE


def on_page_context(context, page, config, nav):
    _language_links(page, config)
    source = page.meta.get("atazan_source")
    if source:
        # Never the generated Markdown: that file is overwritten on the next build.
        page.edit_url = editlinks.edit_url(config.repo_url, source) if config.repo_url else None
    lang = _page_language(page, config)
    # The build date on paper, as readers of this language write dates (partials/atazan/page-banner.html).
    page.meta["atazan_built"] = format_date(get_build_datetime().date(), lang)
    dataset = _state["dataset"]
    if source and isinstance(dataset, Dataset):
        gap = editlinks.page_gap(dataset, source, lang)
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
    # Only the <head> changes, so only the head is searched and rebuilt (pages of a large news index
    # are long).
    from atazan.website.news import feed_path

    end = output.find("</head>")
    if not config.site_url or end < 0 or _offline(config):
        return output
    site = config.site_url.rstrip("/") + "/"
    head = _absolute_alternates(output[:end], site + page.url)
    # Feed autodiscovery without touching the theme's head partials: one <link> per page, pointing
    # at the feed of the page's language. No hreflang: the feed is not a translation of the page
    # (head-alternates.html keeps Material from fetching a sitemap.xml beside it).
    feed = f'<link rel="alternate" type="application/atom+xml" href="{site}{feed_path(_page_language(page, config))}">'
    return head + feed + output[end:]


_HREFLANG_LINK = re.compile(r'<link rel="alternate"[^>]*\shreflang="[^"]*"[^>]*>')
_HREF = re.compile(r'\shref="([^"]*)"')


def _absolute_alternates(head: str, page_address: str) -> str:
    # Search engines ignore hreflang alternates that are not full URLs; Material writes them
    # relative (its language selector, which stays relative, works offline and from file://).
    def absolute(link: re.Match) -> str:
        return _HREF.sub(lambda href: f' href="{html.escape(urljoin(page_address, html.unescape(href[1])))}"', link[0], count=1)

    return _HREFLANG_LINK.sub(absolute, head)


def _offline(config) -> bool:
    # The offline copy (scripts/offline_build.py) must make no network request. Material fetches
    # sitemap.xml next to every <link rel="alternate">, so an online feed link would reach out.
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def on_post_build(config):
    _write_search_index(config)
    # mkdocs-static-i18n rebuilds each other language into a sub-folder; export once, at the root.
    if config.theme.get("language") != DEFAULT_LANGUAGE:
        return
    dataset = _state["dataset"]
    if isinstance(dataset, Dataset):
        opendata.write_exports(dataset, config.site_dir)
        _write_feeds(dataset, config)


def _write_search_index(config) -> None:
    # Every language's build, after the search plugin wrote this language's index:
    # search/search_index.<lang>.json (atazan/search_index.py, decisions/search.md).
    search = config.plugins.get("material/search")
    lang = config.theme.get("language")
    if not (search and search.config.enabled and lang in LANGUAGES):
        return
    try:
        search_index.write_language_index(config.site_dir, lang, script=_offline(config))
    except search_index.SearchIndexError as error:
        raise PluginError(str(error)) from None


def _write_feeds(dataset: Dataset, config) -> None:
    # All three feeds from the root build, like the export: site/feeds/news-<lang>.xml.
    from atazan.website.i18n import load_strings, strings_path
    from atazan.website import feed, news as pages

    strings = load_strings(strings_path(dataset.root), dataset.root)
    for lang in LANGUAGES:
        target = os.path.join(config.site_dir, pages.feed_path(lang))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(feed.build_feed(dataset, lang, config.site_url or "", strings))


# ------------------------------------------------------------------ languages: counterparts, 404

def _add_missing_pages(files, config) -> None:
    # A page this language lacks is shown from the language that has it, at this language's
    # address, with the missing-page notice (partials/atazan/page-missing.html).
    from mkdocs.structure.files import File

    lang = config.theme.get("language")
    catalog = languages.Catalog.from_docs(config.docs_dir)
    _state["catalog"] = catalog
    if lang not in LANGUAGES:
        return
    for target in catalog.fallbacks(lang):
        src = f"{target.text_lang}/{target.path}"
        natural = File(src, config.docs_dir, config.site_dir, config.use_directory_urls).dest_uri
        file = File(src, config.docs_dir, config.site_dir, config.use_directory_urls,
                    dest_uri=URL_PREFIX[lang] + natural.split("/", 1)[1])
        file.atazan_target = target
        files.append(file)


def _alternates(config) -> list[dict]:
    # i18n assigns the language selector per page as an attribute (config.extra.alternate = ...),
    # which is what Material's templates then read; before its first page only the item exists.
    found = getattr(config.extra, "alternate", None)
    return found if isinstance(found, list) else config.extra.get("alternate") or []


def on_page_markdown(markdown, page, config, files):
    if getattr(page.file, "atazan_target", None):
        page.meta["search"] = {"exclude": True}  # its text is indexed where it really lives
    return markdown


def _language_links(page, config) -> None:
    # The language selector and <link rel="alternate" hreflang> (Material renders both from
    # extra.alternate): each language's counterpart of this page, never a home page instead.
    catalog = _state.get("catalog")
    lang = config.theme.get("language")
    target = getattr(page.file, "atazan_target", None)
    head, _, rest = page.file.src_uri.partition("/")
    path = target.path if target else rest if head in LANGUAGES else None
    if not isinstance(catalog, languages.Catalog) or path is None or path not in catalog.pages:
        return
    for alternate in _alternates(config):
        counterpart = catalog.target(path, alternate.get("lang"))
        if counterpart:
            alternate["link"] = counterpart.href(config.use_directory_urls)
    default = catalog.x_default(path)
    page.meta["atazan_x_default"] = default.href(config.use_directory_urls) if default else None
    if target:
        shown = languages.Target(target.text_lang, path, target.text_lang)
        page.meta["atazan_missing"] = {"lang": lang, "shown": target.text_lang,
                                       "url": get_relative_url(shown.href(config.use_directory_urls), page.url)}
        if config.site_url:
            page.canonical_url = config.site_url.rstrip("/") + "/" + page_url(shown.section, path)


def on_template_context(context, template_name, config):
    # 404.html is no page, so nothing above set its language selector: each language's home.
    if template_name == "404.html":
        base = urlsplit(config.site_url or "/").path.rstrip("/")
        for alternate in _alternates(config):
            alternate["link"] = f"{base}/{page_url(alternate.get('lang'), 'index.md')}"
    return context


def on_env(env, config, files):
    # Theme partials read strings.yml through atazan_say("key"), in this build's language.
    root = os.path.dirname(os.path.abspath(config.config_file_path))
    strings = load_strings(strings_path(root), root)
    lang = config.theme.get("language")
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    env.globals["atazan_say"] = lambda key, **values: strings.get(key, lang, **values)
    env.globals["atazan_home"] = {code: page_url(code, "index.md") for code in LANGUAGES}
    env.globals["atazan_default"] = DEFAULT_LANGUAGE
    return env


def on_post_template(output, template_name, config):
    # MkDocs writes 404.html at the site root in every language's build; keep each language's at
    # <lang>/404.html and the default language's at the root (the page a static host serves).
    if template_name != "404.html":
        return output
    lang = config.theme.get("language")
    if lang == DEFAULT_LANGUAGE or lang not in LANGUAGES:
        _state["404"] = output
        return output
    target = os.path.join(config.site_dir, URL_PREFIX[lang], "404.html")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(output)
    return _state.get("404") or output


# ------------------------------------------------------------------ pages shown from another language

def on_page_content(content, page, config, files):
    target = getattr(page.file, "atazan_target", None)
    if target:
        # A page shown from another language: its text is in that language, whatever <html lang>
        # says (screen readers pick their voice by it).
        return f'<div lang="{target.text_lang}">{content}</div>'
    return content
