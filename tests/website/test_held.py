"""One answer to "what is held" (hooks/atazan/website/held.py): the home page, About, the handouts
(on paper too), the provision warnings, the article index and the open data say what the data
holds. The shipped data holds no text, and every statement says so; the rehearsal holds every
version, and no page says a text is missing (issue 21)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import LANGUAGES, ROOT, atazan_here, copy_project, nonempty

PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
STRINGS = yaml.safe_load((ROOT / "overrides" / "atazan" / "strings.yml").read_text(encoding="utf-8"))
TEXT_STRINGS = yaml.safe_load((ROOT / "overrides" / "atazan" / "strings-text.yml").read_text(encoding="utf-8"))

# The interface sentences that say a text is not held.
NOT_HELD_KEYS = [(STRINGS, "held.missing.title"), (STRINGS, "held.adopted_missing"), (STRINGS, "adopted.missing.title"),
                 (STRINGS, "adopted.missing.body"), (STRINGS, "handout.drafts"), (TEXT_STRINGS, "text.index.not_held"),
                 (STRINGS, "notfound.no_text.title")]
# How prose (data, docs) says that we do not hold a text: the shipped site said all of these
# before issue 21 (data prose, the home page, About); none may stand on a site that holds it.
CLAIMS = {
    "en": [r"\b(?:we|dataset|our data) (?:does|do) not (?:yet )?hold\b", r"\bnot in (?:our|this) (?:data|dataset)\b",
           r"\buntil we (?:hold|have)\b", r"\bwe do not have (?:the|its|this)\b", r"\bwhich we do not have\b"],
    "ru": [r"в (?:наших|этом наборе) данн\w+[^.]{0,20}\bнет\b", r"\bнет в (?:наших|этом наборе) данн",
           r"\bу нас нет (?:текст|формулировк|принят|этих)", r"\bпока у нас нет\b"],
    "kk": [r"деректер\w*\s+(?:\w+\s+)?(?:әзірге|әлі)\s+жоқ", r"\bбізде жоқ\b", r"\bбізде болмайынша\b"],
}


VERSION_LABELS = {v["id"]: {lang: v["label"][lang]["text"] for lang in LANGUAGES}
                  for v in yaml.safe_load((ROOT / "data" / "versions.yml").read_text(encoding="utf-8"))}


def _not_held_sentences() -> list[str]:
    return [" ".join(table[key][lang].split()) for table, key in NOT_HELD_KEYS for lang in LANGUAGES]


def _reader_text(path: Path) -> str:
    root = lxml.html.parse(str(path)).getroot()
    for element in root.xpath("//script|//style|//template|//svg|//head"):
        element.drop_tree()
    return " ".join(root.text_content().split())


def not_held_findings(site: Path) -> list[str]:
    """Every place a built site says a text is not held: an interface sentence, or a claim in prose."""
    sentences = _not_held_sentences()
    claims = [re.compile(p, re.I) for patterns in CLAIMS.values() for p in patterns]
    found = []
    for page in sorted(site.rglob("*.html")):
        text = _reader_text(page)
        found += [f"{page.relative_to(site)}: «{s[:60]}»" for s in sentences if s in text]
        found += [f"{page.relative_to(site)}: «{m.group(0)}»" for c in claims for m in c.finditer(text)]
    return found


def _page(site: Path, lang: str, path: str) -> Path:
    return site / PREFIX[lang] / path / "index.html" if path else site / PREFIX[lang] / "index.html"


def _say(key: str, lang: str, table=STRINGS) -> str:
    return " ".join(table[key][lang].split())


# ---------------------------------------------------------------- the shipped site: nothing held


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_shipped_home_page_and_about_say_the_adopted_text_is_not_held(site_dir, lang):
    for path in ("", "about"):
        text = _reader_text(_page(site_dir, lang, path))
        assert _say("held.missing.title", lang) in text and _say("held.adopted_missing", lang) in text, (lang, path)
        assert _say("held.title", lang) not in text


def test_the_not_held_scan_finds_what_the_shipped_site_says(site_dir):
    # The scan the rehearsal must pass finds the shipped site's statements in every language: it can fail.
    found = not_held_findings(site_dir)
    for lang in LANGUAGES:
        mine = [f for f in found if f.startswith(PREFIX[lang] + "index.html") or (lang == "kk" and f.startswith("index.html"))]
        assert mine, f"nothing found on the {lang} home page"
    assert any("handouts/" in f for f in found)


def test_shipped_open_data_holds_no_text(site_dir):
    for lang in LANGUAGES:
        export = json.loads((site_dir / "api" / "v1" / f"{lang}.json").read_text(encoding="utf-8"))
        assert export["held"] == {"adopted": False, "versions": []}


# ---------------------------------------------------------------- the rehearsal: every version held


def test_a_site_holding_the_adopted_text_never_says_it_is_missing(rehearsal_site):
    pages = nonempty(rehearsal_site.rglob("*.html"), "rehearsal pages")
    assert len(pages) > 500
    assert not_held_findings(rehearsal_site) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_and_about_list_the_texts_held(rehearsal_site, lang):
    for path in ("", "about"):
        page = _page(rehearsal_site, lang, path)
        root = lxml.html.parse(str(page)).getroot()
        text = _reader_text(page)
        assert _say("held.title", lang) in text, (lang, path)
        links = {a.get("href") for a in root.iter("a")}
        for version in ("adopted", "first_draft", "final_draft"):
            assert any(href and href.rstrip("/").endswith(f"texts/{version}") for href in links), (lang, path, version)
        # The adopted text first, then the others oldest first.
        assert text.index(VERSION_LABELS["adopted"][lang] + ":") < text.index(VERSION_LABELS["first_draft"][lang] + ":")


def test_rehearsal_open_data_says_what_the_pages_say(rehearsal_site):
    for lang in LANGUAGES:
        held = json.loads((rehearsal_site / "api" / "v1" / f"{lang}.json").read_text(encoding="utf-8"))["held"]
        assert held["adopted"] is True
        assert {v["version"]: (v["languages"], v["official"]) for v in held["versions"]} == {
            "first_draft": (["kk", "ru"], ["kk", "ru"]), "final_draft": (["kk", "ru"], ["kk", "ru"]),
            "adopted": (["kk", "ru", "en"], ["kk", "ru"])}


@pytest.mark.parametrize("site_fixture, key", [("site_dir", "handout.drafts"), ("rehearsal_site", "handout.drafts_held")])
def test_the_printed_handout_says_in_bold_what_is_held(request, browser, tmp_path, site_fixture, key):
    """On paper (print media, A4): the shipped sheet says the adopted text is not held, in bold; the
    rehearsal's says the wording is the news' and the adopted text is on the site, never "not held"."""
    from print_helpers import pdf_text, print_pdf, squeeze

    site = request.getfixturevalue(site_fixture)
    for lang in ("kk", "ru"):
        page = site / PREFIX[lang] / "handouts" / "housing" / "index.html"
        text = squeeze(pdf_text(print_pdf(browser, page, tmp_path / f"{lang}.pdf")))
        assert squeeze(_say(key, lang)) in text, lang
        if site_fixture == "rehearsal_site":
            assert not [s for s in _not_held_sentences() if squeeze(s) in text], lang
        tab = browser.new_page()
        try:
            tab.emulate_media(media="print")
            tab.goto(page.as_uri())
            assert tab.eval_on_selector(".atazan-handout-drafts", "e => getComputedStyle(e).fontWeight") == "700"
        finally:
            tab.close()


# ---------------------------------------------------------------- where the statements come from


def test_data_prose_makes_no_claim_about_what_is_held():
    """A data record is written once and outlives an import: what the dataset holds is said by the
    generated warnings (held.py), never by prose that would go stale."""
    claims = [(lang, re.compile(p, re.I)) for lang, patterns in CLAIMS.items() for p in patterns]
    found = []
    for path in sorted((ROOT / "data").rglob("*.yml")):
        if "texts" in path.relative_to(ROOT / "data").parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found += [f"{path.relative_to(ROOT)}:{number}: «{m.group(0)}»" for _, c in claims for m in c.finditer(line)]
    from atazan.website.generate import is_generated

    for lang in LANGUAGES:
        for path in sorted((ROOT / "docs" / lang).rglob("*.md")):
            if is_generated(str(path)):
                continue
            text = path.read_text(encoding="utf-8")
            found += [f"{path.relative_to(ROOT)}: «{m.group(0)}»" for _, c in claims for m in c.finditer(" ".join(text.split()))]
    assert found == []


def test_the_claim_patterns_find_the_claims_prose_made_before(tmp_path):
    # What data and docs said before issue 21 (git show 42ccf68): each language's patterns match it.
    before = {"en": "Check the adopted text before relying on it: our dataset does not hold it yet.",
              "ru": "Прежде чем опираться на это, сверьтесь с принятым текстом: в наших данных его пока нет.",
              "kk": "Бұған сүйенбес бұрын қабылданған мәтінді тексеріңіз: ол біздің деректерде әзірге жоқ."}
    for lang, sentence in nonempty(before.items(), "sentences"):
        assert any(re.search(p, sentence, re.I) for p in CLAIMS[lang]), lang


def test_a_marker_the_build_does_not_know_is_named_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "en" / "about.md"
    lines = about.read_text(encoding="utf-8").splitlines()
    held_line = lines.index("<!-- atazan:held -->") + 1
    lines.insert(3, "<!-- atazan:hold -->")
    lines[held_line] = "Text before <!-- atazan:held -->"  # the marker moved one line down, not on its own
    about.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = atazan_here("validate", cwd=project)
    assert code == 1
    assert "docs/en/about.md:4: unknown marker '<!-- atazan:hold -->'" in err
    assert f"docs/en/about.md:{held_line + 1}: <!-- atazan:held --> must stand on a line of its own" in err
