"""``lawgov-score score``: score reports (default: the bundled seed) on every dimension."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from lawgov_score.cli.common import (
    REPORT_FORMATS,
    add_format,
    add_framework,
    add_strict,
    check_explain,
    plugin_manager,
)
from lawgov_score.cli.output import write_output

DESCRIPTION = (
    "Score reports (.txt in any encoding, .html, .docx) on every dimension; with no REPORT, the "
    "bundled seed report. A folder stands for the reports in it (and below it). Several reports are ranked."
)
# The report files a folder stands for, unless --glob says otherwise.
FOLDER_PATTERNS = ("*.txt", "*.html", "*.htm", "*.docx")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("score", help="score report files", description=DESCRIPTION)
    parser.add_argument(
        "reports",
        metavar="REPORT",
        nargs="*",
        help=".txt, .html or .docx file, or a folder (default: the seed)",
    )
    parser.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help=f"which files of a folder to score (repeatable; default: {' '.join(FOLDER_PATTERNS)})",
    )
    parser.add_argument(
        "--keep-going",
        action="store_true",
        help="leave out a report that cannot be read, say why, score the rest (exit status 2 if any was left out)",
    )
    add_framework(parser)
    add_format(parser, REPORT_FORMATS, "table")
    add_strict(parser)
    parser.add_argument("--explain", metavar="CODE", help="show every indicator of this dimension, with evidence")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawgov_score.errors import InputError
    from lawgov_score.reading.document import read
    from lawgov_score.render.assessments import render
    from lawgov_score.scoring import Scorer, rank, score_document
    from lawgov_score.seeds import seed_path

    reports = args.reports
    if not reports:
        reports = [str(seed_path())]
        print(f"no report given: scoring the bundled seed report {reports[0]}", file=sys.stderr)
    scorer = Scorer.create(args.framework, plugin_manager(args))
    check_explain(args.explain, scorer.framework)
    paths = expand_reports(reports, tuple(args.glob or FOLDER_PATTERNS))
    assessments, documents, left_out = [], [], []
    for path in progress(paths):
        try:
            document = read(path, plugin_manager=scorer.plugin_manager, dimensions=scorer.framework.dimensions)
        except InputError as error:
            if not args.keep_going:
                raise
            left_out.append(path)
            print(f"lawgov-score: left out: {error}", file=sys.stderr)
            continue
        documents.append(document)
        assessments.append(score_document(document, scorer, strict=args.strict))
    if not assessments:
        raise InputError("no report could be read", None, None)
    text = render(assessments, rank(assessments), args.format, args.explain, documents)
    write_output(text, args.output)
    return 2 if left_out else 0


def expand_reports(reports: list[str], patterns: tuple[str, ...]) -> list[str]:
    """Files as given; a folder becomes the files below it that match ``patterns``, sorted."""
    from lawgov_score.errors import InputError

    paths: list[str] = []
    for report in reports:
        folder = Path(report)
        if not folder.is_dir():
            paths.append(report)
            continue
        found = sorted({str(p) for pattern in patterns for p in folder.rglob(pattern) if p.is_file()})
        if not found:
            raise InputError(f"the folder holds no report matching {' '.join(patterns)}", report, None)
        paths.extend(found)
    return paths


def progress(paths: list[str]) -> Iterable[str]:
    """``paths``, with a progress bar on a terminal when there are many."""
    if len(paths) < 5 or not sys.stderr.isatty():
        return paths
    from tqdm import tqdm

    bar: Iterable[str] = tqdm(paths, desc="scoring", unit="report", file=sys.stderr)
    return bar
