"""Article pages: page kind `article`, one page per article of the reference version (legaltext.py
says which text a reader gets), with the records that explain it, the news about it, and the
article across every version held (its number there, word diffs: comparison.py)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.dataset.texts import article_eid
from atazan.dataset.correspondence import normalise
from atazan.website import comparetable, comparison, legaltext, routes
from atazan.website.kinds.base import Context, KindPage, PageKind
from atazan.website.kinds.changes import COMPARE_ANCHOR, change_language, compare_anchor, section_key, section_of
from atazan.website.kinds.news import NewsLink, news_for
from atazan.website.views import Link


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


@dataclass
class ArticlePage:
    number: str
    eid: str  # its Akoma Ntoso id: the anchor on the whole text, the AKN export's element
    lang: Lang
    shown: legaltext.ShownText | None
    article: legaltext.ArticleView | None
    explanations: list[Link]
    explained: dict[str, tuple[Link, ...]]  # paragraph number -> the records that explain it
    news: list[NewsLink]
    previous: str | None
    next: str | None
    whole_text: str  # the whole-text page holding this article
    feed: str  # its "follow this article" feed (kinds/article_feed.py), a file at the site root


@per_dataset_key  # one model per build: its page and its feed show it
def article_page(dataset: Dataset, version: str, number: str, lang: Lang) -> ArticlePage:
    numbers = legaltext.article_numbers(dataset, version)
    shown = legaltext.choose(dataset, version, lang, number)
    explanations, explained = legaltext.explained_by(dataset, version, number, lang)
    article = legaltext.article_view(dataset, version, shown.text_lang, number) if shown else None
    news: list[NewsLink] = []
    seen: set[str] = set()
    for link in explanations:
        for item in news_for(dataset, lang, provision=link.id):
            if item.id not in seen:
                seen.add(item.id)
                news.append(item)
    position = numbers.index(number)
    return ArticlePage(
        number=number, eid=article_eid(number), lang=lang, shown=shown, article=article, explanations=explanations,
        explained=explained, news=news,
        previous=numbers[position - 1] if position > 0 else None,
        next=numbers[position + 1] if position + 1 < len(numbers) else None,
        whole_text=routes.text(version), feed=routes.article_feed(number, lang),
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


KINDS = (PageKind("article", "article.md.j2", article_pages),)
