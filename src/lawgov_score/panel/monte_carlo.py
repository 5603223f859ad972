"""Monte Carlo uncertainty and sensitivity analysis over the assumptions of a pipeline (JRC practice).

Every assumption is driven by uniform inputs in [0, 1): each perturbed weight by one input
(factor ``1 + δ(2u − 1)``, δ = 0.25 by default), each discrete choice (imputation,
normalisation, aggregation, which indicator to leave out) by one input. The data variants are
prepared once; replicates are then evaluated in chunks, grouped by variant, with all their
weight vectors at once (:func:`lawgov_score.panel.engine.evaluate`), so nothing is rebuilt
per replicate.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
from attrs import field, frozen

from lawgov_score.errors import InputError
from lawgov_score.panel.data import Panel
from lawgov_score.panel.engine import Tree, evaluate
from lawgov_score.panel.hierarchy import Hierarchy
from lawgov_score.panel.linear import LinearTree
from lawgov_score.panel.pipeline import Prepared, prepare, resolve_hierarchy, result_of, tree_for
from lawgov_score.panel.rank_sample import RankSample
from lawgov_score.panel.ranking import rank_rows
from lawgov_score.panel.registry import resolve_methods
from lawgov_score.panel.results import json_number, json_rank
from lawgov_score.panel.sobol import SobolAccumulator, base_samples, default_sampling, mixed
from lawgov_score.panel.spec import PipelineSpec
from lawgov_score.panel.types import FloatArray, IntArray, str_tuple


def _options(values: Iterable[Mapping[str, Any]]) -> tuple[Mapping[str, Any], ...]:
    return tuple(values)


@frozen
class Assumptions:
    """What varies in the Monte Carlo. An empty tuple keeps the spec's choice fixed.

    :param weights: relative half-width δ of the uniform weight perturbation (0 disables).
    :param weight_nodes: nodes whose weights are perturbed (default: every non-root node).
    :param imputation: alternative imputation methods (``impute`` step ``method``).
    :param normalisation: alternative ``normalise`` step options, e.g. ``{"method": "zscore"}``.
    :param aggregation: alternative default aggregation methods, e.g. ``"geometric"`` (nodes
        with their own method in the spec or the hierarchy keep it).
    :param leave_one_out: also leave one indicator out (or none), uniformly.
    """

    weights: float = 0.25
    weight_nodes: tuple[str, ...] | None = None
    imputation: tuple[str, ...] = field(default=(), converter=str_tuple)
    normalisation: tuple[Mapping[str, Any], ...] = field(default=(), converter=_options)
    aggregation: tuple[str, ...] = field(default=(), converter=str_tuple)
    leave_one_out: bool = False


@frozen(eq=False)
class UncertaintyResult:
    """Rank distribution of every unit and Sobol indices of every assumption.

    Ranks are summarised over the random replicates (A and B when Sobol indices are computed);
    quantiles are of the "inverse distribution" kind (the smallest rank reaching the share).
    ``S1_se``/``ST_se`` are bootstrap standard errors and ``S1_conf``/``ST_conf`` the half-widths
    of the ``conf_level`` intervals; ``sampling`` says how the base samples were drawn.
    """

    units: tuple[str, ...]
    years: tuple[int | None, ...]
    nominal_rank: FloatArray
    median_rank: FloatArray
    rank_p05: FloatArray
    rank_p95: FloatArray
    assumptions: tuple[str, ...]
    S1: FloatArray
    ST: FloatArray
    S1_se: FloatArray
    ST_se: FloatArray
    n: int
    seed: int | None
    runs: int
    replicate_ranks: FloatArray | None = None
    S1_conf: FloatArray | None = None
    ST_conf: FloatArray | None = None
    conf_level: float = 0.95
    resamples: int = 0
    sampling: str = "random"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (the ``uncertainty`` member of ``panel-result.schema.json``)."""
        nan = np.full(len(self.assumptions), np.nan)
        s1_conf = nan if self.S1_conf is None else self.S1_conf
        st_conf = nan if self.ST_conf is None else self.ST_conf
        return {
            "n": self.n, "seed": self.seed, "runs": self.runs, "sampling": self.sampling,
            "conf_level": self.conf_level, "resamples": self.resamples,
            "output": "ranks of the index (variance-weighted over units)",
            "assumptions": [
                {"name": name, "S1": json_number(self.S1[k]), "ST": json_number(self.ST[k]),
                 "S1_se": json_number(self.S1_se[k]), "ST_se": json_number(self.ST_se[k]),
                 "S1_conf": json_number(s1_conf[k]), "ST_conf": json_number(st_conf[k])}
                for k, name in enumerate(self.assumptions)],
            "units": [
                {"unit": u, "year": self.years[i], "nominal_rank": json_rank(self.nominal_rank[i]),
                 "median_rank": json_number(self.median_rank[i]), "rank_p05": json_number(self.rank_p05[i]),
                 "rank_p95": json_number(self.rank_p95[i])}
                for i, u in enumerate(self.units)],
        }


