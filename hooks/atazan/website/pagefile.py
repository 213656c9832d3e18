"""A generated file as the writer gets it, and the mark that tells a generated page from a
hand-written one. The lowest module of website/: the writer (generate.py) needs nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

GENERATED_MARK = "atazan_generated"

# A Markdown page MkDocs builds (docs/<lang>/…), a file written into the built site (site/…), or a
# part of a hand-written page, put where its marker stands in that page's Markdown (the home page's
# launcher: kinds/home.py).
Output = Literal["docs", "site", "part"]
DOCS: Output = "docs"
SITE: Output = "site"
PART: Output = "part"


@dataclass(frozen=True)
class GeneratedPage:
    lang: str
    path: str  # relative to docs/<lang>/ (a page), or to the site root (a file written after the build)
    source_file: str  # the data file a contributor edits
    content: str
    output: Output = DOCS
