"""``lawgov-score score-table``: score a table of indicator values (JSON, CSV or Excel) and rank the units."""

from __future__ import annotations

import argparse

from lawgov_score.cli.common import add_framework, check_explain, plugin_manager
from lawgov_score.cli.messages import Messages
from lawgov_score.cli.output import write_output
from lawgov_score.cli.score import add_explain_and_detail, options_of

DESCRIPTION = (
    "Score a table of indicator values for many units (observations JSON, or a long or wide table in CSV — "
    "UTF-8 or GB18030/GBK — or an Excel .xlsx workbook; `lawgov-score template` writes a blank one), and rank them."
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("score-table", help="score indicator values for many units", description=DESCRIPTION)
    parser.add_argument("values", metavar="VALUES", help="observations: JSON, CSV (long or wide) or .xlsx")
    add_framework(parser)
    add_explain_and_detail(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawgov_score.render.assessments import render
    from lawgov_score.scoring import Scorer, score_table

    scorer = Scorer.create(args.framework, plugin_manager(args))
    explain = check_explain(args.explain, scorer.framework)  # before the work, not after it
    options = options_of(args, explain)
    assessments, ranking = score_table(args.values, scorer.framework, pm=scorer.plugin_manager, strict=args.strict)
    Messages.of(args).assessment_warnings(assessments)
    write_output(render(assessments, ranking, args.format, options), args.output)
    return 0
