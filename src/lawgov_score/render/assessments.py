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

FORMATS = ("table", "json", "jsonl", "csv", "xlsx", "md", "html")
BINARY_FORMATS = ("xlsx",)
BOM = "\ufeff"
DEFAULT_TZ = "Asia/Shanghai"


@frozen
class Options:
    """What every format honours: the language first shown, one dimension explained in full,
    the terminal's per-report detail, a byte-order mark on CSV, the HTML title and time zone, and
    whether to check the assessments against their schema (``--validate``: the tests do it for
    every format; a run does not pay for it unless asked)."""

    lang: Lang = DEFAULT_LANG
    explain: str | None = None
    detail: bool = False
    bom: bool = True
    title: str | None = None
    tz: str = DEFAULT_TZ
    width: int | None = None
    validate: bool = False


def render(
    assessments: Sequence[Assessment],
    ranking: Sequence[RankEntry],
    fmt: str,
    options: Options = Options(),
    documents: Sequence[Document | None] | None = None,
) -> str | bytes:
    """Render in one of :data:`FORMATS` (``xlsx`` gives bytes, the others text).

    ``documents`` (one per assessment, when scored from reports) let the HTML page show each
    report's text with the evidence marked. With ``options.validate`` every assessment (for JSON,
    the whole document) is checked against ``schemas/assessment.schema.json`` first.
    """
    if options.validate:
        if fmt == "json":
            validate(document(assessments, ranking, options.explain), "assessment", "<output>")
        else:
            for a in assessments:
                validate(to_dict(only_dimension(a, options.explain)), "assessment", "<output>", definition="Assessment")
    if fmt == "html":
        from lawgov_score.render.html import render_html

        docs = list(documents) if documents is not None else [None] * len(assessments)
        return render_html(list(zip(assessments, docs)), ranking, title=options.title, tz=options.tz,
                           lang=options.lang, explain=options.explain)
    if fmt == "json":
        return to_json(assessments, ranking, options.explain)
    if fmt == "jsonl":
        return "".join(json_line(a, options.explain) for a in assessments)
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
    one report as for many (``schemas/assessment.schema.json``)."""
    return {
        "kind": "assessments",
        "assessments": [to_dict(only_dimension(a, explain)) for a in assessments],
        "ranking": to_dict(list(ranking)),
    }


def to_json(assessments: Sequence[Assessment], ranking: Sequence[RankEntry], explain: str | None = None) -> str:
    """:func:`document` as JSON text, written as a run over many reports streams it (:func:`json_head`,
    :func:`json_block` for each assessment, :func:`json_tail`): the same text either way."""
    items = json_items([json_block(a, explain) for a in assessments])
    return json_head() + items + json_tail(ranking, bool(assessments))


def json_head() -> str:
    return '{\n  "kind": "assessments",\n  "assessments": ['


def json_block(a: Assessment, explain: str | None = None) -> str:
    """One assessment as an item of the document's ``assessments`` array, indented as there."""
    text = json_text(to_dict(only_dimension(a, explain))).rstrip("\n")
    return "\n".join("    " + line for line in text.split("\n"))


def json_items(blocks: Sequence[str], *, first: bool = True) -> str:
    """Blocks of :func:`json_block` as the array's items (``first``: no item was written before)."""
    return "".join(("\n" if first and i == 0 else ",\n") + block for i, block in enumerate(blocks))


def json_tail(ranking: Sequence[RankEntry], any_assessment: bool) -> str:
    """The end of the ``assessments`` array, and the ranking."""
    ranked = json_text(to_dict(list(ranking))).rstrip("\n").replace("\n", "\n  ")
    return ("\n  ]" if any_assessment else "]") + ',\n  "ranking": ' + ranked + "\n}\n"


def json_line(a: Assessment, explain: str | None = None) -> str:
    """One assessment as a line of JSON Lines (``--format jsonl``; what ``rank`` reads)."""
    return json_text(to_dict(only_dimension(a, explain)), indent=None)


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
    return csv_header(options) + "".join(csv_block(a, options) for a in assessments)


