"""The home page's launcher (issue 22): where a reader on a phone taps first. "Read the
Constitution", "What changed", the three themes readers ask about most (the first by `order` in
data/themes/), and an article-number jump.

The home page is hand-written (docs/<lang>/index.md); its launcher is generated, since the themes
come from data, and put where the page's marker stands (pagefile.PART, adapter/pages.fill_parts).
Its links are Markdown links, so MkDocs checks them and writes the offline copy's addresses."""

from __future__ import annotations

from dataclasses import dataclass

from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import routes
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.kinds.theme import sorted_themes
from atazan.website.pagefile import PART
from atazan.website.views import Link, theme_link

MARKER = "<!-- atazan:launcher -->"
THEMES = 3


@dataclass(frozen=True)
class LauncherContext(Context):
    themes: list[Link]


def launcher(dataset: Dataset, lang: Lang) -> list[KindPage]:
    themes = [theme_link(dataset, tid, lang) for tid in sorted_themes(dataset)[:THEMES]]
    return [KindPage(routes.HOME, "data/themes", LauncherContext(themes))]


KINDS = (PageKind("home-launcher", "home_launcher.md.j2", launcher, output=PART, reader_assets="styles"),)
