"""`atazan` command: checks and tools for contributors and CI."""

from __future__ import annotations

import argparse
import os
import sys

from atazan import LANGUAGES
from atazan.dataset import explanations, translations
from atazan.errors import DataError, Problem, display_path
from atazan.dataset.validate import load_dataset
from atazan.fsutil import write_atomic


def _annotate() -> bool:
    # In GitHub Actions, problems become annotations on the changed line.
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _print_problems(problems, stream) -> None:
    for problem in problems:
        print(problem.github_annotation() if _annotate() else str(problem), file=stream)


def _write_data_file(command: str, path: str, content: str | bytes, root: str) -> bool:
    """Write one data file (atomically, inside the project); on failure say so in one line: a
    read-only folder, a full disk or a link out of the project leaves the old file whole."""
    try:
        write_atomic(path, content, root=root)
        return True
    except OSError as error:
        print(f"atazan {command}: {display_path(path, root)}: cannot write: {error.strerror or error}; the file is unchanged",
              file=sys.stderr)
        return False


def cmd_validate(args: argparse.Namespace) -> int:
    data_dir = os.path.abspath(args.data)
    root = os.path.dirname(data_dir)
    try:
        dataset = _checked_project(data_dir, root)
    except DataError as error:
        _print_problems(error.problems, sys.stderr)
        where = args.data if all(p.path.startswith(display_path(data_dir, root)) for p in error.problems) else "the project"
        unchecked = f"; not checked until these are fixed: {'; '.join(error.not_checked)}" if error.not_checked else ""
        print(f"atazan: {len(error.problems)} error(s) in {where}{unchecked}", file=sys.stderr)
        return 1
    # Outdated or unstamped translations are warnings; --strict-translations makes them errors.
    stale = translations.problems(dataset.translations, "error" if args.strict_translations else "warning")
    if args.strict_translations and stale:
        _print_problems(dataset.warnings + stale, sys.stderr)
        print(f"atazan: {len(stale)} translation error(s) in {args.data} (--strict-translations)", file=sys.stderr)
        return 1
    # Explanations whose text changed since a person checked them (explanations.py): warnings too.
    warnings = dataset.warnings + stale + explanations.problems(dataset.explanations)
    _print_problems(warnings, sys.stderr)
    # Where the kk and ru texts of a version differ in a number, date or article reference: both are
    # official, so this may be real; listed for a person to check, it stops nothing.
    for line in dataset.texts.notes:
        print(line)
    # Explanations written from a news report of a text that is now held: for a person to check
    # against the held text; no warning, since nothing is known to differ (explanations.py).
    for line in explanations.notes(dataset.explanations):
        print(line)
    print(
        f"atazan: {args.data} is valid: {len(dataset.provisions)} provisions, {len(dataset.themes)} themes, "
        f"{len(dataset.glossary)} glossary terms, {len(dataset.timeline)} timeline events, "
        f"{len(warnings)} warning(s)"
        + ("; its strings, templates, nav and links too" if _is_project(data_dir, root) else "")
    )
    return 0


def _checked_project(data_dir: str, root: str):
    """The dataset, checked as `mkdocs build --strict` checks it when data/ belongs to a project
    (mkdocs.yml beside it): strings, templates, generated pages, nav and links too
    (adapter/checks.py); the data alone otherwise."""
    config_file = os.path.join(root, "mkdocs.yml")
    if not _is_project(data_dir, root):
        return load_dataset(data_dir, root)
    from mkdocs.exceptions import ConfigurationError

    from atazan.adapter import checks

    try:
        config = checks.load_config(config_file)
    except ConfigurationError as error:
        raise DataError([Problem(display_path(config_file, root), "", str(error).strip())],
                        ["everything else (it needs mkdocs.yml)"]) from None
    return checks.check(config).dataset


def _is_project(data_dir: str, root: str) -> bool:
    return os.path.basename(data_dir) == "data" and os.path.isfile(os.path.join(root, "mkdocs.yml"))


def _valid_dataset(command: str, data: str):
    """(project root, dataset); the dataset is None, with a one-line reason printed, if data/ is invalid."""
    data_dir = os.path.abspath(data)
    root = os.path.dirname(data_dir)
    try:
        return root, load_dataset(data_dir, root)
    except DataError as error:
        print(_invalid(command, data, error), file=sys.stderr)
        return root, None


