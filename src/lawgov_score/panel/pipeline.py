"""Run a pipeline spec on a panel: prepare the data, aggregate up the tree, rank."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from attrs import evolve, frozen

from lawgov_score.errors import InputError
from lawgov_score.panel.data import Panel
from lawgov_score.panel.engine import Tree, compile_tree, evaluate
from lawgov_score.panel.hierarchy import Hierarchy, Node
from lawgov_score.panel.normalise import apply_direction
from lawgov_score.panel.prepare import denominate, impute, screen
from lawgov_score.panel.ranking import rank_scores
from lawgov_score.panel.registry import Methods, resolve_methods
from lawgov_score.panel.results import PanelResult
from lawgov_score.panel.spec import PipelineSpec, Step
from lawgov_score.panel.treat import Treatment, treat_matrix
from lawgov_score.panel.types import FloatArray


@frozen(eq=False)
class Prepared:
    """A panel after the data steps: the normalised matrix (columns as ``tree.codes``) and the tree."""

    panel: Panel
    data: FloatArray
    tree: Tree
    treatments: tuple[Treatment, ...]
    dropped: tuple[str, ...]


def resolve_hierarchy(panel: Panel, spec: PipelineSpec, hierarchy: Hierarchy | None = None) -> Hierarchy:
    """The tree to use: the argument, else the spec's, else the panel's, else a flat one-level index.

    :param panel: the panel.
    :param spec: the pipeline.
    :param hierarchy: an explicit tree.
    :returns: the hierarchy.
    """
    chosen = hierarchy or spec.hierarchy or panel.hierarchy
    if chosen is not None:
        return chosen
    root = "Index" if "Index" not in panel.indicators else "Index_"
    return Hierarchy((Node(root), *(Node(code, root) for code in panel.indicators)))


def _weights(spec: PipelineSpec, hierarchy: Hierarchy) -> dict[str, float]:
    step = spec.step("weight")
    chosen = step.get("set", "framework") if step else "framework"
    if chosen == "framework":
        return {}
    if chosen == "equal":
        return dict.fromkeys(hierarchy.codes, 1.0)
    weights = dict(spec.weight_sets[chosen])
    unknown = sorted(set(weights) - set(hierarchy.codes))
    if unknown:  # a misspelt node would otherwise keep its old weight without a word
        raise InputError(f"weight set {chosen!r} names {len(unknown)} node(s) the hierarchy does not have: "
                         f"{', '.join(unknown[:10])}", None, f"$.weight_sets.{chosen}.{unknown[0]}")
    return weights


def _oriented(hierarchy: Hierarchy, codes: tuple[str, ...], step: Step, key: str, spec_index: int) -> FloatArray:
    given: Mapping[str, Any] = step.get(key, {})
    rows: list[Any] = []
    for code in codes:
        node = hierarchy.node(code)
        value = given.get(code, node.goalposts if key == "goalposts" else node.target)
        if value is None:
            raise InputError(f"normaliser {step.get('method')!r} needs {key} for indicator {code!r}",
                             None, f"$.steps[{spec_index}].{key}.{code}")
        if key == "goalposts":
            low, high = float(value[0]), float(value[1])
            if node.scale == "log":
                low, high = math.log1p(max(low, 0.0)), math.log1p(max(high, 0.0))
            rows.append((low, high) if node.direction >= 0 else (-high, -low))
        else:
            rows.append(float(value) * (node.direction or 1))
    return np.array(rows, dtype=np.float64)


def _normalise(values: FloatArray, hierarchy: Hierarchy, codes: tuple[str, ...], spec: PipelineSpec,
               methods: Methods) -> FloatArray:
    step = spec.step("normalise")
    method = str(step.get("method")) if step is not None else ""
    if method == "none":  # scores already, each oriented by the scoring that made it (75 is good)
        return np.asarray(values, dtype=np.float64)
    directions = [hierarchy.node(c).direction or 1 for c in codes]
    if method == "goalposts":  # a log-scale indicator's goalposts apply to log(1 + x), as in a report's score
        log = np.array([hierarchy.node(c).scale == "log" for c in codes], dtype=bool)
        values = np.where(log, np.log1p(np.maximum(values, 0.0)), values) if log.any() else values
    oriented = apply_direction(values, directions)
    if step is None:
        return oriented
    params = dict(step.get("params", {}))
    if method in ("goalposts", "target"):
        key = "goalposts" if method == "goalposts" else "targets"
        params[key] = _oriented(hierarchy, codes, step, key, spec.steps.index(step))
    out = np.asarray(methods.normalisers[method](oriented, **params), dtype=np.float64)
    if out.shape != oriented.shape:
        raise InputError(f"normaliser {method!r} returned shape {out.shape}, expected {oriented.shape}")
    return out


def prepare(
    panel: Panel,
    spec: PipelineSpec,
    hierarchy: Hierarchy | None = None,
    methods: Methods | None = None,
    changes: Mapping[str, Mapping[str, Any]] | None = None,
) -> Prepared:
    """Run the data steps of ``spec`` (denominate, screen, impute, treat, normalise) in order.

    :param panel: the panel (one year).
    :param spec: the pipeline.
    :param hierarchy: the tree (see :func:`resolve_hierarchy`).
    :param methods: available methods (default: built-ins).
    :param changes: step name → options merged into the spec's (the ``normalise`` step's are
        replaced whole, since parameters differ between methods); used by the uncertainty analysis.
    :returns: the prepared data and compiled tree.
    :raises InputError: a step cannot run on these data.
    """
    methods = methods or resolve_methods()
    tree_of = resolve_hierarchy(panel, spec, hierarchy)
    for name, options in (changes or {}).items():
        spec = spec.replace_step(name, options) if name == "normalise" else spec.with_step(name, **options)
    leaves = set(tree_of.indicators)
    codes = tuple(c for c in panel.indicators if c in leaves)
    tree_of.check_indicators(panel.indicators)
    values = panel.values[:, [panel.indicators.index(c) for c in codes]]
    dropped: tuple[str, ...] = ()
    treatments: tuple[Treatment, ...] = ()
    for i, step in enumerate(spec.steps):
        if step.name == "denominate":
            by = step.get("by") or {c: tree_of.node(c).denominator for c in codes if tree_of.node(c).denominator}
            denominators = np.ones_like(values)
            for code, column in by.items():
                if code in codes:
                    denominators[:, codes.index(code)] = panel.column(column)
            scale = np.array([float(step.get("scale", {}).get(c, 1.0)) for c in codes])
            values = denominate(values, denominators, scale)
        elif step.name == "screen":
            kept = screen(values, float(step.get("threshold")))
            dropped += tuple(u for u, k in zip(panel.units, kept, strict=True) if not k)
            panel, values = panel.take(kept), values[kept]
        elif step.name == "impute":
            group = step.get("group")
            if group is not None and group not in panel.meta:
                raise InputError(f"no unit metadata column {group!r} to impute by", None, f"$.steps[{i}].group")
            values = impute(values, step.get("method"), panel.meta.get(group) if group else None)
        elif step.name == "treat":
            values, report = treat_matrix(
                values, codes, winmax=int(step.get("winmax", 5)),
                skew_threshold=float(step.get("skew_threshold", 2.0)),
                kurtosis_threshold=float(step.get("kurtosis_threshold", 3.5)),
                fallback=step.get("fallback", "log_ct"), count=step.get("count", "coinr"),
                exclude=frozenset(step.get("exclude", ())))
            treatments = tuple(report)
    data = _normalise(values, tree_of, codes, spec, methods)
    return Prepared(panel, data, tree_for(spec, tree_of, codes, methods), treatments, dropped)


def tree_for(spec: PipelineSpec, hierarchy: Hierarchy, codes: tuple[str, ...], methods: Methods) -> Tree:
    """Compile the tree with the spec's ``weight`` and ``aggregate`` steps.

    :param spec: the pipeline.
    :param hierarchy: the tree.
    :param codes: the indicator columns of the prepared data.
    :param methods: the available aggregators.
    :returns: the compiled tree.
    """
    agg = spec.step("aggregate") or Step("aggregate")
    default = (agg.get("method", "arithmetic"), agg.get("params", {}), float(agg.get("threshold", 0.0)))
    return compile_tree(hierarchy, codes, methods.aggregators, default, agg.get("nodes", {}), _weights(spec, hierarchy))


def run_pipeline(
    panel: Panel, spec: PipelineSpec, *, hierarchy: Hierarchy | None = None, plugins: Any = None,
    ranks: str | Sequence[str] = "index",
) -> PanelResult:
    """Score and rank every unit under the pipeline ``spec``.

    With several years in the panel, each year is prepared and ranked on its own (unless the
    spec selects one ``year``); rows keep their order within each year.

    :param panel: the panel.
    :param spec: the pipeline.
    :param hierarchy: the tree (default: the spec's, the panel's or a flat index).
    :param plugins: plugin manager or hook relay for plugin normalisers and aggregators.
    :param ranks: the nodes ranked with the scores: ``"index"``, ``"all"``, or codes (the index
        is always ranked). Other nodes are ranked when :meth:`PanelResult.rank` asks or a
        result is written out.
    :returns: scores, ranks, effective weights and contributions.
    :raises InputError: the data do not fit the pipeline.
    """
    methods = resolve_methods(plugins)
    if spec.year is not None:
        panel = panel.select_year(spec.year)
    years = panel.distinct_years()
    if len(years) > 1:
        parts = [run_pipeline(panel.select_year(y), evolve(spec, year=None), hierarchy=hierarchy,
                              plugins=plugins, ranks=ranks) for y in years]
        return PanelResult.concatenate(parts)
    if panel.shape[0] == 0:
        raise InputError("the panel has no rows to score")
    prepared = prepare(panel, spec, hierarchy, methods)
    return result_of(prepared, spec, ranks)


def result_of(prepared: Prepared, spec: PipelineSpec, ranks: str | Sequence[str] = "index") -> PanelResult:
    """Evaluate the tree once (nominal weights) and assemble the result.

    :param prepared: output of :func:`prepare`.
    :param spec: the pipeline (recorded in the result).
    :param ranks: the nodes to rank (see :func:`run_pipeline`).
    :returns: the result.
    :raises InputError: ``ranks`` names a node the tree does not have.
    """
    tree = prepared.tree
    scores = evaluate(tree, prepared.data, tree.weights[:, None])
    matrix = np.column_stack([scores[c][:, 0] for c in tree.codes])
    ranked = _ranked(tree, ranks)
    columns = [tree.position(code) for code in ranked]
    rank_matrix = np.full(matrix.shape, np.nan)
    rank_matrix[:, columns] = rank_scores(matrix[:, columns])
    root_rule = tree.rules[-1]
    kids = root_rule.children
    contributions = _contributions(matrix[:, kids], tree.weights[kids], matrix[:, tree.position(tree.root)],
                                   root_rule.aggregator.name)
    return PanelResult(
        units=prepared.panel.units,
        years=prepared.panel.years,
        codes=tree.codes,
        parents=tuple(tree.codes[p] if p >= 0 else None for p in tree.parents),
        n_indicators=tree.n_indicators,
        scores=matrix,
        ranks=rank_matrix,
        effective_weights=dict(zip(tree.codes, tree.effective_weights().tolist(), strict=True)),
        contribution_codes=tuple(tree.codes[k] for k in kids),
        contributions=contributions,
        dropped=prepared.dropped,
        treatments=tuple((t.indicator, t.action, t.points) for t in prepared.treatments),
        spec=spec.to_dict(),
        ranked=ranked,
    )


def _ranked(tree: Tree, ranks: str | Sequence[str]) -> tuple[str, ...]:
    if ranks == "all":
        return tree.codes
    asked = () if ranks == "index" else (ranks,) if isinstance(ranks, str) else tuple(ranks)
    unknown = [code for code in asked if code not in tree.codes]
    if unknown:
        raise InputError(f"cannot rank nodes that are not in the tree: {unknown}")
    return tuple(dict.fromkeys((*asked, tree.root)))


def _contributions(children: FloatArray, weights: FloatArray, score: FloatArray, method: str) -> FloatArray:
    # arithmetic: w_c x_c / Σ w over present children, which adds up to the score exactly;
    # other aggregators: the score shared in proportion to w_c x_c (a reporting convention)
    present = ~np.isnan(children)
    terms = np.where(present, children * weights, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "arithmetic":
            out = terms / (present * weights).sum(axis=1, keepdims=True)
        else:
            out = score[:, None] * terms / terms.sum(axis=1, keepdims=True)
    out[~present] = np.nan
    return np.asarray(out, dtype=np.float64)
