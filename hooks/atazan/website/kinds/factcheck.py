"""Fact-checks: a claim, what the texts say, and its verdict; page kind `factcheck-index`, and
the fact-checks shown on the pages of the provisions they check."""

from __future__ import annotations

from dataclasses import dataclass

from atazan.dataset import schema
from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import routes
from atazan.website.i18n import format_date
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.kinds.news import NewsLink, SourceRow, news_link, source_rows
from atazan.website.views import Link, Shown, TranslationNotice, pick, provision_link, translation_notice


@dataclass
class FactCheckView:
    id: str
    date: str
    claim: Shown
    finding: Shown
    verdict: str
    checked: list[tuple[str, int, tuple[str, ...]]]  # (version label, article, paragraphs)
    provisions: list[Link]
    news: list[NewsLink]
    sources: list[SourceRow]


@per_dataset_key  # one model per build, shared by every page that shows it
def factcheck_view(dataset: Dataset, fid: str, lang: Lang) -> FactCheckView:
    fact = dataset.factchecks[fid]
    return FactCheckView(
        id=fid,
        date=format_date(fact.date, lang),
        claim=pick(fact.claim, lang),
        finding=pick(fact.finding, lang),
        verdict=fact.verdict,
        checked=[(dataset.versions[c.version].label[lang].text, c.article, tuple(c.paragraphs)) for c in fact.checked],
        provisions=[provision_link(dataset, p, lang) for p in fact.provisions],
        news=[news_link(dataset, n, lang) for n in fact.news],
        sources=source_rows(dataset, fact.sources, lang),
    )


def _checks_provision(dataset: Dataset, fact: schema.FactCheck, pid: str) -> bool:
    # Listed by hand, or one of the checked articles is a version of this provision, so a
    # fact-check reaches a provision page as soon as the content team adds that provision.
    if pid in fact.provisions:
        return True
    numbers = {(v.version, v.number) for v in dataset.provisions[pid].versions if v.number is not None}
    return any((c.version, c.article) in numbers for c in fact.checked)


def factchecks_for(dataset: Dataset, lang: Lang, provision: str) -> list[FactCheckView]:
    return [factcheck_view(dataset, fid, lang) for fid, fact in sorted(dataset.factchecks.items())
            if _checks_provision(dataset, fact, provision)]


@dataclass(frozen=True)
class FactCheckIndexContext(Context):
    checks: list[FactCheckView]
    translation: TranslationNotice


def factcheck_index(dataset: Dataset, lang: Lang) -> list[KindPage]:
    checks = [factcheck_view(dataset, fid, lang) for fid in sorted(dataset.factchecks, reverse=True)]
    texts = [t for c in checks for t in (c.claim, c.finding)]
    return [KindPage(routes.FACTCHECK_INDEX, "data/factchecks",
                     FactCheckIndexContext(checks, translation_notice(texts, lang, routes.FACTCHECK_INDEX)))]


KINDS = (PageKind("factcheck-index", "factcheck_index.md.j2", factcheck_index),)
