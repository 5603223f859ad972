"""The ``lawgov-score`` command line: one module per subcommand, each with ``register``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from lawgov_score import __version__
from lawgov_score.cli.boundary import DEBUG_ENV, EXIT_INTERRUPTED, EXIT_USAGE, dash_hint, guarded


def add_global_options(parser: argparse.ArgumentParser, *, after: bool) -> None:
    """The options of every command, accepted before the subcommand and after it.

    After it (``after``) they must not reset what was given before: their defaults are
    :data:`argparse.SUPPRESS`, and ``-p`` collects into a list of its own, joined afterwards.
    """
    keep = argparse.SUPPRESS if after else None
    parser.add_argument(
        "-p",
        "--disable-plugin",
        dest="disable_plugin_after" if after else "disable_plugin",
        action="append",
        default=keep if after else [],
        metavar="NAME",
        help="do not load the plugin with this entry-point name (repeatable; also LAWGOV_SCORE_DISABLE_PLUGINS=a,b)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=keep if after else False,
        help=f"on an internal error, print the full traceback instead of saving it to a file (also {DEBUG_ENV}=1)",
    )
    volume = parser.add_mutually_exclusive_group()
    volume.add_argument("-q", "--quiet", action="store_true", default=keep if after else False,
                        help="print errors only: no notes, warnings or progress on standard error")
    volume.add_argument("-v", "--verbose", action="store_true", default=keep if after else False,
                        help="print every warning of every report on standard error")
    parser.add_argument("--lang", choices=("zh", "en"), default=keep if after else "zh",
                        help="language shown first in tables, Markdown, HTML and Excel (default: zh, 中文)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    # Imported here so that `lawgov-score --version` pays for nothing else.
    from lawgov_score.cli import extract, framework, plugins, score, score_table, template, validate
    from lawgov_score.panel import cli as rank

    parser = argparse.ArgumentParser(
        prog="lawgov-score",
        description="Score reports on building a law-based government (法治政府建设).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_global_options(parser, after=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (score, score_table, extract, rank, template, validate, framework, plugins):
        module.register(commands)
    for subparser in commands.choices.values():
        add_global_options(subparser, after=True)
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv``: global options anywhere, ``--format`` resolved from ``-o`` when not given."""
    from lawgov_score.cli.common import resolve_format

    args = build_parser().parse_args(argv)
    args.disable_plugin = [*args.disable_plugin, *getattr(args, "disable_plugin_after", [])]
    resolve_format(args)
    return args


# The BLAS libraries numpy may load, and the variable that sets each one's threads.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """Ask numpy's BLAS for one thread, unless the user said otherwise: the engine's matrices are
    small, and starting OpenBLAS's thread pool doubles numpy's import (≈ 80 ms) for nothing."""
    for name in BLAS_THREADS:
        os.environ.setdefault(name, "1")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 done, 1 a bug, 2 bad input, 130 interrupted).

    Every failure is turned into a message by :func:`lawgov_score.cli.boundary.guarded`.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    one_blas_thread()
    try:
        args = parse(argv)
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
