"""The validity suite on a page: every case with what was measured, computed when the docs build.

Three directives, all run from ``tests/validity`` (the same machinery the tests use)::

    ```{lawgov-validity}
    ```                         every case: category, what it says, each relation and its measure

    ```{lawgov-extremes}
    ```                         the share of scored indicators at 0 and at 100, seed and suite reports

    ```{lawgov-seed-change}
    ```                         the seed's scores per dimension under the first methodology and now
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from _nodes import literal, paragraph, table
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

ROOT = Path(__file__).resolve().parents[2]
# The seed's scores under the first methodology (0.1.0, before the v2 rules), for the change table.
FIRST_METHODOLOGY = {"overall": 71.1, "D1": 45.8, "D2": 82.5, "D3": 66.7, "D4": 51.4, "D5": 92.9, "D6": 55.0,
                     "D7": 98.8, "D8": 100.0, "D9": 37.5, "D10": 80.8}


def _validity() -> Any:
    folder = str(ROOT / "tests" / "validity")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    import validity

    return validity


class ValidityDirective(SphinxDirective):
    """A table per category of the validity cases, each with its measured result."""

    def run(self) -> list[nodes.Node]:
        validity = _validity()
        for path in (ROOT / "tests" / "validity").rglob("*"):
            if path.suffix in (".toml", ".txt", ".py"):
                self.env.note_dependency(str(path))
        cases = validity.load_cases()
        out: list[nodes.Node] = []
        held = 0
        for category in validity.CATEGORIES:
            rows = []
            for case in (c for c in cases if c.category == category):
                outcome = validity.check(case)
                held += outcome.held
                found = "; ".join(f"{what}: {measured}" for what, measured, _ in outcome.results)
                rows.append([literal(case.id), case.says, found, "✓" if outcome.held else "✗"])
            out.append(paragraph(literal(category), f" — {len(rows)} case(s)"))
            out.append(table(["case", "what must hold", "measured", ""], rows, widths=[18, 36, 42, 4]))
        out.insert(0, paragraph(f"{held} of {len(cases)} cases hold in this build."))
        return out


class ExtremesDirective(SphinxDirective):
    """How many scored indicators sit at 0 or at 100, on the seed and the suite's reports."""

    def run(self) -> list[nodes.Node]:
        validity = _validity()
        reports = {"seed": validity.base_text("seed")}
        for path in sorted((ROOT / "tests" / "validity" / "reports").glob("*.txt")):
            reports[path.stem] = path.read_text(encoding="utf-8")
        rows = []
        for name, text in reports.items():
            assessment = validity.assess(text)
            scored = [i for d in assessment.dimensions for i in d.indicators
                      if i.status in ("scored", "missing") and i.kind != "adverse" and i.score is not None]
            zero = sum(i.score == 0 for i in scored)
            silent = sum(i.score == 0 and i.status == "missing" for i in scored)
            full = sum(i.score == 100 for i in scored)
            rows.append([name, str(len(scored)), f"{zero} ({zero / len(scored):.0%})",
                         f"{silent} ({silent / len(scored):.0%})", f"{full} ({full / len(scored):.0%})",
                         f"{assessment.overall:.1f}"])
        header = ["report", "scored indicators", "at 0", "of which not disclosed or stated", "at 100", "overall"]
        return [table(header, rows)]


class SeedChangeDirective(SphinxDirective):
    """The seed per dimension, first methodology against this one."""

    def run(self) -> list[nodes.Node]:
        validity = _validity()
        assessment = validity.assess(validity.base_text("seed"))
        now = {"overall": assessment.overall, **{d.code: d.score for d in assessment.dimensions}}
        rows = [[code, f"{FIRST_METHODOLOGY[code]:.1f}", f"{now[code] or 0:.1f}",
                 f"{(now[code] or 0) - FIRST_METHODOLOGY[code]:+.1f}"] for code in FIRST_METHODOLOGY]
        return [table(["", "first methodology", "now", "change"], rows)]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("lawgov-validity", ValidityDirective)
    app.add_directive("lawgov-extremes", ExtremesDirective)
    app.add_directive("lawgov-seed-change", SeedChangeDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
