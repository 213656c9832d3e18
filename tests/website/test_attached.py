"""Explanations, news and fact-checks attach to the text through the correspondence
(hooks/atazan/website/attached.py, issue 21): after the rehearsal's import and `atazan match`, every
provision that explains a held version stands beside the article of the adopted text it became,
at the paragraph or subparagraph it concerns where the parts pair, labelled with the text it was
written for, and links back; the same for news references and fact-checks. Expectations come from
the rehearsal's recipe (which article became which, which points were reworded), never from the
matcher's output."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import LANGUAGES, ROOT, nonempty, serve_folder
from rehearsal import make_rehearsal as recipe

PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
STRINGS = yaml.safe_load((ROOT / "overrides" / "atazan" / "strings.yml").read_text(encoding="utf-8"))
VERSIONS = {v["id"]: v for v in yaml.safe_load((ROOT / "data" / "versions.yml").read_text(encoding="utf-8"))}
HELD = ("first_draft", "final_draft", "adopted")


def adopted_number(version: str, number: int) -> str | None:
    """The recipe: which adopted article a first-draft or final-draft article became."""
    if version in ("adopted", "final_draft"):
        return str(number)
    return next((str(a) for a in range(1, recipe.ADOPTED_ARTICLES + 1) if recipe.first_draft_number(a) == number), None)


def _page(site: Path, lang: str, path: str):
    return lxml.html.parse(str(site / PREFIX[lang] / path / "index.html")).getroot()


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _asides(page):
    return [aside for aside in page.iter("aside") if "atazan-beside" in (aside.get("class") or "").split()]


def _items(aside):
    return [div for div in aside.iter("div") if "atazan-beside-item" in (div.get("class") or "").split()]


def _links_to(element, fragment: str) -> bool:
    return any((a.get("href") or "").split("#")[0].rstrip("/").endswith(fragment) for a in element.iter("a"))


def _entries(rehearsal_dir: Path) -> list[tuple[str, dict]]:
    found = []
    for path in sorted((rehearsal_dir / "data" / "provisions").glob("[!_]*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(record["id"], entry) for entry in record["versions"]
                  if entry["version"] in HELD and entry.get("number") is not None]
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_explanation_of_a_held_version_is_beside_its_adopted_article(rehearsal_dir, rehearsal_site, lang):
    """Every provision entry naming an article of a held version: on the page of the adopted
    article it became (recipe), in full once, saying which text it was written for; and its
    provision page links that article page back."""
    entries = nonempty(_entries(rehearsal_dir), "provision entries for held versions")
    assert {e["version"] for _, e in entries} == set(HELD)  # drafts through the correspondence, too
    for pid, entry in entries:
        number = adopted_number(entry["version"], entry["number"])
        assert number is not None, (pid, entry)  # no entry explains the removed article
        page = _page(rehearsal_site, lang, f"articles/{number}")
        items = [item for aside in _asides(page) for item in _items(aside) if _links_to(item, f"provisions/{pid}")]
        full = [item for item in items if "atazan-beside-item--repeated" not in item.get("class")]
        assert len(full) == 1, (lang, pid, entry["version"], entry["number"], number, len(full))
        label = f"{VERSIONS[entry['version']]['label'][lang]['text']}, {STRINGS['article.number'][lang].format(n=entry['number'])}"
        assert label in _text(full[0]), (lang, pid, label, _text(full[0]))
        back = _page(rehearsal_site, lang, f"provisions/{pid}")
        assert _links_to(back.find(".//article"), f"articles/{number}"), (lang, pid, number)


def _unit_of(page, eid: str):
    """The unit holding the paragraph or subparagraph `eid`: its notes stand beside it."""
    element = page.get_element_by_id(eid)
    parent = element.getparent()
    return parent if "atazan-unit" in (parent.get("class") or "") else None


def _beside(page, eid: str, fragment: str) -> bool:
    unit = _unit_of(page, eid)
    return unit is not None and any(_links_to(aside, fragment) for aside in _asides(unit))


def test_a_draft_paragraph_is_placed_only_where_its_wording_pairs(rehearsal_dir):
    """First-draft parts map to adopted parts where the matcher pairs them; a point the adopted text
    reworded (recipe.REWORDED) is not guessed: the item goes to the whole article."""
    from atazan.dataset.validate import load_dataset
    from atazan.website.attached import Cited, places

    dataset = load_dataset(str(rehearsal_dir / "data"), str(rehearsal_dir))

    def eids(version, number, paragraphs=(), subparagraphs=()):
        return {p.eid for p in places(dataset, Cited(version, str(number), tuple(paragraphs), tuple(subparagraphs)))}

    assert recipe.first_draft_number(15) == 14 and "2" in recipe.REWORDED[15] and "3" not in recipe.REWORDED[15]
    assert eids("first_draft", 14, ["3"]) == {"art_15__para_3"}
    assert eids("first_draft", 14, ["2"]) == {"art_15"}
    assert eids("first_draft", 14, ["2", "3"]) == {"art_15", "art_15__para_3"}
    assert recipe.first_draft_number(58) == 57 and 58 not in recipe.REWORDED
    assert eids("first_draft", 57, ["1"]) == {"art_58__para_1"}
    assert recipe.first_draft_number(47) == 46 and recipe.REWORDED[47] == ("sub8",)
    assert eids("first_draft", 46, subparagraphs=["2", "4", "8"]) == {"art_47__subpara_2", "art_47__subpara_4", "art_47"}
    assert eids("first_draft", 8) == {"art_9"}  # no part named: the whole article
    assert eids("adopted", 2, ["1", "6"]) == {"art_2__para_1", "art_2__para_6"}  # the reference: as named
    assert eids("first_draft", recipe.removed_first_draft_number()) == set()  # removed: on no adopted page
    assert eids("constitution_1995", 6, ["3"]) == set()  # not held


@pytest.mark.parametrize("lang", LANGUAGES)
def test_news_and_fact_checks_stand_beside_the_paragraph_they_concern(rehearsal_site, lang):
    story = "2026-02-11-proposals-received-were-taken-into-account-additional"  # names first-draft 14(3) and 57(1)
    assert _beside(_page(rehearsal_site, lang, "articles/15"), "art_15__para_3", f"news/{story}")
    assert _beside(_page(rehearsal_site, lang, "articles/58"), "art_58__para_1", f"news/{story}")
    # The fact-check compared the claim with first-draft Article 2, paragraph 6 (adopted 2(6)).
    page = _page(rehearsal_site, lang, "articles/2")
    unit = _unit_of(page, "art_2__para_6")
    links = [a.get("href") for aside in _asides(unit) for a in aside.iter("a")]
    assert any(h.split("#")[0].rstrip("/").endswith("factchecks") and h.endswith("#2026-01-31-land-sale-to-foreigners")
               for h in links), links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_item_is_shown_twice_in_full_on_an_article_page(rehearsal_site, lang):
    pages = nonempty(sorted((rehearsal_site / PREFIX[lang] / "articles").glob("*/index.html")), "article pages")
    annotated = 0
    for path in pages:
        page = lxml.html.parse(str(path)).getroot()
        full = []
        for aside in _asides(page):
            items = _items(aside)
            targets = [next(a.get("href") for a in item.iter("a")) for item in items]
            assert len(targets) == len(set(targets)), (path, targets)  # one aside names an item once
            full += [t for item, t in zip(items, targets) if "atazan-beside-item--repeated" not in item.get("class")]
        assert len(full) == len(set(full)), (path, full)
        annotated += bool(full)
    assert annotated >= 10


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_article_page_names_its_section(rehearsal_site, lang):
    v = recipe.version("adopted", lang)
    for number in (1, 15, 47, 96):
        numeral, heading = v.sections[recipe.section_of(number)]
        section = _page(rehearsal_site, lang, f"articles/{number}").find_class("atazan-article-section")
        assert len(section) == 1, number
        link = section[0].find(".//a")
        assert link.get("href").endswith(f"texts/adopted/#part_{numeral}"), (number, link.get("href"))
        assert heading in _text(link), (number, heading)


@pytest.mark.parametrize("width, beside", [(1280, True), (390, False)])
def test_notes_sit_beside_their_paragraph_on_wide_screens_and_under_it_on_phones(rehearsal_site, browser, width, beside):
    with serve_folder(rehearsal_site) as url:
        page = browser.new_page(viewport={"width": width, "height": 900})
        try:
            page.goto(url + "ru/articles/58/")
            box = page.evaluate("""() => {
                const p = document.getElementById('art_58__para_1');
                const aside = p.parentElement.querySelector('aside.atazan-beside');
                const r = e => { const b = e.getBoundingClientRect(); return {top: b.top, bottom: b.bottom, left: b.left, right: b.right}; };
                return {p: r(p), aside: r(aside)};
            }""")
        finally:
            page.close()
    p, aside = box["p"], box["aside"]
    if beside:
        assert aside["left"] >= p["right"], box  # in a column of its own, right of the text
        assert abs(aside["top"] - p["top"]) < 24, box  # level with the paragraph's first line
    else:
        assert aside["top"] >= p["bottom"] - 1 and aside["left"] < p["right"], box  # right under it
