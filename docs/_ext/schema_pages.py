"""The ``lawgov-schemas`` directive: every JSON Schema in ``schemas/``, described and shown whole.

Each ``*.schema.json`` of the repository gets a section with its title, ``$id`` and
description (taken from the schema itself) and its full text, so a new schema file appears on
the page without anyone editing it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from _nodes import literal, paragraph, section
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


class SchemasDirective(SphinxDirective):
    """Render one section per schema file."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_reread()  # generated from installed code: never reuse a cached page
        output: list[nodes.Node] = []
        for path in sorted(SCHEMAS.glob("*.schema.json")):
            self.env.note_dependency(str(path))
            text = path.read_text(encoding="utf-8")
            try:
                schema = json.loads(text)
            except json.JSONDecodeError as error:
                logger.warning("schemas: %s is not valid JSON: %s", path.name, error, location=self.get_location())
                continue
            node = section(self.state.document, path.name, f"schema-{path.stem}")
            node += paragraph(nodes.strong(schema.get("title", ""), schema.get("title", "")))
            node += paragraph(schema.get("description", ""))
            node += paragraph("$id: ", literal(schema.get("$id", "—")))
            block = nodes.literal_block(text, text, language="json")
            block["source"] = str(path)
            node += block
            output.append(node)
        if not output:
            logger.warning("schemas: no *.schema.json in %s", SCHEMAS, location=self.get_location())
        return output


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("lawgov-schemas", SchemasDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
