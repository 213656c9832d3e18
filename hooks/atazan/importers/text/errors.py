"""The import's refusals, apart from the modules that raise them: pieces.py and structure.py both
need them, and structure.py reads pieces.py's Piece."""

from __future__ import annotations


class TextImportError(Exception):
    """Bad input; the message is one line (the CLI puts the file name before it)."""


class ShapeRefusal(TextImportError):
    """A shape refused as a whole (a PDF, a page shell): the message names the shape itself."""
