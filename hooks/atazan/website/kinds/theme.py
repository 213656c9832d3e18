"""Theme pages and the theme index: page kinds `theme` and `theme-index`. A theme gathers the
provisions on one subject, with an explainer and questions for a roundtable."""

from __future__ import annotations

from dataclasses import dataclass

from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import routes
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.kinds.factcheck import FactCheckView
from atazan.website.kinds.news import NewsLink, news_for
from atazan.website.kinds.provision import ProvisionSummary, summarize
from atazan.website.views import Shown, TranslationNotice, pick, translation_notice


@dataclass
class ThemePage:
    id: str
    lang: Lang
    source_file: str
    title: Shown
    summary: Shown
    explainer: Shown
    provisions: list[ProvisionSummary]
    questions: list[Shown]
    translation: TranslationNotice | None = None


@per_dataset_key  # one model per build, shared by every page that shows it
def theme_page(dataset: Dataset, tid: str, lang: Lang) -> ThemePage:
    theme = dataset.themes[tid]
    members = [pid for pid, p in sorted(dataset.provisions.items()) if tid in p.themes]
    page = ThemePage(
        id=tid,
        lang=lang,
        source_file=dataset.origin[("themes", tid)],
        title=pick(theme.title, lang),
        summary=pick(theme.summary, lang),
        explainer=pick(theme.explainer, lang),
        provisions=[summarize(dataset, pid, lang) for pid in members],
        questions=[pick(q, lang) for q in theme.questions],
    )
    texts = [page.title, page.summary, page.explainer, *page.questions, *(p.summary for p in page.provisions)]
    page.translation = translation_notice(texts, lang, routes.theme(tid))
    return page


def sorted_themes(dataset: Dataset) -> list[str]:
    return sorted(dataset.themes, key=lambda tid: (dataset.themes[tid].order, tid))


# ---------------------------------------------------------------- page kinds

@dataclass(frozen=True)
class ThemeContext(Context):
    page: ThemePage
    news: list[NewsLink]
    factchecks: list[FactCheckView]


@dataclass(frozen=True)
class ThemeIndexContext(Context):
    themes: list[ThemePage]


def theme_pages(dataset: Dataset, lang: Lang) -> list[KindPage]:
    return [KindPage(routes.theme(tid), dataset.origin[("themes", tid)],
                     ThemeContext(theme_page(dataset, tid, lang), news_for(dataset, lang, theme=tid), []))
            for tid in sorted_themes(dataset)]


def theme_index(dataset: Dataset, lang: Lang) -> list[KindPage]:
    themes = [theme_page(dataset, tid, lang) for tid in sorted_themes(dataset)]
    return [KindPage(routes.THEME_INDEX, "data/themes", ThemeIndexContext(themes))]


KINDS = (
    PageKind("theme", "theme.md.j2", theme_pages, links_glossary=True),
    PageKind("theme-index", "theme_index.md.j2", theme_index, links_glossary=True),
)
