"""The site plan: every generated page of one build, as a typed spec, made once from the
validated dataset.

A page kind is one module under kinds/ (kinds.PAGE_KINDS): its template, its typed context and a
function that lists its pages in one language. The plan holds every page of every language
built; render.py turns its specs into Markdown (or, for a SITE kind, a file of the built site),
and the MkDocs hook looks a page up here (edit link, translation gap, feeds) instead of reading it
back from the written file. The models in the contexts are built once per build
(memo.per_dataset_key) and shared with the indexes, handouts, exports and feeds that show them too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from atazan import LANGUAGES
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import editlinks, routes
from atazan.website.kinds import PAGE_KINDS
from atazan.website.kinds.base import Context, PageKind
from atazan.website.pagefile import PART


@dataclass(frozen=True)
class PageSpec:
    kind: str  # a key of PAGE_KINDS
    lang: Lang
    path: str  # routes.py: relative to docs/<lang>/ (or to the site root, for a SITE kind)
    source_file: str  # the data file (or folder) a contributor edits
    context: Context  # the page's model(s), as its template receives them

    @property
    def page_kind(self) -> PageKind:
        return PAGE_KINDS[self.kind]

    @property
    def template(self) -> str:
        return self.page_kind.template


@dataclass(frozen=True)
class SitePlan:
    dataset: Dataset
    languages: tuple[Lang, ...]
    site_url: str
    repo_url: str
    pages: tuple[PageSpec, ...]
    style: routes.Style = routes.DIRECTORY  # the URL style of the build (use_directory_urls)
    _by_address: dict[tuple[str, str], PageSpec] = field(default_factory=dict, repr=False, compare=False)

    def page(self, lang: str, path: str) -> PageSpec | None:
        """The generated page at docs/<lang>/<path>, or None (a hand-written page)."""
        return self._by_address.get((lang, path))

    def translation_gap(self, source_file: str, lang: Lang) -> str | None:
        """What a reader of `lang` misses on a page made from `source_file`: missing | translated |
        outdated, or None."""
        return editlinks.page_gap(self.dataset, source_file, lang)


def build(dataset: Dataset, languages: tuple[Lang, ...] = LANGUAGES, site_url: str = "", repo_url: str = "",
          directory_urls: bool = True) -> SitePlan:
    """Every generated page in `languages`; `site_url` makes the online addresses printed on
    handouts and written in feeds, `repo_url` the links to data files on the translation-status
    page, `directory_urls` the URL style of links that MkDocs does not rewrite (routes.py)."""
    pages = tuple(PageSpec(name, lang, page.path, page.source_file, page.context)
                  for lang in languages
                  for name, kind in PAGE_KINDS.items()
                  for page in kind.pages(dataset, lang))
    # A part of a hand-written page (pagefile.PART) is no page of its own: the edit link, the
    # translation gap and the feeds of its page stay the hand-written page's.
    return SitePlan(dataset, tuple(languages), site_url, repo_url, pages, routes.style_of(directory_urls),
                    {(p.lang, p.path): p for p in pages if p.page_kind.output != PART})
