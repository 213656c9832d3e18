"""Dump text -> raw news items. Every layout in ../shared/seeds/ is treated as data to survive.

Layouts:
- Kazakhstan Today: a `dd.mm.yyyy, hh:mm <views>` header (sometimes after a prefix), the title
  on the next line, then body lines mixed with site boilerplate.
- gov.kz list: a title line, a bare `dd.mm.yyyy` line, the body; `Source : URL` may be glued
  to the end of the body or stand on its own line.
- gov.kz inline: `Title dd.mm.yyyy` on one line, then the body.
- Section markers (News, Society, More) separate blocks; a "Most viewed" list is one line of
  headlines glued together, without bodies: it is skipped with a warning, never parsed as news.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

_KT_HEADER = re.compile(r"(\d{2})\.(\d{2})\.(\d{4}), (\d{2}):(\d{2}) \d+\s*$")
_BARE_DATE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")
_INLINE = re.compile(r"^(?P<title>\S.*?\S)\s+(\d{2})\.(\d{2})\.(\d{4})$")
_SOURCE = re.compile(r"\s*Source\s*:\s*(https?://\S+)\s*$")
_SECTION_MARKERS = {"News", "Society", "More"}
# Site furniture of Kazakhstan Today pages: never part of a story.
_BOILERPLATE = (
    re.compile(r"^Tell a friend$"),
    re.compile(r"^Images \|"),
    re.compile(r"^This information may not be reproduced"),
    re.compile(r"^relevant news$", re.I),
    re.compile(r"^ИНТЕРНЕТ ТЕЛЕВИДЕНИЕ$"),
    re.compile(r"^KAZAKHSTAN TODAY LIVE$"),
)
_MOST_VIEWED = "Most viewed"
_CREDIT = re.compile(r"^This information may not be reproduced without reference to (.+?)\.")


@dataclass
class RawItem:
    title: str
    date: dt.date
    layout: str  # kazakhstan-today | govkz-list | govkz-inline
    line: int  # 1-based line of the item's first line in its file
    body: list[str] = field(default_factory=list)
    url: str | None = None
    # The site the dump credits for this item in its own footer, if any (Kazakhstan Today's
    # "may not be reproduced without reference to ..."); the footer itself is not story text.
    credited_to: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.body)


@dataclass(frozen=True)
class Warning_:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def normalize_newlines(text: str) -> str:
    """BOM and CRLF/CR line endings must not change the result."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_text(text: str, path: str) -> tuple[list[RawItem], list[Warning_]]:
    """All items in one dump; never raises on odd input, warns with `path:line` instead."""
    lines = [line.strip() for line in normalize_newlines(text).split("\n")]
    items: list[RawItem] = []
    warnings: list[Warning_] = []
    current: RawItem | None = None
    skipping = False  # inside a "Most viewed" list
    orphan_from: int | None = None
    i = 0

    def close() -> None:
        nonlocal current
        if current is not None:
            _finish(current)
            if current.title:
                items.append(current)
            else:
                warnings.append(Warning_(path, current.line, "date header without a title; item skipped"))
        current = None

    def orphan(lineno: int) -> None:
        nonlocal orphan_from
        if orphan_from is None:
            orphan_from = lineno

    def flush_orphans() -> None:
        nonlocal orphan_from
        if orphan_from is not None:
            warnings.append(Warning_(path, orphan_from, "text outside any dated item (no date header or date line); skipped"))
            orphan_from = None

    while i < len(lines):
        line, lineno = lines[i], i + 1
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        header = _KT_HEADER.search(line)
        if header and (d := _date(*header.groups()[:3])):
            close(); flush_orphans(); skipping = False
            current = RawItem("", d, "kazakhstan-today", lineno)
            # The title is the next non-empty line.
            j = i + 1
            while j < len(lines) and not lines[j]:
                j += 1
            if j < len(lines) and not _KT_HEADER.search(lines[j]):
                current.title = lines[j]
                i = j + 1
            else:
                i += 1
            continue
        if not line:
            i += 1
            continue
        if line == _MOST_VIEWED:
            close(); flush_orphans(); skipping = True
            warnings.append(Warning_(path, lineno, "'Most viewed' list of headlines without text; skipped"))
            i += 1
            continue
        if skipping:
            i += 1
            continue
        if line in _SECTION_MARKERS:
            close(); flush_orphans()
            i += 1
            continue
        if any(p.search(line) for p in _BOILERPLATE):
            if current is not None and (credit := _CREDIT.search(line)):
                current.credited_to = credit.group(1)
            i += 1
            continue
        bare = _BARE_DATE.match(nxt) if nxt is not None else None
        if bare and not _BARE_DATE.match(line) and (d := _date(*bare.groups())):
            close(); flush_orphans()
            current = RawItem(line, d, "govkz-list", lineno)
            i += 2
            continue
        inline = _INLINE.match(line)
        if inline and (d := _date(*inline.groups()[1:4])):
            close(); flush_orphans()
            current = RawItem(inline.group("title"), d, "govkz-inline", lineno)
            i += 1
            continue
        if current is None:
            orphan(lineno)
        else:
            current.body.append(line)
        i += 1
    close()
    flush_orphans()
    return items, warnings


def _finish(item: RawItem) -> None:
    # gov.kz glues "Source : URL" to the last body line, or gives it a line of its own.
    if item.body:
        match = _SOURCE.search(item.body[-1])
        if match:
            item.url = match.group(1)
            item.body[-1] = item.body[-1][: match.start()].strip()
            if not item.body[-1]:
                item.body.pop()
