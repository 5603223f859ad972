"""A table file — CSV in UTF-8 or GB18030/GBK, or an Excel workbook — as a header and rows of cells.

The one reader of indicator tables: ``score-table``, ``rank`` and ``validate`` all read through
:func:`read_table`, so a file is read the same way and a fault reported the same way by each.

* CSV: UTF-8 (with or without a byte-order mark, as Excel's "CSV UTF-8" writes it), else
  GB18030 — a superset of the GBK and GB2312 that older Excel versions write in Chinese
  Windows; a file in neither is refused with the first byte that fits neither.
* ``.xlsx``: the first worksheet whose header has a unit column (so a workbook may carry a sheet
  of notes), cells as Excel stores them (a percentage typed as ``95%`` is the number 0.95).
* Either: the header is the first row that is not blank; header names are made canonical
  (:func:`~lawgov_score.tables.cells.canonical_column`: ``单位`` is ``unit``); blank rows and rows
  whose first cell begins with ``#`` (the notes rows of ``lawgov-score template``) are skipped.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from attrs import field, frozen

from lawgov_score.errors import InputError
from lawgov_score.files import csv_records, read_input
from lawgov_score.model import tuple_of
from lawgov_score.tables.cells import canonical_header, cell_text

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
TABLE_SUFFIXES = (*CSV_SUFFIXES, *EXCEL_SUFFIXES)
COMMENT = "#"

Cell = Any
"""A cell: text (CSV, or text in Excel), a number or a date (Excel), or ``None`` (blank)."""


@frozen
class Row:
    """A row of the table: its number in the file (the header's row counts) and its cells by column."""

    number: int
    cells: dict[str, Cell]


@frozen
class Table:
    """A table read from a file: canonical header names, the rows below it, and the file's checksum."""

    source: str
    header: tuple[str, ...] = field(converter=tuple_of)
    rows: tuple[Row, ...] = field(converter=tuple_of)
    sha256: str
    sheet: str | None = None
    """The worksheet read, for a workbook."""
    encoding: str = "utf-8"
    """How a CSV file was decoded (``utf-8``, ``gb18030``), ``xlsx`` for a workbook."""

    def where(self, row: int, column: str | None = None) -> str:
        """A place in the table as messages name it: ``row 3, column "value"`` (and the sheet)."""
        place = f"row {row}" + (f', column "{column}"' if column is not None else "")
        return f'sheet "{self.sheet}", {place}' if self.sheet else place

    @property
    def is_long(self) -> bool:
        """One value per row (``unit, indicator, value``) rather than one column per indicator."""
        return "indicator" in self.header and "value" in self.header


def is_table_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a CSV or Excel file by its extension."""
    return Path(path).suffix.lower() in TABLE_SUFFIXES


def read_table(path: str | os.PathLike[str]) -> Table:
    """Read a CSV or ``.xlsx`` table (see the module's docstring).

    :raises InputError: unreadable, in no encoding read here, no header, a column named twice,
        or a row with more cells than the header.
    """
    source = os.fsdecode(path)
    raw = read_input(path)
    digest = hashlib.sha256(raw).hexdigest()
    if Path(source).suffix.lower() in EXCEL_SUFFIXES or raw.startswith(b"PK\x03\x04"):
        sheet, records = _workbook_records(raw, source)
        encoding = "xlsx"
    else:
        text, encoding = decode_table_text(raw, source)
        sheet, records = None, [(n, cells) for n, cells in csv_records(text, source)]
    return _table(source, records, digest, sheet, encoding)


def decode_table_text(raw: bytes, source: str) -> tuple[str, str]:
    """The text of a CSV file and its encoding: UTF-8 (a BOM allowed), else GB18030.

    :raises InputError: the bytes are neither, naming the first byte that fits neither.
    """
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return raw.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as gb_error:
            first = min(utf8_error.start, gb_error.start)
            raise InputError(
                f"the file is neither UTF-8 nor GB18030/GBK (byte 0x{raw[first]:02x} at offset {first}); "
                'save it from Excel as "CSV UTF-8" or as an .xlsx workbook',
                source,
            ) from None


def _workbook_records(raw: bytes, source: str) -> tuple[str, list[tuple[int, list[Cell]]]]:
    """The worksheet to read and its rows (number, cells)."""
    import zipfile

    import openpyxl

    from lawgov_score.reading.docx_text import check_archive

    check_archive(raw, source, "Excel workbook")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise InputError(f"the file is not a readable Excel workbook (.xlsx): {error}", source) from None
    try:
        first: tuple[str, list[tuple[int, list[Cell]]]] | None = None
        for worksheet in workbook.worksheets:
            records = [(n, list(values)) for n, values in enumerate(worksheet.iter_rows(values_only=True), start=1)]
            header = next((cells for _, cells in records if _filled(cells)), [])
            if first is None:
                first = (worksheet.title, records)
            if "unit" in canonical_header([cell_text(c) for c in header]):
                return worksheet.title, records
        if first is None:
            raise InputError("the workbook has no worksheet", source)
        return first
    finally:
        workbook.close()


def _filled(cells: Sequence[Cell]) -> bool:
    return any(cell_text(c) for c in cells)


def _table(
    source: str, records: Iterable[tuple[int, list[Cell]]], digest: str, sheet: str | None, encoding: str
) -> Table:
    numbered = [(n, cells) for n, cells in records if _filled(cells)]
    place = f'sheet "{sheet}", ' if sheet else ""
    if not numbered:
        raise InputError('the table is empty: it needs a header row with a "unit" column', source)
    header_row, header_cells = numbered[0]
    names = canonical_header([cell_text(c) for c in header_cells])
    while sheet is not None and names and not names[-1]:  # Excel stores empty cells right of a table
        names.pop()
    if "unit" not in names:
        raise InputError(
            'the table needs a header row with a "unit" column (or 单位, 地区: see "Prepare indicator values")',
            source, f"{place}row {header_row}")
    unnamed = next((i + 1 for i, name in enumerate(names) if not name), None)
    if unnamed is not None:
        raise InputError(f"column {unnamed} of the header has no name", source, f"{place}row {header_row}")
    repeated = next((name for name in names if names.count(name) > 1), None)
    if repeated is not None:
        raise InputError(f"column {repeated!r} appears twice in the header", source, f"{place}row {header_row}")
    rows = []
    for number, cells in numbered[1:]:
        if cell_text(cells[0]).startswith(COMMENT):
            continue
        if sheet is None and len(cells) != len(names):
            # In CSV a short row has lost a cell: never read as a row of missing values.
            more_or_fewer = "more" if len(cells) > len(names) else "fewer"
            raise InputError(f"{len(cells)} cells, {more_or_fewer} than the {len(names)} columns of the header",
                             source, f"row {number}")
        beyond = next((i + 1 for i, c in enumerate(cells) if i >= len(names) and cell_text(c)), None)
        if beyond is not None:
            raise InputError(f"a value in column {beyond}, beyond the header's {len(names)} columns", source,
                             f"{place}row {number}")
        padded = [*cells[: len(names)], *[None] * (len(names) - len(cells))]
        rows.append(Row(number, dict(zip(names, padded))))
    return Table(source, names, rows, digest, sheet, encoding)
