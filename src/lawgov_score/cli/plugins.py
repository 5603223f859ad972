"""``lawgov-score plugins``: every installed plugin and the dimensions it provides."""

from __future__ import annotations

import argparse

from lawgov_score.cli.common import add_format, plugin_manager
from lawgov_score.cli.output import write_output
from lawgov_score.output_text import json_text
from lawgov_score.plugins import PluginInfo, describe_plugins
from lawgov_score.render.text_table import render_table

DESCRIPTION = (
    "List every installed lawgov_score plugin: entry-point name, distribution, version, the "
    "dimension codes it provides, and its status: ok, disabled, or broken — with the stage it failed in "
    "(import, register, a hook, a dimension's definition) and the cause."
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("plugins", help="list installed plugins", description=DESCRIPTION)
    add_format(parser, ("table", "json"), "table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawgov_score.panel.registry import resolve_methods

    pm = plugin_manager(args, report=False)  # the listing says it all
    resolve_methods(pm)  # so that a plugin failing in the panel's method hooks is listed as broken
    infos = describe_plugins(pm)
    if args.format == "json":
        rows = [
            {
                "name": i.name,
                "module": i.module,
                "distribution": i.distribution,
                "version": i.version,
                "dimensions": list(i.dimensions),
                "status": i.status,
                "stage": i.stage,
                "error": i.error,
            }
            for i in infos
        ]
        write_output(json_text(rows), args.output)
    else:
        header = ("plugin", "distribution", "version", "dimensions", "status")
        body = [
            (i.name, i.distribution, i.version, " ".join(i.dimensions), _status(i))
            for i in infos
        ]
        write_output(render_table(header, body), args.output)
    return 0


def _status(info: PluginInfo) -> str:
    return f"broken in {info.stage}: {info.error}" if info.status == "broken" else info.status
