"""Article pages: page kind `article`, one page per article of the reference version (legaltext.py
says which text a reader gets), with the records that explain it, the news about it, and the
article across every version held (its number there, word diffs: comparison.py)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from atazan.dataset import explanations as checks
from atazan.dataset.correspondence import normalise
from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.dataset.texts import article_eid, number_key, section_eid
from atazan.website import attached, comparetable, comparison, legaltext, routes
from atazan.website.i18n import format_date
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.kinds.changes import COMPARE_ANCHOR, change_language, compare_anchor, section_key, section_of
from atazan.website.kinds.news import NewsLink, headline, news_for, news_link
from atazan.website.views import Link, pick, provision_link


@dataclass(frozen=True)
class VersionNumber:
    """An article's number in one version; `anchor` is its place on that version's whole text."""

    version: str
    label: str
    number: str | None
    page: str | None  # the whole text of that version, where the reader can see it; None: not held
    anchor: str = ""


@dataclass(frozen=True)
class PairChange:
    """The article in one pair of versions: its kind of change there and where its comparison is."""

    old: str
    new: str
    old_label: str
    new_label: str
    old_number: str | None
    new_number: str | None
    kind: str  # comparison.KINDS or comparison.UNCHANGED
    removed: int
    added: int
    page: str | None  # the comparison's page (None: this page, or nothing to compare)
    anchor: str
    same_as: str = ""  # the label of an earlier-listed pair whose comparison is the same


@dataclass(frozen=True)
class ArticleChanges:
    numbers: tuple[VersionNumber, ...]
    default: PairChange | None  # the pair a reader asks about (comparison.default_pair)
    table: comparetable.Table | None  # its comparison, shown on the page
    text_lang: Lang | None  # the language of that comparison
    missing: tuple[str, ...]  # labels of the default pair's versions the reader's language lacks
    others: tuple[PairChange, ...]


@dataclass(frozen=True)
class WrittenFor:
    """The text an attached item was written for: a version's article, and the parts it names."""

    label: str  # the version's label in the reader's language
    number: str
    paragraphs: tuple[str, ...]
    subparagraphs: tuple[str, ...]  # as a reader writes them: "2)"


@dataclass(frozen=True)
class Note:
    """One item beside the text it concerns (website/attached.py): an explanation (its provision's
    title and one-line summary), a news story (headline, outlet and date) or a fact-check (claim
    and verdict)."""

    kind: str  # attached.EXPLANATION, NEWS or FACTCHECK
    id: str
    title: str
    title_lang: Lang  # a story without our headline yet is called by its source's title, in its language
    gist: str | None
    path: str
    anchor: str
    written_for: tuple[WrittenFor, ...]
    # An explanation's state a reader must know (dataset/explanations.py): outdated, differs or
    # unchecked; None when it was checked against these words.
    check: str | None = None
    # Shown in full already beside an earlier part of the article: here its kind and title only.
    repeated: bool = False


@dataclass(frozen=True)
class SectionRef:
    """The section of the whole text an article is in."""

    number: str
    heading: str | None
    anchor: str  # on the whole text's page


@dataclass
class ArticlePage:
    number: str
    eid: str  # its Akoma Ntoso id: the anchor on the whole text, the AKN export's element
    lang: Lang
    shown: legaltext.ShownText | None
    article: legaltext.ArticleView | None
    explanations: list[Link]  # every provision that explains it, once each (through the correspondence)
    # Beside the text: eid of a paragraph or subparagraph (or of the article: the whole article) -> its notes.
    notes: dict[str, tuple[Note, ...]]
    news: list[NewsLink]  # stories about those provisions not already beside the text
    stories: list[NewsLink]  # every story on the page, beside the text first, then `news` (its feed's)
    previous: str | None
    next: str | None
    whole_text: str  # the whole-text page holding this article
    feed: str  # its "follow this article" feed (kinds/article_feed.py), a file at the site root
    section: SectionRef | None = None

    @property
    def whole_article_notes(self) -> tuple[Note, ...]:
        return self.notes.get(self.eid, ())


# The explanation states a reader is told about, most serious first.
_CHECK_ORDER = (checks.OUTDATED, checks.DIFFERS, checks.UNCHECKED)


