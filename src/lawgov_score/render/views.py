"""What the HTML and Markdown reports show, computed once for both: bands, axes, unit rows, changes.

Assessments (from reports or a table) and a panel engine's result are both turned into
:class:`UnitScores`, so the ranking, heat map, small multiples and year-on-year comparison are
written once whatever produced the scores.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Any, Literal

from attrs import evolve, field, frozen

from lawgov_score.model import tuple_of
from lawgov_score.model.assessment import Assessment

PASS_LINE = 60.0
"""The customary pass line: 60% of the maximum (CUPL's city evaluation, most provincial systems)."""

# (lower bound, zh, en): the customary five grades of Chinese evaluations.
BANDS = (
    (90.0, "优秀", "excellent"),
    (80.0, "良好", "good"),
    (70.0, "中等", "fair"),
    (60.0, "合格", "pass"),
    (-math.inf, "不合格", "below the pass line"),
)

# Short axis labels of the national outline's ten parts; other frameworks fall back to their titles.
SHORT_LABELS = {
    "D1": ("思想引领", "Guiding thought"),
    "D2": ("政府职能", "Functions"),
    "D3": ("制度体系", "Rules"),
    "D4": ("行政决策", "Decisions"),
    "D5": ("行政执法", "Enforcement"),
    "D6": ("突发事件", "Emergencies"),
    "D7": ("矛盾纠纷", "Disputes"),
    "D8": ("权力监督", "Oversight"),
    "D9": ("数字法治", "Digital government"),
    "D10": ("党的领导", "Party leadership"),
}

# A change smaller than this does not show at one decimal: it is "unchanged".
EPSILON = 0.05

Direction = Literal["up", "down", "same", "new", "gone", "none"]
ARROWS: Mapping[str, str] = {"up": "▲", "down": "▼", "same": "＝", "new": "＋", "gone": "－", "none": "–"}
WORDS: Mapping[str, str] = {
    "up": "up",
    "down": "down",
    "same": "unchanged",
    "new": "newly scored",
    "gone": "no longer scored",
    "none": "not scored",
}


@frozen
class Band:
    """A grade of an overall score: 优秀 … 不合格, and whether it reaches the pass line."""

    zh: str
    en: str
    passed: bool
    slug: str


def band(score: float | None) -> Band | None:
    """The grade of a 0–100 score, ``None`` without a score."""
    if score is None:
        return None
    for low, zh, en in BANDS:
        if score >= low:
            return Band(zh, en, score >= PASS_LINE, en.split()[0])
    raise AssertionError("unreachable: the last band has no lower bound")


@frozen
class Axis:
    """One dimension as a chart axis: code, short labels and full titles."""

    code: str
    zh: str
    en: str
    title_zh: str = ""
    title_en: str = ""


def axis(code: str, title_zh: str = "", title_en: str = "") -> Axis:
    """An axis with the short labels of the national outline, or the titles clipped."""
    short = SHORT_LABELS.get(code)
    if short and (not title_zh or short[0][:2] in title_zh or short[0][2:] in title_zh):
        return Axis(code, short[0], short[1], title_zh, title_en)
    return Axis(code, clip(title_zh or code, 8), clip(title_en, 18), title_zh, title_en)


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, with an ellipsis when cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def axes_of(assessments: Iterable[Assessment]) -> list[Axis]:
    """The dimensions of all assessments, in order of first appearance."""
    seen: dict[str, Axis] = {}
    for a in assessments:
        for d in a.dimensions:
            if d.code not in seen:
                seen[d.code] = axis(d.code, d.title_zh, d.title_en)
    return list(seen.values())


@frozen
class IndicatorValue:
    """One indicator of one unit, as far as a comparison needs it."""

    id: str
    name: str
    dimension: str
    raw: float | None
    unit: str
    score: float | None


@frozen
class UnitScores:
    """One unit (in one year): overall, dimension and indicator scores, rank and rank interval.

    ``interval`` is the 5th–95th percentile of the rank under the uncertainty analysis, and
    ``median_rank`` its median, when one ran.
    """

    key: str
    name: str
    year: int | None
    overall: float | None
    dims: Mapping[str, float | None]
    indicators: tuple[IndicatorValue, ...] = field(default=(), converter=tuple_of)
    status: str = ""
    rank: int | None = None
    interval: tuple[int, int] | None = None
    median_rank: float | None = None

    @property
    def label(self) -> str:
        """Name and year, as a heading shows them."""
        return f"{self.name} {self.year}" if self.year is not None else self.name


def unit_scores(assessment: Assessment, key: str) -> UnitScores:
    """The scores of one assessment."""
    indicators = [
        IndicatorValue(i.id, i.name_zh, d.code, i.raw, i.unit, i.score)
        for d in assessment.dimensions
        for i in d.indicators
    ]
    return UnitScores(
        key=key,
        name=assessment.unit.name,
        year=assessment.unit.year,
        overall=assessment.overall,
        dims={d.code: d.score for d in assessment.dimensions},
        indicators=indicators,
        status=assessment.status,
    )


def finite(value: Any) -> float | None:
    """A float, or ``None`` for missing, NaN and infinities."""
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def attach_ranks(
    units: Sequence[UnitScores],
    ranks: Mapping[tuple[str, int | None], int | None],
    uncertainty: Any | None = None,
) -> list[UnitScores]:
    """Units with their rank, and rank intervals from a duck-typed uncertainty result.

    ``uncertainty`` needs ``units``, ``years``, ``median_rank``, ``rank_p05`` and ``rank_p95``
    (:class:`lawgov_score.panel.monte_carlo.UncertaintyResult`); its units are matched by code or name.
    """
    intervals: dict[tuple[str, int | None], tuple[tuple[int, int] | None, float | None]] = {}
    if uncertainty is not None:
        for i, (unit, year) in enumerate(zip(uncertainty.units, uncertainty.years)):
            low, high = finite(uncertainty.rank_p05[i]), finite(uncertainty.rank_p95[i])
            interval = (int(low), int(high)) if low is not None and high is not None else None
            intervals[(str(unit), year)] = (interval, finite(uncertainty.median_rank[i]))
    out = []
    for u in units:
        interval, median = intervals.get((u.key, u.year)) or intervals.get((u.name, u.year)) or (None, None)
        rank = ranks.get((u.key, u.year), ranks.get((u.name, u.year)))
        out.append(evolve(u, rank=rank, interval=interval, median_rank=median))
    return out


def ranked(units: Sequence[UnitScores]) -> list[UnitScores]:
    """Units in ranking order: by rank, then by score, unscored last."""
    return sorted(
        units,
        key=lambda u: (u.rank is None, u.rank or 0, u.overall is None, -(u.overall or 0.0), u.name, u.year or 0),
    )


@frozen
class Change:
    """How one score moved between two years: before, after, and the word for it."""

    code: str
    label: str
    before: float | None
    after: float | None
    raw_before: float | None = None
    raw_after: float | None = None
    unit: str = ""

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def direction(self) -> Direction:
        if self.before is None and self.after is None:
            return "none"
        if self.before is None:
            return "new"
        if self.after is None:
            return "gone"
        delta = self.after - self.before
        return "up" if delta >= EPSILON else "down" if delta <= -EPSILON else "same"

    @property
    def arrow(self) -> str:
        return ARROWS[self.direction]

    @property
    def word(self) -> str:
        return WORDS[self.direction]

    @property
    def moved(self) -> bool:
        """The score or the raw value changed."""
        raw_moved = self.raw_before != self.raw_after
        return self.direction not in ("same", "none") or raw_moved


@frozen
class Comparison:
    """Two years of the same unit side by side."""

    name: str
    before: UnitScores
    after: UnitScores
    overall: Change
    dimensions: tuple[Change, ...] = field(converter=tuple_of)
    indicators: tuple[Change, ...] = field(converter=tuple_of)
    """The indicators that moved, largest score change first."""

    @property
    def ups(self) -> list[Change]:
        return [c for c in self.dimensions if c.direction == "up"]

    @property
    def downs(self) -> list[Change]:
        return [c for c in self.dimensions if c.direction == "down"]


def compare(before: UnitScores, after: UnitScores, axes: Sequence[Axis]) -> Comparison:
    """Per dimension and per indicator, what went up, what went down, what moved."""
    dims = [Change(a.code, f"{a.code} {a.zh}", before.dims.get(a.code), after.dims.get(a.code)) for a in axes]
    old = {i.id: i for i in before.indicators}
    new = {i.id: i for i in after.indicators}
    moved = []
    for ind_id in dict.fromkeys([*old, *new]):
        b, n = old.get(ind_id), new.get(ind_id)
        ref = n or b
        assert ref is not None
        change = Change(
            ind_id,
            ref.name,
            b.score if b else None,
            n.score if n else None,
            b.raw if b else None,
            n.raw if n else None,
            ref.unit,
        )
        if change.moved:
            moved.append(change)
    moved.sort(key=lambda c: (-(abs(c.delta) if c.delta is not None else -1.0), c.code))
    overall = Change("overall", "overall 总分", before.overall, after.overall)
    return Comparison(after.name, before, after, overall, dims, moved)


def comparisons(units: Sequence[UnitScores], axes: Sequence[Axis]) -> list[Comparison]:
    """Every unit present in two or more years: each year against the one before."""
    by_name: dict[str, list[UnitScores]] = {}
    for u in units:
        if u.year is not None:
            by_name.setdefault(u.name, []).append(u)
    out = []
    for name in sorted(by_name):
        years = sorted(by_name[name], key=lambda u: u.year or 0)
        for before, after in pairwise(years):
            if before.year != after.year:
                out.append(compare(before, after, axes))
    return out


def format_raw(value: float | None, unit: str) -> str:
    """A raw value as a report writes it: rates in percent, money with thousands separators."""
    if value is None:
        return "—"
    if unit == "%":
        return f"{value * 100:.4g}%"
    if unit == "元" and abs(value) >= 10000:
        return f"{value:,.0f} 元"
    text = f"{value:,.0f}" if float(value).is_integer() and abs(value) >= 10000 else f"{value:.6g}"
    return f"{text} {unit}".strip()


def format_score(value: float | None) -> str:
    """A score at one decimal, an em dash when there is none."""
    return "—" if value is None else f"{value:.1f}"


def format_delta(value: float | None) -> str:
    """A signed change at one decimal (with a real minus sign)."""
    if value is None:
        return "—"
    return f"{value:+.1f}".replace("-", "−")


def format_share(value: float | None) -> str:
    """A share (0–1) in percent."""
    return "—" if value is None else f"{value:.1%}"
