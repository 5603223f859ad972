"""Turning an indicator's raw value into a 0–100 score, with the rule stated in words."""

from __future__ import annotations

from lawgov_score.model.framework import Indicator

SCALE = 100.0


def scorable(indicator: Indicator) -> bool:
    """Whether the indicator takes part in aggregation (weight, direction and goalposts set)."""
    return indicator.weight > 0 and indicator.direction != 0 and goalposts_of(indicator) is not None


def goalposts_of(indicator: Indicator) -> tuple[float, float] | None:
    """The indicator's goalposts; task and compliance indicators run from 0 to 1 by nature."""
    if indicator.goalposts is not None:
        return indicator.goalposts
    if indicator.kind in ("task", "compliance"):
        return (0.0, 1.0)
    return None


def normalise(value: float, indicator: Indicator) -> tuple[float, str]:
    """Score ``value`` on 0–100 against the indicator's goalposts, truncating outside them.

    :returns: the score and the arithmetic that produced it, for the evidence trail.
    """
    posts = goalposts_of(indicator)
    if posts is None:
        raise ValueError(f"indicator {indicator.id} has no goalposts")
    low, high = posts
    share = min(max((value - low) / (high - low), 0.0), 1.0)
    if indicator.direction == -1:
        score = SCALE * (1.0 - share)
        rule = f"100 × (1 − clip(({_num(value)} − {_num(low)}) / ({_num(high)} − {_num(low)}), 0, 1)) = {score:.2f}"
    else:
        score = SCALE * share
        rule = f"100 × clip(({_num(value)} − {_num(low)}) / ({_num(high)} − {_num(low)}), 0, 1) = {score:.2f}"
    return score, rule


def _num(value: float) -> str:
    return f"{value:g}"