def _invalid(command: str, data: str, error: DataError) -> str:
    # One line that says what is wrong when one thing is (a hand-edited correspondence.yml, say).
    if len(error.problems) == 1:
        return f"atazan {command}: {data} is invalid: {error.problems[0]}"
    return f"atazan {command}: {data} is invalid ({len(error.problems)} error(s)); run `atazan validate --data {data}`"


def cmd_stamp(args: argparse.Namespace) -> int:
    """Record the fingerprint of the current source text in translations (translations.py)."""
    root, dataset = _valid_dataset("stamp", args.data)
    if dataset is None:
        return 1
    files = {display_path(os.path.abspath(f), root) for f in args.files}
    known = {entry.path for entry in dataset.translations}
    for name in sorted(files - known):
        print(f"atazan stamp: {name}: not a data file with translations in {args.data}", file=sys.stderr)
        return 2
    if args.explanations and not files:
        print("atazan stamp: --explanations needs the FILE(s) whose explanations you checked", file=sys.stderr)
        return 2
    if args.field and len(files) != 1:
        print("atazan stamp: --field needs exactly one FILE", file=sys.stderr)
        return 2
    chosen = [e for e in dataset.translations if e.status in ("translated", "reviewed") and (not files or e.path in files)]
    if args.field:
        chosen = [e for e in chosen if any(_field_matches(e.field, f) for f in args.field)]
        for wanted in args.field:
            if not any(_field_matches(e.field, wanted) for e in chosen):
                print(f"atazan stamp: {next(iter(files))}: no translation at --field {wanted}", file=sys.stderr)
                return 2
        # Named on purpose by a translator who has just updated these texts.
        to_stamp = [e for e in chosen if e.state in (translations.UNFINGERPRINTED, translations.OUTDATED)]
    else:
        # Without --field, only texts that were never stamped: an outdated translation stays
        # outdated until someone updates it and names it.
        to_stamp = [e for e in chosen if e.state == translations.UNFINGERPRINTED]
    for entry in chosen:
        if entry.state == translations.NO_SOURCE:
            print(f"{entry.problem()}", file=sys.stderr)
    by_file: dict[str, dict[tuple, str]] = {}
    for entry in to_stamp:
        by_file.setdefault(entry.path, {})[entry.loc] = entry.current_hash
        was = f"was {entry.source_hash}" if entry.source_hash else "was unstamped"
        print(f"{entry.path}:{entry.line}: {entry.field}: source_hash {entry.current_hash} ({entry.from_lang} text; {was})")
    if args.check:
        print(f"atazan stamp --check: {len(to_stamp)} translation(s) to stamp in {len(by_file)} file(s); nothing written")
        return max(1 if to_stamp else 0, _stamp_explanations(args, root, dataset, files))
    for path, stamps in sorted(by_file.items()):
        abs_path = os.path.join(root, path)
        try:
            content = translations.stamp_file(abs_path, stamps)
        except translations.StampError as error:
            print(f"atazan stamp: {path}: {error}", file=sys.stderr)
            return 1
        if not _write_data_file("stamp", abs_path, content, root):
            return 1
    left = sum(1 for e in dataset.translations if e.state == translations.OUTDATED and e not in to_stamp)
    print(f"atazan stamp: {len(to_stamp)} translation(s) stamped in {len(by_file)} file(s); "
          f"{left} outdated translation(s) left (`atazan validate` lists them)")
    return _stamp_explanations(args, root, dataset, files)


