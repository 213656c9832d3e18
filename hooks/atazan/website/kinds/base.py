"""What a page kind is: one module under kinds/ gives its typed context, the function that lists
its pages in one language, and its template; kinds/__init__.py assembles PAGE_KINDS from them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, NamedTuple

from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website.pagefile import DOCS, Output


class Context:
    """The base of every kind's context: a dataclass whose fields are the template's variables."""

    def variables(self) -> dict[str, object]:
        # Shallow: the models stay the shared objects (dataclasses.asdict would copy them into dicts).
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    def feeds(self) -> tuple[str, ...]:
        """The feeds (paths from the site root) the page announces besides its language's news feed."""
        return ()


class KindPage(NamedTuple):
    path: str  # routes.py: under docs/<lang>/, or under the site root for a SITE kind
    source_file: str  # the data file (or folder) a contributor edits
    context: Context


@dataclass(frozen=True)
class PageKind:
    name: str
    template: str  # in overrides/atazan/pages/
    pages: Callable[[Dataset, Lang], list[KindPage]]
    output: Output = DOCS
    # Its prose links glossary terms to their entries (website/glossary.py).
    links_glossary: bool = False
    # What its pages need of the reader's-path assets (partials/atazan/reader.html): "" nothing,
    # "styles" assets/atazan-reader.css, "script" the stylesheet and assets/javascripts/atazan-reader.js.
    # Only the pages that use them load them: every page's first load counts (issue 26).
    reader_assets: str = ""
