"""The reader's path through the text (issue 22), on the rehearsal site (the full-scale imported
fixture, tests/rehearsal/) and on the shipped site (no text held): what changed, findable and
scaled; comparison tables that keep their numbers, fit a phone and print on a sheet per section;
the way to the official source. Expectations come from the recipe (make_rehearsal.py), the
versions' registry codes (data/versions.yml) and the texts' own files, never from the pages."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import LANGUAGES, ROOT, nonempty
from rehearsal import make_rehearsal as recipe

PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
STRINGS = yaml.safe_load((ROOT / "overrides" / "atazan" / "strings.yml").read_text(encoding="utf-8"))
TEXT_STRINGS = yaml.safe_load((ROOT / "overrides" / "atazan" / "strings-text.yml").read_text(encoding="utf-8"))
PORTAL = "https://adilet.zan.kz"
PAIR = ("first_draft", "adopted")  # the pair a reader asks about on the rehearsal site (no 1995 text held)
SHOTS = ROOT / ".cache" / "screens" / "reader"


def _page(site: Path, lang: str, path: str):
    return lxml.html.parse(str(site / PREFIX[lang] / path / "index.html")).getroot()


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _article(root):
    return root.find(".//article")


def _registry_urls() -> dict[str, str]:
    """Version id -> its registry code, as data/versions.yml names it."""
    versions = yaml.safe_load((ROOT / "data" / "versions.yml").read_text(encoding="utf-8"))
    return {v["id"]: v["registry"] for v in versions if v.get("registry")}


def _expected_kinds() -> dict[str, str]:
    """Adopted number (or "first draft N" for the removed article) -> the kind of change, from the recipe."""
    kinds = {str(n): "reworded" for n in recipe.REWORDED}
    kinds.update({str(n): "crossref" for n in recipe.CROSS_REFERENCES})
    kinds.update({str(n): "new" for n in recipe.NEW_IN_ADOPTED})
    kinds[str(recipe.FORMATTING_ONLY)] = "reformatted"
    kinds[f"old {recipe.removed_first_draft_number()}"] = "removed"
    return kinds


# ---------------------------------------------------------------- the comparison itself (no build)

def _article_model(number: str, text: str | None = None, paragraphs=(), subparagraphs=()):
    from atazan.dataset import texts

    return texts.Article.model_validate({"number": number, "text": text, "paragraphs": list(paragraphs),
                                         "subparagraphs": list(subparagraphs)})


def test_a_comparison_pairs_points_by_wording_and_keeps_every_number():
    # TEST DATA: invented wording. The later version inserts a point 2, so the old point 2 is the new 3.
    from atazan.website import comparetable

    old = _article_model("5", paragraphs=[
        {"number": "1", "text": "The test state protects test rights."},
        {"number": "2", "text": "Every test citizen has a test duty, which the test law sets.",
         "parts": ["The test court hears test cases."]},
        {"number": "3", "text": "The test council:", "subparagraphs": [
            {"number": "1", "text": "meets every test year;"}, {"number": "2", "text": "elects its test chair."}]}])
    new = _article_model("6", paragraphs=[
        {"number": "1", "text": "The test state protects test rights."},
        {"number": "2", "text": "A wholly new test point about test archives."},
        {"number": "3", "text": "Every test citizen has a test duty, which the test law sets.",
         "parts": ["The test court hears test cases."]},
        {"number": "4", "text": "The test council:", "subparagraphs": [
            {"number": "1", "text": "meets every test month;"}, {"number": "2", "text": "elects its test chair."}]}])
    table = comparetable.compare(old, new, "removed:", "added:")
    rows = [row for block in table.blocks for row in block.rows]
    numbers = [(row.old.number if row.old else None, row.new.number if row.new else None) for row in rows]
    assert numbers == [("1.", "1."), (None, "2."), ("2.", "3."), ("", ""), ("3.", "4."), ("1)", "1)"), ("2)", "2)")]
    assert [row.change for row in rows] == ["same", "added", "same", "same", "same", "changed", "same"]
    added = rows[1]
    assert (added.tag, added.tag_number) == ("point", "2")
    changed = rows[5]
    assert "<del><span class=\"atazan-sr\">removed: </span>year</del>" in changed.old.html
    assert "<ins><span class=\"atazan-sr\">added: </span>month</ins>" in changed.new.html
    assert (table.removed, table.added) == (1, 9)  # "year"; the new point's 8 words and "month"
    # Folds name what they hold by points: the moved point 2 -> 3 with its further paragraph is one
    # point, not two; the council's opening words and its subpoint 2 are named as such.
    folds = [b for b in table.blocks if b.folded]
    assert [(b.points, b.openings, b.subpoints) for b in folds] == [
        (("1",), (), ()), (("3",), ("4",), ()), ((), (), ("4. 2)",))]


def test_a_comma_added_after_a_word_does_not_strike_the_word():
    from atazan.website import textdiff

    runs = textdiff.paragraph_diff("The test formulation stays", "The test formulation, it stays")
    old, new = textdiff.columns(runs, "-", "+")
    assert "<del>" not in old and str(new).count("<ins>") == 1
    assert "formulation<ins><span class=\"atazan-sr\">+ </span>, it</ins>" in str(new)


def test_the_pair_a_reader_asks_about():
    from atazan.website.comparison import choose_default_pair

    assert choose_default_pair(["constitution_1995", "first_draft", "final_draft", "adopted"]) == ("constitution_1995", "adopted")
    assert choose_default_pair(["first_draft", "final_draft", "adopted"]) == ("first_draft", "adopted")
    assert choose_default_pair(["first_draft", "final_draft"]) == ("first_draft", "final_draft")
    assert choose_default_pair(["adopted"]) is None


def test_the_portal_address_of_a_registry_code():
    from atazan.website import official

    assert official.portal_url("K950001000_", "ru") == "https://adilet.zan.kz/rus/docs/K950001000_"
    assert official.portal_url("K2600000000", "kk") == "https://adilet.zan.kz/kaz/docs/K2600000000"
    assert official.text_url("https://example.org/x", "K2600000000", "kk") == "https://example.org/x"
    # Not a registry code: no address made from it.
    assert official.portal_url("K26\"><script>", "ru") is None and official.portal_url("", "ru") is None


# ---------------------------------------------------------------- what changed, findable and scaled

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_changed_article_shows_its_kind_and_words(rehearsal_site, rehearsal_dir, lang):
    root = _page(rehearsal_site, lang, "changes")
    items = nonempty(root.findall(".//ul[@class='atazan-changelist']/li"), "what-changed items")
    found = {}
    for item in items:
        number = re.search(r"\d+", _text(item.find("a"))).group(0)
        kind = item.get("data-kind")
        chip = item.find(".//span[@class='atazan-chip']")
        assert chip is not None and chip.get("data-kind") == kind and _text(chip) == TEXT_STRINGS[f"changes.chip.{kind}"][lang]
        count = item.find(".//span[@class='atazan-change-count']")
        assert count is not None, (lang, number)
        removed, added = map(int, re.search(r"−(\d+) \+(\d+)", _text(count)).groups())
        found["old " + number if kind == "removed" else number] = (kind, removed, added)
    assert {key: kind for key, (kind, _, _) in found.items()} == _expected_kinds()
    # The counts are the texts' own: a cross-reference changes one word for one, formatting none, and a
    # new or removed article is all its words (counted here from the imported text, words only).
    text_lang = "kk" if lang == "en" else lang  # no English first draft: the official Kazakh one
    for n in recipe.CROSS_REFERENCES:
        assert found[str(n)][1:] == (1, 1)
    assert found[str(recipe.FORMATTING_ONLY)][1:] == (0, 0)
    for n in recipe.NEW_IN_ADOPTED:
        words = _words(rehearsal_dir, "adopted", lang if lang != "en" else "en", n)
        assert found[str(n)][1:] == (0, words), n
    old = recipe.removed_first_draft_number()
    assert found[f"old {old}"][1:] == (_words(rehearsal_dir, "first_draft", text_lang, old), 0)
    for n in recipe.REWORDED:
        assert found[str(n)][1] + found[str(n)][2] > 0


def _words(project: Path, version: str, lang: str, number: int) -> int:
    text = yaml.safe_load((project / "data" / "texts" / version / f"{lang}.yml").read_text(encoding="utf-8"))
    article = next(a for a in text["articles"] if a["number"] == str(number))
    blocks = article.get("paragraphs") or [article]
    wording = []
    for block in blocks:
        wording += [block.get("text") or "", *block.get("parts", []), *(s["text"] for s in block.get("subparagraphs", [])),
                    block.get("wrap_up") or ""]
    return len(re.findall(r"\w+(?:[-'’]\w+)*", " ".join(wording)))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_changed_has_no_developer_text_and_no_one_words(rehearsal_site, lang):
    for path in ("changes", f"changes/{PAIR[0]}--final_draft"):
        text = _text(_article(_page(rehearsal_site, lang, path)))
        assert "atazan match" not in text and "correspondence.yml" not in text and "`" not in text
        assert not re.search(r"\b1 words\b", text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_menu_names_what_changed(rehearsal_site, lang):
    root = _page(rehearsal_site, lang, "")
    nav = root.find(".//nav[@class='md-nav md-nav--primary']")
    labels = {_text(a): a.get("href") for a in nav.iter("a")}
    label = TEXT_STRINGS["changes.nav"][lang]
    assert labels.get(label) == "changes/", labels


# ---------------------------------------------------------------- comparison tables

def _numbers(project: Path, version: str, lang: str, number: str) -> tuple[set[str], set[str]]:
    """(point numbers, subpoint numbers) of one article as its text file holds them."""
    text = yaml.safe_load((project / "data" / "texts" / version / f"{lang}.yml").read_text(encoding="utf-8"))
    article = next(a for a in text["articles"] if a["number"] == number)
    points = {p["number"] for p in article.get("paragraphs", [])}
    subs = {s["number"] for block in (article.get("paragraphs") or [article]) for s in block.get("subparagraphs", [])}
    return points, subs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_comparison_keeps_paragraph_and_subpoint_numbers(rehearsal_site, rehearsal_dir, lang):
    checked = 0
    text_lang = "kk" if lang == "en" else lang  # the first draft is compared in the official Kazakh text
    for page in nonempty(sorted((rehearsal_site / PREFIX[lang] / "changes").glob(f"{PAIR[0]}--{PAIR[1]}/section-*/index.html"))):
        root = lxml.html.parse(str(page)).getroot()
        for heading in root.iter("h2"):
            anchor = heading.get("id") or ""
            found = re.fullmatch(r"compare-art_(\d+)", anchor)
            if not found or found.group(1) == str(recipe.NEW_IN_ADOPTED[0]) or found.group(1) == str(recipe.NEW_IN_ADOPTED[1]):
                continue
            table = heading.getnext()
            while table is not None and "atazan-compare " not in (table.get("class") or "") + " ":
                table = table.getnext()
            assert table is not None, anchor
            shown = [_text(n) for n in table.iter("span") if n.get("class") == "atazan-compare-num"]
            labels = {label for item in shown for label in item.split(" → ")}
            old = str(recipe.first_draft_number(int(found.group(1))))
            for version, number in (("adopted", found.group(1)), (PAIR[0], old)):
                points, subs = _numbers(rehearsal_dir, version, text_lang, number)
                assert {f"{p}." for p in points} <= labels, (lang, anchor, version, points, labels)
                assert {f"{s})" for s in subs} <= labels, (lang, anchor, version, subs, labels)
            checked += 1
    assert checked >= len(recipe.REWORDED) + len(recipe.CROSS_REFERENCES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_article_page_shows_one_comparison_and_links_the_others(rehearsal_site, lang):
    n = 47  # a long list of subpoints, one reworded: the page that was 3,600 px of diffs on a phone
    root = _page(rehearsal_site, lang, f"articles/{n}")
    tables = [d for d in root.iter("div") if (d.get("class") or "").startswith("atazan-compare ")]
    assert len(tables) == 1
    folds = [_text(s) for s in root.iter("summary") if s.getparent().get("class") == "atazan-compare-fold"]
    # 20 subpoints, the 8th changed: two folds, named by subpoints (1)–7) and 9)–20)), not counted by parts.
    assert len(folds) == 2 and "1)–7)" in folds[0] and "9)–20)" in folds[1], folds
    others = root.find(".//h3[@id='compare-others']").getnext()
    lines = [_text(li) for li in others.iter("li")]
    label = TEXT_STRINGS["compare.same_as"][lang].split("{pair}")[0].strip()
    # first draft -> final draft compares the same wordings as first draft -> adopted: said, not repeated
    assert any(label in line for line in lines), lines
    if lang == "en":  # no English first draft: the reader is told, in English, above the Kazakh comparison
        note = root.find(".//p[@class='atazan-compare-fallback']")
        assert note is not None and note.get("lang") == "en" and "Kazakh" in _text(note)
        assert tables[-1].get("lang") == "kk"


# ---------------------------------------------------------------- the way to the official source

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_article_and_text_page_links_its_official_source(rehearsal_site, rehearsal_dir, lang):
    sources = {}
    for version in ("first_draft", "final_draft", "adopted"):
        for code in LANGUAGES:
            path = rehearsal_dir / "data" / "texts" / version / f"{code}.yml"
            if path.exists():
                source = yaml.safe_load(path.read_text(encoding="utf-8"))["source"]
                portal = {"kk": "kaz", "ru": "rus", "en": "eng"}[code]
                sources[(version, code)] = source.get("url") or f"{PORTAL}/{portal}/docs/{source['registry']}"
    pages = [f"articles/{n}" for n in range(1, recipe.ADOPTED_ARTICLES + 1)] + [f"texts/{v}" for v in ("first_draft", "final_draft", "adopted")]
    for path in nonempty(pages):
        root = _page(rehearsal_site, lang, path)
        meta = root.find(".//p[@class='atazan-legal-meta']")
        version = path.split("/")[1] if path.startswith("texts/") else "adopted"
        text_lang = lang if (version, lang) in sources else "kk"
        links = [a.get("href") for a in meta.iter("a")]
        assert sources[(version, text_lang)] in links, (lang, path, links)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_draft_s_warning_links_the_adopted_text_on_the_portal(rehearsal_site, lang):
    root = _page(rehearsal_site, lang, "texts/first_draft")
    warning = next(d for d in root.iter("div") if "warning" in (d.get("class") or ""))
    hrefs = [a.get("href") for a in warning.iter("a")]
    assert f"{PORTAL}/kaz/docs/{_registry_urls()['adopted']}" in hrefs and f"{PORTAL}/rus/docs/{_registry_urls()['adopted']}" in hrefs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_shipped_text_page_links_both_constitutions_on_the_portal(site_dir, dataset, lang):
    root = _page(site_dir, lang, "articles")
    hrefs = [a.get("href") for a in _article(root).iter("a")]
    for registry in nonempty(_registry_urls().values()):  # the 2026 and the 1995 Constitution
        assert f"{PORTAL}/kaz/docs/{registry}" in hrefs and f"{PORTAL}/rus/docs/{registry}" in hrefs
    text = _text(_article(root))
    assert TEXT_STRINGS["text.index.will_show"][lang].split(".")[0] in text
    # The menu section, named as the menu names it, and linked.
    nav = root.find(".//nav[@class='md-nav md-nav--primary']")
    provisions = next(_text(a) for a in nav.iter("a") if a.get("href", "").endswith("provisions/"))
    assert any(_text(a) == provisions and a.get("href") == "../provisions/" for a in _article(root).iter("a"))
    # The provisions we explain, by article: every record that names an article number.
    named = {(pid, str(e.number)) for pid, p in dataset.provisions.items() for e in p.versions if e.number is not None}
    listed = _article(root).findall(".//ul/li")
    for pid, number in nonempty(named):
        assert any(number in _text(li).split(":")[0] and li.find(f".//a[@href='../provisions/{pid}/']") is not None
                   for li in listed), (pid, number)


# ---------------------------------------------------------------- the article index

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_article_index_has_sections_first_words_themes_and_changes(rehearsal_site, lang):
    root = _page(rehearsal_site, lang, "articles")
    sections = root.findall(".//div[@class='atazan-index-list']/h3")
    assert len(sections) == len(recipe.SECTION_STARTS)
    links = {a.get("data-article"): a for a in root.iter("a") if a.get("data-article")}
    assert sorted(links, key=int) == [str(n) for n in range(1, recipe.ADOPTED_ARTICLES + 1)]
    for n, a in links.items():
        assert _text(a.find(".//span[@class='atazan-index-first']")), n
    kinds = {n: a.find(".//span[@class='atazan-chip']").get("data-kind") for n, a in links.items()
             if a.find(".//span[@class='atazan-chip']") is not None}
    expected = {n: k for n, k in _expected_kinds().items() if not n.startswith("old")}
    assert {n: k for n, k in kinds.items() if k != "renumbered"} == expected
    themed = [n for n, a in links.items() if a.getparent().find(".//span[@class='atazan-index-themes']") is not None]
    assert themed, "the curated overlay points records at adopted articles: their themes show"


# ---------------------------------------------------------------- in the browser

def _serve(site: Path):
    from conftest import serve_folder

    return serve_folder(site)


@pytest.fixture(scope="module")
def rehearsal_url(rehearsal_site):
    with _serve(rehearsal_site) as url:
        yield url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_to_what_changed_in_one_tap_and_to_a_comparison_in_two(browser, rehearsal_url, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(rehearsal_url + PREFIX[lang])
        page.locator(".atazan-launcher a", has_text=TEXT_STRINGS["changes.nav"][lang]).tap()
        page.wait_for_url(rehearsal_url + PREFIX[lang] + "changes/")
        labels = [TEXT_STRINGS["changes.nav"][lang]]
        assert all(label in page.locator("h1").inner_text() for label in labels)
        first = page.locator(".atazan-changelist li[data-kind='reworded'] a.atazan-change-link").first
        number = re.search(r"\d+", first.inner_text()).group(0)
        first.tap()
        page.wait_for_url(f"{rehearsal_url}{PREFIX[lang]}articles/{number}/#compare")
        table = page.locator("#compare ~ .atazan-compare").first
        assert table.is_visible() and page.locator(".atazan-compare-row[data-change='changed']").count() >= 1
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"second-tap-{lang}.png"))
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone(browser, rehearsal_url, rehearsal_site, lang):
    site = rehearsal_site / PREFIX[lang]
    paths = [f"articles/{n}/" for n in range(1, recipe.ADOPTED_ARTICLES + 1)]
    paths += [str(p.parent.relative_to(site)) + "/" for p in sorted((site / "changes").rglob("index.html"))]
    paths.append("articles/")
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.route("**/search/*", lambda route: route.abort())  # the index is not needed to lay out a page
    page = context.new_page()
    wide = []
    try:
        for path in nonempty(paths):
            page.goto(rehearsal_url + PREFIX[lang] + path, wait_until="load")
            found = page.evaluate("""() => {
              const doc = document.documentElement;
              const inner = [...document.querySelectorAll('.md-content *')].filter(e => {
                const s = getComputedStyle(e);
                return /(auto|scroll)/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
              }).map(e => e.className || e.tagName);
              return [doc.scrollWidth, inner];
            }""")
            if found[0] > 390 or found[1]:
                wide.append((path, found))
    finally:
        context.close()
    assert len(paths) > 100 and wide == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_filter_shows_one_kind_and_the_page_is_a_list_without_it(browser, rehearsal_url, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(rehearsal_url + PREFIX[lang] + "changes/")
        assert not page.locator(".atazan-filter").is_visible()
        every = page.locator(".atazan-changelist li").count()
        assert every == sum(1 for k in _expected_kinds().values()) and page.locator(".atazan-changelist li:visible").count() == every
    finally:
        context.close()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(rehearsal_url + PREFIX[lang] + "changes/")
        page.locator(".atazan-filter-button[data-kind='reworded']").click()
        shown = page.locator(".atazan-changelist li:visible")
        assert shown.count() == len(recipe.REWORDED)
        assert {shown.nth(i).get_attribute("data-kind") for i in range(shown.count())} == {"reworded"}
        page.locator(".atazan-filter-button[data-kind='']").click()
        assert page.locator(".atazan-changelist li:visible").count() == every
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_article_index_has_tap_targets_and_unbroken_numbers(browser, rehearsal_url, lang):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(rehearsal_url + PREFIX[lang] + "articles/")
        sizes = page.evaluate("""() => [...document.querySelectorAll('a.atazan-index-link')].map(a => {
            const number = a.querySelector('.atazan-index-number');
            return [a.getAttribute('data-article'), a.getBoundingClientRect().height, number.getClientRects().length];
        })""")
        assert len(sizes) == recipe.ADOPTED_ARTICLES
        assert [s for s in sizes if s[1] < 44] == [] and [s for s in sizes if s[2] != 1] == []
        # The jump: ?n= goes on to the article's page.
        page.goto(rehearsal_url + PREFIX[lang] + "articles/?n=47")
        page.wait_for_url(f"{rehearsal_url}{PREFIX[lang]}articles/47/")
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_jump_opens_an_article(browser, rehearsal_url, lang):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(rehearsal_url + PREFIX[lang])
        page.fill("#atazan-jump-n", "15")
        page.press("#atazan-jump-n", "Enter")
        page.wait_for_url(f"{rehearsal_url}{PREFIX[lang]}articles/15/")
    finally:
        page.close()


# ---------------------------------------------------------------- a site without the text

QUERIES = {"kk": "5-бап", "ru": "статья 5", "en": "article 5"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_article_number_search_without_the_text_says_where_it_is(browser, site_url, lang):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(site_url + PREFIX[lang])
        field = page.locator("input.md-search__input")
        field.click()
        field.fill(QUERIES[lang])
        field.press("End")
        note = page.locator(".md-search-result .atazan-search-text-hint")
        note.wait_for(timeout=20000)
        # First: before every result Material lists.
        assert note.evaluate("note => [...document.querySelectorAll('.md-search-result__item')].every("
                             "item => note.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING)")
        expected = STRINGS["search.no_text"][lang].format(n=5)
        assert note.locator(".atazan-search-text-hint-title").inner_text() == expected
        hrefs = [note.locator("a").nth(i).get_attribute("href") for i in range(note.locator("a").count())]
        registry = _registry_urls()["adopted"]
        assert f"{PORTAL}/kaz/docs/{registry}" in hrefs and f"{PORTAL}/rus/docs/{registry}" in hrefs
        # Another query: no note.
        field.fill("меншік" if lang == "kk" else "собственность" if lang == "ru" else "ownership")
        field.press("End")
        page.wait_for_timeout(300)
        assert page.locator(".atazan-search-text-hint").count() == 0
    finally:
        page.close()


from language.test_language import pages_url  # noqa: E402,F401  (the shipped site at /ata-zan/, its 404 page for every miss)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_link_to_an_article_without_the_text_gets_the_official_source(browser, pages_url, lang):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(f"{pages_url}{PREFIX[lang]}articles/5/")
        if PREFIX[lang]:
            page.wait_for_url(f"{pages_url}{PREFIX[lang]}404.html#*")
        page.wait_for_function("document.querySelector('.atazan-notfound-body') && document.querySelector('.atazan-notfound-body').hidden")
        assert page.locator("h1").inner_text() == STRINGS["notfound.no_text.title"][lang]
        hrefs = page.locator(".atazan-notfound-text a").evaluate_all("links => links.map(a => a.href)")
        registry = _registry_urls()["adopted"]
        assert f"{PORTAL}/kaz/docs/{registry}" in hrefs and f"{PORTAL}/rus/docs/{registry}" in hrefs
        # Any other miss keeps blaming the address.
        page.goto(f"{pages_url}{PREFIX[lang]}provisions/no-such-page/")
        if PREFIX[lang]:
            page.wait_for_url(f"{pages_url}{PREFIX[lang]}404.html#*")
        page.wait_for_function("document.querySelector('.atazan-notfound-text') && document.querySelector('.atazan-notfound-text').hidden")
        assert page.locator("h1").inner_text() == STRINGS["notfound.title"][lang]
    finally:
        page.close()


# ---------------------------------------------------------------- on paper

@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_section_comparison_prints_on_one_sheet_with_its_qr(browser, rehearsal_site, tmp_path, lang):
    from print_helpers import pdf_pages, pdf_text, print_pdf, squeeze

    sheets = nonempty(sorted((rehearsal_site / PREFIX[lang] / "changes").glob(f"{PAIR[0]}--{PAIR[1]}/section-*/index.html")))
    tab = browser.new_page()
    try:
        for index, sheet in enumerate(sheets):
            pdf = print_pdf(browser, sheet, tmp_path / f"{index}.pdf", tab=tab)
            assert pdf_pages(pdf) == 1, sheet
    finally:
        tab.close()
    # The default pair's first section: its address under the QR code, and the QR code says it too.
    sheet = rehearsal_site / PREFIX[lang] / "changes" / f"{PAIR[0]}--{PAIR[1]}" / "section-i" / "index.html"
    pdf = print_pdf(browser, sheet, tmp_path / "first.pdf")
    online = f"https://ata-zan.github.io/ata-zan/{PREFIX[lang]}changes/{PAIR[0]}--{PAIR[1]}/section-i/"
    assert squeeze(online.split("://")[1]) in squeeze(pdf_text(pdf))
    from website.test_handouts import _decode_qr

    assert online in _decode_qr(pdf, tmp_path)
