"""data/terms.yml, the termbase: one term per concept, official names with their capital letters
(issues 12 and 23). tests/termbase.py says what is scanned; here it runs over the project's texts
and over every built kk and ru page, and each finding names its file and line, or its page.
"""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from termbase import Rule, Text, load_rules, page_texts, reader_texts, site_texts, violations

TERMS = ROOT / "data" / "terms.yml"


def test_terms_file_names_every_language_and_a_reason():
    from atazan.dataset import schema

    entries = yaml.safe_load(TERMS.read_text(encoding="utf-8"))
    assert len(entries) >= 30
    for entry in entries:
        term = schema.PreferredTerm.model_validate(entry)  # every language preferred, every variant a reason
        for variant in term.rejected:
            re.compile(variant.pattern)


def test_the_termbase_holds_the_constitutions_official_terms():
    preferred = {lang: {e["preferred"][lang] for e in yaml.safe_load(TERMS.read_text(encoding="utf-8"))}
                 for lang in ("kk", "ru")}
    for kk, ru in [("Құрылтай", "Курултай"), ("Халық Кеңесі", "Народный Совет"),
                   ("Конституциялық Сот", "Конституционный Суд"), ("республикалық референдум", "республиканский референдум"),
                   ("бөлім", "раздел")]:
        assert kk in preferred["kk"] and ru in preferred["ru"], (kk, ru)
    assert any(t.startswith("тармақ ") for t in preferred["kk"]) and any(t.startswith("тармақша") for t in preferred["kk"])
    assert any(t.startswith("бап") for t in preferred["kk"]) and any(t.startswith("статья") for t in preferred["ru"])


def test_no_rejected_variant_in_reader_texts():
    found = violations(reader_texts(ROOT), load_rules(TERMS), ROOT)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_rejected_variant_on_the_built_pages(site_dir, lang):
    texts = [t for t in site_texts(site_dir) if (t.where.startswith("ru/") == (lang == "ru"))]
    assert len({t.where for t in texts}) > 80
    found = violations(texts, load_rules(TERMS))
    assert found == [], f"{len(found)} finding(s):\n" + "\n".join(found[:20])


# ------------------------------------------------------------------ the scanner on its own

RULES = [
    Rule("referendum", "ru", re.compile(r"общенациональн\w*\s+референдум\w*", re.I), True, "only in quotes"),
    Rule("site name", "kk", re.compile("Ata Zan"), False, "Ата Заң in kk"),
    Rule("court", "ru", re.compile(r"Конституционн\w*\s+суд\w*"), False, "capital С"),
]


@pytest.mark.parametrize("text, quotation, expected", [
    ("Проект вынесут на общенациональный референдум.", False, ["x: ru: 'общенациональный референдум' (referendum): only in quotes"]),
    ("Он сказал: «вынести на общенациональный референдум».", False, []),
    ("вынести на общенациональный референдум", True, []),  # a rendering of a quoted version text
])
def test_a_variant_allowed_in_quotes_is_allowed_only_there(text, quotation, expected):
    assert violations([Text("x", "ru", text, quotation)], RULES) == expected


def test_a_variant_not_allowed_in_quotes_fails_even_in_quotes():
    assert violations([Text("x", "kk", "«Ata Zan» сайты")], RULES) == ["x: kk: 'Ata Zan' (site name): Ата Заң in kk"]


def test_a_rule_applies_to_its_language_only():
    assert violations([Text("x", "en", "Ata Zan explains")], RULES) == []


def test_findings_name_file_and_line(tmp_path):
    (tmp_path / "data" / "glossary").mkdir(parents=True)
    (tmp_path / "overrides" / "atazan" / "pages").mkdir(parents=True)
    (tmp_path / "overrides" / "partials" / "languages").mkdir(parents=True)
    (tmp_path / "overrides" / "partials" / "atazan").mkdir(parents=True)
    (tmp_path / "data" / "glossary" / "court.yml").write_text(
        "id: court\nterm:\n  ru:\n    status: original\n    text: >-\n      Решение Конституционного\n      суда.\n",
        encoding="utf-8")
    (tmp_path / "overrides" / "atazan" / "strings.yml").write_text("a: {kk: x, ru: ok, en: x}\n", encoding="utf-8")
    (tmp_path / "overrides" / "atazan" / "strings-text.yml").write_text(
        "a: {kk: x, ru: ok, en: x}\nb:\n  kk: x\n  ru: В Конституционный суд.\n  en: x\n", encoding="utf-8")
    (tmp_path / "overrides" / "partials" / "languages" / "kk.html").write_text('  "a": "x",\n', encoding="utf-8")
    (tmp_path / "overrides" / "partials" / "atazan" / "p.html").write_text(
        '{% set say = {\n  "kk": {"a": "x"},\n  "ru": {"a": "ok", "b": "Конституционный суд"},\n} %}\n', encoding="utf-8")
    (tmp_path / "overrides" / "atazan" / "pages" / "t.md.j2").write_text(
        "{{ x }}\n\n<p>{{ y }} Конституционный суд {{ z }}</p>\n", encoding="utf-8")
    found = violations(reader_texts(tmp_path), RULES, tmp_path)
    assert found == [
        "data/glossary/court.yml:6: term.ru: ru: 'Конституционного суда' (court): capital С",
        "overrides/atazan/strings-text.yml:4: b: ru: 'Конституционный суд' (court): capital С",
        "overrides/partials/atazan/p.html:3: ru: 'Конституционный суд' (court): capital С",
        "overrides/atazan/pages/t.md.j2:3: ru: 'Конституционный суд' (court): capital С",
    ]


def test_a_built_page_is_read_per_language_and_names_the_page():
    html = ('<html lang="kk"><body><p>Ata Zan туралы</p><div lang="ru"><p>Конституционный суд и '
            '<span lang="en">Ata Zan</span></p></div><pre><code>Ata Zan</code></pre></body></html>')
    texts = page_texts(html, "handouts/x-kk-ru/index.html", "kk")
    assert sorted(t.lang for t in texts) == ["kk", "ru"]
    assert violations(texts, RULES) == [
        "handouts/x-kk-ru/index.html: «…Ata Zan туралы…»: kk: 'Ata Zan' (site name): Ата Заң in kk",
        "handouts/x-kk-ru/index.html: «…Конституционный суд и…»: ru: 'Конституционный суд' (court): capital С",
    ]


def test_machine_fields_and_source_language_text_are_not_scanned(tmp_path):
    # The importer's copy of a source and a quoted English text are the source's words, not ours.
    data = tmp_path / "data" / "news"
    data.mkdir(parents=True)
    (tmp_path / "overrides" / "atazan").mkdir(parents=True)
    (tmp_path / "overrides" / "partials" / "languages").mkdir(parents=True)
    (tmp_path / "overrides" / "atazan" / "strings.yml").write_text("k: {kk: Ata Zan}\n", encoding="utf-8")
    (tmp_path / "overrides" / "partials" / "languages" / "kk.html").write_text('  "footer": "Ata Zan",\n', encoding="utf-8")
    (data / "x.yml").write_text(
        "machine: {title: Bakyt, summary: {text: Bakyt, kind: extracted, language: en}}\n"
        "curated: {summary: {kk: {text: Ata Zan, status: translated, from: en}}}\n", encoding="utf-8")
    places = [t.where for t in reader_texts(tmp_path)]
    assert places == ["data/news/x.yml:curated.summary.kk", "overrides/atazan/strings.yml:k",
                      "overrides/partials/languages/kk.html"]
