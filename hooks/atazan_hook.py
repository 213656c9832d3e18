"""MkDocs adapter for the Ata Zan generator: events only, each mapping the site plan
(atazan/website/plan.py, its page kinds in website/kinds/) onto MkDocs' objects through atazan/adapter/.

Events, and why each is used:
- on_startup, on_serve: remember a dirty build; under `mkdocs serve` / `atazan serve`, rebuild
  on edits of hand-written pages in docs/ but not on our own writes of generated ones, and on
  edits of the theme (overrides/).
- on_config: refuse a link in docs/ that leads out of the repository and a site or repository
  address that is no plain web address (adapter/guards.py); check what `atazan validate` checks (adapter/checks.py: data, strings, templates,
  nav, links), make the site plan and write its pages into docs/<lang>/ before files are collected
  (only the previewed languages' under `atazan serve --lang`). It fires once per language build
  (mkdocs-static-i18n); the plan is made again only when data/ or the templates changed.
- on_files (after i18n): after a theme edit, have a dirty rebuild render every page; keep generator
  templates in overrides/atazan/ out of the built site; add this language's missing pages, shown
  from the language that has them (atazan/website/languages.py).
- on_page_markdown: a hand-written page's generated parts where their markers stand (the home page's
  launcher; the `<!-- atazan:held -->` block of what the dataset holds, website/held.py); keep those
  stand-in pages out of search; heading anchors titled in the page's language (toc permalink_title).
- on_page_context: language links; the edit link of a generated page points at its data file,
  and "suggest a translation" is offered where the page's text in this language is missing or unreviewed.
- on_page_content: mark the text of a page shown from another language with that language.
- on_env: `atazan_say(key)`, the strings.yml table in the build's language, for theme partials;
  `atazan_csp`, the Content-Security-Policy of a page (atazan/website/csp.py).
- on_template_context, on_post_template: each language's 404 page (404.html, ru/404.html, en/404.html).
- on_post_page: make the hreflang alternates full URLs; add the autodiscovery <link> of each Atom feed
  the page announces (its language's news; an article's own).
- on_post_build: write this language's search index (every language build); the open-data export
  and the Atom feeds once, in the root build; after the last language, the offline copy's 404
  page removed and one summary line.

Output stays short: mkdocs.yml silences Material's banner and the pages-not-in-nav list, and
i18n's per-language "Overriding ... config" lines are dropped (they repeat mkdocs.yml).
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from atazan import LANGUAGES, is_language
from atazan.adapter import guards, outputs, pages, serve, state as build_state, theme
from atazan.adapter.generation import plan_and_write_pages
from atazan.adapter.state import BuildCounts, BuildState, language, root_of
from atazan.website.i18n import load_strings, strings_path
from atazan.website.routes import HOME, page_url
from atazan.website.languages import Catalog

_state = BuildState()
_counts = BuildCounts()
_theme_edits = serve.ThemeEdits()
build_state.add_filter_once("mkdocs.plugins.mkdocs_static_i18n.reconfigure", build_state.DropConfigEcho)


def on_startup(command: str, dirty: bool) -> None:
    _state.dirty = dirty
    if dirty and build_state.chosen_languages():
        build_state.add_filter_once("mkdocs.commands.build", build_state.DropDirtyNotice)


def on_serve(server, config: MkDocsConfig, builder):
    return serve.watch_hand_written_pages(server, config, _state)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not build_state.nested_language_build(config):
        # The first language build of one `mkdocs build`: count afresh, read docs/ afresh.
        logging.getLogger("mkdocs").removeHandler(_counts)
        _counts.reset()
        logging.getLogger("mkdocs").addHandler(_counts)
        _state.catalog = None
        build_state.build_only_chosen_languages(config)
    root = root_of(config)
    build_state.check_languages(config, root)
    guards.refuse_links_out_of_docs(config, root)
    guards.refuse_unsafe_addresses(config)
    plan_and_write_pages(config, root, _state, _counts)
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has picked this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    _theme_edits.render_every_page_after_an_edit(files, config, _state.dirty)
    if _state.catalog is None:  # once per build: every language's pages are in docs/ by now
        _state.catalog = Catalog.from_docs(config.docs_dir)
    if config.theme.get("language") in LANGUAGES:
        pages.add_missing_pages(files, config, _state.catalog)
    for file in [f for f in files if f.src_uri.startswith("atazan/") and not f.is_documentation_page()]:
        files.remove(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown = pages.fill_parts(markdown, page, _state)  # the home page's launcher (website/kinds/home.py)
    pages.mark_reader_assets(page, _state)
    if pages.stand_in(page):
        page.meta["search"] = {"exclude": True}  # its text is indexed where it really lives
    markdown = pages.fill_held_block(markdown, page, config, _state)
    # toc's permalink_title is one value in mkdocs.yml for every language, and i18n may not override
    # markdown_extensions per language. MkDocs makes a new Markdown instance from mdx_configs for
    # each page after this event, so the page's own language is set here (strings.yml permalink.title).
    toc = config["mdx_configs"].get("toc")
    if toc is not None and toc.get("permalink"):
        toc["permalink_title"] = load_strings(strings_path(root_of(config)), root_of(config)).get(
            "permalink.title", pages.page_language(page, config))
    return markdown


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    pages.set_language_links(page, config, _state.catalog)
    pages.set_edit_link_and_translation_offer(page, config, _state)
    return context


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    target = pages.stand_in(page)
    if target:
        # A page shown from another language: its text is in that language, whatever <html lang>
        # says (screen readers pick their voice by it).
        return f'<div lang="{target.text_lang}">{content}</div>'
    return content


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang = str(config.theme.get("language"))
    _counts.pages[lang] = _counts.pages.get(lang, 0) + 1
    target = pages.stand_in(page)
    if target:
        output = pages.mark_stand_in_language(output, target.text_lang)
    # Only the <head> changes, so only the head is searched and rebuilt (pages of a large news index are long).
    end = output.find("</head>")
    if not config.site_url or end < 0 or build_state.offline(config):
        return output
    site = config.site_url.rstrip("/") + "/"
    return pages.absolute_alternates(output[:end], site + page.url) + pages.feed_links(site, page, config, _state) + output[end:]


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return theme.install(env, config, _state.plan)  # atazan_say, atazan_home, atazan_default, atazan_csp, atazan_official


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    # 404.html is no page, so nothing above set its language selector: each language's home.
    if template_name == "404.html":
        base = urlsplit(config.site_url or "/").path.rstrip("/")
        for alternate in pages.alternates(config):
            code = alternate.get("lang")
            if is_language(code):
                alternate["link"] = f"{base}/{page_url(code, HOME)}"
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return outputs.keep_404_per_language(output, config, _state) if template_name == "404.html" else output


def _write_indexes_and_exports(config: MkDocsConfig) -> None:
    try:
        outputs.write_search_index(config, _state)
        outputs.write_exports_and_feeds(config, _state)
    except OSError as error:
        raise PluginError(build_state.cannot_write(error, root_of(config))) from None


@event_priority(-150)  # after mkdocs-static-i18n (-100) has built the other languages
def _summary_line(config: MkDocsConfig) -> None:
    if build_state.nested_language_build(config):
        return
    logging.getLogger("mkdocs").removeHandler(_counts)
    outputs.drop_404_offline(config)  # after every language's build wrote its own
    outputs.summary_line(config, _counts)
    _state.built = True


on_post_build = CombinedEvent(_write_indexes_and_exports, _summary_line)
