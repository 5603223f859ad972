"""Reading input files strictly: regular files within the size limit, UTF-8, JSON and CSV checked
for what would break the code after them (nesting depth, numbers too large, lone surrogates,
fields over the limit), each error naming the file and the place.

Writing is :mod:`lawgov_score.writing`.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import math
import os
import re
import stat
import sys
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from lawgov_score.errors import InputError
from lawgov_score.limits import Limits, current
from lawgov_score.patterns import lazy

# A JSON escape of a UTF-16 surrogate: the only way a lone one can enter a parsed document.
_SURROGATE_ESCAPE = lazy(r"\\u[dD][89a-fA-F]")
_SURROGATE = lazy("[\ud800-\udfff]")
_JSON_STRING = lazy(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = lazy(r"[^\[\]{}]+")


def read_input(path: str | os.PathLike[str]) -> bytes:
    """The bytes of an input file: a regular file no larger than the ``file_bytes`` limit.

    A FIFO, a device (``/dev/zero``) or a folder is refused at once — opening never waits for a
    writer, and nothing is read past the limit.

    :raises InputError: missing, unreadable, not a regular file, or too large.
    """
    source = os.fsdecode(path)
    if not source:
        raise InputError("the input path is empty: give a file name")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise InputError(_open_cause(error), source) from None
    except ValueError as error:  # a NUL in the path
        raise InputError(f"the path is not valid ({error})", source) from None
    limits = current()
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device"
            raise InputError(f"is {kind}, not a file", source)
        limits.check("file_bytes", info.st_size, source, "the file's size in bytes")
        with os.fdopen(os.dup(fd), "rb") as handle:
            # Bounded even if the file grows while it is read (or, under /proc, says it is empty).
            data = handle.read(limits.file_bytes + 1 if limits.file_bytes else -1)
        limits.check("file_bytes", len(data), source, "the file's size in bytes")
        return data
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror or error}", source) from None
    finally:
        os.close(fd)


def _open_cause(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return "no such file"
    return f"cannot read the file: {error.strerror or error}"


def decode_utf8(raw: bytes, source: str) -> str:
    """The text of a UTF-8 file (BOM allowed), or an error naming the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"the file is not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}); save it as UTF-8",
            source,
        ) from error


# -- JSON ----------------------------------------------------------------------------------


def read_json(path: str | os.PathLike[str]) -> Any:
    """Parse a JSON file strictly: UTF-8 (BOM allowed), no NaN or Infinity, and nothing that
    breaks the code after it (see :func:`parse_json`)."""
    source = os.fsdecode(path)
    return parse_json(decode_utf8(read_input(path), source), source)


def parse_json(text: str, source: str) -> Any:
    """Parse JSON text and check it: nesting within the ``json_depth`` limit, every number
    within the range of a float (``1e400`` is refused, not read as infinity), no lone
    surrogate (``"\\ud800"``), which no output could encode.

    :raises InputError: malformed or refused, with the line or the JSON path.
    """
    limits = current()
    large: list[str] = []  # number literals beyond a float, noted as they are parsed

    def parse_float(literal: str) -> float:
        value = float(literal)
        if value - value != 0:
            large.append(literal)
        return value

    def parse_int(literal: str) -> float | int:
        if len(literal.lstrip("-")) > _FLOAT_DIGITS:
            large.append(literal)
            return math.inf  # a stand-in the check below finds, with its path
        return int(literal)

    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_float=parse_float, parse_int=parse_int)
    except json.JSONDecodeError as error:
        raise InputError(f"malformed JSON: {error.msg}", source, f"line {error.lineno}, column {error.colno}") from None
    except RecursionError:
        depth = _text_depth(text)
        limits.check("json_depth", depth, source, "the JSON's nesting depth")
        raise InputError(f"the JSON nests {depth:,} levels deep, more than the parser can follow", source) from None
    except ValueError as error:  # a constant refused above
        raise InputError(str(error), source) from None
    check_json(data, source, limits, numbers=bool(large), strings=_SURROGATE_ESCAPE().search(text) is not None)
    return data


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows; write a finite number or null")


