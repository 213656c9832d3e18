"""The Әділет 2.0 API JSON (adilet.zan.kz since mid-September 2026,
`/api/documents/by-ngr/<NGR>?language=rus|kaz|eng`), as an operator saves it from the browser:
`{"document": {"id": …, "title_ru": …, "status": …, "revision_date": …, "text_content": "<html>…"}}`.

The act is one HTML document in `text_content`: its `<article>` holds paragraphs `<p id="zN">`
with `&nbsp;` indents, read with the HTML parser as running text. `revision_date` is an instant:
local midnight in Kazakhstan stored in UTC, so "2026-03-17T18:00:00Z" is the 18th. adilet's
robots.txt closes `/api/` to robots: this reads a saved file and never fetches.
"""

from __future__ import annotations

import datetime as dt

from atazan.importers.text import htmltext
from atazan.importers.text.pieces import Pieces
from atazan.importers.text.reading import Reading, running_text
from atazan.importers.text.structure import TextImportError

SHAPE = "Әділет 2.0 API JSON"
# The portal's dates are local midnights (UTC+6 when it stored them, UTC+5 since 2024): read as
# UTC+6, every instant from 18:00Z on is the next day, and a midnight at UTC+5 (19:00Z) too.
LOCAL = dt.timezone(dt.timedelta(hours=6))
_LANGS = {"rus": "ru", "ru": "ru", "kaz": "kk", "kk": "kk", "kz": "kk", "eng": "en", "en": "en"}


def read(data: dict, lang: str) -> Reading:
    document = data["document"]
    given = document.get("language") or document.get("lang")
    if isinstance(given, str) and given.lower() in _LANGS and _LANGS[given.lower()] != lang:
        raise TextImportError(f"document.language: the document is in '{given}', not --lang {lang}")
    html = document.get("text_content")
    if not isinstance(html, str) or not html.strip():
        raise TextImportError("document.text_content: empty; this JSON holds no text of the act (save it again "
                              "once the page shows the text)")
    parsed, _ = htmltext.parse(html)
    act = htmltext.find_act(parsed)
    if act is None:
        # Without it, the page's own words (a header, a menu) would be read as the act's.
        raise TextImportError("document.text_content has no <article>: not the act's page as the portal gives it")
    pieces = Pieces()
    htmltext.paragraphs(act, pieces)
    return running_text(SHAPE, pieces, lang, "adilet", provenance(document, lang))


def provenance(document: dict, lang: str) -> dict:
    keys = {"kk": ("title_kk", "title_kz", "title_kaz"), "ru": ("title_ru", "title_rus"), "en": ("title_en", "title_eng")}[lang]
    title = next((document[k] for k in keys if isinstance(document.get(k), str) and document[k].strip()), None)
    about = {"title": title or document.get("title"), "status": document.get("status"),
             "registry": document.get("ngr") or document.get("code")}
    about = {key: value for key, value in about.items() if isinstance(value, str) and value.strip()}
    revision = document.get("revision_date")
    if revision is not None:
        about["date"] = local_date(revision)
    return about


def local_date(value) -> str:
    """The calendar day in Kazakhstan of the portal's `revision_date`."""
    if not isinstance(value, str) or len(value) > 40:
        raise TextImportError(f"document.revision_date: expected an ISO date or instant, got {value!r:.40}")
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise TextImportError(f"document.revision_date: {value!r} is not an ISO date or instant") from None
    if moment.tzinfo is None:
        return moment.date().isoformat()  # a plain date (or a local time): the day as given
    return moment.astimezone(LOCAL).date().isoformat()
