"""The Akoma Ntoso export: deterministic, ids as on the site, no notes, hostile text inert."""

from __future__ import annotations

from lxml import etree

from atazan.dataset.validate import load_dataset
from atazan.website.exports import akn

from .conftest import FIXTURES, import_text

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def _dataset(real_data):
    return load_dataset(str(real_data), str(real_data.parent))


def test_same_text_same_bytes_and_source_dates_not_build_dates(real_data):
    assert import_text(real_data, FIXTURES / "adopted.kk.json", "adopted", "kk")[0] == 0
    dataset = _dataset(real_data)
    text = dataset.texts.get("adopted", "kk")
    first = akn.to_bytes(akn.document(dataset, text))
    assert first == akn.to_bytes(akn.document(_dataset(real_data), _dataset(real_data).texts.get("adopted", "kk")))
    root = etree.fromstring(first)
    dates = {d.get("date") for d in root.iter("{*}FRBRdate")}
    assert dates == {"2026-03-15", "2026-03-18"}  # the work's date and the publication's
    assert root.find(".//a:FRBRExpression/a:FRBRthis", NS).get("value") == "/akn/kz/act/2026-03-15/constitution/kaz@2026-03-15/!main"


def test_markup_in_a_text_stays_text(real_data, tmp_path):
    source = tmp_path / "hostile.txt"
    source.write_text("Article 1\n1. <b>bold</b> & **star** {{^sup}} ]]></p>\n", encoding="utf-8")
    flags = ["--publisher", "Test", "--title", "Test", "--date", "2026-03-20", "--url", "https://example.org/t",
             "--unofficial", "--translator", "Test"]
    code, _, err = import_text(real_data, source, "adopted", "en", *flags)
    assert code == 0, err
    dataset = _dataset(real_data)
    root = etree.fromstring(akn.to_bytes(akn.document(dataset, dataset.texts.get("adopted", "en"))))
    paragraph = root.find(".//a:paragraph[@eId='art_1__para_1']", NS)
    assert paragraph.find("a:content/a:p", NS).text == "<b>bold</b> & **star** {{^sup}} ]]></p>"
    assert paragraph.find(".//a:b", NS) is None
