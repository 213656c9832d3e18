"""`atazan` command: checks and tools for contributors and CI."""

from __future__ import annotations

import argparse
import os
import sys

from .errors import DataError
from .validate import load_dataset


def _annotate() -> bool:
    # In GitHub Actions, problems become annotations on the changed line.
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _print_problems(problems, stream) -> None:
    for problem in problems:
        print(problem.github_annotation() if _annotate() else str(problem), file=stream)


def cmd_validate(args: argparse.Namespace) -> int:
    data_dir = os.path.abspath(args.data)
    root = os.path.dirname(data_dir)
    try:
        dataset = load_dataset(data_dir, root)
    except DataError as error:
        _print_problems(error.problems, sys.stderr)
        print(f"atazan: {len(error.problems)} error(s) in {args.data}", file=sys.stderr)
        return 1
    _print_problems(dataset.warnings, sys.stderr)
    print(
        f"atazan: {args.data} is valid: {len(dataset.provisions)} provisions, {len(dataset.themes)} themes, "
        f"{len(dataset.glossary)} glossary terms, {len(dataset.timeline)} timeline events, "
        f"{len(dataset.warnings)} warning(s)"
    )
    return 0


def cmd_import_news(args: argparse.Namespace) -> int:
    from .news import importer

    data_dir = os.path.abspath(args.data)
    try:
        dataset = load_dataset(data_dir, os.path.dirname(data_dir))
    except DataError as error:
        print(f"atazan import-news: {args.data} is invalid ({len(error.problems)} error(s)); run `atazan validate --data {args.data}`", file=sys.stderr)
        return 1
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


def cmd_bench(args: argparse.Namespace) -> int:
    from . import bench

    try:
        scales = [float(s) for s in args.scales.split(",")]
    except ValueError:
        print(f"atazan bench: --scales: expected numbers separated by commas, got '{args.scales}'", file=sys.stderr)
        return 2
    root = os.path.abspath(args.root)
    try:
        result = bench.run(root, scales, args.repeat, args.site, log=lambda line: print(line, file=sys.stderr),
                           partial=(lambda figures: _write_json(args.json, figures)) if args.json else None)
    except (bench.BenchError, DataError) as error:
        print(f"atazan bench: {error}", file=sys.stderr)
        return 1
    print(bench.format_report(result))
    if args.json:
        _write_json(args.json, result)
    return 0


def _write_json(path: str, figures: dict) -> None:
    import json

    with open(path, "w", encoding="utf-8") as handle:
        json.dump(figures, handle, indent=2, ensure_ascii=False)


def cmd_schema(args: argparse.Namespace) -> int:
    from . import schema_export

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
    validate = sub.add_parser("validate", help="check the dataset; exit 1 on any error")
    validate.add_argument("--data", default="data", help="data folder (default: ./data)")
    validate.set_defaults(func=cmd_validate)
    news = sub.add_parser("import-news", help="import raw news dumps into DIR/news/; curated fields are never overwritten")
    news.add_argument("dumps", nargs="+", metavar="DUMP", help="raw news dump files")
    news.add_argument("--data", default="data", help="data folder (default: ./data)")
    news.add_argument("--dry-run", action="store_true", help="print the report, write nothing")
    news.set_defaults(func=cmd_import_news)
    bench = sub.add_parser("bench", help="measure build time at 1x/5x/25x data, overhead over plain MkDocs, page weight")
    bench.add_argument("--scales", default="1,5,25", help="dataset sizes in units of %s (default: 1,5,25)" % "4 provisions, 2 themes, 80 news items")
    bench.add_argument("--repeat", type=int, default=3, help="interleaved builds per size and side; the median counts (default: 3)")
    bench.add_argument("--json", metavar="FILE", help="also write every figure to FILE")
    bench.add_argument("--site", metavar="DIR", help="measure page weight on this built site instead of building one")
    bench.add_argument("--root", default=".", help="project folder (default: .)")
    bench.set_defaults(func=cmd_bench)
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
