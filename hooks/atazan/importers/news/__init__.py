"""The news pipeline: raw dumps -> news records under data/news/.

Steps, one module each: parse.py (dump text -> raw items, with warnings) -> dedupe.py (drop
exact repeats, merge retellings) -> relevance.py (keep stories about the reform, with the
reason) -> refs.py (article references -> provision ids) -> importer.py (build records, merge
with what is on disk without touching curated fields, write, report).
"""
