"""Ata Zan generator: curated constitution dataset -> trilingual Markdown pages.

Sub-packages by lifecycle: dataset/ (load, check), website/ (plan, models, render, exports; no
MkDocs imports), adapter/ (what the MkDocs hook's events do), importers/ (news and texts into
data/), tools/ (command line only). `hooks/atazan_hook.py` is the MkDocs hook.
"""

from typing import Literal, TypeGuard

Language = Literal["kk", "ru", "en"]  # the same as dataset.schema.Lang, without importing the schema
LANGUAGES: tuple[Language, ...] = ("kk", "ru", "en")
DEFAULT_LANGUAGE: Language = "kk"


def is_language(value: object) -> TypeGuard[Language]:
    """`value` is one of LANGUAGES (a language read from MkDocs' configuration, a folder name)."""
    return value in LANGUAGES
# Set by `atazan serve --lang ru` (tools/serve.py); the MkDocs hook then builds only these languages.
ONLY_LANGUAGES_ENV = "ATAZAN_LANGUAGES"


def quiet_material_banner() -> bool:
    """Silence Material's end-of-life banner for every `mkdocs` command, from mkdocs.yml itself.

    Material prints the banner when MkDocs imports the theme, before any hook or plugin runs, unless
    NO_MKDOCS_2_WARNING is set; mkdocs.yml is read before that, so `extra.atazan_quiet` calls this.
    Nothing else needs the variable (not the README's commands, the tests or the workflows).
    """
    import os

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    return True
