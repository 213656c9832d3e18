"""Article references in news text -> (version, article, paragraphs) -> provision ids.

Phrasings handled (tests/news/test_refs.py has one case per phrasing):
- "Article 32 of the draft Constitution", "Article 2 of the draft new Constitution"
- "Article 14, paragraph 2 of the draft", "Article 6, Paragraph 3 of the current Constitution"
- "paragraph 1 of the said article", "Paragraph 5 of this article"
- "subparagraphs 2), 4) and 8) of Article 46, paragraph 1 of Article 57, and paragraphs 1 and 2
  of Article 62"
- a quotation of one article, "Article 2 of the draft ... dated January 30, 2026: Article 2. The
  sovereignty ... Article 6. The sovereignty ...": inside it a heading "Article 6." is that article's
  paragraph 6 (the Center's statement of 31 January 2026 numbers paragraph 6 of the first draft's
  Article 2 this way; issue 12, T1).
Version: "current"/"1995" -> the 1995 Constitution; "draft" -> the first draft if the story
predates the final draft's publication, else the final draft; no marker -> the version of
the previous reference in the same story, or None (reported, never guessed).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_LIST = r"\d{1,3}\)?(?:\s*(?:,\s*(?:and\s+)?|and\s+)\d{1,3}\)?)*"
_REF = re.compile(
    rf"(?P<kind1>sub)?paragraphs?\s+(?P<list1>{_LIST})\s+of\s+(?:(?:the\s+said|this|that)\s+article|article\s+(?P<art1>\d{{1,3}}))"
    rf"|article\s+(?P<art2>\d{{1,3}})(?:,?\s+(?P<kind2>sub)?paragraphs?\s+(?P<list2>{_LIST}))?",
    re.IGNORECASE,
)
# "Article 2 of the draft ... dated January 30, 2026:" -- the colon opens a quotation of that one article.
_OPENS_QUOTE = re.compile(r"^[^.:\n]{0,120}:")
# "Article 6. The ..." -- a heading, as a quotation prints an article's number.
_HEADING = re.compile(r"^\.\s+[A-Z]")
_AFTER = re.compile(r"^[\s,]*(?:of|in)\s+the\s+(?P<what>(?:current|draft|new|1995|basic|constitution|law|\s)+)", re.IGNORECASE)

FIRST_DRAFT, FINAL_DRAFT, CONSTITUTION_1995 = "first_draft", "final_draft", "constitution_1995"


@dataclass(frozen=True)
class Ref:
    text: str  # the phrase as the source gives it
    version: str | None
    article: int
    paragraphs: tuple[str, ...] = ()
    subparagraphs: tuple[str, ...] = ()


def _numbers(listing: str | None) -> tuple[str, ...]:
    return tuple(re.findall(r"\d{1,3}", listing or ""))


def _version(marker: str | None, previous: str | None, story_date: dt.date, final_draft_date: dt.date) -> str | None:
    if marker:
        lowered = marker.lower()
        if "current" in lowered or "1995" in lowered:
            return CONSTITUTION_1995
        if "draft" in lowered:
            return FIRST_DRAFT if story_date < final_draft_date else FINAL_DRAFT
    return previous


def extract(text: str, story_date: dt.date, final_draft_date: dt.date) -> list[Ref]:
    refs: list[Ref] = []
    previous_version: str | None = None
    previous_article: int | None = None
    quoted: tuple[int, str | None, int] | None = None  # (article, version, where its paragraph ends)
    for match in _REF.finditer(text):
        after = _AFTER.match(text[match.end(): match.end() + 60])
        version = _version(after.group("what") if after else None, previous_version, story_date, final_draft_date)
        if quoted and match.start() > quoted[2]:
            quoted = None
        heading = match.group("art2") is not None and match.group("list2") is None and _HEADING.match(text[match.end():])
        if quoted and heading:
            number = match.group("art2")
            if int(number) != quoted[0]:
                # One article is being quoted: a second "Article N." heading inside it is its paragraph N.
                refs.append(Ref(match.group(0), quoted[1], quoted[0], (number,), ()))
            continue
        if match.group("art2") is not None and match.group("list2") is None and _OPENS_QUOTE.match(text[match.end():]):
            end = text.find("\n", match.end())
            quoted = (int(match.group("art2")), version, len(text) if end < 0 else end)
        if match.group("list1") is not None:
            article = int(match.group("art1")) if match.group("art1") else previous_article
            if article is None:
                continue  # "the said article" with no article before it: nothing to point at
            numbers, sub = _numbers(match.group("list1")), bool(match.group("kind1"))
        else:
            article = int(match.group("art2"))
            numbers, sub = _numbers(match.group("list2")), bool(match.group("kind2"))
        phrase = text[match.start(): match.end() + (after.end() if after else 0)].strip().rstrip(",")
        refs.append(Ref(" ".join(phrase.split()), version, article,
                        () if sub else numbers, numbers if sub else ()))
        previous_version, previous_article = version, article
    return refs
