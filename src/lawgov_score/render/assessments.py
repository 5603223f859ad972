"""Rendering assessments and rankings for people (terminal, Markdown, HTML, Excel) and programs
(JSON, CSV), with the options every format honours (language, ``--explain``, title, time zone)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from attrs import evolve, frozen

from lawgov_score.model.assessment import Assessment
from lawgov_score.model.serialise import to_dict
from lawgov_score.output_text import csv_text, json_text
from lawgov_score.render import rows as tables
from lawgov_score.render.views import axes_of
from lawgov_score.render.words import DEFAULT_LANG, Lang, pair, status_legend, task_grade_legend
from lawgov_score.schemas import validate
from lawgov_score.scoring import RankEntry

if TYPE_CHECKING:
    from lawgov_score.reading.model import Document

FORMATS = ("table", "json", "csv", "xlsx", "md", "html")
BINARY_FORMATS = ("xlsx",)
BOM = "\ufeff"
DEFAULT_TZ = "Asia/Shanghai"


@frozen
class Options:
    """What every format honours: the language first shown, one dimension explained in full,
    the terminal's per-report detail, a byte-order mark on CSV, the HTML title and time zone."""

    lang: Lang = DEFAULT_LANG
    explain: str | None = None
    detail: bool = False
    bom: bool = True
    title: str | None = None
    tz: str = DEFAULT_TZ
    width: int | None = None


def render(
    assessments: Sequence[Assessment],
    ranking: Sequence[RankEntry],
    fmt: str,
    options: Options = Options(),
    documents: Sequence[Document | None] | None = None,
) -> str | bytes:
    """Render in one of :data:`FORMATS` (``xlsx`` gives bytes, the others text).

    ``documents`` (one per assessment, when scored from reports) let the HTML page show each
    report's text with the evidence marked.
    """
    if fmt == "html":
        from lawgov_score.render.html import render_html

        docs = list(documents) if documents is not None else [None] * len(assessments)
        return render_html(list(zip(assessments, docs)), ranking, title=options.title, tz=options.tz,
                           lang=options.lang, explain=options.explain)
    if fmt == "json":
        return to_json(assessments, ranking, options.explain)
    if fmt == "csv":
        return to_csv(assessments, options)
    if fmt == "xlsx":
        from lawgov_score.render.spreadsheet import workbook

        return workbook(assessment_sheets(assessments, ranking, options), options.lang)
    if fmt == "md":
        from lawgov_score.render.markdown import render_markdown

        return render_markdown(assessments, ranking, options.explain, lang=options.lang, title=options.title)
    from lawgov_score.render.terminal import to_text

    return to_text(assessments, ranking, options.lang, explain=options.explain, show_detail=options.detail,
                   width=options.width)


# -- JSON --------------------------------------------------------------------------------------


def only_dimension(assessment: Assessment, code: str | None) -> Assessment:
    """The assessment with only dimension ``code`` (``--explain``): unit, overall and provenance kept."""
    if code is None:
        return assessment
    return evolve(assessment, dimensions=[d for d in assessment.dimensions if d.code == code],
                  audit=[f for f in assessment.audit if f.dimension == code],
                  warnings=[w for w in assessment.warnings if w.dimension in (None, code)])


def document(assessments: Sequence[Assessment], ranking: Sequence[RankEntry], explain: str | None = None) -> Any:
    """The JSON document: the collection of assessments with their ranking — the same shape for
    one report as for many — checked against ``schemas/assessment.schema.json``."""
    data = {
        "kind": "assessments",
        "assessments": [to_dict(only_dimension(a, explain)) for a in assessments],
        "ranking": to_dict(list(ranking)),
    }
    validate(data, "assessment", "<output>")
    return data


def to_json(assessments: Sequence[Assessment], ranking: Sequence[RankEntry], explain: str | None = None) -> str:
    return json_text(document(assessments, ranking, explain))


# -- CSV ---------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "unit", "year", "dimension", "dimension_name", "indicator", "indicator_name", "raw", "measure", "score",
    "weight", "effective_weight", "contribution", "status", "task_grade", "rule",
)


