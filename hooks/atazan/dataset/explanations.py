"""Explanations that notice when the words they rely on change.

Each `versions[]` entry of a provision record points at a text: an article (and optionally some of
its paragraphs or subparagraphs) of a version. `explains_hash` stores the fingerprint of the words
the explanation relies on when a person last checked it, as a translation stores the fingerprint
of its source (translations.py). Which words those are (the entry's *basis*):

- the record's own fragment (`text`), while the dataset does not hold that article;
- when the article is held and the record quotes it (`text_kind: quote`), the quoted words as
  they stand in the held text of the quotation's language: the fragment is found in the
  paragraph(s) it names (or the article), normalised as the correspondence matcher normalises
  (correspondence.normalise: case, quotes, dashes, spacing, look-alike letters), so a change
  elsewhere in the paragraph is no change to this explanation;
- otherwise the held passage itself (the article, or the paragraphs and subparagraphs it names, in
  every language held, so a change in either official text counts): an entry without a fragment,
  a paraphrase, or a quotation in a language no held text is in.

Importing the text is no change: a stamp made from the record's fragment stays valid when the
held text prints the quoted words (normalised) as quoted. What a page says then depends on which
case applies (`Check.state`):

- CURRENT: nothing to say;
- OUTDATED: the words changed since a person checked the explanation against them;
- DIFFERS: the explanation was written from a quotation, and the held text words that passage
  differently (a news misquote, or a later change: a person must look either way);
- UNCHECKED: the text is now held, the explanation was written from a news report of it (a
  paraphrase, or a quotation that cannot be compared with the held text) and nobody has checked
  it against the held text yet. No warning: a notice saying exactly that;
- UNSTAMPED: a new entry, before `atazan stamp` (tests keep the committed data stamped).

`atazan validate` lists OUTDATED and DIFFERS as warnings and UNCHECKED as notes; `atazan stamp
FILE --explanations` re-confirms them after a person has checked them against the held text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from atazan import LANGUAGES
from atazan.dataset import texts as texts_module
from atazan.dataset.correspondence import normalise
from atazan.errors import Problem

KEY = "explains_hash"
CURRENT, OUTDATED, DIFFERS, UNCHECKED, UNSTAMPED = "current", "outdated", "differs", "unchecked", "unstamped"
# What each basis is (Basis.kind).
FRAGMENT, LOCATED, PASSAGE = "fragment", "located", "passage"
# How close the held words must come to a quotation (rapidfuzz partial ratio of the normalised
# words, 0-100) to be the place it quotes: one word changed in a short quotation stays above it; a
# paraphrase or another translation falls well below (tests/dataset/test_explanations.py measures both).
LOCATE_AT = 80.0

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of a text as the matcher compares them (normalised, punctuation left out)."""
    return _WORD.findall(normalise(text))


@dataclass(frozen=True)
class Basis:
    """The words an entry's explanation relies on, as fingerprinted now."""

    kind: str  # FRAGMENT, LOCATED or PASSAGE
    text: str
    fragment: str | None  # the record's own quotation or paraphrase (`text`), if it has one
    verbatim: bool = False  # LOCATED: the held words are the fragment's words (normalised)
    lang: str | None = None  # LOCATED: the language of the held text it was found in


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
    current: str  # the fingerprint of the basis now: what `atazan stamp --explanations` stores
    basis: Basis

    @property
    def from_texts(self) -> bool:
        """The basis comes from the held text (data/texts), not from the record's fragment."""
        return self.basis.kind != FRAGMENT

    @property
    def state(self) -> str:
        if self.stored is None:
            return UNSTAMPED
        if self.stored == self.current:
            return CURRENT
        stamped_from_fragment = self.basis.fragment is not None and self.stored == texts_module.fingerprint(self.basis.fragment)
        if self.basis.kind == LOCATED and stamped_from_fragment:
            return CURRENT if self.basis.verbatim else DIFFERS
        if self.basis.kind == PASSAGE and stamped_from_fragment:
            return UNCHECKED
        return OUTDATED

    def where(self) -> str:
        where = f"{self.version} article {self.number}" if self.number is not None else self.version
        if self.paragraphs:
            where += f" paragraph(s) {', '.join(self.paragraphs)}"
        return where

    def problem(self) -> Problem | None:
        stamp = f"`atazan stamp {self.path} --explanations`"
        if self.state == OUTDATED:
            message = (f"the text this explanation explains ({self.where()}) changed since it was checked; check the "
                       f"explanation, then run {stamp}")
        elif self.state == DIFFERS:
            message = (f"the held text of {self.where()} words the passage this explanation quotes differently from its "
                       f"quotation; check the explanation against the held text, then run {stamp}")
        else:
            # Unstamped is no warning: a new record is stamped by `atazan stamp` before it lands
            # (tests/dataset/test_explanations_data.py checks the committed data), and nothing has changed yet.
            return None
        return Problem(self.path, self.field, message, self.line, "warning")

    def note(self) -> str | None:
        """UNCHECKED: a line for `atazan validate` to list, no warning."""
        if self.state != UNCHECKED:
            return None
        where = f"{self.path}:{self.line}" if self.line else self.path
        return (f"{where}: {self.field}: written from a news report of {self.where()}, which is now held; check it "
                f"against the held text, then run `atazan stamp {self.path} --explanations`")


