"""A public-satisfaction dimension (S1), scored from survey values or from a report's own figures.

CUPL's city index gives public satisfaction 200 of 1000 points; the national outline has no
such part, so it comes as a plugin that an evaluator installs when their system has it.
"""

from __future__ import annotations

from collections.abc import Sequence

from lawgov_score import hookimpl
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension, Indicator
from lawgov_score.model.observation import Evidence, Observation
from lawgov_score.reading.model import Document

SATISFACTION = Dimension(
    code="S1",
    title_zh="群众满意度",
    title_en="Public satisfaction",
    weight=1.0,
    terms=("满意度", "满意率", "群众评价"),
    indicators=(
        Indicator(
            id="s1.survey_satisfaction",
            name_zh="法治政府建设群众满意度",
            name_en="satisfaction with law-based government (survey)",
            kind="metric",
            unit="%",
            goalposts=(0.6, 1.0),
            description="Share of respondents satisfied; 60% (the customary pass line) scores 0.",
        ),
    ),
)


class SatisfactionDimension(DimensionPlugin):
    """S1: the survey figure when given as an observation, or a 满意度/满意率 rate in the report."""

    def definition(self) -> Dimension:
        return SATISFACTION

    def assess(self, document: Document, dimension: Dimension) -> Sequence[Observation]:
        for fact in document.facts:
            if fact.kind == "rate" and any(term in fact.subject or term in fact.quote for term in SATISFACTION.terms):
                evidence = Evidence(fact.quote, fact.start, fact.end, document.source)
                rule = "the first rate whose subject names 满意度/满意率"
                return [Observation("s1.survey_satisfaction", fact.value, evidence=[evidence], rule=rule)]
        return []


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [SatisfactionDimension()]
