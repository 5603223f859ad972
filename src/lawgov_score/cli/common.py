"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import math
import os
import sys

import pluggy

from lawgov_score.errors import InputError
from lawgov_score.model.framework import Framework
from lawgov_score.plugin_guard import PluginFault
from lawgov_score.plugins import get_plugin_manager

# The output formats of commands that print assessments (lawgov_score.render.assessments.FORMATS).
REPORT_FORMATS = ("table", "json", "jsonl", "csv", "xlsx", "md", "html")
# The format an output file's extension stands for, when --format is not given.
EXTENSION_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".xlsx": "xlsx",
                     ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "table"}


def plugin_manager(args: argparse.Namespace, *, report: bool = True) -> pluggy.PluginManager:
    """The plugin manager with the plugins disabled by ``--disable-plugin`` and the environment.

    A plugin fault is a warning on stderr as it happens (``report``), or with ``--strict`` an error.
    """
    disabled = list(getattr(args, "disable_plugin", []) or [])
    strict = bool(getattr(args, "strict", False))
    return get_plugin_manager(disabled, strict=strict, report=warn_fault if report else None)


def warn_fault(fault: PluginFault) -> None:
    """Tell the user, on stderr, that a plugin failed and was left out."""
    hint = f" (lawgov-score -p {fault.name} … leaves it out without this warning)"
    print(f"lawgov-score: warning: {fault.message}{hint}", file=sys.stderr)


def add_format(parser: argparse.ArgumentParser, choices: tuple[str, ...], default: str) -> None:
    """``--format`` with the given choices (default: from ``-o``'s extension, else ``default``), and ``-o/--output``."""
    inferred = sorted(ext for ext, fmt in EXTENSION_FORMATS.items() if fmt in choices)
    parser.add_argument(
        "--format", choices=choices, default=None,
        help=f"output format (default: from the extension of -o ({', '.join(inferred)}), else {default})")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.set_defaults(format_choices=choices, format_default=default)


def resolve_format(args: argparse.Namespace) -> None:
    """Set ``args.format`` when it was not given: from the output file's extension, else the default.

    A ``--format`` that disagrees with the extension is kept, with a warning.
    """
    choices: tuple[str, ...] = getattr(args, "format_choices", ())
    if not choices:
        return
    output = getattr(args, "output", None)
    suffix = os.path.splitext(str(output))[1].lower() if output and output != "-" else ""
    by_extension = EXTENSION_FORMATS.get(suffix)
    if args.format is None:
        args.format = by_extension if by_extension in choices else args.format_default
        return
    disagree = by_extension in choices and by_extension != args.format and suffix != ".txt"
    if disagree and not getattr(args, "quiet", False):
        print(f"lawgov-score: warning: writing {args.format} to {output} (its extension says {by_extension})",
              file=sys.stderr)


def add_rendering(parser: argparse.ArgumentParser) -> None:
    """The options of every command that renders scores: title, time zone, CSV byte-order mark."""
    parser.add_argument("--title", metavar="TEXT", help="title of the HTML and Markdown report")
    parser.add_argument("--tz", metavar="ZONE", default="Asia/Shanghai",
                        help="time zone of the dates in the HTML report (default: Asia/Shanghai)")
    parser.add_argument("--no-bom", dest="bom", action="store_false",
                        help="CSV without the UTF-8 byte-order mark (which lets Excel read Chinese right)")


def check_timezone(zone: str) -> str:
    """``--tz``: a time zone of the IANA database (``Asia/Shanghai``, ``UTC``)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"unknown time zone {zone!r}: give an IANA name such as Asia/Shanghai or UTC",
                         "--tz") from None
    return zone


def add_framework(parser: argparse.ArgumentParser) -> None:
    """``--framework FILE``."""
    parser.add_argument(
        "--framework",
        metavar="FILE",
        help="framework file (schemas/framework.schema.json); default: the installed dimensions",
    )


def add_strict(parser: argparse.ArgumentParser) -> None:
    """``--strict``."""
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 2) when a plugin fails to load, register, define or read, or a dimension raises while scoring",
    )


def whole_number(text: str) -> int:
    """An option's value that must be a whole number ≥ 0 (argparse ``type``)."""
    try:
        number = int(text.strip().replace("_", ""))
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number ≥ 0, got {text!r}")
    return number


def share_below_one(text: str) -> float:
    """An option's value that must be a number from 0 up to (not including) 1 (argparse ``type``)."""
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not 0 <= number < 1:  # NaN fails both
        raise argparse.ArgumentTypeError(f"must be a number from 0 up to (not including) 1, got {text!r}")
    return number


def check_explain(code: str | None, framework: Framework) -> str | None:
    """The dimension ``--explain CODE`` names, written in any case (``d7`` is ``D7``); an unknown
    one is an error that lists the framework's dimensions."""
    if code is None:
        return None
    codes = [dimension.code for dimension in framework.dimensions]
    found = next((c for c in codes if c.casefold() == code.strip().casefold()), None)
    if found is None:
        raise InputError(f"the framework has no dimension {code!r}; its dimensions are {', '.join(codes)}", "--explain")
    return found