def _written_for(dataset: Dataset, item: attached.Attached, lang: Lang) -> WrittenFor:
    cited = item.cited
    return WrittenFor(dataset.versions[cited.version].label[lang].text, cited.number, cited.paragraphs,
                      tuple(f"{s})" for s in cited.subparagraphs))


def _note(dataset: Dataset, item: attached.Attached, lang: Lang, written_for: tuple[WrittenFor, ...], check: str | None) -> Note:
    if item.kind == attached.EXPLANATION:
        provision = dataset.provisions[item.id]
        return Note(item.kind, item.id, pick(provision.title, lang).text, lang, pick(provision.summary, lang).text,
                    routes.provision(item.id), "", written_for, check)
    if item.kind == attached.NEWS:
        story = dataset.news[item.id]
        title = headline(story, lang)
        return Note(item.kind, item.id, title.text, title.lang, format_date(story.date, lang), routes.news(item.id), "",
                    written_for)
    fact = dataset.factchecks[item.id]
    return Note(item.kind, item.id, pick(fact.claim, lang).text, lang, fact.verdict, routes.FACTCHECK_INDEX, item.id,
                written_for)


def _check_of(dataset: Dataset, item: attached.Attached) -> str | None:
    if item.kind != attached.EXPLANATION:
        return None
    state = next((c.state for c in dataset.explanations if c.provision == item.id and c.loc == ("versions", item.entry)), None)
    return state if state in _CHECK_ORDER else None


def _most_specific(labels) -> tuple[WrittenFor, ...]:
    """One label per version's article, naming every part any item cited ("First draft, Article
    14, paragraphs 2, 3"); an article cited as a whole and by parts is named by its parts."""
    merged: dict[tuple[str, str], WrittenFor] = {}
    for w in labels:
        key = (w.label, w.number)
        if key in merged:
            was = merged[key]
            w = WrittenFor(w.label, w.number, _union(was.paragraphs, w.paragraphs), _union(was.subparagraphs, w.subparagraphs))
        merged[key] = w
    return tuple(merged.values())


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(a) | set(b), key=lambda n: number_key(n.rstrip(")"))))


def notes_of(dataset: Dataset, number: str, lang: Lang) -> dict[str, tuple[Note, ...]]:
    """What is attached to the reference version's article `number`, by the anchor it goes beside.
    Each item once per anchor, with every text it was written for; an item beside some part of the
    article is not repeated for the whole article (its labels say which parts it was written for)."""
    items = attached.attached(dataset).get(number, ())
    beside_parts = {(i.kind, i.id) for i in items if not i.place.whole_article}
    grouped: dict[tuple[str, str, str], list[attached.Attached]] = {}
    for item in items:
        key = (item.kind, item.id)
        eid = item.place.eid
        if item.place.whole_article and key in beside_parts:
            continue
        grouped.setdefault((eid, *key), []).append(item)
    # Every text an item was written for, wherever in the article it is placed.
    cited: dict[tuple[str, str], list[attached.Attached]] = {}
    for item in items:
        cited.setdefault((item.kind, item.id), []).append(item)
    notes: dict[str, list[Note]] = {}
    reference = legaltext.reference_version(dataset)
    for (eid, kind, rid), placed in grouped.items():
        all_items = cited[(kind, rid)]
        labels = _most_specific(dict.fromkeys(_written_for(dataset, i, lang) for i in all_items))
        # An entry written for this very text was checked against it: its state is the one that
        # counts; else the most serious state of the entries written for other versions.
        own = [i for i in all_items if i.cited.version == reference]
        states = {_check_of(dataset, i) for i in (own or all_items)}
        check = next((s for s in _CHECK_ORDER if s in states), None)
        notes.setdefault(eid, []).append(_note(dataset, placed[0], lang, labels, check))
    return {eid: tuple(found) for eid, found in notes.items()}


def _reading_order(view: legaltext.ArticleView) -> list[str]:
    """The places a note can stand beside, in reading order: the article, then each numbered
    paragraph and its subparagraphs."""
    return [view.eid] + [eid for b in view.blocks for eid in ((b.eid,) if b.number else ()) + tuple(s.eid for s in b.subparagraphs)]


