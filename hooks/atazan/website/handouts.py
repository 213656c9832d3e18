"""Roundtable handouts: one printable page per theme and language, plus bilingual pairs.

A handout must fit on two A4 pages, so it holds at most HANDOUT_PROVISIONS provisions and five
questions; whatever does not fit is named on the page (with the online address), never dropped
silently. Decisions live here; overrides/atazan/pages/handout*.md.j2 only lay them out.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import segno

from atazan.website import models
from atazan.website.i18n import page_url
from atazan.dataset.memo import per_dataset_key
from atazan.dataset.validate import Dataset

HANDOUT_PROVISIONS = 3
HANDOUT_QUESTIONS = 5
MIN_QUESTIONS = 3
# Bilingual variants for mixed-language rooms: the pair is part of the URL (handouts/<theme>-kk-ru/).
BILINGUAL_PAIRS: tuple[tuple[str, str], ...] = (("kk", "ru"),)


@dataclass
class HandoutProvision:
    link: models.Link
    summary: models.Shown
    changed: models.Shown
    text: models.VersionView | None  # the version whose wording is printed
    has_adopted_text: bool


@dataclass
class Handout:
    lang: str  # the language of the texts
    theme: models.ThemePage
    provisions: list[HandoutProvision]
    more: list[models.Link]  # provisions that did not fit, named so nothing is silently left out
    questions: list[models.Shown]
    too_few_questions: bool
    # The theme page, relative to site_url: the QR code and short URL send readers there for the full text.
    theme_url: str
    translation: models.TranslationNotice | None = None  # what on the sheet is original or translated


def _printed_version(page: models.ProvisionPage) -> models.VersionView | None:
    # Newest version with wording; a proposal only if nothing else is quoted, and it stays labelled.
    with_text = [v for v in page.versions if v.text]
    texts = [v for v in with_text if v.kind != "proposal"] or with_text
    return texts[-1] if texts else None


@per_dataset_key  # one model per build, shared by every page that shows it
def handout(dataset: Dataset, tid: str, lang: str) -> Handout:
    theme = models.theme_page(dataset, tid, lang)
    members = [p.link.id for p in theme.provisions]
    printed = []
    for pid in members[:HANDOUT_PROVISIONS]:
        page = models.provision_page(dataset, pid, lang)
        printed.append(HandoutProvision(models.provision_link(dataset, pid, lang), page.summary, page.changed,
                                        _printed_version(page), page.has_adopted_text))
    sheet = Handout(
        lang=lang,
        theme=theme,
        provisions=printed,
        more=[models.provision_link(dataset, pid, lang) for pid in members[HANDOUT_PROVISIONS:]],
        questions=theme.questions[:HANDOUT_QUESTIONS],
        too_few_questions=len(theme.questions) < MIN_QUESTIONS,
        theme_url=page_url(lang, f"themes/{tid}.md"),
    )
    texts = [theme.summary, theme.explainer, *sheet.questions]
    for p in printed:
        texts += [p.summary, p.changed, p.text.own_translation if p.text else None]
    sheet.translation = models.translation_notice(texts, lang, f"themes/{tid}.md")
    return sheet


QR_MASK = 0


@functools.lru_cache(maxsize=None)  # a theme's address appears on its sheet and on the bilingual sheets
def qr_svg(url: str) -> str:
    """Inline SVG QR code, made at build time: no image request, prints sharp at any size."""
    # Error level M survives a folded or smudged sheet; unit scale, sized by CSS. A fixed mask
    # pattern: any of the eight is a valid code, and letting segno score all eight to pick one
    # made the QR codes a third of the generator's time (`atazan bench`).
    return segno.make(url, error="m", micro=False, mask=QR_MASK).svg_inline(scale=1, omitsize=True, dark="#000", light="#fff")


def handout_pages(dataset: Dataset, lang: str):
    return [
        (f"handouts/{tid}.md", dataset.origin[("themes", tid)], {"handout": handout(dataset, tid, lang), "pairs": _pairs(lang)})
        for tid in models.sorted_themes(dataset)
    ]


def bilingual_pages(dataset: Dataset, lang: str):
    # Each pair lives in the folders of both its languages, so either interface can link to it.
    return [
        (f"handouts/{tid}-{a}-{b}.md", dataset.origin[("themes", tid)],
         {"pair": (handout(dataset, tid, a), handout(dataset, tid, b))})
        for a, b in _pairs(lang)
        for tid in models.sorted_themes(dataset)
    ]


def handout_index(dataset: Dataset, lang: str):
    themes = [models.theme_page(dataset, tid, lang) for tid in models.sorted_themes(dataset)]
    return [("handouts/index.md", "data/themes", {"themes": themes, "pairs": _pairs(lang)})]


def _pairs(lang: str) -> list[tuple[str, str]]:
    return [pair for pair in BILINGUAL_PAIRS if lang in pair]


def exported(dataset: Dataset, lang: str) -> list[dict]:
    """The `handouts` list of api/v1/<lang>.json."""
    out = []
    for tid in models.sorted_themes(dataset):
        out.append({"theme": tid, "url": page_url(lang, f"handouts/{tid}.md"), "languages": [lang]})
        for a, b in _pairs(lang):
            out.append({"theme": tid, "url": page_url(lang, f"handouts/{tid}-{a}-{b}.md"), "languages": [a, b]})
    return out
