"""The ``rank`` command's work: load, run the pipeline, the uncertainty and coherence analyses, write."""

from __future__ import annotations

import argparse
import math
import secrets
import sys
from typing import Any

from lawgov_score.cli.output import write_output
from lawgov_score.errors import InputError
from lawgov_score.limits import current
from lawgov_score.output_text import csv_text, json_text
from lawgov_score.panel.coherence_checks import coherence
from lawgov_score.panel.hierarchy import Hierarchy
from lawgov_score.panel.io import is_assessments_file, load_panel, load_spec
from lawgov_score.panel.monte_carlo import Assumptions, UncertaintyResult, uncertainty
from lawgov_score.panel.pipeline import run_pipeline
from lawgov_score.panel.results import PanelResult
from lawgov_score.panel.spec import PipelineSpec
from lawgov_score.schemas import validate


def _assumptions(args: argparse.Namespace) -> Assumptions:
    return Assumptions(
        weights=args.perturb_weights,
        imputation=args.imputations,
        normalisation=tuple({"method": name} for name in args.normalisations),
        aggregation=args.aggregations,
        leave_one_out=args.leave_one_out,
    )


def _plugins(args: argparse.Namespace) -> Any:
    from lawgov_score.cli.common import plugin_manager

    return plugin_manager(args)


def _hierarchy(args: argparse.Namespace, plugins: Any, spec: PipelineSpec) -> Hierarchy | None:
    """The tree: from --framework, else the spec's (else, for scored reports, the installed framework's)."""
    from lawgov_score.framework import load_framework

    if args.framework:
        return Hierarchy.from_framework(load_framework(args.framework, plugins))
    return spec.hierarchy


def _progress(total: int) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="run", file=sys.stderr, disable=not sys.stderr.isatty(),
                desc="uncertainty")


def _csv(result: PanelResult, analysis: UncertaintyResult | None) -> str:
    header, rows = result.table()
    if analysis is not None:
        header += ["rank.median", "rank.p05", "rank.p95"]
        for i, row in enumerate(rows):
            row += [_number(analysis.median_rank[i]), _number(analysis.rank_p05[i]), _number(analysis.rank_p95[i])]
    return csv_text(header, rows)


def _planned_bytes(args: argparse.Namespace, panel: Any, hierarchy: Hierarchy | None) -> int:
    """What an uncertainty run holds at once, checked before it starts: the two base sample
    matrices (N × inputs each), the units × units rank histogram of the largest year and the
    chunk budget of the engine (:func:`lawgov_score.panel.monte_carlo.uncertainty`)."""
    nodes = len(hierarchy.codes) - 1 if hierarchy is not None else panel.shape[1]
    choices = (args.imputations, args.normalisations, args.aggregations)
    inputs = (nodes if args.perturb_weights > 0 else 0) + sum(len(c) > 1 for c in choices) + int(args.leave_one_out)
    units = max(panel.years.count(year) for year in panel.distinct_years())
    return int(8 * (2 * args.uncertainty * max(inputs, 1) + units * units) + 256 * 2**20)


def _number(value: float) -> str:
    return "" if math.isnan(value) else f"{value:g}"


def _check_choices(args: argparse.Namespace, plugins: Any) -> None:
    """The methods named by --normalisations and --aggregations exist, before any work is done."""
    from lawgov_score.panel.registry import resolve_methods

    methods = resolve_methods(plugins)
    for option, names, known in (("--normalisations", args.normalisations, methods.normalisers),
                                 ("--aggregations", args.aggregations, methods.aggregators)):
        unknown = [name for name in names if name not in known]
        if unknown:
            raise InputError(f"unknown method(s) {', '.join(map(repr, unknown))}; known: {', '.join(sorted(known))}",
                             option)