def csv_header(options: Options = Options()) -> str:
    """The start of the CSV: the byte-order mark (unless ``options.bom`` is false) and the header."""
    return (BOM if options.bom else "") + csv_text(CSV_COLUMNS, ())


def csv_block(a: Assessment, options: Options = Options()) -> str:
    """The CSV rows of one assessment, without the header."""
    return csv_text((), csv_rows(a, options.lang, options.explain), with_header=False)


# -- Excel -------------------------------------------------------------------------------------


SHEETS = (
    (("指标", "indicators"), tables.INDICATOR_COLUMNS, tables.indicator_rows),
    (("证据", "evidence"), tables.EVIDENCE_COLUMNS, tables.evidence_rows),
    (("核验", "audit"), tables.AUDIT_COLUMNS, tables.audit_rows),
    (("警告", "warnings"), tables.WARNING_COLUMNS, tables.warning_rows),
)
"""The sheets of one row (or more) per assessment, after the overview: name, columns, rows of one assessment."""
OVERVIEW = ("总览", "overview")


def assessment_sheets(
    assessments: Sequence[Assessment], ranking: Sequence[RankEntry], options: Options = Options()
) -> list[tables.Sheet]:
    """The workbook of ``score`` and ``score-table``: overview, indicators, evidence, audit,
    warnings, and notes (framework, plugins and the legend)."""
    lang, only = options.lang, options.explain
    axes = axes_of(assessments)
    places = {(r.unit, r.year): r.rank for r in ranking}
    notes = Notes()
    for a in assessments:
        notes.add(notes_of(a))
    overview = tables.Sheet(OVERVIEW, tables.overview_columns(axes),
                            [tables.overview_row(a, places.get((a.unit.name, a.unit.year)), axes, lang)
                             for a in assessments])
    sheets = [tables.Sheet(name, columns, [row for a in assessments for row in rows(a, lang, only)])
              for name, columns, rows in SHEETS]
    return [overview, *sheets, notes.sheet(lang)]


@frozen
class NotesOf:
    """What the notes sheet needs of one assessment: its framework, its plugins, its statuses."""

    framework: str
    plugins: tuple[tuple[str, tuple[str, ...]], ...]
    statuses: tuple[str, ...]


def notes_of(a: Assessment) -> NotesOf:
    statuses = (a.status, *(d.status for d in a.dimensions), *(i.status for d in a.dimensions for i in d.indicators))
    return NotesOf(f"{a.provenance.framework_id} {a.provenance.framework_version}",
                   tuple((f"{p.name} {p.version}", p.dimensions) for p in a.provenance.plugins),
                   tuple(dict.fromkeys(statuses)))


class Notes:
    """The notes sheet gathered one assessment at a time: the frameworks in force, what each
    plugin contributed, and the legend of the statuses that occur (in order of first appearance)."""

    def __init__(self) -> None:
        self.frameworks: dict[str, None] = {}
        self.plugins: dict[str, tuple[str, ...]] = {}
        self.statuses: dict[str, None] = {}

    def add(self, notes: NotesOf) -> None:
        self.frameworks.setdefault(notes.framework)
        for plugin, dims in notes.plugins:
            self.plugins.setdefault(plugin, dims)
        for status in notes.statuses:
            self.statuses.setdefault(status)

    def sheet(self, lang: Lang) -> tables.Sheet:
        rows: list[tuple[str, str]] = [(pair(("评估框架", "framework"), lang), f) for f in self.frameworks]
        rows += [(pair(("插件", "plugin"), lang) + f" {plugin}", " ".join(dims) or "—")
                 for plugin, dims in self.plugins.items()]
        rows += [(e.term, e.meaning) for e in status_legend(list(self.statuses), lang)]
        rows += [(e.term, e.meaning) for e in task_grade_legend(lang)]
        return tables.Sheet(("说明", "notes"), [tables.column("code", label=("项目", "item")),
                                               tables.column("message")], rows)