def _blocks(article: texts_module.Article, entry) -> list[str]:
    """The wording of the part of `article` an entry names: its paragraphs, its subparagraphs (of
    those paragraphs, or of an article without paragraphs), else the whole article."""
    paragraphs = [p for p in article.paragraphs if p.number in entry.paragraphs] if entry.paragraphs else []
    subs = {s.rstrip(")") for s in entry.subparagraphs}
    if subs:
        owners: list[texts_module.Paragraph | texts_module.Article] = list(paragraphs) or ([] if article.paragraphs else [article])
        items = [f"{s.number}) {s.text}" for owner in owners for s in owner.subparagraphs if s.number in subs]
        if items:
            return items
    if paragraphs:
        return [texts_module.block_text(p) for p in paragraphs]
    if not article.paragraphs:
        return [texts_module.block_text(article)]
    return [texts_module.block_text(p) for p in article.paragraphs]


def _held_article(dataset, version: str, lang: str, number: int) -> texts_module.Article | None:
    text = dataset.texts.get(version, lang)
    return next((a for a in text.articles if a.number == str(number)), None) if text else None


def locate(fragment: str, passage: str) -> tuple[list[str], float] | None:
    """The words of `passage` that a quotation `fragment` quotes (normalised), and how closely
    (0-100); None when the quotation is longer than the passage or has no words."""
    from rapidfuzz import fuzz

    quoted, held = words(fragment), words(passage)
    needle, haystack = " ".join(quoted), " ".join(held)
    if not quoted or len(quoted) > len(held) or len(needle) > len(haystack):
        return None
    found = fuzz.partial_ratio_alignment(needle, haystack)
    if found is None:
        return None
    # The alignment is in characters of `haystack`: widen it to whole words.
    starts = [m.start() for m in re.finditer(r"\S+", haystack)]
    first = max((i for i, start in enumerate(starts) if start <= found.dest_start), default=0)
    last = max(i for i, start in enumerate(starts) if start < max(found.dest_end, found.dest_start + 1))
    return held[first:last + 1], float(found.score)


def basis_of(dataset, entry) -> Basis | None:
    """What the explanation of `entry` relies on now (module docstring), or None: nothing to fingerprint."""
    fragment = entry.text
    if entry.number is not None:
        if fragment and entry.text_kind == "quote" and entry.text_language:
            article = _held_article(dataset, entry.version, entry.text_language, entry.number)
            if article is not None:
                found = locate(fragment, "\n".join(_blocks(article, entry)))
                if found is not None and found[1] >= LOCATE_AT:
                    held = found[0]
                    return Basis(LOCATED, " ".join(held), fragment, verbatim=held == words(fragment), lang=entry.text_language)
        parts = []
        for lang in LANGUAGES:
            article = _held_article(dataset, entry.version, lang, entry.number)
            if article is not None:
                parts.append(f"[{lang}]\n" + "\n".join(_blocks(article, entry)))
        if parts:
            return Basis(PASSAGE, "\n\n".join(parts), fragment)
    if fragment is None:
        return None
    return Basis(FRAGMENT, fragment, fragment)


def explained_text(dataset, entry) -> tuple[str | None, bool]:
    """(the text `entry`'s explanation relies on, whether it comes from data/texts)."""
    basis = basis_of(dataset, entry)
    return (None, False) if basis is None else (basis.text, basis.kind != FRAGMENT)


def survey(dataset, loaded_files, field_of) -> list[Check]:
    """Every versions[] entry of every provision that points at a text we can fingerprint."""
    found = []
    for pid, provision in sorted(dataset.provisions.items()):
        loaded = loaded_files[("provisions", pid)]
        for index, entry in enumerate(provision.versions):
            basis = basis_of(dataset, entry)
            if basis is None:
                continue
            loc = ("versions", index)
            found.append(Check(loaded.path, loaded.line_of(loc), field_of((*loc, KEY)), loc, pid, entry.version,
                               entry.number, tuple(entry.paragraphs), entry.explains_hash,
                               texts_module.fingerprint(basis.text), basis))
    return found


def problems(checks: list[Check]) -> list[Problem]:
    return [p for p in (c.problem() for c in checks) if p is not None]


def notes(checks: list[Check]) -> list[str]:
    return [n for n in (c.note() for c in checks) if n is not None]


def of_provision(dataset, provision: str, states: tuple[str, ...]) -> list[Check]:
    """The entries of one provision in one of `states`."""
    return [c for c in dataset.explanations if c.provision == provision and c.state in states]


def outdated(dataset, provision: str) -> list[Check]:
    """The entries of one provision whose text changed since its explanation was checked."""
    return of_provision(dataset, provision, (OUTDATED,))
