"""Ranking assessments by their overall score."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from attrs import frozen

from lawgov_score.model.observation import Unit


@frozen
class RankEntry:
    """A unit's place in a ranking; ties share the lowest rank, unscored units have none."""

    rank: int | None
    unit: str
    year: int | None
    overall: float | None


class Ranked(Protocol):
    """What ranking needs of a scored unit: an :class:`~lawgov_score.model.assessment.Assessment`,
    or the small summary a run over many reports keeps of each (:class:`lawgov_score.batch.Summary`)."""

    @property
    def unit(self) -> Unit: ...

    @property
    def overall(self) -> float | None: ...


def rank(assessments: Sequence[Ranked]) -> list[RankEntry]:
    """Rank by overall score, highest first; equal scores share the lowest rank (1, 2, 2, 4)."""
    ordered = sorted(assessments, key=lambda a: (a.overall is None, -(a.overall or 0.0), a.unit.name))
    entries: list[RankEntry] = []
    for position, assessment in enumerate(ordered, start=1):
        place: int | None = None
        if assessment.overall is not None:
            tied = entries[-1] if entries and entries[-1].overall == assessment.overall else None
            place = tied.rank if tied is not None else position
        entries.append(RankEntry(place, assessment.unit.name, assessment.unit.year, assessment.overall))
    return entries
