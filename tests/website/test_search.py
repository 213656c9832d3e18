"""Search in the reader's language, in Debian chromium against the real built site.

The site is served over HTTP (conftest's `site_url`: a Web Worker cannot start from file://).
Each row of the tables is a query a reader could type, inflected on purpose (Kazakh case,
plural and possessive endings, Russian cases, English plurals), and the content page that must
be among the first three results. Every result must be in the language of the page the search
started from. Why the search works this way: decisions/search.md.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from urllib.parse import urlsplit

import pytest

from atazan import LANGUAGES
from atazan.website.routes import URL_PREFIX
from atazan.website.exports.search_index import SearchIndexError, language_of, write_language_index
from conftest import ROOT

# One worker keeps the module's search pages and normaliser page open for all its queries.
pytestmark = pytest.mark.xdist_group("search-pages")

WORKER = ROOT / "overrides" / "assets" / "javascripts" / "workers" / "atazan-search.js"
# The loader's note while search loads (overrides/assets/javascripts/atazan-search-loader.js).
NOTE = ".atazan-search-note"
MEDICS = "news/2026-02-10-representatives-medical-profession-shymkent-expressed-support-new/"
ETHNO = "news/2026-02-10-representatives-ethnocultural-associations-shymkent-expressed-support-new/"
EVICTION_NEWS = "news/2026-02-11-prohibiting-exclusion-asylum-without-court-decision-proposed/"
DISINFORMATION = "news/2026-01-31-center-countering-disinformation-has-recorded-spread-false/"
TOKAYEV = "news/2026-01-27-tokayev-says-constitutional-reform-will-positively-boost/"

# (query as a reader types it, page that must be in the top 3), per language. The words come from
# data/themes, data/provisions, data/glossary and data/news; none is typed in the indexed form.
QUERIES = {
    "kk": [
        ("денсаулық сақтау", "themes/healthcare/"),
        ("денсаулығын", "themes/healthcare/"),  # possessive -ы + accusative -н; title: Денсаулық сақтау
        ("медициналық көмекке", "provisions/health-protection/"),  # dative -ке
        ("тұрғын үйлер", "themes/housing/"),  # plural -лер
        ("үйінен шығаруға", "provisions/housing-eviction/"),  # possessive + ablative; dative
        ("меншігі", "themes/ownership/"),  # к -> г before the possessive -і
        ("Құрылтайды таратудың", "provisions/kurultai-dissolution/"),  # genitive -дың
        ("Мәжілістің", "glossary/"),
        ("әкімдіктер", "glossary/"),
        ("референдумдар", "themes/referendum/"),
        ("цифрлық құқықтарымыз", "themes/digital-rights/"),  # plural + 1st person plural possessive
        ("жерлеріміз", "themes/land/"),
        ("кінәсіздік презумпциясын", "provisions/due-process/"),
        ("зайырлы білімге", "provisions/secular-state/"),
        ("«Миранда ережесінің»", "provisions/due-process/"),  # quotation marks around the words
        ("этномәдени бірлестіктердің", ETHNO),
        ("ипотекасын", EVICTION_NEWS),
        # Issue 12: two words, one of them everywhere (құқық); the page about both must come first.
        ("меншік құқығы", "themes/ownership/"),
    ],
    "ru": [
        ("жилья", "ru/themes/housing/"),
        ("здравоохранения", "ru/themes/healthcare/"),
        ("охраной здоровья", "ru/provisions/health-protection/"),
        ("выселению", "ru/provisions/housing-eviction/"),
        ("собственностью", "ru/themes/ownership/"),
        ("роспуском Курултая", "ru/provisions/kurultai-dissolution/"),
        ("маслихатов", "ru/glossary/"),
        ("референдуме", "ru/themes/referendum/"),
        ("семьи и брака", "ru/themes/family/"),
        ("презумпции невиновности", "ru/provisions/due-process/"),
        ("светского образования", "ru/provisions/secular-state/"),
        ("цифровых прав", "ru/themes/digital-rights/"),
        ("акимов", "ru/glossary/"),
        ("дезинформацией", "ru/" + DISINFORMATION),
        ("этнокультурным объединениям", "ru/" + ETHNO),
        ("ипотеке", "ru/" + EVICTION_NEWS),
        # Issue 12: прав* also matches правосудие; a name must find our Russian headlines.
        ("право собственности", "ru/themes/ownership/"),
        ("Токаев", "ru/" + TOKAYEV),
    ],
    "en": [
        ("evictions", "en/provisions/housing-eviction/"),
        ("properties", "en/themes/ownership/"),
        ("freedoms", "en/themes/rights/"),
        ("marriages", "en/provisions/marriage-and-family/"),
        ("courts", "en/themes/justice/"),
        ("maslikhats", "en/glossary/"),
        ("akimats", "en/glossary/"),
        ("patients", "en/themes/healthcare/"),
        ("homes", "en/themes/housing/"),
        ("presumptions of innocence", "en/provisions/due-process/"),
        ("dissolutions of the Kurultai", "en/provisions/kurultai-dissolution/"),
        ("heads of medical organisations", "en/" + MEDICS),
        ("ethnocultural associations", "en/" + ETHNO),
        ("mortgages", "en/" + EVICTION_NEWS),
        ("disinformation", "en/" + DISINFORMATION),
        # Issue 12: the result of the referendum is a milestone of the timeline.
        ("referendum results", "en/timeline/"),
    ],
}

# Material's search panel states, read from the page's own translations (#__config).
_STATE = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const t = JSON.parse(document.getElementById('__config').textContent).translations;
  const text = meta ? meta.textContent.trim() : '';
  if (text === t['search.result.placeholder']) return 'idle';
  if (text === t['search.result.none']) return 'none';
  return document.querySelectorAll('.md-search-result__list > li').length ? 'results' : 'busy';
}"""


