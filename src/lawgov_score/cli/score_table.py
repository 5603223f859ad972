"""``lawgov-score score-table``: score a table of indicator values (JSON or CSV) and rank the units."""

from __future__ import annotations

import argparse

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
    "Score a table of indicator values (observations JSON, or CSV in long or wide form) for many units, and rank them."
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("score-table", help="score indicator values for many units", description=DESCRIPTION)
    parser.add_argument("values", metavar="VALUES", help="observations: JSON, or CSV (long or wide)")
    add_framework(parser)
    add_format(parser, REPORT_FORMATS, "table")
    add_strict(parser)
    parser.add_argument("--explain", metavar="CODE", help="show every indicator of this dimension")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawgov_score.render.assessments import render
    from lawgov_score.scoring import Scorer, score_table

    scorer = Scorer.create(args.framework, plugin_manager(args))
    check_explain(args.explain, scorer.framework)  # before the work, not after it
    assessments, ranking = score_table(args.values, scorer.framework, pm=scorer.plugin_manager, strict=args.strict)
    write_output(render(assessments, ranking, args.format, args.explain), args.output)
    return 0
