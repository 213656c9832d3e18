"""Markdown for the pages of a site plan (plan.py), from Jinja templates, and the filters that
make data text safe in them.

Every language goes through the same code path: `render` walks the plan's pages, and each
template receives its page's model(s) plus `t()` bound to that language.
"""

from __future__ import annotations

import functools
import html
import os
import re
import urllib.parse
from dataclasses import dataclass
from typing import Callable

import jinja2

from atazan import LANGUAGES
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import glossary, official, routes, textdiff
from atazan.website import plan
from atazan.website.i18n import Strings, load_strings, strings_path, text_strings_path
from atazan.website.kinds import PAGE_KINDS
from atazan.website.kinds.handout import qr_svg
from atazan.website.pagefile import DOCS, GENERATED_MARK, GeneratedPage
from atazan.website.plan import SitePlan


# HTML's three (as html.escape(quote=False)), then a backslash before every character Markdown
# could read as syntax; one str.translate, as a regular-expression substitution per text was a
# tenth of the rendering time.
# `~` has no backslash escape in Python-Markdown (a `\~` shows its backslash), and `~~~` opens a
# fenced block: it becomes a character reference.
_MD_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "~": "&#126;",
                             **{c: "\\" + c for c in "\\`*_{}[]()#+!|-"}})


def _md_escape(text: str) -> str:
    return text.translate(_MD_ESCAPES)


# Block syntax that starts a line and that the backslashes above leave alone: "1996. Year" (an
# ordered list starting at 1996), "??? danger" (a collapsible block, pymdownx.details) and "==="
# (underlines the line before into a heading). A template may put any text at a line's start,
# so the first character of every text is made inert; `\.` is a Markdown escape, `?` and `=`
# have none and become character references.
_LINE_START = re.compile(r"^(\d+)\.|^\?|^=")


def _inert_line_start(markdown: str) -> str:
    if markdown[:1] not in _LINE_START_CHARS:  # most texts: no regular expression at all
        return markdown
    return _LINE_START.sub(lambda m: m.group(1) + "\\." if m.group(1) else f"&#{ord(m.group(0))};", markdown, count=1)


_LINE_START_CHARS = frozenset("0123456789?=")


def md_inline(text: str | None, terms: glossary.PageTerms | None = None) -> str:
    """Data text as inert Markdown: no HTML, links, emphasis, headings, lists or blocks from the
    data. With the page's `terms`, glossary terms in it become links to their entries
    (website/glossary.py)."""
    if text is None:
        return ""
    flat = " ".join(str(text).split())
    return _inert_line_start(terms.render(flat, _md_escape) if terms else _md_escape(flat))


def md_block(text: str | None, terms: glossary.PageTerms | None = None) -> str:
    """Like md_inline, but keeps the blank lines that separate paragraphs."""
    if text is None:
        return ""
    paragraphs = [p for p in re.split(r"\n\s*\n", str(text).strip()) if p.strip()]
    return "\n\n".join(md_inline(p, terms) for p in paragraphs)


# HTML's five, and, as character references, what Markdown reads as inline syntax: templates put
# |html text in raw HTML blocks (where Markdown leaves it alone) but also in inline HTML inside
# Markdown (`# <span>{{ title|html }}</span>`, a list item, a `??? quote` block), where `[x](…)`
# would become a link, `{: onclick=… }` attributes (attr_list) and `*x*` emphasis. A character
# reference means the same character to a browser and nothing to Markdown.
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;",
                               **{c: f"&#{ord(c)};" for c in "\\`*_[]{}"}})


def _html_escape(text: str) -> str:
    return _inert_line_start(text.translate(_HTML_ESCAPES))


def html_text(text: str | None, terms: glossary.PageTerms | None = None) -> str:
    """Data text inside HTML, safe both in raw HTML blocks and in inline HTML within Markdown."""
    flat = " ".join(str(text or "").split())
    return terms.render(flat, _html_escape) if terms else _html_escape(flat)


def page_title(text: str | None) -> str:
    """A title for front matter. Material writes `page.meta.title` into <title>, the header and the
    nav without escaping, so the title must already be HTML; quotes stay as they are because
    Material escapes the same title again inside attributes (footer aria-label)."""
    return html.escape(" ".join(str(text or "").split()), quote=False)


class UnsafeUrl(ValueError):
    """A web address that reached a template without passing the schema (URL_PATTERN)."""


def md_url(url: str | None) -> str:
    """A web address for a Markdown link destination `[text](<url>)` or an HTML attribute: only
    http(s), and every character outside RFC 3986's set percent-encoded, so nothing in it can
    end the destination (`>`, a newline) or the attribute (a quote). The schema already refuses
    such addresses; this keeps a page safe from one that skipped the schema."""
    text = str(url or "")
    if not re.match(r"https?://", text, re.IGNORECASE):
        raise UnsafeUrl(f"not an http(s) web address: {text!r}")
    text = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", text)  # a lone % is a character, not an escape
    return urllib.parse.quote(text, safe="/?#[]@!$&'()*+,;=:%~-._")


def make_environment(template_dir: str, cache_dir: str | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        # Compiled templates, like Python's __pycache__: keyed by each template's text, so an edited
        # template is compiled again. Compiling them all took a fifth of a cold generator run.
        bytecode_cache=_bytecode_cache(cache_dir),
        undefined=jinja2.StrictUndefined,  # a typo in a template fails the build, not the page
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Markdown output: escaping is explicit, via the filters below. An XML template (a feed) is
        # autoescaped: every value in it is text, and Jinja's escapes are valid XML.
        autoescape=jinja2.select_autoescape(enabled_extensions=("xml.j2",), disabled_extensions=(), default=False),
    )
    env.filters.update(md=md_inline, md_block=md_block, html=html_text, page_title=page_title, url=md_url, diff_html=textdiff.to_html,
                       qr_svg=qr_svg)
    return env


