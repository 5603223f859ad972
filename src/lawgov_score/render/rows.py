"""Assessments as rows of tables — the overview, the indicators, the evidence, the audit, the
warnings — for the CSV and Excel outputs (:mod:`lawgov_score.render.spreadsheet`).

Each ``*_rows`` function takes one assessment at a time, so a caller can write a row as soon as
its assessment is scored; only the overview's rank needs them all (it is passed in).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal

from attrs import field, frozen

from lawgov_score.model import tuple_of
from lawgov_score.model.assessment import Assessment
from lawgov_score.render import views
from lawgov_score.render.words import (
    WORDS,
    Lang,
    message_text,
    rule_text,
    status_name,
    task_grade_name,
)

Kind = Literal["text", "int", "score", "share", "number", "raw"]
"""How a column's numbers are shown: ``score`` 0–100 at one decimal, ``share`` a fraction as a
percentage, ``raw`` an indicator's value in its own unit (a rate as a percentage), ``number``
a plain number, ``int`` a whole number."""


@frozen
class Column:
    """A column: its machine name (the CSV header), its ``(zh, en)`` label and how to show it."""

    key: str
    label: tuple[str, str]
    kind: Kind = "text"


def column(key: str, kind: Kind = "text", label: tuple[str, str] | None = None) -> Column:
    return Column(key, label or WORDS[key], kind)


@frozen
class Raw:
    """An indicator's raw value with its unit of measure, so a rate shows as a percentage."""

    value: float | None
    unit: str

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"


@frozen
class Sheet:
    """A named table: the sheet of a workbook, or a CSV file."""

    name: tuple[str, str]
    columns: tuple[Column, ...] = field(converter=tuple_of)
    rows: tuple[tuple[Any, ...], ...] = field(converter=tuple_of)


def _unit_cells(a: Assessment) -> list[Any]:
    return [a.unit.name, a.unit.year]


# -- overview: one row per unit ------------------------------------------------------------------


def overview_columns(axes: Sequence[views.Axis]) -> list[Column]:
    dims = [Column(a.code, (f"{a.code} {a.zh}", f"{a.code} {a.en}" if a.en else ""), "score") for a in axes]
    return [column("rank", "int"), column("unit"), column("year", "int"), column("level"),
            column("overall", "score"), column("grade"), column("status"), *dims,
            column("framework"), column("source")]


@frozen
class OverviewEntry:
    """A unit's overview row before its rank and the workbook's dimension columns are known: what
    a run over many reports keeps of each (:mod:`lawgov_score.render.streams`)."""

    head: tuple[Any, ...]
    scores: dict[str, float | None]
    tail: tuple[Any, ...]

    def row(self, rank: int | None, axes: Sequence[views.Axis]) -> tuple[Any, ...]:
        return (rank, *self.head, *[self.scores.get(ax.code) for ax in axes], *self.tail)


def overview_entry(a: Assessment, lang: Lang) -> OverviewEntry:
    band = views.band(a.overall)
    grade = "" if band is None else band.zh if lang == "zh" else band.en
    p = a.provenance
    return OverviewEntry((*_unit_cells(a), a.unit.level, a.overall, grade, status_name(a.status, lang)),
                         {d.code: d.score for d in a.dimensions},
                         (f"{p.framework_id} {p.framework_version}", p.source or ""))


def overview_row(a: Assessment, rank: int | None, axes: Sequence[views.Axis], lang: Lang) -> tuple[Any, ...]:
    return overview_entry(a, lang).row(rank, axes)


# -- indicators: one row per unit × indicator (long) -------------------------------------------


INDICATOR_COLUMNS = (
    column("unit"), column("year", "int"), column("dimension"), column("dimension_name"), column("indicator"),
    column("indicator_name"), column("kind"), column("raw", "raw"), column("measure"), column("score", "score"),
    column("weight", "number"), column("effective_weight", "share"), column("contribution", "number"),
    column("status"), column("task_grade"), column("flags"), column("rule"),
)


def indicator_rows(a: Assessment, lang: Lang, only: str | None = None) -> Iterable[tuple[Any, ...]]:
    """A row per indicator (of dimension ``only``, when given)."""
    for d in a.dimensions:
        if only is not None and d.code != only:
            continue
        title = d.title_zh if lang == "zh" else d.title_en or d.title_zh
        for i in d.indicators:
            name = i.name_zh if lang == "zh" else i.name_en or i.name_zh
            yield (*_unit_cells(a), d.code, title, i.id, name, i.kind, Raw(i.raw, i.unit), i.unit, i.score,
                   i.weight, i.effective_weight, i.contribution, status_name(i.status, lang),
                   task_grade_name(i.grade, lang), " ".join(i.flags), rule_text(i.rule, i.rule_zh, lang))


# -- evidence, audit, warnings -------------------------------------------------------------------


EVIDENCE_COLUMNS = (
    column("unit"), column("year", "int"), column("dimension"), column("indicator"), column("indicator_name"),
    column("quote"), column("start", "int"), column("end", "int"), column("source"),
)


def evidence_rows(a: Assessment, lang: Lang, only: str | None = None) -> Iterable[tuple[Any, ...]]:
    for d in a.dimensions:
        if only is not None and d.code != only:
            continue
        for i in d.indicators:
            name = i.name_zh if lang == "zh" else i.name_en or i.name_zh
            for e in i.evidence:
                yield (*_unit_cells(a), d.code, i.id, name, e.quote, e.start, e.end, e.source or "")


AUDIT_COLUMNS = (
    column("unit"), column("year", "int"), column("dimension"), column("check"), column("result"), column("quote"),
    column("arithmetic"),
)
AUDIT_RESULTS = {"consistent": ("一致", "consistent"), "inconsistent": ("不一致", "inconsistent"),
                 "unverifiable": ("无法核验", "unverifiable")}


def audit_rows(a: Assessment, lang: Lang, only: str | None = None) -> Iterable[tuple[Any, ...]]:
    for f in a.audit:
        if only is not None and f.dimension != only:
            continue
        zh, en = AUDIT_RESULTS.get(f.status, (f.status, f.status))
        yield (*_unit_cells(a), f.dimension or "", f.check, zh if lang == "zh" else en, f.quote, f.arithmetic)


WARNING_COLUMNS = (
    column("unit"), column("year", "int"), column("code", label=("警告代码", "code")), column("dimension"),
    column("indicator"), column("message"),
)


def warning_rows(a: Assessment, lang: Lang, only: str | None = None) -> Iterable[tuple[Any, ...]]:
    for w in a.warnings:
        if only is not None and w.dimension not in (None, only):
            continue
        yield (*_unit_cells(a), w.code, w.dimension or "", w.indicator or "",
               message_text(w.message, w.message_zh, lang))
    for f in a.failures:
        yield (*_unit_cells(a), "dimension.failed", f.dimension, "", f"{f.plugin}: {f.error}: {f.message}")
