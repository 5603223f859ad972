"""Writing command output: to stdout, or to a file that appears whole or not at all."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


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
    target = Path(destination)
    fd, tmp = tempfile.mkstemp(dir=target.parent or Path("."), prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        # mkstemp makes the file private (0600); a report is meant to be shared like any new file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
