"""The Constitution's text on the site: one page per article, the whole text per version, and
the open-data `articles` list. Page kinds `article`, `article-index` and `text` (render.py).

Which text a reader of `lang` gets, decided here once for every language:
1. this language's text of the version, whatever its status (an unofficial translation is shown
   with its translator);
2. else the official Kazakh text, else the official Russian one, marked with its `lang` and a
   notice saying so; never another language's text in its place without that mark;
3. else a text in any language, which can only be an unofficial translation: marked the same
   way and labelled with its translator;
4. else nothing: the page says the text is not in the dataset.

The reference version, whose articles get pages at `articles/<number>/`, is the adopted text when
any language of it is held, else the latest version held. Article numbers in the other versions
come with the correspondence table (issue 16); until then the pages and the export give the
reference version's numbers only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from atazan import LANGUAGES
from atazan.dataset import correspondence as corr
from atazan.dataset import texts as texts_module
from atazan.dataset.texts import TextFile, article_eid, number_key, paragraph_eid, subparagraph_eid
from atazan.dataset.memo import per_dataset_key
from atazan.dataset.validate import Dataset
from atazan.website.i18n import Strings, format_date, load_strings, page_url
from atazan.website.models import Link, provision_link
from atazan.website import news as news_pages

REFERENCE_PREFERENCE = corr.REFERENCE_PREFERENCE
# The languages whose text is official, in the order a missing language falls back to them.
OFFICIAL_FALLBACK = ("kk", "ru")
STRINGS_FILE = ("overrides", "atazan", "strings-text.yml")


@dataclass(frozen=True)
class SourceView:
    publisher: str
    title: str
    date: str
    url: str | None
    registry: str | None
    official: bool
    translator: str | None
    complete: bool


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
    explained_by: tuple[Link, ...] = ()


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
    text_lang: str  # the language the text is in
    reader_lang: str
    source: SourceView
    source_file: str

    @property
    def is_fallback(self) -> bool:
        return self.text_lang != self.reader_lang


@dataclass
class ArticlePage:
    number: str
    lang: str
    shown: ShownText | None
    article: ArticleView | None
    explanations: list[Link]
    news: list
    previous: str | None
    next: str | None
    whole_text: str  # source path of the whole-text page holding this article


@dataclass
class SectionView:
    number: str | None
    heading: str | None
    articles: list[ArticleView] = field(default_factory=list)


@dataclass
class WholeTextPage:
    version: str
    lang: str
    shown: ShownText
    title: str | None
    preamble: list[str]
    sections: list[SectionView]
    # Article headings link to the article pages only in the reference version: another version's
    # Article 6 is not the article at articles/6/ (its numbers shift).
    links_articles: bool = False


def strings(root: str) -> Strings:
    return load_strings(os.path.join(root, *STRINGS_FILE), root)


def reference_version(dataset: Dataset) -> str | None:
    # The one rule, shared with the check of data/correspondence.yml (dataset/correspondence.py).
    return corr.site_reference(dataset.texts.versions(), {vid: v.date for vid, v in dataset.versions.items()})


def article_numbers(dataset: Dataset, version: str) -> list[str]:
    numbers = {a.number for (v, _), text in dataset.texts.files.items() if v == version for a in text.articles}
    return sorted(numbers, key=number_key)


def article_path(number: str) -> str:
    return f"articles/{number}.md"


def text_path(version: str) -> str:
    return f"texts/{version}.md"


def choose(dataset: Dataset, version: str, lang: str, article: str | None = None) -> ShownText | None:
    """The text of `version` a reader of `lang` gets (module docstring), optionally one that holds `article`."""
    def has(text: TextFile | None) -> bool:
        return text is not None and (article is None or any(a.number == article for a in text.articles))

    candidates = [lang] + [code for code in OFFICIAL_FALLBACK if code != lang]
    for code in candidates:
        text = dataset.texts.get(version, code)
        if has(text) and (code == lang or text.source.official):
            return _shown(dataset, version, code, lang)
    # Last: whatever language holds it, an unofficial translation shown as one (with its translator).
    for code in LANGUAGES:
        if has(dataset.texts.get(version, code)):
            return _shown(dataset, version, code, lang)
    return None


def _shown(dataset: Dataset, version: str, text_lang: str, lang: str) -> ShownText:
    text = dataset.texts.get(version, text_lang)
    source = text.source
    return ShownText(
        version=version,
        version_label=dataset.versions[version].label[lang].text,
        text_lang=text_lang,
        reader_lang=lang,
        source=SourceView(source.publisher, source.title, format_date(source.date, lang), source.url, source.registry,
                          source.official, source.translator, source.complete),
        source_file=dataset.texts.origin[(version, text_lang)],
    )


def _by_number(text: TextFile) -> dict[str, texts_module.Article]:
    return {a.number: a for a in text.articles}


def _explanations(dataset: Dataset, version: str) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Article number -> (provision id, paragraphs it names) of every record that explains it."""
    found: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for pid, provision in sorted(dataset.provisions.items()):
        for entry in provision.versions:
            if entry.version == version and entry.number is not None:
                found.setdefault(str(entry.number), []).append((pid, tuple(entry.paragraphs)))
    return found


