"""Tiny dimension plugins for tests of the core: two well-behaved, one that crashes."""

from __future__ import annotations

from collections.abc import Sequence

from lawgov_score import hookimpl
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension, Indicator
from lawgov_score.model.observation import Observation
from lawgov_score.reading.model import Document

ALPHA = Dimension(
    code="X1",
    title_zh="甲维度",
    title_en="Alpha",
    indicators=[
        Indicator("x1.rate", "甲率", kind="metric", unit="%", goalposts=(0.5, 1.0)),
        Indicator("x1.count", "甲数", kind="metric", unit="件", goalposts=(0, 100), weight=3),
    ],
)
BETA = Dimension(
    code="X2",
    title_zh="乙维度",
    title_en="Beta",
    indicators=[
        Indicator("x2.loss_rate", "乙败诉率", kind="metric", unit="%", direction=-1, goalposts=(0, 0.2)),
        Indicator("x2.disputed", "乙纠错率", kind="metric", unit="%", direction=0, weight=0),
    ],
)
CRASHING = Dimension(code="X3", title_zh="丙维度", indicators=[Indicator("x3.value", "丙值", goalposts=(0, 1))])


class Alpha(DimensionPlugin):
    def definition(self) -> Dimension:
        return ALPHA


class Beta(DimensionPlugin):
    def definition(self) -> Dimension:
        return BETA


class Crashing(DimensionPlugin):
    def definition(self) -> Dimension:
        return CRASHING

    def assess(self, document: Document, dimension: Dimension) -> Sequence[Observation]:
        raise RuntimeError("division by zero in the test plugin")


class AlphaAgain(Alpha):
    """Declares X1 a second time: a duplicate code."""


class WellBehaved:
    @hookimpl
    def lawgov_score_register_dimensions(self) -> list[DimensionPlugin]:
        return [Alpha(), Beta()]


class WithCrash:
    @hookimpl
    def lawgov_score_register_dimensions(self) -> list[DimensionPlugin]:
        return [Crashing()]


class Duplicate:
    @hookimpl
    def lawgov_score_register_dimensions(self) -> list[DimensionPlugin]:
        return [AlphaAgain()]
