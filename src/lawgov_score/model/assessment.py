"""The result of scoring one unit: overall, dimension and indicator scores with their evidence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from attrs import field, frozen

from lawgov_score.model import tuple_of
from lawgov_score.model.observation import Evidence, Unit

IndicatorStatus = Literal["scored", "missing", "unscored", "not_applicable"]
DimensionStatus = Literal["scored", "partial", "no_evidence", "failed"]
AssessmentStatus = Literal["complete", "partial", "incomplete"]
AuditStatus = Literal["consistent", "inconsistent", "unverifiable"]


@frozen
class ScoreWarning:
    """Something a reader of the scores must know, as data: a code to filter on, where it applies,
    and the message in English and Chinese.

    ``code`` is dotted and stable (``indicator.missing``, ``credibility.term_list``,
    ``outline.year_outside``); the docs list every code.
    """

    code: str
    message: str
    message_zh: str = ""
    dimension: str | None = None
    indicator: str | None = None

    def __str__(self) -> str:
        where = self.indicator or self.dimension
        return f"{where}: {self.message}" if where else self.message


@frozen
class IndicatorScore:
    """One indicator of one unit: raw value, 0–100 score, weight and how they were obtained.

    ``weight`` is the declared weight; ``effective_weight`` the share of the overall score it
    carried after normalising weights at each level and dropping missing siblings;
    ``contribution`` = ``effective_weight × score``, so contributions add up to the overall.
    ``rule`` says in one plain sentence what was found and why it scores what it scores
    (``rule_zh`` the same in Chinese); ``formula`` the arithmetic. An ``adverse`` indicator is
    not averaged: its ``score`` is the points it deducts from its dimension (≤ 0).
    ``flags`` name doubts about the value (``inconsistent``: its own arithmetic fails;
    ``implausible``: outside what is possible; ``discounted``: credited less; ``conflicting``:
    stated with another value too, the worst taken).
    """

    id: str
    name_zh: str
    kind: str
    unit: str
    direction: int
    raw: float | None
    score: float | None
    weight: float
    effective_weight: float
    contribution: float | None
    status: IndicatorStatus
    rule: str = ""
    evidence: tuple[Evidence, ...] = field(default=(), converter=tuple_of)
    rule_zh: str = ""
    formula: str = ""
    group: str = ""
    grade: str | None = None
    flags: tuple[str, ...] = field(default=(), converter=tuple_of)
    name_en: str = ""


@frozen
class GroupScore:
    """A block of a dimension's indicators (its tasks, data, outcomes …) and its aggregate."""

    id: str
    name_zh: str
    name_en: str
    weight: float
    effective_weight: float
    score: float | None


@frozen(repr=False)
class DimensionScore:
    """One dimension of one unit. ``coverage`` is the share of its indicator weight that had data.

    ``score`` = ``base`` (the aggregate of its indicators and groups) minus ``deduction`` (the
    points its adverse evidence takes off), within 0–100.
    """

    code: str
    title_zh: str
    title_en: str
    weight: float
    effective_weight: float
    score: float | None
    status: DimensionStatus
    coverage: float
    indicators: tuple[IndicatorScore, ...] = field(default=(), converter=tuple_of)
    notes: tuple[ScoreWarning, ...] = field(default=(), converter=tuple_of)
    groups: tuple[GroupScore, ...] = field(default=(), converter=tuple_of)
    base: float | None = None
    deduction: float = 0.0

    def __repr__(self) -> str:
        score = "—" if self.score is None else f"{self.score:.1f}"
        return (f"<DimensionScore {self.code} {self.title_zh[:12]}: {score} ({self.status}), "
                f"{len(self.indicators)} indicators>")


@frozen
class Failure:
    """A dimension whose plugin raised while scoring: recorded, never silently re-weighted."""

    dimension: str
    plugin: str
    error: str
    message: str


@frozen
class AuditFinding:
    """A consistency check the report lets us recompute, with the arithmetic shown."""

    check: str
    status: AuditStatus
    quote: str
    arithmetic: str
    start: int | None = None
    end: int | None = None
    dimension: str | None = None


@frozen
class PluginVersion:
    """A plugin that took part in an assessment, and the dimensions of the framework it provided."""

    name: str
    version: str
    dimensions: tuple[str, ...] = field(default=(), converter=tuple_of)


@frozen
class Provenance:
    """What produced an assessment, so that it can be reproduced."""

    library_version: str
    framework_id: str
    framework_version: str
    input_sha256: str
    plugins: tuple[PluginVersion, ...] = field(default=(), converter=tuple_of)
    source: str | None = None
    outline: str = ""
    """The national outline the report was judged by (``2021-2025``, ``2015-2020``), when one."""
    framework_reason: str = ""
    """Why this framework: chosen by the year reported on, pinned by the user, or the default."""
    level_reason: str = ""
    """Where the unit's level comes from: read from the issuer, or given."""
    framework_sha256: str = ""
    """SHA-256 of the framework in force (:func:`lawgov_score.framework.framework_digest`): a run
    resumed into a file of assessments re-scores the ones whose framework has changed."""


@frozen(repr=False)
class Assessment:
    """The scored assessment of one unit under one framework.

    ``overall`` is ``None`` when it cannot be stated honestly: a dimension failed, or the
    framework's missing-data policy is ``fail`` and data are missing (``status`` says which).

    :meth:`to_dict` and :meth:`to_json` give the JSON of ``schemas/assessment.schema.json``,
    :meth:`from_dict` reads it back; ``repr`` is one line, and a notebook shows the radar and the
    dimension table (``_repr_html_``).
    """

    unit: Unit
    overall: float | None
    status: AssessmentStatus
    missing_policy: str
    dimensions: tuple[DimensionScore, ...] = field(converter=tuple_of)
    provenance: Provenance
    metrics: dict[str, float] = field(factory=dict)
    audit: tuple[AuditFinding, ...] = field(default=(), converter=tuple_of)
    warnings: tuple[ScoreWarning, ...] = field(default=(), converter=tuple_of)
    failures: tuple[Failure, ...] = field(default=(), converter=tuple_of)

    def dimension(self, code: str) -> DimensionScore:
        """The score of dimension ``code``, or :class:`KeyError`."""
        for dimension in self.dimensions:
            if dimension.code == code:
                return dimension
        raise KeyError(code)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``schemas/assessment.schema.json``)."""
        from lawgov_score.model.serialise import to_dict

        data: dict[str, Any] = to_dict(self)
        return data

    def to_json(self, indent: int | None = 2) -> str:
        """The assessment as JSON text (no NaN: a missing score is ``null``)."""
        from lawgov_score.output_text import json_text

        return json_text(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, validate: bool = True) -> Assessment:
        """Read back what :meth:`to_dict` wrote (checked against the schema unless ``validate`` is false).

        :raises ValidationErrors: ``data`` is not a valid assessment, every error with its JSON path.
        """
        from lawgov_score.model.serialise import from_dict

        if validate:
            from lawgov_score.schemas import validate as check

            check(dict(data), "assessment", "<assessment>")
        return from_dict(cls, data)

    def __repr__(self) -> str:
        overall = "—" if self.overall is None else f"{self.overall:.1f}"
        year = f" {self.unit.year}" if self.unit.year is not None else ""
        return (f"<Assessment {self.unit.name}{year}: overall {overall} ({self.status}), "
                f"{len(self.dimensions)} dimensions, {len(self.warnings)} warnings, "
                f"framework {self.provenance.framework_id}>")

    def _repr_html_(self) -> str:
        from lawgov_score.render.notebook import assessment_html

        return assessment_html(self)