def article_view(text: TextFile, number: str, explained: dict[str, tuple[Link, ...]] | None = None) -> ArticleView:
    article = _by_number(text)[number]
    explained = explained or {}
    if article.paragraphs:
        blocks = tuple(
            BlockView(
                eid=(eid := paragraph_eid(number, p.number)), number=p.number, text=p.text,
                subparagraphs=tuple(ItemView(subparagraph_eid(eid, s.number), s.number, s.text) for s in p.subparagraphs),
                wrap_up=p.wrap_up, explained_by=explained.get(p.number, ()))
            for p in article.paragraphs)
    else:
        eid = article_eid(number)
        blocks = (BlockView(eid, None, article.text,
                            tuple(ItemView(subparagraph_eid(eid, s.number), s.number, s.text) for s in article.subparagraphs),
                            article.wrap_up),)
    return ArticleView(number, article_eid(number), article.heading, article.section, blocks,
                       tuple((note.kind, note.text) for note in article.notes))


def article_page(dataset: Dataset, version: str, number: str, lang: str, numbers: list[str]) -> ArticlePage:
    shown = choose(dataset, version, lang, number)
    records = _explanations(dataset, version).get(number, [])
    explanations = [provision_link(dataset, pid, lang) for pid, _ in records]
    by_paragraph: dict[str, tuple[Link, ...]] = {}
    for pid, paragraphs in records:
        link = provision_link(dataset, pid, lang)
        for paragraph in paragraphs:
            by_paragraph[paragraph] = by_paragraph.get(paragraph, ()) + (link,)
    article = article_view(dataset.texts.get(version, shown.text_lang), number, by_paragraph) if shown else None
    news, seen = [], set()
    for pid, _ in records:
        for item in news_pages.news_for(dataset, lang, provision=pid):
            if item.id not in seen:
                seen.add(item.id)
                news.append(item)
    position = numbers.index(number)
    return ArticlePage(
        number=number, lang=lang, shown=shown, article=article, explanations=explanations, news=news,
        previous=numbers[position - 1] if position > 0 else None,
        next=numbers[position + 1] if position + 1 < len(numbers) else None,
        whole_text=text_path(version),
    )


@per_dataset_key  # one model per build, shared by every page that shows it
def whole_text_page(dataset: Dataset, version: str, lang: str) -> WholeTextPage | None:
    shown = choose(dataset, version, lang)
    if shown is None:
        return None
    text = dataset.texts.get(version, shown.text_lang)
    headings = {s.number: s.heading for s in text.sections}
    sections: list[SectionView] = []
    for article in text.articles:
        if not sections or sections[-1].number != article.section:
            sections.append(SectionView(article.section, headings.get(article.section)))
        sections[-1].articles.append(article_view(text, article.number))
    return WholeTextPage(version, lang, shown, text.title, list(text.preamble), sections,
                         links_articles=version == reference_version(dataset))


# ---------------------------------------------------------------- page kinds (render.PAGE_KINDS)

def _source_file(dataset: Dataset, version: str | None, lang: str) -> str:
    shown = choose(dataset, version, lang) if version else None
    return shown.source_file if shown else "data/texts"


