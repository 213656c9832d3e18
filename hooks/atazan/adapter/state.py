"""What the hook keeps between events and between the language builds of one `mkdocs build`:
the site plan, typed; plus the build's configuration questions (which language, which
languages, offline or not) answered in one place each."""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from atazan import DEFAULT_LANGUAGE, LANGUAGES, ONLY_LANGUAGES_ENV, Language, is_language
from atazan.website.languages import Catalog
from atazan.website.pagefile import GeneratedPage
from atazan.website.plan import SitePlan


@dataclass
class BuildState:
    fingerprint: str | None = None  # of data/ and overrides/atazan/ when the plan was made
    plan: SitePlan | None = None
    site_files: tuple[GeneratedPage, ...] = ()  # rendered with the plan, written after the build (feeds)
    parts: dict[tuple[str, str], str] = field(default_factory=dict)  # (lang, page) -> a part of a hand-written page
    generated_files: frozenset[str] = frozenset()  # ours: the live server must not take them for edits
    catalog: Catalog | None = None  # the docs tree of this `mkdocs build`, read once in its first language
    dirty: bool = False
    built: bool = False  # one whole build done in this process (atazan serve)
    default_404: str | None = None


class BuildCounts(logging.Handler):
    """Pages per language and warnings of one `mkdocs build` (all its languages), for the summary line."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.reset()

    def reset(self) -> None:
        self.pages: dict[str, int] = {}
        self.warnings = 0
        self.generated = (0, 0, 0)  # written, unchanged, removed

    def emit(self, record: logging.LogRecord) -> None:
        self.warnings += 1


def root_of(config: MkDocsConfig) -> str:
    return os.path.dirname(os.path.abspath(config.config_file_path))


def language(config: MkDocsConfig) -> Language:
    """The language this (per-language) build renders: mkdocs-static-i18n sets theme.language."""
    lang = config.theme.get("language")
    return lang if is_language(lang) else DEFAULT_LANGUAGE


def nested_language_build(config: MkDocsConfig) -> bool:
    # mkdocs-static-i18n builds the other languages from inside the first build's on_post_build.
    i18n = config.plugins.get("i18n")
    return bool(i18n and getattr(i18n, "building", False))


def offline(config: MkDocsConfig) -> bool:
    # The offline copy (scripts/offline_build.py) must make no network request. Material fetches
    # sitemap.xml next to every <link rel="alternate">, so an online feed link would reach out.
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def inputs(root: str) -> list[str]:
    return [os.path.join(root, "data"), os.path.join(root, "overrides", "atazan")]


def fingerprint(folders: list[str]) -> str:
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


def chosen_languages() -> list[str]:
    # `atazan serve --lang ru` (atazan/tools/serve.py) previews one language: a third of the build.
    return [lang for lang in os.environ.get(ONLY_LANGUAGES_ENV, "").replace(",", " ").split() if lang]


def build_only_chosen_languages(config: MkDocsConfig) -> None:
    # Before mkdocs-static-i18n's own on_config (-100) of the first language build: it builds the
    # default language first and then every language whose `build` is true.
    wanted = chosen_languages()
    i18n = config.plugins.get("i18n")
    if not wanted or i18n is None:
        return
    unknown = sorted(set(wanted) - set(LANGUAGES))
    if unknown:
        raise PluginError(f"{ONLY_LANGUAGES_ENV}={os.environ[ONLY_LANGUAGES_ENV]}: unknown language(s) {', '.join(unknown)}; "
                          f"choose from {', '.join(LANGUAGES)}")
    for entry in i18n.config.languages:
        entry.build = entry.locale in wanted
    if i18n.current_language is None:
        i18n.current_language = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in wanted else wanted[0]


def check_languages(config: MkDocsConfig, root: str) -> None:
    # The generator, the strings and the page addresses know kk, ru and en only; another locale
    # would fail deep inside a template with a KeyError.
    i18n = config.plugins.get("i18n")
    wanted = [("theme.language", config.theme.get("language"))]
    if i18n is not None:
        wanted += [("plugins.i18n.languages", getattr(entry, "locale", None)) for entry in i18n.config.languages]
    for name, locale in wanted:
        if locale is not None and locale not in LANGUAGES:
            shown = os.path.relpath(config.config_file_path, root)
            line = _line_of(config.config_file_path, rf"(?:language|locale):\s*['\"]?{re.escape(locale)}['\"]?\s*$")
            where = f"{shown}:{line}" if line else shown
            raise PluginError(f"{where}: {name}: unknown language '{locale}'; Ata Zan builds {', '.join(LANGUAGES)}")


def _line_of(path: str, pattern: str) -> int | None:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if re.search(pattern, line):
                    return number
    except OSError:
        pass
    return None


def cannot_write(error: OSError, root: str) -> str:
    # One line naming the file, instead of a traceback from deep inside the build.
    from atazan.errors import display_path

    where = display_path(str(error.filename), root) if error.filename else "output"
    return f"{where}: cannot write: {error.strerror or error}"


class DropConfigEcho(logging.Filter):
    # mkdocs-static-i18n logs every per-language override of mkdocs.yml (site_name, copyright, ...)
    # at INFO in every build: nine lines that repeat the configuration.
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()  # "mkdocs_static_i18n: Overriding 'ru' config 'site_name' with …"
        return not ("Overriding '" in message and "' config '" in message)


class DropDirtyNotice(logging.Filter):
    # `atazan serve --lang` asks for dirty rebuilds on purpose (tools/serve.py says what they skip);
    # MkDocs' notice is a warning, which --strict (mkdocs.yml) would turn into an aborted preview.
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def add_filter_once(logger_name: str, kind: type[logging.Filter]) -> None:
    target = logging.getLogger(logger_name)
    if not any(isinstance(f, kind) for f in target.filters):
        target.addFilter(kind())
