"""``lawgov-score template``: a blank data-entry sheet (Excel or CSV) for the framework in force."""

from __future__ import annotations

import argparse
from pathlib import Path

from lawgov_score.cli.common import add_framework, plugin_manager, whole_number
from lawgov_score.cli.output import write_output
from lawgov_score.errors import InputError

DESCRIPTION = (
    "Write a blank data-entry sheet for a framework: one row per unit, one column per indicator id, with notes "
    "rows (name, dimension, unit of measure, goalposts, direction) that score-table skips; an .xlsx also has a "
    "sheet describing each indicator. Fill it in and give it to score-table or rank as it is."
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("template", help="write a blank indicator sheet (xlsx or csv)",
                                 description=DESCRIPTION)
    add_framework(parser)
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the sheet to write: .xlsx or .csv")
    parser.add_argument("--unit", action="append", default=[], metavar="NAME",
                        help="a unit to give a row (repeatable; default: none, add rows yourself)")
    parser.add_argument("--year", type=whole_number, metavar="YEAR", help="the year written in each unit's row")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawgov_score.framework import default_framework, load_framework
    from lawgov_score.render.spreadsheet import workbook
    from lawgov_score.tables.template import template_csv, template_sheets

    pm = plugin_manager(args)
    framework = load_framework(args.framework, pm) if args.framework else default_framework(pm)
    suffix = Path(args.output).suffix.lower()
    if suffix == ".xlsx":
        content: str | bytes = workbook(template_sheets(framework, args.unit, args.year, args.lang), args.lang)
    elif suffix == ".csv":
        content = template_csv(framework, args.unit, args.year, args.lang)
    else:
        raise InputError("the template is written as .xlsx or .csv: name the file so", "-o")
    write_output(content, args.output)
    return 0