class SearchPage:
    """One browser tab on a language's home page with Material's search panel open.

    Material sends the query to its worker on `keyup` (not on `input`) and only after the worker
    answered READY; before READY the panel reads "Initializing search". So: wait for the idle
    placeholder (READY and an empty query answered) and for the whole index (the first answers come
    from the titles while the texts load; the loader's note says so until they are in), type,
    release a key, wait for an answer.
    """

    def __init__(self, browser, site_url: str, lang: str):
        self.base = urlsplit(site_url).path
        self.page = browser.new_page()
        self.index_requests: list[str] = []
        self.page.on("request", lambda r: "/search/" in r.url and self.index_requests.append(r.url))
        self.page.goto(site_url + URL_PREFIX[lang])
        self.box = self.page.locator("input[data-md-component=search-query]")
        self.box.click()  # opens the panel (results render only while it is open) and starts search
        self._wait_for("idle")
        self.page.wait_for_function(f"() => !document.querySelector('{NOTE}')", timeout=20000)

    def _wait_for(self, *states: str) -> str:
        expected = json.dumps(list(states))
        handle = self.page.wait_for_function(f"() => {expected}.includes(({_STATE})()) && ({_STATE})()",
                                             timeout=20000)
        return handle.json_value()

    def search(self, query: str) -> list[str]:
        """The site-relative path of each result, best first."""
        self.box.fill("")
        self.box.press("End")
        self._wait_for("idle")
        self.box.fill(query)
        self.box.press("End")
        if self._wait_for("results", "none") == "none":
            return []
        hrefs = self.page.eval_on_selector_all(
            ".md-search-result__list > li", "items => items.map(li => li.querySelector('a').href)")
        return [urlsplit(href).path.removeprefix(self.base) for href in hrefs]

    def close(self):
        self.page.close()


@pytest.fixture(scope="module")
def search_pages(browser, site_url):
    pages = {lang: SearchPage(browser, site_url, lang) for lang in LANGUAGES}
    yield pages
    for page in pages.values():
        page.close()


@pytest.mark.parametrize(
    "lang,query,expected",
    [(lang, query, expected) for lang, rows in QUERIES.items() for query, expected in rows],
)
def test_inflected_query_finds_the_page(search_pages, lang, query, expected):
    results = search_pages[lang].search(query)
    assert expected in results[:3], f"{lang} {query!r}: top 3 were {results[:3]}"
    assert {language_of(path) for path in results} == {lang}, results


