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
from collections.abc import Iterator, Sequence
from typing import IO, Any

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
# Column widths are set before the first row is written (write-only mode): from this many rows.
WIDTH_SAMPLE = 1_000
_SLICE = 1 << 20
# The file's bytes must not depend on when it was made: the document's dates are left out and
# every zip entry is dated 1980-01-01 (the zip format's first day).
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_DATES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")
_SHEET_NAME_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


def workbook(sheets: Sequence[Sheet], lang: Lang) -> bytes:
    """An ``.xlsx`` file holding ``sheets`` in order, headers in ``lang`` first.

    :raises OutputError: a sheet has more rows than Excel can hold.
    """
    book = StreamedBook(lang)
    writers = [book.sheet(sheet.name, sheet.columns) for sheet in sheets]
    for writer, sheet in zip(writers, sheets):
        for values in sheet.rows:
            writer.append(values)
    return b"".join(book.close())


class StreamedBook:
    """A workbook written sheet row by sheet row (openpyxl's write-only mode): the rows go to
    temporary files as they come, so memory does not grow with them; :meth:`close` gives the
    file's bytes in pieces. Sheets appear in the order :meth:`sheet` made them, whatever order
    their rows come in."""

    def __init__(self, lang: Lang) -> None:
        from openpyxl import Workbook

        self.lang = lang
        self.book = Workbook(write_only=True)
        self.writers: list[SheetWriter] = []

    def sheet(self, name: tuple[str, str], columns: Sequence[Column]) -> SheetWriter:
        """A new sheet, after those made before."""
        worksheet = self.book.create_sheet(pair(name, self.lang).translate(_SHEET_NAME_FORBIDDEN)[:31])
        writer = SheetWriter(worksheet, name, tuple(columns), self.lang)
        self.writers.append(writer)
        return writer

    def close(self) -> Iterator[bytes]:
        """Finish every sheet and give the workbook's bytes (the same bytes for the same rows)."""
        import tempfile

        for writer in self.writers:
            writer.close()
        if not self.writers:
            self.book.create_sheet("empty")
        self.book.properties.creator = "lawgov-score"
        with tempfile.TemporaryFile() as saved:
            self.book.save(saved)  # openpyxl takes a file object too
            saved.seek(0)
            yield from _fixed_zip(saved)


class SheetWriter:
    """One sheet's rows, styled as they are written: a bold, filled, frozen header row, number
    formats by column kind, widths from the first :data:`WIDTH_SAMPLE` rows (written before any
    row, as write-only mode requires), and a filter over every row."""

    def __init__(self, worksheet: Any, name: tuple[str, str], columns: tuple[Column, ...], lang: Lang) -> None:
        self.worksheet, self.name, self.columns, self.lang = worksheet, name, columns, lang
        self.sample: list[Sequence[Any]] | None = []
        self.rows = 0

    def append(self, values: Sequence[Any]) -> None:
        """Add a row (:raises OutputError: past Excel's :data:`MAX_ROWS`)."""
        self.rows += 1
        if self.rows > MAX_ROWS:
            from lawgov_score.errors import OutputError

            raise OutputError(f"sheet {pair(self.name, self.lang)!r} would have more than Excel's {MAX_ROWS + 1:,} "
                              "rows: write CSV instead (--format csv)", "--format xlsx")
        if self.sample is None:
            self._write(values)
            return
        self.sample.append(values)
        if len(self.sample) >= WIDTH_SAMPLE:
            self._start()

    def close(self) -> None:
        if self.sample is not None:
            self._start()
        if self.rows:
            from openpyxl.utils import get_column_letter

            self.worksheet.auto_filter.ref = f"A1:{get_column_letter(len(self.columns))}{self.rows + 1}"
        self.worksheet.close()

    def _start(self) -> None:
        """Widths from the sample, the header, then the sample's rows."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        sample, self.sample = self.sample or [], None
        labels = [pair(c.label, self.lang) for c in self.columns]
        widths = [display_width(label) for label in labels]
        for values in sample:
            for j, (col, value) in enumerate(zip(self.columns, values)):
                widths[j] = max(widths[j], _shown_width(col, value))
        ws = self.worksheet
        for j, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(j)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        ws.freeze_panes = "A2"
        header = []
        bold, fill, alignment = Font(bold=True), PatternFill("solid", fgColor="DDE6F0"), Alignment(vertical="top",
                                                                                                   wrap_text=True)
        for label in labels:
            cell = WriteOnlyCell(ws, value=label)
            cell.font, cell.fill, cell.alignment = bold, fill, alignment
            header.append(cell)
        ws.append(header)
        for values in sample:
            self._write(values)

    def _write(self, values: Sequence[Any]) -> None:
        from openpyxl.cell import WriteOnlyCell

        cells: list[Any] = []
        for col, value in zip(self.columns, values):
            number_format = _format(col, value)
            # A style set costs: only where it shows, and on a blank rate cell of a sheet to fill
            # in (a template), where typing 95% must give 0.95.
            if number_format != "General" and (value is not None or col.kind == "share"):
                cell = WriteOnlyCell(self.worksheet, value=_value(value))
                cell.number_format = number_format
                cells.append(cell)
            else:
                cells.append(_value(value))
        self.worksheet.append(cells)


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


def _fixed_zip(saved: IO[bytes]) -> Iterator[bytes]:
    """The archive in ``saved`` again, without the document's dates and with every entry dated
    1980-01-01, so equal workbooks are equal bytes; in pieces, each entry read in slices."""
    out = _Pieces()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            if info.filename == "docProps/core.xml":
                target.writestr(entry, _DATES.sub(b"", source.read(info.filename)))
            else:
                with source.open(info) as part, target.open(entry, "w") as copy:
                    while piece := part.read(_SLICE):
                        copy.write(piece)
                        yield from out.taken()
            yield from out.taken()
    yield from out.taken()


class _Pieces(io.RawIOBase):
    """A write-only stream whose written bytes are taken away in pieces (zipfile writes to it)."""

    def __init__(self) -> None:
        self.pieces: list[bytes] = []
        self.position = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        piece = bytes(data)
        self.pieces.append(piece)
        self.position += len(piece)
        return len(piece)

    def tell(self) -> int:
        return self.position

    def taken(self) -> list[bytes]:
        pieces, self.pieces = self.pieces, []
        return pieces
