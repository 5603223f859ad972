"""Serialising outputs so that other programs cannot be misled by them: JSON without NaN, CSV
that a spreadsheet will not run.

Every JSON and CSV writer of the library goes through :func:`json_text` and :func:`csv_text`
(and an xlsx writer through :func:`spreadsheet_safe`), so the rules hold in every output.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from lawgov_score.patterns import lazy

# OWASP "CSV injection": a cell starting with one of these is run as a formula by Excel,
# LibreOffice or Google Sheets (a tab or carriage return hides the sign that follows it).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = lazy(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_safe(cell: Any) -> Any:
    """``cell``, or — for text a spreadsheet would run as a formula — the text behind a ``'``.

    A number, or text that is a plain decimal number (``-0.5``, ``+3``, ``1e-06``), is kept:
    a spreadsheet reads it as that number. Anything else starting with ``=``, ``+``, ``-``, ``@``,
    a tab or a carriage return gets the quote the OWASP rule prescribes (``'=HYPERLINK(...)``),
    which spreadsheets show as the text itself.
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) and not _NUMBER().fullmatch(cell):
        return "'" + cell
    return cell


def csv_text(header: Sequence[Any], rows: Iterable[Sequence[Any]], *, with_header: bool = True) -> str:
    """A CSV document (``\\n`` line ends), every cell made :func:`spreadsheet_safe`; without
    ``with_header``, the rows only (a part of a document written in pieces).

    A row with a carriage return in a cell is written with every cell quoted: the csv module
    quotes only the characters of its line terminator, and a bare ``\\r`` would end the row for
    any reader.
    """
    buffer = io.StringIO()
    minimal = csv.writer(buffer, lineterminator="\n")
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in (header, *rows) if with_header else rows:
        cells = [spreadsheet_safe(cell) for cell in row]
        has_return = any(isinstance(cell, str) and "\r" in cell for cell in cells)
        (quoted if has_return else minimal).writerow(cells)
    return buffer.getvalue()


def json_text(data: Any, indent: int | None = 2) -> str:
    """``data`` as JSON text with a final newline; NaN or infinity anywhere is an error.

    Callers turn non-finite numbers into ``null`` (or a recorded failure) before; one that
    reaches this point is a bug, and raising beats writing a file no JSON parser accepts.

    :raises ValueError: ``data`` holds NaN or an infinity.
    """
    return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False) + "\n"
