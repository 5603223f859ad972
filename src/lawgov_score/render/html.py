"""A self-contained HTML report: one report's scores beside its text, or a ranking of many units.

The page has no external asset (styles, script and charts are inline), opens offline and
prints. Every piece of report text goes through Jinja2's autoescaping or
:func:`markupsafe.escape`; a Content-Security-Policy that allows only the page's own script
(by hash) is a second line of defence.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Sequence
from datetime import datetime, timezone
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Literal

import jinja2
from attrs import evolve, field, frozen
from markupsafe import Markup, escape

from lawgov_score.errors import InputError
from lawgov_score.model import tuple_of
from lawgov_score.model.assessment import Assessment, AuditFinding, DimensionScore, IndicatorScore
from lawgov_score.render import charts, template_words, views, words
from lawgov_score.render.views import Axis, UnitScores

if TYPE_CHECKING:
    from lawgov_score.reading.model import Document
    from lawgov_score.scoring import RankEntry

__all__ = ["highlight", "render_html"]

AUDIT_SIGNS = {"consistent": "✓", "inconsistent": "✗", "unverifiable": "?"}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment: templates shipped in the package, autoescaping always on."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("lawgov_score.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        score=views.format_score,
        delta=views.format_delta,
        share=views.format_share,
        raw=views.format_raw,
    )
    env.globals.update(
        band=views.band,
        interval_chart=charts.rank_interval,
        audit_signs=AUDIT_SIGNS,
        arrows=views.ARROWS,
        words=views.WORDS,
        pass_line=views.PASS_LINE,
        bi=template_words.bilingual,
        status_name=template_words.status_name,
        rule_text=template_words.rule_text,
        warning_text=template_words.warning_text,
        grade_name=template_words.grade_name,
        audit_result=template_words.audit_result,
        legend_bands=words.band_legend,
        legend_statuses=words.status_legend,
        legend_grades=words.task_grade_legend,
    )
    return env


@lru_cache(maxsize=1)
def _assets() -> tuple[Markup, Markup, str]:
    """The inline style and script, and the CSP hash that lets exactly that script run."""
    env = environment()
    assert env.loader is not None
    # read raw: CSS and JavaScript braces are not Jinja syntax
    style = env.loader.get_source(env, "_style.css.j2")[0]
    script = env.loader.get_source(env, "_script.js.j2")[0]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return Markup(style), Markup(script), f"sha256-{digest}"


# -- marking evidence spans in the report text -----------------------------------------------


@frozen
class MarkSpan:
    """A span of the report text to highlight, with the element id a link jumps to."""

    id: str
    start: int
    end: int
    kind: str = "evidence"
    dims: tuple[int, ...] = ()
    """Positions (1, 2 …) of the dimensions whose evidence this is: its colour, and the filter."""
    codes: tuple[str, ...] = ()
    """The codes of those dimensions."""


def highlight(text: str, spans: Sequence[MarkSpan]) -> Markup:
    """``text`` escaped, with ``<mark>`` around every span; overlapping spans are split.

    The text is cut at every span boundary; each piece covered by spans becomes one
    ``<mark data-spans="id …">``, so overlapping and nested spans need no nesting of elements.
    The first piece of a span carries its ``id`` (a second span starting at the same place gets
    an empty anchor of its own). Spans outside the text are ignored.
    """
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    starts: dict[int, list[MarkSpan]] = {}
    ends: dict[int, list[MarkSpan]] = {}
    for s in sorted(valid, key=lambda s: (s.start, -s.end, s.id)):
        starts.setdefault(s.start, []).append(s)
        ends.setdefault(s.end, []).append(s)
    bounds = sorted({0, len(text), *starts, *ends})
    active: dict[str, MarkSpan] = {}
    out: list[str] = []
    for a, b in pairwise(bounds):
        for s in ends.get(a, ()):
            active.pop(s.id, None)
        opening = starts.get(a, [])
        for s in opening:
            active[s.id] = s
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        out.extend(f'<span class="anchor" id="{escape(s.id)}" tabindex="-1"></span>' for s in opening[1:])
        ident = f' id="{escape(opening[0].id)}" tabindex="-1"' if opening else ""
        kinds = " ".join(sorted({s.kind for s in active.values()}))
        positions = sorted({k for s in active.values() for k in s.dims})
        classes = " ".join([kinds, *(f"dim-{k}" for k in positions)])
        codes = " ".join(dict.fromkeys(c for s in active.values() for c in s.codes))
        dims = f' data-dims="{escape(codes)}"' if codes else ""
        ids = " ".join(active)
        out.append(f'<mark class="{classes}"{ident}{dims} data-spans="{escape(ids)}">{piece}</mark>')
    return Markup("".join(out))


# -- one unit ----------------------------------------------------------------------------------


@frozen
class Quote:
    """An evidence quote in the page: its number, and where its span is marked (if anywhere)."""

    number: int
    text: str
    target: str | None
    start: int | None
    end: int | None
    anchor: str
    exact: bool = True
    """The report text at the span reads as the quote (false: the page says so)."""
    dim: int = 0
    """Position of the quote's dimension (1, 2 …), for its colour and the filter."""
    code: str = ""
    indicator: str = ""


