"""A PDF download (`…/download/pdf`, named like `k950001000_.01-01-2023.rus.pdf`): refused.

A PDF keeps glyphs placed on lines, not paragraphs: where a paragraph ends, which line is a
heading, must be guessed from positions, and the portal's Kazakh PDFs have shown font-encoding
damage (ӛ for ө, ҥ for ү) that a text extractor passes on as if it were the text. No library
reads that back faithfully, and a misquoted Constitution is worse than none: the same act is on
the portal as DOCX and as JSON, which this importer reads.
"""

from __future__ import annotations

from atazan.importers.text.structure import ShapeRefusal

SHAPE = "a PDF document"


def read(raw: bytes, lang: str):
    raise ShapeRefusal(f"{SHAPE}: its text cannot be read back faithfully (lines, not paragraphs; the portal's Kazakh "
                          "PDFs show font-encoding damage such as ӛ for ө, ҥ for ү); download the DOCX "
                          "(…/download/docx) or save the JSON or the page instead (README)")
