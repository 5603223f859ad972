"""Weighted aggregation of child scores into a parent score (pure functions).

The first version is the weighted arithmetic mean, hierarchical (indicator → dimension →
overall), with weights normalised at each level. Missing children are treated by a named
policy, and the result says which children were dropped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from attrs import field, frozen

from lawgov_score.model import tuple_of

MissingPolicy = Literal["renormalise", "zero", "fail"]


@frozen
class Aggregate:
    """A parent score with the effective (normalised) weight each child carried.

    ``value`` is ``None`` when no child with positive weight is present, or when the policy is
    ``fail`` and a child is missing. ``weights`` sum to 1 whenever ``value`` is not ``None``;
    a dropped child's weight is 0.
    """

    value: float | None
    weights: tuple[float, ...] = field(converter=tuple_of)
    missing: tuple[int, ...] = field(default=(), converter=tuple_of)


def check_weights(weights: Sequence[float]) -> None:
    """Raise :class:`ValueError` unless every weight is finite and ≥ 0."""
    for position, weight in enumerate(weights):
        if not (math.isfinite(weight) and weight >= 0):
            raise ValueError(f"weight {position} must be a finite number ≥ 0, got {weight!r}")


def weighted_mean(
    values: Sequence[float | None], weights: Sequence[float], missing: MissingPolicy = "renormalise"
) -> Aggregate:
    """The weighted arithmetic mean of ``values``, treating ``None`` by the ``missing`` policy.

    ``renormalise`` drops missing children and shares their weight among the others;
    ``zero`` counts them as 0; ``fail`` gives no value if any child with weight is missing.
    """
    if len(values) != len(weights):
        raise ValueError(f"{len(values)} values but {len(weights)} weights")
    check_weights(weights)
    absent = tuple(i for i, value in enumerate(values) if value is None and weights[i] > 0)
    if missing == "fail" and absent:
        return Aggregate(None, [0.0] * len(values), absent)
    filled = [0.0 if value is None and missing == "zero" else value for value in values]
    used = [weights[i] if filled[i] is not None else 0.0 for i in range(len(values))]
    total = math.fsum(used)
    if total <= 0:
        return Aggregate(None, [0.0] * len(values), absent)
    effective = [weight / total for weight in used]
    present = [value for value, weight in zip(filled, used) if value is not None and weight > 0]
    mean = math.fsum(w * v for w, v in zip(effective, filled) if v is not None)
    # Rounding can push an fsum a few ulps outside its children's range; the mean cannot be.
    return Aggregate(min(max(mean, min(present)), max(present)), effective, absent)
