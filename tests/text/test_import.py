"""`atazan import-text`: both shapes, the canonical file, idempotence, and bad input."""

from __future__ import annotations

import difflib
import json
import shutil

import pytest
import yaml

from .conftest import EN_FLAGS, FIXTURES, ARTICLES, article_word, import_text, tree_hashes


def _load(data, version, lang):
    return yaml.safe_load((data / "texts" / version / f"{lang}.yml").read_text(encoding="utf-8"))


def _article(record, number):
    return next(a for a in record["articles"] if a["number"] == number)


def test_document_json_gives_the_structure_not_the_notes(real_data):
    code, out, err = import_text(real_data, FIXTURES / "adopted.ru.json", "adopted", "ru")
    assert code == 0, err
    record = _load(real_data, "adopted", "ru")
    assert [a["number"] for a in record["articles"]] == [str(n) for n in range(1, ARTICLES + 1)]
    assert record["preamble"][0].startswith("Мы, тестовый народ")
    assert len(record["sections"]) == 11 and record["sections"][0] == {"number": "I", "heading": "Тестовый раздел 1"}
    two = _article(record, "2")
    # The court note between point 1 and its text is a note, and the point's text loses its repeated "1. ".
    assert two["paragraphs"][0]["text"].startswith("Тестовый текст: статья 2, пункт 1")
    assert [n["kind"] for n in two["notes"]] == ["court", "footnote"]
    assert all("Примечание" not in p["text"] and "Сноска" not in p["text"] for p in two["paragraphs"])
    three = _article(record, "3")  # a note before the article's heading, and a point 3-1
    assert [p["number"] for p in three["paragraphs"]] == ["1", "2", "3", "3-1"]
    assert "heading" not in three  # "Статья 3" is the label, not a title
    five = _article(record, "5")
    assert [s["number"] for s in five["paragraphs"][1]["subparagraphs"]] == ["1", "2", "3"]
    assert _article(record, "7")["text"].startswith("Тестовый текст статьи 7 без")
    assert record["source"]["official"] is True and record["source"]["registry"] == "TEST000000_"
    assert "written (96 articles" in out


def test_plain_text_kk_and_en(real_data):
    code, _, err = import_text(real_data, FIXTURES / "adopted.en.txt", "adopted", "en", *EN_FLAGS)
    assert code == 0, err
    record = _load(real_data, "adopted", "en")
    assert len(record["articles"]) == ARTICLES
    assert record["title"] == "TEST CONSTITUTION (INVENTED TEXT)"
    assert record["source"]["translator"] == "Test translator (test data)" and record["source"]["official"] is False
    assert article_word("en", 40) in _article(record, "40")["paragraphs"][0]["text"]
    code, _, err = import_text(real_data, FIXTURES / "first_draft.kk.txt", "first_draft", "kk", "--publisher", "Test",
                               "--title", "Test", "--date", "2026-01-31", "--url", "https://example.org/t", "--official")
    assert code == 0, err
    draft = _load(real_data, "first_draft", "kk")
    assert len(draft["articles"]) == ARTICLES - 1  # the first draft's numbers shift after Article 5
    assert article_word("kk", 7) in _article(draft, "6")["text"]


def test_second_import_changes_nothing(real_data):
    source = FIXTURES / "adopted.kk.json"
    assert import_text(real_data, source, "adopted", "kk")[0] == 0
    before = tree_hashes(real_data)
    code, out, _ = import_text(real_data, source, "adopted", "kk")
    assert code == 0 and "unchanged" in out
    assert tree_hashes(real_data) == before


def test_editing_one_paragraph_changes_that_paragraph_only(real_data, tmp_path):
    source = tmp_path / "adopted.ru.json"
    shutil.copy(FIXTURES / "adopted.ru.json", source)
    assert import_text(real_data, source, "adopted", "ru")[0] == 0
    target = real_data / "texts" / "adopted" / "ru.yml"
    before = target.read_text(encoding="utf-8").splitlines()
    document = json.loads(source.read_text(encoding="utf-8"))
    node = next(n for n in document["content"] if n.get("text", "").startswith("2. Тестовый текст: статья 13, пункт 2"))
    node["text"] = node["text"].replace("вымышленная", "исправленная")
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, out, err = import_text(real_data, source, "adopted", "ru")
    assert code == 0, err
    assert "1 part(s) changed, 0 added, 0 removed" in out
    after = target.read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0) if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert len(changed) == 2 and "исправленная" in changed[1] and "статья 13, пункт 2" in changed[1]


