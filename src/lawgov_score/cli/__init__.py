"""The ``lawgov-score`` command line: one module per subcommand, each with ``register``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from lawgov_score import __version__
from lawgov_score.cli.boundary import DEBUG_ENV, EXIT_INTERRUPTED, EXIT_USAGE, dash_hint, guarded


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    # Imported here so that `lawgov-score --version` pays for nothing else.
    from lawgov_score.cli import extract, framework, plugins, score, score_table, validate
    from lawgov_score.panel import cli as rank

    parser = argparse.ArgumentParser(
        prog="lawgov-score",
        description="Score reports on building a law-based government (法治政府建设).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "-p",
        "--disable-plugin",
        action="append",
        default=[],
        metavar="NAME",
        help="do not load the plugin with this entry-point name (repeatable; also LAWGOV_SCORE_DISABLE_PLUGINS=a,b)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help=f"on an internal error, print the full traceback instead of saving it to a file (also {DEBUG_ENV}=1)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (score, score_table, extract, rank, validate, framework, plugins):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 done, 1 a bug, 2 bad input, 130 interrupted).

    Every failure is turned into a message by :func:`lawgov_score.cli.boundary.guarded`.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error argparse has reported
        status = 0 if stop.code is None else stop.code if isinstance(stop.code, int) else EXIT_USAGE
        hint = dash_hint(argv) if status == EXIT_USAGE else None
        if hint:
            print(hint, file=sys.stderr)
        return status
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    debug = bool(args.debug or os.environ.get(DEBUG_ENV))
    return guarded(lambda: int(args.func(args)), argv, debug)
