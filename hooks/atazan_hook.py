"""MkDocs adapter for the Ata Zan generator (the only module that imports MkDocs).

Events, and why each is used:
- on_startup, on_serve: remember a dirty build; under `mkdocs serve` / `atazan serve`, rebuild
  on edits of hand-written pages in docs/ but not on our own writes of generated ones.
- on_config: validate data/ and write generated pages into docs/<lang>/ before files are
  collected (only the previewed languages' under `atazan serve --lang`). It fires once per language build (mkdocs-static-i18n), so the work is skipped
  unless data/ or the templates changed since the last run.
- on_files (after i18n): keep generator templates in overrides/atazan/ out of the built site;
  add this language's missing pages, shown from the language that has them (atazan/languages.py).
- on_page_markdown: keep those stand-in pages out of search; heading anchors titled in the page's
  language (toc permalink_title).
- on_page_context: point the edit link of a generated page at its data file, and offer
  "suggest a translation" where the page's text in this language is missing or unreviewed.
- on_page_content: mark the text of a page shown from another language with that language.
- on_env: `atazan_say(key)`, the strings.yml table in the build's language, for theme partials.
- on_post_template: keep one 404 page per language (404.html, ru/404.html, en/404.html).
- on_post_page: make the hreflang alternates full URLs; add the Atom feed's autodiscovery <link>.
- on_post_build: write this language's search index search/search_index.<lang>.json (every
  language build); write the open-data export api/v1/<lang>.json and the Atom feeds
  feeds/news-<lang>.xml once, in the root build; after the last language, one summary line:
  pages per language, generated pages, warnings.

Output stays short: mkdocs.yml silences Material's banner and the pages-not-in-nav list, and
i18n's per-language "Overriding ... config" lines are dropped (they repeat mkdocs.yml).
"""

from __future__ import annotations

import functools
import hashlib
import html
import logging
import os
import re
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.utils import get_build_datetime, get_relative_url

from atazan import DEFAULT_LANGUAGE, LANGUAGES, ONLY_LANGUAGES_ENV
from atazan.dataset import explanations, translations
from atazan.website import editlinks, generate, languages, opendata, render, search_index
from atazan.errors import DataError
from atazan.fsutil import write_atomic
from atazan.website.i18n import URL_PREFIX, format_date, load_strings, page_url, strings_path
from atazan.dataset.validate import Dataset, load_dataset

log = logging.getLogger("mkdocs.hooks.atazan")

_state: dict[str, object] = {"fingerprint": None, "dataset": None}