# (query, page that must rank above the other, the page that ranked first before issue 12)
RANKED = [
    ("kk", "меншік құқығы", "themes/ownership/", "themes/digital-rights/"),
    ("ru", "право собственности", "ru/themes/ownership/", "ru/themes/justice/"),
]


@pytest.mark.parametrize("lang,query,better,worse", RANKED)
def test_page_about_every_word_ranks_above_a_page_about_one(search_pages, lang, query, better, worse):
    results = search_pages[lang].search(query)
    assert better in results, results
    assert worse not in results or results.index(better) < results.index(worse), results


def test_a_name_finds_headlines_in_the_reader_s_language(search_pages):
    search_pages["ru"].search("Токаев")
    titles = search_pages["ru"].page.eval_on_selector_all(
        ".md-search-result__list > li h1, .md-search-result__list > li h2", "els => els.map(e => e.textContent)")
    assert len(titles) >= 3 and not [t for t in titles if re.search(r"[A-Za-z]{3,}", t)], titles


def test_tables_cover_ten_queries_per_language():
    assert all(len(rows) >= 10 for rows in QUERIES.values())
    # Mostly content pages, not the site's own hand-written pages.
    for lang, rows in QUERIES.items():
        content = [p for _, p in rows if p.removeprefix(URL_PREFIX[lang]).split("/")[0]
                   in ("themes", "provisions", "glossary", "news", "timeline")]
        assert len(content) == len(rows), lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_word_every_language_uses_returns_only_this_language(search_pages, lang):
    # "2026" is on pages of all three languages, so an unfiltered index returns all three.
    results = search_pages[lang].search("2026")
    assert len(results) >= 3
    assert {language_of(path) for path in results} == {lang}, results


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_downloads_only_its_own_language_index(search_pages, lang):
    search_pages[lang].search("2026")
    names = {urlsplit(url).path.rsplit("/", 1)[-1] for url in search_pages[lang].index_requests}
    assert names == {f"search_index.{lang}.titles.json", f"search_index.{lang}.texts.json"}, names


# ------------------------------------------------------------------ search loads when the reader reaches for it

# What a browser fetches for search only (issue 26: none of it on a page view).
SEARCH_PATHS = ("/search/", "/assets/javascripts/workers/", "/assets/javascripts/lunr/")


def _search_files(urls: list[str]) -> list[str]:
    return [urlsplit(url).path.rsplit("/", 1)[-1] for url in urls if any(p in urlsplit(url).path for p in SEARCH_PATHS)]


def _say(key: str, lang: str) -> str:
    from atazan.website.i18n import load_strings, strings_path

    return load_strings(strings_path(str(ROOT)), str(ROOT)).get(key, lang)


