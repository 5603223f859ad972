"""``lawgov-score score``: score reports (default: the bundled seed) on every dimension."""

from __future__ import annotations

import argparse
import sys

from lawgov_score.cli.common import REPORT_FORMATS, add_format, add_framework, add_strict, plugin_manager
from lawgov_score.cli.output import write_output

DESCRIPTION = (
    "Score reports (.txt in any encoding, .html, .docx) on every dimension; with no REPORT, the "
    "bundled seed report. Several reports are ranked."
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("score", help="score report files", description=DESCRIPTION)
    parser.add_argument("reports", metavar="REPORT", nargs="*", help=".txt, .html or .docx (default: the bundled seed)")
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
    if args.explain and args.explain not in {d.code for d in scorer.framework.dimensions}:
        raise InputError(f"--explain {args.explain}: the framework has no such dimension", None, None)
    assessments, documents = [], []
    for report in reports:
        document = read(report, plugin_manager=scorer.plugin_manager, dimensions=scorer.framework.dimensions)
        documents.append(document)
        assessments.append(score_document(document, scorer, strict=args.strict))
    text = render(assessments, rank(assessments), args.format, args.explain, documents)
    write_output(text, args.output)
    return 0
