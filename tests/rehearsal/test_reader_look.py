"""Every page kind looked at together, as a reader would (notes beside the text, comparison tables,
what changed, the kk/ru page), on the rehearsal site (the full-scale imported fixture): the defects
found by screenshots at 390 px, 1280 px and on A4, each held here. Expectations come from the
interface strings and the recipe, never from the pages."""

from __future__ import annotations

import re

import lxml.html
import pytest
import yaml

from conftest import LANGUAGES, ROOT, nonempty, serve_folder

PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}
TEXT_STRINGS = yaml.safe_load((ROOT / "overrides" / "atazan" / "strings-text.yml").read_text(encoding="utf-8"))


def _annotated(site, lang) -> list[str]:
    """Article pages (paths under the language) that carry a note beside a paragraph."""
    base = site / PREFIX[lang]
    return nonempty([f"articles/{p.parent.name}/" for p in sorted((base / "articles").glob("*/index.html"))
                     if 'class="atazan-unit"' in p.read_text(encoding="utf-8")], "annotated article pages")


# ---------------------------------------------------------------- notes and the text they sit by

@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_point_s_notes_hold_its_whole_point(rehearsal_site, lang):
    """A note on a point is one unit with the whole point: its further parts, subpoints and closing
    words. Under only its opening words ("The council:"), a phone or paper shows the note between
    them and the list they open."""
    held = 0
    for path in _annotated(rehearsal_site, lang):
        page = lxml.html.parse(str(rehearsal_site / PREFIX[lang] / path / "index.html")).getroot()
        for unit in page.find_class("atazan-unit"):
            point = next((p for p in unit if p.tag == "p" and re.fullmatch(r"art_\w+__para_\w+", p.get("id") or "")), None)
            if point is None:
                continue
            subpoints = page.xpath(f'//*[starts-with(@id, "{point.get("id")}__subpara_")]')
            outside = [s.get("id") for s in subpoints if unit not in s.iterancestors()]
            assert outside == [], (lang, path, point.get("id"), outside)
            held += bool(subpoints)
    assert held >= 1  # the rehearsal explains a point with subpoints (first-draft 14(3) -> adopted 15(3))


