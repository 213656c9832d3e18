"""The reader page "Kazakh and Russian texts compared" (website/kinds/kk_ru.py), built for real from
the fixture constitution (TEST DATA, invented wording) with one deliberate difference: a date
changed in the Russian text of Article 5, point 1, next to hostile markup in the same wording.
The first draft is held in Russian only, so it has no such page."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
import yaml

from .conftest import import_all

LANGS = ("kk", "ru", "en")
PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
PLACE = "art_5__para_1"
HOSTILE = '<script>alert("kkru")</script><img src=x onerror=alert("kkru2")>'
# The date each text holds, as a reader of each language sees it (CLDR's long form).
DATE = {"kk": {"kk": "2026 ж. 15 наурыз", "ru": "2026 ж. 16 наурыз"},
        "ru": {"kk": "15 марта 2026 г.", "ru": "16 марта 2026 г."},
        "en": {"kk": "March 15, 2026", "ru": "March 16, 2026"}}
ONLY_HERE = {"kk": "Күндер, тек осы мәтінде: ", "ru": "Даты, только в этом тексте: ", "en": "Dates, only in this text: "}


def _add_to_paragraph(path: Path, number: str, point: str, words: str) -> None:
    """Test setup: words appended to one point of an imported text, as a hand edit of the file would."""
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    article = next(a for a in record["articles"] if a["number"] == number)
    paragraph = next(p for p in article["paragraphs"] if p["number"] == point)
    paragraph["text"] += words
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")


def _make_project(project: Path) -> None:
    from conftest import copy_project, explain_adopted_article_94

    copy_project(project)
    shutil.rmtree(project / "data" / "texts", ignore_errors=True)
    explain_adopted_article_94(project / "data")
    data = project / "data"
    import_all(data)  # adopted in kk, ru (official) and en; the first draft in Russian only
    # The deliberate difference: the same sentence with a date, the Russian one a day later.
    _add_to_paragraph(data / "texts" / "adopted" / "kk.yml", "5", "1", " Сынақ күні: 2026 жылғы 15 наурыз.")
    _add_to_paragraph(data / "texts" / "adopted" / "ru.yml", "5", "1", " Тестовая дата: 16 марта 2026 года. " + HOSTILE)
    # Hostile provenance too: the source line names the publisher and title of each text.
    path = data / "texts" / "adopted" / "kk.yml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["source"]["title"] += " " + HOSTILE.replace("kkru", "kkru3")
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")


@pytest.fixture(scope="module")
def built(built_once) -> Path:
    from conftest import build_site

    def build(folder: Path) -> None:
        project = folder / "project"
        project.mkdir()
        _make_project(project)
        build_site(project, folder / "out")

    return built_once("kk-ru-site", build)


def _page(site: Path, lang: str, path: str) -> Path:
    return site / "out" / PREFIX[lang] / path / "index.html"


def _place(site: Path, lang: str):
    """The page's block for the changed paragraph: its heading, and the two sides after it."""
    root = lxml.html.document_fromstring(_page(site, lang, "kk-ru/adopted").read_bytes())
    heading = root.get_element_by_id(PLACE)
    assert heading.tag == "h3"
    block = heading.getnext()
    assert block.get("class") == "atazan-kkru"
    return root, heading, block.findall("div")


def _target(site: Path, lang: str, href: str) -> tuple[Path, str]:
    """The built file and anchor an href of the `lang` page kk-ru/adopted/ leads to."""
    here = "/" + PREFIX[lang] + "kk-ru/adopted/"
    parts = urlsplit(urljoin(here, href))
    return site / "out" / parts.path.lstrip("/") / "index.html", parts.fragment


