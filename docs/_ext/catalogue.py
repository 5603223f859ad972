"""The ``lawgov-catalogue`` directive: every installed dimension, its key tasks and indicators.

Generated at build time from ``lawgov_score.framework.default_framework()``, so the page always
shows what the installed plugins provide (like sqlfluff's rule list). A plugin that fails to
load is a build warning, and so a failed ``-W`` build, rather than a silently shorter page.
``{lawgov-catalogue} 2015-2020`` shows the framework of that outline; the default is 2021–2025.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from _nodes import literal, paragraph, section, table
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

DIRECTION = {1: "+", -1: "−", 0: "0"}

# Long indicator ids must wrap inside the table; written into _static when the HTML is done.
CSS = """
table.lawgov-catalogue code.literal, table.lawgov-catalogue span.pre { white-space: normal; overflow-wrap: anywhere; }
table.lawgov-catalogue td { font-size: 0.92em; }
table.lawgov-catalogue p.lawgov-description { color: #555; margin-top: 0.3em; }
"""
CSS_FILE = "lawgov-catalogue.css"


class CatalogueDirective(SphinxDirective):
    """Render the catalogue of the installed dimensions."""

    has_content = False
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        from lawgov_score.framework import default_framework
        from lawgov_score.plugin_guard import faults
        from lawgov_score.plugins import get_plugin_manager, load_dimensions, plugin_name_of

        self.env.note_reread()  # generated from installed code: never reuse a cached page
        pm = get_plugin_manager()
        framework = default_framework(pm, outline=self.arguments[0] if self.arguments else None)
        providers = {plugin.code: plugin_name_of(pm, plugin) for plugin in load_dimensions(pm)}
        shown = {d.code for d in framework.dimensions}
        providers = {code: name for code, name in providers.items() if code in shown}
        for fault in faults(pm):  # after the dimensions were asked for: their faults are known then
            logger.warning("catalogue: %s", fault.message, location=self.get_location())
        total = sum(d.weight for d in framework.dimensions) or 1.0
        output: list[nodes.Node] = [
            paragraph(
                f"Framework {framework.id} {framework.version}: {len(framework.dimensions)} dimensions, "
                f"{sum(len(d.indicators) for d in framework.dimensions)} indicators, "
                f"missing-data policy {framework.missing}."
            ),
            table(
                ("code", "title", "weight (share)", "indicators", "plugin"),
                [
                    (
                        _link(d.code),
                        f"{d.title_zh} — {d.title_en}" if d.title_en else d.title_zh,
                        f"{d.weight:g} ({d.weight / total:.1%})",
                        str(len(d.indicators)),
                        literal(providers.get(d.code, "?")),
                    )
                    for d in framework.dimensions
                ],
                (8, 60, 12, 10, 10),
            ),
        ]
        output.extend(self._dimension(d, providers.get(d.code, "?"), total) for d in framework.dimensions)
        return output

    def _dimension(self, d: Any, provider: str, total: float) -> nodes.section:
        title = f"{d.code} {d.title_zh}"
        node = section(self.state.document, title, _anchor(d.code))
        fields = nodes.field_list()
        for name, body in (
            ("English title", d.title_en or "—"),
            ("Weight", f"{d.weight:g} (share of the overall {d.weight / total:.1%})"),
            ("Provided by", literal(provider)),
            ("Terms", "、".join(d.terms) or "—"),
            ("Groups", "; ".join(f"{g.id} {g.name_zh} ({g.name_en}) weight {g.weight:g}" for g in d.groups) or "—"),
            ("Aggregation", d.aggregation),
        ):
            field = nodes.field()
            field += nodes.field_name(name, name)
            field_body = nodes.field_body()
            field_body += paragraph(body)
            field += field_body
            fields += field
        node += fields
        if d.key_tasks:
            node += nodes.rubric("Key tasks", "Key tasks")
            tasks = nodes.bullet_list()
            for task in d.key_tasks:
                item = nodes.list_item()
                english = f" ({task.title_en})" if task.title_en else ""
                item += paragraph(literal(task.id), f" {task.title_zh}{english}")
                if task.terms:
                    item += paragraph("Terms: " + "、".join(task.terms))
                tasks += item
            node += tasks
        node += nodes.rubric("Indicators", "Indicators")
        indicators = table(
            ("id", "name and description", "kind", "group", "unit", "dir.", "weight", "goalposts"),
            [
                (
                    literal(i.id),
                    _name_cell(i),
                    i.kind,
                    i.group or "—",
                    i.unit,
                    DIRECTION[i.direction],
                    f"{i.weight:g}",
                    _goalposts(i),
                )
                for i in d.indicators
            ],
            (20, 44, 8, 8, 4, 4, 5, 9),
        )
        indicators["classes"].append("lawgov-catalogue")
        node += indicators
        return node


def _name_cell(indicator: Any) -> nodes.entry:
    name = f"{indicator.name_zh} ({indicator.name_en})" if indicator.name_en else indicator.name_zh
    cell = nodes.entry()
    cell += paragraph(name)
    notes = [indicator.description]
    if indicator.source:
        notes.append(f"Source of the goalposts: {indicator.source}")
    if indicator.applies_to:
        notes.append(f"Applies to: {', '.join(indicator.applies_to)} — {indicator.applicability}")
    if indicator.missing_score is not None:
        notes.append(f"Not stated: scores {indicator.missing_score:g}.")
    for note in filter(None, notes):
        description = paragraph(note)
        description["classes"].append("lawgov-description")
        cell += description
    return cell


def _write_css(app: Sphinx, error: Exception | None) -> None:
    if error is None and app.builder.format == "html":
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        (static / CSS_FILE).write_text(CSS, encoding="utf-8")


def _anchor(code: str) -> str:
    return str(nodes.make_id(f"dimension-{code}"))


def _link(code: str) -> nodes.paragraph:
    """The dimension code, linking to its section below."""
    reference = nodes.reference("", "", literal(code), internal=True, refid=_anchor(code))
    return paragraph(reference)


def _goalposts(indicator: Any) -> str:
    from lawgov_score.model.framework import goalposts_of

    posts = goalposts_of(indicator)
    if posts is None:
        return "—"
    text = f"{posts[0]:g} – {posts[1]:g}" + (" (log)" if indicator.scale == "log" else "")
    return text if indicator.goalposts is not None else f"{text} (by kind)"


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("lawgov-catalogue", CatalogueDirective)
    app.add_css_file(CSS_FILE)
    app.connect("build-finished", _write_css)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
