"""The interface a dimension plugin implements.

A plugin module subclasses :class:`DimensionPlugin` and returns instances from the
``lawgov_score_register_dimensions`` hook::

    from lawgov_score import hookimpl
    from lawgov_score.dimension import DimensionPlugin

    class Transparency(DimensionPlugin):
        def definition(self) -> Dimension:
            return Dimension(code="X1", title_zh="政务公开", indicators=(...))

    @hookimpl
    def lawgov_score_register_dimensions():
        return [Transparency()]

A dimension that reads reports the way the built-in ten do subclasses
:class:`lawgov_score.assess.ReportDimension` instead and declares its content as data.
Scoring (normalising, weighting, aggregating) is the core's, the same for every dimension: a
plugin says what the report shows, never how that is scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from attrs import field, frozen

from lawgov_score.model import tuple_of
from lawgov_score.model.framework import Dimension
from lawgov_score.model.observation import Observation

if TYPE_CHECKING:
    from lawgov_score.reading.model import Document


@frozen
class ReportContext:
    """What the core knows about a report beyond its text, for a plugin that wants it.

    :param dimensions: every dimension of the framework in force (so that one statement is
        attributed to one dimension, not to each whose term it holds).
    :param level: the unit's level (``county`` …) or ``None`` when unknown.
    """

    dimensions: tuple[Dimension, ...] = field(default=(), converter=tuple_of)
    level: str | None = None


class DimensionPlugin:
    """One dimension of the framework: what it measures and how it reads a report."""

    def definition(self) -> Dimension:
        """Return the dimension's default definition: code, titles, weight, key tasks, indicators."""
        raise NotImplementedError

    @property
    def code(self) -> str:
        """The dimension code this plugin provides (``D7``)."""
        return self.definition().code

    def assess(self, document: Document, dimension: Dimension) -> Sequence[Observation]:
        """Read a report and return an observation for each indicator of ``dimension`` it can judge.

        ``dimension`` is the definition in force (a framework file may have re-weighted or
        dropped indicators of :meth:`definition`). The core calls this inside its own ``try``:
        an exception becomes a recorded failure of this dimension, not a crash.
        """
        return ()

    def assess_report(self, document: Document, dimension: Dimension, context: ReportContext) -> Sequence[Observation]:
        """:meth:`assess` with what the core knows about the report (the default ignores it)."""
        return self.assess(document, dimension)
