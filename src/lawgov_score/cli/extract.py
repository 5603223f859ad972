"""``lawgov-score extract``: print the outline and quantitative facts of a report."""

from __future__ import annotations

import argparse

from lawgov_score.cli.common import plugin_manager
from lawgov_score.cli.output import write_output
from lawgov_score.output_text import json_text

FORMATS = ("json", "table")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``extract`` subcommand."""
    parser = commands.add_parser(
        "extract",
        help="print a report's outline and facts",
        description="Read a report (.txt in UTF-8 or GB18030/GBK, .html, .docx, .pdf, or any format a plugin "
        "reads) and print its outline, with the dimension of each section, and its quantitative facts. "
        "Offsets are Python string indices into the decoded original text. The JSON validates against "
        "schemas/document.schema.json.",
    )
    parser.add_argument("file", metavar="FILE", help="the report file, or - for standard input")
    parser.add_argument("--format", choices=FORMATS, default="json", help="output format (default: json)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    parser.add_argument(
        "--text", action="store_true", help="JSON only: include the original and normalised texts and the offset map"
    )
    parser.add_argument("--validate", action="store_true",
                        help="JSON only: check the output against schemas/document.schema.json before writing it")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read the file and print it in the chosen format."""
    from lawgov_score.cli.messages import Messages
    from lawgov_score.cli.score import read_report
    from lawgov_score.reading.document import default_dimensions
    from lawgov_score.reading.serialise import document_to_dict, document_to_table, validate_document

    pm = plugin_manager(args)
    document = read_report(args.file, pm, default_dimensions(pm), Messages.of(args))
    if args.format == "table":
        text = document_to_table(document)
    else:
        data = document_to_dict(document, include_text=args.text)
        if args.validate:  # the tests check every output; a run need not pay for the schema walk
            validate_document(data, "lawgov-score extract output")
        text = json_text(data, indent=1)
    write_output(text, args.output)
    return 0
