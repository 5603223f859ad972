"""Run a ``lawgov-score`` command or a Python snippet at build time and show it with its output.

The tutorial pages show what the code does today, never what it did when the page was written::

    ```{lawgov-run} lawgov-score score-table tests/data/observations/provincial-long.csv
    :head: 12
    ```

    ```{lawgov-python}
    import lawgov_score
    print(lawgov_score.__version__)
    ```

Commands run in-process through :func:`lawgov_score.cli.main`, from the repository root.
Options: ``:head: N`` keeps the first N lines of the output, ``:tail: N`` the last N;
``:from: TEXT`` starts at the first line containing TEXT;
``:grep: TEXT`` keeps the lines containing TEXT; ``:exit: N`` is the expected exit status
(default 0) and ``:stderr:`` shows standard error too. An unexpected exit status or an
exception is a build warning, so a ``-W`` build fails when the code and the page disagree.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import sys
import traceback
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = "100"


@contextlib.contextmanager
def _at_root() -> Any:
    saved_cwd, saved_columns = os.getcwd(), os.environ.get("COLUMNS")
    os.chdir(ROOT)
    os.environ["COLUMNS"] = COLUMNS
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        if saved_columns is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = saved_columns


def _cut(text: str, options: dict[str, Any]) -> str:
    lines = text.rstrip("\n").splitlines()
    if "from" in options:
        starts = [i for i, line in enumerate(lines) if options["from"] in line]
        lines = ["…", *lines[starts[0] :]] if starts else []
    if "grep" in options:
        lines = [line for line in lines if options["grep"] in line]
    if "head" in options and len(lines) > options["head"]:
        lines = [*lines[: options["head"]], "…"]
    if "tail" in options and len(lines) > options["tail"]:
        lines = ["…", *lines[-options["tail"] :]]
    return "\n".join(lines)


class _Base(SphinxDirective):
    option_spec: ClassVar[dict[str, Any]] = {
        "head": directives.nonnegative_int,
        "tail": directives.nonnegative_int,
        "grep": directives.unchanged_required,
        "from": directives.unchanged_required,
        "exit": int,
        "stderr": directives.flag,
    }

    def _warn(self, message: str) -> None:
        logger.warning(message, location=self.get_location())


class RunDirective(_Base):
    """Show ``$ lawgov-score …`` and its output."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = False

    def run(self) -> list[nodes.Node]:
        from lawgov_score.cli import main

        self.env.note_reread()  # output of the installed code: never reuse a cached page
        command = self.arguments[0]
        argv = shlex.split(command)
        if not argv or argv[0] != "lawgov-score":
            self._warn(f"lawgov-run: the command must start with lawgov-score: {command!r}")
            return []
        out, err = io.StringIO(), io.StringIO()
        with _at_root(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv[1:])
            except SystemExit as stop:
                status = stop.code if isinstance(stop.code, int) else 1
            except Exception:  # reported as a build warning
                status = None
                err.write(traceback.format_exc())
        expected = self.options.get("exit", 0)
        if status != expected:
            self._warn(f"lawgov-run: {command!r} exited {status}, expected {expected}: {err.getvalue().strip()}")
        text = out.getvalue()
        if "stderr" in self.options:
            text = text + err.getvalue()
        shown = f"$ {command}\n{_cut(text, self.options)}"
        if expected != 0:
            shown += f"\n$ echo $?\n{status}"
        return [nodes.literal_block(shown, shown, language="console")]


class PythonDirective(_Base):
    """Show a Python snippet, then what it printed."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        self.env.note_reread()
        code = "\n".join(self.content)
        out = io.StringIO()
        saved_path = list(sys.path)
        with _at_root(), contextlib.redirect_stdout(out):
            try:
                exec(compile(code, f"<{self.env.docname}>", "exec"), {"__name__": "__docs__"})
            except Exception:  # reported as a build warning
                self._warn(f"lawgov-python: the snippet raised:\n{traceback.format_exc()}")
            finally:
                # A snippet may put an example on sys.path "as if installed"; keep that to itself.
                sys.path[:] = saved_path
        source = nodes.literal_block(code, code, language="python")
        printed = _cut(out.getvalue(), self.options)
        output = nodes.literal_block(printed, printed, language="text")
        caption = nodes.paragraph()
        caption += nodes.Text("Output:")
        return [source, caption, output]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("lawgov-run", RunDirective)
    app.add_directive("lawgov-python", PythonDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
