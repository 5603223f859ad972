"""The ``lawgov-tests`` directive: the tests of a test file, each with the property it checks.

Read with :mod:`ast` from the file itself, so the list on the page is the list that runs::

    ```{lawgov-tests} tests/core/test_aggregate.py
    ```

Each test is shown with the first line of its docstring (or its name in words); a property test (decorated with
Hypothesis ``@given``) is marked as such.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from _nodes import literal, paragraph
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]


def _decorators(func: ast.FunctionDef) -> set[str]:
    names = set()
    for decorator in func.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        names.add(ast.unparse(target))
    return names


class PropertyListDirective(SphinxDirective):
    """Render a bullet list of the ``test_*`` functions of one file."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        path = ROOT / self.arguments[0]
        if not path.is_file():
            logger.warning("lawgov-tests: no file %s", self.arguments[0], location=self.get_location())
            return []
        self.env.note_dependency(str(path))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        items = nodes.bullet_list()
        for func in tree.body:
            if not (isinstance(func, ast.FunctionDef) and func.name.startswith("test_")):
                continue
            doc = (ast.get_docstring(func) or "").strip().splitlines()
            summary = doc[0] if doc else func.name.removeprefix("test_").replace("_", " ").capitalize() + "."
            kind = "property" if "given" in _decorators(func) else "example"
            item = nodes.list_item()
            item += paragraph(literal(func.name), f" ({kind}) — {summary}")
            items += item
        return [items]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("lawgov-tests", PropertyListDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
