"""`atazan import-text FILE --version V --lang L`: one saved text into data/texts/<V>/<L>.yml.

Steps, each refusing with one line (file, shape, what to do) and writing nothing:
1. read the file(s) as the regular files they must be, at most textrules.MAX_FILE_BYTES;
2. tell the shape from the content and read it (shapes.py: one module per shape);
3. check the language, the structure (numbers without gaps or repeats, sections) and the word
   account: every word of the source placed exactly once (account.py);
4. take provenance from the file where it carries it, else from the options;
5. write through `atazan.fsutil.write_atomic`, inside data/texts/ only, and only when the bytes
   change, so a second import of the same file changes nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field

import yaml
from pydantic import ValidationError

from atazan import LANGUAGES
from atazan.dataset import textcompare, textrules, texts
from atazan.dataset.load import read_yaml
from atazan.dataset.schema import REGISTRY_PATTERN, url_problem
from atazan.fsutil import write_atomic
from atazan.importers.text import account, language, shapes
from atazan.importers.text.reading import PUBLISHERS, Reading
from atazan.importers.text.structure import TextImportError

HEADER = (
    "# The Constitution's text: version {version}, language {lang}. Written by `atazan import-text`;\n"
    "# a typo may be fixed here by hand (one paragraph is one line). Ids such as art_2__para_3-1 are\n"
    "# derived from the numbers, never stored. Notes (court, footnote, editorial) and source.service\n"
    "# are the publication's, not the text.\n"
)


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
    expect_articles: int | None = None


@dataclass
class ImportReport:
    path: str
    written: bool
    articles: int
    shape: str = ""
    account: str = ""
    reading: list[str] = field(default_factory=list)  # "read as cp1251 (Windows Cyrillic)"
    changed: list[str] = field(default_factory=list)  # eIds whose text changed
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    compared: list[str] = field(default_factory=list)  # differences from the other official language
    # Articles this text has and the other official language's held text lacks: that one is cut
    # short (or this one is wrong); said loudly, since the strict build fails on it.
    other_lacks: str = ""

    def summary(self) -> str:
        how = f" from {self.shape}" + (f", {'; '.join(self.reading)}" if self.reading else "")
        if not self.written:
            return f"{self.path}: unchanged ({self.articles} articles){how}"
        return (f"{self.path}: written ({self.articles} articles; {len(self.changed)} part(s) changed, "
                f"{len(self.added)} added, {len(self.removed)} removed){how}")


def known_versions(data_dir: str) -> dict[str, bool]:
    """Version id -> whether it is a dated text (a proposal has no date: it never was a text)."""
    path = os.path.join(data_dir, "versions.yml")
    loaded, problems = read_yaml(path, path)
    if loaded is None or problems or not isinstance(loaded.data, list):
        raise TextImportError(f"{path}: cannot read the versions (run `atazan validate`)")
    return {str(item.get("id")): item.get("date") is not None for item in loaded.data if isinstance(item, dict)}


def read_input(path: str) -> bytes:
    """The file's bytes: a regular file of at most MAX_FILE_BYTES, checked before reading, so a
    pipe, a device (/dev/zero) or a huge file can neither hang the import nor fill the memory."""
    try:
        before = os.stat(path)
    except OSError as error:
        raise TextImportError(f"cannot read: {error.strerror}") from None
    if not stat.S_ISREG(before.st_mode):
        raise TextImportError("not a regular file (a folder, a pipe or a device): give the saved file itself")
    if before.st_size > textrules.MAX_FILE_BYTES:
        raise TextImportError(f"file of {before.st_size:,} bytes; at most {textrules.MAX_FILE_BYTES:,}")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise TextImportError(f"cannot read: {error.strerror}") from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise TextImportError("not a regular file (a folder, a pipe or a device): give the saved file itself")
        raw = handle.read(textrules.MAX_FILE_BYTES + 1)
    if len(raw) > textrules.MAX_FILE_BYTES:
        raise TextImportError(f"file larger than {textrules.MAX_FILE_BYTES:,} bytes")
    return raw


def build_record(sources: list[tuple[str, bytes]], version: str, lang: str, given: Provenance) -> tuple[dict, Reading, str]:
    """(the canonical record, how it was read, the word account's line); TextImportError with one line."""
    _check_options(given)
    reading = shapes.read(sources, lang)
    try:
        return _record(reading, version, lang, given)
    except TextImportError as error:
        raise TextImportError(f"{reading.shape}: {error}") from None


def _record(reading: Reading, version: str, lang: str, given: Provenance) -> tuple[dict, Reading, str]:
    pieces = reading.pieces.items
    language.check(pieces, lang)  # again for the shapes that placed as they read (zan's node list)
    record = reading.builder.result(version, lang)
    record["source"] = _source(given, reading, lang, record.get("title"))
    words = account.check(pieces, reading.builder.ledger, record)
    try:
        model = texts.TextFile.model_validate(record)
    except ValidationError as error:
        item = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in item["loc"])
        raise TextImportError(f"{where}: {item['msg']}") from None
    problems = texts.structure_problems(model)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise TextImportError(f"{problems[0][1]}{more}; is the file complete and in order?")
    if given.expect_articles is not None and len(model.articles) != given.expect_articles:
        raise TextImportError(f"{len(model.articles)} articles read, --expect-articles {given.expect_articles}")
    read = {a.number for a in model.articles}
    if reading.listed_articles and not given.partial and reading.listed_articles - read:
        missing = reading.listed_articles - read
        raise TextImportError(f"the document's own index lists {len(reading.listed_articles)} articles, and "
                              f"{_articles(missing)} of them {'is' if len(missing) == 1 else 'are'} not in its text: "
                              "is the file complete? (for a part of the version, give --partial)")
    for loc, value in textrules.strings_in(record):
        problem = textrules.string_problem(value)
        if problem is not None:
            raise TextImportError(f"{'.'.join(str(p) for p in loc)}: {problem.message}")
    return record, reading, words.line()


