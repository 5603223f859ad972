"""Rendering assessments and rankings for people (tables, Markdown, HTML) and programs (JSON, CSV)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lawgov_score.model.assessment import Assessment, DimensionScore
from lawgov_score.model.serialise import to_dict
from lawgov_score.output_text import csv_text, json_text
from lawgov_score.render.text_table import clip, render_table
from lawgov_score.render.views import axis
from lawgov_score.schemas import validate
from lawgov_score.scoring import RankEntry

if TYPE_CHECKING:
    from lawgov_score.reading.model import Document

FORMATS = ("table", "json", "csv", "md", "html")


def render(
    assessments: Sequence[Assessment],
    ranking: Sequence[RankEntry],
    fmt: str,
    explain: str | None = None,
    documents: Sequence[Document | None] | None = None,
) -> str:
    """Render in one of :data:`FORMATS`; ``explain`` (a dimension code) adds its indicator detail.

    ``documents`` (one per assessment, when scored from reports) let the HTML page show each
    report's text with the evidence marked.
    """
    if fmt == "html":
        from lawgov_score.render.html import render_html

        docs = list(documents) if documents is not None else [None] * len(assessments)
        return render_html(list(zip(assessments, docs)), ranking)
    if fmt == "json":
        return to_json(assessments, ranking)
    if fmt == "csv":
        return to_csv(assessments)
    if fmt == "md":
        return to_markdown(assessments, ranking, explain)
    return to_text(assessments, ranking, explain)


def document(assessments: Sequence[Assessment], ranking: Sequence[RankEntry]) -> Any:
    """The JSON document: one Assessment, or a collection with the ranking; schema-checked."""
    if len(assessments) == 1:
        data: Any = to_dict(assessments[0])
    else:
        data = {
            "kind": "assessments",
            "assessments": [to_dict(a) for a in assessments],
            "ranking": to_dict(list(ranking)),
        }
    validate(data, "assessment", "<output>")
    return data


def to_json(assessments: Sequence[Assessment], ranking: Sequence[RankEntry]) -> str:
    return json_text(document(assessments, ranking))


CSV_COLUMNS = (
    "unit",
    "year",
    "dimension",
    "indicator",
    "raw",
    "score",
    "weight",
    "effective_weight",
    "contribution",
    "status",
)


def to_csv(assessments: Sequence[Assessment]) -> str:
    """Long CSV: a row per unit × indicator, plus a row per dimension and one for the overall."""
    rows: list[list[Any]] = []
    for a in assessments:
        rows.append([a.unit.name, a.unit.year, "", "", "", _n(a.overall), "", 1, _n(a.overall), a.status])
        for d in a.dimensions:
            rows.append(
                [a.unit.name, a.unit.year, d.code, "", "", _n(d.score), d.weight, _n(d.effective_weight), "", d.status]
            )
            for i in d.indicators:
                rows.append(
                    [
                        a.unit.name,
                        a.unit.year,
                        d.code,
                        i.id,
                        _n(i.raw),
                        _n(i.score),
                        i.weight,
                        _n(i.effective_weight),
                        _n(i.contribution),
                        i.status,
                    ]
                )
    return csv_text(CSV_COLUMNS, rows)


def _n(value: float | None) -> str:
    return "" if value is None else f"{value:.6g}"


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def strongest_evidence(dimension: DimensionScore) -> str:
    """The first quote of the indicator that contributed most, for a one-line summary."""
    with_evidence = [i for i in dimension.indicators if i.evidence]
    if not with_evidence:
        return ""
    best = max(with_evidence, key=lambda i: (i.contribution or 0.0, i.score or 0.0))
    return best.evidence[0].quote


def dimension_rows(assessment: Assessment) -> list[tuple[str, ...]]:
    """A summary row per dimension: the short name (思想引领 Guiding thought) rather than the
    outline's long title, which no terminal fits."""
    rows: list[tuple[str, ...]] = []
    for d in assessment.dimensions:
        evidence = sum(len(i.evidence) for i in d.indicators)
        label = axis(d.code, d.title_zh, d.title_en)
        rows.append(
            (
                d.code,
                clip(f"{label.zh} {label.en}", 30),
                _score(d.score),
                f"{d.coverage:.0%}",
                d.status,
                str(evidence),
                clip(strongest_evidence(d), 30),
            )
        )
    return rows


DIMENSION_HEADER = ("dim", "title", "score", "coverage", "status", "evidence", "strongest evidence")


def to_text(assessments: Sequence[Assessment], ranking: Sequence[RankEntry], explain: str | None) -> str:
    parts = []
    for a in assessments:
        year = f" ({a.unit.year})" if a.unit.year else ""
        parts.append(f"{a.unit.name}{year}: overall {_score(a.overall)} / 100  [{a.status}]\n")
        parts.append(render_table(DIMENSION_HEADER, dimension_rows(a), numeric=(2, 3, 5)))
        parts.extend(f"warning: {w}\n" for w in a.warnings)
        parts.extend(f"failure: {f.dimension} ({f.plugin}): {f.error}: {f.message}\n" for f in a.failures)
        if explain:
            parts.append(explain_text(a, explain))
        parts.append("\n")
    if len(assessments) > 1:
        parts.append("ranking\n")
        parts.append(
            render_table(
                ("rank", "unit", "year", "overall"),
                [(str(r.rank or "—"), r.unit, str(r.year or ""), _score(r.overall)) for r in ranking],
                numeric=(0, 3),
            )
        )
    return "".join(parts)


def explain_text(assessment: Assessment, code: str) -> str:
    """Every indicator of dimension ``code``: raw value, score, weight, the rule and the evidence."""
    d = assessment.dimension(code)
    share = f"share of overall {d.effective_weight:.3f}"
    lines = [f"\n{d.code} {d.title_zh} — score {_score(d.score)}, weight {d.weight:g}, {share}"]
    for i in d.indicators:
        raw = "—" if i.raw is None else f"{i.raw:g}"
        lines.append(
            f"  {i.id} {i.name_zh}: raw {raw} {i.unit} → score {_score(i.score)} (weight {i.weight:g}, {i.status})"
        )
        if i.rule:
            lines.append(f"      rule: {i.rule}")
        for e in i.evidence:
            where = f" [{e.start}–{e.end}]" if e.start is not None else ""
            lines.append(f"      “{e.quote}”{where}")
    for note in d.notes:
        lines.append(f"  note: {note}")
    return "\n".join(lines) + "\n"


def to_markdown(assessments: Sequence[Assessment], ranking: Sequence[RankEntry], explain: str | None) -> str:
    """The Markdown report (:mod:`lawgov_score.render.markdown`)."""
    from lawgov_score.render.markdown import render_markdown

    return render_markdown(assessments, ranking, explain)