def _stamp_explanations(args: argparse.Namespace, root: str, dataset, files: set[str]) -> int:
    """explains_hash: missing ones always; outdated ones only in the FILEs named with --explanations,
    after a person checked that the explanation still fits the changed text."""
    if args.field and not args.explanations:
        return 0
    chosen = [c for c in dataset.explanations if not files or c.path in files]
    wanted = (explanations.UNSTAMPED, explanations.OUTDATED, explanations.DIFFERS, explanations.UNCHECKED) \
        if args.explanations else (explanations.UNSTAMPED,)
    to_stamp = [c for c in chosen if c.state in wanted]
    by_file: dict[str, dict[tuple, str]] = {}
    for check in to_stamp:
        by_file.setdefault(check.path, {})[check.loc] = check.current
        was = f"was {check.stored}" if check.stored else "was unstamped"
        print(f"{check.path}:{check.line}: {check.field}: {check.current} ({was})")
    if args.check:
        print(f"atazan stamp --check: {len(to_stamp)} explanation(s) to stamp; nothing written")
        return 1 if to_stamp else 0
    for path, stamps in sorted(by_file.items()):
        abs_path = os.path.join(root, path)
        try:
            content = translations.stamp_file(abs_path, stamps, key=explanations.KEY, after_key="version")
        except translations.StampError as error:
            print(f"atazan stamp: {path}: {error}", file=sys.stderr)
            return 1
        if not _write_data_file("stamp", abs_path, content, root):
            return 1
    left = sum(1 for c in dataset.explanations
               if c.state in (explanations.OUTDATED, explanations.DIFFERS, explanations.UNCHECKED) and c not in to_stamp)
    print(f"atazan stamp: {len(to_stamp)} explanation(s) stamped; {left} explanation(s) left to check (`atazan validate` lists them)")
    return 0


def _field_matches(field: str, wanted: str) -> bool:
    # `explanation.says` selects explanation.says.kk and .ru; `title.kk` only that one.
    return field == wanted or field.startswith((wanted + ".", wanted + "["))


