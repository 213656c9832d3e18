"""What changed, computed: three versions of a test constitution whose numbers shift (TEST DATA,
invented wording; tests/changes/fixtures/make_fixtures.py), imported with `atazan import-text`,
matched with `atazan match`, built with MkDocs; the pages are read as HTML.

The expectations are written from the fixture's recipe (which article was inserted, removed,
reworded), not from the matcher's output."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import atazan_here, nonempty

# Each module fixture imports six texts and builds a whole site.
pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VERSIONS = ("constitution_1995", "first_draft", "adopted")
PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}

_spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
recipe = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(recipe)


atazan = atazan_here  # tests/conftest.py


def import_version(data: Path, version: str, lang: str, source: Path | None = None) -> None:
    code, _, err = atazan("import-text", str(source or FIXTURES / f"{version}.{lang}.txt"), "--version", version,
                          "--lang", lang, "--data", str(data), "--publisher", "Test publisher (test data)",
                          "--title", f"Test {version}", "--date", "2026-01-01", "--url", f"https://example.org/{version}",
                          "--official")
    assert code == 0, err


def expected_1995_number(adopted: int) -> int | None:
    """The recipe: first draft = 1995 with a new Article 6 and without 1995's Article 20."""
    if adopted < recipe.INSERTED_AT:
        return adopted
    if adopted == recipe.INSERTED_AT:
        return None
    if adopted <= recipe.REMOVED:
        return adopted - 1
    return adopted


@pytest.fixture(scope="session")
def project(built_once) -> Path:
    """The project with the three fixture versions imported and matched; made once per run for every
    worker. Read it; a test that changes it works on a copy."""
    from conftest import copy_project, explain_adopted_article_94

    def make(folder: Path) -> None:
        project = copy_project(folder / "project")
        shutil.rmtree(project / "data" / "texts", ignore_errors=True)
        (project / "data" / "correspondence.yml").unlink(missing_ok=True)
        explain_adopted_article_94(project / "data")
        for version in VERSIONS:
            for lang in ("kk", "ru"):
                import_version(project / "data", version, lang)
        code, out, err = atazan("match", "--data", str(project / "data"))
        assert code == 0, err
        # The explanations now explain the test texts: a person would check them and re-stamp.
        files = [str(path) for path in sorted((project / "data" / "provisions").glob("[!_]*.yml"))]
        code, out, err = atazan("stamp", *files, "--explanations", "--data", str(project / "data"))
        assert code == 0, err

    return built_once("changes-project", make) / "project"


@pytest.fixture(scope="session")
def built(project, built_once) -> Path:
    from conftest import build_site  # tests/conftest.py: the suite's shared build helper

    return built_once("changes-site", lambda folder: build_site(project, folder / "out")) / "out"


def table(project: Path) -> dict:
    return yaml.safe_load((project / "data" / "correspondence.yml").read_text(encoding="utf-8"))


def test_the_table_proposes_every_match(project):
    rows = table(project)["rows"]
    got = {row["adopted"]: (row["first_draft"]["number"] if "first_draft" in row else "-",
                            row["constitution_1995"]["number"] if "constitution_1995" in row else "-") for row in rows}
    removed = got.pop(None)
    assert removed == ("-", str(recipe.REMOVED))  # 1995's Article 20 has no counterpart
    expected = {str(n): (str(n), None if expected_1995_number(n) is None else str(expected_1995_number(n)))
                for n in range(1, recipe.ARTICLES + 1)}
    assert got == expected


