"""Many assessments together: a list that ranks itself, turns into a DataFrame and shows its
ranking in a notebook."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lawgov_score.model.assessment import Assessment


class Assessments(list[Assessment]):
    """A list of assessments (``Assessments(score_table(...)[0])``) with what a notebook needs."""

    def __init__(self, items: Iterable[Assessment] = ()) -> None:
        super().__init__(items)

    def ranking(self) -> list[Any]:
        """The ranking by overall score (:func:`lawgov_score.scoring.rank`)."""
        from lawgov_score.scoring import rank

        return rank(self)

    def to_frame(self, level: str = "dimension") -> Any:
        """A pandas DataFrame (:func:`lawgov_score.to_frame`)."""
        from lawgov_score.render.frames import to_frame

        return to_frame(self, level)  # type: ignore[arg-type]

    def to_json(self, indent: int | None = 2) -> str:
        """The collection as ``score --format json`` writes it: the assessments and their ranking."""
        from lawgov_score.render.assessments import to_json

        return to_json(self, self.ranking())

    def __repr__(self) -> str:
        return f"<Assessments: {len(self)} units>"

    def _repr_html_(self) -> str:
        from lawgov_score.render.notebook import collection_html

        return collection_html(self)
