"""What is attached to the text of the reference version (the adopted text once held): the
explanations (each provision record's `versions[]` entries), the news stories (the article
references the importer found in them) and the fact-checks (the articles they checked), each at
the article, paragraph or subparagraph it concerns.

An item names a place in the version it was written for ("first draft, Article 8, paragraph 1").
The correspondence table (data/correspondence.yml) says which article of the reference version
that is; which paragraph or subparagraph, only where the version is the reference itself or the
matcher pairs the parts of the two articles (correspondence.part_pairs: the scoring and threshold
of `atazan match`). What cannot be placed at a paragraph is attached to the whole article; what
cannot be placed at an article of the reference version (its version not held, its article not in
the table, or removed since) is attached to none: its own page says where it stands.

One decision for every page that shows an attachment: the article pages (beside the paragraph),
the provision pages (a link to the article in every version held) and the handouts.
"""

from __future__ import annotations

from dataclasses import dataclass

from atazan import LANGUAGES
from atazan.dataset.correspondence import part_pairs
from atazan.dataset.memo import per_dataset, per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.texts import Article, Paragraph, article_eid, block_text, paragraph_eid, subparagraph_eid
from atazan.website import legaltext
from atazan.website.kinds.news import shown_ids

EXPLANATION, NEWS, FACTCHECK = "explanation", "news", "factcheck"


@dataclass(frozen=True)
class Cited:
    """A place in one version's text as an item names it."""

    version: str
    number: str
    paragraphs: tuple[str, ...] = ()
    subparagraphs: tuple[str, ...] = ()  # "2", as the texts number them (a record writes "2)")


@dataclass(frozen=True)
class Place:
    """Where on the reference version's article an item goes."""

    article: str  # the article's number in the reference version
    eid: str  # its anchor there: art_9 (the whole article), art_9__para_1, art_47__subpara_2
    paragraph: str | None = None  # in the reference version
    subparagraph: str | None = None

    @property
    def whole_article(self) -> bool:
        return self.paragraph is None and self.subparagraph is None


@dataclass(frozen=True)
class Attached:
    kind: str  # EXPLANATION, NEWS or FACTCHECK
    id: str  # the provision, news story or fact-check
    cited: Cited
    place: Place
    entry: int | None = None  # EXPLANATION: the index of the provision's versions[] entry


def _held_numbers(dataset: Dataset, version: str) -> set[str]:
    return set(legaltext.article_numbers(dataset, version))


def reference_number(dataset: Dataset, version: str, number: str) -> str | None:
    """The number in the reference version of `version`'s article `number` (None: not held, not in
    the correspondence table, or not in the reference version)."""
    reference = legaltext.reference_version(dataset)
    if reference is None or number not in _held_numbers(dataset, version):
        return None
    if version == reference:
        return number
    table = dataset.correspondence
    row = table.row_of(version, number) if table is not None and version in table.versions else None
    return row.number(reference) if row is not None else None


def _common_language(dataset: Dataset, a: str, b: str) -> str | None:
    # The language the parts are compared in: one both versions are held in, kk first (as `atazan match`).
    return next((lang for lang in LANGUAGES if dataset.texts.get(a, lang) and dataset.texts.get(b, lang)), None)


@per_dataset_key  # once per article pair and build, whoever asks
def part_map(dataset: Dataset, version: str, number: str, ref_number: str) -> tuple[dict[str, str], dict[tuple[str | None, str], tuple[str | None, str]]]:
    """(paragraph -> paragraph, (paragraph, subparagraph) -> (paragraph, subparagraph)) from
    `version`'s article `number` to the reference version's article `ref_number`; a paragraph of
    None is the article's own subparagraphs (an article without numbered paragraphs)."""
    reference = legaltext.reference_version(dataset)
    if reference is None:
        return {}, {}
    lang = _common_language(dataset, version, reference)
    if lang is None:
        return {}, {}
    old = legaltext.articles_by_number(dataset, version, lang).get(number)
    new = legaltext.articles_by_number(dataset, reference, lang).get(ref_number)
    if old is None or new is None:
        return {}, {}
    paragraphs = part_pairs([(p.number, block_text(p)) for p in old.paragraphs], [(p.number, block_text(p)) for p in new.paragraphs])
    owners: list[tuple[str | None, Paragraph | Article, Paragraph | Article]] = [
        (p.number, p, next(q for q in new.paragraphs if q.number == paragraphs[p.number]))
        for p in old.paragraphs if p.number in paragraphs]
    if not old.paragraphs and not new.paragraphs:
        owners.append((None, old, new))
    subparagraphs: dict[tuple[str | None, str], tuple[str | None, str]] = {}
    for key, before, after in owners:
        pairs = part_pairs([(s.number, s.text) for s in before.subparagraphs], [(s.number, s.text) for s in after.subparagraphs])
        target = None if key is None else paragraphs[key]
        subparagraphs.update({(key, old_sub): (target, new_sub) for old_sub, new_sub in pairs.items()})
    return paragraphs, subparagraphs


