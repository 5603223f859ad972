"""``lawgov-score validate``: check a framework, observations, assessment or pipeline file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lawgov_score.cli.common import plugin_manager
from lawgov_score.errors import InputError
from lawgov_score.schemas import KINDS

DESCRIPTION = (
    "Check a framework, observations, assessment, document or pipeline file against its schema "
    "(which one is read from the file, or given with --kind) and list every error with its place."
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("validate", help="check a file against its schema", description=DESCRIPTION)
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--kind", choices=(*KINDS, "observations-csv"), help="which schema (default: from the file)")
    parser.add_argument(
        "--framework",
        metavar="FILE",
        help="for observations: check indicator ids against this framework file (default: the installed one)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lawgov_score.files import read_json
    from lawgov_score.framework import framework_from_dict, installed_dimensions
    from lawgov_score.schemas import detect_kind, validate

    source = args.file
    if args.kind == "observations-csv" or (args.kind is None and Path(source).suffix.lower() == ".csv"):
        return _validate_observations(args)
    data = read_json(source)
    kind = args.kind or detect_kind(data)
    if kind is None:
        raise InputError(
            f'cannot tell which schema applies; add "kind" to the file or pass --kind ({", ".join(KINDS)})', source, "$"
        )
    validate(data, kind, source)
    # Beyond the schema, what the command that reads the file checks, so that "valid" means it runs.
    if kind == "framework":  # every dimension provided or defined, no indicator twice, weights that add up
        framework_from_dict(data, installed_dimensions(plugin_manager(args)), source)
    if kind == "pipeline":  # known methods and their parameters, the hierarchy's shape and depth
        from lawgov_score.panel.spec import PipelineSpec

        PipelineSpec.from_dict(data, source=source, plugins=plugin_manager(args))
    if kind == "observations" and args.framework:  # beyond the schema: known ids, no duplicates
        return _validate_observations(args)
    print(f"{source}: valid {kind} file", file=sys.stderr)
    return 0


def _validate_observations(args: argparse.Namespace) -> int:
    from lawgov_score.framework import default_framework, load_framework
    from lawgov_score.tables import load_observations

    pm = plugin_manager(args)
    framework = load_framework(args.framework, pm) if args.framework else default_framework(pm)
    load_observations(args.file, framework)
    print(f"{args.file}: valid observations file for framework {framework.id}", file=sys.stderr)
    return 0
