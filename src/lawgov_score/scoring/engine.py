"""The report engine: a framework's indicators → groups → dimensions → overall, one unit at a time.

The panel engine (:mod:`lawgov_score.panel`) is its vectorised twin: the same goalposts
(:func:`lawgov_score.panel.normalise.goalposts`) and the same aggregation methods
(:data:`lawgov_score.panel.aggregate.BUILTIN_AGGREGATORS`, with their conventions for a child of
0 or below), so a framework's choice of aggregation for a node means the same in both, and
`lawgov-score rank --pipeline reports` reproduces every report's own scores.
There are two because they serve different sizes: a report is scored once, by a command that
should start at once, and numpy costs more to import (≈ 120 ms) than a whole report costs to
read and score; on one unit its per-call overhead also outweighs arithmetic on ten children. So a
report (and a table, unit by unit) is scored here in plain Python, and the panel keeps numpy for
thousands of units × thousands of weight replicates. ``tests/scoring/test_engine_twins.py``
checks that the two agree on random frameworks. :mod:`~lawgov_score.scoring.assemble` puts the
evidence and statuses back beside the numbers.

The steps, for each unit:

1. an indicator that does not apply to the unit's level, is not scorable (direction 0, weight
   0, no goalposts) or has no value takes no part;
2. each value is scored 0–100 against its goalposts (on ``log(1 + x)`` for a log scale,
   mirrored for direction −1, truncated);
3. a value earns its ``credit`` (a share, less than 1 when the evidence is discounted); a missing
   value scores the indicator's ``missing_score`` when it has one (0 for a core outcome), else is
   treated by the framework's policy: left out with the weights of its siblings renormalised
   (``renormalise``), counted as 0 (``zero``), or the parent withheld (``fail``);
4. indicators are aggregated within their group, groups (and ungrouped indicators) within their
   dimension, dimensions into the overall — each node by its own method;
5. a dimension's ``adverse`` indicators are not averaged: their points are taken off its
   aggregate, within 0–100.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import cached_property

from attrs import define, frozen

from lawgov_score.model.framework import Framework, Indicator, goalposts_of

SCALE = 100.0
NAN = math.nan
Method = Callable[[Sequence[float], Sequence[float]], float]


def scorable(indicator: Indicator) -> bool:
    """Whether the indicator takes part in aggregation (weight, direction and goalposts set).

    An ``adverse`` indicator always does: it deducts its points rather than being averaged.
    """
    if indicator.kind == "adverse":
        return True
    return indicator.weight > 0 and indicator.direction != 0 and goalposts_of(indicator) is not None


def applies(indicator: Indicator, level: str | None) -> bool:
    """Whether the indicator applies to a unit of ``level`` (every indicator applies when it is unknown)."""
    return not indicator.applies_to or level is None or level in indicator.applies_to


# The aggregation methods, on the children present (values not NaN, weights > 0), with the
# panel's conventions: a geometric or harmonic mean is 0 when a child is 0 and has no value
# when one is negative.


def arithmetic(values: Sequence[float], weights: Sequence[float]) -> float:
    """Weighted arithmetic mean :math:`\\sum w_c x_c / \\sum w_c`."""
    return sum(w * v for v, w in zip(values, weights)) / sum(weights)


def geometric(values: Sequence[float], weights: Sequence[float]) -> float:
    """Weighted geometric mean :math:`\\prod x_c^{w_c / \\sum w}`; 0 if a child is 0, NaN if one is negative."""
    if min(values) <= 0:
        return NAN if min(values) < 0 else 0.0
    return math.exp(sum(w * math.log(v) for v, w in zip(values, weights)) / sum(weights))


def harmonic(values: Sequence[float], weights: Sequence[float]) -> float:
    """Weighted harmonic mean :math:`\\sum w_c / \\sum (w_c / x_c)`; 0 if a child is 0, NaN if negative."""
    if min(values) <= 0:
        return NAN if min(values) < 0 else 0.0
    return sum(weights) / sum(w / v for v, w in zip(values, weights))  # 1/x of a tiny child is inf: 0


METHODS: dict[str, Method] = {"arithmetic": arithmetic, "geometric": geometric, "harmonic": harmonic}
"""The aggregation methods a framework can choose (:data:`lawgov_score.model.framework.AGGREGATIONS`)."""


def aggregate(method: str, values: Sequence[float], weights: Sequence[float], active: Sequence[bool],
              missing: str = "renormalise") -> tuple[float, list[float]]:
    """Aggregate one node's children by ``method``; children not ``active`` take no part.

    A child that is active, has a value (not NaN) and a positive weight is *present*; the others'
    weights are left out, so the present ones' are renormalised. Under ``missing="fail"`` an
    active child of positive weight without a value withholds the node.

    :returns: the aggregate (NaN when nothing could be aggregated), and each child's share of
        it (summing to 1 when there is an aggregate, 0 for a child that is not present).
    """
    present: list[int] = []
    kids: list[float] = []
    used: list[float] = []
    absent = False
    for c, (v, w, a) in enumerate(zip(values, weights, active)):
        if a and w > 0:
            if math.isnan(v):
                absent = True
            else:
                present.append(c)
                kids.append(v)
                used.append(w)
    shares = [0.0] * len(values)
    if not present or (absent and missing == "fail"):
        return NAN, shares
    total = sum(used)
    for c, w in zip(present, used):
        shares[c] = w / total
    result = METHODS[method](kids, used)
    if math.isfinite(result):  # rounding can push a mean a few ulps outside its children's range
        result = min(max(result, min(kids)), max(kids))
    return result, shares


@frozen
class Node:
    """An aggregate: its method, and its children (positions in the level below) with their weights."""

    method: str
    children: tuple[int, ...]
    weights: tuple[float, ...]


@define(frozen=True, eq=False, slots=False)  # slots off: the cached property needs a __dict__
class Plan:
    """A framework compiled for the engine: every indicator in framework order, and the tree above
    them as three levels — groups (of indicators), dimensions (of groups and ungrouped indicators:
    children ``0…I-1`` are the indicators, ``I…`` the groups) and the overall (of dimensions).

    ``posts[i]`` are indicator ``i``'s goalposts on the scale it is scored on (``log(1 + x)`` for
    a log scale) and oriented (negated and swapped for direction −1); ``group_of[i]`` is the
    group position of indicator ``i`` (-1: none); ``group_dimension[g]`` the dimension of group
    ``g``; ``adverse_of[d]`` the adverse indicators of dimension ``d``.
    """

    framework: Framework
    indicators: tuple[Indicator, ...]
    dimension_of: tuple[int, ...]
    scorable: tuple[bool, ...]
    adverse: tuple[bool, ...]
    posts: tuple[tuple[float, float], ...]
    direction: tuple[float, ...]
    log: tuple[bool, ...]
    missing_score: tuple[float | None, ...]
    groups: tuple[Node, ...]
    group_dimension: tuple[int, ...]
    group_of: tuple[int, ...]
    dimensions: tuple[Node, ...]
    overall: Node
    adverse_of: tuple[tuple[int, ...], ...]

    @classmethod
    def of(cls, framework: Framework) -> Plan:
        indicators = [ind for dimension in framework.dimensions for ind in dimension.indicators]
        dimension_of = [d for d, dimension in enumerate(framework.dimensions) for _ in dimension.indicators]
        n = len(indicators)
        groups: list[Node] = []
        group_dimension: list[int] = []
        group_of = [-1] * n
        dimensions: list[Node] = []
        first = 0
        for d, dimension in enumerate(framework.dimensions):
            kids: list[int] = []
            kid_weights: list[float] = []
            declared = {group.id for group in dimension.groups}
            for offset, indicator in enumerate(dimension.indicators):
                if indicator.kind != "adverse" and indicator.group not in declared:
                    kids.append(first + offset)
                    kid_weights.append(indicator.weight)
            for group in dimension.groups:
                members = [first + o for o, ind in enumerate(dimension.indicators)
                           if ind.group == group.id and ind.kind != "adverse"]
                if not members:
                    continue
                for i in members:
                    group_of[i] = len(groups)
                kids.append(n + len(groups))
                kid_weights.append(group.weight)
                group_dimension.append(d)
                groups.append(Node(group.aggregation, tuple(members), tuple(indicators[i].weight for i in members)))
            dimensions.append(Node(dimension.aggregation, tuple(kids), tuple(kid_weights)))
            first += len(dimension.indicators)
        overall = Node(framework.aggregation, tuple(range(len(framework.dimensions))),
                       tuple(dimension.weight for dimension in framework.dimensions))
        adverse = [i for i, ind in enumerate(indicators) if ind.kind == "adverse"]
        adverse_of = tuple(tuple(i for i in adverse if dimension_of[i] == d) for d in range(len(framework.dimensions)))
        return cls(
            framework=framework,
            indicators=tuple(indicators),
            dimension_of=tuple(dimension_of),
            scorable=tuple(scorable(ind) for ind in indicators),
            adverse=tuple(ind.kind == "adverse" for ind in indicators),
            posts=tuple(_oriented_goalposts(ind) for ind in indicators),
            direction=tuple(float(ind.direction or 1) for ind in indicators),
            log=tuple(ind.scale == "log" for ind in indicators),
            missing_score=tuple(ind.missing_score for ind in indicators),
            groups=tuple(groups),
            group_dimension=tuple(group_dimension),
            group_of=tuple(group_of),
            dimensions=tuple(dimensions),
            overall=overall,
            adverse_of=adverse_of,
        )

    def applicable(self, level: str | None) -> tuple[bool, ...]:
        """Whether each indicator applies to a unit of ``level``."""
        return tuple(applies(indicator, level) for indicator in self.indicators)

    @cached_property
    def positions(self) -> tuple[tuple[int, ...], ...]:
        """Each dimension's indicator positions."""
        out: list[list[int]] = [[] for _ in self.framework.dimensions]
        for i, d in enumerate(self.dimension_of):
            out[d].append(i)
        return tuple(tuple(p) for p in out)

    def groups_of(self, d: int) -> list[int]:
        """The group positions of dimension ``d``, in declared order."""
        return [g for g, dimension in enumerate(self.group_dimension) if dimension == d]


