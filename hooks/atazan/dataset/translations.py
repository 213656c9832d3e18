"""Translation fingerprints: is a translation still a translation of its current source?

Every translated text (`status: translated` or `reviewed`) names the language it was made from
(`from: en`) and, once stamped, the fingerprint of that source text (`source_hash`). When the
source text changes, its fingerprint no longer matches, and the translation is OUTDATED until a
translator updates it and stamps it again (`atazan stamp FILE --field FIELD`).

Fingerprint = the first 8 hex digits of SHA-256 over the UTF-8 bytes of the normalised text.
Normalisation keeps exactly what a reader sees on the page (render.md_block): Unicode NFC,
paragraphs split at blank lines, and inside a paragraph every run of whitespace (spaces, tabs,
line breaks, CRLF or LF, trailing spaces, indentation) becomes one space. So re-saving a file
with CRLF, re-wrapping a `|` block or switching between `"..."` and `|` never flags a
translation; changing a word, a digit, a punctuation mark or a paragraph break does.

Pure Python: no MkDocs imports. `validate.py` surveys the dataset with `survey()`, the page
kinds ask `state()` for each text they show (website/views.pick), and `atazan stamp` writes hashes with `stamp_file()`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterator, Mapping

import yaml

from atazan import LANGUAGES
from atazan.dataset import schema
from atazan.errors import Problem

HASH_LENGTH = 8

# States of a translated text (an original text has none).
CURRENT = "current"  # stamped, and its source has not changed since
OUTDATED = "outdated"  # stamped, and its source has changed since
UNFINGERPRINTED = "unfingerprinted"  # never stamped: nobody recorded which source it was made from
NO_SOURCE = "no-source"  # `from:` names a language that has no text to compare with
MISSING = "missing"  # no text at all in this language (survey only)

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def normalise(text: str) -> str:
    """The text as the page shows it: NFC, paragraphs kept, whitespace runs collapsed."""
    text = unicodedata.normalize("NFC", text)
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(text.strip()) if p.strip()]
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


@lru_cache(maxsize=8192)
def fingerprint(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def source_text(texts: Mapping[schema.Lang, schema.LocalText], lang: schema.Lang,
                version: schema.TextVersion | None = None) -> str | None:
    """The current text that `texts[lang]` was translated from, or None if there is none.

    In a provision version's `translations`, `from` normally names the language of the quoted
    text itself (`text_language`), so the source is `version.text`.
    """
    origin = texts[lang].from_
    if origin is None or origin == lang:
        return None
    if version is not None and origin == version.text_language:
        return version.text
    other = texts.get(origin)
    return other.text if other is not None else None


def state(entry: schema.LocalText, source: str | None) -> str | None:
    """None for an original text; otherwise current, outdated, unfingerprinted or no-source."""
    if entry.status == "original":
        return None
    if source is None:
        return NO_SOURCE
    if entry.source_hash is None:
        return UNFINGERPRINTED
    return CURRENT if entry.source_hash == fingerprint(source) else OUTDATED


@dataclass(frozen=True)
class Found:
    """One text of a record, in one language, as walk() finds it."""

    loc: tuple  # YAML keys and list indexes inside the record, e.g. ('explanation', 'says', 'kk')
    lang: schema.Lang
    entry: schema.LocalText | None  # None: missing in this language
    source: str | None  # the current source text (translations only)


def walk(value: Any, loc: tuple = ()) -> Iterator[Found]:
    """Every localized text inside a record, with its location and its current source."""
    if isinstance(value, schema.TextVersion):
        for lang, entry in value.translations.items():
            yield Found(loc + ("translations", lang), lang, entry, source_text(value.translations, lang, value))
        if value.text:
            for lang in LANGUAGES:
                if lang != value.text_language and lang not in value.translations:
                    yield Found(loc + ("translations", lang), lang, None, None)
    if isinstance(value, schema.NewsItem) and value.curated.summary is None:
        # Only the importer's extract exists, in the story's language.
        for lang in LANGUAGES:
            if lang != value.machine.summary.language:
                yield Found(loc + ("curated", "summary", lang), lang, None, None)
    if isinstance(value, schema.BaseModel):
        for name, info in type(value).model_fields.items():
            if isinstance(value, schema.TextVersion) and name == "translations":
                continue
            yield from walk(getattr(value, name), loc + (info.alias or name,))
    elif isinstance(value, dict):
        if value and all(isinstance(v, schema.LocalText) for v in value.values()):
            for lang, entry in value.items():
                yield Found(loc + (lang,), lang, entry, source_text(value, lang))
        else:
            for key, item in value.items():
                yield from walk(item, loc + (key,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from walk(item, loc + (index,))


@dataclass(frozen=True)
class Translation:
    """One text of the dataset in one language: where it is and how current it is."""

    path: str  # the data file, e.g. data/provisions/ownership.yml
    line: int | None
    field: str  # e.g. explanation.says.kk
    loc: tuple  # the same, as YAML keys and indexes from the top of the file
    record: tuple[str, str | None]  # (collection or list file stem, record id) for page links
    lang: schema.Lang
    status: str | None  # original | translated | reviewed; None when missing
    from_lang: schema.Lang | None
    state: str | None  # see the constants above; None for an original text
    source_hash: str | None  # as stored in the file
    current_hash: str | None  # fingerprint of the current source text

    def problem(self, severity: str = "warning") -> Problem | None:
        """The one-line report for `atazan validate`, or None if nothing is wrong."""
        if self.state == OUTDATED:
            message = (f"translation outdated: source {self.from_lang} changed since it was translated; "
                       f"update it, then run `atazan stamp {self.path} --field {self.field}`")
        elif self.state == UNFINGERPRINTED:
            message = (f"translation has no source_hash: run `atazan stamp {self.path}` to record the "
                       f"{self.from_lang} text it was made from")
        elif self.state == NO_SOURCE:
            message = f"translated from {self.from_lang}, but there is no {self.from_lang} text to compare it with"
        else:
            return None
        return Problem(self.path, self.field, message, self.line, severity)


def survey(record: Any, prefix: tuple, path: str, record_key: tuple[str, str | None],
           line_of: Callable[[tuple], int | None], field_of: Callable[[tuple], str]) -> list[Translation]:
    """Every text of one record (a file, or one entry of a list file at `prefix`)."""
    out = []
    for found in walk(record, prefix):
        entry = found.entry
        current = fingerprint(found.source) if entry is not None and found.source is not None else None
        out.append(Translation(
            path=path, line=line_of(found.loc), field=field_of(found.loc), loc=found.loc, record=record_key,
            lang=found.lang,
            status=entry.status if entry else None,
            from_lang=entry.from_ if entry else None,
            state=state(entry, found.source) if entry else MISSING,
            source_hash=entry.source_hash if entry else None,
            current_hash=current,
        ))
    return out


def problems(entries: list[Translation], severity: str = "warning") -> list[Problem]:
    return [p for p in (e.problem(severity) for e in entries) if p is not None]


# ---------------------------------------------------------------- writing source_hash into files

class StampError(Exception):
    pass


def _child(node: yaml.Node | None, key: Any) -> yaml.Node | None:
    from atazan.dataset.load import _child as child

    return child(node, key)


def _pair(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _edit_for(text: str, root: yaml.Node, loc: tuple, new_hash: str, hash_key: str = "source_hash",
              after_key: str = "from") -> tuple[int, int, str]:
    """(start, end, replacement): the one change that gives the mapping at `loc` this `hash_key`,
    written after `after_key` when it is new."""
    node: yaml.Node | None = root
    for key in loc:
        node = _child(node, key)
        if node is None:
            raise StampError(f"{'.'.join(map(str, loc))} not found")
    if not isinstance(node, yaml.MappingNode):
        raise StampError(f"{'.'.join(map(str, loc))} is not a mapping")
    value = f'"{new_hash}"'  # quoted: 8 hex digits may be all digits, which YAML would read as a number
    existing = _pair(node, hash_key)
    if existing is not None:
        return existing[1].start_mark.index, existing[1].end_mark.index, value
    after = _pair(node, after_key)
    if after is None:
        raise StampError(f"{'.'.join(map(str, loc))} has no '{after_key}'")
    from_key, from_value = after
    if node.flow_style:
        # {text: "...", status: translated, from: en} -> {..., from: en, source_hash: "..."}
        position = from_value.end_mark.index
        return position, position, f", {hash_key}: {value}"
    # Block mapping: a new line below `from:`, at its indentation, after any comment on that line.
    newline = "\r\n" if "\r\n" in text else "\n"
    position = text.find("\n", from_value.end_mark.index)
    if position == -1:
        position = len(text)
    elif position > 0 and text[position - 1] == "\r":
        position -= 1
    return position, position, f"{newline}{' ' * from_key.start_mark.column}{hash_key}: {value}"


def _set_in(data: Any, loc: tuple, key: str, value: str) -> None:
    for part in loc:
        data = data[part]
    data[key] = value


def stamp_file(abs_path: str, stamps: dict[tuple, str], key: str = "source_hash", after_key: str = "from") -> bytes:
    """The file's new bytes, with `key` (source_hash) set at each loc and every other byte unchanged.

    The edits are worked out from PyYAML's node marks, applied from the end of the file, and
    checked: the result must parse to the same data plus exactly these values.
    """
    from atazan.dataset.load import _Loader

    with open(abs_path, "rb") as handle:
        raw = handle.read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise StampError("the file is empty")
        before = loader.construct_document(root)
    finally:
        loader.dispose()
    edits = sorted((_edit_for(text, root, loc, value, key, after_key) for loc, value in stamps.items()), reverse=True)
    for start, end, replacement in edits:
        text = text[:start] + replacement + text[end:]
    for loc, value in stamps.items():
        _set_in(before, loc, key, value)
    after = yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader
    if after != before:
        raise StampError("the edited file would not hold the same data; nothing written")
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
