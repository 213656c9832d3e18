"""The glossary page: page kind `glossary`, one entry per term of data/glossary/ (the entries
that glossary term links and their tooltips point at: website/glossary.py)."""

from __future__ import annotations

from dataclasses import dataclass

from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.website import collation, routes
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.views import Link, Shown, TranslationNotice, pick, provision_link, translation_notice


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    term: Shown
    definition: Shown
    provisions: list[Link]


@dataclass(frozen=True)
class GlossaryContext(Context):
    entries: list[GlossaryEntry]
    translation: TranslationNotice


def glossary(dataset: Dataset, lang: Lang) -> list[KindPage]:
    terms = collation.sorted_for(lang, dataset.glossary.values(), key=lambda term: term.term[lang].text)
    entries = [GlossaryEntry(t.id, pick(t.term, lang), pick(t.definition, lang),
                             [provision_link(dataset, p, lang) for p in t.provisions]) for t in terms]
    return [KindPage(routes.GLOSSARY, "data/glossary", GlossaryContext(entries, translation_notice(
        [text for e in entries for text in (e.term, e.definition)], lang, routes.GLOSSARY)))]


KINDS = (PageKind("glossary", "glossary.md.j2", glossary),)
