"""Check the whole dataset against the schema before anything is rendered.

Steps: read every file (load.py) -> check each record against its model (schema.py) ->
check the rules that span records -> return a `Dataset`, or raise `DataError` listing every
problem as `file:line: field: message`.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

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
        raise DataError([Problem(display_path(data_dir, root), "", "data folder not found")])

    for name, model in schema.LISTS.items():
        loaded, found = _read(os.path.join(data_dir, name), root, must_exist=name not in schema.OPTIONAL_LISTS)
        problems += found
        if loaded is None:
            continue
        if not isinstance(loaded.data, list):
            problems.append(Problem(loaded.path, "", "expected a list of entries", loaded.line_of(())))
            continue
        records = [_check(loaded, model, item, (index,), problems) for index, item in enumerate(loaded.data)]
        stem = name.removesuffix(".yml")
        surveyed += [(loaded, (index,), r, (stem, getattr(r, "id", None))) for index, r in enumerate(records) if r is not None]
        records = [r for r in records if r is not None]
        for index, item in enumerate(loaded.data):
            version = item.get("version") if isinstance(item, dict) else None
            if name == "timeline.yml" and version is not None and version not in dataset.versions:
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
            if loaded is None:
                continue
            record = _check(loaded, model, loaded.data, (), problems)
            if record is None:
                continue
            stem = os.path.splitext(os.path.basename(abs_path))[0]
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
    if not any(p.severity == "error" for p in found):
        dataset.correspondence, table_problems = correspondence.load(data_dir, root, dataset.texts, check_correspondence)
        problems += table_problems
    if not problems:
        problems += _cross_checks(dataset, loaded_files)
    problems += text_warnings
    errors = [p for p in problems if p.severity == "error"]
    dataset.warnings = [p for p in problems if p.severity == "warning"]
    if errors:
        raise DataError(errors)
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


def _cross_checks(dataset: Dataset, loaded_files: dict[tuple[str, str], LoadedFile]) -> list[Problem]:
    problems: list[Problem] = []

    def report(collection: str, record_id: str, loc: tuple, message: str, severity: str = "error") -> None:
        loaded = loaded_files[(collection, record_id)]
        problems.append(Problem(loaded.path, messages.field_path(loc), message, loaded.line_of(loc), severity))

    claimed: dict[tuple[str, int], list[tuple[str, set[str]]]] = {}
    for pid, provision in dataset.provisions.items():
        if provision.section is not None and provision.section not in dataset.sections:
            report("provisions", pid, ("section",), f"unknown section '{provision.section}' (see data/sections.yml)")
        for index, theme in enumerate(provision.themes):
            if theme not in dataset.themes:
                report("provisions", pid, ("themes", index), f"unknown theme '{theme}' (no data/themes/{theme}.yml)")
        for index, other in enumerate(provision.related):
            if other not in dataset.provisions:
                report("provisions", pid, ("related", index), f"unknown provision '{other}' (no data/provisions/{other}.yml)")
            elif other == pid:
                report("provisions", pid, ("related", index), "a provision cannot be related to itself")
        for index, version in enumerate(provision.versions):
            if version.version not in dataset.versions:
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
            if other not in dataset.provisions:
                report("glossary", tid, ("provisions", index), f"unknown provision '{other}' (no data/provisions/{other}.yml)")
    _news_checks(dataset, report)
    used = {theme for provision in dataset.provisions.values() for theme in provision.themes}
    for tid in dataset.themes:
        if tid not in used:
            report("themes", tid, ("id",), "no provision lists this theme yet", "warning")
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


def _news_checks(dataset: Dataset, report) -> None:
    # News and fact-checks may only point at records that exist; the importer's own
    # references are checked too, since provisions can be renamed after an import.
    def exists(kind: str, ident: str) -> bool:
        return ident in (dataset.provisions if kind == "provision" else dataset.themes if kind == "theme" else dataset.news)

    def check(collection: str, rid: str, loc: tuple, kind: str, ident: str) -> None:
        if not exists(kind, ident):
            folder = {"provision": "provisions", "theme": "themes", "news": "news"}[kind]
            report(collection, rid, loc, f"unknown {kind} '{ident}' (no data/{folder}/{ident}.yml)")

    for nid, item in dataset.news.items():
        for index, tid in enumerate(item.machine.themes):
            check("news", nid, ("machine", "themes", index), "theme", tid)
        for index, ref in enumerate(item.machine.references):
            if ref.version is not None and ref.version not in dataset.versions:
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
                report("factchecks", fid, ("checked", index, "version"), f"unknown version '{art.version}' (see data/versions.yml)")
            elif not _article_in_dataset(dataset, art):
                where = f"article {art.article}" + (f", paragraph(s) {', '.join(art.paragraphs)}," if art.paragraphs else "")
                report("factchecks", fid, ("checked", index),
                       f"{where} of {art.version} is in no provision record (no data/provisions/*.yml has it under versions[])")
        for index, pid in enumerate(fact.provisions):
            check("factchecks", fid, ("provisions", index), "provision", pid)
        for index, nid in enumerate(fact.news):
            check("factchecks", fid, ("news", index), "news", nid)
