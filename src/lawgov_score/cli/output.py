"""Writing command output: to stdout, or to a file that appears whole or not at all."""

from __future__ import annotations

import os
import sys

from lawgov_score.files import write_text_atomic


def write_output(text: str, destination: str | os.PathLike[str] | None) -> None:
    """Write ``text`` to ``destination``, or to stdout when it is ``None`` or ``"-"``.

    A file is written to a temporary neighbour and renamed into place, so an error never
    leaves a half-written file behind.
    """
    if destination is None or str(destination) == "-":
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    write_text_atomic(destination, text)