def article_pages(dataset: Dataset, lang: str):
    version = reference_version(dataset)
    if version is None:
        return []
    numbers = article_numbers(dataset, version)
    tt = translator(dataset, lang)
    out = []
    for number in numbers:
        page = article_page(dataset, version, number, lang, numbers)
        source = page.shown.source_file if page.shown else "data/texts"
        out.append((article_path(number), source, {"page": page, "tt": tt}))
    return out


def article_index(dataset: Dataset, lang: str):
    version = reference_version(dataset)
    tt = translator(dataset, lang)
    versions = []
    for held in sorted(dataset.texts.versions(), key=lambda v: dataset.versions[v].date.isoformat() if dataset.versions[v].date else "9999"):
        shown = choose(dataset, held, lang)
        if shown:
            versions.append(shown)
    index = whole_text_page(dataset, version, lang) if version else None
    return [("articles/index.md", _source_file(dataset, version, lang),
             {"reference": index, "versions": versions, "tt": tt})]


def text_pages(dataset: Dataset, lang: str):
    tt = translator(dataset, lang)
    out = []
    for version in sorted(dataset.texts.versions()):
        page = whole_text_page(dataset, version, lang)
        if page is not None:
            out.append((text_path(version), page.shown.source_file, {"page": page, "tt": tt}))
    return out


def translator(dataset: Dataset, lang: str):
    table = strings(dataset.root)
    return lambda key, **values: table.get(key, lang, **values)


# ---------------------------------------------------------------- open data

def exported(dataset: Dataset, lang: str) -> list[dict]:
    """`articles` of api/v1/<lang>.json: one entry per article of the reference version."""
    version = reference_version(dataset)
    if version is None:
        return []
    out = []
    for number in article_numbers(dataset, version):
        shown = choose(dataset, version, lang, number)
        entry = {"id": article_eid(number), "url": page_url(lang, article_path(number)), "versions": []}
        if shown:
            view = article_view(dataset.texts.get(version, shown.text_lang), number)
            entry["versions"].append({
                "version": version, "number": number, "lang": shown.text_lang, "official": shown.source.official,
                "paragraphs": [{"number": block.number, "id": block.eid, "text": texts_module.block_text(block_source)}
                               for block, block_source in zip(view.blocks, _block_sources(dataset.texts.get(version, shown.text_lang), number))],
            })
        out.append(entry)
    return out


def _block_sources(text: TextFile, number: str):
    article = _by_number(text)[number]
    return article.paragraphs or [article]



def texts_exported(dataset: Dataset, lang: str) -> list[dict]:
    """`texts` of api/v1/<lang>.json: every text held (all languages), with its provenance and its
    Akoma Ntoso file, so a reuser can tell an official text from a translation."""
    from atazan.website.akn import export_path

    out = []
    for (version, text_lang), text in sorted(dataset.texts.files.items()):
        source = text.source
        out.append({"version": version, "lang": text_lang, "official": source.official,
                    "translator": source.translator, "complete": source.complete,
                    "publisher": source.publisher, "title": source.title, "date": source.date.isoformat(),
                    "url": source.url, "registry": source.registry,
                    "akn": export_path(version, text_lang), "page": page_url(lang, text_path(version))})
    return out


@dataclass(frozen=True)
class ProvisionText:
    """What a provision page says about the imported text: the articles it explains, and whether
    the adopted text is held at all (then "not in our data yet" would be untrue)."""

    articles: tuple[Link, ...]  # in the reference version, as Link(number, label, path)
    adopted_held: bool


def provision_text(dataset: Dataset, pid: str, lang: str) -> ProvisionText:
    version = reference_version(dataset)
    links: list[Link] = []
    if version is not None:
        numbers = set(article_numbers(dataset, version))
        table = strings(dataset.root)
        for entry in dataset.provisions[pid].versions:
            number = str(entry.number) if entry.number is not None else None
            if entry.version == version and number in numbers and all(l.id != number for l in links):
                links.append(Link(number, table.get("text.article", lang, n=number), article_path(number)))
    return ProvisionText(tuple(links), REFERENCE_PREFERENCE in dataset.texts.versions())
