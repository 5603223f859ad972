"""``lawgov-score rank``: score and rank a panel of units under a pipeline spec."""

from __future__ import annotations

import argparse

from lawgov_score.cli.common import add_format, add_strict, share_below_one, whole_number

# Only argument parsing lives here, so that building the command line imports no numpy;
# the work is in lawgov_score.panel.command.


DESCRIPTION = (
    "Score and rank a panel of units under a pipeline spec (normalise, weight, aggregate), "
    "optionally with a Monte Carlo uncertainty and sensitivity analysis. Without --pipeline, scored "
    "reports (score --format json) are ranked with the built-in pipeline 'reports' and tables of "
    "indicator values with 'indicators'."
)
FORMATS = ("table", "json", "csv", "xlsx", "html")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``rank`` subcommand.

    :param subparsers: the ``add_subparsers()`` object of the main parser.
    """
    parser = subparsers.add_parser(
        "rank", help="score and rank a panel of units (composite index)", description=DESCRIPTION
    )
    parser.add_argument(
        "input",
        metavar="INPUT",
        help="scored assessments (JSON Lines .jsonl, one per line, or JSON), or indicator values: a wide or "
        "long table in CSV or .xlsx, "
        'or observations JSON ({"observations": [...], "units": [...]})',
    )
    parser.add_argument(
        "--pipeline",
        metavar="SPEC",
        help="a built-in pipeline by name (reports, indicators) or a spec file (schemas/pipeline.schema.json, "
        "which may carry the hierarchy); default: reports for scored reports, indicators for a table",
    )
    parser.add_argument("--framework", metavar="FW", help="framework file giving the hierarchy")
    parser.add_argument(
        "--uncertainty",
        type=whole_number,
        default=0,
        metavar="N",
        help="Monte Carlo base sample size (weights ±25%%); 0 = none. The memory it needs is checked before it starts",
    )
    parser.add_argument(
        "--seed",
        type=whole_number,
        default=None,
        metavar="S",
        help="random seed for --uncertainty (default: one is drawn, and recorded in the output)",
    )
    vary = parser.add_argument_group("assumptions varied by --uncertainty")
    vary.add_argument(
        "--perturb-weights",
        type=share_below_one,
        default=0.25,
        metavar="D",
        help="relative half-width of the uniform weight perturbation, from 0 up to 1 (default 0.25; 0 = none)",
    )
    vary.add_argument(
        "--imputations",
        type=_names,
        default=(),
        metavar="A,B",
        help="imputation methods to choose among, e.g. mean,median,available_case",
    )
    vary.add_argument(
        "--normalisations",
        type=_names,
        default=(),
        metavar="A,B",
        help="normalisers to choose among (default parameters), e.g. minmax,rank",
    )
    vary.add_argument(
        "--aggregations",
        type=_names,
        default=(),
        metavar="A,B",
        help="aggregators to choose among, e.g. arithmetic,geometric",
    )
    vary.add_argument("--leave-one-out", action="store_true", help="also leave one indicator out (or none)")
    parser.add_argument("--coherence", action="store_true", help="add the statistical coherence checks (JSON)")
    add_format(parser, FORMATS, "table")
    parser.add_argument("--title", metavar="TEXT", help="title of the HTML report (default: the pipeline's name)")
    parser.add_argument("--tz", metavar="ZONE", default="Asia/Shanghai",
                        help="time zone of the dates in the HTML report (default: Asia/Shanghai)")
    parser.add_argument("--no-bom", dest="bom", action="store_false",
                        help="CSV without the UTF-8 byte-order mark (which lets Excel read Chinese right)")
    add_strict(parser)
    parser.add_argument(
        "--validate",
        action="store_true",
        help="check input assessments and the output against their full JSON Schemas "
        "(slow on large inputs; by default assessments get a check of the fields the ranking uses)",
    )
    parser.set_defaults(func=run)


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def run(args: argparse.Namespace) -> int:
    """Run ``rank`` (see :func:`lawgov_score.panel.command.run`)."""
    from lawgov_score.panel.command import run as run_rank

    return run_rank(args)