def _oriented_goalposts(indicator: Indicator) -> tuple[float, float]:
    low, high = goalposts_of(indicator) or (0.0, 1.0)
    if indicator.scale == "log":
        low, high = math.log1p(max(low, 0.0)), math.log1p(max(high, 0.0))
    return (-high, -low) if indicator.direction < 0 else (low, high)


@frozen(eq=False)
class Scores:
    """The engine's output for one unit.

    ``indicator_scores`` is NaN where an indicator took no part or had no value (and for adverse
    indicators holds the points deducted, ≤ 0); ``shares`` is each indicator's effective weight
    in its dimension; ``group_scores`` and ``group_shares`` are per group of the plan (a group's
    share is its weight's share in its dimension); ``dimension_shares`` each dimension's in the
    overall.
    """

    indicator_scores: tuple[float, ...]
    in_play: tuple[bool, ...]
    shares: tuple[float, ...]
    group_scores: tuple[float, ...]
    group_shares: tuple[float, ...]
    dimension_base: tuple[float, ...]
    deductions: tuple[float, ...]
    dimension_scores: tuple[float, ...]
    dimension_shares: tuple[float, ...]
    overall: float


def normalise(plan: Plan, i: int, raw: float) -> float:
    """Score indicator ``i``'s raw value 0–100 against its goalposts."""
    value = math.log1p(max(raw, 0.0)) if plan.log[i] else raw
    low, high = plan.posts[i]
    if not high > low:  # log-scale goalposts both ≤ 0 collapse onto log(1 + 0): nothing to score against
        return NAN
    unit = (value * plan.direction[i] - low) / (high - low)
    return SCALE * min(max(unit, 0.0), 1.0)


