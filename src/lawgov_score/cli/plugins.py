"""``lawgov-score plugins``: every installed plugin and the dimensions it provides."""

from __future__ import annotations

import argparse
import json

from lawgov_score.cli.common import add_format, plugin_manager
from lawgov_score.cli.output import write_output
from lawgov_score.plugins import describe_plugins
from lawgov_score.render.text_table import render_table

DESCRIPTION = (
    "List every installed lawgov_score plugin: entry-point name, distribution, version, the "
    "dimension codes it provides, and why it failed to load if it did."
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("plugins", help="list installed plugins", description=DESCRIPTION)
    add_format(parser, ("table", "json"), "table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    infos = describe_plugins(plugin_manager(args))
    if args.format == "json":
        rows = [
            {
                "name": i.name,
                "module": i.module,
                "distribution": i.distribution,
                "version": i.version,
                "dimensions": list(i.dimensions),
                "error": i.error,
            }
            for i in infos
        ]
        write_output(json.dumps(rows, ensure_ascii=False, indent=2), args.output)
    else:
        header = ("plugin", "distribution", "version", "dimensions", "status")
        body = [
            (i.name, i.distribution, i.version, " ".join(i.dimensions), "ok" if i.error is None else i.error)
            for i in infos
        ]
        write_output(render_table(header, body), args.output)
    return 0
