"""Excel workbooks (``--format xlsx``): sheets with Chinese and English headers, a frozen header
row, number formats (rates as percentages, scores at one decimal), readable column widths and a
filter on every header.

openpyxl writes the workbook; every text cell goes through
:func:`lawgov_score.output_text.spreadsheet_safe` (the OWASP rule against formulas), and the file
is the same bytes for the same input (fixed document dates and zip entry times), as every output is.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from lawgov_score.output_text import spreadsheet_safe
from lawgov_score.render.rows import Column, Raw, Sheet
from lawgov_score.render.text_table import display_width
from lawgov_score.render.words import Lang, pair

NUMBER_FORMATS = {"int": "0", "score": "0.0", "share": "0.0%", "number": "General", "text": "General"}
RATE_FORMAT = "0.0%"
MAX_WIDTH = 60
MIN_WIDTH = 6
# Sheets hold at most this many rows: Excel's own limit (1,048,576) less the header.
MAX_ROWS = 1_048_575
# The file's bytes must not depend on when it was made: the document's dates are left out and
# every zip entry is dated 1980-01-01 (the zip format's first day).
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_DATES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")
_SHEET_NAME_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


def workbook(sheets: Sequence[Sheet], lang: Lang) -> bytes:
    """An ``.xlsx`` file holding ``sheets`` in order, headers in ``lang`` first.

    :raises OutputError: a sheet has more rows than Excel can hold.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from lawgov_score.errors import OutputError

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE6F0")
    header_alignment = Alignment(vertical="top", wrap_text=True)
    for sheet in sheets:
        if len(sheet.rows) > MAX_ROWS:
            raise OutputError(f"sheet {pair(sheet.name, lang)!r} would have {len(sheet.rows):,} rows, more than "
                              f"Excel's {MAX_ROWS + 1:,}: write CSV instead (--format csv)", "--format xlsx")
        ws = book.create_sheet(pair(sheet.name, lang).translate(_SHEET_NAME_FORBIDDEN)[:31])
        widths = [display_width(pair(c.label, lang)) for c in sheet.columns]
        ws.append([pair(c.label, lang) for c in sheet.columns])
        for cell in ws[1]:
            cell.font, cell.fill, cell.alignment = bold, fill, header_alignment
        for row, values in enumerate(sheet.rows, start=2):  # (ws.max_row walks every cell: quadratic)
            ws.append([_value(v) for v in values])
            for j, (col, value) in enumerate(zip(sheet.columns, values), start=1):
                number_format = _format(col, value)
                # A style set costs: only where it shows, and on a blank rate cell of a sheet to fill
                # in (a template), where typing 95% must give 0.95.
                if number_format != "General" and (value is not None or col.kind == "share"):
                    ws.cell(row=row, column=j).number_format = number_format
                widths[j - 1] = max(widths[j - 1], _shown_width(col, value))
        for j, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(j)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        ws.freeze_panes = "A2"
        if sheet.rows:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{len(sheet.rows) + 1}"
    if not sheets:
        book.create_sheet("empty")
    book.properties.creator = "lawgov-score"
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _value(value: Any) -> Any:
    if isinstance(value, Raw):
        return value.value
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return value


def _format(col: Column, value: Any) -> str:
    if isinstance(value, Raw):
        return RATE_FORMAT if value.is_rate else "General"
    return NUMBER_FORMATS.get(col.kind, "General")


def _shown_width(col: Column, value: Any) -> int:
    if isinstance(value, Raw):
        value = value.value
    if value is None:
        return 0
    if isinstance(value, float):
        return len(f"{value:.1f}") + (1 if col.kind == "share" else 0)
    return display_width(str(value))


def _fixed_zip(data: bytes) -> bytes:
    """The same archive without the document's dates and with every entry dated 1980-01-01, so
    equal workbooks are equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _DATES.sub(b"", data)
            target.writestr(entry, data)
    return out.getvalue()
