"""Sphinx configuration for the lawgov_score documentation (MyST Markdown, built with -W)."""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
# The project's own extensions (docs/_ext): pages generated from the installed code, so that they
# cannot drift from it — the dimension catalogue, the CLI help, the schemas, command output and
# the lists of property tests.
sys.path.insert(0, str(DOCS / "_ext"))

import lawgov_score  # noqa: E402  (after the path set-up above)

project = "lawgov_score"
author = "lawgov_score developers"
copyright = "lawgov_score developers"
release = lawgov_score.__version__
version = release
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "sphinx.ext.mathjax",
    "catalogue",  # {lawgov-catalogue}
    "cli_help",  # {lawgov-cli-help} [SUBCOMMAND]
    "schema_pages",  # {lawgov-schemas}
    "run_command",  # {lawgov-run} lawgov-score ... and {lawgov-python}
    "property_list",  # {lawgov-tests} tests/FILE.py
    "validity_pages",  # {lawgov-validity}, {lawgov-extremes}, {lawgov-seed-change}
    "limits_table",  # {lawgov-limits}
]

source_suffix = {".md": "markdown"}
root_doc = "index"
# examples/ holds an installable plugin whose files the pages include; its README is not a page.
exclude_patterns = ["_build", "examples", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "dollarmath", "deflist"]
myst_heading_anchors = 3

# The docstrings use reST fields (:param:, :returns:); types go into the description, where a
# forward reference that autodoc cannot resolve is printed rather than warned about.
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True}
nitpicky = False

html_theme = "alabaster"
html_title = f"lawgov_score {release}"
html_theme_options = {
    "description": "Scoring reports on building a law-based government (法治政府建设)",
    "fixed_sidebar": True,
    # The catalogue's indicator tables have seven columns: give them room.
    "page_width": "1240px",
    "body_max_width": "none",
}
html_static_path: list[str] = []
