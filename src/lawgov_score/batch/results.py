"""What a run over many reports yields, one result per source in input order.

A result is small and cheap to pickle, since with a process pool or a cluster it crosses from the
worker that scored the report to the process that writes the output: a scored report carries its
:class:`Summary` (what the ranking and the messages need) and the *product* its output format asked
the worker to make (a JSON line, CSV rows, the rows of a workbook — or, by default, the
:class:`~lawgov_score.model.assessment.Assessment` itself).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from attrs import field, frozen

from lawgov_score.errors import InputError
from lawgov_score.model import tuple_of
from lawgov_score.model.assessment import Assessment, Failure, ScoreWarning
from lawgov_score.model.observation import Unit

if TYPE_CHECKING:
    from lawgov_score.reading.model import Document

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Product(Protocol[T_co]):
    """What the worker makes of a scored report for the output: called in the worker process,
    so it must be picklable (a module-level function, or an instance of a module-level class), and
    what it returns should be small (a JSON line is text; an Assessment pickles to about 100 kB)."""

    def __call__(self, assessment: Assessment, document: Document) -> T_co: ...


def keep_assessment(assessment: Assessment, document: Document) -> Assessment:
    """The default product: the assessment itself."""
    return assessment


@frozen
class Summary:
    """What the ranking and the messages need of a scored report, whatever the output format.

    ``reading_warnings`` are what the reader said about the file (an encoding guessed, a page
    without text); ``warnings`` and ``failures`` are the assessment's.
    """

    unit: Unit
    overall: float | None
    status: str
    warnings: tuple[ScoreWarning, ...] = field(default=(), converter=tuple_of)
    failures: tuple[Failure, ...] = field(default=(), converter=tuple_of)
    reading_warnings: tuple[str, ...] = field(default=(), converter=tuple_of)

    @classmethod
    def of(cls, assessment: Assessment, document: Document) -> Summary:
        return cls(assessment.unit, assessment.overall, assessment.status, assessment.warnings,
                   assessment.failures, document.warnings)


@frozen
class Scored(Generic[T]):
    """A report scored: where it was in the input, its name and content hash, its summary and product."""

    index: int
    source: str
    sha256: str
    summary: Summary
    product: T


@frozen
class LeftOut:
    """A report that could not be read or is not a report (``--keep-going``): the error that says why."""

    index: int
    source: str
    message: str
    location: str | None = None

    @property
    def error(self) -> InputError:
        """The error as it was raised (naming the file and, where known, the place)."""
        return InputError(self.message, self.source, self.location)

    @classmethod
    def of(cls, index: int, error: InputError, source: str) -> LeftOut:
        return cls(index, error.source or source, error.message, error.location)


@frozen
class Skipped:
    """A report not scored again: the same bytes as an earlier source (``same_as``), or already in
    the output a run resumes (``same_as`` is ``None``)."""

    index: int
    source: str
    sha256: str
    same_as: str | None = None


Result = Scored[T] | LeftOut | Skipped
"""One of the results :func:`lawgov_score.batch.score_many` yields."""