def _check_options(given: Provenance) -> None:
    for flag, value in (("--publisher", given.publisher), ("--title", given.title), ("--date", given.date),
                        ("--url", given.url), ("--registry", given.registry), ("--translator", given.translator)):
        if value is not None:
            problem = textrules.string_problem(value)
            if problem is not None:
                raise TextImportError(f"{flag}: {problem.message}")
            if not value.strip():
                raise TextImportError(f"{flag}: empty")
    if given.expect_articles is not None and not 0 < given.expect_articles <= 10_000:
        raise TextImportError(f"--expect-articles: expected a count of articles, got {given.expect_articles}")


def _source(given: Provenance, reading: Reading, lang: str, record_title: str | None) -> dict:
    about, system = reading.about, reading.system
    official = given.official
    if official is None and system is not None:
        # The state's own Kazakh and Russian texts; the portal labels English "unofficial translation".
        official = lang in ("kk", "ru")
    if official is None:
        raise TextImportError("say whether the text is official: --official, or --unofficial with --translator")
    publisher = given.publisher or (PUBLISHERS[system][lang] if system else None)
    title = given.title or about.get("title") or (record_title if system else None)
    date = given.date or about.get("date")
    registry = given.registry or about.get("registry")
    url = given.url or about.get("url")
    missing = [name for name, value in (("--publisher", publisher), ("--title", title), ("--date", date)) if not value]
    if missing:
        raise TextImportError(f"provenance missing: give {', '.join(missing)}")
    assert publisher and title and date  # each is named in `missing` otherwise
    if url and (problem := url_problem(url)) is not None:
        raise TextImportError(f"{'--url' if given.url else 'url'}: {problem}")
    if registry and not re.fullmatch(REGISTRY_PATTERN, registry):
        raise TextImportError(f"registry: expected a registry code like K2600000000 (a capital letter, then capital "
                              f"letters, digits or _; 5 to 20 in all), got {registry[:40]!r}")
    if not (url or registry):
        where = (" (the code in the address it was saved from: /api/documents/by-ngr/<code>)" if system == "adilet" and
                 not about.get("url") else "")
        raise TextImportError(f"provenance missing: give --url or --registry{where}, so a reader can check the text")
    if not official and not given.translator:
        raise TextImportError("an unofficial text needs --translator (who translated it)")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date[:10]) or len(date) > 40:
        raise TextImportError(f"date: expected YYYY-MM-DD, got {date[:40]!r}")
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        raise TextImportError(f"date: {date[:40]!r} is not a date") from None
    source: dict = {"publisher": publisher, "title": title, "date": day}
    if url:
        source["url"] = url
    if registry:
        source["registry"] = registry
    source["official"] = bool(official)
    if not official:
        source["translator"] = given.translator
    if given.partial:
        source["complete"] = False
    if about.get("status"):
        source["status"] = about["status"]
    if reading.builder.service:
        source["service"] = reading.builder.service
    return source


