"""Plain text, one printed paragraph per line: text copied from the portal (six-space indents, the
service note "Примечание ИЗПИ!" on top, court notes and footnotes between points) and the
newspaper printings of the drafts (an all-capitals title, "Раздел I" / "І бөлім" alone on a
line with the section title on the next, "Статья 1" / "1-бап" alone on a line).

Read as UTF-8 (with or without a byte-order mark, or UTF-16 with one); a Windows save in the
Cyrillic code page (cp1251, or kz1048 for Kazakh) is recognised with charset-normalizer and the
import line says which encoding was read. Any other encoding is refused.
"""

from __future__ import annotations

import codecs

from atazan.importers.text.pieces import TITLE, Pieces
from atazan.importers.text.reading import Reading, running_text
from atazan.importers.text.structure import TextImportError

SHAPE = "plain text"
ACCEPTED = ("cp1251", "kz1048")
# Letters cp1251 has where kz1048 has Kazakh ones (Ќ where kz1048 reads Қ, …): a Kazakh text read
# with the wrong one of the two shows them.
_CP1251_ONLY = set("ЂђЃѓЉљЊњЌќЋћЏџЎўЈјҐґ")


def decode(raw: bytes) -> tuple[str, str]:
    """(the text, the encoding it was read in)."""
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[3:], "utf-8"), "UTF-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16"), "UTF-16"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        first_bad = error.start
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=["cp1251", "kz1048", "koi8_r", "cp866", "mac_cyrillic", "latin_1"]).best()
    encoding = best.encoding if best is not None else None
    if encoding == "cp1251":
        text = raw.decode("cp1251", errors="strict") if _decodes(raw, "cp1251") else None
        if text is not None and _CP1251_ONLY & set(text) and _decodes(raw, "kz1048"):
            kazakh = raw.decode("kz1048")
            if not _CP1251_ONLY & set(kazakh):
                return kazakh, "kz1048 (Windows Kazakh)"
        if text is not None:
            return text, "cp1251 (Windows Cyrillic)"
    if encoding == "kz1048" and _decodes(raw, "kz1048"):
        return raw.decode("kz1048"), "kz1048 (Windows Kazakh)"
    line = raw[:first_bad].count(b"\n") + 1
    seen = f"; it reads best as {encoding}" if encoding else ""
    raise TextImportError(f"line {line}: not UTF-8 text, nor Windows Cyrillic (cp1251){seen}: save the text as UTF-8")


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise TextImportError(f"byte {error.start}: not {encoding.upper()} text") from None


def _decodes(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def read(raw: bytes, lang: str) -> Reading:
    text, encoding = decode(raw)
    lines = text.splitlines()
    # Text copied from the portal indents every paragraph of the act (six spaces) but its title:
    # a first line standing out of an indented text is the title.
    indented = [line[:1] in (" ", "\t", "\u00a0") for line in lines if line.strip()]
    title_apart = len(indented) > 3 and not indented[0] and sum(indented[1:]) >= 0.9 * (len(indented) - 1)
    pieces = Pieces()
    for number, line in enumerate(lines, start=1):
        first = title_apart and not pieces.items and bool(line.strip())
        pieces.add(f"line {number}", line, TITLE if first else "")
    notes = [f"read as {encoding}"] if encoding != "UTF-8" else []
    return running_text(SHAPE, pieces, lang, notes=notes)
