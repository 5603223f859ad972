"""The ``lawgov-limits`` directive: every limit of :class:`lawgov_score.limits.Limits` — its name,
the variable that changes it, its default and what it bounds — read from the class itself.

The fields come from :func:`attrs.fields` and their descriptions from the docstring under each
field (found by Sphinx's source analyser, as autodoc does), so a limit added to the class is on
the page at the next build, and one without a description is a build warning::

    ```{lawgov-limits}
    ```
"""

from __future__ import annotations

from typing import Any

from _nodes import literal, table
from attrs import fields
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)


def human(name: str, value: int) -> str:
    """A default as a person reads it: sizes in KiB/MiB/GiB, other counts with separators."""
    if value == 0:
        return "none"
    if name.endswith("bytes"):
        for unit, size in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
            if value >= size and value % size == 0:
                return f"{value // size:,} {unit}"
        return f"{value:,} bytes"
    if name.endswith("chars") and value % 2**20 == 0:
        return f"{value // 2**20:,} Mi characters ({value:,})"
    return f"{value:,}"


class LimitsDirective(SphinxDirective):
    """Render the table of limits."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from lawgov_score.limits import ENV_PREFIX, Limits

        self.env.note_reread()  # generated from installed code: never reuse a cached page
        docs = ModuleAnalyzer.for_module(Limits.__module__).find_attr_docs()
        defaults = Limits()
        rows = []
        for field in fields(Limits):
            lines = docs.get(("Limits", field.name))
            if not lines:
                logger.warning("limits: Limits.%s has no docstring", field.name, location=self.get_location())
            description = " ".join(line.strip() for line in lines or () if line.strip())
            rows.append(
                [
                    literal(field.name),
                    literal(f"{ENV_PREFIX}{field.name.upper()}"),
                    human(field.name, getattr(defaults, field.name)),
                    description,
                ]
            )
        return [table(["limit", "environment variable", "default", "what it bounds"], rows, widths=[14, 30, 14, 42])]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("lawgov-limits", LimitsDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