def test_a_confirmed_cell_survives_a_new_import_and_match(project, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(project / "data", data)
    path = data / "correspondence.yml"
    text = path.read_text(encoding="utf-8")
    # A person decides the "new" Article 6 is 1995's Article 20, moved and rewritten.
    row = re.search(r"- adopted: '6'\n  constitution_1995: \{number: null\}\n", text)
    assert row, text[:800]
    text = text.replace(row[0], "- adopted: '6'\n  constitution_1995: {number: '20', confirmed: true}\n")
    path.write_text(text, encoding="utf-8")
    import_version(data, "constitution_1995", "ru")  # the same file again
    code, out, err = atazan("match", "--data", str(data))
    assert code == 0, err
    assert "1 confirmed cell(s) kept" in out
    rows = table(tmp_path)["rows"]
    six = next(r for r in rows if r["adopted"] == "6")
    assert six["constitution_1995"] == {"number": "20", "confirmed": True}
    assert not [r for r in rows if r["adopted"] is None]  # 1995's Article 20 is no longer "removed"
    code, _, err = atazan("validate", "--data", str(data))
    assert code == 0, err


def test_validate_names_numbers_that_do_not_exist_and_double_matches(project, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(project / "data", data)
    path = data / "correspondence.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("- adopted: '3'\n  constitution_1995: {number: '3', score: 100.0}",
                        "- adopted: '3'\n  constitution_1995: {number: '300', score: 100.0}", 1)
    text = text.replace("- adopted: '4'\n  constitution_1995: {number: '4', score: 100.0}",
                        "- adopted: '4'\n  constitution_1995: {number: '5', score: 100.0}", 1)
    path.write_text(text, encoding="utf-8")
    code, _, err = atazan("validate", "--data", str(data))
    assert code == 1
    lines = [line for line in err.splitlines() if "correspondence.yml" in line]
    line_of = {n: text.splitlines().index(f"- adopted: '{n}'") + 2 for n in (3, 5)}
    assert f"data/correspondence.yml:{line_of[3]}: rows[2].constitution_1995: article 300 does not exist in constitution_1995" in lines
    assert f"data/correspondence.yml:{line_of[5]}: rows[4].constitution_1995: article 5 of constitution_1995 is matched twice (also in row 4)" in lines


def _html(site: Path, lang: str, path: str) -> str:
    return (site / PREFIX[lang] / path / "index.html").read_text(encoding="utf-8")


def _fixture_article(version: str, lang: str, number: int) -> list[str]:
    """The paragraphs of one article as the fixture file prints them."""
    label = recipe.LABELS[lang]["article"]
    lines = (FIXTURES / f"{version}.{lang}.txt").read_text(encoding="utf-8").splitlines()
    start = lines.index(label.format(n=number)) + 1
    body = []
    for line in lines[start:]:
        if not line:
            break
        body.append(re.sub(r"^\d+\. ", "", line))
    return body


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_each_article_page_shows_its_number_in_every_version(built, lang):
    label = {"kk": "{n}-бап", "ru": "Статья {n}", "en": "Article {n}"}
    for n in (1, recipe.INSERTED_AT, 7, recipe.REMOVED, 21, recipe.ARTICLES):
        page = _html(built, lang, f"articles/{n}")
        section = page[page.index('id="versions"'):]
        table_html = section[: section.index("</table>")]
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", table_html, re.S)]
        numbers = dict(zip(cells[0::2], cells[1::2]))
        old = expected_1995_number(n)
        assert list(numbers.values()) == [
            label[lang].format(n=old) if old else {"kk": "бұл нұсқада жоқ", "ru": "нет в этой редакции", "en": "not in this version"}[lang],
            label[lang].format(n=n), label[lang].format(n=n)], (n, numbers)


def _comparison(site: Path, lang: str, old: str, new: str, n: int) -> str:
    """The comparison table of adopted Article n on its section's comparison page (issue 22)."""
    pair = _html(site, lang, f"changes/{old}--{new}")
    link = re.search(rf'<a class="atazan-change-link" href="([^"]+)#compare-art_{n}">', pair)
    assert link, (lang, old, new, n)
    page = (site / PREFIX[lang] / "changes" / f"{old}--{new}" / link.group(1) / "index.html").resolve().read_text(encoding="utf-8")
    start = page.index(f'id="compare-art_{n}"')
    table = page.index('class="atazan-compare ', start)
    return page[table: page.index("<h2", table) if "<h2" in page[table:] else len(page)]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_comparison_marks_the_removed_and_added_words(built, lang):
    text_lang = "kk" if lang == "en" else lang  # no English text held: the official Kazakh one, marked
    for n in nonempty(recipe.REWORDED):
        table = _comparison(built, lang, "first_draft", "adopted", n)
        assert f'class="atazan-compare atazan-diff" lang="{text_lang}"' in table
        before = _fixture_article("first_draft", text_lang, n)[0].rstrip(".").split()
        removed = re.findall(r"<del>.*?</span>(.*?)</del>", table)
        added = re.findall(r"<ins>.*?</span>(.*?)</ins>", table)
        assert removed == [" ".join(before[1:3])]
        words = recipe.LABELS[text_lang]
        assert added == [f"{words['more']} {words['new']}"]
        # Not colour alone: a label in the reader's language is read before each change.
        assert {"kk": "алынып тасталды:", "ru": "удалено:", "en": "removed:"}[lang] in table


def _listed(site: Path, lang: str, old: str, new: str) -> dict[str, list[str]]:
    """The what-changed page of a pair: article numbers by the kind a reader is shown (issue 22:
    list items with their kind; the renumbered only in their fold)."""
    default = (old, new) == ("constitution_1995", "adopted")  # the pair a reader asks about, at changes/
    page = _html(site, lang, "changes" if default else f"changes/{old}--{new}")
    found: dict[str, list[str]] = {}
    for kind, item in re.findall(r'<li data-kind="([a-z]+)"><a class="atazan-change-link"[^>]*>([^<]*)</a>', page):
        found.setdefault(kind, []).append(re.search(r"\d+", item).group(0))
    for fold in re.findall(r'<details class="atazan-renumbered".*?</details>', page, re.S):
        found.setdefault("renumbered", []).extend(re.findall(r'<a [^>]*>[^<]*?(\d+)[^<]*\(', fold))
    return {kind: sorted(numbers, key=int) for kind, numbers in found.items()}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_what_changed_pages_list_exactly_the_fixture_changes(built, lang):
    inserted, removed = str(recipe.INSERTED_AT), str(recipe.REMOVED)
    shifted = [str(n) for n in range(recipe.INSERTED_AT + 1, recipe.REMOVED + 1)]
    reworded = [str(n) for n in recipe.REWORDED]
    formatting = str(recipe.FORMATTING_ONLY)
    # The fixture's first draft prints Article 2 with other quotes, dashes and spacing: "reformatted
    # only" is listed as such, never as a change of wording.
    assert _listed(built, lang, "first_draft", "adopted") == {"reworded": reworded, "reformatted": [formatting]}
    assert _listed(built, lang, "constitution_1995", "first_draft") == {
        "new": [inserted], "removed": [removed], "renumbered": shifted}
    assert _listed(built, lang, "constitution_1995", "adopted") == {
        "reworded": reworded, "new": [inserted], "removed": [removed], "reformatted": [formatting],
        "renumbered": [n for n in shifted if n not in reworded]}


def test_open_data_carries_the_correspondence(built):
    import json

    export = json.loads((built / "api" / "v1" / "ru.json").read_text(encoding="utf-8"))
    seven = next(a for a in export["articles"] if a["id"] == "art_7")
    assert {v["version"]: v["number"] for v in seven["versions"]} == {"constitution_1995": "6", "first_draft": "7", "adopted": "7"}
    six = next(a for a in export["articles"] if a["id"] == "art_6")
    assert {v["version"]: v["number"] for v in six["versions"]}["constitution_1995"] is None
    counts = {(c["from"], c["to"]): c for c in export["changes"]}
    assert counts[("first_draft", "adopted")] == {
        "from": "first_draft", "to": "adopted", "new": 0, "removed": 0, "renumbered": 0, "changed": len(recipe.REWORDED),
        "kinds": {"new": 0, "removed": 0, "reworded": len(recipe.REWORDED), "crossref": 0, "reformatted": 1, "renumbered": 0}}


def test_editing_one_paragraph_flags_exactly_the_explanations_on_it(project, tmp_path):
    """entry-into-force explains the adopted text's Article 94: editing that article flags it, and
    only it, until a person re-stamps it."""
    from atazan.dataset.validate import load_dataset
    from atazan.website import render

    data = tmp_path / "data"
    shutil.copytree(project / "data", data)
    shutil.copytree(project / "overrides", tmp_path / "overrides")
    source = tmp_path / "adopted.kk.txt"
    text = (FIXTURES / "adopted.kk.txt").read_text(encoding="utf-8")
    paragraph = _fixture_article("adopted", "kk", 94)[0]
    assert text.count(paragraph) == 1
    source.write_text(text.replace(paragraph, paragraph.rstrip(".") + " сынақ түзетуі."), encoding="utf-8")
    import_version(data, "adopted", "kk", source)

    code, _, err = atazan("validate", "--data", str(data))
    assert code == 0
    flagged = [line for line in err.splitlines() if "explains_hash" in line]
    assert len(flagged) == 1 and flagged[0].startswith("data/provisions/entry-into-force.yml:"), flagged
    assert "adopted article 94" in flagged[0]

    dataset = load_dataset(str(data), str(tmp_path))
    pages = {(p.lang, p.path): p.content for p in render.render_all(dataset)}
    assert "Пояснение может не соответствовать тексту" in pages[("ru", "provisions/entry-into-force.md")]
    assert not any("Пояснение может не соответствовать тексту" in content for (lang, path), content in pages.items()
                   if lang == "ru" and path != "provisions/entry-into-force.md")

    code, out, err = atazan("stamp", str(data / "provisions" / "entry-into-force.yml"), "--explanations", "--data", str(data))
    assert code == 0, err
    code, _, err = atazan("validate", "--data", str(data))
    assert "explains_hash" not in err


def test_what_changed_links_open_the_articles_comparison(built):
    # The pair a reader asks about (1995 -> adopted, at changes/) links each article's page, whose
    # comparison is that pair's; another pair links the article on its section's comparison.
    page = _html(built, "ru", "changes")
    links = dict(re.findall(r'<li data-kind="reworded"><a class="atazan-change-link" href="([^"]+)">[^<]*?(\d+)', page))
    assert sorted(links.values(), key=int) == [str(n) for n in recipe.REWORDED]
    for href, n in links.items():
        path, _, anchor = href.partition("#")
        assert anchor == "compare"
        target = (built / "ru" / "changes" / path / "index.html").resolve()
        assert target == (built / "ru" / "articles" / n / "index.html").resolve()
        assert 'id="compare"' in target.read_text(encoding="utf-8")
    for n in nonempty(recipe.REWORDED):
        assert "<del>" in _comparison(built, "ru", "first_draft", "adopted", n)


@pytest.fixture(scope="session")
def built_offline(project, built_once) -> Path:
    """The same project as the offline copy (scripts/offline_build.py's build, without the zip)."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    def build(folder: Path) -> None:
        # The offline configuration is not part of a contributor's project copy (copy_project).
        shutil.copy2(ROOT / "mkdocs.offline.yml", project / "mkdocs.offline.yml")
        env = {**os.environ, "ATAZAN_OFFLINE": "true"}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.offline.yml",
                                 "--site-dir", str(folder / "out")], cwd=project, env=env, capture_output=True, text=True,
                                timeout=600)
        assert result.returncode == 0, result.stderr[-3000:]

    return built_once("changes-site-offline", build) / "out"


def test_every_link_leads_somewhere_online_and_offline(built, built_offline):
    # The texts bring the most links of any site: article pages across versions, whole texts,
    # what-changed pages. Online (folders) and offline (from file://, .html files only).
    import linkcheck

    for site, directory_urls in ((built, True), (built_offline, False)):
        pages = linkcheck.parse_site(site)
        broken, checked, _ = linkcheck.broken_links(site, pages, directory_urls=directory_urls, absolute=False)
        assert checked > 15000, (site, checked)
        assert broken == [], f"{site.name}: {len(broken)} broken:\n" + "\n".join(broken[:40])


SITE_URL = "https://ata-zan.github.io/ata-zan/"  # mkdocs.yml's default site_url, which the suite builds with


def _explaining(project: Path, n: int) -> list[str]:
    """The provisions whose entries name an article of a held version that the recipe says became
    adopted Article n (first draft N is adopted N; 1995's by expected_1995_number): through the
    correspondence (website/attached.py), entry-into-force's adopted 94 included."""
    found = set()
    for path in (project / "data" / "provisions").glob("[!_]*.yml"):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in record["versions"]:
            number, version = entry.get("number"), entry["version"]
            if number is None:
                continue
            if version in ("adopted", "first_draft") and number == n or \
                    version == "constitution_1995" and expected_1995_number(n) == number:
                found.add(record["id"])
    return sorted(found)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_each_article_has_a_valid_atom_feed_linked_from_its_page(project, built, lang):
    # "Follow this article": its versions (the recipe's numbers), the records that explain it
    # (through the correspondence: the drafts' entries, and entry-into-force's adopted 94 from
    # tests' explain_adopted_article_94), and every story on its page.
    import atom
    from lxml import etree

    feeds = sorted((built / "feeds" / "articles").glob(f"*-{lang}.xml"))
    assert len(feeds) == recipe.ARTICLES
    for n in (1, recipe.INSERTED_AT, 7, 21, 94, recipe.ARTICLES):
        root = etree.parse(str(built / "feeds" / "articles" / f"{n}-{lang}.xml")).getroot()
        assert atom.problems(root) == [], (n, atom.problems(root))
        assert root.get(atom.XML_LANG) == lang
        entries = root.findall(f"{atom.NS}entry")
        ids = [e.findtext(f"{atom.NS}id") for e in entries]
        old = expected_1995_number(n)
        expected_versions = ([f"{SITE_URL}{PREFIX[lang]}texts/constitution_1995/#art_{old}"] if old else []) + [
            f"{SITE_URL}{PREFIX[lang]}texts/first_draft/#art_{n}", f"{SITE_URL}{PREFIX[lang]}texts/adopted/#art_{n}"]
        assert sorted(i for i in ids if "/texts/" in i) == sorted(expected_versions), n
        explanations = [i for i in ids if "/provisions/" in i]
        assert sorted(i.split("#")[0] for i in explanations) == [
            f"{SITE_URL}{PREFIX[lang]}provisions/{pid}/" for pid in _explaining(project, n)], n
        page = _html(built, lang, f"articles/{n}")
        # The same stories as the page's "In the news" list, newest first.
        on_page = re.findall(r'href="\.\./\.\./news/([^"/]+)/"', page)
        assert [i for i in ids if "/news/" in i] == [f"{SITE_URL}{PREFIX[lang]}news/{nid}/" for nid in
                                                     sorted(set(on_page), reverse=True)], n
        updated = [e.findtext(f"{atom.NS}updated") for e in entries]
        assert updated == sorted(updated, reverse=True) and root.findtext(f"{atom.NS}updated") == updated[0]
        # Linked from the article's page (a file of the built site), and announced in its <head>.
        href = re.search(r'<p class="atazan-feed"[^>]*><a href="([^"]+)" type="application/atom\+xml">', page).group(1)
        assert (built / PREFIX[lang] / "articles" / str(n) / href).resolve() == (built / "feeds" / "articles" / f"{n}-{lang}.xml").resolve()
        head = page.split("</head>", 1)[0]
        assert f'type="application/atom+xml" href="{SITE_URL}feeds/articles/{n}-{lang}.xml"' in head
    assert ids  # the loop above ran


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_article_page_names_its_news_by_headline(built, lang):
    # The news list on an article page showed the headline object's Python repr ("Headline(text=…").
    page = _html(built, lang, "articles/94")
    items = re.findall(r'<li><a href="\.\./\.\./news/[^"]+/">(.*?)</a>', page, re.S)
    assert items, "Article 94 is explained by entry-into-force, which has news"
    assert not [i for i in items if "Headline(" in i or "Shown(" in i], items[:2]
    assert "Headline(" not in page


def test_article_94_feed_names_its_news_and_explanation(built):
    from lxml import etree

    import atom

    root = etree.parse(str(built / "feeds" / "articles" / "94-ru.xml")).getroot()
    titles = [e.findtext(f"{atom.NS}title") for e in root.findall(f"{atom.NS}entry")]
    assert any(t.startswith("Пояснение: ") for t in titles)
    assert sum(t.endswith(": Статья 94") for t in titles) == 3  # 1995, first draft, adopted
    assert any("/news/" in e.findtext(f"{atom.NS}id") for e in root.findall(f"{atom.NS}entry"))


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_search_indexes_an_article_s_text_but_not_its_version_table_or_diffs(built, lang):
    # Issue 26: the version table and the word diffs repeat the texts the search already holds (7.5-10%
    # of the index); the page still shows them (the tests above), search leaves them out.
    import json

    index = json.loads((built / "search" / f"search_index.{lang}.json").read_text(encoding="utf-8"))
    n = recipe.REWORDED[0]
    entries = [doc for doc in index["docs"] if doc["location"].split("#")[0] == f"{PREFIX[lang]}articles/{n}/"]
    anchors = [doc["location"].partition("#")[2] for doc in entries]
    assert not [a for a in anchors if a == "versions" or a.startswith("changes-")], anchors
    text_lang = "kk" if lang == "en" else lang  # no English text held: the official Kazakh one
    words = _fixture_article("adopted", text_lang, n)[0].rstrip(".").split()[3:8]
    assert any(" ".join(words) in doc["text"] for doc in entries), (words, [d["text"][:200] for d in entries])
    assert 'id="versions"' in _html(built, lang, f"articles/{n}")
