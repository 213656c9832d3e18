"""Extract the kk and ru wording changed since a commit, and count its words (decisions/language-read-2026-12-08.md).

Usage: python scripts/language_read.py BASE [--dump DIR]
Units: every strings*.yml key whose kk or ru value is new or differs from BASE; every kk/ru value in data/
(themes, provisions, glossary, factchecks, news) that is new or differs, by record and field path; every
paragraph of docs/kk/*.md and docs/ru/*.md holding a line that is not in the file at BASE.
A text repeated word for word (a source note on every version of a record) is counted once.
Words: alphabetic tokens (letters, with inner hyphens/apostrophes), after removing {placeholders},
`code` spans, fenced code, URLs, Markdown link targets, HTML tags and Jinja/markers.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

LANGS = ("kk", "ru")
STRING_FILES = ("overrides/atazan/strings.yml", "overrides/atazan/strings-text.yml")
DATA_DIRS = ("data/themes", "data/provisions", "data/glossary", "data/factchecks", "data/news")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def show(base: str, path: str) -> str | None:
    r = subprocess.run(["git", "show", f"{base}:{path}"], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None


def clean(text: str) -> str:
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\{[^{}]*\}", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"https?://\S+|\b[\w.-]+\.(?:kz|org|com|io)\S*", " ", text)
    return text


def words(text: str) -> int:
    return len(WORD.findall(clean(text)))


def lang_values(node, path=()):
    """Yield (path, lang, text) for every {kk:…, ru:…} mapping in a YAML tree."""
    if isinstance(node, dict):
        for lang in LANGS:
            value = node.get(lang)
            if isinstance(value, dict):
                value = value.get("text")
            if isinstance(value, str):
                yield path, lang, value
        for k, v in node.items():
            if k not in LANGS:
                yield from lang_values(v, path + (str(k),))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from lang_values(v, path + (str(i),))


def yaml_units(base: str, path: str):
    new = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    old_text = show(base, path)
    old = yaml.safe_load(old_text) if old_text else {}
    old_map = {(p, l): t for p, l, t in lang_values(old or {})}
    for p, lang, text in lang_values(new):
        if old_map.get((p, lang)) != text:
            yield f"{path}#{'.'.join(p)}", lang, text, (p, lang) not in old_map


def md_units(base: str, path: str):
    new = Path(path).read_text(encoding="utf-8")
    old_lines = set((show(base, path) or "").splitlines())
    for para in re.split(r"\n\s*\n", new):
        lines = para.splitlines()
        if any(l.strip() and l not in old_lines for l in lines):
            start = new.index(para)
            lineno = new[:start].count("\n") + 1
            yield f"{path}:{lineno}", path.split("/")[1], para, False


def main() -> None:
    base = sys.argv[1]
    dump = Path(sys.argv[sys.argv.index("--dump") + 1]) if "--dump" in sys.argv else None
    units = []
    for f in STRING_FILES:
        units += yaml_units(base, f)
    for d in DATA_DIRS:
        for f in sorted(Path(d).glob("*.yml")):
            units += yaml_units(base, str(f))
    for lang in LANGS:
        tracked = subprocess.run(["git", "ls-files", f"docs/{lang}/*.md"], capture_output=True, text=True)
        for f in sorted(tracked.stdout.split()):
            if "/" not in f[len(f"docs/{lang}/"):]:
                units += md_units(base, f)
    totals = {l: 0 for l in LANGS}
    with_repeats = {l: 0 for l in LANGS}
    seen: set[tuple[str, str]] = set()
    by_group: dict[tuple[str, str], int] = {}
    out = {l: [] for l in LANGS}
    for where, lang, text, is_new in units:
        with_repeats[lang] += words(text)
        if (lang, text) in seen:  # the same note on every version of a record is read (and counted) once
            continue
        seen.add((lang, text))
        n = words(text)
        totals[lang] += n
        group = where.split("#")[0].split(":")[0]
        group = group if group.startswith(("overrides", "docs")) else "/".join(group.split("/")[:2])
        by_group[(group, lang)] = by_group.get((group, lang), 0) + n
        out[lang].append(f"## {where} [{n} words{', new' if is_new else ''}]\n{text}\n")
    for (g, l), n in sorted(by_group.items()):
        print(f"{l}  {n:6d}  {g}")
    print("words, each distinct text once:", totals, "| counting repeats:", with_repeats)
    if dump:
        dump.mkdir(parents=True, exist_ok=True)
        for l in LANGS:
            (dump / f"{l}.txt").write_text("\n".join(out[l]), encoding="utf-8")


if __name__ == "__main__":
    main()