def dump(record: dict) -> bytes:
    body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=10**6, default_flow_style=False)
    return (HEADER.format(version=record["version"], lang=record["lang"]) + body).encode("utf-8")


def run(paths: str | list[str], version: str, lang: str, data_dir: str, given: Provenance) -> ImportReport:
    paths = [paths] if isinstance(paths, str) else list(paths)
    if lang not in LANGUAGES:
        raise TextImportError(f"--lang: expected one of {', '.join(LANGUAGES)}, got {lang!r}")
    versions = known_versions(data_dir)
    if version not in versions:
        raise TextImportError(f"--version: unknown version {version!r}; expected one of {', '.join(versions)} (data/versions.yml)")
    if not versions[version]:
        raise TextImportError(f"--version: {version!r} has no date in data/versions.yml: a proposal is not a text of the Constitution")
    target, shown = _target(data_dir, version, lang)
    sources = []
    for path in paths:
        try:
            sources.append((path, read_input(path)))
        except TextImportError as error:
            raise TextImportError(f"{path}: {error}" if len(paths) > 1 else str(error)) from None
    record, reading, words = build_record(sources, version, lang, given)
    model = texts.TextFile.model_validate(record)
    other = _other_official(data_dir, version, lang)
    lacks = _against_other(other, model, given) if other else ""
    content = dump(record)
    old = _read(target)
    report = ImportReport(shown, written=old != content, articles=len(record["articles"]), shape=reading.shape,
                          account=words, reading=reading.notes, other_lacks=lacks)
    if other:
        kk, ru = (model, other[0]) if lang == "kk" else (other[0], model)
        report.compared = [str(d) for d in textcompare.compare(kk, ru)]
    if not report.written:
        return report
    new_parts = texts.addressable(model)
    old_parts = _parts(old)
    report.changed = [eid for eid in new_parts if eid in old_parts and old_parts[eid] != new_parts[eid]]
    report.added = [eid for eid in new_parts if eid not in old_parts]
    report.removed = [eid for eid in old_parts if eid not in new_parts]
    try:
        write_atomic(target, content)
    except OSError as error:
        raise TextImportError(f"cannot write {shown}: {error.strerror or error}; the old file is unchanged") from None
    return report


