"""The article index of a site without the text lists the provisions we explain by article; an
entry the curator filed with a doubt (versions[].note: "the source does not say which text it
numbers") carries that note, so the index never states more than the record does."""

from __future__ import annotations

import lxml.html
import pytest

from conftest import LANGUAGES, nonempty

PREFIX = {"kk": "", "ru": "ru/", "en": "en/"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_entry_filed_with_a_doubt_says_it_in_the_index(site_dir, dataset, lang):
    page = lxml.html.parse(str(site_dir / PREFIX[lang] / "articles" / "index.html")).getroot()
    items = {}
    for li in page.xpath('//article//ul/li[a[contains(@href, "provisions/")]]'):
        pid = li.xpath('a[contains(@href, "provisions/")]/@href')[0].rstrip("/").split("/")[-1]
        items.setdefault(pid, []).append(" ".join(li.text_content().split()))
    doubted = [(pid, " ".join(entry.note[lang].text.split())) for pid, record in sorted(dataset.provisions.items())
               for entry in record.versions if entry.note and entry.number is not None]
    for pid, note in nonempty(doubted, "entries with a curator's note"):
        assert any(note in item for item in items.get(pid, [])), (pid, note)
