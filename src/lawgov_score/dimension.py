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
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from lawgov_score.aggregate import MissingPolicy
from lawgov_score.dimension_scoring import score_dimension
from lawgov_score.model.assessment import DimensionScore
from lawgov_score.model.framework import Dimension
from lawgov_score.model.observation import Observation

if TYPE_CHECKING:
    from lawgov_score.reading.model import Document


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

    def score(
        self, dimension: Dimension, observations: Mapping[str, Observation], missing: MissingPolicy
    ) -> DimensionScore:
        """Score ``dimension`` from observations keyed by indicator id.

        The default normalises each value against its indicator's goalposts and takes the
        weighted mean; override it only for a dimension that aggregates differently.
        """
        return score_dimension(dimension, observations, missing)
