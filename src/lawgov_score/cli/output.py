"""Writing command output: to stdout, or to a file that appears whole or not at all."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from lawgov_score.errors import OutputError
from lawgov_score.writing import Content, append_file, write_file


def write_output(content: Content, destination: str | os.PathLike[str] | None, *, append: bool = False) -> None:
    """Write ``content`` to ``destination``, or to stdout when it is ``None`` or ``"-"``.

    ``content`` is text, bytes, or pieces of either written as they come (a run still scoring).
    A file goes through :func:`lawgov_score.writing.write_file` (whole or not at all; a device or
    FIFO is written in place), or with ``append`` through :func:`~lawgov_score.writing.append_file`
    (each piece whole, for a JSON Lines log). Text ends with a newline on stdout; a lone surrogate
    is written as its ``\\uXXXX`` escape there as in a file.
    """
    if destination is not None and str(destination) == "-":
        destination = None
    if destination is not None:
        (append_file if append else write_file)(destination, content)
        return
    if isinstance(content, bytes) and sys.stdout.isatty():
        raise OutputError("a workbook is a binary file, not for a terminal: give -o FILE.xlsx", "standard output")
    try:
        _write_stdout([content] if isinstance(content, (str, bytes)) else content)
    except BrokenPipeError:
        raise  # the reader went away: the boundary ends quietly
    except OSError as error:
        raise OutputError(f"cannot write the output: {error.strerror or error}", "standard output") from None


def _write_stdout(pieces: Iterable[str | bytes]) -> None:
    last = ""
    for piece in pieces:
        if isinstance(piece, str):
            if piece:
                last = piece[-1]
            # Only lone surrogates change: the stream's own encoding applies to the rest.
            sys.stdout.write(piece.encode("utf-8", "backslashreplace").decode("utf-8"))
            sys.stdout.flush()  # a piece is a report's output: a reader down the pipe gets it now
            continue
        if sys.stdout.isatty():
            raise OutputError("a workbook is a binary file, not for a terminal: give -o FILE.xlsx", "standard output")
        sys.stdout.flush()
        sys.stdout.buffer.write(piece)
        sys.stdout.buffer.flush()
    if last and last != "\n":
        sys.stdout.write("\n")
    sys.stdout.flush()
