"""Language helpers shared by every page kind: dates, interface strings (addresses: routes.py)."""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache

from babel.dates import format_date as babel_format_date

from atazan import LANGUAGES, Language
from atazan.errors import DataError, Problem, display_path
from atazan.dataset.load import read_yaml


@lru_cache(maxsize=4096)  # Babel's formatting is slow; every page of a build shows the same build date
def format_date(value: dt.date, lang: Language) -> str:
    """A date as readers of `lang` write it, from CLDR data (kk: `2026 ж. 15 наурыз`)."""
    return babel_format_date(value, format="long", locale=lang)


class Strings:
    """Interface strings of the generated pages, from overrides/atazan/strings.yml."""

    def __init__(self, table: dict[str, dict[str, str]]):
        self._table = table

    def get(self, key: str, lang: Language, **values: object) -> str:
        text = self._table[key][lang]
        return text.format(**values) if values else text

    def keys(self) -> list[str]:
        return sorted(self._table)


def load_strings(path: str, root: str) -> Strings:
    """Load and check the string table: every key needs every language. Read again when the file
    changed: `mkdocs serve` / `atazan serve` build many times in one process."""
    try:
        stat = os.stat(path)
    except OSError:
        stat = None  # read_yaml reports the missing or unreadable file by name
    return _load_strings(path, root, stat.st_mtime_ns if stat else None, stat.st_size if stat else None)


@lru_cache(maxsize=8)  # once per build, not once per page; the key changes with the file
def _load_strings(path: str, root: str, mtime_ns: int | None, size: int | None) -> Strings:
    shown = display_path(path, root)
    # The data files' reader: libyaml when available, messages with file and line, duplicate keys caught.
    loaded, problems = read_yaml(path, shown)
    if loaded is None or problems:
        raise DataError(problems)
    table = loaded.data if loaded.data is not None else {}
    if not isinstance(table, dict):
        raise DataError([Problem(shown, "", "expected a mapping of keys to values", 1)])
    for key, texts in table.items():
        if not isinstance(texts, dict):
            problems.append(Problem(shown, key, "expected kk, ru and en texts", loaded.line_of((key,))))
            continue
        for lang in LANGUAGES:
            if not isinstance(texts.get(lang), str) or not texts[lang].strip():
                problems.append(Problem(shown, f"{key}.{lang}", "missing interface string", loaded.line_of((key, lang))))
    if problems:
        raise DataError(problems)
    return Strings(table)


def strings_path(root: str) -> str:
    return os.path.join(root, "overrides", "atazan", "strings.yml")


def text_strings_path(root: str) -> str:
    """The strings of the Constitution's text pages (article, whole text, what changed)."""
    return os.path.join(root, "overrides", "atazan", "strings-text.yml")
