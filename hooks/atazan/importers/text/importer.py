"""`atazan import-text FILE --version V --lang L`: one text file into data/texts/<V>/<L>.yml.

The record is checked against the same schema the build loads (dataset/texts.py) before anything
is written; the file is written through a temporary file in the same folder and os.replace, and
only when its bytes change, so a second import of the same file changes nothing. Nothing else in
data/ is ever opened for writing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass, field

import yaml
from pydantic import ValidationError

from atazan import LANGUAGES
from atazan.dataset import texts
from atazan.dataset.load import read_yaml
from atazan.importers.text import adilet, plaintext
from atazan.importers.text.structure import TextImportError

HEADER = (
    "# The Constitution's text: version {version}, language {lang}. Written by `atazan import-text`;\n"
    "# a typo may be fixed here by hand (one paragraph is one line). Ids such as art_2__para_3-1 are\n"
    "# derived from the numbers, never stored. Notes are court notes and amendment footnotes: not text.\n"
)
# Publisher named when the document JSON comes from the state's legal information system, in the
# text's own language (the page shows it beside the text).
ADILET_PUBLISHER = {"kk": "«Әділет» ақпараттық-құқықтық жүйесі", "ru": "Информационно-правовая система «Әділет»",
                    "en": "Legal information system «Әділет»"}


@dataclass
class Provenance:
    publisher: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    registry: str | None = None
    official: bool | None = None
    translator: str | None = None
    partial: bool = False


@dataclass
class ImportReport:
    path: str
    written: bool
    articles: int
    changed: list[str] = field(default_factory=list)  # eIds whose text changed
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if not self.written:
            return f"{self.path}: unchanged ({self.articles} articles)"
        return (f"{self.path}: written ({self.articles} articles; {len(self.changed)} part(s) changed, "
                f"{len(self.added)} added, {len(self.removed)} removed)")


def detect_format(raw: bytes) -> str:
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "json" if head in (b"{", b"[") else "text"


def known_versions(data_dir: str) -> dict[str, bool]:
    """Version id -> whether it is a dated text (a proposal has no date: it never was a text)."""
    path = os.path.join(data_dir, "versions.yml")
    loaded, problems = read_yaml(path, path)
    if loaded is None or problems or not isinstance(loaded.data, list):
        raise TextImportError(f"{path}: cannot read the versions (run `atazan validate`)")
    return {str(item.get("id")): item.get("date") is not None for item in loaded.data if isinstance(item, dict)}


def build_record(raw: bytes, version: str, lang: str, given: Provenance) -> dict:
    """The canonical record of one input file; raises TextImportError with a one-line reason."""
    if not raw.strip():
        raise TextImportError("the file is empty")
    fmt = detect_format(raw)
    builder, about = (adilet if fmt == "json" else plaintext).parse(raw, lang)
    record = builder.result(version, lang, {})  # what is wrong with the text first, then its provenance
    record["source"] = _source(given, about, fmt, lang)
    try:
        texts.TextFile.model_validate(record)
    except ValidationError as error:
        item = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in item["loc"])
        raise TextImportError(f"{where}: {item['msg']}") from None
    return record


def _source(given: Provenance, about: dict, fmt: str, lang: str) -> dict:
    official = given.official
    if official is None and fmt == "json" and lang in ("kk", "ru"):
        official = True  # the state's own Kazakh and Russian texts
    if official is None:
        raise TextImportError("say whether the text is official: --official, or --unofficial with --translator")
    publisher = given.publisher or (ADILET_PUBLISHER[lang] if fmt == "json" else None)
    title = given.title or about.get("title")
    date = given.date or about.get("date")
    registry = given.registry or about.get("registry")
    missing = [name for name, value in (("--publisher", publisher), ("--title", title), ("--date", date)) if not value]
    if missing:
        raise TextImportError(f"provenance missing: give {', '.join(missing)}")
    assert publisher and title and date  # each is named in `missing` otherwise
    if not (given.url or registry):
        raise TextImportError("provenance missing: give --url or --registry, so a reader can check the text")
    if not official and not given.translator:
        raise TextImportError("an unofficial text needs --translator (who translated it)")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date[:10]):
        raise TextImportError(f"date: expected YYYY-MM-DD, got {date!r}")
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        raise TextImportError(f"date: {date!r} is not a date") from None
    source: dict = {"publisher": publisher, "title": title, "date": day}
    if given.url:
        source["url"] = given.url
    if registry:
        source["registry"] = registry
    source["official"] = bool(official)
    if not official:
        source["translator"] = given.translator
    if given.partial:
        source["complete"] = False
    return source


def dump(record: dict) -> bytes:
    body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=10**6, default_flow_style=False)
    return (HEADER.format(version=record["version"], lang=record["lang"]) + body).encode("utf-8")


def run(path: str, version: str, lang: str, data_dir: str, given: Provenance) -> ImportReport:
    if lang not in LANGUAGES:
        raise TextImportError(f"--lang: expected one of {', '.join(LANGUAGES)}, got {lang!r}")
    versions = known_versions(data_dir)
    if version not in versions:
        raise TextImportError(f"--version: unknown version {version!r}; expected one of {', '.join(versions)} (data/versions.yml)")
    if not versions[version]:
        raise TextImportError(f"--version: {version!r} has no date in data/versions.yml: a proposal is not a text of the Constitution")
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise TextImportError(f"cannot read: {error.strerror}") from None
    record = build_record(raw, version, lang, given)
    content = dump(record)
    target = texts.path_for(data_dir, version, lang)
    old = _read(target)
    shown = os.path.relpath(target, os.path.dirname(os.path.abspath(data_dir))).replace(os.sep, "/")
    report = ImportReport(shown, written=old != content, articles=len(record["articles"]))
    if not report.written:
        return report
    new_parts = texts.addressable(texts.TextFile.model_validate(record))
    old_parts = _parts(old)
    report.changed = [eid for eid in new_parts if eid in old_parts and old_parts[eid] != new_parts[eid]]
    report.added = [eid for eid in new_parts if eid not in old_parts]
    report.removed = [eid for eid in old_parts if eid not in new_parts]
    write_atomic(target, content)
    return report


def write_atomic(target: str, content: bytes) -> None:
    folder = os.path.dirname(target)
    os.makedirs(folder, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".import-", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(content)
        os.replace(handle.name, target)
    except BaseException:
        if os.path.exists(handle.name):
            os.remove(handle.name)
        raise


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _parts(content: bytes | None) -> dict[str, str]:
    if content is None:
        return {}
    try:
        return texts.addressable(texts.TextFile.model_validate(yaml.safe_load(content)))
    except (yaml.YAMLError, ValidationError, TypeError):
        return {}  # a hand-broken file: everything counts as added
