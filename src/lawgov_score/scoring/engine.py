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

import math
from collections.abc import Sequence

import numpy as np
from attrs import frozen

from lawgov_score.model.framework import Dimension, Framework, Indicator, goalposts_of
from lawgov_score.panel.aggregate import BUILTIN_AGGREGATORS, deduct
from lawgov_score.panel.normalise import goalposts as goalposts_normaliser
from lawgov_score.panel.types import FloatArray

SCALE = 100.0
BoolArray = np.ndarray


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


@frozen(eq=False)
class Node:
    """One aggregate: a group, a dimension or the overall, with the positions of its children."""

    aggregation: str
    children: tuple[int, ...]
    weights: FloatArray


@frozen(eq=False)
class Plan:
    """A framework compiled for the engine: every indicator in framework order, and the tree above them.

    ``indicators[i]`` belongs to ``dimension_of[i]``; ``groups[d]`` lists dimension ``d``'s group
    nodes (children are indicator positions); ``dimension_children[d]`` lists what dimension ``d``
    aggregates: groups as ``("group", g)``, ungrouped indicators as ``("indicator", i)``.
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
    groups: tuple[tuple[tuple[str, Node], ...], ...]
    dimension_children: tuple[tuple[tuple[str, int], ...], ...]
    dimension_weights: tuple[FloatArray, ...]

    @classmethod
    def of(cls, framework: Framework) -> Plan:
        indicators: list[Indicator] = []
        dimension_of: list[int] = []
        groups: list[tuple[tuple[str, Node], ...]] = []
        children: list[tuple[tuple[str, int], ...]] = []
        child_weights: list[FloatArray] = []
        for d, dimension in enumerate(framework.dimensions):
            first = len(indicators)
            indicators.extend(dimension.indicators)
            dimension_of.extend([d] * len(dimension.indicators))
            own, nodes = _dimension_tree(dimension, first)
            groups.append(nodes)
            children.append(tuple((kind, ref) for kind, ref, _ in own))
            child_weights.append(np.array([weight for _, _, weight in own]))
        posts = [goalposts_of(ind) or (0.0, 1.0) for ind in indicators]
        return cls(
            framework=framework,
            indicators=tuple(indicators),
            dimension_of=tuple(dimension_of),
            scorable=np.array([scorable(ind) for ind in indicators], dtype=bool),
            adverse=np.array([ind.kind == "adverse" for ind in indicators], dtype=bool),
            low=np.array([p[0] for p in posts]),
            high=np.array([p[1] for p in posts]),
            direction=np.array([float(ind.direction or 1) for ind in indicators]),
            log=np.array([ind.scale == "log" for ind in indicators], dtype=bool),
            missing_score=np.array([np.nan if ind.missing_score is None else ind.missing_score for ind in indicators]),
            groups=tuple(groups),
            dimension_children=tuple(children),
            dimension_weights=tuple(child_weights),
        )

    def applicable(self, levels: Sequence[str | None]) -> BoolArray:
        """units × indicators: whether each indicator applies to each unit's level."""
        out = np.ones((len(levels), len(self.indicators)), dtype=bool)
        for i, indicator in enumerate(self.indicators):
            if indicator.applies_to:
                out[:, i] = [applies(indicator, level) for level in levels]
        return out


def _dimension_tree(
    dimension: Dimension, first: int
) -> tuple[list[tuple[str, int, float]], tuple[tuple[str, Node], ...]]:
    """What a dimension aggregates, ``(kind, position, weight)``: its groups that have members (in
    declared order) and its ungrouped indicators; adverse indicators deduct and are in neither."""
    members: dict[str, list[int]] = {group.id: [] for group in dimension.groups}
    own: list[tuple[str, int, float]] = []
    for offset, indicator in enumerate(dimension.indicators):
        if indicator.kind == "adverse":
            continue
        if indicator.group in members:
            members[indicator.group].append(first + offset)
        else:
            own.append(("indicator", first + offset, indicator.weight))
    nodes: list[tuple[str, Node]] = []
    for group in dimension.groups:
        positions = tuple(members[group.id])
        if positions:
            weights = np.array([dimension.indicators[p - first].weight for p in positions])
            own.append(("group", len(nodes), group.weight))
            nodes.append((group.id, Node(group.aggregation, positions, weights)))
    return own, tuple(nodes)


