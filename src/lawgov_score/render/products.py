"""What a worker makes of a scored report for each output format (:class:`lawgov_score.batch.Product`).

Each product is a small frozen class, picklable, called in the worker process that scored the
report, so that the expensive part of writing — turning an assessment into JSON, CSV rows or a
workbook's rows — runs in parallel, and only text or rows cross to the process that writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from lawgov_score.model import tuple_of
from lawgov_score.render import rows as tables
from lawgov_score.render.assessments import NotesOf, Options, csv_block, json_block, json_line, notes_of
from lawgov_score.render.views import Axis, axes_of

if TYPE_CHECKING:
    from lawgov_score.model.assessment import Assessment
    from lawgov_score.reading.model import Document


@frozen
class JsonLine:
    """``--format jsonl``: the assessment as one line of JSON."""

    explain: str | None = None

    def __call__(self, assessment: Assessment, document: Document) -> str:
        return json_line(assessment, self.explain)


@frozen
class JsonBlock:
    """``--format json``: the assessment as an item of the document's array."""

    explain: str | None = None

    def __call__(self, assessment: Assessment, document: Document) -> str:
        return json_block(assessment, self.explain)


@frozen
class CsvBlock:
    """``--format csv``: the assessment's rows."""

    options: Options = field(factory=Options)

    def __call__(self, assessment: Assessment, document: Document) -> str:
        return csv_block(assessment, self.options)


@frozen
class SheetPieces:
    """An assessment's part of the workbook: its overview entry and dimension axes, its rows of
    each sheet of :data:`lawgov_score.render.assessments.SHEETS`, and what the notes need."""

    overview: tables.OverviewEntry
    axes: tuple[Axis, ...] = field(converter=tuple_of)
    rows: tuple[tuple[tuple[Any, ...], ...], ...] = field(converter=tuple_of)
    notes: NotesOf


@frozen
class SheetRows:
    """``--format xlsx``: the assessment's rows of every sheet."""

    options: Options = field(factory=Options)

    def __call__(self, assessment: Assessment, document: Document) -> SheetPieces:
        from lawgov_score.render.assessments import SHEETS

        lang, only = self.options.lang, self.options.explain
        return SheetPieces(tables.overview_entry(assessment, lang), axes_of([assessment]),
                           [tuple(rows(assessment, lang, only)) for _, _, rows in SHEETS], notes_of(assessment))


@frozen
class Kept:
    """The formats that render all reports at the end (table, Markdown, HTML): the assessment,
    and for HTML the document, whose text the page shows."""

    with_document: bool = False

    def __call__(self, assessment: Assessment, document: Document) -> tuple[Assessment, Document | None]:
        return assessment, document if self.with_document else None