def _target(data_dir: str, version: str, lang: str) -> tuple[str, str]:
    """data/texts/<version>/<lang>.yml, refused when any step of it is a symbolic link or it would
    land outside the project: import-text writes inside data/texts/ and nowhere else."""
    data_dir = os.path.abspath(data_dir)
    root = os.path.dirname(data_dir)
    target = texts.path_for(data_dir, version, lang)
    shown = os.path.relpath(target, root).replace(os.sep, "/")
    step = data_dir
    for part in (texts.FOLDER, version, f"{lang}.yml"):
        step = os.path.join(step, part)
        if os.path.islink(step):
            raise TextImportError(f"{os.path.relpath(step, root)} is a symbolic link: import-text writes only inside "
                                  "data/texts/; replace the link with a folder or file")
    inside = os.path.realpath(os.path.join(data_dir, texts.FOLDER))
    if os.path.islink(data_dir) or os.path.commonpath([os.path.realpath(root), inside]) != os.path.realpath(root):
        raise TextImportError(f"{os.path.relpath(data_dir, root)} leads outside the project: import-text writes only "
                              "inside its data/texts/")
    if os.path.exists(target) and not os.path.isfile(target):
        raise TextImportError(f"{shown} is not a file")
    return target, shown


def _other_official(data_dir: str, version: str, lang: str) -> tuple[texts.TextFile, str] | None:
    """The other official language's text of this version, if held and readable, with its path
    as shown (data/texts/<version>/<lang>.yml)."""
    other = {"kk": "ru", "ru": "kk"}.get(lang)
    if other is None:
        return None
    path = texts.path_for(os.path.abspath(data_dir), version, other)
    held = _read(path)
    if held is None:
        return None
    try:
        theirs = texts.TextFile.model_validate(yaml.safe_load(held))
    except (yaml.YAMLError, ValidationError, TypeError):
        return None  # a hand-broken file: `atazan validate` names it
    return theirs, os.path.relpath(path, os.path.dirname(os.path.abspath(data_dir))).replace(os.sep, "/")


def _against_other(other: tuple[texts.TextFile, str], model: texts.TextFile, given: Provenance) -> str:
    """The articles of the two official texts of one version are the same ones. A file cut off at
    an article boundary passes every check of its own (numbers from 1 without gaps, every word
    placed), so it is checked against the other language's text when that is held, complete and
    official: articles missing here refuse the import; articles missing there are returned, for
    the import to say so loudly (the other file is the one cut short, or this one is wrong)."""
    theirs, shown = other
    if given.partial or not theirs.source.complete or not (theirs.source.official and model.source.official):
        return ""
    mine, held = {a.number for a in model.articles}, {a.number for a in theirs.articles}
    if held - mine:
        missing = held - mine
        raise TextImportError(
            f"{len(mine)} articles read, but the {theirs.lang} text of {theirs.version} ({shown}) has {len(held)}: "
            f"{_articles(missing)} {'is' if len(missing) == 1 else 'are'} not in this file. Is the file complete? "
            f"(if {shown} is the wrong one, replace it first; for a part of the version, give --partial)")
    if mine - held:
        return (f"the {theirs.lang} text of {theirs.version} ({shown}) lacks {_articles(mine - held)}, which this "
                f"file has: is {shown} complete? Import it again (until then `atazan validate` warns and the strict "
                "build fails)")
    return ""


def _articles(numbers: set[str] | frozenset[str]) -> str:
    """"article 7" or "articles 5, 91–96": runs of whole numbers shown as ranges."""
    ordered = sorted(numbers, key=texts.number_key)
    runs: list[list[str]] = []
    for number in ordered:
        if runs and number.isdigit() and runs[-1][-1].isdigit() and int(runs[-1][-1]) + 1 == int(number):
            runs[-1].append(number)
        else:
            runs.append([number])
    shown = ", ".join(run[0] if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)
    return f"article{'s' if len(ordered) > 1 else ''} {shown}"


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read(textrules.MAX_FILE_BYTES + 1)
    except OSError:
        return None


def _parts(content: bytes | None) -> dict[str, str]:
    if content is None:
        return {}
    try:
        return texts.addressable(texts.TextFile.model_validate(yaml.safe_load(content)))
    except (yaml.YAMLError, ValidationError, TypeError):
        return {}  # a hand-broken file: everything counts as added
