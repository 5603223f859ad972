"""``lawgov-score score``: score reports (default: the bundled seed) on every dimension."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lawgov_score.cli.common import (
    REPORT_FORMATS,
    add_format,
    add_framework,
    add_rendering,
    add_strict,
    check_explain,
    check_timezone,
    plugin_manager,
)
from lawgov_score.cli.messages import Messages
from lawgov_score.cli.output import write_output
from lawgov_score.cli.runs import Progress, is_log, jobs_number, open_log
from lawgov_score.errors import InputError
from lawgov_score.reading.sources import exists

if TYPE_CHECKING:
    import pluggy

    from lawgov_score.model.framework import Dimension
    from lawgov_score.reading.model import Document
    from lawgov_score.render.assessments import Options

DESCRIPTION = (
    "Score reports (.txt in any encoding, .html, .docx, .pdf with a text layer) on every dimension; "
    "with no REPORT, the bundled seed report; '-' reads one report from standard input. A folder stands "
    "for the reports in it (and below it). Several reports are ranked, in one table; the same file given "
    "twice is scored once. A document that is not an annual report on building a law-based government is "
    "refused unless --force. Many reports are scored in parallel (--jobs) and written as they are scored "
    "(--format jsonl, csv, xlsx, json); a JSON Lines file is continued with --resume."
)
# The files a folder stands for, unless --glob says otherwise: the formats read, and the old ones
# that are refused with how to convert them (so that they are named, not passed over in silence).
FOLDER_PATTERNS = ("*.txt", "*.html", "*.htm", "*.docx", "*.pdf", "*.doc", "*.wps", "*.rtf", "*.odt")
STDIN = "-"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("score", help="score report files", description=DESCRIPTION)
    parser.add_argument(
        "reports",
        metavar="REPORT",
        nargs="*",
        help=".txt, .html, .docx or .pdf file, a folder, or - for standard input (default: the seed)",
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
        help="leave out a file that cannot be read or is not a report, say why, score the rest "
        "(exit status 2 if any was left out)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="score a document even when it does not look like an annual report on building a law-based government",
    )
    parser.add_argument(
        "--jobs", "-j", type=jobs_number, metavar="N",
        help="score with N worker processes (default: the usable cores; 1: in this process)")
    parser.add_argument(
        "--resume", action="store_true",
        help="continue a JSON Lines output (-o FILE.jsonl): the reports already in it are not scored again, "
             "the others are appended")
    add_framework(parser)
    add_explain_and_detail(parser)
    parser.set_defaults(func=run)


def add_explain_and_detail(parser: argparse.ArgumentParser) -> None:
    """The output options of ``score`` and ``score-table``."""
    add_format(parser, REPORT_FORMATS, "table")
    add_rendering(parser)
    add_strict(parser)
    parser.add_argument("--explain", metavar="CODE",
                        help="every indicator of this dimension (D7 or d7), with its rule and evidence, in every "
                             "format (JSON, CSV and Excel keep that dimension only)")
    parser.add_argument("--detail", action="store_true",
                        help="table format: each report in detail after the table of all (one report: always)")
    parser.add_argument("--validate", action="store_true",
                        help="check every assessment (and the JSON document) against its schema before writing it")


def options_of(args: argparse.Namespace, explain: str | None) -> Options:
    """The rendering options the command line gives."""
    from lawgov_score.render.assessments import Options

    return Options(lang=args.lang, explain=explain, detail=args.detail, bom=args.bom, title=args.title,
                   tz=check_timezone(args.tz), validate=args.validate)


def run(args: argparse.Namespace) -> int:
    from attrs import evolve

    from lawgov_score.batch import ReportBytes, score_with, settings_for
    from lawgov_score.batch.worker import new_scorer
    from lawgov_score.reading.sources import STDIN_NAME, read_stream
    from lawgov_score.render.streams import pieces, stream_for
    from lawgov_score.seeds import seed_path

    messages = Messages.of(args)
    reports = args.reports
    if not reports:
        reports = [str(seed_path())]
        messages.note(f"no report given: scoring the bundled seed report {reports[0]}")
    pm = plugin_manager(args)
    settings = settings_for(args.framework, args.disable_plugin, strict=args.strict, force=args.force,
                            validate=args.validate, pm=pm)
    scorer = new_scorer(settings, pm)  # this process's, with the plugins as loaded here: workers build their own
    options = options_of(args, check_explain(args.explain, scorer.framework))
    stream = stream_for(args.format, options)
    skip = open_log(args, scorer, messages)
    paths = expand_reports(reports, tuple(args.glob or FOLDER_PATTERNS), messages)
    sources = [ReportBytes(STDIN_NAME, read_stream(sys.stdin.buffer)) if p == STDIN else p for p in paths]
    results = score_with(sources, evolve(settings, product=stream.product), jobs=args.jobs,
                         keep_going=args.keep_going, skip=skip, scorer=scorer)
    progress = Progress(len(paths), messages, args)
    try:
        write_output(pieces(stream, progress.follow(results)), args.output, append=is_log(args))
    except (KeyboardInterrupt, InputError):
        progress.stopped()
        raise
    return 2 if progress.left_out else 0


def read_report(
    path: str, pm: pluggy.PluginManager, dimensions: Sequence[Dimension], messages: Messages | None = None
) -> Document:
    """Read one report (``-``: standard input) and print what the reader warned about on stderr."""
    from lawgov_score.reading.document import read, read_data
    from lawgov_score.reading.sources import STDIN_NAME, read_stream

    if path == STDIN:
        document = read_data(read_stream(sys.stdin.buffer), STDIN_NAME, plugin_manager=pm, dimensions=dimensions)
    else:
        document = read(path, plugin_manager=pm, dimensions=dimensions)
    for warning in document.warnings:
        (messages or Messages()).warn(f"{document.source}: {warning}")
    return document


def expand_reports(reports: list[str], patterns: tuple[str, ...], messages: Messages | None = None) -> list[str]:
    """Files as given; a folder becomes the files below it that match ``patterns``, sorted.

    :raises InputError: an argument names nothing on disk (never taken for a report's text),
        ``-`` is given twice, or a folder holds no matching file.
    """
    from lawgov_score.errors import InputError

    paths: list[str] = []
    if reports.count(STDIN) > 1:
        raise InputError("standard input (-) can be read only once", STDIN)
    for report in reports:
        if report == STDIN:
            paths.append(report)
            continue
        folder = Path(report)
        if not exists(folder):
            raise InputError("no such file or folder", report)
        if not folder.is_dir():
            paths.append(report)
            continue
        found = sorted({str(p) for pattern in patterns for p in folder.rglob(pattern) if p.is_file()})
        others = sum(1 for p in folder.rglob("*") if p.is_file()) - len(found)
        if others:
            (messages or Messages()).note(f"{report}: {others} other file(s) not considered "
                                          f"(matching none of {' '.join(patterns)}; --glob chooses others)")
        if not found:
            raise InputError(f"the folder holds no report matching {' '.join(patterns)}", report, None)
        paths.extend(found)
    return paths