def cmd_import_news(args: argparse.Namespace) -> int:
    from atazan.importers.news import importer

    _, dataset = _valid_dataset("import-news", args.data)
    if dataset is None:
        return 1
    data_dir = os.path.abspath(args.data)
    try:
        report = importer.run(args.dumps, data_dir, importer.context_from_dataset(dataset), args.dry_run,
                              log=lambda line: print(line, file=sys.stderr))
    except importer.ImportError_ as error:
        print(f"atazan import-news: {error}", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(f"{warning}", file=sys.stderr)
    importer.print_report(report)
    print(report.summary() + (" (dry run: nothing written)" if args.dry_run else ""))
    return 0


def cmd_import_text(args: argparse.Namespace) -> int:
    from atazan.importers.text import importer
    from atazan.importers.text.structure import TextImportError

    given = importer.Provenance(publisher=args.publisher, title=args.title, date=args.date, url=args.url,
                                registry=args.registry, official=args.official, translator=args.translator,
                                partial=args.partial, expect_articles=args.expect_articles)
    try:
        report = importer.run(args.files, args.version, args.lang, os.path.abspath(args.data), given)
    except TextImportError as error:
        named = args.files[0] if len(args.files) == 1 else " ".join(args.files)
        print(f"atazan import-text: {named}: {error}", file=sys.stderr)
        return 1
    print(report.account)
    print(report.summary())
    if report.other_lacks:
        print(f"atazan import-text: warning: {report.other_lacks}", file=sys.stderr)
    if report.compared:
        other = "ru" if args.lang == "kk" else "kk"
        print(f"compared with the {other} text of {args.version}: {len(report.compared)} difference(s) "
              "(`atazan validate` lists them)")
        for line in report.compared[:20]:
            print(f"  {line}")
    return 0


def cmd_match(args: argparse.Namespace) -> int:
    """Propose which article of each version is which (dataset/correspondence.py); keep confirmed cells."""
    import yaml

    from atazan.dataset import correspondence
    from atazan.fsutil import write_atomic
    from atazan.website.legaltext import reference_version

    data_dir = os.path.abspath(args.data)
    root = os.path.dirname(data_dir)
    try:
        # The table itself is rewritten here, so its own checks (a cell a person changed may match an
        # article twice until this proposal) do not stop it; everything else must be valid.
        dataset = load_dataset(data_dir, root, check_correspondence=False)
    except DataError as error:
        print(_invalid("match", args.data, error), file=sys.stderr)
        return 1
    if len(dataset.texts.versions()) < 2:
        print(f"atazan match: {args.data}/texts holds {len(dataset.texts.versions())} version(s); "
              "import a second with `atazan import-text` first", file=sys.stderr)
        return 1
    reference = reference_version(dataset)
    assert reference is not None  # two versions are held
    held = correspondence.matching_texts(dataset.texts)

    def oldest(version: str) -> tuple[str, str]:
        date = dataset.versions[version].date
        return (date.isoformat() if date else "9999", version)

    oldest_first = sorted(held, key=oldest)
    table = correspondence.propose({v: held[v] for v in oldest_first}, reference, dataset.correspondence)
    # One row, one block of short lines: a confirmation is a one-line diff.
    body = yaml.safe_dump(correspondence.to_data(table), allow_unicode=True, sort_keys=False, width=120,
                          default_flow_style=None)
    path = os.path.join(os.path.abspath(args.data), correspondence.FILE)
    old = _read_text(path)
    new = correspondence.HEADER + body
    kept = sum(cell.confirmed for row in table.rows for cell in row.cells.values())
    weak = sum(1 for row in table.rows for cell in row.cells.values()
               if cell.score is not None and cell.score < correspondence.REVIEW_BELOW)
    if new != old and not args.dry_run and not _write_data_file("match", path, new, root):
        return 1
    print(f"atazan match: {len(table.rows)} rows, reference {reference}, versions {', '.join(table.versions[1:])}; "
          f"{kept} confirmed cell(s) kept; {weak} proposal(s) below {correspondence.REVIEW_BELOW:g} to check; "
          + ("unchanged" if new == old else "would write" if args.dry_run else "written") + f" {display_path(path, root)}")
    return 0


def _read_text(path: str) -> str | None:
    # The file load_dataset has just read and checked; None when it is missing or unreadable now
    # (then it is written again, which says why if that fails too).
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def cmd_bench(args: argparse.Namespace) -> int:
    if args.diff:
        return _bench_diff(args)
    from atazan.tools import bench

    try:
        scales = [float(s) for s in args.scales.split(",") if s.strip()]
    except ValueError:
        print(f"atazan bench: --scales: expected numbers separated by commas, got '{args.scales}'", file=sys.stderr)
        return 2
    root = os.path.abspath(args.root)
    try:
        result = bench.run(root, scales, args.repeat, args.site, log=lambda line: print(line, file=sys.stderr),
                           partial=(lambda figures: _write_json(args.json, figures)) if args.json else None,
                           texts=args.texts, reader=_reader_options(args))
    except (bench.BenchError, DataError) as error:
        print(f"atazan bench: {error}", file=sys.stderr)
        return 1
    print(bench.format_report(result))
    if args.json:
        _write_json(args.json, result)
    return 0


def _bench_diff(args: argparse.Namespace) -> int:
    import tempfile

    from atazan.tools import bench_diff

    with tempfile.TemporaryDirectory(prefix="atazan-bench-diff-") as work:
        try:
            result = bench_diff.run(os.path.abspath(args.root), work, log=lambda line: print(line, file=sys.stderr))
        except Exception as error:  # a failed build: say which, in one line
            print(f"atazan bench --diff: {error}", file=sys.stderr)
            return 1
    print("\n".join(bench_diff.format_rows(result)))
    if args.json:
        _write_json(args.json, result)
    return 0


def _reader_options(args: argparse.Namespace) -> dict | None:
    if not args.reader:
        return None
    return {"scale": args.reader_scale, "repeat": args.reader_repeat, "baseline": args.reader_baseline,
            "site": args.reader_site, "langs": [lang for lang in args.reader_langs.split(",") if lang],
            "single": args.reader_single, "text": args.reader_text}


def _write_json(path: str, figures: dict) -> None:
    import json

    write_atomic(path, json.dumps(figures, indent=2, ensure_ascii=False))


def cmd_serve(args: argparse.Namespace) -> int:
    from atazan.tools import serve

    return serve.run(args.config_file, args.lang, args.dev_addr, args.open)


def cmd_schema(args: argparse.Namespace) -> int:
    from atazan.tools import schema_export

    if args.check:
        problems = schema_export.stale(args.out)
        for name, reason in problems:
            path = os.path.join(args.out, name).replace(os.sep, "/")
            message = f"{reason}; run `atazan schema` and commit the result"
            print(f"::error file={path}::{message}" if _annotate() else f"{path}: {message}", file=sys.stderr)
        if problems:
            return 1
        print(f"atazan: {args.out} matches the dataset schema")
        return 0
    written = schema_export.write(args.out)
    print(f"atazan: {len(written)} schema file(s) written to {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="atazan", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser(
        "validate", help="check everything `mkdocs build --strict` stops on; exit 1 on any error",
        description="Checks what the strict build checks before it writes a page: the data, the interface strings, "
                    "the templates, the generated pages, mkdocs.yml's nav and the links of docs/ (adapter/checks.py). "
                    "Prints one line per problem, `file:line: field: message` (GitHub annotations in Actions), "
                    "all at once. Exit 1 on any error; warnings, such as outdated translations, never change the "
                    "exit code. Run it in the repository's root folder.")
    validate.add_argument("--data", default="data", help="data folder (default: ./data)")
    validate.add_argument("--strict-translations", action="store_true",
                          help="outdated or unstamped translations are errors (exit 1), not warnings")
    validate.set_defaults(func=cmd_validate)
    stamp = sub.add_parser(
        "stamp", help="record the fingerprint of the source text in translations (source_hash)",
        description="Without --field: stamp only translations that have no source_hash yet. With --field: "
                    "re-stamp those fields of one FILE after updating their translation. Only the "
                    "source_hash values change in the files; comments, order and layout stay as they are.")
    stamp.add_argument("files", nargs="*", metavar="FILE", help="data files to stamp (default: every file)")
    stamp.add_argument("--field", action="append", metavar="FIELD",
                       help="a field as `atazan validate` prints it, e.g. explanation.says.kk (repeatable; "
                            "a prefix such as explanation.says selects every language under it)")
    stamp.add_argument("--data", default="data", help="data folder (default: ./data)")
    stamp.add_argument("--check", action="store_true", help="write nothing; list what would be stamped, exit 1 if anything")
    stamp.add_argument("--explanations", action="store_true",
                       help="with FILE: re-confirm the explanations in FILE against the text they explain "
                            "(explains_hash), after checking that they still fit")
    stamp.set_defaults(func=cmd_stamp)
    news = sub.add_parser("import-news", help="import raw news dumps into DIR/news/; curated fields are never overwritten")
    news.add_argument("dumps", nargs="+", metavar="DUMP", help="raw news dump files")
    news.add_argument("--data", default="data", help="data folder (default: ./data)")
    news.add_argument("--dry-run", action="store_true", help="print the report, write nothing")
    news.set_defaults(func=cmd_import_news)
    text = sub.add_parser(
        "import-text", help="import one official text, as saved from the portals, into DIR/texts/VERSION/LANG.yml",
        description="Reads a text in any shape the portals give (zan.gov.kz JSON, Әділет 2.0 API JSON, a saved page, "
                    "DOCX, text copied from the portal or a newspaper, UTF-8 or cp1251), told from its content; "
                    "prints the word account; writes DIR/texts/VERSION/LANG.yml only if it changes. Bad input: one "
                    "line, exit 1, nothing written. Never fetches anything.")
    text.add_argument("files", nargs="+", metavar="FILE",
                      help="the saved file; several only for the pages of one zan.gov.kz document, in order")
    text.add_argument("--version", required=True, help="a version id of versions.yml (e.g. adopted)")
    text.add_argument("--lang", required=True, choices=("kk", "ru", "en"))
    text.add_argument("--data", default="data", help="data folder (default: ./data)")
    text.add_argument("--publisher", help="who published the text (default for the portals' JSON and pages: zan.gov.kz or Әділет, whichever it came from)")
    text.add_argument("--title", help="the publication's title (default where the file carries one: its own)")
    text.add_argument("--date", help="publication date, YYYY-MM-DD (default: zan.gov.kz versionDate, Әділет 2.0 revision_date as a local date)")
    text.add_argument("--url", help="where a reader can check the text (default for a saved page: its address)")
    text.add_argument("--registry", help="the registry code, e.g. K2600000000 (default: the file's ngr, or the saved page's address)")
    official = text.add_mutually_exclusive_group()
    official.add_argument("--official", dest="official", action="store_const", const=True, default=None,
                          help="an official text (default for kk/ru from the portals' JSON and pages)")
    official.add_argument("--unofficial", dest="official", action="store_const", const=False,
                          help="an unofficial translation; needs --translator")
    text.add_argument("--translator", help="who translated an unofficial text")
    text.add_argument("--partial", action="store_true", help="the file holds only some articles of the version")
    text.add_argument("--expect-articles", type=int, metavar="N",
                      help="refuse unless exactly N articles are read (when you know the count)")
    text.set_defaults(func=cmd_import_text)
    match = sub.add_parser(
        "match", help="propose which article of each version is which (DIR/correspondence.yml); confirmed cells are kept",
        description="Compares the texts in DIR/texts/ article by article (normalised wording) and writes "
                    "DIR/correspondence.yml. Set `confirmed: true` on a cell you checked: no later run changes it.")
    match.add_argument("--data", default="data", help="data folder (default: ./data)")
    match.add_argument("--dry-run", action="store_true", help="print the summary, write nothing")
    match.set_defaults(func=cmd_match)
    bench = sub.add_parser("bench", help="measure build time at 1x/5x/25x data, overhead over plain MkDocs, page weight")
    bench.add_argument("--scales", default="1,5,25", help="dataset sizes in units of %s (default: 1,5,25)" % "4 provisions, 2 themes, 80 news items")
    bench.add_argument("--repeat", type=int, default=3, help="interleaved builds per size and side; the median counts (default: 3)")
    bench.add_argument("--json", metavar="FILE", help="also write every figure to FILE")
    bench.add_argument("--site", metavar="DIR", help="measure page weight on this built site instead of building one")
    bench.add_argument("--root", default=".", help="project folder (default: .)")
    bench.add_argument("--texts", action="store_true",
                       help="also build with the rehearsal's full-scale texts imported (tests/rehearsal: every version and "
                            "language, matched and curated): pages, CPU per page and search-index weight per language")
    bench.add_argument("--diff", action="store_true",
                       help="only the word diff's cost as an article grows (1,000-8,000 words), beside difflib, and a kk build "
                            "with an 8,000-word article beside a 1,000-word one (tools/bench_diff.py)")
    bench.add_argument("--reader", action="store_true",
                       help="also measure what readers get, in Chromium: first load of each page kind (every request), "
                            "search index per language, first search result on a slow phone; on a full-scale project "
                            "(--reader-scale records + the 96-article test constitution, 3 versions x 3 languages)")
    bench.add_argument("--reader-scale", type=float, default=5, help="synthetic records for --reader (default: 5)")
    bench.add_argument("--reader-repeat", type=int, default=3, help="slow-phone searches per query and site; the median counts (default: 3)")
    bench.add_argument("--reader-baseline", metavar="DIR",
                       help="another checkout (e.g. `git archive main | tar -x -C /tmp/main`): its full-scale site is built and "
                            "measured in the same run, side by side")
    bench.add_argument("--reader-site", metavar="DIR", help="measure this built site for --reader instead of building one")
    bench.add_argument("--reader-langs", default=",".join(LANGUAGES), help="languages for --reader (default: kk,ru,en)")
    bench.add_argument("--reader-text", choices=("rehearsal", "fixture"),
                       help="the test constitution of --reader's project: tests/rehearsal (the default where it exists) "
                            "or tests/changes/fixtures")
    bench.add_argument("--reader-single", action="store_true",
                       help="also search a copy of the site that loads one index file per language (titles and texts in one)")
    bench.set_defaults(func=cmd_bench)
    serve_cmd = sub.add_parser(
        "serve", help="live preview: rebuild on every edit of data/, docs/ or overrides/",
        description="Serve the site and rebuild it on every change. With --lang, only that language is built "
                    "(an edit shows in about two seconds instead of six to nine); without it, all languages, as "
                    "`mkdocs serve` does.")
    serve_cmd.add_argument("--lang", choices=LANGUAGES, help="build and serve only this language")
    serve_cmd.add_argument("-a", "--dev-addr", metavar="HOST:PORT", help="address to serve on (default: localhost:8000)")
    serve_cmd.add_argument("-f", "--config-file", default="mkdocs.yml", help="MkDocs configuration (default: mkdocs.yml)")
    serve_cmd.add_argument("-o", "--open", action="store_true", help="open the site in a browser once built")
    serve_cmd.set_defaults(func=cmd_serve)
    schema_cmd = sub.add_parser("schema", help="export the dataset schema as JSON Schema files for editors")
    schema_cmd.add_argument("--out", default="schema", help="output folder (default: ./schema)")
    schema_cmd.add_argument("--check", action="store_true", help="write nothing; exit 1 if the files are stale")
    schema_cmd.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
