"""The ``lawgov-score`` command line: one module per subcommand, each with ``register``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from lawgov_score import __version__
from lawgov_score.errors import InputError, LawgovScoreError, PluginError, StrictModeError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2


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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (score, score_table, extract, rank, validate, framework, plugins):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 bad input, 1 internal error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except (InputError, PluginError, StrictModeError) as error:
        print(f"lawgov-score: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except LawgovScoreError as error:
        print(f"lawgov-score: error: {error}", file=sys.stderr)
        return EXIT_INTERNAL
    except BrokenPipeError:
        # The reader (`| head`) went away: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    return status