@frozen(eq=False)
class _Design:
    names: tuple[str, ...]
    groups: tuple[tuple[int, ...], ...]
    weight_rows: IntArray
    options: Mapping[str, int]
    delta: float
    n_indicators: int


def _design(assumptions: Assumptions, tree: Tree) -> _Design:
    names: list[str] = []
    groups: list[tuple[int, ...]] = []
    column = 0
    codes = assumptions.weight_nodes or tuple(c for c in tree.codes if c != tree.root)
    rows = np.array([tree.position(c) for c in codes], dtype=np.intp)
    if assumptions.weights > 0 and rows.size:
        names.append("weights")
        groups.append(tuple(range(column, column + rows.size)))
        column += rows.size
    options = {"imputation": len(assumptions.imputation), "normalisation": len(assumptions.normalisation),
               "aggregation": len(assumptions.aggregation),
               "leave_one_out": tree.n_indicators + 1 if assumptions.leave_one_out else 0}
    for name, count in options.items():
        if count > 1:
            names.append(name)
            groups.append((column,))
            column += 1
    return _Design(tuple(names), tuple(groups), rows, options, assumptions.weights, tree.n_indicators)


def _choice(u: FloatArray, count: int) -> IntArray:
    return np.minimum((u * count).astype(np.intp), max(count - 1, 0))


