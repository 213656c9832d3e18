"""Is the text in the language the operator said, and undamaged? Checked on the source's pieces
before anything is placed: a Kazakh text has Kazakh letters, a Russian one hardly any, an English
one is in Latin letters. A file in another language, a Kazakh text saved in an encoding without
its letters (cp1251 turns them into "?"), and the font damage of the portal's Kazakh PDFs (ӛ for
ө, ҥ for ү) are refused here, with what to do."""

from __future__ import annotations

import re
from typing import Sequence

from atazan.importers.text.pieces import Piece
from atazan.importers.text.structure import TextImportError

# Letters only Kazakh uses (і is left out: cp1251 has it, for Ukrainian and Belarusian).
KAZAKH_LETTERS = set("әғқңөұүһӘҒҚҢӨҰҮҺ")
# A letter an encoding could not hold, saved as "?": "шы?арыл?ан".
_REPLACED = re.compile(r"[^\W\d_]\?[^\W\d_]")
FONT_DAMAGE = {"ӛ": "ө", "ҥ": "ү"}
# Below this many letters a text is too short to tell its language by; its labels decide.
ENOUGH_LETTERS = 200


def check(pieces: Sequence[Piece], lang: str) -> None:
    text = "".join(piece.text for piece in pieces)
    damage = sorted(c for c in FONT_DAMAGE if c in text)
    if lang == "kk" and damage:
        where = next(p.where for p in pieces if any(c in p.text for c in damage))
        raise TextImportError(f"{where}: font-encoding damage ({', '.join(f'{c} for {FONT_DAMAGE[c]}' for c in damage)}), as "
                              "in text taken from a PDF: import the DOCX or the JSON instead")
    replaced = [(p, found) for p in pieces if (found := _REPLACED.search(p.text))]
    if len(replaced) >= 3:
        first, found = replaced[0]
        raise TextImportError(f"{first.where}: letters replaced by \"?\" ({found[0]!r}, in "
                              f"{len(replaced)} paragraphs): the text was saved in an encoding without them; save it "
                              "as UTF-8")
    letters = [c for c in text if c.isalpha()]
    if len(letters) < ENOUGH_LETTERS:
        return
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    kazakh = sum(1 for c in letters if c in KAZAKH_LETTERS)
    latin = sum(1 for c in letters if c.isascii())
    reads = "en" if latin > cyrillic else "kk" if kazakh >= cyrillic * 0.01 else "ru"
    if reads == lang:
        return
    if lang == "kk" and reads == "ru":
        raise TextImportError("the text holds none of the Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ) a Kazakh text has: "
                              "it is Russian, or was saved in an encoding without them (cp1251); save it as UTF-8")
    raise TextImportError(f"the text reads as {reads}, not --lang {lang}")