def pipeline_of(args: argparse.Namespace) -> str:
    """The pipeline file: ``--pipeline`` (a built-in one's name or a file), else the built-in one
    for the input (``reports`` for scored reports, ``indicators`` for a table)."""
    from lawgov_score.panel.pipelines import NAMES, pipeline_path

    chosen = args.pipeline
    if chosen is None:
        chosen = "reports" if is_assessments_file(args.input) else "indicators"
    if chosen in NAMES:
        return str(pipeline_path(chosen))
    return str(chosen)


def run(args: argparse.Namespace) -> int:
    """Run ``rank``; the output file is written only when everything succeeded.

    :param args: parsed arguments.
    :returns: the exit status (0).
    :raises InputError: bad input, naming the file and the place.
    """
    from lawgov_score.cli.common import check_timezone

    plugins = _plugins(args)
    _check_choices(args, plugins)
    check_timezone(args.tz)
    args.pipeline = pipeline_of(args)
    spec = load_spec(args.pipeline, plugins)
    panel = load_panel(args.input, _hierarchy(args, plugins, spec), plugins=plugins, validate=args.validate)
    hierarchy = panel.hierarchy
    if hierarchy is None and panel.shape[1] == 0:
        raise InputError("no numeric indicator columns found", args.input)
    try:
        result = run_pipeline(panel, spec, hierarchy=hierarchy, plugins=plugins)
    except InputError as error:
        # the data and the spec do not fit: the location is a place in the spec
        raise InputError(error.message, error.source or args.pipeline, error.location) from None
    document = result.to_dict()
    analysis = None
    if args.uncertainty > 0:
        planned = _planned_bytes(args, panel, hierarchy)
        needs = f"the memory {args.uncertainty:,} base samples would need ({planned / 2**30:,.1f} GiB), in bytes,"
        current().check("uncertainty_bytes", planned, "--uncertainty", needs)
        seed = args.seed if args.seed is not None else secrets.randbelow(2**32)
        if args.seed is None and not args.quiet:
            print(f"lawgov-score: uncertainty: no --seed given, drew seed {seed} (recorded in the output)",
                  file=sys.stderr)
        bar = _progress(0)
        done = [0]

        def advance(runs: int) -> None:
            bar.total = max(bar.total or 0, runs)
            bar.update(runs - done[0])
            done[0] = runs

        try:
            analysis = uncertainty(panel, spec, n=args.uncertainty, seed=seed, hierarchy=hierarchy,
                                   assumptions=_assumptions(args), plugins=plugins, progress=advance)
        except InputError as error:
            raise InputError(error.message, error.source or args.pipeline, error.location) from None
        except (KeyError, ValueError, TypeError) as error:
            # an unknown method name among the varied assumptions
            raise InputError(f"cannot vary the assumptions as asked: {error}", "command line") from None
        finally:
            bar.close()
        document["uncertainty"] = analysis.to_dict()
    if args.coherence:
        document["coherence"] = coherence(result).to_dict()
    if args.validate:
        # the tests check every output form against the schema; a user may ask for it on each run
        validate(document, "panel-result", "<result>")
    write_output(_rendered(args, result, analysis, spec, document), args.output)
    return 0


def _rendered(args: argparse.Namespace, result: PanelResult, analysis: UncertaintyResult | None, spec: PipelineSpec,
              document: dict[str, Any]) -> str | bytes:
    """The result in the format asked for."""
    if args.format == "csv":
        return ("\ufeff" if args.bom else "") + _csv(result, analysis)
    if args.format == "html":
        from lawgov_score.render.panel import render_panel_html

        return render_panel_html(result, analysis, title=args.title or spec.name or None, tz=args.tz,
                                 lang=args.lang)
    if args.format == "xlsx":
        from lawgov_score.render.panel import panel_sheets
        from lawgov_score.render.spreadsheet import workbook

        return workbook(panel_sheets(result, analysis, spec), args.lang)
    if args.format == "table":
        from lawgov_score.render.panel import panel_text

        return panel_text(result, analysis, args.lang)
    return json_text(document)