def _bytecode_cache(cache_dir: str | None) -> jinja2.BytecodeCache | None:
    if cache_dir is None:
        return None
    try:
        os.makedirs(cache_dir, exist_ok=True)
    except OSError:
        return None  # a read-only checkout builds without the cache
    return jinja2.FileSystemBytecodeCache(cache_dir)


@functools.lru_cache(maxsize=4)
def _environment(template_dir: str, cache_dir: str | None) -> jinja2.Environment:
    # One Environment per template folder for the life of the process, so `mkdocs serve` and the
    # tests compile each template once; Jinja's auto_reload still recompiles a template that changed.
    return make_environment(template_dir, cache_dir)


def cache_dir(root: str) -> str:
    """Git-ignored, beside Material's own plugin caches."""
    return os.path.join(root, ".cache", "atazan", "jinja")


def template_dir(root: str) -> str:
    return os.path.join(root, "overrides", "atazan", "pages")


def render(site: SitePlan) -> list[GeneratedPage]:
    """The Markdown of every page of the plan (and the files of its SITE kinds); one code path for
    every language."""
    dataset = site.dataset
    strings = load_strings(strings_path(dataset.root), dataset.root)
    text_strings = load_strings(text_strings_path(dataset.root), dataset.root)
    env = _environment(template_dir(dataset.root), cache_dir(dataset.root))
    # Every kind's template, also of kinds without pages in this dataset: a broken template fails
    # every build, not only the first one with, say, the Constitution's text.
    templates = {name: env.get_template(kind.template) for name, kind in PAGE_KINDS.items()}
    pages = []
    for lang in site.languages:
        linker = glossary.Linker(glossary.terms_for(dataset, lang), lang)
        shared: dict[str, object] = {
            "lang": lang,
            "t": _translator(strings, lang),
            "tt": _translator(text_strings, lang),  # the Constitution's text pages (strings-text.yml)
            "t_for": lambda other: _translator(strings, other),  # bilingual pages
            "generated_mark": GENERATED_MARK,
            "site_url": site.site_url,
            "repo_url": site.repo_url.rstrip("/"),
            "routes": routes,
            # Where the official texts are published (website/official.py): every page may point there.
            "official": official.official_texts(dataset, lang),
        }
        # Once per language, not per page: importing a macro file `with context` in every page
        # ran it again for every page, most of the time spent on a news page.
        shared.update({alias: env.get_template(name).make_module(shared) for alias, name in MACROS.items()})
        for spec in (p for p in site.pages if p.lang == lang):
            links = PageLinks(lang, spec.path, site.style)
            terms = linker.for_page(links.url(routes.GLOSSARY)) if spec.page_kind.links_glossary else None
            content = templates[spec.kind].render(
                shared,
                source_file=spec.source_file,
                href=links.href,
                url=links.url,
                file_url=links.file_url,
                terms=terms,
                **spec.context.variables(),
            )
            pages.append(GeneratedPage(lang, spec.path, spec.source_file, content, spec.page_kind.output))
    return pages


def render_block(dataset: Dataset, template: str, lang: Lang, path: str, style: routes.Style, **context: object) -> str:
    """Markdown for a block of a hand-written page (docs/<lang>/`path`), from one of the
    generator's templates, with the same strings, filters and links as a generated page."""
    env = _environment(template_dir(dataset.root), cache_dir(dataset.root))
    links = PageLinks(lang, path, style)
    return env.get_template(template).render(
        lang=lang, t=_translator(load_strings(strings_path(dataset.root), dataset.root), lang),
        tt=_translator(load_strings(text_strings_path(dataset.root), dataset.root), lang),
        routes=routes, href=links.href, url=links.url, **context)


class PageLinks:
    """The links of one page, all made by routes.relative: `href` for a Markdown link to a page of
    this language (its .md path, which MkDocs resolves and checks), `url` for raw HTML or another
    language's page (the build's URL style), `file_url` for a file at the site root (a feed)."""

    def __init__(self, lang: Lang, path: str, style: routes.Style):
        self.lang, self.path, self.style = lang, path, style

    def href(self, to: str, anchor: str = "") -> str:
        return routes.relative(self.lang, self.path, to, anchor=anchor)

    def url(self, to: str, anchor: str = "", lang: Lang | None = None) -> str:
        return routes.relative(self.lang, self.path, to, lang=lang, anchor=anchor, style=self.style)

    def file_url(self, site_path: str) -> str:
        return routes.relative_file(self.lang, self.path, site_path, self.style)


def render_all(dataset: Dataset, languages: tuple[Lang, ...] = LANGUAGES, site_url: str = "",
               repo_url: str = "") -> list[GeneratedPage]:
    """Every generated page written into docs/<lang>/, in every language (a plan made and rendered at
    once); not the files written into the built site (feeds) nor the parts of hand-written pages."""
    return [p for p in render(plan.build(dataset, languages, site_url, repo_url)) if p.output == DOCS]


# The macro files, by the name page templates call them with (m.status, nm.source_row, hm.body).
MACROS = {"m": "_macros.md.j2", "nm": "news_macros.md.j2", "hm": "handout_macros.md.j2", "cm": "_compare_macros.md.j2"}


def _translator(strings: Strings, lang: Lang) -> Callable[..., str]:
    def t(key: str, **values: object) -> str:
        return strings.get(key, lang, **values)

    return t