@frozen(eq=False)
class Scores:
    """The engine's output for U units: every array has the units as its first axis.

    ``indicator_scores`` is NaN where an indicator took no part or had no value (and for adverse
    indicators holds the points deducted, ≤ 0); ``shares`` is each indicator's effective weight
    in its dimension; ``group_scores[d]`` is (units × groups of dimension d).
    """

    indicator_scores: FloatArray
    in_play: BoolArray
    shares: FloatArray
    group_scores: tuple[FloatArray, ...]
    group_shares: tuple[FloatArray, ...]
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
    units = raw.shape[0]
    in_play = applicable & plan.scorable[None, :] & ~plan.adverse[None, :]
    scores = np.where(in_play & ~np.isnan(raw), normalise(plan, np.nan_to_num(raw, nan=0.0)), np.nan)
    if credit is not None:
        scores = scores * credit
    # A value the report does not state scores the indicator's missing_score where it has one.
    scores = np.where(in_play & np.isnan(raw) & ~np.isnan(plan.missing_score)[None, :], plan.missing_score, scores)
    if missing == "zero":
        scores = np.where(in_play & np.isnan(scores), 0.0, scores)
    shares = np.zeros(raw.shape)
    n_dims = len(plan.framework.dimensions)
    base = np.full((units, n_dims), np.nan)
    deductions = np.zeros((units, n_dims))
    group_scores: list[FloatArray] = []
    group_shares: list[FloatArray] = []
    adverse_points = np.where(plan.adverse[None, :] & applicable & ~np.isnan(raw), np.maximum(raw, 0.0), 0.0)
    indicator_scores = np.where(plan.adverse[None, :], -adverse_points, scores)
    for d in range(n_dims):
        nodes = plan.groups[d]
        g_scores = np.full((units, len(nodes)), np.nan)
        g_member_shares: list[FloatArray] = []
        for g, (_, node) in enumerate(nodes):
            children = scores[:, node.children]
            active = in_play[:, node.children]
            g_scores[:, g], local = aggregate_node(node.aggregation, children, node.weights, active, missing)
            g_member_shares.append(local)
        kinds = plan.dimension_children[d]
        children = np.column_stack(
            [g_scores[:, ref] if kind == "group" else scores[:, ref] for kind, ref in kinds]
        ) if kinds else np.full((units, 0), np.nan)
        active = np.column_stack(
            [~np.all(~in_play[:, nodes[ref][1].children], axis=1) if kind == "group" else in_play[:, ref]
             for kind, ref in kinds]
        ) if kinds else np.zeros((units, 0), dtype=bool)
        dim_value, dim_local = aggregate_node(plan.framework.dimensions[d].aggregation, children,
                                          plan.dimension_weights[d], active, missing)
        base[:, d] = dim_value
        for c, (kind, ref) in enumerate(kinds):
            if kind == "group":
                node = nodes[ref][1]
                shares[:, list(node.children)] = g_member_shares[ref] * dim_local[:, c:c + 1]
            else:
                shares[:, ref] = dim_local[:, c]
        g_share = np.column_stack([dim_local[:, c] for c, (kind, _) in enumerate(kinds) if kind == "group"]) \
            if any(kind == "group" for kind, _ in kinds) else np.zeros((units, 0))
        group_scores.append(g_scores)
        group_shares.append(g_share)
        members = [i for i, dim in enumerate(plan.dimension_of) if dim == d and plan.adverse[i]]
        if members:
            deductions[:, d] = adverse_points[:, members].sum(axis=1)
    dimension_scores = deduct(base, deductions)
    dim_weights = np.array([dimension.weight for dimension in plan.framework.dimensions])
    overall, dim_shares = aggregate_node(plan.framework.aggregation, dimension_scores, dim_weights,
                                     np.ones((units, n_dims), dtype=bool), missing)
    return Scores(indicator_scores, in_play, shares, tuple(group_scores), tuple(group_shares), base,
                  deductions, dimension_scores, dim_shares, overall)


def aggregate_node(method: str, values: FloatArray, weights: FloatArray, active: BoolArray,
               missing: str) -> tuple[FloatArray, FloatArray]:
    """Aggregate units × children by ``method``; children not ``active`` take no part.

    :returns: the aggregate per unit (NaN when nothing could be aggregated, or a missing child
        under ``fail``) and each child's effective share (units × children, summing to 1).
    """
    units, n = values.shape
    if n == 0:
        return np.full(units, np.nan), np.zeros((units, 0))
    w = np.where(active, weights[None, :], 0.0)
    present = active & ~np.isnan(values) & (w > 0)
    used = np.where(present, w, 0.0)
    total = used.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        local = np.where(total > 0, used / np.where(total > 0, total, 1.0), 0.0)
    stacked = np.where(present, values, np.nan).T[:, :, None]
    with np.errstate(all="ignore"):  # 1/x of a tiny child overflows harmlessly in the harmonic mean
        result = BUILTIN_AGGREGATORS[method](stacked, weights[:, None])[:, 0] if math.prod(stacked.shape) else \
            np.full(units, np.nan)
    # The aggregators renormalise over the children present; a child that does not apply must not
    # count as present, which the NaN above ensures.
    result = np.where(total[:, 0] > 0, result, np.nan)
    if missing == "fail":
        absent = active & np.isnan(values) & (w > 0)
        result = np.where(absent.any(axis=1), np.nan, result)
        local = np.where(absent.any(axis=1, keepdims=True), 0.0, local)
    # Rounding can push a mean a few ulps outside its children's range; the mean cannot be.
    with np.errstate(invalid="ignore"):
        lo = np.nanmin(np.where(present, values, np.inf), axis=1)
        hi = np.nanmax(np.where(present, values, -np.inf), axis=1)
    result = np.where(np.isfinite(result), np.clip(result, np.minimum(lo, hi), np.maximum(lo, hi)), result)
    return np.asarray(result, dtype=np.float64), np.asarray(local, dtype=np.float64)
