"""Check the whole dataset against the schema before anything is rendered.

Steps: read every file (load.py) -> check each record against its model (schema.py) ->
check the rules that span records -> return a `Dataset`, or raise `DataError` listing every
problem as `file:line: field: message`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from atazan.dataset import schema, translations
from atazan.dataset import correspondence, explanations
from atazan.dataset import textcompare
from atazan.dataset import texts as texts_module
from atazan.errors import DataError, Problem, display_path
from atazan.dataset.load import LoadedFile, data_files, read_yaml
from atazan.dataset import messages
from atazan.dataset.model import Dataset

__all__ = ["Dataset", "load_dataset"]


def load_dataset(data_dir: str, root: str | None = None, check_correspondence: bool = True) -> Dataset:
    """Load and validate `data_dir`; raises DataError with every problem found."""
    root = root if root is not None else os.path.dirname(os.path.abspath(data_dir))
    dataset = Dataset(root=root)
    problems: list[Problem] = []
    loaded_files: dict[tuple[str, str], LoadedFile] = {}
    # (file, location of the record in it, record, page key): what the translation survey walks.
    surveyed: list[tuple[LoadedFile, tuple, schema.Record, tuple[str, str | None]]] = []
    if not os.path.isdir(data_dir):
        raise DataError([Problem(display_path(data_dir, root), "", "data folder not found; run atazan in the repository's "
                                 "root folder, or pass --data DIR")])

    # Records that exist but did not load: the cross-record checks run on the rest, and say
    # nothing about references to these (their own problems are reported).
    broken = Broken()
    for name, model in schema.LISTS.items():
        loaded, found = _read(os.path.join(data_dir, name), root, must_exist=name not in schema.OPTIONAL_LISTS)
        problems += found
        if loaded is None:
            broken.whole_list(name, found)
            continue
        if not isinstance(loaded.data, list):
            problems.append(Problem(loaded.path, "", "expected a list of entries", loaded.line_of(())))
            continue
        problems += _placeholders(loaded, os.path.join(data_dir, name))
        records = [_check(loaded, model, item, (index,), problems) for index, item in enumerate(loaded.data)]
        broken.list_entries(name, loaded.data, records)
        stem = name.removesuffix(".yml")
        surveyed += [(loaded, (index,), r, (stem, getattr(r, "id", None))) for index, r in enumerate(records) if r is not None]
        records = [r for r in records if r is not None]
        for index, item in enumerate(loaded.data):
            version = item.get("version") if isinstance(item, dict) else None
            if name == "timeline.yml" and version is not None and version not in dataset.versions and not broken.may_hold("versions", version):
                problems.append(Problem(loaded.path, f"[{index}].version", f"unknown version '{version}' (see data/versions.yml)", loaded.line_of((index, "version"))))
        if name == "timeline.yml":
            dataset.timeline = sorted(records, key=lambda event: event.date)
        elif name == "outlets.yml":
            for index, record in enumerate(records):
                if record.outlet in dataset.outlets:
                    problems.append(Problem(loaded.path, f"[{index}].outlet", f"duplicate outlet '{record.outlet}'", loaded.line_of((index, "outlet"))))
                dataset.outlets[record.outlet] = record
        else:
            target = dataset.versions if name == "versions.yml" else dataset.sections
            for index, record in enumerate(records):
                if record.id in target:
                    problems.append(Problem(loaded.path, f"[{index}].id", f"duplicate id '{record.id}'", loaded.line_of((index, "id"))))
                target[record.id] = record

    for collection, model in schema.COLLECTIONS.items():
        target = getattr(dataset, collection)
        for abs_path in data_files(os.path.join(data_dir, collection)):
            shown = display_path(abs_path, root)
            if not abs_path.endswith(".yml"):
                problems.append(Problem(shown, "", "unexpected file: records are .yml files"))
                continue
            loaded, found = _read(abs_path, root, must_exist=True)
            problems += found
            stem = os.path.splitext(os.path.basename(abs_path))[0]
            if loaded is None:
                broken.record(collection, stem)
                continue
            problems += _placeholders(loaded, abs_path)
            record = _check(loaded, model, loaded.data, (), problems)
            if record is None:
                broken.record(collection, stem)
                continue
            if found:  # e.g. a key given twice: what it says about other records is not to be trusted
                broken.shaky.add((collection, record.id))
            if record.id != stem:
                problems.append(Problem(shown, "id", f"'{record.id}' does not match the file name '{stem}.yml'", loaded.line_of(("id",))))
            if record.id in target:
                first = dataset.origin[(collection, record.id)]
                problems.append(Problem(shown, "id", f"duplicate id '{record.id}' (also in {first})", loaded.line_of(("id",))))
                continue
            target[record.id] = record
            dataset.origin[(collection, record.id)] = shown
            loaded_files[(collection, record.id)] = loaded
            surveyed.append((loaded, (), record, (collection, record.id)))

    dataset.texts, found = texts_module.load_texts(data_dir, root, {vid: v.date is not None for vid, v in dataset.versions.items()})
    found += textcompare.held_texts_problems(dataset.texts)  # the kk and ru texts of a version compared
    problems += [p for p in found if p.severity == "error"]
    text_warnings = [p for p in found if p.severity != "error"]
    not_checked: list[str] = []
    if not any(p.severity == "error" for p in found):
        dataset.correspondence, table_problems = correspondence.load(
            data_dir, root, dataset.texts, check_correspondence, {vid: v.date for vid, v in dataset.versions.items()})
        problems += table_problems
    elif os.path.exists(os.path.join(data_dir, correspondence.FILE)):
        not_checked.append(f"{display_path(os.path.join(data_dir, correspondence.FILE), root)} (it needs the texts)")
    problems += _cross_checks(dataset, loaded_files, broken)
    problems += text_warnings
    errors = [p for p in problems if p.severity == "error"]
    dataset.warnings = [p for p in problems if p.severity == "warning"]
    if errors:
        raise DataError(errors, not_checked)
    for loaded, prefix, record, key in surveyed:
        dataset.translations += translations.survey(record, prefix, loaded.path, key, loaded.line_of, messages.field_path)
    dataset.explanations = explanations.survey(dataset, loaded_files, messages.field_path)
    return dataset


def _read(abs_path: str, root: str, must_exist: bool = True) -> tuple[LoadedFile | None, list[Problem]]:
    shown = display_path(abs_path, root)
    if not os.path.lexists(abs_path):
        return None, ([Problem(shown, "", "file not found")] if must_exist else [])
    loaded, problems = read_yaml(abs_path, shown, root)
    if loaded is not None and loaded.data is None:
        return None, problems + [Problem(shown, "", "file is empty")]
    return loaded, problems


# What the templates (data/*/_template.yml) ask a contributor to replace: texts starting with
# "REPLACE", the example link, the id "replace-me", and values marked with a `# REPLACE` note.
_PLACEHOLDER_TEXT = re.compile(r"^REPLACE\b|/REPLACE\b")
_PLACEHOLDER_ID = re.compile(r"(?:^|-)replace-me$")
_PLACEHOLDER_NOTE = re.compile(r"^\s*[^\s#].*#.*\bREPLACE\b")  # after a value; a header comment may say "REPLACE"


def _placeholders(loaded: LoadedFile, abs_path: str) -> list[Problem]:
    """Text left from a template: it would be published as it stands."""
    problems: list[Problem] = []
    lines: dict[int, tuple] = {}  # line -> the first value on it, for the field of a `# REPLACE` note
    stack: list[tuple[yaml.Node, tuple]] = [(loaded.node, ())] if loaded.node is not None else []
    while stack:
        node, loc = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack += [(value, loc + (key.value,)) for key, value in reversed(node.value)]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(value, loc + (index,)) for index, value in reversed(list(enumerate(node.value)))]
        elif isinstance(node, yaml.ScalarNode):
            line = node.start_mark.line + 1
            lines.setdefault(line, loc)
            if isinstance(node.value, str) and (_PLACEHOLDER_TEXT.search(node.value) or _PLACEHOLDER_ID.search(node.value)):
                problems.append(Problem(loaded.path, messages.field_path(loc),
                                        f"placeholder from the template: replace '{_shorten(node.value)}'", line))
    flagged = {p.line for p in problems}
    try:
        with open(abs_path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return problems  # read_yaml read it a moment ago; nothing more to say
    for number, line_text in enumerate(text.splitlines(), start=1):
        if number not in flagged and _PLACEHOLDER_NOTE.search(line_text):
            loc = lines.get(number, ())
            problems.append(Problem(loaded.path, messages.field_path(loc) if loc else "",
                                    "still marked `# REPLACE` from the template: check the value, then delete the note", number))
    return sorted(problems, key=lambda p: p.line or 0)


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Broken:
    """Records that exist but did not load (a YAML or schema error, reported on their own)."""

    def __init__(self) -> None:
        self.ids: dict[str, set[str]] = {}  # collection or list stem -> ids of broken records
        self.unknown: set[str] = set()  # list files that did not load at all: any id may be in them
        self.shaky: set[tuple[str, str]] = set()  # loaded, but from a file with problems of its own

    def record(self, collection: str, record_id: str) -> None:
        self.ids.setdefault(collection, set()).add(record_id)

    def whole_list(self, name: str, problems: list[Problem]) -> None:
        if problems:  # a missing optional list is no broken one
            self.unknown.add(name.removesuffix(".yml"))

    def list_entries(self, name: str, items: Any, records: list) -> None:
        stem = name.removesuffix(".yml")
        for item, record in zip(items, records):
            if record is None:
                ident = item.get("id") if isinstance(item, dict) else None
                if isinstance(ident, str):
                    self.record(stem, ident)
                else:
                    self.unknown.add(stem)

    def may_hold(self, kind: str, ident: str) -> bool:
        """Whether a reference to `ident` may point at a record that did not load."""
        return kind in self.unknown or ident in self.ids.get(kind, set())

    def any(self, kind: str) -> bool:
        return kind in self.unknown or bool(self.ids.get(kind))


def _check(loaded: LoadedFile, model: type[BaseModel], data: Any, prefix: tuple, problems: list[Problem]):
    if not isinstance(data, dict):
        problems.append(Problem(loaded.path, messages.field_path(prefix), "expected a mapping of keys to values", loaded.line_of(prefix)))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            loc = prefix + tuple(item["loc"])
            problems.append(Problem(loaded.path, messages.field_path(loc), messages.message(item, model, tuple(item["loc"])), loaded.line_of(loc)))
        return None


def _cross_checks(dataset: Dataset, loaded_files: dict[tuple[str, str], LoadedFile], broken: Broken | None = None) -> list[Problem]:
    """The rules between records, over the records that loaded; a reference to a record that
    exists but did not load (`broken`) is not reported again."""
    problems: list[Problem] = []
    broken = broken if broken is not None else Broken()

    def report(collection: str, record_id: str, loc: tuple, message: str, severity: str = "error") -> None:
        if (collection, record_id) in broken.shaky:
            return
        loaded = loaded_files[(collection, record_id)]
        problems.append(Problem(loaded.path, messages.field_path(loc), message, loaded.line_of(loc), severity))

    def unknown(kind: str, ident: str) -> bool:
        return ident not in getattr(dataset, kind) and not broken.may_hold(kind, ident)

    claimed: dict[tuple[str, int], list[tuple[str, set[str]]]] = {}
    for pid, provision in dataset.provisions.items():
        if provision.section is not None and unknown("sections", provision.section):
            report("provisions", pid, ("section",), f"unknown section '{provision.section}' (see data/sections.yml)")
        for index, theme in enumerate(provision.themes):
            if unknown("themes", theme):
                report("provisions", pid, ("themes", index), f"unknown theme '{theme}' (no data/themes/{theme}.yml)")
        for index, other in enumerate(provision.related):
            if unknown("provisions", other):
                report("provisions", pid, ("related", index), f"unknown provision '{other}' (no data/provisions/{other}.yml)")
            elif other == pid:
                report("provisions", pid, ("related", index), "a provision cannot be related to itself")
        for index, version in enumerate(provision.versions):
            if version.version not in dataset.versions:
                if not broken.may_hold("versions", version.version):
                    report("provisions", pid, ("versions", index, "version"), f"unknown version '{version.version}' (see data/versions.yml)")
            elif (message := _reported_too_early(dataset, version.version, version.source.date)) is not None:
                report("provisions", pid, ("versions", index, "source", "date"), message)
            if version.number is not None:
                key = (version.version, version.number)
                for other_id, paragraphs in claimed.get(key, []):
                    if other_id != pid and (not paragraphs or not version.paragraphs or paragraphs & set(version.paragraphs)):
                        report("provisions", pid, ("versions", index, "number"),
                               f"article {version.number} of {version.version} is already claimed by provision '{other_id}'")
                claimed.setdefault(key, []).append((pid, set(version.paragraphs)))
    for tid, term in dataset.glossary.items():
        for index, other in enumerate(term.provisions):
            if unknown("provisions", other):
                report("glossary", tid, ("provisions", index), f"unknown provision '{other}' (no data/provisions/{other}.yml)")
    _news_checks(dataset, report, unknown, broken)
    # An error, as the build has always treated it (a theme page with nothing under it). A broken
    # provision may list the theme, so the rule waits until every provision loads.
    used = {theme for provision in dataset.provisions.values() for theme in provision.themes}
    for tid in dataset.themes if not broken.any("provisions") else ():
        if tid not in used:
            report("themes", tid, ("id",), f"no provision lists this theme yet: add `{tid}` to the `themes:` of a provision in data/provisions/")
    return problems


def _reported_too_early(dataset: Dataset, version_id: str, reported: dt.date) -> str | None:
    # A source cannot report a version's wording before that version existed: wording reported
    # on 11 February 2026 is not the final draft published on 12 February (issue 12, T2).
    existed = dataset.versions[version_id].date
    if existed is None or reported >= existed:
        return None
    return (f"reported on {reported.isoformat()}, before {version_id} existed ({existed.isoformat()}); "
            "label it with the version it was reported as (see data/versions.yml)")


def _article_in_dataset(dataset: Dataset, art: schema.CheckedArticle) -> bool:
    # A fact-check may only cite an article our provisions hold in that version: a number the
    # dataset never recorded is how a paragraph heading became "Article 6" (issue 12, T1).
    for provision in dataset.provisions.values():
        for version in provision.versions:
            if version.version == art.version and version.number == art.article and (
                    not art.paragraphs or not version.paragraphs or set(art.paragraphs) <= set(version.paragraphs)):
                return True
    return False


def _news_checks(dataset: Dataset, report, unknown, broken: Broken) -> None:
    # News and fact-checks may only point at records that exist; the importer's own
    # references are checked too, since provisions can be renamed after an import.
    def check(collection: str, rid: str, loc: tuple, kind: str, ident: str) -> None:
        folder = {"provision": "provisions", "theme": "themes", "news": "news"}[kind]
        if unknown(folder, ident):
            report(collection, rid, loc, f"unknown {kind} '{ident}' (no data/{folder}/{ident}.yml)")

    for nid, item in dataset.news.items():
        for index, tid in enumerate(item.machine.themes):
            check("news", nid, ("machine", "themes", index), "theme", tid)
        for index, ref in enumerate(item.machine.references):
            if ref.version is not None and ref.version not in dataset.versions:
                if not broken.may_hold("versions", ref.version):
                    report("news", nid, ("machine", "references", index, "version"), f"unknown version '{ref.version}' (see data/versions.yml)")
            elif ref.version is not None and (message := _reported_too_early(dataset, ref.version, item.date)) is not None:
                report("news", nid, ("machine", "references", index, "version"), message)
            for j, pid in enumerate(ref.provisions):
                check("news", nid, ("machine", "references", index, "provisions", j), "provision", pid)
        for index, tid in enumerate(item.curated.themes or []):
            check("news", nid, ("curated", "themes", index), "theme", tid)
        for index, pid in enumerate(item.curated.provisions or []):
            check("news", nid, ("curated", "provisions", index), "provision", pid)
    for fid, fact in dataset.factchecks.items():
        for index, art in enumerate(fact.checked):
            if art.version not in dataset.versions:
                if not broken.may_hold("versions", art.version):
                    report("factchecks", fid, ("checked", index, "version"), f"unknown version '{art.version}' (see data/versions.yml)")
            elif not broken.any("provisions") and not _article_in_dataset(dataset, art):
                where = f"article {art.article}" + (f", paragraph(s) {', '.join(art.paragraphs)}," if art.paragraphs else "")
                report("factchecks", fid, ("checked", index),
                       f"{where} of {art.version} is in no provision record (no data/provisions/*.yml has it under versions[])")
        for index, pid in enumerate(fact.provisions):
            check("factchecks", fid, ("provisions", index), "provision", pid)
        for index, nid in enumerate(fact.news):
            check("factchecks", fid, ("news", index), "news", nid)