@frozen
class IndicatorRow:
    """An indicator with the quotes behind it."""

    score: IndicatorScore
    quotes: tuple[Quote, ...] = field(converter=tuple_of)


@frozen
class DimensionView:
    """A dimension with its indicator rows."""

    score: DimensionScore
    axis: Axis
    rows: tuple[IndicatorRow, ...] = field(converter=tuple_of)

    @property
    def quote_count(self) -> int:
        return sum(len(r.quotes) for r in self.rows)


@frozen
class AuditRow:
    finding: AuditFinding
    target: str | None


@frozen
class UnitReport:
    """Everything the page shows about one assessment; ``quotes`` in the order of the text when
    it is shown (so the list follows the text), else by dimension and indicator."""

    prefix: str
    assessment: Assessment
    band: views.Band | None
    gauge: Markup
    radar: Markup
    axes: tuple[Axis, ...] = field(converter=tuple_of)
    dimensions: tuple[DimensionView, ...] = field(converter=tuple_of)
    audit: tuple[AuditRow, ...] = field(converter=tuple_of)
    text: Markup | None = None
    source: str | None = None
    published: str | None = None
    quotes: tuple[Quote, ...] = field(default=(), converter=tuple_of)

    @property
    def title(self) -> str:
        u = self.assessment.unit
        return f"{u.name} {u.year}" if u.year is not None else u.name

    @property
    def quote_count(self) -> int:
        return sum(d.quote_count for d in self.dimensions)


def unit_report(assessment: Assessment, document: Document | None, prefix: str = "") -> UnitReport:
    """Collect what the page shows for one assessment, marking its spans in the document's text,
    each in the colour of its dimension."""
    original = document.original if document is not None else None
    span_ids: dict[tuple[int, int], str] = {}
    owners: dict[tuple[int, int], dict[int, str]] = {}
    kinds: dict[tuple[int, int], str] = {}

    def target(start: int | None, end: int | None, kind: str, dim: int, code: str) -> str | None:
        if original is None or start is None or end is None or not 0 <= start < end <= len(original):
            return None
        key = (start, end)
        if key not in span_ids:
            span_ids[key] = f"{prefix}span-{len(span_ids) + 1}"
            kinds[key] = kind
        if dim:
            owners.setdefault(key, {})[dim] = code
        return span_ids[key]

    counter = 0
    dims = []
    for position, d in enumerate(assessment.dimensions, start=1):
        rows = []
        for ind in d.indicators:
            quotes = []
            for ev in ind.evidence:
                counter += 1
                where = target(ev.start, ev.end, "evidence", position, d.code)
                exact = where is None or original is None or original[ev.start : ev.end] == ev.quote
                quotes.append(Quote(counter, ev.quote, where, ev.start, ev.end, f"{prefix}q-{counter}", exact,
                                    position, d.code, ind.name_zh))
            rows.append(IndicatorRow(ind, quotes))
        dims.append(DimensionView(d, views.axis(d.code, d.title_zh, d.title_en), rows))
    positions = {d.code: k for k, d in enumerate(assessment.dimensions, start=1)}
    audit = [AuditRow(f, target(f.start, f.end, "audit", positions.get(f.dimension or "", 0), f.dimension or ""))
             for f in assessment.audit]
    marks = [MarkSpan(ident, start, end, kinds[(start, end)], tuple(sorted(owners.get((start, end), {}))),
                      tuple(owners.get((start, end), {}).values()))
             for (start, end), ident in span_ids.items()]
    axes = [d.axis for d in dims]
    title = f"{assessment.unit.name} {assessment.unit.year or ''}".strip()
    radar = charts.radar(
        [charts.RadarAxis(a.code, a.zh, a.en) for a in axes],
        [charts.Series(title, [d.score.score for d in dims])],
        ident=f"{prefix}radar",
        title=f"Radar chart of the dimension scores of {title} (0–100)",
    )
    gauge = charts.gauge(assessment.overall, title=f"overall {views.format_score(assessment.overall)} of 100")
    text = highlight(original, marks) if original is not None else None
    source = document.source if document is not None else assessment.provenance.source
    published = document.metadata.published if document is not None else None
    listed = [q for d in dims for row in d.rows for q in row.quotes]
    if text is not None:  # the list follows the text: quotes numbered in the order they stand in it
        listed.sort(key=lambda q: (q.start is None, q.start or 0, q.number))
        renumbered = {q.number: k for k, q in enumerate(listed, start=1)}

        def again(q: Quote) -> Quote:
            return evolve(q, number=renumbered[q.number], anchor=f"{prefix}q-{renumbered[q.number]}")

        listed = [again(q) for q in listed]
        dims = [evolve(d, rows=[evolve(row, quotes=[again(q) for q in row.quotes]) for row in d.rows]) for d in dims]
    return UnitReport(
        prefix, assessment, views.band(assessment.overall), gauge, radar, axes, dims, audit, text, source, published,
        listed,
    )