@pytest.mark.parametrize("lang", LANGS)
def test_the_changed_date_is_shown_with_both_wordings_and_links_to_the_paragraph(built, lang):
    _, heading, sides = _place(built, lang)
    assert heading.text_content().startswith({"kk": "5-бап, 1-тармақ", "ru": "Статья 5, пункт 1",
                                              "en": "Article 5, paragraph 1"}[lang])
    assert len(sides) == 2
    for side, text_lang in zip(sides, ("kk", "ru")):
        findings = [p.text_content() for p in side.find_class("atazan-kkru-finding")]
        assert ONLY_HERE[lang] + DATE[lang][text_lang] in findings, findings
        other = DATE[lang]["ru" if text_lang == "kk" else "kk"]
        assert not any(other in f for f in findings)
        wording = " ".join(p.text_content() for p in side.find_class("atazan-kkru-wording"))
        assert wording.startswith("1. ")  # the point's number as printed, no Markdown escape left in it
        assert {"kk": "2026 жылғы 15 наурыз", "ru": "16 марта 2026 года"}[text_lang] in wording
        assert all(p.get("lang") == text_lang for p in side.find_class("atazan-kkru-wording"))
        # The link leads to that paragraph, on the article page of that language, in that language.
        link = side.find_class("atazan-kkru-head")[0].find("a")
        assert link.get("hreflang") == text_lang
        path, anchor = _target(built, lang, link.get("href"))
        assert anchor == PLACE and path == built / "out" / PREFIX[text_lang] / "articles" / "5" / "index.html"
        article = lxml.html.document_fromstring(path.read_bytes())
        assert article.get_element_by_id(PLACE).tag == "p"
        assert article.find_class("atazan-article")[0].get("lang") == text_lang


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_markup_in_a_differing_wording_stays_text(built, lang):
    root, _, sides = _place(built, lang)
    assert HOSTILE in sides[1].text_content()  # shown, as the characters it is
    assert HOSTILE.replace("kkru", "kkru3") in root.find_class("atazan-legal-meta")[0].text_content()
    assert not [s for s in root.iter("script") if "kkru" in (s.text or "")]
    assert not [e for e in root.iter() if isinstance(e.tag, str) and any("kkru" in v for k, v in e.attrib.items()
                                                                         if k.startswith("on"))]
    assert not [img for img in root.iter("img") if img.get("src") == "x"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_says_what_it_compares_and_what_it_does_not(built, lang):
    root = lxml.html.document_fromstring(_page(built, lang, "kk-ru/adopted").read_bytes())
    text = " ".join(root.find_class("md-content")[0].text_content().split())
    said = {"kk": ("Мәтіндердің мағынасы салыстырылмайды", "әрқашан қате бола бермейді", "қай мәтіннің дұрыс екенін бұл сайт айтпайды"),
            "ru": ("Смысл текстов не сравнивается", "не обязательно ошибка", "какой из текстов верен"),
            "en": ("Meaning is not compared", "not necessarily an error", "does not say which text is right")}[lang]
    assert all(words in text for words in said)
    found = {"kk": "Табылған айырмашылықтар: ", "ru": "Найдено расхождений: ", "en": "Differences found: "}[lang]
    # The date, and the digits of the hostile markup ("kkru2") as a number only the Russian text has.
    assert found + "2" in text
    assert {"kk": "Айырмашылық табылған жоқ", "ru": "Расхождений не найдено", "en": "No differences found"}[lang] not in text


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_for_a_version_held_in_one_official_language_and_links_only_to_real_pages(built, lang):
    assert _page(built, lang, "kk-ru/adopted").is_file()
    assert not (built / "out" / PREFIX[lang] / "kk-ru" / "first_draft").exists()  # held in Russian only
    adopted = _page(built, lang, "texts/adopted").read_text(encoding="utf-8")
    draft = _page(built, lang, "texts/first_draft").read_text(encoding="utf-8")
    index = _page(built, lang, "articles").read_text(encoding="utf-8")
    assert 'href="../../kk-ru/adopted/"' in adopted and 'href="../kk-ru/adopted/"' in index
    assert "kk-ru/" not in draft and "kk-ru/first_draft" not in index


def test_open_data_and_validate_list_the_same_differences(built):
    from conftest import atazan_here

    code, out, err = atazan_here("validate", "--data", str(built / "project" / "data"))
    assert code == 0, err
    noted = {line.split(": ")[1] for line in out.splitlines() if ": kk/ru: " in line}
    assert noted == {PLACE}
    assert "art_5__para_1: kk/ru: date 2026-03-15 only in kk; 2026-03-16 only in ru" in out
    for lang in LANGS:
        export = json.loads((built / "out" / "api" / "v1" / f"{lang}.json").read_text(encoding="utf-8"))
        [entry] = export["kk_ru_differences"]  # adopted only: the first draft has no kk text
        assert entry["version"] == "adopted" and entry["page"] == f"{PREFIX[lang]}kk-ru/adopted/"
        assert {"id": PLACE, "kind": "date", "kk": ["2026-03-15"], "ru": ["2026-03-16"]} in entry["differences"]
        assert {d["id"] for d in entry["differences"]} == noted
        assert entry["compared"]["articles"] == 96
        # On the page: one heading per place listed, the same places.
        page = _page(built, lang, "kk-ru/adopted").read_text(encoding="utf-8")
        assert set(re.findall(r'<h3 id="([^"]+)"', page)) == noted