def deduct(base: float, points: float) -> float:
    """An aggregate less the points of its dimension's adverse indicators, within 0–100 (NaN stays NaN)."""
    return base if math.isnan(base) else min(max(base - points, 0.0), SCALE)


def evaluate(plan: Plan, raw: Sequence[float], applicable: Sequence[bool], missing: str = "renormalise",
             credit: Sequence[float] | None = None) -> Scores:
    """Score one unit: ``raw``, ``applicable`` and ``credit`` have one item per indicator of the plan
    (NaN in ``raw`` for no value; ``credit`` the share of its score each value earns, default 1).

    Adverse indicators carry in ``raw`` the points they deduct (≥ 0).
    """
    n = len(plan.indicators)
    scores = [NAN] * n  # what each indicator brings to its parent
    in_play = [False] * n
    points = [0.0] * n
    for i in range(n):
        value = raw[i]
        if plan.adverse[i]:
            points[i] = max(value, 0.0) if applicable[i] and not math.isnan(value) else 0.0
        elif applicable[i] and plan.scorable[i]:
            in_play[i] = True
            if not math.isnan(value):
                scores[i] = normalise(plan, i, value) * (1.0 if credit is None else credit[i])
            elif plan.missing_score[i] is not None:  # a value the report does not state
                scores[i] = float(plan.missing_score[i])  # type: ignore[arg-type]
            elif missing == "zero":
                scores[i] = 0.0
    group_scores, in_group = _level(plan.groups, scores, in_play, missing)
    below = scores + group_scores
    below_active = in_play + [any(in_play[c] for c in group.children) for group in plan.groups]
    base, in_dimension = _level(plan.dimensions, below, below_active, missing)
    deductions = [sum((points[i] for i in adverse), 0.0) for adverse in plan.adverse_of]
    dimension_scores = [deduct(b, p) for b, p in zip(base, deductions)]
    overall, dimension_shares = aggregate(plan.overall.method, dimension_scores, plan.overall.weights,
                                          [True] * len(dimension_scores), missing)
    group_shares = in_dimension[n:]
    shares = [in_group[i] * group_shares[g] if g >= 0 else in_dimension[i] for i, g in enumerate(plan.group_of)]
    return Scores(
        indicator_scores=tuple(-p if adverse else s for s, p, adverse in zip(scores, points, plan.adverse)),
        in_play=tuple(in_play),
        shares=tuple(shares),
        group_scores=tuple(group_scores),
        group_shares=tuple(group_shares),
        dimension_base=tuple(base),
        deductions=tuple(deductions),
        dimension_scores=tuple(dimension_scores),
        dimension_shares=tuple(dimension_shares),
        overall=overall,
    )


def _level(nodes: Sequence[Node], values: Sequence[float], active: Sequence[bool],
           missing: str) -> tuple[list[float], list[float]]:
    """Aggregate every node of a level: their values, and each child's share in its node (the
    children are positions in ``values``; one that is no node's child has share 0)."""
    out: list[float] = []
    shares = [0.0] * len(values)
    for node in nodes:
        value, local = aggregate(node.method, [values[c] for c in node.children], node.weights,
                                 [active[c] for c in node.children], missing)
        out.append(value)
        for c, share in zip(node.children, local):
            shares[c] = share
    return out, shares
