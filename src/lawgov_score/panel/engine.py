"""The aggregation engine: a compiled tree evaluated for many weight replicates at once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from attrs import field, frozen

from lawgov_score.panel.aggregate import Aggregator, deduct, weighted_sum
from lawgov_score.panel.hierarchy import Hierarchy
from lawgov_score.panel.linear import LinearTree
from lawgov_score.panel.types import FloatArray, IntArray


@frozen(eq=False)
class NodeRule:
    """How one aggregate is computed: its children (positions in :attr:`Tree.codes`), method, threshold."""

    code: str
    children: IntArray
    aggregator: Aggregator
    params: Mapping[str, Any] = field(factory=dict)
    threshold: float = 0.0
    deductions: IntArray = field(factory=lambda: np.zeros(0, dtype=np.intp))
    """Children whose values are taken off the aggregate of the others (within 0–100)."""


@frozen(eq=False)
class Tree:
    """The hierarchy compiled for one panel: indicators first (in panel column order), then
    aggregates bottom-up, so that a single pass evaluates every node.

    :param codes: all node codes; the first ``n_indicators`` are the panel's columns.
    :param n_indicators: number of indicator columns.
    :param rules: one rule per aggregate, bottom-up; the last is the root.
    :param weights: the nominal weight of every node (root weight unused).
    :param parents: position of each node's parent, -1 for the root.
    """

    codes: tuple[str, ...]
    n_indicators: int
    rules: tuple[NodeRule, ...]
    weights: FloatArray
    parents: IntArray

    @property
    def root(self) -> str:
        """Code of the index."""
        return self.rules[-1].code

    def position(self, code: str) -> int:
        """Position of ``code`` in :attr:`codes`."""
        return self.codes.index(code)

    def effective_weights(self, weights: FloatArray | None = None) -> FloatArray:
        """Each node's share of the index: the product of its sibling-normalised weights up the path.

        :param weights: node weights (default: the nominal ones).
        :returns: one effective weight per node (1 for the root).
        """
        w = self.weights if weights is None else weights
        local = np.ones(len(self.codes))
        for rule in self.rules:
            total = w[rule.children].sum()
            local[rule.children] = w[rule.children] / total if total > 0 else 0.0
        out = np.ones(len(self.codes))
        for i in range(len(self.codes)):
            j = i
            while self.parents[j] >= 0:
                out[i] *= local[j]
                j = int(self.parents[j])
        return out


def compile_tree(
    hierarchy: Hierarchy,
    indicators: Sequence[str],
    aggregators: Mapping[str, Aggregator],
    default: tuple[str, Mapping[str, Any], float] = ("arithmetic", {}, 0.0),
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    weights: Mapping[str, float] | None = None,
) -> Tree:
    """Compile the hierarchy against the panel's indicator columns.

    The method of an aggregate is, by precedence: ``overrides[code]["method"]``, the node's own
    ``aggregation``, the default.

    :param hierarchy: the tree.
    :param indicators: the panel's indicator columns (all hierarchy indicators must be there).
    :param aggregators: available aggregators by name.
    :param default: ``(method, params, threshold)`` of every aggregate.
    :param overrides: per-node ``{"method", "params", "threshold"}``.
    :param weights: node weights replacing the hierarchy's.
    :returns: the compiled tree.
    :raises KeyError: an indicator has no column, or a method is unknown.
    """
    overrides = overrides or {}
    leaves = set(hierarchy.indicators)
    leaf_codes = [code for code in indicators if code in leaves]
    missing = set(hierarchy.indicators) - set(leaf_codes)
    if missing:
        raise KeyError(f"indicators of the hierarchy have no column: {sorted(missing)}")
    codes = (*leaf_codes, *hierarchy.aggregates)
    where = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in hierarchy.aggregates:
        node, own = hierarchy.node(code), overrides.get(code, {})
        method = own.get("method") or node.aggregation or default[0]
        params = own.get("params", default[1] if method == default[0] else {})
        kids = hierarchy.children(code)
        children = np.array([where[c] for c in kids if not hierarchy.node(c).deduct], dtype=np.intp)
        deductions = np.array([where[c] for c in kids if hierarchy.node(c).deduct], dtype=np.intp)
        rules.append(NodeRule(code, children, aggregators[method], dict(params),
                              float(own.get("threshold", default[2])), deductions))
    chosen = weights or {}
    node_weights = np.array([float(chosen.get(c, hierarchy.node(c).weight)) for c in codes])
    parents = np.array([where[p] if (p := hierarchy.node(c).parent) is not None else -1 for c in codes],
                       dtype=np.intp)
    return Tree(codes, len(leaf_codes), tuple(rules), node_weights, parents)


def evaluate(
    tree: Tree, data: FloatArray, weights: FloatArray, keep: str = "all", *, fast: bool = True
) -> dict[str, FloatArray]:
    """Scores of every node for every weight replicate.

    The whole tree is one matrix product when it allows (:class:`~lawgov_score.panel.linear.LinearTree`);
    otherwise each aggregate is computed from its children, bottom-up.

    :param tree: the compiled tree.
    :param data: units × indicators (normalised; NaN for missing), columns as ``tree.codes``.
    :param weights: node weights × replicates (rows as ``tree.codes``).
    :param keep: ``"all"`` to return every node, ``"root"`` for the index only (saves memory).
    :param fast: take the one-product path when it applies (``False``: always node by node).
    :returns: node code → (units, R) scores (indicators as (units, 1)).
    """
    linear = LinearTree.of(tree, data) if fast else None
    scores = linear.evaluate(weights, keep) if linear is not None else None
    if scores is not None:
        return scores
    n_rep = weights.shape[1]
    scores = {code: data[:, j, None] for j, code in enumerate(tree.codes[: tree.n_indicators])}
    w = weights.astype(data.dtype, copy=False)
    for rule in tree.rules:
        kids = [scores[tree.codes[c]] for c in rule.children]
        width = max(k.shape[1] for k in kids)
        stack = np.stack([np.broadcast_to(k, (k.shape[0], width)) for k in kids]) if width > 1 else np.stack(kids)
        child_w = w[rule.children]
        out = rule.aggregator(stack, child_w, **rule.params)
        if rule.threshold > 0:
            positive = (child_w > 0).astype(data.dtype)
            share = weighted_sum((~np.isnan(stack)).astype(data.dtype), positive) / np.maximum(positive.sum(0), 1)
            out = np.where(share >= rule.threshold - 1e-9, out, np.nan)
        if len(rule.deductions):
            out = deduct(out, sum(np.nan_to_num(scores[tree.codes[c]]) for c in rule.deductions))
        scores[rule.code] = np.broadcast_to(out, (out.shape[0], n_rep)) if out.shape[1] != n_rep else out
        if keep == "root":
            for c in rule.children:
                if tree.codes[c] in scores and c >= tree.n_indicators:
                    del scores[tree.codes[c]]
    if keep == "root":
        return {tree.root: scores[tree.root]}
    return scores
