"""Running text as newspapers print it.

kk: `1-бап`, `I бөлім`; ru: `Статья 1`, `Раздел I`; en: `Article 1`, `Section I` or `Part I`.
Paragraphs `1.`, subparagraphs `1)`; the preamble is the text before the first section or article,
after an all-capitals title line.
"""

from __future__ import annotations

import re

from atazan.importers.text.structure import Builder, TextImportError

_NUMBER = r"([0-9]+(?:-[0-9]+)?)"
_ROMAN = r"([IVXLC]+)"
# An article label stands alone on its line, or is followed by a period and the article's title:
# "5-бап сынақ мәтіні…" or "Статья 5 настоящей Конституции…" at the start of a line is running text.
_TITLE = r"(?:\.?|\.\s+(.+))$"
ARTICLE = {
    "kk": re.compile(rf"^{_NUMBER}\s*-\s*бап{_TITLE}", re.I),
    "ru": re.compile(rf"^Статья\s+{_NUMBER}{_TITLE}", re.I),
    "en": re.compile(rf"^Article\s+{_NUMBER}{_TITLE}", re.I),
}
SECTION = {
    "kk": re.compile(rf"^{_ROMAN}\s+бөлім{_TITLE}", re.I),
    "ru": re.compile(rf"^Раздел\s+{_ROMAN}{_TITLE}", re.I),
    "en": re.compile(rf"^(?:Section|Part)\s+{_ROMAN}{_TITLE}", re.I),
}
PARAGRAPH = re.compile(rf"^{_NUMBER}\.\s+(.*)$")


def parse(raw: bytes, lang: str) -> tuple[Builder, dict]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = raw[: error.start].count(b"\n") + 1
        raise TextImportError(f"line {bad}: not UTF-8 text") from None
    builder = Builder()
    article_line, section_line = ARTICLE[lang], SECTION[lang]
    others = [other for other in ARTICLE if other != lang]
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        where = f"line {number}"
        if not line:
            continue
        if section := section_line.match(line):
            builder.section(section[1].upper(), section[2] or None, where)
        elif article := article_line.match(line):
            builder.article(article[1], where, article[2] or None)
        elif not builder.articles and any(ARTICLE[o].match(line) for o in others):
            found = next(o for o in others if ARTICLE[o].match(line))
            raise TextImportError(f"{where}: {line[:40]!r} is an article heading in {found}, not --lang {lang}")
        elif builder.expects_section_heading():
            builder.section_heading(line)
        elif (paragraph := PARAGRAPH.match(line)) and builder.articles:
            builder.paragraph(paragraph[1], paragraph[2], where)
        elif builder.title is None and not builder.preamble and not builder.articles and line.upper() == line and any(c.isalpha() for c in line):
            builder.set_title(line)
        else:
            builder.text(line, where)
    return builder, {}
