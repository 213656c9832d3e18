"""Importing the Constitution's official texts into data/texts/ (`atazan import-text`).

One module per step: `adilet.py` reads the legal information system's document JSON,
`plaintext.py` running text as newspapers print it; both feed `structure.Builder`, which
knows the Constitution's shape (preamble, sections, articles, paragraphs, subparagraphs) and
yields the canonical record; `importer.py` checks it and writes it atomically.
"""
