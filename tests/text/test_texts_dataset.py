"""Text files in the dataset: loaded with it, checked with one line per problem, optional."""

from __future__ import annotations

import pytest

from atazan.dataset.validate import load_dataset
from atazan.errors import DataError
from atazan.website import legaltext, render

from .conftest import EN_FLAGS, FIXTURES, article_word, import_text


def _problems(data):
    with pytest.raises(DataError) as error:
        load_dataset(str(data), str(data.parent))
    return [str(p) for p in error.value.problems]


def test_no_texts_is_a_valid_dataset_and_the_index_says_so(real_data):
    dataset = load_dataset(str(real_data), str(real_data.parent))
    assert not dataset.texts and legaltext.reference_version(dataset) is None
    pages = {(p.lang, p.path): p.content for p in render.render_all(dataset)}
    assert not [path for _, path in pages if path.startswith(("articles/1", "texts/"))]
    assert "Текста Конституции на этом сайте пока нет" in pages[("ru", "articles/index.md")]
    # Issue 22: and where the official texts are (the portal's pages of both Constitutions).
    assert "https://adilet.zan.kz/rus/docs/K2600000000" in pages[("ru", "articles/index.md")]


def test_a_hand_edit_that_repeats_a_paragraph_number_is_reported_with_its_line(real_data):
    assert import_text(real_data, FIXTURES / "adopted.ru.json", "adopted", "ru")[0] == 0
    path = real_data / "texts" / "adopted" / "ru.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "статья 1, пункт 2" in line)
    lines[at - 1] = lines[at - 1].replace("number: '2'", "number: '1'")
    path.write_text("".join(lines), encoding="utf-8")
    problems = _problems(real_data)
    assert len(problems) == 1
    assert problems[0].startswith("data/texts/adopted/ru.yml:") and "paragraph 1 appears twice" in problems[0]


def test_a_text_filed_under_the_wrong_language_is_reported(real_data):
    assert import_text(real_data, FIXTURES / "adopted.ru.json", "adopted", "ru")[0] == 0
    folder = real_data / "texts" / "adopted"
    (folder / "ru.yml").rename(folder / "kk.yml")
    assert _problems(real_data) == ["data/texts/adopted/kk.yml:6: lang: 'ru' does not match the file name 'kk.yml'"]


def test_a_language_without_the_text_gets_the_official_text_marked_never_silently(real_data):
    # Only the Russian adopted text is held: the kk and en pages show it, marked lang="ru" with a notice.
    assert import_text(real_data, FIXTURES / "adopted.ru.json", "adopted", "ru")[0] == 0
    dataset = load_dataset(str(real_data), str(real_data.parent))
    pages = {(p.lang, p.path): p.content for p in render.render_all(dataset)}
    for lang, notice in (("en", "This text is not available in English"), ("kk", "Бұл мәтін бізде мына тілде жоқ")):
        page = pages[(lang, "articles/13.md")]
        assert '<div class="atazan-article" lang="ru" id="art_13"' in page
        assert article_word("ru", 13) in page and notice in page
    assert "Этого текста нет" not in pages[("ru", "articles/13.md")]


def test_an_unofficial_translation_is_shown_with_its_translator(real_data):
    assert import_text(real_data, FIXTURES / "adopted.en.txt", "adopted", "en", *EN_FLAGS)[0] == 0
    dataset = load_dataset(str(real_data), str(real_data.parent))
    page = next(p.content for p in render.render_all(dataset, languages=("en",)) if p.path == "articles/40.md")
    assert "unofficial translation by Test translator (test data)" in page


def test_an_unofficial_text_is_the_last_resort_and_labelled_as_such(real_data):
    assert import_text(real_data, FIXTURES / "adopted.en.txt", "adopted", "en", *EN_FLAGS)[0] == 0
    dataset = load_dataset(str(real_data), str(real_data.parent))
    page = next(p.content for p in render.render_all(dataset, languages=("ru",)) if p.path == "articles/40.md")
    assert '<div class="atazan-article" lang="en" id="art_40"' in page
    assert "Ниже неофициальный перевод" in page and "неофициальный перевод, переводчик: Test translator" in page


