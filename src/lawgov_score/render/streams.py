"""Writing the output of a run over many reports as the results come, in pieces.

Each format has a writer with the :class:`~lawgov_score.batch.Product` its workers make and
three steps — :meth:`~Stream.start`, :meth:`~Stream.add` for each scored report,
:meth:`~Stream.finish` — each giving pieces of the output (text, or bytes for a workbook) to
write at once. What each keeps until the end, so that memory does not grow with the reports
where it need not:

* ``jsonl``: nothing (one line per report; the ranking is what ``lawgov-score rank`` computes);
* ``csv``: nothing (a long table: no rank column);
* ``json``: each report's unit and overall score, for the ``ranking`` written after the
  ``assessments`` array, which is written as it comes;
* ``xlsx``: each report's overview row (the rank is known only at the end), while the other
  sheets' rows go to temporary files as they come; a workbook holds at most 1,048,575 rows a
  sheet, so it is never the format for a very large run;
* ``table``, ``md``, ``html``: every assessment (and for HTML every report's text): they are
  rendered at the end, with the ranks, as one document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from attrs import evolve, frozen

from lawgov_score.batch.results import Product, Scored
from lawgov_score.render import products
from lawgov_score.render.assessments import (
    OVERVIEW,
    SHEETS,
    Notes,
    Options,
    csv_header,
    json_head,
    json_items,
    json_tail,
    render,
)
from lawgov_score.scoring.ranking import RankEntry, rank

if TYPE_CHECKING:
    from lawgov_score.model.assessment import Assessment
    from lawgov_score.model.observation import Unit
    from lawgov_score.reading.model import Document
    from lawgov_score.render.views import Axis

Piece = str | bytes


class Stream(Protocol):
    """A format's writer of a run's results."""

    product: Product[Any]

    def start(self) -> Iterable[Piece]: ...

    def add(self, scored: Scored[Any]) -> Iterable[Piece]: ...

    def finish(self) -> Iterable[Piece]: ...


@frozen
class Standing:
    """What a ranking needs of a report (:class:`lawgov_score.scoring.ranking.Ranked`)."""

    unit: Unit
    overall: float | None


def stream_for(fmt: str, options: Options | None = None) -> Stream:
    """The writer of ``fmt`` (one of :data:`lawgov_score.render.assessments.FORMATS`)."""
    options = options or Options()
    if fmt == "jsonl":
        return JsonLinesStream(products.JsonLine(options.explain))
    if fmt == "csv":
        return CsvStream(options)
    if fmt == "json":
        return JsonStream(options)
    if fmt == "xlsx":
        return XlsxStream(options)
    return KeptStream(fmt, options)


def pieces(stream: Stream, results: Iterable[Any]) -> Iterator[Piece]:
    """The whole output: the start (held back until a report is scored, so that a run that
    fails before writes nothing), a piece or more per scored report, the end."""
    started = False
    for result in results:
        if isinstance(result, Scored):
            if not started:
                started = True
                yield from stream.start()
            yield from stream.add(result)
    if not started:
        yield from stream.start()
    yield from stream.finish()


class JsonLinesStream:
    def __init__(self, product: products.JsonLine) -> None:
        self.product: Product[Any] = product

    def start(self) -> Iterable[Piece]:
        return ()

    def add(self, scored: Scored[Any]) -> Iterable[Piece]:
        return (scored.product,)

    def finish(self) -> Iterable[Piece]:
        return ()


class CsvStream:
    def __init__(self, options: Options) -> None:
        self.options = options
        self.product: Product[Any] = products.CsvBlock(options)

    def start(self) -> Iterable[Piece]:
        return (csv_header(self.options),)

    def add(self, scored: Scored[Any]) -> Iterable[Piece]:
        return (scored.product,)

    def finish(self) -> Iterable[Piece]:
        return ()


class JsonStream:
    def __init__(self, options: Options) -> None:
        self.options = options
        self.product: Product[Any] = products.JsonBlock(options.explain)
        self.standings: list[Standing] = []

    def start(self) -> Iterable[Piece]:
        return (json_head(),)

    def add(self, scored: Scored[Any]) -> Iterable[Piece]:
        first = not self.standings
        self.standings.append(Standing(scored.summary.unit, scored.summary.overall))
        return (json_items([scored.product], first=first),)

    def finish(self) -> Iterable[Piece]:
        ranking = rank(self.standings)
        if self.options.validate:  # the assessments were checked by the workers
            _validate_ranking(ranking)
        return (json_tail(ranking, bool(self.standings)),)


class XlsxStream:
    def __init__(self, options: Options) -> None:
        from lawgov_score.render.spreadsheet import StreamedBook

        self.options = options
        self.product: Product[Any] = products.SheetRows(options)
        self.book = StreamedBook(options.lang)
        self.overview = self.book.sheet(OVERVIEW, ())  # first, filled in at the end
        self.sheets = [self.book.sheet(name, columns) for name, columns, _ in SHEETS]
        self.entries: list[tuple[Standing, Any]] = []
        self.axes: dict[str, Axis] = {}
        self.notes = Notes()

    def start(self) -> Iterable[Piece]:
        return ()

    def add(self, scored: Scored[Any]) -> Iterable[Piece]:
        part: products.SheetPieces = scored.product
        for writer, rows in zip(self.sheets, part.rows):
            for row in rows:
                writer.append(row)
        for axis in part.axes:
            self.axes.setdefault(axis.code, axis)
        self.notes.add(part.notes)
        self.entries.append((Standing(scored.summary.unit, scored.summary.overall), part.overview))
        return ()

    def finish(self) -> Iterable[Piece]:
        from lawgov_score.render import rows as tables

        places = {(r.unit, r.year): r.rank for r in rank([standing for standing, _ in self.entries])}
        axes = list(self.axes.values())
        self.overview.columns = tuple(tables.overview_columns(axes))
        for standing, entry in self.entries:
            self.overview.append(entry.row(places.get((standing.unit.name, standing.unit.year)), axes))
        notes = self.notes.sheet(self.options.lang)
        writer = self.book.sheet(notes.name, notes.columns)
        for row in notes.rows:
            writer.append(row)
        return self.book.close()


class KeptStream:
    def __init__(self, fmt: str, options: Options) -> None:
        self.fmt, self.options = fmt, options
        self.product: Product[Any] = products.Kept(with_document=fmt == "html")
        self.kept: list[tuple[Assessment, Document | None]] = []

    def start(self) -> Iterable[Piece]:
        return ()

    def add(self, scored: Scored[Any]) -> Iterable[Piece]:
        self.kept.append(scored.product)
        return ()

    def finish(self) -> Iterable[Piece]:
        assessments = [a for a, _ in self.kept]
        documents = [d for _, d in self.kept]
        # the workers checked each assessment already, when --validate asked for it
        options = evolve(self.options, validate=False)
        return (render(assessments, rank(assessments), self.fmt, options, documents),)


def _validate_ranking(ranking: list[RankEntry]) -> None:
    from lawgov_score.model.serialise import to_dict
    from lawgov_score.schemas import validate

    for i, entry in enumerate(ranking):
        validate(to_dict(entry), "assessment", "<output>", definition="RankEntry", place=f"$.ranking[{i}]")
