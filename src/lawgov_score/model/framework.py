"""Framework → Dimension → Indicator: what is measured, how it is scored and weighted."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from attrs import field, frozen, validators

from lawgov_score.model import tuple_of

IndicatorKind = Literal["task", "disclosure", "metric", "outcome", "compliance", "credibility", "adverse"]
Direction = Literal[1, -1, 0]
Scale = Literal["linear", "log"]
LEVELS = ("province", "city", "county", "township", "department")
"""Levels of a unit: a province, a city, a county or district, a township or street, a department of
a government. An indicator's ``applies_to`` names the levels it applies to."""
AGGREGATIONS = ("arithmetic", "geometric", "harmonic")
"""Aggregation methods a framework can choose for a node (the panel engine's aggregators)."""


def _non_negative(instance: object, attribute: object, value: float) -> None:
    if not (isinstance(value, (int, float)) and math.isfinite(value) and value >= 0):
        name = getattr(attribute, "name", "value")
        raise ValueError(f"{name} must be a finite number ≥ 0, got {value!r}")


def _score_range(instance: object, attribute: object, value: float) -> None:
    if not (isinstance(value, (int, float)) and math.isfinite(value) and 0 <= value <= 100):
        raise ValueError(f"missing_score must be a number from 0 to 100, got {value!r}")


def _goalposts(instance: object, attribute: object, value: tuple[float, float] | None) -> None:
    if value is None:
        return
    low, high = value[0], value[1]
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise ValueError(f"goalposts must be finite with low < high, got {value!r}")


def _log_goalposts(instance: Indicator, attribute: object, value: str) -> None:
    # log(1 + x) of a negative goalpost is clipped to 0: both at or below 0 would map every value
    # to one score, and a negative low would silently move.
    if value == "log" and instance.goalposts is not None and instance.goalposts[0] < 0:
        raise ValueError(f"a log-scale indicator's goalposts must not be negative, got {list(instance.goalposts)!r}")


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
    (reversed when ``direction`` is −1), values outside are truncated; with ``scale`` ``"log"``
    the map is logarithmic, ``log(1 + x)``, so that each doubling of a count of effort adds the
    same and a large count saturates gently. ``direction`` 0 marks an indicator whose better
    direction is disputed: it is reported, never scored. ``group`` names the
    :class:`IndicatorGroup` of its dimension it is aggregated in (none: directly under the
    dimension). ``applies_to`` lists the unit levels (:data:`LEVELS`) the indicator applies to
    (empty: all); elsewhere it is ``not_applicable``, for the reason ``applicability`` gives.
    ``source`` says where the goalposts come from.
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
    group: str = ""
    scale: Scale = field(default="linear", validator=_log_goalposts)
    applies_to: tuple[str, ...] = field(default=(), converter=tuple_of)
    applicability: str = ""
    source: str = ""
    missing_score: float | None = field(default=None, validator=validators.optional(_score_range))


def goalposts_of(indicator: Indicator) -> tuple[float, float] | None:
    """The indicator's goalposts; a grade or share (task, compliance, credibility, a share disclosed)
    without goalposts of its own runs from 0 to 1 by nature."""
    if indicator.goalposts is not None:
        return indicator.goalposts
    if indicator.kind in ("task", "compliance", "credibility", "disclosure") and indicator.unit in ("", "%"):
        return (0.0, 1.0)
    return None


@frozen
class IndicatorGroup:
    """A block of a dimension's indicators aggregated together before the dimension: its key
    tasks (``tasks``), its data (``data``), its outcomes (``outcomes``) …, with its weight within
    the dimension and its aggregation method."""

    id: str
    name_zh: str
    name_en: str = ""
    weight: float = field(default=1.0, validator=_non_negative)
    aggregation: str = field(default="arithmetic", validator=validators.in_(AGGREGATIONS))
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
    groups: tuple[IndicatorGroup, ...] = field(default=(), converter=tuple_of)
    aggregation: str = field(default="arithmetic", validator=validators.in_(AGGREGATIONS))
    outline: str = ""
    """The national outline the dimension belongs to (``2021-2025``, ``2015-2020``); empty for none."""

    def group(self, group_id: str) -> IndicatorGroup | None:
        """The group with this id, or ``None``."""
        return next((group for group in self.groups if group.id == group_id), None)

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
    aggregation: str = field(default="arithmetic", validator=validators.in_(AGGREGATIONS))
    outline: str = ""
    """The national outline the framework scores against (``2021-2025``, ``2015-2020``); empty for a
    framework of its own, which is never switched to another outline."""
    pinned: tuple[str, ...] = field(default=(), converter=tuple_of)
    """The dimension codes a framework file pins (empty: whatever is installed)."""
    left_out: tuple[str, ...] = field(default=(), converter=tuple_of)
    """Installed dimensions the pinned set left out, for the warning every assessment then carries."""

    def dimension(self, code: str) -> Dimension:
        """Return the dimension with this code, or raise :class:`KeyError`."""
        for dimension in self.dimensions:
            if dimension.code == code:
                return dimension
        raise KeyError(code)

    def indicator_index(self) -> dict[str, tuple[Dimension, Indicator]]:
        """Map every indicator id to its dimension and definition."""
        return {ind.id: (dim, ind) for dim in self.dimensions for ind in dim.indicators}
