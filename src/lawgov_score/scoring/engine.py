"""The scoring engine: a framework's indicators → groups → dimensions → overall, for many units at once.

A report is a panel of one: the same code scores one report and a table of ten thousand units,
with the panel engine's normaliser (:func:`lawgov_score.panel.normalise.goalposts`) and
aggregators (:data:`lawgov_score.panel.aggregate.BUILTIN_AGGREGATORS`), so a framework's choice of
aggregation for a node applies to both. Everything here is arrays; :mod:`~lawgov_score.scoring.assemble`
puts the evidence and statuses back beside the numbers.

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

from collections.abc import Sequence
from functools import cached_property

import numpy as np
from attrs import define, frozen

from lawgov_score.assess.applicability import applies
from lawgov_score.model.framework import Framework, Indicator, goalposts_of
from lawgov_score.panel.aggregate import BUILTIN_AGGREGATORS, deduct
from lawgov_score.panel.normalise import goalposts as goalposts_normaliser
from lawgov_score.panel.types import FloatArray, IntArray

SCALE = 100.0
BoolArray = np.ndarray


def scorable(indicator: Indicator) -> bool:
    """Whether the indicator takes part in aggregation (weight, direction and goalposts set).

    An ``adverse`` indicator always does: it deducts its points rather than being averaged.
    """
    if indicator.kind == "adverse":
        return True
    return indicator.weight > 0 and indicator.direction != 0 and goalposts_of(indicator) is not None


@frozen(eq=False)
class Level:
    """The nodes of one level of the tree, aggregated together: each node's children are columns
    of the level below (``children``, padded with -1), with their weights (0 for padding)."""

    children: IntArray
    weights: FloatArray
    methods: tuple[str, ...]

    @classmethod
    def of(cls, nodes: Sequence[tuple[str, Sequence[int], Sequence[float]]]) -> Level:
        width = max((len(kids) for _, kids, _ in nodes), default=0)
        children = np.full((len(nodes), width), -1, dtype=np.intp)
        weights = np.zeros((len(nodes), width))
        for n, (_, kids, ws) in enumerate(nodes):
            children[n, : len(kids)] = kids
            weights[n, : len(ws)] = ws
        return cls(children, weights, tuple(method for method, _, _ in nodes))


@define(frozen=True, eq=False, slots=False)  # slots off: the cached property needs a __dict__
class Plan:
    """A framework compiled for the engine: every indicator in framework order, and the tree above
    them as three levels — groups (of indicators), dimensions (of groups and ungrouped indicators:
    columns ``0…I-1`` are the indicators, ``I…`` the groups) and the overall (of dimensions).

    ``group_of[i]`` is the group position of indicator ``i`` (-1: none); ``group_dimension[g]`` the
    dimension of group ``g``; ``adverse_matrix`` (indicators × dimensions) sums each dimension's
    adverse points.
    """

    framework: Framework
    indicators: tuple[Indicator, ...]
    dimension_of: tuple[int, ...]
    scorable: BoolArray
    adverse: BoolArray
    low: FloatArray
    high: FloatArray
    direction: FloatArray
    log: BoolArray
    missing_score: FloatArray
    groups: Level
    group_dimension: IntArray
    group_of: IntArray
    dimensions: Level
    overall: Level
    adverse_matrix: FloatArray

    @classmethod
    def of(cls, framework: Framework) -> Plan:
        indicators = [ind for dimension in framework.dimensions for ind in dimension.indicators]
        dimension_of = [d for d, dimension in enumerate(framework.dimensions) for _ in dimension.indicators]
        n = len(indicators)
        group_nodes: list[tuple[str, Sequence[int], Sequence[float]]] = []
        group_dimension: list[int] = []
        group_of = np.full(n, -1, dtype=np.intp)
        dimension_nodes: list[tuple[str, Sequence[int], Sequence[float]]] = []
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
                group_of[members] = len(group_nodes)
                kids.append(n + len(group_nodes))
                kid_weights.append(group.weight)
                group_dimension.append(d)
                group_nodes.append((group.aggregation, members, [indicators[i].weight for i in members]))
            dimension_nodes.append((dimension.aggregation, kids, kid_weights))
            first += len(dimension.indicators)
        adverse = np.array([ind.kind == "adverse" for ind in indicators], dtype=bool)
        adverse_matrix = np.zeros((n, len(framework.dimensions)))
        adverse_matrix[np.flatnonzero(adverse), np.array(dimension_of, dtype=np.intp)[adverse]] = 1.0
        overall = Level.of([(framework.aggregation, list(range(len(framework.dimensions))),
                             [dimension.weight for dimension in framework.dimensions])])
        posts = [goalposts_of(ind) or (0.0, 1.0) for ind in indicators]
        return cls(
            framework=framework,
            indicators=tuple(indicators),
            dimension_of=tuple(dimension_of),
            scorable=np.array([scorable(ind) for ind in indicators], dtype=bool),
            adverse=adverse,
            low=np.array([p[0] for p in posts]),
            high=np.array([p[1] for p in posts]),
            direction=np.array([float(ind.direction or 1) for ind in indicators]),
            log=np.array([ind.scale == "log" for ind in indicators], dtype=bool),
            missing_score=np.array([np.nan if ind.missing_score is None else ind.missing_score for ind in indicators]),
            groups=Level.of(group_nodes),
            group_dimension=np.array(group_dimension, dtype=np.intp),
            group_of=group_of,
            dimensions=Level.of(dimension_nodes),
            overall=overall,
            adverse_matrix=adverse_matrix,
        )

    def applicable(self, levels: Sequence[str | None]) -> BoolArray:
        """units × indicators: whether each indicator applies to each unit's level."""
        out = np.ones((len(levels), len(self.indicators)), dtype=bool)
        for i, indicator in enumerate(self.indicators):
            if indicator.applies_to:
                out[:, i] = [applies(indicator, level) for level in levels]
        return out

    @cached_property
    def positions(self) -> tuple[tuple[int, ...], ...]:
        """Each dimension's indicator positions."""
        out: list[list[int]] = [[] for _ in self.framework.dimensions]
        for i, d in enumerate(self.dimension_of):
            out[d].append(i)
        return tuple(tuple(p) for p in out)

    def groups_of(self, d: int) -> IntArray:
        """The group positions of dimension ``d``, in declared order."""
        return np.flatnonzero(self.group_dimension == d)


