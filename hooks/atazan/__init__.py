"""Ata Zan generator: curated constitution dataset -> trilingual Markdown pages.

The core (load, schema, models, render) has no MkDocs imports; `hooks/atazan_hook.py` is the
only MkDocs adapter.
"""

LANGUAGES = ("kk", "ru", "en")
DEFAULT_LANGUAGE = "kk"
