"""Framework → Dimension → Indicator: what is measured, how it is scored and weighted."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from attrs import field, frozen, validators

from lawgov_score.model import tuple_of

IndicatorKind = Literal["task", "disclosure", "metric", "compliance"]
Direction = Literal[1, -1, 0]


def _non_negative(instance: object, attribute: object, value: float) -> None:
    if not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
        name = getattr(attribute, "name", "value")
        raise ValueError(f"{name} must be a finite number ≥ 0, got {value!r}")


def _goalposts(instance: object, attribute: object, value: tuple[float, float] | None) -> None:
    if value is None:
        return
    low, high = value[0], value[1]
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise ValueError(f"goalposts must be finite with low < high, got {value!r}")


def _as_goalposts(value: Sequence[float] | None) -> tuple[float, float] | None:
    if value is None:
        return None
    if len(value) != 2:
        raise ValueError(f"goalposts must be [low, high], got {value!r}")
    return (float(value[0]), float(value[1]))


@frozen
class KeyTask:
    """A numbered key task of the national outline, with the terms that reveal it in a report."""

    id: str
    title_zh: str
    title_en: str = ""
    terms: tuple[str, ...] = field(default=(), converter=tuple_of)


@frozen
class Indicator:
    """One measured quantity of a dimension.

    ``goalposts`` map a raw value onto 0–100: ``low`` scores 0 and ``high`` scores 100
    (reversed when ``direction`` is −1), values outside are truncated. ``direction`` 0 marks an
    indicator whose better direction is disputed: it is reported, never scored.
    """

    id: str
    name_zh: str
    name_en: str = ""
    kind: IndicatorKind = "metric"
    unit: str = ""
    direction: Direction = 1
    weight: float = field(default=1.0, validator=_non_negative)
    goalposts: tuple[float, float] | None = field(default=None, converter=_as_goalposts, validator=_goalposts)
    key_task: str | None = None
    description: str = ""


@frozen(cache_hash=True)  # hashed often: it keys the compiled term index of the reader
class Dimension:
    """A first-level part of a framework (D1–D10 for the national outline)."""

    code: str
    title_zh: str
    title_en: str = ""
    weight: float = field(default=1.0, validator=_non_negative)
    indicators: tuple[Indicator, ...] = field(default=(), converter=tuple_of)
    key_tasks: tuple[KeyTask, ...] = field(default=(), converter=tuple_of)
    terms: tuple[str, ...] = field(default=(), converter=tuple_of)

    def indicator(self, indicator_id: str) -> Indicator:
        """Return the indicator with this id, or raise :class:`KeyError`."""
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise KeyError(indicator_id)


MissingPolicy = Literal["renormalise", "zero", "fail"]


@frozen
class Framework:
    """A complete indicator system: its dimensions in code order, and how gaps are treated."""

    id: str
    version: str
    title: str = ""
    dimensions: tuple[Dimension, ...] = field(default=(), converter=tuple_of)
    missing: MissingPolicy = field(default="renormalise", validator=validators.in_(("renormalise", "zero", "fail")))

    def dimension(self, code: str) -> Dimension:
        """Return the dimension with this code, or raise :class:`KeyError`."""
        for dimension in self.dimensions:
            if dimension.code == code:
                return dimension
        raise KeyError(code)

    def indicator_index(self) -> dict[str, tuple[Dimension, Indicator]]:
        """Map every indicator id to its dimension and definition."""
        return {ind.id: (dim, ind) for dim in self.dimensions for ind in dim.indicators}
