"""MkDocs pages from the plan: stand-ins for pages a language lacks, each page's language links,
edit link and translation offer, and what changes in its HTML."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime, get_relative_url

from atazan import Language, is_language
from atazan.adapter.state import BuildState, language
from atazan.website import editlinks, held, render, routes
from atazan.website.i18n import format_date
from atazan.website.kinds import PAGE_KINDS
from atazan.website.languages import Catalog, Target
from atazan.website.routes import URL_PREFIX, page_url


class StandInFile(File):
    """A page this language lacks, shown from the language that has it, at this language's
    address, with the missing-page notice (partials/atazan/page-missing.html)."""

    target: Target


def add_missing_pages(files: Files, config: MkDocsConfig, catalog: Catalog) -> None:
    lang = language(config)
    for target in catalog.fallbacks(lang):
        src = f"{target.text_lang}/{target.path}"
        natural = File(src, config.docs_dir, config.site_dir, config.use_directory_urls).dest_uri
        file = StandInFile(src, config.docs_dir, config.site_dir, config.use_directory_urls,
                           dest_uri=URL_PREFIX[lang] + natural.split("/", 1)[1])
        file.target = target
        files.append(file)


def stand_in(page: Page) -> Target | None:
    return page.file.target if isinstance(page.file, StandInFile) else None


def page_language(page: Page, config: MkDocsConfig) -> Language:
    """The language section a page belongs to (a stand-in: the section it stands in)."""
    target = stand_in(page)
    if target:
        return target.section
    return _docs_path(page)[0] or language(config)


def _docs_path(page: Page) -> tuple[Language, str] | tuple[None, None]:
    """(language folder, path inside it) of the file the page is made from: mkdocs-static-i18n
    (docs_structure: folder) keeps the folder in src_uri, ru/about.md."""
    head, _, rest = page.file.src_uri.partition("/")
    return (head, rest) if is_language(head) else (None, None)


def fill_held_block(markdown: str, page: Page, config: MkDocsConfig, state: BuildState) -> str:
    """A hand-written page's `<!-- atazan:held -->` marker replaced by what the dataset holds of the
    Constitution's text (website/held.py), so the page's statement follows the data."""
    if held.MARKER not in markdown or state.plan is None:
        return markdown
    target = stand_in(page)
    path = target.path if target else _docs_path(page)[1]
    if path is None:
        return markdown
    lang = page_language(page, config)
    block = render.render_block(state.plan.dataset, "held.md.j2", lang, path, routes.MARKDOWN,
                                block=held.block(state.plan.dataset, lang))
    return markdown.replace(held.MARKER, block.strip("\n"))


def set_edit_link_and_translation_offer(page: Page, config: MkDocsConfig, state: BuildState) -> None:
    folder, path = _docs_path(page)
    spec = state.plan.page(folder, path) if state.plan and folder and path else None
    # A page of a language the plan left out (atazan serve --lang) names its data file itself.
    source = spec.source_file if spec else page.meta.get("atazan_source")
    lang = page_language(page, config)
    if source:
        # Never the generated Markdown: that file is overwritten on the next build. Nor the official
        # text (data/texts/): its wording is the publisher's and comes only from `atazan import-text`;
        # the page says so and links the import instructions instead (_text_macros.md.j2 origin).
        page.edit_url = editlinks.edit_url(config.repo_url, source) if config.repo_url and not editlinks.is_official_text(source) else None
    if source and state.plan:
        gap = state.plan.translation_gap(source, lang)
    else:
        # Hand-written pages declare it in front matter: `translation_status: translated`.
        gap = "translated" if page.meta.get("translation_status") == "translated" else None
    # The build date on paper, as readers of this language write dates (partials/atazan/page-banner.html).
    page.meta["atazan_built"] = format_date(get_build_datetime().date(), lang)
    if gap and config.repo_url:
        page.meta["atazan_translate"] = {
            "gap": gap,
            "lang": lang,
            "url": editlinks.suggest_translation_url(config.repo_url, page.canonical_url or page.url, lang,
                                                     source or f"docs/{page.file.src_uri}"),
        }


def alternates(config: MkDocsConfig) -> list[dict]:
    # i18n assigns the language selector per page as an attribute (config.extra.alternate = ...),
    # which is what Material's templates then read; before its first page only the item exists.
    found = getattr(config.extra, "alternate", None)
    return found if isinstance(found, list) else config.extra.get("alternate") or []


def set_language_links(page: Page, config: MkDocsConfig, catalog: Catalog | None) -> None:
    # The language selector and <link rel="alternate" hreflang> (Material renders both from
    # extra.alternate): each language's counterpart of this page, never a home page instead.
    target = stand_in(page)
    path = target.path if target else _docs_path(page)[1]
    if catalog is None or path is None or path not in catalog.pages:
        return
    for alternate in alternates(config):
        code = alternate.get("lang")
        counterpart = catalog.target(path, code) if is_language(code) else None
        if counterpart:
            alternate["link"] = counterpart.href(config.use_directory_urls)
    default = catalog.x_default(path)
    page.meta["atazan_x_default"] = default.href(config.use_directory_urls) if default else None
    if target:
        shown = Target(target.text_lang, path, target.text_lang)
        page.meta["atazan_missing"] = {"lang": language(config), "shown": target.text_lang,
                                       "url": get_relative_url(shown.href(config.use_directory_urls), page.url)}
        if config.site_url:
            page.canonical_url = config.site_url.rstrip("/") + "/" + page_url(shown.section, path)


# The header's page title and the page's table of contents repeat the page's headings.
_TITLE_AND_TOC = re.compile(r'(data-md-component="(?:header-topic|toc)")')


def mark_stand_in_language(output: str, text_lang: str) -> str:
    # A page shown from another language: on_page_content marks its text; its title in the header
    # and its table of contents are that language too, outside the content.
    return _TITLE_AND_TOC.sub(rf'\1 lang="{text_lang}"', output)


_HREFLANG_LINK = re.compile(r'<link rel="alternate"[^>]*\shreflang="[^"]*"[^>]*>')
_HREF = re.compile(r'\shref="([^"]*)"')


def absolute_alternates(head: str, page_address: str) -> str:
    # Search engines ignore hreflang alternates that are not full URLs; Material writes them
    # relative (its language selector, which stays relative, works offline and from file://).
    def absolute(link: re.Match) -> str:
        return _HREF.sub(lambda href: f' href="{html.escape(urljoin(page_address, html.unescape(href[1])))}"', link[0], count=1)

    return _HREFLANG_LINK.sub(absolute, head)


def feed_links(site: str, page: Page, config: MkDocsConfig, state: BuildState) -> str:
    # Feed autodiscovery without touching the theme's head partials: the news feed of the page's
    # language on every page, and the feeds the plan names for it (an article's own). No hreflang:
    # a feed is not a translation of the page (head-alternates.html keeps Material from fetching a
    # sitemap.xml beside it).
    folder, path = _docs_path(page)
    spec = state.plan.page(folder, path) if state.plan and folder and path else None
    feeds = (routes.news_feed(page_language(page, config)), *(spec.context.feeds() if spec else ()))
    return "".join(f'<link rel="alternate" type="application/atom+xml" href="{site}{feed}">' for feed in feeds)


def fill_parts(markdown: str, page: Page, state: BuildState) -> str:
    """A hand-written page's generated part (pagefile.PART: the home page's launcher) where its
    marker stands; a page without the marker is left as it is."""
    from atazan.website.kinds.home import MARKER

    if MARKER not in markdown:
        return markdown
    folder, path = _docs_path(page)
    part = state.parts.get((folder, path)) if folder and path else None
    if part is None:
        return markdown
    _need_reader_assets(page, PAGE_KINDS["home-launcher"].reader_assets)
    return markdown.replace(MARKER, part, 1)


def mark_reader_assets(page: Page, state: BuildState) -> None:
    """page.meta["atazan_reader"]: what a generated page needs of the reader's-path stylesheet and
    script (its kind's reader_assets; partials/atazan/reader.html loads only that)."""
    folder, path = _docs_path(page)
    spec = state.plan.page(folder, path) if state.plan and folder and path else None
    if spec is not None:
        _need_reader_assets(page, spec.page_kind.reader_assets)


def _need_reader_assets(page: Page, assets: str) -> None:
    if assets and page.meta.get("atazan_reader") != "script":  # the script brings the styles too
        page.meta["atazan_reader"] = assets