def _parts_of(dataset: Dataset, ref_number: str) -> tuple[set[str], set[tuple[str | None, str]]]:
    """The paragraphs and (paragraph, subparagraph) of the reference version's article, in any language held."""
    reference = legaltext.reference_version(dataset)
    paragraphs: set[str] = set()
    subparagraphs: set[tuple[str | None, str]] = set()
    for lang in LANGUAGES:
        article = legaltext.articles_by_number(dataset, reference, lang).get(ref_number) if reference else None
        if article is None:
            continue
        paragraphs |= {p.number for p in article.paragraphs}
        subparagraphs |= {(p.number, s.number) for p in article.paragraphs for s in p.subparagraphs}
        subparagraphs |= {(None, s.number) for s in article.subparagraphs}
    return paragraphs, subparagraphs


def places(dataset: Dataset, cited: Cited) -> tuple[Place, ...]:
    """Where `cited` is on the reference version (module docstring); () when it is on none."""
    ref_number = reference_number(dataset, cited.version, cited.number)
    if ref_number is None:
        return ()
    same = cited.version == legaltext.reference_version(dataset)
    paragraph_map, sub_map = ({}, {}) if same else part_map(dataset, cited.version, cited.number, ref_number)
    held_paragraphs, held_subs = _parts_of(dataset, ref_number)
    found: list[Place] = []
    whole = False
    if cited.subparagraphs:
        owners: tuple[str | None, ...] = cited.paragraphs or (None,)
        for owner in owners:
            for sub in cited.subparagraphs:
                target = (owner, sub) if same else sub_map.get((owner, sub))
                if target is None or target not in held_subs:
                    whole = True
                    continue
                parent = paragraph_eid(ref_number, target[0]) if target[0] else article_eid(ref_number)
                found.append(Place(ref_number, subparagraph_eid(parent, target[1]), target[0], target[1]))
    elif cited.paragraphs:
        for paragraph in cited.paragraphs:
            target_paragraph = paragraph if same else paragraph_map.get(paragraph)
            if target_paragraph is None or target_paragraph not in held_paragraphs:
                whole = True
                continue
            found.append(Place(ref_number, paragraph_eid(ref_number, target_paragraph), target_paragraph))
    else:
        whole = True
    if whole:  # a part without a counterpart, or no part named: the whole article
        found.append(Place(ref_number, article_eid(ref_number)))
    return tuple(dict.fromkeys(found))


def _record_subparagraphs(values) -> tuple[str, ...]:
    return tuple(str(v).rstrip(")") for v in values)


@per_dataset
def attached(dataset: Dataset) -> dict[str, tuple[Attached, ...]]:
    """The reference version's article number -> what is attached to it, explanations first (by
    provision), then news (oldest first), then fact-checks."""
    found: dict[str, list[Attached]] = {}

    def attach(kind: str, rid: str, cited: Cited, entry: int | None = None) -> None:
        for place in places(dataset, cited):
            found.setdefault(place.article, []).append(Attached(kind, rid, cited, place, entry))

    for pid, provision in sorted(dataset.provisions.items()):
        for index, version in enumerate(provision.versions):
            if version.number is not None:
                attach(EXPLANATION, pid, Cited(version.version, str(version.number), tuple(version.paragraphs),
                                               _record_subparagraphs(version.subparagraphs)), index)
    for nid in shown_ids(dataset):
        for reference in dataset.news[nid].machine.references:
            if reference.version is not None:  # a story that does not say which text: never guessed
                attach(NEWS, nid, Cited(reference.version, str(reference.article), tuple(reference.paragraphs),
                                        _record_subparagraphs(reference.subparagraphs)))
    for fid, fact in sorted(dataset.factchecks.items()):
        for checked in fact.checked:
            attach(FACTCHECK, fid, Cited(checked.version, str(checked.article), tuple(checked.paragraphs)))
    return {number: tuple(items) for number, items in found.items()}


def of_provision(dataset: Dataset, pid: str) -> list[Attached]:
    """Where one provision's explanations are attached, in the order of its entries."""
    return sorted((a for items in attached(dataset).values() for a in items if a.kind == EXPLANATION and a.id == pid),
                  key=lambda a: (a.entry or 0, a.place.eid))