def _truncated(tmp_path):
    path = tmp_path / "truncated.json"
    path.write_bytes((FIXTURES / "adopted.kk.json").read_bytes()[:5000])
    return path


def _other_language(tmp_path):
    return FIXTURES / "adopted.ru.json"  # imported below as --lang kk


def _duplicate_json(tmp_path):
    document = json.loads((FIXTURES / "adopted.kk.json").read_text(encoding="utf-8"))
    article = next(n for n in document["content"] if n["type"] == "article" and n["index"] == "9")
    article["index"] = "8"
    path = tmp_path / "duplicate.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _duplicate_text(tmp_path):
    path = tmp_path / "duplicate.txt"
    path.write_text("1-бап\n1. Сынақ мәтіні (тест).\n1-бап\n1. Тағы да сынақ (тест).\n", encoding="utf-8")
    return path


def _empty(tmp_path):
    path = tmp_path / "empty.json"
    path.write_bytes(b"  \n")
    return path


def _no_articles(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("Страница не найдена\nПопробуйте позже\n", encoding="utf-8")
    return path


def _error_page(tmp_path):
    path = tmp_path / "page.txt"  # an HTML page, whatever its name says
    path.write_text("<html><body>Страница не найдена</body></html>\n", encoding="utf-8")
    return path


def _not_json(tmp_path):
    path = tmp_path / "error.json"
    path.write_text('{"error": "too many requests"', encoding="utf-8")
    return path


BAD = {
    _truncated: "not valid JSON",
    _not_json: "not valid JSON",
    _other_language: "the document is in 'rus'",
    _duplicate_json: "article 8 appears twice",
    _duplicate_text: "article 1 appears twice",
    _empty: "the file is empty",
    _no_articles: "no articles found",
    _error_page: "a portal page saved from the browser, but without the act's <article>",
}


@pytest.mark.parametrize("make", list(BAD), ids=[f.__name__.strip("_") for f in BAD])
def test_bad_input_one_line_and_no_change(real_data, tmp_path, make):
    assert import_text(real_data, FIXTURES / "adopted.kk.json", "adopted", "kk")[0] == 0  # a text already held
    before = tree_hashes(real_data)
    source = make(tmp_path)
    code, out, err = import_text(real_data, source, "adopted", "kk")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(source) in lines[0] and BAD[make] in lines[0], err
    assert out == ""
    assert tree_hashes(real_data) == before


def test_unofficial_text_needs_its_translator(real_data):
    flags = [f for f in EN_FLAGS if f not in ("--translator", "Test translator (test data)")]
    code, _, err = import_text(real_data, FIXTURES / "adopted.en.txt", "adopted", "en", *flags)
    assert code == 1 and "--translator" in err
    assert not (real_data / "texts").exists()


def test_a_paged_document_is_read_from_the_list_of_its_pages(real_data, tmp_path):
    document = json.loads((FIXTURES / "adopted.kk.json").read_text(encoding="utf-8"))
    half = len(document["content"]) // 2
    pages = [dict(document, content=document["content"][:half], pagesCount=2),
             dict(document, content=document["content"][half:], pagesCount=2)]
    whole = tmp_path / "pages.json"
    whole.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    assert import_text(real_data, FIXTURES / "adopted.kk.json", "adopted", "kk")[0] == 0
    before = tree_hashes(real_data)
    code, out, _ = import_text(real_data, whole, "adopted", "kk")
    assert code == 0 and "unchanged" in out and tree_hashes(real_data) == before
    first = tmp_path / "page1.json"
    first.write_text(json.dumps(pages[0], ensure_ascii=False), encoding="utf-8")
    code, _, err = import_text(real_data, first, "adopted", "kk")
    assert code == 1 and "the document has 2 page(s) and 1 were given" in err


def test_a_proposal_is_not_a_text(real_data):
    code, _, err = import_text(real_data, FIXTURES / "adopted.kk.json", "proposal", "kk")
    assert code == 1 and "a proposal is not a text of the Constitution" in err
    assert not (real_data / "texts").exists()


def test_the_committed_fixtures_are_what_the_script_makes():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    assert json.loads((FIXTURES / "adopted.ru.json").read_text(encoding="utf-8")) == make.document_json("ru")
    assert (FIXTURES / "adopted.en.txt").read_text(encoding="utf-8") == make.plain_text("en")
    assert (FIXTURES / "first_draft.kk.txt").read_text(encoding="utf-8") == make.plain_text("kk", draft=True)
