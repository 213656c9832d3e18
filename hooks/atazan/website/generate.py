"""Write generated pages into docs/<lang>/, touching only files whose content changed.

Writing only on change keeps `mkdocs serve` from rebuilding in a loop. A file is removed only
if it carries the generated mark, so a hand-written page is never deleted or overwritten.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from atazan.errors import DataError, Problem, display_path
from atazan.website.pagefile import GENERATED_MARK, GeneratedPage
from atazan.fsutil import write_atomic


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def is_generated(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as handle:
            head = handle.read(200)
    except (OSError, UnicodeDecodeError):
        return False
    return head.startswith("---") and f"\n{GENERATED_MARK}: true" in head


def clashes(pages: list[GeneratedPage], docs_dir: str, root: str) -> list[Problem]:
    """Two generated pages at one address (a theme whose id is "index" is the themes index page
    too: one would vanish), or a hand-written page where a generated one goes (never overwritten):
    either stops the build."""
    problems: list[Problem] = []
    wanted: dict[str, GeneratedPage] = {}
    for page in pages:
        other = wanted.setdefault(os.path.join(docs_dir, page.lang, page.path), page)
        if other is not page:
            problems.append(Problem(page.source_file, "id", f"its page {page.lang}/{page.path} is also made from "
                                                            f"{other.source_file}; give the record another id"))
    return problems + [Problem(display_path(p, root), "", "a hand-written page is in the way of a generated one; rename or move it")
                       for p in sorted(wanted) if os.path.exists(p) and not is_generated(p)]


def write_pages(pages: list[GeneratedPage], docs_dir: str, root: str,
                languages: tuple[str, ...] | None = None) -> WriteReport:
    """`languages`: the languages `pages` were rendered for (default: all); generated pages of
    other languages are left as they are, never removed."""
    report = WriteReport()
    wanted = {os.path.join(docs_dir, page.lang, page.path): page for page in pages}
    problems = clashes(pages, docs_dir, root)
    if problems:
        raise DataError(problems)
    for target, page in sorted(wanted.items()):
        if _read(target) == page.content:
            report.unchanged.append(target)
            continue
        write_atomic(target, page.content, durable=False)
        report.written.append(target)
    folders = [os.path.join(docs_dir, lang) for lang in languages] if languages is not None else [docs_dir]
    for dirpath, _, filenames in (entry for folder in folders for entry in os.walk(folder)):
        for name in filenames:
            path = os.path.join(dirpath, name)
            if name.endswith(".md") and path not in wanted and is_generated(path):
                os.remove(path)  # its record was deleted or renamed
                report.removed.append(path)
    return report


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None
