"""Roundtable handouts: built pages, open data, and the printed PDF (pages, URL, QR code, chrome)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT, nonempty
from print_helpers import navigation_labels, page_facts, page_file, pdf_pages, pdf_text, print_pdf, squeeze

sys.path.insert(0, str(ROOT / "hooks"))


def _handouts(site_dir: Path, lang: str) -> list[dict]:
    return json.loads((site_dir / "api" / "v1" / f"{lang}.json").read_text(encoding="utf-8"))["handouts"]


def _decode_qr(pdf: Path, tmp_path: Path) -> list[str]:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    png_root = tmp_path / pdf.stem
    # The QR code sits in the top third of the first sheet; rendering only that part saves time.
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-x", "0", "-y", "0", "-W", "1240", "-H", "700",
                    "-png", "-singlefile", str(pdf), str(png_root)], check=True)
    return [r.text for r in zxingcpp.read_barcodes(Image.open(f"{png_root}.png")) if r.format == zxingcpp.BarcodeFormat.QRCode]


def test_every_theme_has_a_handout_in_every_language_in_open_data(site_dir, dataset):
    for lang in LANGUAGES:
        listed = _handouts(site_dir, lang)
        assert {h["theme"] for h in listed if h["languages"] == [lang]} == set(dataset.themes)
        for h in listed:
            assert page_file(site_dir, h["url"]).is_file(), h["url"]
            assert h["url"].startswith("" if lang == "kk" else f"{lang}/")


def test_a_bilingual_kk_ru_handout_exists(site_dir, dataset):
    for lang in ("kk", "ru"):
        pairs = [h for h in _handouts(site_dir, lang) if h["languages"] == ["kk", "ru"]]
        assert {h["theme"] for h in pairs} == set(dataset.themes)
        for h in pairs:
            html = page_file(site_dir, h["url"]).read_text(encoding="utf-8")
            theme = dataset.themes[h["theme"]]
            assert theme.title["kk"].text in html and theme.title["ru"].text in html
            assert 'lang="kk"' in html and 'lang="ru"' in html


def test_theme_pages_link_to_their_handout(site_dir, dataset):
    for lang in LANGUAGES:
        prefix = "" if lang == "kk" else f"{lang}/"
        for tid in nonempty(dataset.themes):
            html = page_file(site_dir, f"{prefix}themes/{tid}/").read_text(encoding="utf-8")
            assert f'href="../../handouts/{tid}/"' in html, (lang, tid)


def test_handouts_stay_out_of_search_and_the_nav(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    # The list of handouts is findable; the sheets themselves repeat their theme page.
    assert [d for d in index["docs"] if d["location"].endswith("handouts/")]
    assert not [d["location"] for d in index["docs"] if re.search(r"handouts/[^#/]+/", d["location"])]
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "handouts/" not in html.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]


def test_overflow_is_named_not_dropped(dataset, monkeypatch):
    from atazan.website.kinds import handout

    monkeypatch.setattr(handout, "HANDOUT_PROVISIONS", 0)
    for tid in nonempty(dataset.themes):
        members = sorted(pid for pid, p in dataset.provisions.items() if tid in p.themes)
        h = handout.handout.__wrapped__(dataset, tid, "en")  # not the model kept for this dataset
        assert h.provisions == [] and sorted(link.id for link in h.more) == members


@pytest.mark.slow  # one PDF per handout, read back with poppler
@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_handouts(browser, site_dir, dataset, tmp_path, lang):
    """Every handout: at most two A4 pages, its own URL on paper, no navigation, the theme's
    questions; the QR code decodes to the theme page's online address (first theme's sheets,
    single and bilingual: decoding every sheet costs CI minutes and tests the same code path)."""
    first_theme = min(dataset.themes, key=lambda tid: (dataset.themes[tid].order, tid))
    tab = browser.new_page()  # one tab for every sheet: a new tab per sheet took 2.5 times as long
    for h in nonempty(_handouts(site_dir, lang)):
        html_file = page_file(site_dir, h["url"])
        pdf = print_pdf(browser, html_file, tmp_path / f"{h['url'].strip('/').replace('/', '_') or 'root'}.pdf", tab=tab)
        text = pdf_text(pdf)
        where = f"{lang} {h['url']}"
        assert pdf_pages(pdf) <= 2, f"{where}: {pdf_pages(pdf)} pages"
        canonical = page_facts(html_file).canonical
        assert canonical and squeeze(text).count(squeeze(canonical)) == pdf_pages(pdf), f"{where}: URL not on every sheet"
        leaked = [label for label in navigation_labels(html_file, text) if label in text]
        assert not leaked, f"{where}: navigation on paper: {leaked}"
        theme_prefix = "" if lang == "kk" else f"{lang}/"
        theme_html = page_file(site_dir, f"{theme_prefix}themes/{h['theme']}/")
        if h["theme"] == first_theme:
            assert _decode_qr(pdf, tmp_path) == [page_facts(theme_html).canonical], where
        for text_lang in h["languages"]:
            questions = [q[text_lang].text for q in dataset.themes[h["theme"]].questions][:5]
            for q in questions:
                assert squeeze(q)[:40] in squeeze(text), f"{where}: question missing: {q}"

    tab.close()