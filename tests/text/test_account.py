"""The word account and the structural checks of `atazan import-text`.

The account is tested by mutation: each test below breaks one step of a parser the way a bug
would (a line dropped, a part placed twice, parts glued into the point's text) and sees the
import refuse, naming the piece of the source. Without the account, each of these mutated
parsers writes a wrong text and exits 0 (the last assertion of each test shows the structure the
mutation would have written passes every other check)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .conftest import SHAPE_FLAGS, SHAPES, import_text, shapes, tree_hashes

make = shapes
GIVEN = SHAPE_FLAGS
DROPPED = "Третья часть того же пункта, тоже без номера."


def _refused(real_data, source, lang, *flags) -> str:
    before = tree_hashes(real_data)
    code, out, err = import_text(real_data, source, "adopted", lang, *flags)
    assert code == 1 and out == "", (out, err)
    assert len(err.strip().splitlines()) == 1, err
    assert tree_hashes(real_data) == before
    return err


def test_a_line_the_running_parser_drops_is_named(real_data, monkeypatch):
    from atazan.importers.text import running

    parse = running.parse
    monkeypatch.setattr(running, "parse", lambda pieces, lang, builder: parse([p for p in pieces if p.text != DROPPED], lang, builder))
    err = _refused(real_data, SHAPES / "copied.ru.txt", "ru", *GIVEN)
    line = make.copied_text("ru").splitlines().index("      " + DROPPED) + 1
    assert f"plain text: line {line}: '{DROPPED}' was not placed anywhere (word account)" in err


def test_a_node_the_feed_reader_skips_is_named(real_data, monkeypatch):
    from atazan.importers.text import zan_nodes

    further = zan_nodes._further_text
    monkeypatch.setattr(zan_nodes, "_further_text",
                        lambda piece, builder, lang: None if piece.text == DROPPED else further(piece, builder, lang))
    err = _refused(real_data, SHAPES / "zan-nodes.ru.json", "ru")
    node = next(n["id"] for n in make.zan_nodes("ru") if n.get("text") == DROPPED)
    assert f"zan.gov.kz JSON (node list): node {node}: '{DROPPED}' was not placed anywhere (word account)" in err


def test_a_part_placed_twice_is_named(real_data, monkeypatch):
    from atazan.importers.text.structure import Builder

    paragraph = Builder.paragraph

    def twice(self, piece, text, where):
        paragraph(self, piece, text, where)
        if text == DROPPED:
            self.place(piece, "part", text)  # a reader that reports the same line again

    monkeypatch.setattr(Builder, "paragraph", twice)
    err = _refused(real_data, SHAPES / "copied.ru.txt", "ru", *GIVEN)
    assert "was placed twice or more (part + part) (word account)" in err


def test_parts_glued_into_the_point_text_are_caught_by_the_second_book(real_data, monkeypatch):
    # The first importer's bug: a point's unnumbered second part glued to its text with a space.
    # Here the builder still records the placement as a part, so the first book balances; the record
    # it would write does not hold that part as a part, and the second book refuses.
    from atazan.importers.text.structure import Builder

    paragraph = Builder.paragraph

    def glued(self, piece, text, where):
        block = self._block
        if block is not None and "text" in block and "subparagraphs" not in block:
            block["text"] = f"{block['text']} {text}"
            self.place(piece, "part", text)
            return
        paragraph(self, piece, text, where)

    monkeypatch.setattr(Builder, "paragraph", glued)
    err = _refused(real_data, SHAPES / "copied.ru.txt", "ru", *GIVEN)
    assert "'Вторая часть того же пункта, без своего номера.' was placed as parts but is not in the text that would " \
           "be written (word account)" in err


def test_without_the_account_the_mutated_parser_would_have_written_a_wrong_text(real_data, monkeypatch):
    # The mutation of the first test, with the account switched off: exit 0, a point with one part
    # instead of two. This is what the account is for.
    from atazan.importers.text import account, running

    parse = running.parse
    monkeypatch.setattr(running, "parse", lambda pieces, lang, builder: parse([p for p in pieces if p.text != DROPPED], lang, builder))
    monkeypatch.setattr(account, "check", lambda pieces, ledger, record: account.Account(len(pieces), {}))
    code, _, err = import_text(real_data, SHAPES / "copied.ru.txt", "adopted", "ru", *GIVEN)
    assert code == 0, err
    record = yaml.safe_load((real_data / "texts" / "adopted" / "ru.yml").read_text(encoding="utf-8"))
    assert record["articles"][0]["paragraphs"][1]["parts"] == ["Вторая часть того же пункта, без своего номера."]


def test_the_account_line_adds_up(real_data):
    code, out, err = import_text(real_data, SHAPES / "copied.ru.txt", "adopted", "ru", *GIVEN)
    assert code == 0, err
    line = out.splitlines()[0]
    words = sum(len(text.split()) for text in make.copied_text("ru").splitlines())
    paragraphs = sum(1 for text in make.copied_text("ru").splitlines() if text.strip())
    assert line.startswith(f"word account: {words} words in {paragraphs} paragraphs, each placed once: ")
    counted = sum(int(part.rsplit(" ", 1)[1].replace(",", "")) for part in line.split(": ", 2)[2].split(", "))
    assert counted == words
    assert "service note 12" in line and "requisites 11" in line and "editorial note 17" in line


# ---------------------------------------------------------------- structure

def _text(tmp_path, text: str, name: str = "t.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


STRUCTURE = {
    "article-gap": ("Статья 1\n1. Текст (тест).\nСтатья 2\n1. Текст (тест).\nСтатья 5\n1. Текст (тест).\n",
                    "article 5 follows article 2: article(s) 3, 4 missing; is the file complete and in order?"),
    "article-order": ("Статья 1\n1. Текст (тест).\nСтатья 3\n1. Текст (тест).\nСтатья 2\n1. Текст (тест).\n",
                      "article 3 follows article 1: article(s) 2 missing (and 1 more)"),
    "first-article": ("Статья 2\n1. Текст (тест).\n", "the first article is 2, not 1"),
    "point-order": ("Статья 1\n2. Текст (тест).\n1. Текст (тест).\n", "article 1: the first point is 2, not 1"),
    "point-gap": ("Статья 1\n1. Текст (тест).\n3. Текст (тест).\n", "article 1: point 3 follows point 1: point(s) 2 missing"),
    "subpoint-gap": ("Статья 1\n1. Текст (тест):\n1) один;\n3) три.\n",
                     "article 1, point 1: subpoint 3 follows subpoint 1: subpoint(s) 2 missing"),
    "section-gap": ("Раздел I\nОсновы (тест)\nСтатья 1\n1. Текст (тест).\nРаздел III\nОрганы (тест)\nСтатья 2\n1. Текст (тест).\n",
                    "section III follows I; expected II"),
    "inserted-ok-but-not-twice": ("Статья 1\n1. Т (тест).\n1-1. Т (тест).\n1-3. Т (тест).\n",
                                  "point 1-3 follows point 1-1"),
    "text-between-section-and-article": ("Раздел I\nОсновы (тест)\nЗабытая строка (тест).\nСтатья 1\n1. Текст (тест).\n",
                                         "line 3: 'Забытая строка (тест).' stands between section I's heading and its first article"),
    "homoglyph-label": ("Статья 1\nТекст первой статьи (тест).\nСтатья З\nТекст третьей статьи (тест).\n",
                        "line 3: 'Статья З' looks like an article label, but cannot be read as one: a look-alike letter in 'З' or in the word?"),
    "latin-i-in-bolim": ("І бөлім\nНегіздер (тест)\n1-бап\n1. Мәтін (тест).\nІІ бөлiм\nҚұқықтар (тест)\n2-бап\n1. Мәтін (тест).\n",
                         "line 5: 'ІІ бөлiм' looks like a section label, but cannot be read as one"),
    "chapter": ("Глава 1\nСтатья 1\n1. Текст (тест).\n", "'Глава 1' is a chapter heading"),
    # A newspaper's hard line break inside a sentence, and an article's heading printed on its own
    # line: each would otherwise become a "part" of the point or article, written without a word.
    "sentence-broken-across-lines": ("Статья 1\n1. Текст первого пункта, который\nпродолжается на следующей строке (тест).\n",
                                     "line 3: 'продолжается на следующей строке (тест).' continues 'Текст первого пункта, который' "
                                     "as a new paragraph of point 1 of article 1: a sentence broken across lines"),
    "heading-read-as-text": ("Статья 1\nЗаключительные положения\nТекст статьи без пунктов (тест).\n",
                             "as a new paragraph of article 1: a sentence broken across lines, or a heading read as text?"),
    "second-paragraph-after-subpoints": ("Статья 1\n1. Вводные слова (тест):\n1) один;\n2) два,\nзакрывающие слова.\nеще абзац.\n",
                                         "a second paragraph after the subpoints of point 1 of article 1"),
}


@pytest.mark.parametrize("case", list(STRUCTURE))
def test_a_text_whose_numbering_is_wrong_is_refused(real_data, tmp_path, case):
    text, message = STRUCTURE[case]
    err = _refused(real_data, _text(tmp_path, text), "kk" if "-бап" in text else "ru", *GIVEN)
    assert message in err, err


def test_a_partial_text_may_skip_articles_but_not_go_backwards(real_data, tmp_path):
    gap = _text(tmp_path, STRUCTURE["article-gap"][0])
    code, out, err = import_text(real_data, gap, "adopted", "ru", *GIVEN, "--partial")
    assert code == 0, err
    backwards = _text(tmp_path, STRUCTURE["article-order"][0], "b.txt")
    assert "article 2 follows article 3: out of order" in _refused(real_data, backwards, "ru", *GIVEN, "--partial")


def test_expect_articles(real_data):
    err = _refused(real_data, SHAPES / "copied.ru.txt", "ru", *GIVEN, "--expect-articles", "8")
    assert "7 articles read, --expect-articles 8" in err
    code, _, err = import_text(real_data, SHAPES / "copied.ru.txt", "adopted", "ru", *GIVEN, "--expect-articles", "7")
    assert code == 0, err


def test_validate_reports_a_hand_edit_that_breaks_the_numbering(real_data):
    from conftest import atazan_here

    assert import_text(real_data, SHAPES / "copied.ru.txt", "adopted", "ru", *GIVEN)[0] == 0
    path = real_data / "texts" / "adopted" / "ru.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line == "- number: '3'\n")
    lines[at] = "- number: '9'\n"  # article 3 renumbered by hand
    path.write_text("".join(lines), encoding="utf-8")
    code, out, err = atazan_here("validate", "--data", str(real_data))
    assert code == 1
    assert f"data/texts/adopted/ru.yml:{at + 1}: articles[2].number: article 9 follows article 2: article(s) 3, 4, 5, 6, 7, " \
           "8 missing" in err
