"""Small docutils node builders shared by the project's Sphinx extensions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from docutils import nodes

Cell: TypeAlias = str | nodes.Node  # an entry node is used as the cell itself


def paragraph(*parts: Cell) -> nodes.paragraph:
    """A paragraph of text and inline nodes."""
    para = nodes.paragraph()
    for part in parts:
        para += nodes.Text(part) if isinstance(part, str) else part
    return para


def literal(text: str) -> nodes.literal:
    """Inline code."""
    return nodes.literal(text, text)


def section(document: nodes.document, title: str, anchor: str) -> nodes.section:
    """A section with a stable id, registered so that it can be linked to."""
    node = nodes.section(ids=[nodes.make_id(anchor)], names=[nodes.fully_normalize_name(title)])
    node += nodes.title(title, title)
    document.note_implicit_target(node, node)
    return node


def table(header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[int] | None = None) -> nodes.table:
    """A table with a header row; a cell is a string or an inline node."""
    tbl = nodes.table(classes=["longtable"])
    if widths:
        tbl["classes"].append("colwidths-given")  # Sphinx writes the <colgroup> only then
    else:
        widths = [1] * len(header)
    group = nodes.tgroup(cols=len(header))
    tbl += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += _row(header)
    group += head
    body = nodes.tbody()
    for row in rows:
        body += _row(row)
    group += body
    return tbl


def _row(cells: Sequence[Cell]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        if isinstance(cell, nodes.entry):
            entry = cell
        elif isinstance(cell, nodes.paragraph):
            entry += cell
        elif cell != "":
            entry += paragraph(cell)
        row += entry
    return row
