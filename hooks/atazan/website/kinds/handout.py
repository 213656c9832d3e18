"""Roundtable handouts: one printable page per theme and language, plus bilingual pairs; page
kinds `handout`, `handout-bilingual` and `handout-index`.

A handout must fit on two A4 pages, so it holds at most HANDOUT_PROVISIONS provisions and five
questions; whatever does not fit is named on the page (with the online address), never dropped
silently. Decisions live here; overrides/atazan/pages/handout*.md.j2 only lay them out.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import segno

from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import legaltext, routes
from atazan.website.held import held
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.kinds.provision import ProvisionPage, VersionView, provision_page
from atazan.website.kinds.theme import ThemePage, sorted_themes, theme_page
from atazan.website.views import Link, Shown, TranslationNotice, provision_link, translation_notice

HANDOUT_PROVISIONS = 3
HANDOUT_QUESTIONS = 5
MIN_QUESTIONS = 3
# Bilingual variants for mixed-language rooms: the pair is part of the URL (handouts/<theme>-kk-ru/).
BILINGUAL_PAIRS: tuple[tuple[Lang, Lang], ...] = (("kk", "ru"),)


@dataclass
class HandoutProvision:
    link: Link
    summary: Shown
    changed: Shown
    text: VersionView | None  # the version whose wording is printed
    has_adopted_text: bool
    # The article it explains in every version held (legaltext.in_every_version), reference first:
    # on paper, where to read it in the text the site holds.
    articles: tuple[legaltext.ArticleLink, ...] = ()


@dataclass
class Handout:
    lang: Lang  # the language of the texts
    theme: ThemePage
    provisions: list[HandoutProvision]
    more: list[Link]  # provisions that did not fit, named so nothing is silently left out
    questions: list[Shown]
    too_few_questions: bool
    # The theme page, relative to site_url: the QR code and short URL send readers there for the full text.
    theme_url: str
    adopted_held: bool  # the dataset holds the adopted text (website/held.py): the site has it
    translation: TranslationNotice | None = None  # what on the sheet is original or translated


def _printed_version(page: ProvisionPage) -> VersionView | None:
    # Newest version with wording; a proposal only if nothing else is quoted, and it stays labelled.
    with_text = [v for v in page.versions if v.text]
    texts = [v for v in with_text if v.kind != "proposal"] or with_text
    return texts[-1] if texts else None


@per_dataset_key  # one model per build, shared by every page that shows it
def handout(dataset: Dataset, tid: str, lang: Lang) -> Handout:
    theme = theme_page(dataset, tid, lang)
    members = [p.link.id for p in theme.provisions]
    printed = []
    for pid in members[:HANDOUT_PROVISIONS]:
        page = provision_page(dataset, pid, lang)
        held_articles = legaltext.provision_text(dataset, pid, lang).articles
        printed.append(HandoutProvision(provision_link(dataset, pid, lang), page.summary, page.changed,
                                        _printed_version(page), page.has_adopted_text,
                                        held_articles[0] if held_articles else ()))
    sheet = Handout(
        lang=lang,
        theme=theme,
        provisions=printed,
        more=[provision_link(dataset, pid, lang) for pid in members[HANDOUT_PROVISIONS:]],
        questions=theme.questions[:HANDOUT_QUESTIONS],
        too_few_questions=len(theme.questions) < MIN_QUESTIONS,
        theme_url=routes.page_url(lang, routes.theme(tid)),
        adopted_held=held(dataset).adopted,
    )
    texts: list[Shown | None] = [theme.summary, theme.explainer, *sheet.questions]
    for p in printed:
        texts += [p.summary, p.changed, p.text.own_translation if p.text else None]
    sheet.translation = translation_notice(texts, lang, routes.theme(tid))
    return sheet


QR_MASK = 0


@functools.lru_cache(maxsize=None)  # a theme's address appears on its sheet and on the bilingual sheets
def qr_svg(url: str) -> str:
    """Inline SVG QR code, made at build time: no image request, prints sharp at any size."""
    # Error level M survives a folded or smudged sheet; unit scale, sized by CSS. A fixed mask
    # pattern: any of the eight is a valid code, and letting segno score all eight to pick one
    # made the QR codes a third of the generator's time (`atazan bench`).
    return segno.make(url, error="m", micro=False, mask=QR_MASK).svg_inline(scale=1, omitsize=True, dark="#000", light="#fff")


# ---------------------------------------------------------------- page kinds

@dataclass(frozen=True)
class HandoutContext(Context):
    handout: Handout
    pairs: list[tuple[Lang, Lang]]  # the bilingual sheets of this theme in this language's folder


@dataclass(frozen=True)
class BilingualContext(Context):
    pair: tuple[Handout, Handout]
    counterpart: str  # the one-language sheet a language without this pair shows instead (languages.py)


@dataclass(frozen=True)
class HandoutIndexContext(Context):
    themes: list[ThemePage]
    pairs: list[tuple[Lang, Lang]]


def handout_pages(dataset: Dataset, lang: Lang) -> list[KindPage]:
    return [KindPage(routes.handout(tid), dataset.origin[("themes", tid)], HandoutContext(handout(dataset, tid, lang), pairs_of(lang)))
            for tid in sorted_themes(dataset)]


def bilingual_pages(dataset: Dataset, lang: Lang) -> list[KindPage]:
    # Each pair lives in the folders of both its languages, so either interface can link to it.
    return [KindPage(routes.handout(tid, (a, b)), dataset.origin[("themes", tid)],
                     BilingualContext((handout(dataset, tid, a), handout(dataset, tid, b)), routes.handout(tid)))
            for a, b in pairs_of(lang)
            for tid in sorted_themes(dataset)]


def handout_index(dataset: Dataset, lang: Lang) -> list[KindPage]:
    themes = [theme_page(dataset, tid, lang) for tid in sorted_themes(dataset)]
    return [KindPage(routes.HANDOUT_INDEX, "data/themes", HandoutIndexContext(themes, pairs_of(lang)))]


def pairs_of(lang: Lang) -> list[tuple[Lang, Lang]]:
    return [pair for pair in BILINGUAL_PAIRS if lang in pair]


KINDS = (
    PageKind("handout", "handout.md.j2", handout_pages),
    PageKind("handout-bilingual", "handout_bilingual.md.j2", bilingual_pages),
    PageKind("handout-index", "handout_index.md.j2", handout_index),
)