def _placed(notes: dict[str, tuple[Note, ...]], view: legaltext.ArticleView | None, eid: str) -> dict[str, tuple[Note, ...]]:
    """Every note at a place the shown text has: one whose paragraph this text lacks (a language's
    text laid out differently, or no text shown) goes beside the whole article, never dropped."""
    places = set(_reading_order(view)) if view is not None else {eid}
    out: dict[str, dict[tuple[str, str], Note]] = {}
    for place, found in notes.items():
        kept = out.setdefault(place if place in places else eid, {})
        for note in found:
            kept.setdefault((note.kind, note.id), note)  # an item moved beside the article stands there once
    return {place: tuple(kept.values()) for place, kept in out.items()}


def _once_in_full(notes: dict[str, tuple[Note, ...]], view: legaltext.ArticleView | None) -> dict[str, tuple[Note, ...]]:
    """Each item in full at the first place it stands in reading order, its title only after that."""
    if view is None:
        return notes
    order = _reading_order(view)
    seen: set[tuple[str, str]] = set()
    out = dict(notes)
    for eid in order:
        if eid not in notes:
            continue
        shown = []
        for note in notes[eid]:
            key = (note.kind, note.id)
            shown.append(dataclasses.replace(note, repeated=True) if key in seen else note)
            seen.add(key)
        out[eid] = tuple(shown)
    return out


def _section(dataset: Dataset, version: str, shown: legaltext.ShownText | None, view: legaltext.ArticleView | None) -> SectionRef | None:
    if shown is None or view is None or view.section is None:
        return None
    text = legaltext.text_of(dataset, version, shown.text_lang)
    heading = next((s.heading for s in text.sections if s.number == view.section), None)
    return SectionRef(view.section, heading, section_eid(view.section))


@per_dataset_key  # one model per build: its page and its feed show it
def article_page(dataset: Dataset, version: str, number: str, lang: Lang) -> ArticlePage:
    numbers = legaltext.article_numbers(dataset, version)
    shown = legaltext.choose(dataset, version, lang, number)
    article = legaltext.article_view(dataset, version, shown.text_lang, number) if shown else None
    notes = _once_in_full(_placed(notes_of(dataset, number, lang), article, article_eid(number)), article)
    beside = {(note.kind, note.id) for found in notes.values() for note in found}
    explained = list(dict.fromkeys(note.id for found in notes.values() for note in found if note.kind == attached.EXPLANATION))
    explanations = [provision_link(dataset, pid, lang) for pid in explained]
    news: list[NewsLink] = []
    seen: set[str] = set()
    for link in explanations:
        for item in news_for(dataset, lang, provision=link.id):
            if item.id not in seen and (attached.NEWS, item.id) not in beside:
                seen.add(item.id)
                news.append(item)
    beside_news = list(dict.fromkeys(note.id for found in notes.values() for note in found if note.kind == attached.NEWS))
    position = numbers.index(number)
    return ArticlePage(
        number=number, eid=article_eid(number), lang=lang, shown=shown, article=article, explanations=explanations,
        notes=notes, news=news, stories=[news_link(dataset, nid, lang) for nid in beside_news] + news,
        previous=numbers[position - 1] if position > 0 else None,
        next=numbers[position + 1] if position + 1 < len(numbers) else None,
        whole_text=routes.text(version), feed=routes.article_feed(number, lang),
        section=_section(dataset, version, shown, article),
    )


def _in_whole_text(dataset: Dataset, version: str, number: str, lang: Lang) -> VersionNumber:
    held = legaltext.choose(dataset, version, lang, number) is not None
    return VersionNumber(version, comparison.label(dataset, version, lang), number,
                         routes.text(version) if held else None, article_eid(number) if held else "")


