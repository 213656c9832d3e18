"""The Constitution's text as a reader gets it: which version's text in which language, and the
views of its articles. Shared by the article, whole-text and what-changed kinds and the exports.

Which text a reader of `lang` gets, decided here once for every language:
1. this language's text of the version, whatever its status (an unofficial translation is shown
   with its translator);
2. else the official Kazakh text, else the official Russian one, marked with its `lang` and a
   notice saying so; never another language's text in its place without that mark;
3. else a text in any language, which can only be an unofficial translation: marked the same
   way and labelled with its translator;
4. else nothing: the page says the text is not in the dataset.

The reference version, whose articles get pages (routes.article), is the adopted text when any
language of it is held, else the latest version held. Article numbers in the other versions come
from the correspondence table (comparison.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from atazan import LANGUAGES
from atazan.dataset import correspondence, texts
from atazan.dataset.memo import per_dataset, per_dataset_key
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.dataset.texts import TextFile, article_eid, number_key, paragraph_eid, subparagraph_eid
from atazan.website import official, routes
from atazan.website.held import held
from atazan.website.i18n import Strings, format_date, load_strings, text_strings_path

REFERENCE_PREFERENCE = correspondence.REFERENCE_PREFERENCE
# The languages whose text is official, in the order a missing language falls back to them.
OFFICIAL_FALLBACK: tuple[Lang, ...] = ("kk", "ru")


@dataclass(frozen=True)
class TextProvenance:
    """Where a legal text comes from: its publisher, official or a translation, and by whom."""

    publisher: str
    title: str
    date: str
    url: str | None
    registry: str | None
    official: bool
    translator: str | None
    complete: bool
    # Where a reader opens the publication: `url`, else the official portal's page of `registry`
    # (website/official.py); None only for a text imported with neither.
    link: str | None = None


@dataclass(frozen=True)
class ItemView:
    eid: str
    number: str
    text: str


@dataclass(frozen=True)
class BlockView:
    """A numbered paragraph, or (number None) the text of an article without paragraphs."""

    eid: str
    number: str | None
    text: str | None
    subparagraphs: tuple[ItemView, ...]
    wrap_up: str | None
    plain: str  # the whole wording, items included, one line each (the open-data export)
    parts: tuple[str, ...] = ()  # the point's unnumbered further paragraphs, after `text`


@dataclass(frozen=True)
class ArticleView:
    number: str
    eid: str
    heading: str | None
    section: str | None
    blocks: tuple[BlockView, ...]
    notes: tuple[tuple[str, str], ...]  # (court | footnote, text)


@dataclass(frozen=True)
class ShownText:
    """One version's text as a reader of `reader_lang` gets it."""

    version: str
    version_label: str
    # The version's own date (data/versions.yml: the day it was presented, published or approved),
    # never the publication's date (`source.date`: the day this edition of the text is as of).
    version_date: str | None
    text_lang: Lang  # the language the text is in
    reader_lang: Lang
    source: TextProvenance
    source_file: str

    @property
    def is_fallback(self) -> bool:
        return self.text_lang != self.reader_lang


def strings(root: str) -> Strings:
    return load_strings(text_strings_path(root), root)


@per_dataset
def reference_version(dataset: Dataset) -> str | None:
    # The one rule, shared with the check of data/correspondence.yml (dataset/correspondence.py).
    return correspondence.site_reference(dataset.texts.versions(), {vid: v.date for vid, v in dataset.versions.items()})


@per_dataset_key
def article_numbers(dataset: Dataset, version: str) -> list[str]:
    numbers = {a.number for (v, _), text in dataset.texts.files.items() if v == version for a in text.articles}
    return sorted(numbers, key=number_key)


def text_of(dataset: Dataset, version: str, lang: str) -> TextFile:
    """A text known to be held (a ShownText's): the dataset's file of it."""
    text = dataset.texts.get(version, lang)
    if text is None:
        raise KeyError(f"no text of {version} in {lang}")
    return text


@per_dataset_key
def articles_by_number(dataset: Dataset, version: str, lang: str) -> dict[str, texts.Article]:
    """The articles of one text by number: made once per text and build, not once per lookup."""
    text = dataset.texts.get(version, lang)
    return {a.number: a for a in text.articles} if text else {}