def _results(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all(".md-search-result__list > li", "items => items.map(li => li.querySelector('a').href)")
    return [urlsplit(href).path.removeprefix(base) for href in hrefs]


@pytest.mark.parametrize("lang,path,reach", [
    ("kk", "", "click"),
    ("ru", "ru/themes/housing/", "/"),
    ("en", "en/news/", "s"),
    ("kk", "provisions/housing-eviction/", "f"),
])
def test_a_page_view_fetches_no_search_file_until_the_reader_reaches_for_search(browser, site_url, lang, path, reach):
    context = browser.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(site_url + path, wait_until="load")
    page.wait_for_timeout(1500)  # whatever a page starts by itself has started by now
    assert urls and _search_files(urls) == [], _search_files(urls)

    box = page.locator("input[data-md-component=search-query]")
    if reach == "click":
        box.click()
    else:
        page.locator("body").press(reach)  # Material's search keys: they focus the search field
    page.wait_for_function(f"() => !document.querySelector('{NOTE}') && document.activeElement.matches('[data-md-component=search-query]')",
                           timeout=20000)
    # One worker file (our wrapper, Material's worker and lunr's stemmers) and the two halves of
    # this language's index, each once.
    assert sorted(_search_files(urls)) == sorted(["atazan-search.bundle.js", f"search_index.{lang}.titles.json",
                                                 f"search_index.{lang}.texts.json"]), _search_files(urls)
    context.close()


def test_the_search_page_starts_search_at_once(browser, site_url):
    # The 404 page's "Search the site" link opens the home page with ?q=: no focus from the reader.
    page = browser.new_page()
    page.goto(site_url + "ru/?q=" + "жилья")
    page.wait_for_function(f"() => !document.querySelector('{NOTE}') && document.querySelectorAll('.md-search-result__list > li').length")
    assert "ru/themes/housing/" in _results(page, urlsplit(site_url).path)[:3]
    page.close()


def test_a_page_opened_from_a_result_highlights_the_words_found(browser, site_url):
    # Material's search.highlight marks ?h= words once it has the index's configuration: the page
    # loads search at once, as the reader came from search.
    page = browser.new_page()
    page.goto(site_url + "ru/themes/housing/?h=" + "жиль")
    page.wait_for_selector("article mark", timeout=20000)
    assert page.locator("article mark").first.inner_text().lower().startswith("жиль")
    page.close()


# (language, query, a page whose title holds the words, a page that only its text finds)
LOADING = [
    ("kk", "тұрғын үй", "themes/housing/", "provisions/housing-eviction/"),
    ("ru", "жилья", "ru/themes/housing/", "ru/provisions/housing-eviction/"),
    ("en", "housing", "en/themes/housing/", "en/provisions/housing-eviction/"),
]


@pytest.mark.parametrize("lang,query,by_title,by_text", LOADING)
def test_a_query_typed_while_search_loads_says_so_then_answers(browser, site_url, lang, query, by_title, by_text):
    base = urlsplit(site_url).path
    context = browser.new_context()
    held = []  # the index's requests, answered when the test says so
    context.route("**/search/search_index.*.json", lambda route: held.append(route))
    page = context.new_page()
    page.goto(site_url + URL_PREFIX[lang], wait_until="load")
    note = page.locator(NOTE)
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_function("() => true")  # let the held request reach the route
    page.wait_for_timeout(300)
    assert note.text_content() == _say("search.loading", lang)
    assert note.get_attribute("role") == "status"  # read out by screen readers
    assert page.locator(".md-search-result__list > li").count() == 0

    # The titles arrive: the query is answered from them, and the note says these are first results.
    assert [urlsplit(r.request.url).path.rsplit("/", 1)[-1] for r in held] == [f"search_index.{lang}.titles.json"]
    held.pop().continue_()
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length")
    page.wait_for_timeout(300)
    first = _results(page, base)
    assert by_title in first[:3] and by_text not in first, first
    assert note.text_content() == _say("search.partial", lang)

    # The texts arrive: the note goes, and the same query is answered from the whole index.
    assert [urlsplit(r.request.url).path.rsplit("/", 1)[-1] for r in held] == [f"search_index.{lang}.texts.json"]
    held.pop().continue_()
    page.wait_for_function(f"() => !document.querySelector('{NOTE}')", timeout=20000)
    page.wait_for_timeout(300)
    final = _results(page, base)
    assert by_title in final[:3] and by_text in final, final
    assert {language_of(path) for path in final} == {lang}
    context.close()


def test_texts_of_another_build_are_never_paired_with_these_titles(browser, site_url, site_dir):
    # A cache holding yesterday's texts file: the key differs, so the worker loads the whole index.
    stale = json.loads((site_dir / "search" / "search_index.en.texts.json").read_text(encoding="utf-8"))
    stale["key"] = "0" * 16
    stale["docs"] = [{**doc, "text": "stale text"} for doc in stale["docs"]]
    context = browser.new_context()
    context.route("**/search/search_index.en.texts.json",
                  lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(stale)))
    fetched: list[str] = []
    context.on("request", lambda r: fetched.append(urlsplit(r.url).path.rsplit("/", 1)[-1]))
    page = SearchPage.__new__(SearchPage)
    page.base, page.index_requests = urlsplit(site_url).path, []
    page.page = context.new_page()
    page.page.goto(site_url + "en/")
    page.box = page.page.locator("input[data-md-component=search-query]")
    page.box.click()
    page._wait_for("idle")
    page.page.wait_for_function(f"() => !document.querySelector('{NOTE}')", timeout=20000)
    assert "search_index.en.json" in fetched  # the whole index, after the mismatched texts
    assert "en/provisions/housing-eviction/" in page.search("housing")  # found by its text
    assert page.search("stale") == []
    context.close()