# -- many units ---------------------------------------------------------------------------------


@frozen
class HeatRow:
    unit: UnitScores
    cells: tuple[tuple[float | None, str, str], ...] = field(converter=tuple_of)


@frozen
class ComparisonView:
    comparison: views.Comparison
    radar: Markup


@frozen
class Collection:
    """A page about several units: ranking, heat map, small multiples, comparisons, details."""

    title: str
    axes: tuple[Axis, ...] = field(converter=tuple_of)
    units: tuple[UnitScores, ...] = field(converter=tuple_of)
    heat: tuple[HeatRow, ...] = field(converter=tuple_of)
    multiples: tuple[tuple[UnitScores, Markup], ...] = field(converter=tuple_of)
    comparisons: tuple[ComparisonView, ...] = field(converter=tuple_of)
    reports: tuple[UnitReport, ...] = field(converter=tuple_of)
    scale: tuple[float, float] = (0.0, 100.0)
    show_band: bool = True
    intervals: bool = False
    note: str = ""
    sensitivity: tuple[Any, ...] = field(default=(), converter=tuple_of)
    """The Sobol indices of a panel's uncertainty analysis (:class:`lawgov_score.render.panel.SensitivityRow`)."""


def make_collection(
    title: str,
    axes: Sequence[Axis],
    units: Sequence[UnitScores],
    reports: Sequence[UnitReport] = (),
    show_band: bool = True,
    note: str = "",
    sensitivity: Sequence[Any] = (),
) -> Collection:
    ordered = views.ranked(units)
    values = [v for u in ordered for v in (u.overall, *u.dims.values()) if v is not None]
    if show_band:  # report scores are absolute, 0–100
        low, high = min([0.0, *values]), max([100.0, *values])
    else:  # a panel's scores are relative (min-max, z-scores …): the scale is the data's
        low, high = (min(values), max(values)) if values else (0.0, 1.0)
    heat = [
        HeatRow(u, [(u.dims.get(a.code), *charts.heat_colour(u.dims.get(a.code), low, high)) for a in axes])
        for u in ordered
    ]
    multiples = [
        (
            u,
            charts.bars(
                [f"{a.code} {a.zh}" for a in axes],
                [u.dims.get(a.code) for a in axes],
                title=f"{u.label}: dimension scores",
                low=low,
                high=high,
                pass_line=views.PASS_LINE if show_band else None,
            ),
        )
        for u in ordered
    ]
    radar_axes = [charts.RadarAxis(a.code, a.zh, a.en) for a in axes]
    compared = []
    for i, c in enumerate(views.comparisons(units, axes)):
        radar = charts.radar(
            radar_axes,
            [
                charts.Series(str(c.after.year), [ch.after for ch in c.dimensions]),
                charts.Series(str(c.before.year), [ch.before for ch in c.dimensions], style="dashed"),
            ],
            ident=f"cmp{i + 1}-radar",
            title=f"{c.name}: dimension scores in {c.before.year} (dashed, squares) and {c.after.year} (solid, dots)",
            minimum=low,
            maximum=high,
            pass_line=views.PASS_LINE if show_band else None,
        )
        compared.append(ComparisonView(c, radar))
    return Collection(
        title=title,
        axes=axes,
        units=ordered,
        heat=heat,
        multiples=multiples,
        comparisons=compared,
        reports=reports,
        scale=(low, high),
        show_band=show_band,
        intervals=any(u.interval is not None for u in ordered),
        note=note,
        sensitivity=sensitivity,
    )


