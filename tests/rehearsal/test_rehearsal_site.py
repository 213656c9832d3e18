"""The whole site built from the rehearsal (tests/rehearsal/README.md): imported as an operator
would, matched, curated, built once per run (conftest.rehearsal_site). Expectations come from the
recipe (make_rehearsal.py) and the overlay, never from the site itself."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import ROOT, build_cost, nonempty
from rehearsal import make_rehearsal as recipe

LANGS = ("kk", "ru", "en")
PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
OVERLAY = yaml.safe_load((Path(recipe.HERE) / "overlay.yml").read_text(encoding="utf-8"))


def _page(site: Path, lang: str, path: str):
    return lxml.html.parse(str(site / PREFIX[lang] / path / "index.html")).getroot()


def _text(element) -> str:
    return " ".join(element.text_content().split())


def test_the_correspondence_follows_the_recipe_after_the_curator_checked_it(rehearsal_dir):
    table = yaml.safe_load((rehearsal_dir / "data" / "correspondence.yml").read_text(encoding="utf-8"))
    rows = table["rows"]
    adopted = {row["adopted"]: row for row in rows if row["adopted"] is not None}
    assert sorted(adopted, key=int) == [str(n) for n in range(1, 97)]
    for n in range(1, 97):
        expected = recipe.first_draft_number(n)
        assert adopted[str(n)]["first_draft"]["number"] == (None if expected is None else str(expected)), n
        assert adopted[str(n)]["final_draft"]["number"] == str(n), n
    removed = [row for row in rows if row["adopted"] is None]
    assert removed == [{"adopted": None, "first_draft": {"number": str(recipe.removed_first_draft_number()),
                                                         "confirmed": True}}]
    assert adopted["6"]["first_draft"] == {"number": None, "confirmed": True}  # the curator's correction, kept
    assert adopted["9"]["first_draft"] == {"number": "8", "confirmed": True}


@pytest.mark.parametrize("lang", LANGS)
def test_every_adopted_article_has_its_page_in_every_language(rehearsal_site, lang):
    v = recipe.version("adopted", lang)
    for number, _, article in nonempty(v.articles, "the adopted articles"):
        page = _text(_page(rehearsal_site, lang, f"articles/{number}").find(".//article"))
        first = v.point_text(article, article.points[0])
        assert first in page, (number, first[:60])


@pytest.mark.parametrize("lang", LANGS)
def test_curated_entries_reach_their_article_pages(rehearsal_site, lang):
    # Beside the text they explain (website/attached.py; tests/website/test_attached.py checks where).
    curated = [(pid, entry["number"]) for pid, entries in OVERLAY["provisions"].items() for entry in entries
               if entry["version"] == "adopted"]
    for pid, number in nonempty(curated, "the overlay's entries for adopted articles"):
        article = _page(rehearsal_site, lang, f"articles/{number}").find(".//article")
        notes = [a for aside in article.iter("aside") if "atazan-beside" in aside.get("class", "") for a in aside.iter("a")]
        assert any(a.get("href", "").endswith(f"provisions/{pid}/") for a in notes), (pid, number)


@pytest.mark.parametrize("lang", LANGS)
def test_an_article_page_names_its_news_by_headline(rehearsal_site, lang):
    # Ownership explains adopted Article 9 (the overlay); its story names first-draft Article 8,
    # which is adopted Article 9: it stands beside the text by our headline, as on every other
    # page, never as a printed object (issue 21).
    article = _page(rehearsal_site, lang, "articles/9").find(".//article")
    links = [a for aside in article.iter("aside") if "atazan-beside" in aside.get("class", "")
             for a in aside.iter("a") if "/news/" in a.get("href", "")]
    for link in nonempty(links, "the story beside Article 9"):
        story = link.get("href").rstrip("/").rsplit("/", 1)[1]
        record = yaml.safe_load((ROOT / "data" / "news" / f"{story}.yml").read_text(encoding="utf-8"))
        assert _text(link) == record["curated"]["headline"][lang]["text"]


def test_the_rehearsal_site_is_built_at_full_scale(rehearsal_site, rehearsal_offline):
    online, offline = build_cost(rehearsal_site), build_cost(rehearsal_offline)
    # 96 articles and 3 whole texts in 3 languages on top of the shipped site's pages.
    # The offline copy has every page but the three 404 pages, which no file:// copy ever shows.
    assert online["pages"] == offline["pages"] + 3 and offline["pages"] > 96 * 3 + 3 * 3 + 250
    assert online["cpu_s"] > 0 and offline["cpu_s"] > 0
