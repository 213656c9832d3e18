"""data/terms.yml: one term per concept (issue 12, content audit section 5).

A rejected variant in any reader-facing text fails: the kk/ru/en texts of data/, the hand-written
docs/kk and docs/ru pages, overrides/atazan/strings.yml and the Kazakh interface strings. A variant
marked `in_quotes: true` may stand only inside quotation marks, where a source itself says it.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("kk", "ru", "en")
# «…», “…”, „…“ and "…": the spans where a source's own word may stand.
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“]*“|\"[^\"]*\"")
_CODE = re.compile(r"`[^`]*`")
_KK_HTML_STRING = re.compile(r'^\s*"[a-z.]+":\s*"(?P<text>[^"]*)"', re.M)


@dataclass(frozen=True)
class Text:
    where: str  # file, and the YAML path or key inside it
    lang: str
    text: str
    quotation: bool = False  # the record marks the whole text as a quotation (text_kind: quote)


@dataclass(frozen=True)
class Rule:
    concept: str
    lang: str
    pattern: re.Pattern
    in_quotes: bool
    why: str


def load_rules(path: Path) -> list[Rule]:
    rules = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        for variant in entry["rejected"]:
            flags = 0 if variant.get("case") == "sensitive" else re.IGNORECASE
            rules.append(Rule(entry["concept"], variant["lang"], re.compile(variant["pattern"], flags),
                              bool(variant.get("in_quotes")), variant["why"]))
    return rules


def _join(where: str, key) -> str:
    return f"{where}{key}" if where.endswith(":") else f"{where}.{key}"


def _walk(node, where: str, quotation: bool = False):
    if isinstance(node, dict):
        # A version whose text is a quotation: our renderings of it are quotations too.
        quoted_here = quotation or node.get("text_kind") == "quote"
        for key, value in node.items():
            if key in LANGS and isinstance(value, dict) and isinstance(value.get("text"), str):
                yield Text(_join(where, key), key, value["text"], quoted_here and where.endswith("translations"))
            else:
                yield from _walk(value, _join(where, key), quoted_here)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, f"{where}[{index}]", quotation)


def _tracked(root: Path, pattern: str) -> list[Path]:
    # Generated pages (provisions/, themes/, timeline.md ...) are git-ignored: only hand-written pages count.
    try:
        out = subprocess.run(["git", "ls-files", pattern], cwd=root, capture_output=True, text=True, check=True).stdout
        return [root / line for line in out.splitlines() if line]
    except (OSError, subprocess.CalledProcessError):
        return sorted(root.glob(pattern))


def reader_texts(root: Path):
    for path in sorted((root / "data").rglob("*.yml")):
        if path.name == "terms.yml":
            continue
        yield from _walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.relative_to(root).as_posix() + ":")
    strings = root / "overrides" / "atazan" / "strings.yml"
    for key, values in (yaml.safe_load(strings.read_text(encoding="utf-8")) or {}).items():
        for lang, text in values.items():
            yield Text(f"overrides/atazan/strings.yml:{key}", lang, str(text))
    kk_html = root / "overrides" / "partials" / "languages" / "kk.html"
    for match in _KK_HTML_STRING.finditer(kk_html.read_text(encoding="utf-8")):
        yield Text("overrides/partials/languages/kk.html", "kk", match.group("text"))
    for lang in ("kk", "ru"):
        for page in _tracked(root, f"docs/{lang}/*.md"):
            yield Text(page.relative_to(root).as_posix(), lang, _CODE.sub("", page.read_text(encoding="utf-8")))


def violations(texts, rules: list[Rule]) -> list[str]:
    found = []
    for item in texts:
        quoted = [m.span() for m in _QUOTED.finditer(item.text)]
        for rule in (r for r in rules if r.lang == item.lang):
            for match in rule.pattern.finditer(item.text):
                inside = item.quotation or any(a <= match.start() and match.end() <= b for a, b in quoted)
                if rule.in_quotes and inside:
                    continue
                found.append(f"{item.where}: {item.lang}: '{match.group(0)}' ({rule.concept}): {rule.why}")
    return found


def test_terms_file_names_every_language_and_a_reason():
    from atazan.dataset import schema

    entries = yaml.safe_load((ROOT / "data" / "terms.yml").read_text(encoding="utf-8"))
    assert len(entries) >= 10
    for entry in entries:
        term = schema.PreferredTerm.model_validate(entry)  # every language preferred, every variant a reason
        for variant in term.rejected:
            re.compile(variant.pattern)


def test_no_rejected_variant_in_reader_texts():
    found = violations(reader_texts(ROOT), load_rules(ROOT / "data" / "terms.yml"))
    assert found == [], "\n".join(found)


RULES = [
    Rule("referendum", "ru", re.compile(r"общенациональн\w*\s+референдум\w*", re.I), True, "only in quotes"),
    Rule("site name", "kk", re.compile("Ata Zan"), False, "Ата Заң in kk"),
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