@frozen(eq=False)
class Scores:
    """The engine's output for U units: every array has the units as its first axis.

    ``indicator_scores`` is NaN where an indicator took no part or had no value (and for adverse
    indicators holds the points deducted, ≤ 0); ``shares`` is each indicator's effective weight
    in its dimension; ``group_scores`` and ``group_shares`` are units × all groups (a group's
    share is its weight's share in its dimension).
    """

    indicator_scores: FloatArray
    in_play: BoolArray
    shares: FloatArray
    group_scores: FloatArray
    group_shares: FloatArray
    dimension_base: FloatArray
    deductions: FloatArray
    dimension_scores: FloatArray
    dimension_shares: FloatArray
    overall: FloatArray


def normalise(plan: Plan, raw: FloatArray) -> FloatArray:
    """Score raw values (units × indicators, NaN for none) 0–100 against the goalposts."""
    log = plan.log
    values = np.where(log, np.log1p(np.maximum(raw, 0.0)), raw)
    low = np.where(log, np.log1p(np.maximum(plan.low, 0.0)), plan.low)
    high = np.where(log, np.log1p(np.maximum(plan.high, 0.0)), plan.high)
    down = plan.direction < 0
    oriented = values * plan.direction
    posts = np.column_stack([np.where(down, -high, low), np.where(down, -low, high)])
    return goalposts_normaliser(oriented, posts)


def evaluate(
    plan: Plan, raw: FloatArray, applicable: BoolArray, missing: str = "renormalise", credit: FloatArray | None = None
) -> Scores:
    """Score U units: ``raw``, ``applicable`` and ``credit`` are units × indicators (NaN in ``raw``
    for no value; ``credit`` the share of its score each value earns, default 1).

    Adverse indicators carry in ``raw`` the points they deduct (≥ 0).
    """
    in_play = applicable & plan.scorable[None, :] & ~plan.adverse[None, :]
    scores = np.where(in_play & ~np.isnan(raw), normalise(plan, np.nan_to_num(raw, nan=0.0)), np.nan)
    if credit is not None:
        scores = scores * credit
    # A value the report does not state scores the indicator's missing_score where it has one.
    scores = np.where(in_play & np.isnan(raw) & ~np.isnan(plan.missing_score)[None, :], plan.missing_score, scores)
    if missing == "zero":
        scores = np.where(in_play & np.isnan(scores), 0.0, scores)
    adverse_points = np.where(plan.adverse[None, :] & applicable & ~np.isnan(raw), np.maximum(raw, 0.0), 0.0)
    indicator_scores = np.where(plan.adverse[None, :], -adverse_points, scores)
    group_scores, group_local = aggregate_level(plan.groups, scores, in_play, missing)
    group_active = aggregate_active(plan.groups, in_play)
    below = np.concatenate([scores, group_scores], axis=1)
    below_active = np.concatenate([in_play, group_active], axis=1)
    base, dimension_local = aggregate_level(plan.dimensions, below, below_active, missing)
    dimension_scores = deduct(base, adverse_points @ plan.adverse_matrix)
    overall, overall_local = aggregate_level(plan.overall, dimension_scores,
                                             np.ones(dimension_scores.shape, dtype=bool), missing)
    # Each column's share in its parent, then each indicator's share in its dimension.
    in_dimension = _column_shares(plan.dimensions, dimension_local, below.shape[1])
    in_group = _column_shares(plan.groups, group_local, scores.shape[1])
    group_in_dimension = in_dimension[:, scores.shape[1]:]
    shares = in_dimension[:, : scores.shape[1]]
    if group_in_dimension.shape[1]:
        grouped = plan.group_of >= 0
        shares = np.where(grouped[None, :], in_group * group_in_dimension[:, np.maximum(plan.group_of, 0)], shares)
    return Scores(indicator_scores, in_play, shares, group_scores, group_in_dimension, base,
                  adverse_points @ plan.adverse_matrix, dimension_scores, overall_local[:, 0, :], overall[:, 0])


