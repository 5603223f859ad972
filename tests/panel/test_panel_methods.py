"""Normalisers, aggregators, outlier treatment, the hierarchy and the plugin hooks, one by one."""

from __future__ import annotations

from typing import Any

import numpy as np
import pluggy
import pytest

from lawgov_score import hookspecs
from lawgov_score.model.framework import Dimension, Framework, Indicator
from lawgov_score.panel import Hierarchy, Node, resolve_methods
from lawgov_score.panel.aggregate import arithmetic, geometric, harmonic, power_mean
from lawgov_score.panel.normalise import percentile, rank, target, zscore
from lawgov_score.panel.prepare import impute, screen
from lawgov_score.panel.treat import kurtosis, log_ct, passes, skewness, treat_matrix, winsorise


def test_zscore_rank_percentile_target() -> None:
    x = np.array([[1.0], [2.0], [2.0], [5.0], [np.nan]])
    z = zscore(x, mean=10, sd=2)
    assert np.nanmean(z) == pytest.approx(10) and np.nanstd(z, ddof=1) == pytest.approx(2)
    assert rank(x)[:, 0].tolist()[:4] == [1.0, 2.5, 2.5, 4.0] and np.isnan(rank(x)[4, 0])
    assert percentile(x)[:4, 0].tolist() == pytest.approx([0.0, 100 / 3, 100 / 3, 100.0])
    assert target(x, np.array([3.0]))[:4, 0].tolist() == [0.0, 50.0, 50.0, 100.0]
    assert target(x, np.array([3.0]), cap=False)[3, 0] == pytest.approx(200.0)


def test_power_mean_special_cases() -> None:
    rng = np.random.default_rng(0)
    values = rng.uniform(1, 10, size=(4, 5, 1))
    weights = rng.uniform(0.5, 2, size=(4, 3))
    assert np.allclose(power_mean(values, weights, p=1), arithmetic(values, weights))
    assert np.allclose(power_mean(values, weights, p=-1), harmonic(values, weights))
    assert np.allclose(power_mean(values, weights, p=1e-9), geometric(values, weights), rtol=1e-6)


def test_missing_children_are_dropped_and_zero_weights_ignored() -> None:
    values = np.array([[[1.0]], [[np.nan]], [[4.0]]])
    weights = np.array([[1.0, 1.0], [5.0, 5.0], [1.0, 0.0]])
    assert arithmetic(values, weights)[0].tolist() == [2.5, 1.0]
    assert geometric(values, weights)[0].tolist() == [2.0, 1.0]
    assert geometric(np.array([[[0.0]], [[4.0]]]), np.ones((2, 1)))[0, 0] == 0


def test_skewness_and_kurtosis_match_the_type_2_definitions() -> None:
    stats = pytest.importorskip("scipy.stats")
    x = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100], dtype=float)
    assert skewness(x) == pytest.approx(stats.skew(x, bias=False))
    assert kurtosis(x) == pytest.approx(stats.kurtosis(x, bias=False))
    assert not passes(x)


def test_winsorise_replaces_ties_by_the_next_value_inwards() -> None:
    x = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100], dtype=float)
    treated, changed = winsorise(x, winmax=5)
    assert passes(treated)
    assert treated[-2:].tolist() == [30.0, 30.0] and changed == 1
    tied = np.concatenate([np.arange(1.0, 21.0), [1000.0, 1000.0]])
    assert not passes(tied)
    once, changed = winsorise(tied, winmax=5, count="cumulative")
    assert once[-2:].tolist() == [20.0, 20.0] and changed == 2
    low = -x
    treated_low, _ = winsorise(low)
    assert treated_low.min() == -30


def test_log_fallback_when_winsorising_is_not_enough() -> None:
    x = np.concatenate([np.ones(20), np.geomspace(10, 1e6, 5)])
    out, report = treat_matrix(x[:, None], ("x",), winmax=1, count="cumulative")
    assert report[0].action == "log"
    assert np.allclose(out[:, 0], log_ct(x))


def test_impute_and_screen() -> None:
    x = np.array([[1.0, np.nan], [3.0, 4.0], [np.nan, 8.0], [10.0, np.nan]])
    groups = ["a", "a", "b", "b"]
    assert impute(x, "mean")[0, 1] == 6.0
    assert impute(x, "median")[2, 0] == 3.0
    filled = impute(x, "group_mean", groups)
    assert filled[0, 1] == 4.0 and filled[2, 0] == 10.0 and filled[3, 1] == 8.0
    assert np.isnan(impute(x, "available_case")).sum() == 3
    assert screen(x, 0.9).tolist() == [False, True, False, False]
    with pytest.raises(ValueError):
        impute(x, "mode")


def test_hierarchy_from_framework_and_dict() -> None:
    framework = Framework(id="FW", version="1", dimensions=[
        Dimension(code="D1", title_zh="一", weight=2.0, indicators=[
            Indicator(id="a", name_zh="甲", direction=-1, goalposts=(0, 10)),
            Indicator(id="b", name_zh="乙", direction=0),
        ]),
        Dimension(code="D2", title_zh="二", indicators=[Indicator(id="c", name_zh="丙", weight=3.0)]),
    ])
    hierarchy = Hierarchy.from_framework(framework)
    assert hierarchy.root == "FW" and hierarchy.indicators == ("a", "c")
    assert hierarchy.node("a").goalposts == (0.0, 10.0) and hierarchy.node("a").direction == -1
    assert hierarchy.aggregates == ("D1", "D2", "FW")
    same = Hierarchy.from_dict({n["code"]: {k: v for k, v in n.items() if k != "code"}
                                for n in hierarchy.to_list()})
    assert same == hierarchy
    with pytest.raises(ValueError, match="cycle"):
        Hierarchy([Node("r"), Node("a", "b"), Node("b", "a")])
    with pytest.raises(ValueError, match="exactly one root"):
        Hierarchy([Node("r"), Node("s")])


class Plugin:
    @hookspecs.hookimpl
    def lawgov_score_register_normalisers(self) -> dict[str, Any]:
        return {"sign": lambda x, **params: np.sign(x)}

    @hookspecs.hookimpl
    def lawgov_score_register_aggregators(self) -> dict[str, Any]:
        return {"minimum": lambda x, w, **params: np.nanmin(x, axis=1)}


def test_pluggy_plugin_manager() -> None:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    pm.register(Plugin())
    methods = resolve_methods(pm)
    assert "sign" in methods.normalisers
    values = np.array([[[1.0, 2.0]], [[3.0, 0.5]]])  # children × units(1) × replicates(2)
    out = methods.aggregators["minimum"](values, np.ones((2, 2)))
    assert out.tolist() == [[1.0, 0.5]]
