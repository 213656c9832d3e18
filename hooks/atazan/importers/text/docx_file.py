"""A DOCX download of the portal (`…/download/docx`), read with python-docx.

Headings there are bold paragraphs, not styles: a paragraph whose text is all bold is marked as a
heading (the section's or the article's title after its label); the paragraphs are then read as
running text. A table with words in it, or points numbered by Word itself (list numbering, so
"1." is not in the text), are refused: their words or numbers would not be where this reads.
"""

from __future__ import annotations

import io
import zipfile

from atazan.importers.text.pieces import HEADING, TITLE, Pieces
from atazan.importers.text.reading import Reading, running_text
from atazan.importers.text.structure import TextImportError

SHAPE = "a DOCX document"
# A DOCX is a zip archive: its parts, unpacked, are bounded so that a small hostile file cannot
# fill the memory (a legal text's DOCX is well under this).
MAX_UNPACKED_BYTES = 64 * 1024 * 1024


def read(raw: bytes, lang: str) -> Reading:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        unpacked = sum(item.file_size for item in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise TextImportError(f"{SHAPE} of {unpacked:,} bytes unpacked; at most {MAX_UNPACKED_BYTES:,}")
    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise TextImportError(f"{SHAPE} that python-docx cannot open ({error})") from None
    for number, table in enumerate(document.tables, start=1):
        words = " ".join(cell.text for row in table.rows for cell in row.cells).split()
        if words:
            raise TextImportError(f"table {number}: {SHAPE} with a table holding words ({' '.join(words[:6])!r}…); "
                                  "this importer reads paragraphs only: import the JSON or the saved page instead")
    pieces = Pieces()
    titled = False
    for number, paragraph in enumerate(document.paragraphs, start=1):
        where = f"paragraph {number}"
        properties = paragraph._p.pPr
        if properties is not None and properties.numPr is not None and paragraph.text.strip():
            raise TextImportError(f"{where}: numbered by Word's list numbering, so its number is not in the text; "
                                  "import the JSON or the saved page instead")
        runs = [run for run in paragraph.runs if run.text.strip()]
        bold = bool(runs) and all(run.bold or (run.bold is None and _style_bold(paragraph)) for run in runs)
        hint = ""
        if bold or (paragraph.style is not None and paragraph.style.name.lower().startswith(("heading", "title"))):
            hint = HEADING if titled else TITLE
        piece = pieces.add(where, paragraph.text, hint)
        titled = titled or piece is not None
    return running_text(SHAPE, pieces, lang)


def _style_bold(paragraph) -> bool:
    style = paragraph.style
    while style is not None:
        if style.font is not None and style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False