class _BuildCounts(logging.Handler):
    """Pages per language and warnings of one `mkdocs build` (all its languages), for the summary line."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.pages: dict[str, int] = {}
        self.warnings = 0
        self.generated = (0, 0, 0)  # written, unchanged, removed

    def emit(self, record: logging.LogRecord) -> None:
        self.warnings += 1


_counts = _BuildCounts()


class _DropConfigEcho(logging.Filter):
    # mkdocs-static-i18n logs every per-language override of mkdocs.yml (site_name, copyright, ...)
    # at INFO in every build: nine lines that repeat the configuration.
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()  # "mkdocs_static_i18n: Overriding 'ru' config 'site_name' with …"
        return not ("Overriding '" in message and "' config '" in message)


_i18n_log = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure")  # where it logs them
if not any(isinstance(f, _DropConfigEcho) for f in _i18n_log.filters):
    _i18n_log.addFilter(_DropConfigEcho())


def _nested_language_build(config) -> bool:
    # mkdocs-static-i18n builds the other languages from inside the first build's on_post_build.
    i18n = config.plugins.get("i18n")
    return bool(i18n and getattr(i18n, "building", False))


def _start_counting() -> None:
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.removeHandler(_counts)
    _counts.pages, _counts.warnings, _counts.generated = {}, 0, (0, 0, 0)
    mkdocs_log.addHandler(_counts)


def _inputs(root: str) -> list[str]:
    return [os.path.join(root, "data"), os.path.join(root, "overrides", "atazan")]


def _fingerprint(folders: list[str]) -> str:
    # Cheap change detection: names, sizes and modification times of every input file.
    digest = hashlib.sha1()
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                # lstat for a broken link, which the data check then reports by name
                stat = os.stat(path) if os.path.exists(path) else os.lstat(path)
                digest.update(f"{dirpath}/{name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def on_config(config):
    if not _nested_language_build(config):
        _start_counting()
        _build_only_chosen_languages(config)
    root = os.path.dirname(os.path.abspath(config.config_file_path))
    _check_languages(config, root)
    folders = _inputs(root)
    for folder in folders:
        if folder not in config.watch:
            config.watch.append(folder)
    fingerprint = _fingerprint(folders)
    if fingerprint == _state["fingerprint"]:
        return config
    # A preview of some languages (atazan serve --lang) renders only theirs; a build, every language.
    chosen = tuple(lang for lang in LANGUAGES if lang in _chosen_languages()) or None
    try:
        dataset = load_dataset(os.path.join(root, "data"), root)
        pages = render.render_all(dataset, languages=chosen or LANGUAGES, site_url=config.site_url or "",
                                  repo_url=config.repo_url or "")
        report = generate.write_pages(pages, config.docs_dir, root, languages=chosen)
    except DataError as error:
        raise PluginError("invalid data:\n" + "\n".join(str(p) for p in error.problems)) from None
    except OSError as error:
        raise PluginError(_cannot_write(error, root)) from None
    for warning in dataset.warnings:
        log.warning(str(warning))
    # Outdated translations at INFO: a source edit must not fail `mkdocs build --strict`; the
    # pages flag them to readers, and `atazan validate --strict-translations` fails on them.
    for problem in translations.problems(dataset.translations) + explanations.problems(dataset.explanations):
        log.info(str(problem))
    _counts.generated = (len(report.written), len(report.unchanged), len(report.removed))
    # What the live server must not take for an edit (on_serve): these files are ours.
    _state["generated_files"] = {os.path.abspath(path) for path in report.written + report.unchanged + report.removed}
    _state.update(fingerprint=fingerprint, dataset=dataset)
    return config


class _DropDirtyNotice(logging.Filter):
    # `atazan serve --lang` asks for dirty rebuilds on purpose (tools/serve.py says what they skip);
    # MkDocs' notice is a warning, which --strict (mkdocs.yml) would turn into an aborted preview.
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command, dirty):
    _state["dirty"] = dirty
    build_log = logging.getLogger("mkdocs.commands.build")
    if dirty and _chosen_languages() and not any(isinstance(f, _DropDirtyNotice) for f in build_log.filters):
        build_log.addFilter(_DropDirtyNotice())


def on_serve(server, config, builder):
    # MkDocs rebuilds on any change in docs/, and our on_config writes generated pages there: every
    # edit of data/ would be built twice. Watch docs/ for the hand-written pages only. (This uses
    # the LiveReloadServer's rebuild flag, as its own watch() does; without it, leave MkDocs' watch.)
    docs = os.path.abspath(config.docs_dir)
    if not (hasattr(server, "_rebuild_cond") and hasattr(server, "_want_rebuild") and docs in getattr(server, "_watched_paths", {})):
        return server
    import watchdog.events

    def ours(path: str) -> bool:
        path = os.path.abspath(path)
        return os.path.basename(path).startswith(".") or path in _state.get("generated_files", ())

    def on_any_event(event):
        paths = [event.src_path] + ([event.dest_path] if getattr(event, "dest_path", "") else [])
        if event.is_directory or all(ours(os.fsdecode(path)) for path in paths):
            return
        with server._rebuild_cond:
            server._want_rebuild = True
            server._rebuild_cond.notify_all()

    server.unwatch(docs)
    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = on_any_event
    server.observer.schedule(handler, docs, recursive=True)
    return server


def _chosen_languages() -> list[str]:
    # `atazan serve --lang ru` (atazan/tools/serve.py) previews one language: a third of the build.
    return [lang for lang in os.environ.get(ONLY_LANGUAGES_ENV, "").replace(",", " ").split() if lang]


def _build_only_chosen_languages(config) -> None:
    # Before mkdocs-static-i18n's own on_config (-100) of the first language build: it builds the
    # default language first and then every language whose `build` is true.
    wanted = _chosen_languages()
    i18n = config.plugins.get("i18n")
    if not wanted or i18n is None:
        return
    unknown = sorted(set(wanted) - set(LANGUAGES))
    if unknown:
        raise PluginError(f"{ONLY_LANGUAGES_ENV}={os.environ[ONLY_LANGUAGES_ENV]}: unknown language(s) {', '.join(unknown)}; "
                          f"choose from {', '.join(LANGUAGES)}")
    for language in i18n.config.languages:
        language.build = language.locale in wanted
    if i18n.current_language is None:
        i18n.current_language = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in wanted else wanted[0]


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
    lang = config.theme.get("language")
    _counts.pages[lang] = _counts.pages.get(lang, 0) + 1
    # Only the <head> changes, so only the head is searched and rebuilt (pages of a large news index
    # are long).
    from atazan.website.news import feed_path

    target = getattr(page.file, "atazan_target", None)
    if target:
        output = _mark_page_language(output, target.text_lang)
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


# The header's page title and the page's table of contents repeat the page's headings.
_TITLE_AND_TOC = re.compile(r'(data-md-component="(?:header-topic|toc)")')


def _mark_page_language(output: str, text_lang: str) -> str:
    # A page shown from another language: on_page_content marks its text; its title in the header
    # and its table of contents are that language too, outside the content.
    return _TITLE_AND_TOC.sub(rf'\1 lang="{text_lang}"', output)


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


def _check_languages(config, root: str) -> None:
    # The generator, the strings and the page addresses know kk, ru and en only; another locale
    # would fail deep inside a template with a KeyError.
    i18n = config.plugins.get("i18n")
    wanted = [("theme.language", config.theme.get("language"))]
    if i18n is not None:
        wanted += [("plugins.i18n.languages", getattr(lang, "locale", None)) for lang in i18n.config.languages]
    for field, locale in wanted:
        if locale is not None and locale not in LANGUAGES:
            shown = os.path.relpath(config.config_file_path, root)
            line = _line_of(config.config_file_path, rf"(?:language|locale):\s*['\"]?{re.escape(locale)}['\"]?\s*$")
            where = f"{shown}:{line}" if line else shown
            raise PluginError(f"{where}: {field}: unknown language '{locale}'; Ata Zan builds {', '.join(LANGUAGES)}")


def _line_of(path: str, pattern: str) -> int | None:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if re.search(pattern, line):
                    return number
    except OSError:
        pass
    return None


def _cannot_write(error: OSError, root: str) -> str:
    # One line naming the file, instead of a traceback from deep inside the build.
    from atazan.errors import display_path

    where = display_path(str(error.filename), root) if error.filename else "output"
    return f"{where}: cannot write: {error.strerror or error}"


def _write_indexes_and_exports(config):
    try:
        _post_build(config)
    except OSError as error:
        raise PluginError(_cannot_write(error, os.path.dirname(os.path.abspath(config.config_file_path)))) from None


def _post_build(config):
    _write_search_index(config)
    # mkdocs-static-i18n rebuilds each other language into a sub-folder; export once, at the root.
    if config.theme.get("language") != DEFAULT_LANGUAGE:
        return
    dataset = _state["dataset"]
    if isinstance(dataset, Dataset):
        opendata.write_exports(dataset, config.site_dir)
        _write_feeds(dataset, config)


@event_priority(-150)  # after mkdocs-static-i18n (-100) has built the other languages
def _summary_line(config):
    if _nested_language_build(config):
        return
    logging.getLogger("mkdocs").removeHandler(_counts)
    pages = ", ".join(f"{lang} {_counts.pages[lang]}" for lang in LANGUAGES if lang in _counts.pages)
    written, unchanged, removed = _counts.generated
    log.info("atazan: %d pages (%s); generated pages: %d written, %d unchanged, %d removed; %d warning(s)",
             sum(_counts.pages.values()), pages or "none", written, unchanged, removed, _counts.warnings)
    _state["built"] = True
    chosen = _chosen_languages()
    if chosen:
        site = (config.site_url or "/").rstrip("/") + "/"
        log.info("atazan: only %s built (%s); open %s", ", ".join(chosen), ONLY_LANGUAGES_ENV,
                 " ".join(site + URL_PREFIX[lang] for lang in chosen if lang in URL_PREFIX))


on_post_build = CombinedEvent(_write_indexes_and_exports, _summary_line)


def _write_search_index(config) -> None:
    # Every language's build, after the search plugin wrote this language's index:
    # search/search_index.<lang>.json (atazan/search_index.py, decisions/search.md).
    if _state.get("dirty") and _state.get("built"):
        return  # a dirty rebuild (atazan serve --lang) indexes only the pages it rebuilt: keep the full one
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
    from atazan.website import feed, news as pages

    strings = load_strings(strings_path(dataset.root), dataset.root)
    for lang in LANGUAGES:
        target = os.path.join(config.site_dir, pages.feed_path(lang))
        write_atomic(target, feed.build_feed(dataset, lang, config.site_url or "", strings), durable=False)


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
    _anchor_titles_in_page_language(page, config)
    return markdown


def _anchor_titles_in_page_language(page, config) -> None:
    # toc's permalink_title is one value in mkdocs.yml for every language, and i18n may not override
    # markdown_extensions per language. MkDocs makes a new Markdown instance from mdx_configs for
    # each page after this event, so the page's own language is set here (strings.yml permalink.title).
    toc = config["mdx_configs"].get("toc")
    if toc is not None and toc.get("permalink"):
        root = os.path.dirname(os.path.abspath(config.config_file_path))
        path = strings_path(root)
        toc["permalink_title"] = _strings(path, os.stat(path).st_mtime_ns, root).get("permalink.title", _page_language(page, config))


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
    write_atomic(target, output, durable=False)
    return _state.get("404") or output


# ------------------------------------------------------------------ pages shown from another language

def on_page_content(content, page, config, files):
    target = getattr(page.file, "atazan_target", None)
    if target:
        # A page shown from another language: its text is in that language, whatever <html lang>
        # says (screen readers pick their voice by it).
        return f'<div lang="{target.text_lang}">{content}</div>'
    return content


@functools.lru_cache(maxsize=2)  # once per build, not once per page; an edited strings.yml is read again
def _strings(path: str, mtime_ns: int, root: str):
    return load_strings(path, root)
