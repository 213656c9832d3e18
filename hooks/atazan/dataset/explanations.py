"""Explanations that notice when the text they explain changes.

Each `versions[]` entry of a provision record points at a text: an article (and optionally some of
its paragraphs) of a version. `explains_hash` stores the fingerprint of that text when a person
last checked the explanation against it, as a translation stores the fingerprint of its source
(translations.py). The text fingerprinted is the imported text (data/texts/, every language held,
so a change in either official text counts) when the dataset holds that article, else the
fragment the record quotes itself (`text`). When the two differ, the explanation is outdated:
pages flag it, `atazan validate` lists it, and `atazan stamp FILE --explanations` re-confirms it
after a person has checked it.
"""

from __future__ import annotations

from dataclasses import dataclass

from atazan import LANGUAGES
from atazan.dataset import texts as texts_module
from atazan.errors import Problem

KEY = "explains_hash"
CURRENT, OUTDATED, UNSTAMPED = "current", "outdated", "unstamped"


@dataclass(frozen=True)
class Check:
    path: str
    line: int | None
    field: str  # versions[1].explains_hash
    loc: tuple  # ("versions", 1), the mapping the hash lives in
    provision: str
    version: str
    number: int | None
    paragraphs: tuple[str, ...]
    stored: str | None
    current: str
    from_texts: bool  # the imported text, not the record's own fragment

    @property
    def state(self) -> str:
        if self.stored is None:
            return UNSTAMPED
        return CURRENT if self.stored == self.current else OUTDATED

    def problem(self) -> Problem | None:
        where = f"{self.version} article {self.number}" if self.number is not None else self.version
        if self.paragraphs:
            where += f" paragraph(s) {', '.join(self.paragraphs)}"
        if self.state == OUTDATED:
            message = (f"the text this explanation explains ({where}) changed since it was checked; check the "
                       f"explanation, then run `atazan stamp {self.path} --explanations`")
        else:
            # Unstamped is no warning: a new record is stamped by `atazan stamp` before it lands
            # (tests/test_explanations_data.py checks the committed data), and nothing has changed yet.
            return None
        return Problem(self.path, self.field, message, self.line, "warning")


def explained_text(dataset, entry) -> tuple[str | None, bool]:
    """(the text `entry` points at, whether it comes from data/texts)."""
    if entry.number is not None:
        parts = []
        for lang in LANGUAGES:
            text = dataset.texts.get(entry.version, lang)
            article = next((a for a in text.articles if a.number == str(entry.number)), None) if text else None
            if article is None:
                continue
            blocks = [p for p in article.paragraphs if not entry.paragraphs or p.number in entry.paragraphs]
            if not article.paragraphs:
                blocks = [article]
            parts.append(f"[{lang}]\n" + "\n".join(texts_module.block_text(b) for b in blocks))
        if parts:
            return "\n\n".join(parts), True
    return entry.text, False


def survey(dataset, loaded_files, field_of) -> list[Check]:
    """Every versions[] entry of every provision that points at a text we can fingerprint."""
    found = []
    for pid, provision in sorted(dataset.provisions.items()):
        loaded = loaded_files[("provisions", pid)]
        for index, entry in enumerate(provision.versions):
            text, from_texts = explained_text(dataset, entry)
            if text is None:
                continue
            loc = ("versions", index)
            found.append(Check(loaded.path, loaded.line_of(loc), field_of((*loc, KEY)), loc, pid, entry.version,
                               entry.number, tuple(entry.paragraphs), entry.explains_hash,
                               texts_module.fingerprint(text), from_texts))
    return found


def problems(checks: list[Check]) -> list[Problem]:
    return [p for p in (c.problem() for c in checks) if p is not None]


def outdated(dataset, provision: str) -> list[Check]:
    """The entries of one provision whose text changed since its explanation was checked."""
    return [c for c in dataset.explanations if c.provision == provision and c.state == OUTDATED]
