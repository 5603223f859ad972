"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import math
import sys

import pluggy

from lawgov_score.errors import InputError
from lawgov_score.model.framework import Framework
from lawgov_score.plugin_guard import PluginFault
from lawgov_score.plugins import get_plugin_manager

# The output formats of commands that print assessments (lawgov_score.render.assessments.FORMATS).
REPORT_FORMATS = ("table", "json", "csv", "md", "html")


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
    """``--format`` with the given choices, and ``-o/--output``."""
    parser.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


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


def check_explain(code: str | None, framework: Framework) -> None:
    """``--explain CODE`` names a dimension of the framework, or the error lists those it has."""
    codes = [dimension.code for dimension in framework.dimensions]
    if code is not None and code not in codes:
        raise InputError(f"the framework has no dimension {code!r}; its dimensions are {', '.join(codes)}", "--explain")