@per_dataset_key  # every article page asks for each version held, in each language
def choose(dataset: Dataset, version: str, lang: Lang, article: str | None = None) -> ShownText | None:
    """The text of `version` a reader of `lang` gets (module docstring), optionally one that holds `article`."""
    def has(code: Lang) -> bool:
        return dataset.texts.get(version, code) is not None and (
            article is None or article in articles_by_number(dataset, version, code))

    candidates = [lang] + [code for code in OFFICIAL_FALLBACK if code != lang]
    for code in candidates:
        if has(code) and (code == lang or text_of(dataset, version, code).source.official):
            return _shown(dataset, version, code, lang)
    # Last: whatever language holds it, an unofficial translation shown as one (with its translator).
    for other in LANGUAGES:
        if has(other):
            return _shown(dataset, version, other, lang)
    return None


def shown_in(dataset: Dataset, version: str, text_lang: Lang, lang: Lang) -> ShownText:
    """The text of `version` in `text_lang` (held), labelled for a reader of `lang`: a comparison's side."""
    return _shown(dataset, version, text_lang, lang)


def _shown(dataset: Dataset, version: str, text_lang: Lang, lang: Lang) -> ShownText:
    source = text_of(dataset, version, text_lang).source
    return ShownText(
        version=version,
        version_label=dataset.versions[version].label[lang].text,
        version_date=format_date(date, lang) if (date := dataset.versions[version].date) else None,
        text_lang=text_lang,
        reader_lang=lang,
        source=TextProvenance(source.publisher, source.title, format_date(source.date, lang), source.url, source.registry,
                              source.official, source.translator, source.complete,
                              official.text_url(source.url, source.registry, text_lang)),
        source_file=dataset.texts.origin[(version, text_lang)],
    )


@per_dataset_key  # one view per article of a text per build: its page in every language, the whole text, the exports
def article_view(dataset: Dataset, version: str, text_lang: str, number: str) -> ArticleView:
    article = articles_by_number(dataset, version, text_lang)[number]
    if article.paragraphs:
        blocks = tuple(
            BlockView(
                eid=(eid := paragraph_eid(number, p.number)), number=p.number, text=p.text,
                subparagraphs=tuple(ItemView(subparagraph_eid(eid, s.number), s.number, s.text) for s in p.subparagraphs),
                wrap_up=p.wrap_up, plain=texts.block_text(p), parts=tuple(p.parts))
            for p in article.paragraphs)
    else:
        eid = article_eid(number)
        blocks = (BlockView(eid, None, article.text,
                            tuple(ItemView(subparagraph_eid(eid, s.number), s.number, s.text) for s in article.subparagraphs),
                            article.wrap_up, texts.block_text(article), parts=tuple(article.parts)),)
    return ArticleView(number, article_eid(number), article.heading, article.section, blocks,
                       tuple((note.kind, note.text) for note in article.notes))


@dataclass(frozen=True)
class ArticleLink:
    """An article in one version held: its page (the reference version's) or its place on that
    version's whole text."""

    label: str  # the version's label in the reader's language
    number: str
    path: str
    anchor: str = ""


@dataclass(frozen=True)
class ProvisionText:
    """What a provision page says about the imported text: the articles it explains, each in every
    version held (one tuple per article, the reference version first), and whether the adopted
    text is held at all (then "not in our data yet" would be untrue; website/held.py)."""

    articles: tuple[tuple[ArticleLink, ...], ...]
    adopted_held: bool


def in_every_version(dataset: Dataset, version: str, number: str, lang: Lang) -> tuple[ArticleLink, ...]:
    """`version`'s article `number` in every version held: the reference version's article page
    first, then its place on the whole text of each other version, oldest first (the
    correspondence table's numbers). () when `version` does not hold that article."""
    if number not in article_numbers(dataset, version):
        return ()
    reference = reference_version(dataset)
    table = dataset.correspondence
    row = table.row_of(version, number) if table is not None and version in table.versions else None
    numbers = {v: n for v in table.versions if (n := row.number(v)) is not None} if row is not None and table is not None \
        else {version: number}
    label = {v: dataset.versions[v].label[lang].text for v in numbers}
    order = sorted(numbers, key=lambda v: (v != reference, str(dataset.versions[v].date or "9999"), v))
    return tuple(ArticleLink(label[v], numbers[v], routes.article(numbers[v]) if v == reference else routes.text(v),
                             "" if v == reference else article_eid(numbers[v])) for v in order)


def provision_text(dataset: Dataset, pid: str, lang: Lang) -> ProvisionText:
    found: list[tuple[ArticleLink, ...]] = []
    for entry in dataset.provisions[pid].versions:
        if entry.number is None or entry.version not in dataset.texts.versions():
            continue
        links = in_every_version(dataset, entry.version, str(entry.number), lang)
        if links and links not in found:
            found.append(links)
    return ProvisionText(tuple(found), held(dataset).adopted)
