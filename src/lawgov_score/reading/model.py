"""What reading a report produces: a Document with its outline and facts.

Every ``start``/``end`` is a Python string index into :attr:`Document.original`, the decoded
text of the report as the user has it (for HTML and DOCX: the text extracted from it), so
evidence can be shown where the user will look for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from attrs import field, frozen

from lawgov_score.model import tuple_of
from lawgov_score.reading.normalise import OffsetMap, original_span

FactKind = Literal["count", "amount", "rate", "change", "pp_change", "rank", "duration"]
Bound = Literal["lower", "upper"]
GovernmentLevel = Literal["province", "city", "county", "township"]
Level = Literal["province", "city", "county", "township", "department"]
ChangeDirection = Literal["up", "down"]


@frozen
class Assignment:
    """Why a section or fact was given a dimension: the rule and the terms that matched."""

    dimension: str
    rule: str
    terms: tuple[str, ...] = field(default=(), converter=tuple_of)


@frozen
class Fact:
    """One quantitative statement of a report.

    ``value`` is normalised: rates and relative changes as fractions with unit ``"%"``
    (98.52% → 0.9852), 万/亿 expanded (13.1万宗 → 131000, unit 宗), money in 元
    (1000余万元 → 10000000, unit 元), lengths of time and streaks (``duration``) in the unit
    written (5个工作日, 连续3年), ranks in 名 (a rank that moved has ``change``). ``approx`` is true
    for 余/多/近/约/超过/以上 (and 前N), and ``bound`` says which side the true value lies on
    (``"lower"``: at least this much).
    """

    value: float
    unit: str
    start: int
    end: int
    quote: str
    kind: FactKind = "count"
    approx: bool = False
    bound: Bound | None = None
    change: ChangeDirection | None = None
    subject: str = ""
    dimensions: tuple[str, ...] = field(default=(), converter=tuple_of)
    why: tuple[Assignment, ...] = field(default=(), converter=tuple_of)


def _offset_sequence(offsets: Iterable[int]) -> Sequence[int]:
    """Keep an :class:`OffsetMap` as it is (compact), make any other iterable a tuple."""
    return offsets if isinstance(offsets, OffsetMap) else tuple(offsets)


SectionRole = Literal["preamble", "body", "shortcomings", "plans", "closing"]


@frozen
class Section:
    """A heading of the report's outline and the text it governs.

    ``start``/``end`` cover the heading and its body; ``title_start``/``title_end`` the title alone.
    ``numbering`` is the marker as written (``一、``, ``（二）``, ``1.``), empty for run-in headings.
    """

    level: int
    numbering: str
    title: str
    start: int
    end: int
    title_start: int
    title_end: int
    style: str = ""
    role: SectionRole = "body"
    dimensions: tuple[str, ...] = field(default=(), converter=tuple_of)
    why: tuple[Assignment, ...] = field(default=(), converter=tuple_of)
    children: tuple[Section, ...] = field(default=(), converter=tuple_of)
    items: tuple[tuple[int, int], ...] = field(default=(), converter=tuple_of)
    """Spans of the inline enumeration items (``一是……二是……``) in this section: item
    boundaries, not headings."""


@frozen
class Metadata:
    """What the report says about itself, when it says it."""

    issuer: str | None = None
    year: int | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    elements: tuple[str, ...] = field(default=(), converter=tuple_of)
    """The 2019 rule's required elements present: ``measures``, ``shortcomings``,
    ``first_responsible``, ``plans``, ``other``."""
    level: Level | None = None
    """The issuer's level: ``province``, ``city``, ``county`` (districts, counties, county-level
    cities, banners), ``township`` (乡, 镇, 街道) or ``department`` (a body of a government)."""
    government_level: GovernmentLevel | None = None
    """The level of the government the issuer is or belongs to: for a department, its
    government's (宁波市生态环境局 → ``city``); for a government, ``level``."""
    region: str | None = None
    """The issuer's region as far as the report tells it (``广东省深圳市宝安区``)."""


@frozen(cache_hash=True)  # hashed once: the ten dimensions look up the same document's view
class Document:
    """A report read into text, outline and facts."""

    source: str
    original: str
    text: str
    sha256: str
    sections: tuple[Section, ...] = field(default=(), converter=tuple_of)
    facts: tuple[Fact, ...] = field(default=(), converter=tuple_of)
    metadata: Metadata = Metadata()
    format: str = "text"
    encoding: str = "utf-8"
    offsets: Sequence[int] = field(default=(), converter=_offset_sequence, repr=False, eq=False)
    """``offsets[i]`` is the index in :attr:`original` of ``text[i]`` (one extra entry for the end):
    an :class:`~lawgov_score.reading.normalise.OffsetMap` when the document was read."""
    warnings: tuple[str, ...] = field(default=(), converter=tuple_of)
    """What the reader noticed but read anyway: invalid bytes replaced (with their byte offsets),
    PDF pages without a text layer. The command line prints them on standard error."""

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised :attr:`text` to the same span of :attr:`original`: what
        normalisation dropped just after the span (a line break, an indentation) stays outside."""
        if not self.offsets:
            return start, end
        return original_span(self.offsets, start, end)