class _Model:
    """Ranks of the index for rows of uniform inputs; data variants prepared once, lazily."""

    def __init__(self, panel: Panel, spec: PipelineSpec, hierarchy: Hierarchy | None,
                 assumptions: Assumptions, nominal: Prepared, plugins: Any, dtype: Any) -> None:
        self.panel, self.spec, self.hierarchy = panel, spec, hierarchy
        self.assumptions, self.nominal, self.dtype = assumptions, nominal, dtype
        self.methods = resolve_methods(plugins)
        self.design = _design(assumptions, nominal.tree)
        self._data: dict[tuple[int, int], FloatArray] = {}
        self._trees: dict[int, Tree] = {}
        self._linear: dict[tuple[int, int, int], LinearTree | None] = {}

    def variant(self, imp: int, norm: int, agg: int) -> tuple[FloatArray, Tree]:
        """The prepared data of an (imputation, normalisation) choice and the tree of an aggregation."""
        a = self.assumptions
        if (imp, norm) not in self._data:
            changes: dict[str, Mapping[str, Any]] = {}
            if a.imputation:
                changes["impute"] = {"method": a.imputation[imp]}
            if a.normalisation:
                changes["normalise"] = dict(a.normalisation[norm])
            # variants keep the units the nominal run kept, so every replicate ranks the same units
            prepared = (prepare(self.nominal.panel, self.spec.without_step("screen"), self.hierarchy,
                                self.methods, changes) if changes else self.nominal)
            if prepared.tree.codes != self.nominal.tree.codes:
                raise InputError("a data variant changed the indicator columns")
            self._data[(imp, norm)] = prepared.data.astype(self.dtype)
        if agg not in self._trees:
            tree = self.nominal.tree
            if a.aggregation:
                spec = self.spec.with_step("aggregate", method=a.aggregation[agg], params={})
                tree = tree_for(spec, resolve_hierarchy(self.panel, self.spec, self.hierarchy),
                                tree.codes[: tree.n_indicators], self.methods)
            self._trees[agg] = tree
        return self._data[(imp, norm)], self._trees[agg]

    def ranks(self, inputs: FloatArray) -> FloatArray:
        """Index ranks, replicates × units."""
        d, m = self.design, inputs.shape[0]
        tree = self.nominal.tree
        weights = np.repeat(tree.weights[:, None], m, axis=1)
        chosen: dict[str, IntArray] = {name: np.zeros(m, dtype=np.intp) for name in d.options}
        for name, cols in zip(d.names, d.groups, strict=True):
            block = inputs[:, list(cols)]
            if name == "weights":
                weights[d.weight_rows] *= (1 + d.delta * (2 * block - 1)).T
            else:
                chosen[name] = _choice(block[:, 0], d.options[name])
        if d.options["leave_one_out"]:
            left = chosen["leave_one_out"] - 1  # 0 means "none left out"
            hit = left >= 0
            weights[left[hit], np.nonzero(hit)[0]] = 0.0
        out = np.empty((m, len(self.nominal.panel.units)))
        keys = np.stack([chosen["imputation"], chosen["normalisation"], chosen["aggregation"]], axis=1)
        for key in np.unique(keys, axis=0):
            rows = np.nonzero((keys == key).all(axis=1))[0]
            choice = (int(key[0]), int(key[1]), int(key[2]))
            data, variant_tree = self.variant(*choice)
            if choice not in self._linear:
                self._linear[choice] = LinearTree.of(variant_tree, data)
            linear = self._linear[choice]
            # as many replicates at once as the path's working memory allows: few, large products
            step = _rows_at_once(variant_tree, data.shape[0], data.dtype.itemsize, linear is not None)
            for start in range(0, rows.size, step):
                part = rows[start : start + step]
                fast = linear.evaluate(weights[:, part], keep="root") if linear is not None else None
                scores = fast if fast is not None else evaluate(variant_tree, data, weights[:, part], "root",
                                                                fast=False)
                out[part] = rank_rows(scores[variant_tree.root].T)
        return out


BUDGET = 256 * 2**20
"""Working memory of one chunk of replicates, in bytes."""
RANKING_BYTES = 80
"""Bytes per unit and replicate of ranking a replicate's index (sort order, tie groups, ranks)."""


