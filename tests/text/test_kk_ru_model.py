"""The kk/ru comparison as data (dataset/textcompare.py) and which versions get the reader page
(website/kinds/kk_ru.py), without building a site. Texts: TEST DATA, invented wording."""

from __future__ import annotations

import yaml

from .conftest import FIXTURES, import_text


def _text(lang: str, articles: list[dict], **extra):
    from atazan.dataset.texts import TextFile

    source = {"publisher": "Test", "title": "Test", "date": "2026-03-20", "url": "https://example.org/t", "official": True}
    return TextFile.model_validate({"version": "adopted", "lang": lang, "source": source, "articles": articles, **extra})


def test_each_difference_says_where_it_stands_and_what_each_text_holds():
    from atazan.dataset.textcompare import Place, comparison

    kk = _text("kk", [
        {"number": "1", "section": "I", "paragraphs": [
            {"number": "1", "text": "Сынақ: 2026 жылғы 15 наурыз, 5-бап, 7 адам."},
            {"number": "2", "text": "Сынақ.", "parts": ["Екінші бөлік."]},
            {"number": "3", "subparagraphs": [{"number": "1", "text": "бірінші 3 күн;"}], "wrap_up": "Қорытынды."}]},
        {"number": "2", "text": "Сынақ."}])
    ru = _text("ru", [
        {"number": "1", "section": "II", "paragraphs": [
            {"number": "1", "text": "Тест: 16 марта 2026 года, статья 6; 7 человек, 7 раз."},
            {"number": "2", "text": "Тест."},
            {"number": "3", "subparagraphs": [{"number": "1", "text": "первый 4 дня;"}, {"number": "2", "text": "второй;"}]}]},
        {"number": "3", "text": "Тест."}])
    found = comparison(kk, ru)
    shown = {(d.eid, d.kind): (d.place, d.first, d.second) for d in found.differences}
    assert shown == {
        ("art_1", "section"): (Place("1"), ("I",), ("II",)),
        ("art_1__para_1", "date"): (Place("1", "1"), ("2026-03-15",), ("2026-03-16",)),
        ("art_1__para_1", "reference"): (Place("1", "1"), ("5",), ("6",)),
        ("art_1__para_1", "number"): (Place("1", "1"), (), ("7",)),
        ("art_1__para_2", "part"): (Place("1", "2"), ("1",), ("0",)),
        ("art_1__para_3", "subpoint"): (Place("1", "3"), ("1",), ("1", "2")),
        ("art_1__para_3", "closing"): (Place("1", "3"), ("Қорытынды.",), ()),
        ("art_1__para_3__subpara_1", "number"): (Place("1", "3", "1"), ("3",), ("4",)),
        ("art_2", "article"): (Place("2"), ("2",), ()),
        ("art_3", "article"): (Place("3"), (), ("3",)),
    }
    # What validate prints stays one line each, as before.
    assert "art_1__para_1: number 7 only in ru" in [str(d) for d in found.differences]
    # Counted in the kk text, over what both texts hold: article 1, its three points, one subpoint.
    compared = found.compared
    assert (compared.articles, compared.points, compared.subpoints) == (1, 3, 1)
    assert (compared.dates, compared.references, compared.numbers) == (1, 1, 2)


def _import_pair(data, *kk_flags: str) -> None:
    assert import_text(data, FIXTURES / "adopted.kk.json", "adopted", "kk", *kk_flags)[0] == 0
    assert import_text(data, FIXTURES / "adopted.ru.json", "adopted", "ru")[0] == 0
    code, _, err = import_text(data, FIXTURES / "first_draft.ru.txt", "first_draft", "ru", "--publisher", "Test",
                               "--title", "Test", "--date", "2026-01-31", "--url", "https://example.org/t", "--official")
    assert code == 0, err


def _pages(data) -> list[str]:
    from atazan.dataset.validate import load_dataset
    from atazan.website.kinds import kk_ru

    dataset = load_dataset(str(data), str(data.parent))
    return [page.path for page in kk_ru.kk_ru_pages(dataset, "en")]


def test_a_page_only_where_both_official_texts_are_held(real_data):
    _import_pair(real_data)
    assert _pages(real_data) == ["kk-ru/adopted.md"]  # not the first draft: Russian only


def test_no_page_where_the_kazakh_text_is_an_unofficial_translation(real_data):
    _import_pair(real_data, "--publisher", "Test", "--title", "Test", "--date", "2026-03-20", "--url",
                 "https://example.org/t", "--unofficial", "--translator", "Test translator")
    assert _pages(real_data) == []


def test_a_partial_text_lists_no_article_as_missing(real_data):
    from atazan.dataset.validate import load_dataset
    from atazan.website.kinds import kk_ru

    _import_pair(real_data)
    path = real_data / "texts" / "adopted" / "ru.yml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["articles"] = record["articles"][:10]  # a part of the version, as a source quotes it
    record["source"]["complete"] = False
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    dataset = load_dataset(str(real_data), str(real_data.parent))
    assert any(d.kind == "article" for d in kk_ru.comparison_of(dataset, "adopted").differences)  # there, by design
    page = kk_ru.kk_ru_page(dataset, "adopted", "ru")
    assert page.partial and page.places == () and page.compared.articles == 10
    assert kk_ru.open_data(dataset, "ru")[0]["differences"] == []