def test_complete_texts_of_one_version_missing_an_article_are_reported(real_data, tmp_path):
    shorter = tmp_path / "adopted.kk.json"
    import json

    document = json.loads((FIXTURES / "adopted.kk.json").read_text(encoding="utf-8"))
    start = next(i for i, n in enumerate(document["content"]) if n["type"] == "article" and n["index"] == "96")
    document["content"] = document["content"][:start]
    shorter.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    # Imported first, the short text has nothing to be checked against (imported after the ru text,
    # it is refused: tests/text/test_shapes.py); the complete ru text then warns, and so does validate.
    assert import_text(real_data, shorter, "adopted", "kk")[0] == 0
    code, _, err = import_text(real_data, FIXTURES / "adopted.ru.json", "adopted", "ru")
    assert code == 0 and "lacks article 96" in err
    dataset = load_dataset(str(real_data), str(real_data.parent))
    assert [str(w) for w in dataset.warnings] == [
        "data/texts/adopted/kk.yml: art_96: article 96 only in ru (data/texts/adopted/ru.yml); "
        "re-import the complete text or mark it --partial"]


def test_an_explanation_of_one_paragraph_is_shown_under_that_paragraph(real_data):
    from conftest import explain_adopted_article_94

    explain_adopted_article_94(real_data)
    provision = real_data / "provisions" / "entry-into-force.yml"
    text = provision.read_text(encoding="utf-8")
    assert text.count("    number: 94\n") == 1
    provision.write_text(text.replace("    number: 94\n", '    number: 13\n    paragraphs: ["2"]\n'), encoding="utf-8")
    assert import_text(real_data, FIXTURES / "adopted.ru.json", "adopted", "ru")[0] == 0
    dataset = load_dataset(str(real_data), str(real_data.parent))
    page = next(p.content for p in render.render_all(dataset, languages=("ru",)) if p.path == "articles/13.md")
    first, second = page.index('id="art_13__para_1"'), page.index('id="art_13__para_2"')
    # Beside paragraph 2: its unit holds the note, then the paragraph (website/attached.py, _text_macros.md.j2).
    beside = page.index('class="atazan-beside"')
    assert first < beside < second and "](../provisions/entry-into-force.md)" in page[beside:second]
    assert page.count('class="atazan-beside"') == 1 and page.count("](../provisions/entry-into-force.md)") == 1


def test_a_draft_as_reference_version_is_never_shown_as_the_adopted_text(real_data):
    # Only the first draft is held: its articles get the pages, each saying it is not the adopted text.
    flags = ["--publisher", "Test", "--title", "Test", "--date", "2026-01-31", "--url", "https://example.org/t", "--official"]
    assert import_text(real_data, FIXTURES / "first_draft.ru.txt", "first_draft", "ru", *flags)[0] == 0
    dataset = load_dataset(str(real_data), str(real_data.parent))
    assert legaltext.reference_version(dataset) == "first_draft"
    pages = {(p.lang, p.path): p.content for p in render.render_all(dataset)}
    for lang, warning in (("ru", "Показана редакция: Первый проект. Это не принятый текст."),
                          ("en", "Version shown: First draft. This is not the adopted text."),
                          ("kk", "Көрсетілген нұсқа: Бірінші жоба. Бұл қабылданған мәтін емес.")):
        assert warning in pages[(lang, "articles/6.md")] and warning in pages[(lang, "texts/first_draft.md")]


def test_a_word_diff_keeps_a_points_parts_apart(real_data, tmp_path):
    # website/comparison.py: the parts of a point are paragraphs of the diff, never words run together.
    from atazan.website import comparison, textdiff

    shapes = FIXTURES / "shapes"
    flags = ["--publisher", "Test", "--title", "Test", "--date", "2026-03-20", "--url", "https://example.org/t", "--official"]
    assert import_text(real_data, shapes / "copied.ru.txt", "adopted", "ru", *flags)[0] == 0
    draft = tmp_path / "draft.txt"
    draft.write_text((shapes / "copied.ru.txt").read_text(encoding="utf-8").replace("Третья часть", "Иная третья часть"),
                     encoding="utf-8")
    assert import_text(real_data, draft, "first_draft", "ru", *flags)[0] == 0
    dataset = load_dataset(str(real_data), str(real_data.parent))
    new = comparison.paragraphs(dataset, "adopted", "1", "ru")
    assert new == ("Тестовое государство статьи 1 существует только в тестах.",
                   "Первая часть второго пункта тестовой статьи 1.", "Вторая часть того же пункта, без своего номера.",
                   "Третья часть того же пункта, тоже без номера.")
    html = textdiff.to_html(textdiff.word_diff(comparison.paragraphs(dataset, "first_draft", "1", "ru"), new), "-", "+")
    assert html.count("<p>") == 4