@per_dataset_key  # one model per build, shared by every page that shows it
def article_changes(dataset: Dataset, number: str, lang: Lang) -> ArticleChanges | None:
    """The article of the reference version `number` across versions, for its page: its number in
    each, the comparison for the pair a reader asks about, and a line for every other pair."""
    table = dataset.correspondence
    if table is None:
        return None
    row = table.row_of(table.reference, number)
    if row is None:
        return None
    numbers = []
    for version in comparison.held_versions(dataset):
        found = row.number(version)
        numbers.append(_in_whole_text(dataset, version, found, lang) if found
                       else VersionNumber(version, comparison.label(dataset, version, lang), None, None))
    default = comparison.default_pair(dataset)
    listed: list[PairChange] = []
    seen: dict[tuple, str] = {}
    for old, new in ([default] if default else []) + comparison.other_pairs(dataset):
        before, after = row.number(old), row.number(new)
        if before is None and after is None:
            continue
        kind = comparison.reader_kind(dataset, old, new, before, after)
        item = _pair_change(dataset, old, new, before, after, kind, lang, is_default=(old, new) == default)
        key = _wordings(dataset, old, before, new, after)
        if key in seen and kind != comparison.UNCHANGED:
            item = dataclasses.replace(item, same_as=seen[key])
        seen.setdefault(key, comparison.label(dataset, old, lang) + " → " + comparison.label(dataset, new, lang))
        listed.append(item)
    first = listed[0] if listed and default and (listed[0].old, listed[0].new) == default else None
    compared, text_lang = None, None
    if first is not None and first.kind not in ("new", "removed", "renumbered", comparison.UNCHANGED):
        text_lang = change_language(dataset, first.old, first.new, first.old_number, first.new_number, lang)
        if text_lang:
            compared = comparetable.article_table(dataset, first.old, first.old_number, first.new, first.new_number,
                                                  text_lang, lang)
    missing = tuple(comparison.label(dataset, v, lang) for v in comparison.missing_languages(dataset, default, lang)) if default else ()
    return ArticleChanges(tuple(numbers), first, compared, text_lang, missing if compared and text_lang != lang else (),
                          tuple(listed[1:] if first else listed))


def _pair_change(dataset: Dataset, old: str, new: str, before: str | None, after: str | None, kind: str, lang: Lang,
                 is_default: bool) -> PairChange:
    removed = added = 0
    page, anchor = None, ""
    if kind in comparison.KINDS and kind != "renumbered":
        text_lang = change_language(dataset, old, new, before, after, lang)
        if text_lang:
            found = comparetable.article_table(dataset, old, before, new, after, text_lang, lang)
            removed, added = found.removed, found.added
        if is_default:
            anchor = COMPARE_ANCHOR
        else:
            section = section_of(dataset, new, after) if after else section_of(dataset, old, before or "")
            page, anchor = routes.compare_section(old, new, section_key(section)), compare_anchor(before, after)
    return PairChange(old, new, comparison.label(dataset, old, lang), comparison.label(dataset, new, lang), before, after,
                      kind, removed, added, page, anchor)


def _wordings(dataset: Dataset, old: str, before: str | None, new: str, after: str | None) -> tuple:
    # Two pairs compare the same when both sides' wordings are the same (the final draft and the
    # adopted text of an article often are): the second is named as the same as the first.
    def wording(version: str, number: str | None) -> tuple[str, ...] | None:
        if number is None:
            return None
        found = comparison.compared_articles(dataset, version, comparison.matched_language(dataset, version)).get(number)
        return tuple(normalise(p) for p in found.paragraphs) if found else None

    return wording(old, before), wording(new, after)


# ---------------------------------------------------------------- the page kind

@dataclass(frozen=True)
class ArticleContext(Context):
    page: ArticlePage
    changes: ArticleChanges | None  # None: no correspondence table, or the article is not in it

    def feeds(self) -> tuple[str, ...]:
        return (self.page.feed,)


def article_pages(dataset: Dataset, lang: Lang) -> list[KindPage]:
    version = legaltext.reference_version(dataset)
    if version is None:
        return []
    out = []
    for number in legaltext.article_numbers(dataset, version):
        page = article_page(dataset, version, number, lang)
        source = page.shown.source_file if page.shown else "data/texts"
        out.append(KindPage(routes.article(number), source, ArticleContext(page, article_changes(dataset, number, lang))))
    return out


KINDS = (PageKind("article", "article.md.j2", article_pages, reader_assets="styles"),)