def _column_shares(level: Level, local: FloatArray, columns: int) -> FloatArray:
    """units × columns of the level below: each column's share in its node (0 for none)."""
    out = np.zeros((local.shape[0], columns))
    rows, slots = np.nonzero(level.children >= 0)
    out[:, level.children[rows, slots]] = local[:, rows, slots]
    return out


def aggregate_active(level: Level, active: BoolArray) -> BoolArray:
    """units × nodes: a node takes part when any of its children does."""
    if level.children.size == 0:
        return np.zeros((active.shape[0], len(level.methods)), dtype=bool)
    padded = np.concatenate([active, np.zeros((active.shape[0], 1), dtype=bool)], axis=1)
    return np.asarray(padded[:, level.children].any(axis=2))


def aggregate_level(level: Level, values: FloatArray, active: BoolArray,
                    missing: str) -> tuple[FloatArray, FloatArray]:
    """Aggregate every node of a level: the nodes of one method in one call of the panel's aggregator.

    :returns: units × nodes aggregates, and units × nodes × slots shares of each child in its node.
    """
    units, nodes = values.shape[0], len(level.methods)
    out = np.full((units, nodes), np.nan)
    local = np.zeros((units, *level.children.shape))
    for method in dict.fromkeys(level.methods):
        positions = np.array([n for n, m in enumerate(level.methods) if m == method], dtype=np.intp)
        kids = level.children[positions]
        if kids.size == 0:
            continue
        out[:, positions], local[:, positions] = aggregate_nodes(
            method, values, active, kids, level.weights[positions], missing)
    return out, local


def aggregate_nodes(method: str, values: FloatArray, active: BoolArray, kids: IntArray, weights: FloatArray,
                    missing: str) -> tuple[FloatArray, FloatArray]:
    """Aggregate nodes of one method: ``kids`` and ``weights`` are nodes × slots (-1 pads ``kids``).

    The panel's aggregators take children × units × replicates with weights children ×
    replicates: here the nodes play the replicates, each with its own children's weights.
    Children that do not apply (``active`` false) or have no value take no part.

    :returns: units × nodes aggregates (NaN when nothing could be aggregated, or a missing child
        under ``fail``) and units × nodes × slots shares of each child (summing to 1 per node).
    """
    exists = kids >= 0
    gathered = values[:, np.maximum(kids, 0)]  # units × nodes × slots
    live = active[:, np.maximum(kids, 0)] & exists[None]
    w = np.where(live, weights[None], 0.0)
    present = live & ~np.isnan(gathered) & (w > 0)
    used = np.where(present, w, 0.0)
    total = used.sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        local = np.where(total[..., None] > 0, used / np.where(total > 0, total, 1.0)[..., None], 0.0)
    stacked = np.where(present, gathered, np.nan).transpose(2, 0, 1)  # slots × units × nodes
    with np.errstate(all="ignore"):  # 1/x of a tiny child overflows harmlessly in the harmonic mean
        result = BUILTIN_AGGREGATORS[method](stacked, np.where(exists, weights, 0.0).T)
    # The aggregators renormalise over the children present; a child that does not apply must not
    # count as present, which the NaN above ensures.
    result = np.where(total > 0, result, np.nan)
    if missing == "fail":
        absent: BoolArray = np.asarray((live & np.isnan(gathered) & (w > 0)).any(axis=2))
        result = np.where(absent, np.nan, result)
        local = np.where(absent[..., None], 0.0, local)
    # Rounding can push a mean a few ulps outside its children's range; the mean cannot be.
    lo = np.where(present, gathered, np.inf).min(axis=2)
    hi = np.where(present, gathered, -np.inf).max(axis=2)
    result = np.where(np.isfinite(result), np.clip(result, np.minimum(lo, hi), np.maximum(lo, hi)), result)
    return np.asarray(result, dtype=np.float64), np.asarray(local, dtype=np.float64)


def aggregate_node(method: str, values: FloatArray, weights: FloatArray, active: BoolArray,
                   missing: str) -> tuple[FloatArray, FloatArray]:
    """Aggregate units × children into one node by ``method``; children not ``active`` take no part.

    :returns: the aggregate per unit and each child's effective share (units × children).
    """
    if values.shape[1] == 0:
        return np.full(values.shape[0], np.nan), np.zeros((values.shape[0], 0))
    kids = np.arange(values.shape[1], dtype=np.intp)[None, :]
    result, local = aggregate_nodes(method, values, active, kids, np.asarray(weights, dtype=np.float64)[None, :],
                                    missing)
    return result[:, 0], local[:, 0, :]
