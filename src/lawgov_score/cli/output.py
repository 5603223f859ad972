"""Writing command output: to stdout, or to a file that appears whole or not at all."""

from __future__ import annotations

import os
import sys

from lawgov_score.errors import OutputError
from lawgov_score.writing import write_file


def write_output(content: str | bytes, destination: str | os.PathLike[str] | None) -> None:
    """Write ``content`` to ``destination``, or to stdout when it is ``None`` or ``"-"``.

    A file goes through :func:`lawgov_score.writing.write_file` (whole or not at all; a device or
    FIFO is written in place). Text ends with a newline on stdout; a lone surrogate is written
    as its ``\\uXXXX`` escape there as in a file.
    """
    if destination is not None and str(destination) == "-":
        destination = None
    if destination is not None:
        write_file(destination, content)
        return
    if isinstance(content, bytes) and sys.stdout.isatty():
        raise OutputError("a workbook is a binary file, not for a terminal: give -o FILE.xlsx", "standard output")
    try:
        _write_stdout(content)
    except BrokenPipeError:
        raise  # the reader went away: the boundary ends quietly
    except OSError as error:
        raise OutputError(f"cannot write the output: {error.strerror or error}", "standard output") from None


def _write_stdout(content: str | bytes) -> None:
    if isinstance(content, str):
        if content and not content.endswith("\n"):
            content += "\n"
        # Only lone surrogates change: the stream's own encoding applies to the rest.
        sys.stdout.write(content.encode("utf-8", "backslashreplace").decode("utf-8"))
        sys.stdout.flush()
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(content)
    sys.stdout.buffer.flush()
