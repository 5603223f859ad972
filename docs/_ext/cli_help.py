"""The ``lawgov-cli-help`` directive: the real ``--help`` text of ``lawgov-score`` and its subcommands.

Generated from :func:`lawgov_score.cli.build_parser` at build time, so the page cannot drift
from the code. Usage in MyST::

    ```{lawgov-cli-help}
    ```

    ```{lawgov-cli-help} score-table
    ```

If the parser cannot be built (a subcommand module fails to import), the build warns, and the
subcommands that can be imported on their own are still shown.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

# The width help text is wrapped to, whatever terminal the build runs in.
COLUMNS = "100"


@contextmanager
def _columns() -> Iterator[None]:
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = COLUMNS
    try:
        yield
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def _partial_parser() -> argparse.ArgumentParser:
    """A parser with every ``lawgov_score.cli`` module that imports; used only after a failure."""
    import lawgov_score.cli as cli

    parser = argparse.ArgumentParser(prog="lawgov-score")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in pkgutil.iter_modules(cli.__path__):
        try:
            module = importlib.import_module(f"lawgov_score.cli.{info.name}")
        except Exception:  # reported by the caller's warning
            continue
        if hasattr(module, "register"):
            module.register(commands)
    return parser


def get_parser(location: Any) -> argparse.ArgumentParser:
    from lawgov_score.cli import build_parser

    try:
        with _columns():
            return build_parser()
    except Exception as error:  # any import error of a subcommand module
        logger.warning(
            "cli help: lawgov_score.cli.build_parser() failed (%s: %s); showing only the subcommands "
            "that import on their own",
            type(error).__name__,
            error,
            location=location,
        )
        with _columns():
            return _partial_parser()


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Subcommand name → its parser."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


class CliHelpDirective(SphinxDirective):
    """Render ``lawgov-score [SUBCOMMAND] --help`` as a literal block."""

    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_reread()  # generated from installed code: never reuse a cached page
        parser = get_parser(self.get_location())
        name = self.arguments[0] if self.arguments else None
        target = parser
        if name is not None:
            choices = subcommands(parser)
            if name not in choices:
                logger.warning("cli help: no subcommand %r in lawgov-score", name, location=self.get_location())
                return []
            target = choices[name]
        with _columns():
            text = target.format_help().rstrip()
        command = "lawgov-score" + (f" {name}" if name else "") + " --help"
        block = nodes.literal_block(text, f"$ {command}\n{text}", language="console")
        return [block]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("lawgov-cli-help", CliHelpDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