def _rows_at_once(tree: Tree, n_units: int, itemsize: int, linear: bool) -> int:
    # replicates evaluated together: the one-product path holds the index and its ranking; the
    # node-by-node path also every aggregate's scores, the widest stack of children and temporaries
    per_unit = RANKING_BYTES + itemsize * (
        2 if linear else len(tree.rules) + 2 * max(len(rule.children) for rule in tree.rules) + 6)
    return int(max(16, BUDGET // (n_units * per_unit)))


def _chunk(n_units: int, per_sample: int) -> int:
    # base samples per chunk: their model runs' ranks, kept for the rank sample and the Sobol
    # sums (a few arrays of runs × units), fit in the budget; each variant is then evaluated in
    # pieces of its own size (_rows_at_once)
    return int(max(1, BUDGET // (n_units * per_sample * 8 * 8)))


def uncertainty(
    panel: Panel,
    spec: PipelineSpec,
    n: int = 1000,
    seed: int | None = None,
    assumptions: Assumptions | None = None,
    *,
    sobol: bool = True,
    hierarchy: Hierarchy | None = None,
    plugins: Any = None,
    dtype: Any = np.float64,
    keep_ranks: bool = False,
    progress: Callable[[int], None] | None = None,
    sampling: str | None = None,
    resamples: int = 100,
    conf_level: float = 0.95,
) -> UncertaintyResult:
    """Uncertainty (rank intervals) and sensitivity (Sobol indices) of the index ranks.

    :param panel: the panel (one year).
    :param spec: the nominal pipeline.
    :param n: base sample size N; with ``sobol`` the model runs N·(k + 2) times for k assumptions,
        otherwise N times.
    :param seed: seed of :func:`numpy.random.default_rng`; the same seed (and sampling) gives the
        same result. Without one a seed is drawn and recorded in the result (``result.seed``).
    :param assumptions: what varies (default: weights ±25 %).
    :param sobol: compute first-order and total indices (Saltelli/Jansen estimators).
    :param hierarchy: the tree (default as in :func:`run_pipeline`).
    :param plugins: plugin manager for plugin methods.
    :param dtype: float type of the replicate arithmetic (``float32`` halves memory).
    :param keep_ranks: keep every replicate's ranks in the result (replicates × units).
    :param progress: called with the number of model runs done after each chunk.
    :param sampling: base samples: ``"sobol"`` (scrambled Sobol' points, the default when scipy
        is installed) or ``"random"`` (the default without scipy, with a warning).
    :param resamples: bootstrap resamples for the intervals of the Sobol indices (0: none).
    :param conf_level: level of those intervals.
    :returns: the result. A unit whose index is missing in a replicate has no rank there (it is
        left out of that unit's rank quantiles) and counts as last in the Sobol decomposition.
    """
    assumptions = assumptions or Assumptions()
    if spec.year is not None:
        panel = panel.select_year(spec.year)
    if len(panel.distinct_years()) > 1:
        raise InputError("uncertainty analysis needs one year: set \"year\" in the pipeline spec")
    methods = resolve_methods(plugins)
    nominal = prepare(panel, spec, hierarchy, methods)
    nominal_rank = result_of(nominal, spec).rank(nominal.tree.root)
    model = _Model(panel, spec, hierarchy, assumptions, nominal, plugins, dtype)
    design = model.design
    n_inputs = sum(len(g) for g in design.groups)
    k = len(design.groups)
    if seed is None:  # drawn, and recorded in the result, so that every run can be repeated
        seed = secrets.randbelow(2**32)
    rng = np.random.default_rng(seed)
    sampling = sampling or default_sampling()
    a, b = base_samples(n, max(n_inputs, 1), rng, sampling)
    n_units = len(nominal.panel.units)
    accumulator = SobolAccumulator(k, (n_units,), resamples=resamples, conf_level=conf_level,
                                   rng=np.random.default_rng(rng.integers(2**63)))
    per_sample = (k + 2) if sobol and k else 1
    sample = RankSample(n_units, 2 * n if sobol and k else n)
    step = _chunk(n_units, per_sample)
    runs = 0
    for start in range(0, n, step):
        block_a = a[start : start + step]
        if sobol and k:
            block_b = b[start : start + step]
            stacked = np.vstack([block_a, block_b, *(mixed(block_a, block_b, g) for g in design.groups)])
            ranks = model.ranks(stacked)
            m = block_a.shape[0]
            # a unit without a score in a replicate counts as last for the variance decomposition
            ranked = np.where(np.isnan(ranks), float(n_units), ranks)
            f_a, f_b = ranked[:m], ranked[m : 2 * m]
            accumulator.add(f_a, f_b, ranked[2 * m :].reshape(k, m, n_units))
            sampled = ranks[: 2 * m]
        else:
            sampled = ranks = model.ranks(block_a)
        runs += ranks.shape[0]
        sample.add(sampled)
        if progress is not None:
            progress(runs)
    quantiles = sample.quantiles((0.5, 0.05, 0.95))
    indices = accumulator.result(pooled=True) if sobol and k else None
    nan = np.full(len(design.names), np.nan)
    return UncertaintyResult(
        units=nominal.panel.units, years=nominal.panel.years, nominal_rank=nominal_rank,
        median_rank=quantiles[0], rank_p05=quantiles[1], rank_p95=quantiles[2],
        assumptions=design.names,
        S1=indices.S1 if indices else nan, ST=indices.ST if indices else nan,
        S1_se=indices.S1_se if indices else nan, ST_se=indices.ST_se if indices else nan,
        n=n, seed=seed, runs=runs, replicate_ranks=sample.replicates() if keep_ranks else None,
        S1_conf=indices.S1_conf if indices else nan, ST_conf=indices.ST_conf if indices else nan,
        conf_level=conf_level, resamples=resamples if indices else 0, sampling=sampling,
    )
