"""Every shape of the official text an operator really holds imports to the same, right structure,
or is refused with one line (tests/text/fixtures/shapes: TEST DATA, invented wording).

The expected record is the fixture script's model (`make_shapes.expected`), written from the
recipe, never from the importer's output. With the traps of issue 20: Kazakh sections numbered
with the Cyrillic І, notes between points, a service note on top, points with unnumbered parts,
subpoints whose feed text lacks its "1)", a document in two pages, a 2.0 shell, a cp1251 save.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from .conftest import SHAPE_FLAGS, SHAPES, import_text, shapes, tree_hashes

make = shapes
GIVEN = SHAPE_FLAGS
ADILET = {"kk": "«Әділет» ақпараттық-құқықтық жүйесі", "ru": "Информационно-правовая система «Әділет»"}


def _docx(tmp_path, lang):
    path = tmp_path / f"download.{lang}.docx"
    make.make_docx(lang, str(path))
    return path


# (file or maker, lang, options, expected(...) arguments, what the source must say, the shape's name in the report)
CASES = {
    "zan-nodes-ru": ("zan-nodes.ru.json", "ru", [], {}, {"publisher": "zan.gov.kz", "registry": make.REGISTRY,
                                                        "date": dt.date(2026, 3, 18), "status": "new", "official": True},
                     "zan.gov.kz JSON (node list)"),
    "zan-nodes-kk": ("zan-nodes.kk.json", "kk", [], {}, {"publisher": "zan.gov.kz", "registry": make.REGISTRY,
                                                        "title": make.MODEL["kk"]["title"]}, "zan.gov.kz JSON (node list)"),
    "zan-pages-list-kk": ("zan-pages.kk.json", "kk", [], {}, {"registry": make.REGISTRY}, "zan.gov.kz JSON (node list), 2 pages"),
    "zan-html-ru": ("zan-html.ru.json", "ru", [], {}, {"publisher": "zan.gov.kz", "date": dt.date(2026, 3, 18)},
                    "zan.gov.kz JSON with withHtml=true"),
    # revision_date 2026-03-17T18:00:00Z is local midnight of the 18th.
    "adilet-api-ru": ("adilet-api.ru.json", "ru", [], {}, {"publisher": ADILET["ru"], "date": dt.date(2026, 3, 18),
                                                          "status": "new", "registry": make.REGISTRY,
                                                          "title": make.MODEL["ru"]["title"]}, "Әділет 2.0 API JSON"),
    "adilet-api-kk": ("adilet-api.kk.json", "kk", [], {}, {"publisher": ADILET["kk"], "title": make.MODEL["kk"]["title"]},
                      "Әділет 2.0 API JSON"),
    "adilet-page-ru": ("adilet-page.ru.html", "ru", ["--date", "2026-03-18"], {"service": True},
                       {"publisher": ADILET["ru"], "url": f"https://adilet.zan.kz/rus/docs/{make.REGISTRY}",
                        "registry": make.REGISTRY}, "a portal page saved from the browser"),
    "adilet-complete-kk": ("adilet-complete.kk.html", "kk", ["--date", "2026-03-18"], {},
                           {"publisher": ADILET["kk"], "registry": make.REGISTRY}, "a portal page saved from the browser"),
    "copied-ru": ("copied.ru.txt", "ru", GIVEN, {"service": True}, {"publisher": "Test publisher (test data)"}, "plain text"),
    "copied-kk": ("copied.kk.txt", "kk", GIVEN, {"service": True}, {"title": "Test title"}, "plain text"),
    "cp1251-ru": ("copied-cp1251.ru.txt", "ru", GIVEN, {"service": True}, {},
                  "plain text, read as cp1251 (Windows Cyrillic)"),
    "newspaper-kk": ("newspaper.kk.txt", "kk", GIVEN, {"notes": False, "title_caps": True}, {}, "plain text"),
    "newspaper-ru": ("newspaper.ru.txt", "ru", GIVEN, {"notes": False, "title_caps": True}, {}, "plain text"),
    "docx-ru": (_docx, "ru", GIVEN, {}, {}, "a DOCX document"),
    "docx-kk": (_docx, "kk", GIVEN, {}, {}, "a DOCX document"),
}


def _source_file(tmp_path, spec, lang) -> Path:
    return spec(tmp_path, lang) if callable(spec) else SHAPES / spec


def _held(data: Path, lang: str, version: str = "adopted") -> dict:
    return yaml.safe_load((data / "texts" / version / f"{lang}.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", list(CASES))
def test_each_shape_imports_to_the_models_structure(real_data, tmp_path, case):
    spec, lang, options, shape_of, source, shape = CASES[case]
    path = _source_file(tmp_path, spec, lang)
    code, out, err = import_text(real_data, path, "adopted", lang, *options)
    assert code == 0, err
    record = _held(real_data, lang)
    want = make.expected(lang, **shape_of)
    service = want.pop("service", None)
    got = {key: record[key] for key in ("title", "preamble", "sections", "articles") if key in record}
    assert got == want
    assert record["source"].get("service") == service
    for key, value in source.items():
        assert record["source"][key] == value, key
    lines = out.strip().splitlines()
    assert lines[0].startswith("word account: ") and "each placed once" in lines[0]
    assert f"from {shape}" in lines[1]


def test_the_pages_of_one_document_given_as_files_on_one_command_line(real_data):
    from conftest import atazan_here

    code, out, err = atazan_here("import-text", str(SHAPES / "zan-page-1.ru.json"), str(SHAPES / "zan-page-2.ru.json"),
                                 "--version", "adopted", "--lang", "ru", "--data", str(real_data))
    assert code == 0, err
    assert "from zan.gov.kz JSON (node list), 2 pages" in out
    assert {k: v for k, v in _held(real_data, "ru").items() if k in ("title", "preamble", "sections", "articles")} == make.expected("ru")


def _pages(tmp_path, pages, name="pages.json"):
    path = tmp_path / name
    path.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    return path


def _three_pages():
    """The ru document cut in three pages (inside article 2 and inside article 5)."""
    nodes = make.zan_nodes("ru")
    cuts = [next(i for i, n in enumerate(nodes) if n["type"] == "point" and n["index"] == "3"),
            next(i for i, n in enumerate(nodes) if n["type"] == "article" and n["index"] == "6")]
    parts = [nodes[:cuts[0]], nodes[cuts[0]:cuts[1]], nodes[cuts[1]:]]
    return [make.zan_document("ru", part, 3) for part in parts]


def _count_as_string(pages):
    for page in pages:
        page["pagesCount"] = "3"
    return pages


PAGED_BAD = {
    # F5: a pagesCount of the wrong type used to skip the check and drop the missing page silently.
    "count-a-string": (lambda p: _count_as_string([p[0], p[2]]), "pagesCount: expected a whole number of pages, got '3'"),
    "a-page-missing": (lambda p: [p[0], p[2]], "the document has 3 page(s) and 2 were given"),
    "out-of-order": (lambda p: [p[0], p[2], p[1]], "follows text that has no point number; are all the pages there"),
    "a-page-twice": (lambda p: [p[0], p[1], p[1]], "appears twice"),
    "gap-without-count": (lambda p: [dict(p[0], pagesCount=2), dict(p[2], pagesCount=2)], "article 6 follows article 2"),
    "another-document": (lambda p: [p[0], dict(p[1], id="123"), p[2]], "id '123' differs from the first page's '990001'"),
}


@pytest.mark.parametrize("case", list(PAGED_BAD))
def test_pages_out_of_order_missing_or_miscounted_are_refused(real_data, tmp_path, case):
    change, message = PAGED_BAD[case]
    path = _pages(tmp_path, change(_three_pages()))
    code, out, err = import_text(real_data, path, "adopted", "ru")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert not (real_data / "texts").exists()


def test_three_pages_in_order_import(real_data, tmp_path):
    code, _, err = import_text(real_data, _pages(tmp_path, _three_pages()), "adopted", "ru")
    assert code == 0, err
    assert {k: v for k, v in _held(real_data, "ru").items() if k in ("title", "preamble", "sections", "articles")} == make.expected("ru")


REFUSED = {
    # (file, lang, what the one line must say: the shape recognised and what to do)
    "shell": ("adilet-shell.html", "ru", ["an Әділет 2.0 page shell", "holds no text of the act", "Webpage, Complete"]),
    "pdf": ("download.ru.pdf", "ru", ["a PDF document", "font-encoding damage", "download the DOCX"]),
    "wrong-language": ("zan-nodes.kk.json", "ru", ["zan.gov.kz JSON (node list): language: the document is in 'kaz' (kk), "
                                                   "not --lang ru"]),
    "kk-as-ru-text": ("copied.kk.txt", "ru", ["plain text: the text reads as kk, not --lang ru"]),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_shapes_that_cannot_be_imported_are_refused_in_one_line(real_data, case):
    name, lang, words = REFUSED[case]
    code, out, err = import_text(real_data, SHAPES / name, "adopted", lang, *GIVEN)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(SHAPES / name) in lines[0], err
    for word in words:
        assert word in lines[0], err
    assert not (real_data / "texts").exists()


def test_a_kazakh_text_saved_in_cp1251_is_refused_not_imported_without_its_letters(real_data, tmp_path):
    path = tmp_path / "kk-ansi.txt"  # what Notepad's "ANSI" makes of Kazakh: its letters become "?"
    path.write_bytes(make.copied_text("kk").encode("cp1251", errors="replace"))
    code, _, err = import_text(real_data, path, "adopted", "kk", *GIVEN)
    assert code == 1 and "letters replaced by \"?\"" in err and "save it as UTF-8" in err, err
    path.write_bytes(make.copied_text("kk").encode("cp1251", errors="ignore"))  # or dropped altogether
    code, _, err = import_text(real_data, path, "adopted", "kk", *GIVEN)
    assert code == 1 and "none of the Kazakh letters" in err, err


def test_pdf_font_damage_in_a_kazakh_text_is_refused(real_data, tmp_path):
    path = tmp_path / "from-pdf.kk.txt"
    path.write_text(make.copied_text("kk").replace("ө", "ӛ").replace("ү", "ҥ"), encoding="utf-8")
    code, _, err = import_text(real_data, path, "adopted", "kk", *GIVEN)
    assert code == 1 and "font-encoding damage (ҥ for ү, ӛ for ө)" in err, err


def test_kk_and_ru_of_one_version_compared_and_a_changed_date_found(real_data, tmp_path):
    from atazan.dataset.validate import load_dataset

    assert import_text(real_data, SHAPES / "zan-nodes.kk.json", "adopted", "kk")[0] == 0
    code, out, err = import_text(real_data, SHAPES / "zan-nodes.ru.json", "adopted", "ru")
    assert code == 0 and "compared with" not in out, out
    assert load_dataset(str(real_data), str(real_data.parent)).texts.notes == []
    # The deliberate difference: one date changed in the Russian text only.
    changed = tmp_path / "ru.json"
    changed.write_text((SHAPES / "zan-nodes.ru.json").read_text(encoding="utf-8").replace("15 марта 2026", "16 марта 2026"),
                       encoding="utf-8")
    code, out, err = import_text(real_data, changed, "adopted", "ru")
    assert code == 0, err
    assert "compared with the kk text of adopted: 1 difference(s)" in out
    assert "  art_6__para_1: date 2026-03-15 only in kk; 2026-03-16 only in ru" in out
    notes = [str(n) for n in load_dataset(str(real_data), str(real_data.parent)).texts.notes]
    assert notes == ["data/texts/adopted/kk.yml: art_6__para_1: kk/ru: date 2026-03-15 only in kk; 2026-03-16 only in ru"]
    from conftest import atazan_here

    code, out, err = atazan_here("validate", "--data", str(real_data))
    assert code == 0 and notes[0] in out.splitlines()


def test_kk_and_ru_laid_out_differently_are_listed_with_paragraph_ids(real_data, tmp_path):
    from atazan.dataset.validate import load_dataset

    assert import_text(real_data, SHAPES / "zan-nodes.kk.json", "adopted", "kk")[0] == 0
    # The ru text where a parse went wrong: point 2 of article 1 lost a part, article 3's second
    # paragraph became its own, and the reference "статье 4" in article 6 became "статье 5".
    text = make.copied_text("ru").replace("      Третья часть того же пункта, тоже без номера.\n", "")
    text = text.replace("голосуют граждане с 18 лет, по статье 4.", "голосуют граждане с 18 лет, по статье 5.")
    path = tmp_path / "ru.txt"
    path.write_text(text, encoding="utf-8")
    assert import_text(real_data, path, "adopted", "ru", *GIVEN)[0] == 0
    notes = [str(n).removeprefix("data/texts/adopted/kk.yml: ") for n in load_dataset(str(real_data), str(real_data.parent)).texts.notes]
    assert notes == ["art_1__para_2: kk/ru: 3 paragraphs in kk, 2 in ru",
                     "art_6__para_1: kk/ru: reference to article 4 only in kk; 5 only in ru"]


def test_committed_shape_fixtures_are_what_the_script_makes():
    for name, content in make.FILES.items():
        assert (SHAPES / name).read_text(encoding="utf-8") == content(), name
    assert (SHAPES / "copied-cp1251.ru.txt").read_bytes() == make.cp1251_bytes()


def test_a_second_import_of_every_shape_changes_nothing(real_data, tmp_path):
    for case in ("zan-nodes-ru", "adilet-page-ru", "cp1251-ru", "docx-kk"):
        spec, lang, options, _, _, _ = CASES[case]
        path = _source_file(tmp_path, spec, lang)
        assert import_text(real_data, path, "adopted", lang, *options)[0] == 0
        before = tree_hashes(real_data)
        code, out, _ = import_text(real_data, path, "adopted", lang, *options)
        assert code == 0 and "unchanged" in out.splitlines()[1] and out.startswith("word account: ")
        assert tree_hashes(real_data) == before


@pytest.mark.parametrize("indent", ["", "      "])
def test_a_title_without_the_acts_name_is_still_the_title_of_copied_text(real_data, tmp_path, indent):
    # Found by the held-out set: a title that does not say "Конституция" landed in the preamble,
    # with the requisites under it, and the import said "written". The title is the line above the
    # requisites, or the one line the portal's copy does not indent.
    text = make.copied_text("ru").replace(make.MODEL["ru"]["title"], indent + "Тестовая хартия (вымышленный текст)", 1)
    path = tmp_path / "copied.txt"
    path.write_text(text, encoding="utf-8")
    code, _, err = import_text(real_data, path, "adopted", "ru", *GIVEN)
    assert code == 0, err
    record = _held(real_data, "ru")
    assert record["title"] == "Тестовая хартия (вымышленный текст)" and record["preamble"] == make.MODEL["ru"]["preamble"]
    without = tmp_path / "no-requisites.txt"  # no requisites under it, but the only line not indented
    without.write_text(text.replace("      " + make.MODEL["ru"]["requisites"] + "\n", ""), encoding="utf-8")
    code, _, err = import_text(real_data, without, "adopted", "ru", *GIVEN)
    if indent:
        # Nothing tells the title apart: refused, not guessed.
        assert code == 1 and "text copied from the portal, but its title was not recognised" in err, err
    else:
        assert code == 0, err
        assert _held(real_data, "ru")["title"] == "Тестовая хартия (вымышленный текст)"


def test_requisites_in_the_preamble_are_refused(real_data, tmp_path):
    lines = make.copied_text("ru").splitlines()
    path = tmp_path / "two-line-title.txt"
    path.write_text("\n".join(["Тестовая хартия", "(вымышленный текст)"] + lines[1:]) + "\n", encoding="utf-8")
    code, out, err = import_text(real_data, path, "adopted", "ru", *GIVEN)
    assert code == 1 and "the act's requisites ('Тестовая конституция принята" in err, err


def test_a_table_of_contents_is_a_service_text_and_ends_where_the_act_begins(real_data, tmp_path):
    # Found by the held-out set: a table of contents ran on to the first repeated label and took
    # the title and the preamble with it, and the import said "written".
    toc = ["Содержание", "Раздел I. Тестовые основы", "Статья 1", "Статья 2", "Раздел II", "Тестовые права", "Статья 3"]
    path = tmp_path / "with-contents.txt"
    path.write_text("\n".join(toc) + "\n" + make.copied_text("ru"), encoding="utf-8")
    code, out, err = import_text(real_data, path, "adopted", "ru", *GIVEN)
    assert code == 0, err
    record = _held(real_data, "ru")
    assert {k: record[k] for k in ("title", "preamble", "sections", "articles")} == make.expected("ru")
    assert [s["text"] for s in record["source"]["service"] if s["kind"] == "contents"] == toc
    assert "table of contents 15" in out.splitlines()[0]


@pytest.mark.parametrize("given,day", [("2026-03-17T18:00:00Z", "2026-03-18"), ("2026-03-17T19:00:00+00:00", "2026-03-18"),
                                       ("2026-03-18T00:00:00+06:00", "2026-03-18"), ("2026-03-18T05:00:00Z", "2026-03-18"),
                                       ("2026-03-18", "2026-03-18")])
def test_the_2_0_revision_date_is_the_local_day(given, day):
    from atazan.importers.text.adilet_api import local_date

    assert local_date(given) == day


def test_a_2_0_json_without_the_acts_article_is_refused(real_data, tmp_path):
    data = make.adilet_api("ru")
    data["document"]["text_content"] = data["document"]["text_content"].replace("<article>", "<div>").replace("</article>", "</div>")
    path = tmp_path / "api.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = import_text(real_data, path, "adopted", "ru")
    assert code == 1 and "Әділет 2.0 API JSON: document.text_content has no <article>" in err, err


# ---------------------------------------------------------------- a file cut off at an article boundary

def _cut_before(lang: str, label: str, tmp_path) -> Path:
    """The copied text up to (not including) the line `label`: a copy that stopped between articles."""
    text = make.copied_text(lang)
    path = tmp_path / f"cut.{lang}.txt"
    path.write_text(text[: text.index(f"      {label}\n")], encoding="utf-8")
    return path


def test_a_text_cut_at_an_article_boundary_is_refused_when_the_other_language_is_held(real_data, tmp_path):
    cut = _cut_before("ru", "Статья 7", tmp_path)
    # On its own the cut file is a consistent text: articles 1-6, numbered without gaps.
    assert import_text(real_data, SHAPES / "zan-nodes.kk.json", "adopted", "kk")[0] == 0
    before = tree_hashes(real_data)
    code, out, err = import_text(real_data, cut, "adopted", "ru", *GIVEN)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1, err
    assert ("6 articles read, but the kk text of adopted (data/texts/adopted/kk.yml) has 7: article 7 is not in this "
            "file. Is the file complete?") in err
    assert tree_hashes(real_data) == before
    # Marked as a part of the version, it is taken as one.
    assert import_text(real_data, cut, "adopted", "ru", *GIVEN, "--partial")[0] == 0


def test_a_complete_text_imported_after_a_cut_one_says_loudly_which_articles_the_other_lacks(real_data, tmp_path):
    from conftest import atazan_here

    assert import_text(real_data, _cut_before("ru", "Раздел III", tmp_path), "adopted", "ru", *GIVEN)[0] == 0
    code, out, err = import_text(real_data, SHAPES / "zan-nodes.kk.json", "adopted", "kk")
    assert code == 0 and "written (7 articles" in out, err
    assert err == ("atazan import-text: warning: the ru text of adopted (data/texts/adopted/ru.yml) lacks articles 6–7, "
                   "which this file has: is data/texts/adopted/ru.yml complete? Import it again (until then `atazan "
                   "validate` warns and the strict build fails)\n")
    code, out, err = atazan_here("validate", "--data", str(real_data))
    assert "article 6 only in kk" in out + err


def _with_index(tmp_path, numbers) -> Path:
    document = json.loads((SHAPES / "zan-nodes.ru.json").read_text(encoding="utf-8"))
    document["index"] = [{"title": f"Статья {n}", "level": 3, "type": "article", "index": str(n), "docIndex": 100 + n}
                         for n in numbers] + [{"title": "Раздел X", "level": 2, "type": "section", "index": "10"}]  # not an article
    path = tmp_path / "indexed.ru.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_zan_documents_own_index_is_a_count_the_content_is_checked_against(real_data, tmp_path):
    assert import_text(real_data, _with_index(tmp_path, range(1, 8)), "adopted", "ru")[0] == 0
    before = tree_hashes(real_data)
    code, out, err = import_text(real_data, _with_index(tmp_path, range(1, 10)), "adopted", "ru")
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert ("zan.gov.kz JSON (node list): the document's own index lists 9 articles, and articles 8–9 of them are "
            "not in its text: is the file complete?") in err
    assert tree_hashes(real_data) == before
