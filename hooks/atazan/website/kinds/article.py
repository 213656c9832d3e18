"""Article pages: page kind `article`, one page per article of the reference version (legaltext.py
says which text a reader gets), with the records that explain it, the news about it, and the
article across every version held (its number there, word diffs: comparison.py)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from atazan.dataset.memo import per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.dataset.texts import article_eid
from atazan.website import comparison, legaltext, routes, textdiff
from atazan.website.kinds.base import Context, KindPage, PageKind
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
class ArticleDiff:
    anchor: str
    old_label: str
    new_label: str
    old_number: str
    new_number: str
    kind: str  # "changed", "renumbered" or "unchanged"
    text_lang: Lang | None
    html: Markup | None
    removed: int
    added: int
    unchanged: int = 0  # paragraphs without a change, left out of `html`


@dataclass(frozen=True)
class ArticleChanges:
    numbers: tuple[VersionNumber, ...]
    diffs: tuple[ArticleDiff, ...]


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


def pair_anchor(old: str, new: str) -> str:
    """The heading of one version pair's diff on an article page."""
    return f"changes-{old}--{new}"


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
    """The article of the reference version `number` across versions, for its page."""
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
    changes = comparison.pair_changes(dataset)
    strings = legaltext.strings(dataset.root)
    diffs = []
    for old, new in comparison.pairs(dataset):
        before, after = row.number(old), row.number(new)
        if before is None or after is None:
            continue
        change = next(c for c in changes[(old, new)] if c.old_number == before and c.new_number == after)
        text_lang = comparison.diff_language(dataset, old, new, before, after, lang)
        html, removed, added, unchanged = None, 0, 0, 0
        if change.kind == "changed" and text_lang:
            segments = _word_diff(dataset, old, before, new, after, text_lang)
            html = textdiff.to_html(segments, strings.get("changes.removed_label", lang), strings.get("changes.added_label", lang),
                                    only_changed=True)
            removed, added = textdiff.counts(segments)
            unchanged = textdiff.unchanged_paragraphs(segments)
        diffs.append(ArticleDiff(pair_anchor(old, new), comparison.label(dataset, old, lang), comparison.label(dataset, new, lang),
                                 before, after, change.kind, text_lang, html, removed, added, unchanged))
    return ArticleChanges(tuple(numbers), tuple(diffs))


@per_dataset_key  # the English page shows the official kk diff too: computed once, labelled per reader
def _word_diff(dataset: Dataset, old: str, before: str, new: str, after: str, text_lang: str) -> list[textdiff.Segment]:
    return textdiff.word_diff(comparison.paragraphs(dataset, old, before, text_lang),
                              comparison.paragraphs(dataset, new, after, text_lang))


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