def number_text(value: float | None) -> str:
    """The one number format of CSV: a plain decimal, at most six places, no exponent, no separator."""
    if value is None:
        return ""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def csv_rows(a: Assessment, lang: Lang, only: str | None = None) -> Iterable[list[Any]]:
    """A row for the overall, then for each dimension and each of its indicators (of ``only``)."""
    name, year = a.unit.name, a.unit.year
    yield [name, year, "", "", "", "", "", "", number_text(a.overall), "", "1", number_text(a.overall), a.status,
           "", ""]
    for d in a.dimensions:
        if only is not None and d.code != only:
            continue
        title = d.title_zh if lang == "zh" else d.title_en or d.title_zh
        yield [name, year, d.code, title, "", "", "", "", number_text(d.score), number_text(d.weight),
               number_text(d.effective_weight), "", d.status, "", ""]
        for i in d.indicators:
            label = i.name_zh if lang == "zh" else i.name_en or i.name_zh
            rule = (i.rule_zh or i.rule) if lang == "zh" else (i.rule or i.rule_zh)
            yield [name, year, d.code, title, i.id, label, number_text(i.raw), i.unit, number_text(i.score),
                   number_text(i.weight), number_text(i.effective_weight), number_text(i.contribution), i.status,
                   i.grade or "", rule]


def to_csv(assessments: Sequence[Assessment], options: Options = Options()) -> str:
    """Long CSV: a row per unit × (overall, dimension, indicator), with names beside ids; UTF-8
    with a byte-order mark unless ``options.bom`` is false (Excel then reads the Chinese right)."""
    text = csv_text(CSV_COLUMNS, (row for a in assessments for row in csv_rows(a, options.lang, options.explain)))
    return (BOM if options.bom else "") + text


# -- Excel -------------------------------------------------------------------------------------


def assessment_sheets(
    assessments: Sequence[Assessment], ranking: Sequence[RankEntry], options: Options = Options()
) -> list[tables.Sheet]:
    """The workbook of ``score`` and ``score-table``: overview, indicators, evidence, audit,
    warnings, and notes (framework, plugins and the legend)."""
    lang, only = options.lang, options.explain
    axes = axes_of(assessments)
    places = {(r.unit, r.year): r.rank for r in ranking}
    return [
        tables.Sheet(("总览", "overview"), tables.overview_columns(axes),
                     [tables.overview_row(a, places.get((a.unit.name, a.unit.year)), axes, lang)
                      for a in assessments]),
        tables.Sheet(("指标", "indicators"), tables.INDICATOR_COLUMNS,
                     [row for a in assessments for row in tables.indicator_rows(a, lang, only)]),
        tables.Sheet(("证据", "evidence"), tables.EVIDENCE_COLUMNS,
                     [row for a in assessments for row in tables.evidence_rows(a, lang, only)]),
        tables.Sheet(("核验", "audit"), tables.AUDIT_COLUMNS,
                     [row for a in assessments for row in tables.audit_rows(a, lang, only)]),
        tables.Sheet(("警告", "warnings"), tables.WARNING_COLUMNS,
                     [row for a in assessments for row in tables.warning_rows(a, lang, only)]),
        notes_sheet(assessments, lang),
    ]


def notes_sheet(assessments: Sequence[Assessment], lang: Lang) -> tables.Sheet:
    """The framework in force, what each plugin contributed, and the legend of statuses and grades."""
    rows: list[tuple[str, str]] = []
    frameworks = dict.fromkeys(f"{a.provenance.framework_id} {a.provenance.framework_version}" for a in assessments)
    for framework in frameworks:
        rows.append((pair(("评估框架", "framework"), lang), framework))
    plugins: dict[str, tuple[str, ...]] = {}
    for a in assessments:
        for p in a.provenance.plugins:
            plugins.setdefault(f"{p.name} {p.version}", p.dimensions)
    for plugin, dims in plugins.items():
        rows.append((pair(("插件", "plugin"), lang) + f" {plugin}", " ".join(dims) or "—"))
    statuses = [s for a in assessments for s in (a.status, *(d.status for d in a.dimensions),
                                                  *(i.status for d in a.dimensions for i in d.indicators))]
    rows += [(e.term, e.meaning) for e in status_legend(statuses, lang)]
    rows += [(e.term, e.meaning) for e in task_grade_legend(lang)]
    return tables.Sheet(("说明", "notes"), [tables.column("code", label=("项目", "item")),
                                           tables.column("message")], rows)
