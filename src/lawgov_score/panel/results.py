"""The result of a pipeline run, and its JSON, CSV and pandas forms."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from typing import IO, Any

import numpy as np
from attrs import field, frozen

from lawgov_score.output_text import csv_text
from lawgov_score.panel.ranking import rank_scores
from lawgov_score.panel.types import FloatArray, parent_tuple, str_tuple, year_tuple
from lawgov_score.writing import write_file


def json_number(value: float) -> float | None:
    """A float for JSON: NaN and infinities become ``None``."""
    value = float(value)
    return value if math.isfinite(value) else None


def json_rank(value: float) -> int | None:
    """A rank for JSON: an int, or ``None`` when the unit has no score."""
    return int(value) if math.isfinite(value) else None


def require_pandas() -> Any:
    """Import pandas, or explain how to install it.

    :raises ImportError: pandas is not installed.
    """
    try:
        import pandas  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise ImportError(
            "DataFrames need pandas, which is optional: pip install 'lawgov-score[pandas]'"
        ) from None
    return pandas


@frozen(eq=False)
class PanelResult:
    """Scores and ranks of every unit at every node, with effective weights and contributions.

    :param units: unit code per row.
    :param years: year per row.
    :param codes: node codes, indicators first then aggregates bottom-up (the last is the index).
    :param parents: parent code of each node.
    :param n_indicators: number of indicator nodes at the start of ``codes``.
    :param scores: units × nodes; indicator columns hold normalised values.
    :param ranks: units × nodes, 1 is best, ties share the lowest rank; the columns of nodes
        not in ``ranked`` are not used (NaN).
    :param effective_weights: each node's share of the index.
    :param contribution_codes: the index's children.
    :param contributions: units × index children: each child's part of the index score.
    :param dropped: units removed by screening.
    :param treatments: ``(indicator, action, points)`` of the outlier treatment.
    :param spec: the pipeline spec that produced this result.
    :param ranked: the nodes whose ranks were computed with the scores (``None``: all); the
        others are ranked when asked for (:meth:`rank`, and every output form).
    """

    units: tuple[str, ...] = field(converter=str_tuple)
    years: tuple[int | None, ...] = field(converter=year_tuple)
    codes: tuple[str, ...] = field(converter=str_tuple)
    parents: tuple[str | None, ...] = field(converter=parent_tuple)
    n_indicators: int
    scores: FloatArray
    ranks: FloatArray
    effective_weights: Mapping[str, float]
    contribution_codes: tuple[str, ...]
    contributions: FloatArray
    dropped: tuple[str, ...] = ()
    treatments: tuple[tuple[str, str, int], ...] = ()
    spec: Mapping[str, Any] = field(factory=dict)
    ranked: tuple[str, ...] | None = None

    @property
    def index(self) -> str:
        """Code of the index (the root)."""
        return self.codes[-1]

    @property
    def aggregates(self) -> tuple[str, ...]:
        """Aggregate codes, bottom-up."""
        return self.codes[self.n_indicators :]

    def score(self, code: str) -> FloatArray:
        """Scores of node ``code``, one per unit."""
        return np.asarray(self.scores[:, self.codes.index(code)])

    def rank(self, code: str) -> FloatArray:
        """Ranks at node ``code``, one per unit (within each year)."""
        j = self.codes.index(code)
        if self.ranked is None or code in self.ranked:
            return np.asarray(self.ranks[:, j])
        return self._rank_columns([j])[:, 0]

    def all_ranks(self) -> FloatArray:
        """Ranks at every node, units × nodes (those not ranked with the scores ranked now)."""
        if self.ranked is None:
            return self.ranks
        todo = [j for j, code in enumerate(self.codes) if code not in self.ranked]
        out = np.array(self.ranks, copy=True)
        if todo:
            out[:, todo] = self._rank_columns(todo)
        return out

    def _rank_columns(self, columns: Sequence[int]) -> FloatArray:
        # ranks are within a year, as run_pipeline gives them
        out = np.empty((len(self.units), len(columns)))
        years = np.array([-1 if y is None else y for y in self.years])
        for year in dict.fromkeys(years.tolist()):
            rows = years == year
            out[rows] = rank_scores(self.scores[np.ix_(rows, columns)])
        return out

    def row(self, unit: str, year: int | None = None) -> int:
        """Row of ``unit`` (in ``year`` if given), or :class:`KeyError`."""
        for i, (u, y) in enumerate(zip(self.units, self.years, strict=True)):
            if u == unit and (year is None or y == year):
                return i
        raise KeyError(unit)

    @classmethod
    def concatenate(cls, parts: Sequence[PanelResult]) -> PanelResult:
        """Stack results of the same tree for different years (ranks stay within each year)."""
        first = parts[0]
        return cls(
            units=[u for p in parts for u in p.units],
            years=[y for p in parts for y in p.years],
            codes=first.codes, parents=first.parents, n_indicators=first.n_indicators,
            scores=np.vstack([p.scores for p in parts]), ranks=np.vstack([p.ranks for p in parts]),
            ranked=first.ranked,
            effective_weights=first.effective_weights, contribution_codes=first.contribution_codes,
            contributions=np.vstack([p.contributions for p in parts]),
            dropped=tuple(u for p in parts for u in p.dropped),
            treatments=tuple(t for p in parts for t in p.treatments), spec=first.spec,
        )

    # -- output --------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The result as a JSON-ready document valid against ``panel-result.schema.json``."""
        nodes = [
            {"code": code, "parent": parent, "indicator": i < self.n_indicators,
             "effective_weight": json_number(self.effective_weights[code])}
            for i, (code, parent) in enumerate(zip(self.codes, self.parents, strict=True))
        ]
        units = []
        ranks = self.all_ranks()
        for i, unit in enumerate(self.units):
            units.append({
                "unit": unit,
                "year": self.years[i],
                "scores": {c: json_number(self.scores[i, j]) for j, c in enumerate(self.codes)},
                "ranks": {c: json_rank(ranks[i, j]) for j, c in enumerate(self.codes)},
                "contributions": {c: json_number(self.contributions[i, j])
                                  for j, c in enumerate(self.contribution_codes)},
            })
        return {
            "kind": "panel-result",
            "index": self.index,
            "nodes": nodes,
            "units": units,
            "dropped": list(self.dropped),
            "treatments": [{"indicator": c, "action": a, "points": n} for c, a, n in self.treatments],
            "pipeline": dict(self.spec),
        }

    def top_down(self) -> list[str]:
        """Node codes level by level from the index down (breadth first, siblings in order)."""
        order, queue = [], [self.index]
        while queue:
            code = queue.pop(0)
            order.append(code)
            queue += [c for c, p in zip(self.codes, self.parents, strict=True) if p == code]
        return order

    def table(self) -> tuple[list[str], list[list[Any]]]:
        """Header and rows: unit, year, then each node's score and rank, from the index down."""
        order = self.top_down()
        header = ["unit", "year"]
        for code in order:
            header += [code, f"{code}.rank"]
        header += [f"{c}.contribution" for c in self.contribution_codes]
        rows = []
        ranks = self.all_ranks()
        columns = [self.codes.index(code) for code in order]
        for i, unit in enumerate(self.units):
            row: list[Any] = [unit, "" if self.years[i] is None else self.years[i]]
            for j in columns:
                row += [_cell(self.scores[i, j]), _cell(ranks[i, j], rank=True)]
            row += [_cell(v) for v in self.contributions[i]]
            rows.append(row)
        return header, rows

    def to_csv(self, target: str | os.PathLike[str] | IO[str] | None = None) -> str:
        """Write (and return) the result as CSV: one row per unit, see :meth:`table`.

        :param target: a path (written whole or not at all, see :func:`lawgov_score.writing.write_file`),
            an open text stream, or ``None``.
        :returns: the CSV text.
        """
        text = csv_text(*self.table())
        if isinstance(target, (str, os.PathLike)):
            write_file(target, text)
        elif target is not None:
            target.write(text)
        return text

    def to_frames(self) -> dict[str, Any]:
        """pandas DataFrames ``scores``, ``ranks``, ``contributions`` (index: unit, year) and ``weights``.

        :raises ImportError: pandas is not installed.
        """
        pd = require_pandas()
        index = pd.MultiIndex.from_arrays([list(self.units), list(self.years)], names=["unit", "year"])
        return {
            "scores": pd.DataFrame(self.scores, index=index, columns=list(self.codes)),
            "ranks": pd.DataFrame(self.all_ranks(), index=index, columns=list(self.codes)),
            "contributions": pd.DataFrame(self.contributions, index=index, columns=list(self.contribution_codes)),
            "weights": pd.DataFrame({"parent": list(self.parents),
                                     "effective_weight": [self.effective_weights[c] for c in self.codes]},
                                    index=pd.Index(list(self.codes), name="code")),
        }


def _cell(value: float, rank: bool = False) -> str:
    if not math.isfinite(value):
        return ""
    return str(int(value)) if rank else repr(float(value))
