"""``lawgov-score framework``: the framework in force, its dimensions and indicators."""

from __future__ import annotations

import argparse

from lawgov_score.cli.common import add_format, add_framework, plugin_manager
from lawgov_score.cli.output import write_output
from lawgov_score.model.framework import Framework, Indicator, goalposts_of
from lawgov_score.output_text import json_text
from lawgov_score.render.text_table import clip, render_table

DESCRIPTION = (
    "Print the framework in force: dimensions with their titles and weights, and each indicator (id,"
    " names, kind, unit, direction, weight, goalposts)."
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("framework", help="print the active framework", description=DESCRIPTION)
    add_framework(parser)
    add_format(parser, ("table", "json"), "table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawgov_score.framework import default_framework, framework_to_dict, load_framework

    pm = plugin_manager(args)
    framework = load_framework(args.framework, pm) if args.framework else default_framework(pm)
    if args.format == "json":
        write_output(json_text(framework_to_dict(framework)), args.output)
    else:
        write_output(framework_text(framework), args.output)
    return 0


def framework_text(framework: Framework) -> str:
    """Dimensions with their weights, then each dimension's indicators."""
    total = sum(d.weight for d in framework.dimensions)
    lines = [f"{framework.id} {framework.version} — {framework.title}  (missing data: {framework.missing})\n"]
    for d in framework.dimensions:
        lines.append(f"\n{d.code}  {d.title_zh}\n    {d.title_en}  — weight {d.weight:g} ({d.weight / total:.1%})\n")
        rows = [
            (
                i.id,
                clip(i.name_zh, 20),
                i.kind,
                i.unit,
                {1: "+", -1: "−", 0: "0"}[i.direction],
                f"{i.weight:g}",
                _goalposts(i),
            )
            for i in d.indicators
        ]
        lines.append(render_table(("id", "name", "kind", "unit", "dir", "weight", "goalposts"), rows))
    return "".join(lines)


def _goalposts(indicator: Indicator) -> str:
    posts = goalposts_of(indicator)
    return "" if posts is None else f"{posts[0]:g}–{posts[1]:g}"
