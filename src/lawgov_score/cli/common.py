"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import sys

import pluggy

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
