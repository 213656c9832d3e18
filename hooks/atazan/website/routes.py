"""The route table: every path the site writes, and the one way to link from a page to another.

A page's path is its source path under docs/<lang>/ (`provisions/ownership.md`); files written
beside MkDocs' pages (feeds, the open-data export) have a path under the site root. No other
module spells a page path: a page kind asks here (`provision(pid)`), and a link is made by
`relative()` for the URL style of the build at hand:

- MARKDOWN: the target's `.md` source path relative to the linking page, for a Markdown link;
  MkDocs resolves it in either URL style and `--strict` fails on a missing target;
- DIRECTORY (`use_directory_urls: true`, the site online): `../glossary/`;
- FILE (`use_directory_urls: false`, the offline copy opened from file://): `../glossary.html`.

Raw HTML (a glossary term inside `<p>`, a link to another language's page, a feed) is not
rewritten by MkDocs, so it takes the build's own URL style; a Markdown link to a page of another
language too (that page is not among the files of this language's build).
"""

from __future__ import annotations

import posixpath
from typing import Literal

from atazan import DEFAULT_LANGUAGE, LANGUAGES
from atazan.dataset.schema import Lang

# kk is the state language, so it is the default and lives at the site root.
URL_PREFIX: dict[Lang, str] = {lang: ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") for lang in LANGUAGES}

Style = Literal["markdown", "directory", "file"]
MARKDOWN: Style = "markdown"
DIRECTORY: Style = "directory"
FILE: Style = "file"


def style_of(directory_urls: bool) -> Style:
    """The URL style of a build, from MkDocs' `use_directory_urls`."""
    return DIRECTORY if directory_urls else FILE


# ---------------------------------------------------------------- pages, per language (docs/<lang>/…)

def provision(pid: str) -> str:
    return f"provisions/{pid}.md"


def theme(tid: str) -> str:
    return f"themes/{tid}.md"


def news(nid: str) -> str:
    return f"news/{nid}.md"


def news_index_page(number: int) -> str:
    """Page `number` of the news index, newest first (kinds/news.py); page 1 is the index itself.
    In a folder of its own: a story's page is news/<id>.md, and no id has a slash."""
    return NEWS_INDEX if number == 1 else f"news/page/{number}.md"


def article(number: str) -> str:
    return f"articles/{number}.md"


def text(version: str) -> str:
    """The whole text of one version, on one printable page."""
    return f"texts/{version}.md"


def kk_ru(version: str) -> str:
    """Where the official Kazakh and Russian texts of one version differ (kinds/kk_ru.py)."""
    return f"kk-ru/{version}.md"


def changes_pair(old: str, new: str) -> str:
    return f"changes/{old}--{new}.md"


def compare_section(old: str, new: str, section: str) -> str:
    """One section's comparison table between two versions (`section`: its number in lower case, or
    "all" for a text without sections): the page a roundtable prints, a sheet per section."""
    return f"changes/{old}--{new}/section-{section}.md"


def handout(tid: str, pair: tuple[str, str] | None = None) -> str:
    """A theme's handout; with `pair` (kk, ru) its bilingual sheet, which lives in the folders of both."""
    return f"handouts/{tid}-{pair[0]}-{pair[1]}.md" if pair else f"handouts/{tid}.md"


PROVISION_INDEX = "provisions/index.md"
THEME_INDEX = "themes/index.md"
NEWS_INDEX = "news/index.md"
FACTCHECK_INDEX = "factchecks/index.md"
HANDOUT_INDEX = "handouts/index.md"
ARTICLE_INDEX = "articles/index.md"
CHANGES_INDEX = "changes/index.md"
GLOSSARY = "glossary.md"
TIMELINE = "timeline.md"
TRANSLATION_STATUS = "translations.md"
HOME = "index.md"

# Hand-written pages the generated ones link to (docs/<lang>/…).
ORGANISERS = "organisers.md"
CONTRIBUTING = "contributing.md"

# Where generated pages live under docs/<lang>/: .gitignore lists exactly these
# (tests/website/test_routes.py checks it with `git check-ignore`).
GENERATED = ("provisions/", "themes/", "news/", "factchecks/", "handouts/", "articles/", "texts/", "changes/",
             "kk-ru/", GLOSSARY, TIMELINE, TRANSLATION_STATUS)


def record_page(collection: str, rid: str | None) -> tuple[str | None, str]:
    """(the page that shows a record of data/<collection>, the anchor on it or ""); None where no
    page of its own shows it. A news record's page exists only while the story is shown."""
    if collection == "provisions" and rid:
        return provision(rid), ""
    if collection == "themes" and rid:
        return theme(rid), ""
    if collection == "glossary":
        return GLOSSARY, rid or ""
    if collection == "news" and rid:
        return news(rid), ""
    return {"factchecks": FACTCHECK_INDEX, "timeline": TIMELINE, "sections": PROVISION_INDEX}.get(collection), ""


# ---------------------------------------------------------------- files at the site root (site/…)

FEED_DIR = "feeds"
API_DIR = "api/v1"


def news_feed(lang: Lang) -> str:
    return f"{FEED_DIR}/news-{lang}.xml"


def article_feed(number: str, lang: Lang) -> str:
    """"Follow this article": its new versions, explanations and news, in one language."""
    return f"{FEED_DIR}/articles/{number}-{lang}.xml"


def api(lang: Lang) -> str:
    return f"{API_DIR}/{lang}.json"


def akn(version: str, lang: str) -> str:
    """The Akoma Ntoso XML of one text (lang: the text's own language)."""
    return f"{API_DIR}/akn/{version}/{lang}.xml"


# ---------------------------------------------------------------- addresses and links

def url(lang: Lang, path: str, style: Style = DIRECTORY) -> str:
    """The address of page `path` in `lang`, relative to the site root: `ru/provisions/ownership/`
    (DIRECTORY; "" for the kk home page) or `ru/provisions/ownership.html` (FILE)."""
    stem, _ = posixpath.splitext(path)
    if style == FILE:
        return URL_PREFIX[lang] + stem + ".html"
    if posixpath.basename(stem) == "index":
        stem = posixpath.dirname(stem)
    return URL_PREFIX[lang] + (stem + "/" if stem else "")


def page_url(lang: Lang, path: str) -> str:
    """`provisions/ownership.md` -> `ru/provisions/ownership/`: the page's online address, relative to
    the site root (canonical URLs, the open-data export, feeds, QR codes)."""
    return url(lang, path, DIRECTORY)


def _folder_of(address: str, style: Style) -> str:
    # A directory URL is its own folder; a file's folder is the one it is in.
    return address.rstrip("/") if style == DIRECTORY else posixpath.dirname(address)


def relative(here_lang: Lang, here: str, to: str, *, lang: Lang | None = None, anchor: str = "",
             style: Style = MARKDOWN) -> str:
    """The link from page `here` (in `here_lang`) to page `to` (in `lang`, default the same), with
    an optional `#anchor`, in `style`. The one function every relative link of a page comes from."""
    lang = lang or here_lang
    fragment = f"#{anchor}" if anchor else ""
    if style == MARKDOWN:
        if lang == here_lang:
            return "../" * here.count("/") + to + fragment
        style = DIRECTORY  # another language's page is no file of this build: see the module docstring
    target, source = url(lang, to, style), url(here_lang, here, style)
    link = posixpath.relpath(target or ".", _folder_of(source, style) or ".")
    if style == DIRECTORY:
        link += "/"
    return link + fragment


def relative_file(here_lang: Lang, here: str, site_path: str, style: Style) -> str:
    """The link from page `here` to a file at the site root (a feed, the open-data export)."""
    if style == MARKDOWN:
        style = DIRECTORY
    return posixpath.relpath(site_path, _folder_of(url(here_lang, here, style), style) or ".")