def check_json(
    data: Any, source: str, limits: Limits | None = None, *, numbers: bool = True, strings: bool = True
) -> None:
    """Raise :class:`InputError` with the JSON path of the first value the library cannot take:
    nesting past the ``json_depth`` limit, a number beyond the range of a float, a string with a
    lone surrogate.

    :param numbers: look for numbers out of range (the parser can tell there are none).
    :param strings: look for lone surrogates (a search of the text can tell there are none).
    """
    limits = limits or current()
    depth = _depth(data, limits.json_depth)
    if limits.json_depth and depth > limits.json_depth:
        path, _ = _find(data, lambda v, d: d > limits.json_depth and type(v) in (dict, list)) or ("$", None)
        shown = path if len(path) <= 60 else f"{path[:30]}…{path[-25:]}"
        limits.check("json_depth", _depth(data, 0), source, f"the nesting depth (at {shown})")
    if numbers or strings:
        found = _find(data, lambda v, d: _problem(v, numbers, strings) is not None)
        if found is not None:
            path, value = found
            raise InputError(_problem(value, numbers, strings) or "", source, path)


_FLOAT_MAX = sys.float_info.max
_FLOAT_DIGITS = len(str(int(_FLOAT_MAX)))  # an integer literal longer than this is beyond a float


def _depth(data: Any, stop: int) -> int:
    """Levels of nesting (``[]`` is 1), counted level by level up to ``stop`` + 1 (0: all)."""
    level = [data] if type(data) in (dict, list) else []
    depth = 0
    while level and (not stop or depth <= stop):
        depth += 1
        level = [c for v in level for c in (v.values() if type(v) is dict else v) if type(c) in (dict, list)]
    return depth


def _problem(value: Any, numbers: bool, strings: bool) -> str | None:
    kind = type(value)
    if numbers and kind is float and value - value != 0:
        return "the number is too large for a float (at most about 1.8e308)"
    if numbers and kind is int and not -_FLOAT_MAX <= value <= _FLOAT_MAX:
        return "the number is too large (at most about 1.8e308)"
    if strings and kind is str and _SURROGATE().search(value):
        return "the string holds a lone surrogate (an escape \\uD800–\\uDFFF without its pair), which is not text"
    if strings and kind is dict and any(_SURROGATE().search(key) for key in value):
        return "a key holds a lone surrogate (an escape \\uD800–\\uDFFF without its pair), which is not text"
    return None


def _find(data: Any, bad: Callable[[Any, int], bool]) -> tuple[str, Any] | None:
    """The JSON path and value of the first value (in document order) for which ``bad(value, depth)``."""
    stack: list[tuple[Any, int, str]] = [(data, 1, "$")]
    while stack:
        value, depth, path = stack.pop()
        if bad(value, depth):
            return path, value
        if type(value) is dict:
            stack.extend((v, depth + 1, f"{path}.{k}") for k, v in reversed(list(value.items())))
        elif type(value) is list:
            stack.extend((v, depth + 1, f"{path}[{i}]") for i, v in reversed(list(enumerate(value))))
    return None


def _text_depth(text: str) -> int:
    """The nesting depth of JSON text, counted on its brackets outside strings (no recursion)."""
    brackets = _NOT_BRACKET().sub("", _JSON_STRING().sub("", text))
    return max(accumulate(1 if c in "[{" else -1 for c in brackets), default=0)


# -- CSV -----------------------------------------------------------------------------------


def csv_records(text: str, source: str) -> list[tuple[int, list[str]]]:
    """``(row number, cells)`` of every record of CSV text, the header being row 1.

    A field longer than the ``csv_field_chars`` limit is refused with its row, instead of the
    csv module's own, lower limit (128 KiB) failing with an error that names nothing.

    :raises InputError: a field over the limit, or text the csv module cannot parse.
    """
    limits = current()
    longest_allowed = limits.csv_field_chars or sys.maxsize
    records: list[tuple[int, list[str]]] = []
    # The csv module's own field limit is process-wide: lifted only while this reads, our limit
    # is checked on each row instead (and the file-size limit bounds what any field can take).
    previous = csv.field_size_limit(sys.maxsize)
    try:
        for cells in csv.reader(io.StringIO(text, newline="")):
            if cells and max(map(len, cells)) > longest_allowed:
                where = f"a field's length (at row {len(records) + 1})"
                limits.check("csv_field_chars", max(map(len, cells)), source, where)
            records.append((len(records) + 1, cells))
    except csv.Error as error:
        raise InputError(f"cannot read the CSV: {error}", source, f"row {len(records) + 1}") from None
    finally:
        csv.field_size_limit(previous)
    return records
