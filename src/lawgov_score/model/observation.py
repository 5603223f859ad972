"""Units (the government bodies scored) and observations (an indicator's raw value for a unit)."""

from __future__ import annotations

import math

from attrs import field, frozen

from lawgov_score.model import tuple_of


@frozen
class Evidence:
    """Where a value comes from: a quote and its character span in the source text."""

    quote: str
    start: int | None = None
    end: int | None = None
    source: str | None = None


@frozen
class Unit:
    """A government body for one year: 深圳市宝安区人民政府, district, 广东省深圳市, 2023."""

    name: str
    year: int | None = None
    level: str | None = None
    region: str | None = None
    government_level: str | None = None
    """For a department, the level of the government it belongs to (a county's 司法局: ``county``)."""


def _finite_or_none(instance: object, attribute: object, value: float | None) -> None:
    if value is not None and not math.isfinite(value):
        raise ValueError(f"an observation's value must be a finite number, got {value!r}")


def _share(instance: object, attribute: object, value: float) -> None:
    if not (isinstance(value, (int, float)) and 0.0 <= value <= 1.0):
        raise ValueError(f"an observation's credit must be a number from 0 to 1, got {value!r}")


@frozen
class Observation:
    """The raw value of one indicator for one unit, with the evidence behind it.

    ``value`` is ``None`` when the indicator was looked for and not found: it then counts as
    missing, under the framework's missing-data policy. ``rule`` and ``rule_zh`` say in plain
    words what was found (English, Chinese); ``grade`` names a graded level (a key task's
    ``quantified``); ``flags`` name doubts (``inconsistent``, ``implausible``, ``discounted``, ``conflicting``).
    """

    indicator: str
    value: float | None = field(validator=_finite_or_none)
    unit: str = ""
    year: int | None = None
    evidence: tuple[Evidence, ...] = field(default=(), converter=tuple_of)
    rule: str = ""
    rule_zh: str = ""
    grade: str | None = None
    flags: tuple[str, ...] = field(default=(), converter=tuple_of)
    credit: float = field(default=1.0, validator=_share)
    """The share of its score the value earns (1: full; less when the evidence is discounted)."""
