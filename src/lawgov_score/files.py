"""Reading JSON strictly, and writing files that appear whole or not at all."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from lawgov_score.errors import InputError


def write_text_atomic(destination: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to a temporary neighbour of ``destination`` and rename it into place.

    An error, or an interrupt, never leaves a half-written file behind.
    """
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


def read_json(path: str | os.PathLike[str]) -> Any:
    """Parse a JSON file strictly: UTF-8 (BOM allowed), no NaN or Infinity."""
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", source) from error
    text = decode_utf8(raw, source)
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise InputError(
            f"malformed JSON: {error.msg}", source, f"line {error.lineno}, column {error.colno}"
        ) from error
    except ValueError as error:
        raise InputError(str(error), source) from error


def decode_utf8(raw: bytes, source: str) -> str:
    """The text of a UTF-8 file (BOM allowed), or an error naming the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"the file is not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}); save it as UTF-8",
            source,
        ) from error


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows; write a finite number or null")
