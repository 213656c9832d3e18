"""Hostile imported texts for tests/security/test_heldback_2026_12.py: the shape fixtures' model
(tests/text/fixtures/shapes/make_shapes.py, TEST DATA, invented wording) with markup, template,
Markdown and feed syntax written into every kind of string a text carries (title, preamble,
section headings, article text and further paragraphs, points, subpoints, closing words, notes),
rendered into every shape an operator saves (zan.gov.kz JSON as nodes, as HTML, the Әділет 2.0
API JSON, a saved page, a complete page, copied text, a newspaper's text, DOCX).

Only every third string carries the payload, inserted before its last word: a text must still
read as Kazakh or Russian (import-text checks the language) and keep its closing punctuation
(which tells a point's end from a broken line). `expected(lang)` of the poisoned model is what
import-text must write, character for character.
"""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path

SHAPES = Path(__file__).resolve().parents[1] / "text" / "fixtures" / "shapes"
# Live HTML, Jinja, feed and script ends, a Markdown link and an attr_list: one short run of
# characters, few Latin letters (the text must still read as its language).
PAYLOAD = " <svg/onload=self.atazanRan=21>{{7*7}}{%raw%}</script>]]>[т](javascript:self.atazanRan=22){: onclick=т }&amp;"
MARK = "atazanRan"
GIVEN = ["--publisher", "Тест баспасы" + PAYLOAD, "--title", "Тест атауы" + PAYLOAD, "--date", "2026-03-20",
         "--url", "https://example.org/test-constitution", "--official"]

# (file made by the shape script, or "docx"; language; options; make_shapes.expected(...) arguments)
CASES: dict[str, tuple[str, str, list[str], dict]] = {
    "zan-nodes-ru": ("zan-nodes.ru.json", "ru", [], {}),
    "zan-nodes-kk": ("zan-nodes.kk.json", "kk", [], {}),
    "zan-html-ru": ("zan-html.ru.json", "ru", [], {}),
    "adilet-api-ru": ("adilet-api.ru.json", "ru", [], {}),
    "adilet-api-kk": ("adilet-api.kk.json", "kk", [], {}),
    "adilet-page-ru": ("adilet-page.ru.html", "ru", ["--date", "2026-03-18"], {"service": True}),
    "adilet-complete-kk": ("adilet-complete.kk.html", "kk", ["--date", "2026-03-18"], {}),
    "copied-ru": ("copied.ru.txt", "ru", GIVEN, {"service": True}),
    "copied-kk": ("copied.kk.txt", "kk", GIVEN, {"service": True}),
    "newspaper-ru": ("newspaper.ru.txt", "ru", GIVEN, {"notes": False, "title_caps": True}),
    "docx-ru": ("docx", "ru", GIVEN, {}),
    "docx-kk": ("docx", "kk", GIVEN, {}),
}


def shapes_module(phase: int = 0):
    """A fresh copy of make_shapes whose MODEL is poisoned (`phase` shifts which strings carry it,
    so that two versions differ where the payload sits and the word diff handles it too)."""
    spec = importlib.util.spec_from_file_location(f"make_shapes_hostile_{phase}", SHAPES / "make_shapes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.MODEL = copy.deepcopy(module.MODEL)
    count = [phase]

    def put(text: str) -> str:
        count[0] += 1
        if count[0] % 3:
            return text
        head, _, last = text.rpartition(" ")
        return f"{head}{PAYLOAD} {last}" if head else text + PAYLOAD

    for model in module.MODEL.values():
        model["title"] = put(model["title"])
        model["preamble"] = [put(p) for p in model["preamble"]]
        model["sections"] = [(number, put(name)) for number, name in model["sections"]]
        for article in model["articles"]:
            if "text" in article:
                article["text"] = put(article["text"])
            if "parts" in article:
                article["parts"] = [put(p) for p in article["parts"]]
            for point in article.get("paragraphs", []):
                point["text"] = put(point["text"])
                if "parts" in point:
                    point["parts"] = [put(p) for p in point["parts"]]
                if "wrap_up" in point:
                    point["wrap_up"] = put(point["wrap_up"])
                for sub in point.get("subparagraphs", []):
                    sub["text"] = put(sub["text"])
            for note in article.get("notes", []):
                note["text"] = put(note["text"])
    return module


def write_shape(module, case: str, folder: Path) -> Path:
    """The case's file, made from the poisoned model, in `folder`."""
    name, lang, _, _ = CASES[case]
    if name == "docx":
        path = folder / f"{case}.docx"
        module.make_docx(lang, str(path))
    else:
        path = folder / f"{case}-{name}"
        path.write_text(module.FILES[name](), encoding="utf-8")
    return path