Generated = datetime | Literal[False] | None
"""When a page says it was made: a time, ``False`` to leave it out, ``None`` for now — or, when
the ``SOURCE_DATE_EPOCH`` variable is set (reproducible builds), that time, so that the same
inputs give the same bytes."""
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


def generated_text(generated: Generated, tz: str = "UTC") -> str | None:
    """The time printed on a page (see :data:`Generated`) in time zone ``tz``, or ``None`` to print none."""
    from zoneinfo import ZoneInfo

    if generated is False:
        return None
    if generated is None:
        epoch = os.environ.get(SOURCE_DATE_EPOCH, "").strip()
        if epoch:
            try:
                generated = datetime.fromtimestamp(int(epoch), timezone.utc)
            except (ValueError, OverflowError, OSError):
                raise InputError(f"must be a whole number of seconds since 1970, got {epoch!r}",
                                 SOURCE_DATE_EPOCH) from None
        else:
            generated = datetime.now(timezone.utc)
    local = generated.astimezone(ZoneInfo(tz))
    if tz == "UTC":
        return local.strftime("%Y-%m-%d %H:%M UTC")
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {tz} (UTC{offset[:3]}:{offset[3:]})"


def render_page(template: str, generated: Generated, tz: str, lang: words.Lang, **context: Any) -> str:
    style, script, script_hash = _assets()
    return (
        environment()
        .get_template(template)
        .render(style=style, script=script, script_hash=script_hash, generated=generated_text(generated, tz),
                lang=lang, html_lang="zh-Hans" if lang == "zh" else "en", **context)
    )


def render_html(
    reports: Sequence[tuple[Assessment, Document | None]],
    ranking: Sequence[RankEntry] | None = None,
    *,
    uncertainty: Any | None = None,
    generated: Generated = None,
    title: str | None = None,
    tz: str = "Asia/Shanghai",
    lang: words.Lang = words.DEFAULT_LANG,
    explain: str | None = None,
) -> str:
    """One self-contained HTML page for one report, or a comparison of several.

    :param reports: assessments, each with the :class:`~lawgov_score.reading.model.Document` it
        was scored from (its text is shown with the evidence marked) or ``None``.
    :param ranking: the ranking to show (default: by overall score).
    :param uncertainty: a rank-uncertainty result (duck-typed, see :func:`views.attach_ranks`) whose
        5–95 % rank intervals the ranking then shows.
    :param generated: the date printed in the provenance (see :data:`Generated`).
    :param title: the page title (default: the unit, or "N units").
    :param tz: the time zone of the dates printed (an IANA name).
    :param lang: the language shown first (``zh``: Chinese with the English beside it).
    :param explain: a dimension code: its evidence is the one shown highlighted when the page opens.
    :returns: the page; one report gives a single-report page, several a ranking, heat map and
        small multiples, and two years of one unit a year-on-year comparison.
    """
    if len(reports) == 1:
        assessment, document = reports[0]
        report = unit_report(assessment, document)
        return render_page("report.html.j2", generated, tz, lang, title=title or report.title, report=report,
                     explain=explain)
    if ranking is None:
        from lawgov_score.scoring import rank

        ranking = rank([a for a, _ in reports])
    details = [unit_report(a, d, prefix=f"u{i + 1}-") for i, (a, d) in enumerate(reports)]
    units = [views.unit_scores(a, f"u{i + 1}") for i, (a, _) in enumerate(reports)]
    ranks = {(r.unit, r.year): r.rank for r in ranking}
    units = views.attach_ranks(units, ranks, uncertainty)
    axes = views.axes_of(a for a, _ in reports)
    default = f"{len(reports)} 个单位" if lang == "zh" else f"{len(reports)} units"
    collection = make_collection(title or default, axes, units, details)
    return render_page("collection.html.j2", generated, tz, lang, title=collection.title, collection=collection,
                 explain=explain)