def test_the_note_says_when_the_texts_cannot_be_loaded(browser, site_url):
    context = browser.new_context()
    context.route("**/search/search_index.ru.texts.json", lambda route: route.abort())
    context.route("**/search/search_index.ru.json", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + "ru/")
    page.locator("input[data-md-component=search-query]").click()
    page.wait_for_function(f"() => (document.querySelector('{NOTE}') || {{}}).textContent === {json.dumps(_say('search.failed', 'ru'))}",
                           timeout=20000)
    page.locator("input[data-md-component=search-query]").fill("жилья")
    page.locator("input[data-md-component=search-query]").press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length")
    assert "ru/themes/housing/" in _results(page, urlsplit(site_url).path)[:3]  # the titles still answer
    assert page.locator(NOTE).text_content() == _say("search.failed", "ru")
    context.close()


# ------------------------------------------------------------------ the index files themselves


def _index(site_dir, name):
    return json.loads((site_dir / "search" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_language_is_never_kk(site_dir, lang):
    # lunr.kk.min.js does not exist: a "kk" search language silently kills search.
    for name in ("search_index.json", f"search_index.{lang}.json"):
        assert "kk" not in _index(site_dir, name)["config"]["lang"], name
    assert not (site_dir / "assets" / "javascripts" / "lunr" / "min" / "lunr.kk.min.js").exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_index_holds_every_page_of_its_language_and_no_other(site_dir, lang):
    own = _index(site_dir, f"search_index.{lang}.json")["docs"]
    assert {language_of(doc["location"]) for doc in own} == {lang}
    # Everything i18n's combined index has for this language (it also drops a few entries as
    # "duplicates" of kk ones, so the language's own index may hold more, never less).
    combined = {doc["location"] for doc in _index(site_dir, "search_index.json")["docs"]
                if language_of(doc["location"]) == lang}
    assert combined <= {doc["location"] for doc in own}
    home = URL_PREFIX[lang]
    assert {home, home + "themes/healthcare/", home + "themes/housing/"} <= {doc["location"] for doc in own}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_index_fits_the_budget(site_dir, lang):
    # Issue 7: at most 60 KB gzipped per language (the combined file was about 190 KB).
    size = len(gzip.compress((site_dir / "search" / f"search_index.{lang}.json").read_bytes(), 9))
    assert size <= 60 * 1024, f"{lang}: {size} bytes gzipped"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_titles_and_texts_are_the_whole_index(site_dir, lang):
    whole = _index(site_dir, f"search_index.{lang}.json")
    titles = _index(site_dir, f"search_index.{lang}.titles.json")
    texts = _index(site_dir, f"search_index.{lang}.texts.json")
    assert not [doc for doc in titles["docs"] if "text" in doc]
    assert titles["config"]["atazan"] == {"texts": f"search_index.{lang}.texts.json", "full": f"search_index.{lang}.json",
                                          "key": texts["key"]}
    assert {k: v for k, v in titles["config"].items() if k != "atazan"} == whole["config"]
    head = len(titles["docs"])
    assert [set(doc) for doc in texts["docs"][:head]] == [{"text"}] * head
    merged = [{**doc, **text} for doc, text in zip(titles["docs"], texts["docs"][:head])] + texts["docs"][head:]
    key = lambda doc: doc["location"]  # noqa: E731
    assert sorted(merged, key=key) == sorted(whole["docs"], key=key)
    # Material's document map: every page before its sections.
    seen = set()
    for doc in merged:
        page, anchored, _ = doc["location"].partition("#")
        assert not anchored or page in seen, doc["location"]
        seen.add(page)
    # Every page is in the titles; the news pages' "Summary" sections (a heading on every one) are not.
    assert {doc["location"] for doc in whole["docs"] if "#" not in doc["location"]} <= {doc["location"] for doc in titles["docs"]}
    summary = {"kk": "Қысқаша мазмұны", "ru": "Кратко", "en": "Summary"}[lang]
    assert summary not in {doc["title"] for doc in titles["docs"]}
    # The first query fetches the titles: a fifth of the index, or less.
    titles_gz = len(gzip.compress((site_dir / "search" / f"search_index.{lang}.titles.json").read_bytes(), 9))
    whole_gz = len(gzip.compress((site_dir / "search" / f"search_index.{lang}.json").read_bytes(), 9))
    assert titles_gz < whole_gz / 5, (titles_gz, whole_gz)


def test_the_worker_bundle_is_our_wrapper_material_s_worker_and_lunr_s_stemmers(site_dir):
    scripts = site_dir / "assets" / "javascripts"
    bundle = (scripts / "workers" / "atazan-search.bundle.js").read_text(encoding="utf-8")
    material = next((scripts / "workers").glob("search.*.min.js")).read_text(encoding="utf-8")
    parts = [WORKER.read_text(encoding="utf-8"), material.split("//# sourceMappingURL=")[0]] + [
        (scripts / "lunr" / "min" / name).read_text(encoding="utf-8")
        for name in ("lunr.stemmer.support.min.js", "lunr.ru.min.js", "lunr.multi.min.js")]
    positions = [bundle.find(part.strip()) for part in parts]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), positions
    assert 'self.atazanBundled = ["lunr.stemmer.support.min.js", "lunr.ru.min.js", "lunr.multi.min.js"];' in bundle
    assert "sourceMappingURL" not in bundle


def _entries(site_dir, lang: str, page: str) -> list[dict]:
    return [doc for doc in _index(site_dir, f"search_index.{lang}.json")["docs"]
            if doc["location"].split("#")[0] == URL_PREFIX[lang] + page]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_navigation_lists_stay_out_of_search(site_dir, lang):
    # Issue 26: index what a reader searches for, not lists of links to what is indexed elsewhere.
    for page in ("news/", "themes/", "provisions/", "translations/"):
        # The page itself and its heading with the introduction; none of the list's entries.
        entries = _entries(site_dir, lang, page)
        assert len(entries) == 2 and entries[0]["title"] == entries[1]["title"], (page, [d["location"] for d in entries])
    # A news page keeps its headline and summary; its sources, links and references go.
    story = _entries(site_dir, lang, EVICTION_NEWS)
    titles = [doc["title"] for doc in story]
    heading = {"kk": "Қысқаша мазмұны", "ru": "Кратко", "en": "Summary"}[lang]
    assert heading in titles and len(story) == 3, titles
    news_index = " ".join(doc["text"] for doc in _entries(site_dir, lang, "news/"))
    assert "2026" not in news_index  # no dated entry of the list


def test_handouts_stay_out_of_search(site_dir):
    # They repeat their theme page word for word (front matter `search: exclude`).
    docs = _index(site_dir, "search_index.json")["docs"]
    pages = {doc["location"].split("#")[0] for doc in docs}
    assert {URL_PREFIX[lang] + "handouts/" for lang in LANGUAGES} <= pages  # the index page stays
    sheets = [page for page in pages if "handouts/" in page and not page.endswith("handouts/")]
    assert not sheets, sorted(sheets)[:5]


def test_split_refuses_an_index_without_the_language(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(
        json.dumps({"config": {"lang": ["ru"]}, "docs": [{"location": "ru/x/", "title": "x", "text": ""}]}))
    with pytest.raises(SearchIndexError) as error:
        write_language_index(str(tmp_path), "en")
    assert str(error.value) == f"{tmp_path / 'search' / 'search_index.json'}: docs: no page in language 'en' (was it written by this build?)"


def test_split_reports_a_missing_index_in_one_line(tmp_path):
    with pytest.raises(SearchIndexError) as error:
        write_language_index(str(tmp_path), "kk")
    assert str(error.value) == f"{tmp_path / 'search' / 'search_index.json'}: missing (is Material's search plugin enabled?)"


def test_split_writes_the_offline_script_variant(tmp_path, site_dir):
    (tmp_path / "search").mkdir()
    shutil.copy(site_dir / "search" / "search_index.json", tmp_path / "search")
    shutil.copytree(site_dir / "assets" / "javascripts", tmp_path / "assets" / "javascripts")  # for the worker bundle
    write_language_index(str(tmp_path), "ru", script=True)
    script = (tmp_path / "search" / "search_index.ru.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    data = json.loads(script.removeprefix("var __index = "))
    assert data == _index(tmp_path, "search_index.ru.json")
    assert {language_of(doc["location"]) for doc in data["docs"]} == {"ru"}


# ------------------------------------------------------------------ the normaliser on its own


@pytest.fixture(scope="module")
def normaliser(browser, site_dir):
    """The wrapper's functions in a page, with the lunr and stemmers of the built site."""
    scripts = site_dir / "assets" / "javascripts"
    page = browser.new_page()
    page.set_content("<!doctype html><title>t</title>")
    # Material's worker bundle defines self.lunr (loaded in a page, its message handler stays idle).
    page.add_script_tag(path=str(next((scripts / "workers").glob("search.*.min.js"))))
    for name in ("lunr.stemmer.support.min.js", "lunr.ru.min.js"):
        page.add_script_tag(path=str(scripts / "lunr" / "min" / name))
    page.add_script_tag(path=str(WORKER))
    assert page.evaluate("typeof lunr.ru.stemmer") == "function"
    yield page
    page.close()


@pytest.mark.parametrize(
    "word,stem",
    [
        ("меншік", "менші"),  # final к alternates with г before a vowel
        ("меншігі", "менші"),
        ("меншікке", "менші"),
        ("денсаулық", "денсаулы"),
        ("денсаулығына", "денсаулы"),
        ("құқықтарының", "құқы"),
        ("үйлерде", "үй"),
        ("үйге", "үй"),
        ("азаматтардан", "азамат"),
        ("мәжілістен", "мәжіліс"),
        ("соттың", "сот"),
        ("халықпен", "халы"),
        ("кеңестерімізге", "кеңес"),
    ],
)
def test_kazakh_suffix_stripper(normaliser, word, stem):
    assert normaliser.evaluate("w => AtazanSearch.stemKk(w)", word) == stem


def test_every_inflected_form_shares_the_stem_as_a_prefix(normaliser):
    # What makes Material's trailing * work: the stem of any form is a prefix of every form.
    forms = ["заң", "заңның", "заңға", "заңда", "заңнан", "заңды", "заңмен", "заңдар", "заңдарымыз"]
    stems = normaliser.evaluate("ws => ws.map(w => AtazanSearch.stemKk(w))", forms)
    assert all(form.startswith(stem) for stem in stems for form in forms), stems


@pytest.mark.parametrize(
    "query,lang,expected",
    [
        ("меншікке соттың", "kk", "менші сот"),
        # Material adds no * to +word, -word, field:word, word~1 or a quoted phrase: keep them exact.
        ("+меншікке -соттың", "kk", "+меншікке -соттың"),
        ('"меншікке соттың" үйлерде', "kk", '"меншікке соттың" үй'),
        ("title:заңдар заң~1", "kk", "title:заңдар заң~1"),
        # Punctuation goes, as lunr's trimmer drops it from the indexed words.
        ("«соттың»,", "kk", "сот"),
        ("вице-президенттің", "kk", "вице-президент"),
        ("собственности", "ru", "собствен"),  # Snowball: собственность -> собствен
        ("people's councils", "en", "peopl council"),  # Porter: people -> peopl
    ],
)
def test_query_normaliser(normaliser, query, lang, expected):
    assert normaliser.evaluate("([q, l]) => AtazanSearch.normaliseQuery(q, l)", [query, lang]) == expected
