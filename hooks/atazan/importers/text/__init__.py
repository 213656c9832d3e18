"""Importing the Constitution's official texts into data/texts/ (`atazan import-text`).

`shapes.py` tells a saved file's shape from its content and hands it to the module for that shape
(`zan_nodes`, `zan_html`, `adilet_api`, `portal_page`, `portal_text`, `docx_file`, `pdf_file`).
The HTML shapes and the DOCX become paragraphs (`htmltext.py`, `pieces.py`) read by one running-text
reader (`running.py`, with the language's labels and notes in `labels.py`); the zan.gov.kz node list
has its own walker. All feed `structure.Builder`, which knows the Constitution's shape and keeps a
ledger of where every word went; `account.py` balances it against the source and the record;
`importer.py` checks language, structure and provenance and writes atomically. The refusals
(`TextImportError`, `ShapeRefusal`) are `errors.py`'s, imported through `structure`.
"""
