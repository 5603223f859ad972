"""Getting a report's bytes safely: from a regular file, or from standard input, never unbounded.

A path is looked at before it is opened: a missing file, a folder, a device (``/dev/zero``), a
FIFO or a socket is refused by name, so that nothing blocks forever or reads gigabytes, and a
file over the size limit (:data:`lawgov_score.limits.Limits.file_bytes`) is refused before any of
it is read. Standard input is read up to the limit and one byte more.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from lawgov_score import limits
from lawgov_score.errors import InputError

STDIN_NAME = "<stdin>"
_CHUNK = 1 << 20


def read_file(path: Path, name: str | None = None) -> bytes:
    """The bytes of the regular file at ``path``.

    :param name: how messages name the file (default: the path as given).
    :raises InputError: no such file, a folder, not a regular file, over the size limit, unreadable.
    """
    name = name if name is not None else str(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except (OSError, ValueError) as error:
        # A NUL byte or a name too long for the system: most likely a report's text taken for a path.
        if isinstance(error, ValueError) or error.errno == errno.ENAMETOOLONG:
            raise InputError("no such file (the name cannot be a path; pass a report's text as text=...)",
                             _shortened(name)) from None
        # A loop of links, a component that is a file, no permission.
        raise InputError(f"cannot read the file: {error.strerror or error}", name) from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError("is a folder (directory), not a report file", name)
    if not stat.S_ISREG(status.st_mode):
        raise InputError(f"is {_kind(status.st_mode)}, not a regular file: save the report to a file first "
                         "(or pipe it to `-`, standard input)", name)
    in_force = limits.current()
    in_force.check("file_bytes", status.st_size, name, "the size of the file in bytes")
    try:
        with path.open("rb") as handle:
            return _bounded(handle, in_force, name)
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror or error}", name) from None


def read_stream(stream: BinaryIO, name: str = STDIN_NAME) -> bytes:
    """All of ``stream`` (standard input), up to the file size limit.

    :raises InputError: the stream holds more than the limit.
    """
    return _bounded(stream, limits.current(), name)


def _bounded(stream: BinaryIO, in_force: limits.Limits, name: str) -> bytes:
    """Read at most the limit + 1 bytes: one more than the limit is enough to know it is exceeded
    (a file may grow between the look and the read)."""
    limit = in_force.file_bytes
    if not limit:
        return stream.read()
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    in_force.check("file_bytes", total, name, "the size of the input in bytes (at least)")
    return b"".join(chunks)


def _shortened(name: str) -> str:
    return name if len(name) <= 80 else name[:60] + "…"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def exists(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names something on disk (a name the system refuses names nothing)."""
    try:
        return Path(path).exists()
    except (OSError, ValueError):
        return False
