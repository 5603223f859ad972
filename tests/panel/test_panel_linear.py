"""The one-product fast path of the aggregation engine gives the node-by-node scores."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from panel_strategies import nested_hierarchies

from lawgov_score.panel import Hierarchy, Panel, PipelineSpec, Step, run_pipeline
from lawgov_score.panel.engine import compile_tree, evaluate
from lawgov_score.panel.linear import LinearTree, path_weights
from lawgov_score.panel.ranking import rank_scores
from lawgov_score.panel.registry import resolve_methods

METHODS = [("arithmetic", {}), ("geometric", {}), ("harmonic", {}), ("power", {"p": 2.0}), ("power", {"p": 0.5}),
           ("power", {"p": 1.0})]


@st.composite
def cases(draw: st.DrawFn) -> tuple[Hierarchy, np.ndarray, np.ndarray, tuple[str, dict[str, float]]]:
    """A tree, its data (units × indicators, sometimes with a NaN or a 0) and R sets of node weights."""
    hierarchy = draw(nested_hierarchies())
    units, n_nodes = draw(st.integers(2, 8)), len(hierarchy.codes)
    data = draw(hnp.arrays(np.float64, (units, len(hierarchy.indicators)), elements=st.floats(0.5, 100)))
    if draw(st.integers(0, 4)) == 0:
        data.flat[draw(st.integers(0, data.size - 1))] = draw(st.sampled_from([np.nan, 0.0]))
    replicates = draw(st.integers(1, 4))
    weights = draw(hnp.arrays(np.float64, (n_nodes, replicates), elements=st.sampled_from([0.0, 0.5, 1.0, 3.0])))
    return hierarchy, data, weights, draw(st.sampled_from(METHODS))


@settings(max_examples=150, deadline=None)
@given(cases(), st.sampled_from(["all", "root"]))
def test_one_product_equals_node_by_node(case: tuple[Hierarchy, np.ndarray, np.ndarray, tuple[str, dict[str, float]]],
                                        keep: str) -> None:
    """Whenever the fast path applies, every kept node's scores equal the node-by-node ones up to
    rounding, and their ranks are the same; when it does not apply, the general path runs."""
    hierarchy, data, weights, (method, params) = case
    tree = compile_tree(hierarchy, hierarchy.indicators, resolve_methods().aggregators, (method, params, 0.0))
    general = evaluate(tree, data, weights, keep, fast=False)
    fast = evaluate(tree, data, weights, keep)
    assert fast.keys() == general.keys()
    for code, scores in general.items():
        np.testing.assert_allclose(fast[code], scores, rtol=1e-9, atol=1e-9)
        assert np.array_equal(rank_scores(fast[code]), rank_scores(scores), equal_nan=True)
    linear = LinearTree.of(tree, data)
    positive_only = method != "arithmetic" and params.get("p") != 1.0
    applies = not np.isnan(data).any() and (not positive_only or bool((data > 0).all()))
    assert (linear is not None) == applies
    if linear is not None:
        # taken exactly when no node has only children of weight 0 in some replicate
        assert (linear.evaluate(weights, keep) is None) == (path_weights(tree, weights) is None)


def test_thresholds_mixed_and_plugin_aggregators_take_the_general_path(asem_panel: Panel) -> None:
    methods = resolve_methods()
    hierarchy = Hierarchy.from_dict({"I": {}, "a": {"parent": "I"}, "b": {"parent": "I", "aggregation": "geometric"},
                                     "b1": {"parent": "b"}, "b2": {"parent": "b"}})
    data = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    codes = ("a", "b1", "b2")
    assert LinearTree.of(compile_tree(hierarchy, codes, methods.aggregators), data) is None  # mixed
    flat = Hierarchy.from_dict({"I": {}, "a": {"parent": "I"}, "b": {"parent": "I"}})
    assert LinearTree.of(compile_tree(flat, ("a", "b"), methods.aggregators), data[:, :2]) is not None
    thresholded = compile_tree(flat, ("a", "b"), methods.aggregators, ("arithmetic", {}, 0.5))
    assert LinearTree.of(thresholded, data[:, :2]) is None
    copeland = compile_tree(flat, ("a", "b"), methods.aggregators, ("copeland", {}, 0.0))
    assert LinearTree.of(copeland, data[:, :2]) is None


def test_a_deduction_takes_the_general_path() -> None:
    """An adverse indicator's points come off its parent on complete data too (the product cannot clip them)."""
    hierarchy = Hierarchy.from_dict({"I": {}, "a": {"parent": "I"}, "bad": {"parent": "I", "deduct": True}})
    tree = compile_tree(hierarchy, ("a", "bad"), resolve_methods().aggregators)
    data = np.array([[100.0, 1.0], [50.0, 80.0]])
    assert LinearTree.of(tree, data) is None
    np.testing.assert_array_equal(evaluate(tree, data, tree.weights[:, None])["I"], [[99.0], [0.0]])


@pytest.mark.parametrize("method", ["arithmetic", "geometric"])
def test_pipeline_results_are_the_same_either_way(asem_panel: Panel, method: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The ASEM index imputed, normalised and aggregated one way throughout: one product or node by node."""
    spec = PipelineSpec(steps=(Step("impute", {"method": "mean"}),
                               Step("normalise", {"method": "minmax", "params": {"low": 1, "high": 100}}),
                               Step("aggregate", {"method": method})))
    fast = run_pipeline(asem_panel, spec)
    monkeypatch.setattr(LinearTree, "of", classmethod(lambda cls, tree, data: None))
    general = run_pipeline(asem_panel, spec)
    np.testing.assert_allclose(fast.scores, general.scores, rtol=1e-12)
    assert np.array_equal(fast.rank(fast.index), general.rank(general.index))