_LAYOUT = """() => {
  const box = e => e.getBoundingClientRect();
  const meets = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const asides = [...document.querySelectorAll('aside.atazan-beside')];
  const content = [...document.querySelectorAll(
      '.md-content p, .md-content li, .md-content h1, .md-content h2, .md-content h3, .md-content table,'
      + ' .atazan-compare, .atazan-compare-row, .md-content .admonition, .md-content details, .md-sidebar--secondary')]
    .filter(e => !e.closest('aside.atazan-beside') && e.getClientRects().length);
  const found = [];
  for (const a of asides) {
    const ra = box(a);
    for (const o of content) if (meets(ra, box(o))) found.push(['overlaps', o.className || o.tagName]);
    for (const b of asides) if (a !== b && meets(ra, box(b))) found.push(['overlaps', 'another note']);
    if (ra.right > document.documentElement.clientWidth) found.push(['off screen', ra.right]);
    // On a phone: under its paragraph, and under a point's subpoints too (art_15__para_3__subpara_5).
    const unit = a.parentElement;
    const own = unit.querySelector(':scope > p[id]');
    if (innerWidth < 600 && unit.classList.contains('atazan-unit') && own)
      for (const p of [own, ...document.querySelectorAll(`[id^="${own.id}__"]`)])
        if (box(p).bottom > ra.top + 1) found.push(['under it', p.id]);
  }
  return [document.documentElement.scrollWidth, found.slice(0, 4)];
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_notes_never_cover_the_text_or_the_comparison(browser, rehearsal_site, lang):
    """Every article page with notes: at 1280 px the sidenotes overlap no paragraph, heading, table,
    comparison row, other note or the contents sidebar; at 390 px each note comes after the whole
    point it belongs to; neither scrolls sideways."""
    paths = _annotated(rehearsal_site, lang)
    wrong = []
    with serve_folder(rehearsal_site) as url:
        for width in (1280, 390):
            context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 600)
            context.route("**/search/*", lambda route: route.abort())
            page = context.new_page()
            try:
                for path in paths:
                    page.goto(url + PREFIX[lang] + path, wait_until="load")
                    scroll, found = page.evaluate(_LAYOUT)
                    if scroll > width or found:
                        wrong.append((width, path, scroll, found))
            finally:
                context.close()
    assert wrong == []


# ---------------------------------------------------------------- the comparison's folds

@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_fold_of_one_point_names_it_in_the_singular(rehearsal_site, lang):
    # The fold's words before each list, as strings-text.yml has them ("пункты: {list}").
    lead = TEXT_STRINGS["compare.fold"][lang].split("{list}")[0]
    plurals = [TEXT_STRINGS[key][lang].split("{list}")[0].strip() for key in ("compare.fold.points", "compare.fold.subpoints")]
    summaries = []
    for path in (rehearsal_site / PREFIX[lang] / "articles").glob("*/index.html"):
        page = lxml.html.parse(str(path)).getroot()
        summaries += [" ".join(s.text_content().split()) for s in page.xpath('//details[contains(@class, "atazan-compare-fold")]/summary')]
    nonempty(summaries, "folds")
    wrong = []
    for summary in summaries:
        assert summary.startswith(lead.strip()), summary
        for part in summary[len(lead.strip()):].strip().split("; "):
            for plural in plurals:
                if part.startswith(plural):
                    listed = part[len(plural):].strip()
                    if not re.search(r"[–,]", listed):  # a single number under a plural word
                        wrong.append(summary)
    assert wrong == []
    singular = TEXT_STRINGS["compare.fold.point"][lang].format(list="1")
    assert any(singular in s for s in summaries), singular  # article 15 leaves its point 1 unchanged


# ---------------------------------------------------------------- on paper

@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_article_with_notes_and_a_comparison_prints_cleanly(browser, rehearsal_site, tmp_path, lang):
    """Article 15 (notes beside three points, a comparison with folds): no disclosure triangle printed
    over a fold's first letter, notes inside the text column, at most 3 A4 sheets, and the short
    "in other versions" table on the sheet of its heading."""
    from print_helpers import pdf_pages, print_pdf

    import subprocess

    sheet = rehearsal_site / PREFIX[lang] / "articles" / "15" / "index.html"
    pdf = print_pdf(browser, sheet, tmp_path / "15.pdf")
    pages = pdf_pages(pdf)
    texts = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True,
                            check=True).stdout for n in range(1, pages + 1)]
    assert pages <= 3
    assert "▸" not in "".join(texts) and "▾" not in "".join(texts)
    heading = TEXT_STRINGS["changes.in_versions"][lang]
    on = [i for i, t in enumerate(texts) if heading in " ".join(t.split())]
    assert len(on) == 1, (heading, pages)
    adopted = yaml.safe_load((ROOT / "data" / "versions.yml").read_text(encoding="utf-8"))
    label = next(v for v in adopted if v["id"] == "adopted")["label"][lang]
    label = label["text"] if isinstance(label, dict) else label
    tail = " ".join(texts[on[0]].split()).split(heading, 1)[1]
    assert label in tail, (label, tail[:200])  # the table's last row, on the heading's sheet
    page = browser.new_page()
    try:
        page.emulate_media(media="print")
        page.goto(sheet.as_uri(), wait_until="load")
        outside = page.evaluate("""() => { const text = document.querySelector('.md-content').getBoundingClientRect();
            return [...document.querySelectorAll('aside.atazan-beside')].filter(a => {
              const b = a.getBoundingClientRect(); return b.right > text.right + 1 || b.left < text.left - 1; }).length; }""")
    finally:
        page.close()
    assert outside == 0


# ---------------------------------------------------------------- the kk/ru comparison page

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_kk_ru_page_says_what_each_date_is(rehearsal_site, lang):
    as_of = TEXT_STRINGS["text.as_of"][lang]
    before, after = as_of.split("{date}")
    for path in nonempty(sorted((rehearsal_site / PREFIX[lang] / "kk-ru").glob("*/index.html")), "kk/ru pages"):
        page = lxml.html.parse(str(path)).getroot()
        lines = [" ".join(p.text_content().split()) for p in page.find_class("atazan-legal-meta")
                 if p.find(".//a[@hreflang]") is not None]
        assert len(lines) == 2, path
        for line in nonempty(lines, "source lines"):
            assert re.search(re.escape(before.strip()) + r".*\d{4}.*" + re.escape(after.strip()), line), (path, line)
        names = page.find_class("atazan-source-name")
        assert sorted(n.get("lang") for n in names) == ["kk", "ru"], path


# ---------------------------------------------------------------- every compared wording names its source

def _version_labels(lang) -> dict[str, str]:
    versions = yaml.safe_load((ROOT / "data" / "versions.yml").read_text(encoding="utf-8"))
    return {v["id"]: (v["label"][lang]["text"] if isinstance(v["label"][lang], dict) else v["label"][lang]) for v in versions}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_comparison_names_each_side_s_version_source_and_date(rehearsal_site, lang):
    """The wordings in a comparison table are legal text: each side says its version, publisher and
    the date its text is as of, under the table on an article page and once at the top of a section
    sheet (which must still fit one A4 sheet)."""
    as_of = TEXT_STRINGS["text.as_of"][lang].split("{date}")
    labels = _version_labels(lang)
    version_word = TEXT_STRINGS["text.version"][lang].split("{version}")[0].strip()

    def sides(element) -> list[str]:
        return [" ".join(line.split()) for line in lxml.html.tostring(element, encoding="unicode").split("<br>")]

    tables = 0
    for path in sorted((rehearsal_site / PREFIX[lang] / "articles").glob("*/index.html")):
        page = lxml.html.parse(str(path)).getroot()
        for table in page.find_class("atazan-compare"):
            tables += 1
            meta = table.getnext()
            assert meta is not None and "atazan-compare-sources" in (meta.get("class") or ""), path
            lines = [lxml.html.fromstring(s).text_content() for s in sides(meta)]
            has_old = any(c.find_class("atazan-compare-text") for c in table.find_class("atazan-compare-old")) or table.find_class("atazan-compare-both")
            assert len(lines) == (2 if has_old else 1), (path, lines)
            for line in lines:
                assert line.startswith(version_word) and as_of[0].strip() in line and as_of[1].strip() in line, (path, line)
                assert any(label in line for label in labels.values()), (path, line)
                assert re.search(r"\d{4}", line), (path, line)
    assert tables >= 10
    sheets = nonempty(sorted((rehearsal_site / PREFIX[lang] / "changes").glob("*/section-*/index.html")), "section sheets")
    for path in sheets:
        page = lxml.html.parse(str(path)).getroot()
        found = page.find_class("atazan-compare-sources")
        if page.find_class("atazan-compare"):
            assert len(found) == 1, path  # once per sheet, not under each table
            pair = path.parent.parent.name.split("--")
            named = [line for line in sides(found[0]) if line]
            # Each text shown on the sheet, once: a version in the official language and, for a new article on
            # an English sheet, in English; a sheet of only a removed article has no later side.
            assert 1 <= len(named) <= 4 and all(any(labels[v] in line for v in pair) for line in named), (path, named)
