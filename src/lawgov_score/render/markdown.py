"""The report as Markdown, for terminals and issue trackers: the HTML page's content, charts as tables.

Report text is escaped with backslashes (CommonMark), so a quote containing ``<script>``,
``[link](javascript:…)``, ``|`` or ``&lt;`` shows literally and breaks no table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lawgov_score.model.assessment import Assessment, DimensionScore
from lawgov_score.render import views
from lawgov_score.render.views import format_delta, format_raw, format_score, format_share
from lawgov_score.scoring import RankEntry

# Enough to stop links, emphasis, inline HTML, entities and table breaks; "_" inside words
# (identifiers) and ">" after the start of a line mean nothing in CommonMark, so they stay readable.
_SPECIAL = re.compile(r"([\\`*\[\]<|&]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")


def md(text: object) -> str:
    """Text safe inside Markdown (and a table cell): punctuation escaped, line breaks flattened."""
    return _SPECIAL.sub(r"\\\1", str(text)).replace("\r", " ").replace("\n", " ")


def bar(value: float | None, width: int = 10, maximum: float = 100.0) -> str:
    """A text bar: ``███████░░░`` for 70 of 100."""
    if value is None:
        return "·" * width
    filled = round(width * max(0.0, min(value, maximum)) / maximum)
    return "█" * filled + "░" * (width - filled)


def table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> list[str]:
    """A pipe table; ``numeric`` columns are right-aligned. Cells must be escaped already."""
    align = ["---:" if i in numeric else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _grade(score: float | None) -> str:
    b = views.band(score)
    if b is None:
        return "no overall score"
    sign = "✓ pass" if b.passed else "✗ below the pass line"
    return f"{b.zh} ({b.en}; {sign})"


def unit_markdown(a: Assessment, level: int = 1, explain: str | None = None) -> list[str]:
    """One assessment: overall, dimensions, indicators, evidence, audit, warnings, provenance."""
    h = "#" * level
    out = [f"{h} {md(a.unit.name)}{f' {a.unit.year}' if a.unit.year is not None else ''}", ""]
    out.append(
        f"**Overall: {format_score(a.overall)} / 100** — {_grade(a.overall)}. Pass line 60. "
        f"Status {a.status}, missing-data policy {a.missing_policy}."
    )
    out += ["", f"{h}# Dimensions (radar chart as a table)", ""]
    rows = []
    for d in a.dimensions:
        ax = views.axis(d.code, d.title_zh, d.title_en)
        quotes = sum(len(i.evidence) for i in d.indicators)
        rows.append(
            [d.code, f"{md(ax.zh)} · {md(ax.en)}", format_score(d.score), bar(d.score), format_share(d.coverage),
             format_share(d.effective_weight), d.status, str(quotes)]
        )
    out += table(["Code", "Dimension", "Score", "0–100", "Coverage", "Share of overall", "Status", "Quotes"],
                 rows, numeric=(2, 4, 5, 7))
    numbers = _quote_numbers(a)
    shown = [d for d in a.dimensions if explain is None or d.code == explain]
    out += ["", f"{h}# Indicators", "",
            "Contribution = share of overall × score; the contributions add up to the overall score."]
    for d in shown:
        out += ["", *_dimension(d, level + 2, numbers)]
    out += ["", f"{h}# Evidence", ""]
    any_quote = False
    for d in shown:
        for i in d.indicators:
            for k, e in enumerate(i.evidence):
                where = f" [{e.start}–{e.end}]" if e.start is not None else ""
                out.append(f"{numbers[(i.id, k)]}. “{md(e.quote)}” — {md(i.name_zh)} (`{i.id}`){where}")
                any_quote = True
    if not any_quote:
        out.append("No quotes: no indicator carries evidence.")
    out += ["", f"{h}# Consistency audit", ""]
    if a.audit:
        signs = {"consistent": "✓", "inconsistent": "✗", "unverifiable": "?"}
        out += table(
            ["Check", "Result", "Statement", "Arithmetic"],
            [[md(f.check), f"{signs.get(f.status, '')} {f.status}", md(f.quote), md(f.arithmetic)] for f in a.audit],
        )
    else:
        out.append("No consistency checks were run or possible.")
    out += ["", f"{h}# Warnings and failures", ""]
    out += [f"- ⚠ warning: {md(w)}" for w in a.warnings] or ["No warnings."]
    out += [f"- ✗ failure: {f.dimension} ({md(f.plugin)}): {md(f.error)}: {md(f.message)}" for f in a.failures]
    p = a.provenance
    plugins = ", ".join(f"{md(x.name)} {md(x.version)}" for x in p.plugins) or "—"
    out += [
        "", f"{h}# Provenance", "",
        f"- source: {md(p.source or '—')}",
        f"- input SHA-256: `{p.input_sha256}`",
        f"- framework: {md(p.framework_id)} {md(p.framework_version)}",
        f"- lawgov-score {md(p.library_version)}; plugins: {plugins}",
    ]
    return out


def _quote_numbers(a: Assessment) -> dict[tuple[str, int], int]:
    numbers: dict[tuple[str, int], int] = {}
    for d in a.dimensions:
        for i in d.indicators:
            for k in range(len(i.evidence)):
                numbers[(i.id, k)] = len(numbers) + 1
    return numbers


def _dimension(d: DimensionScore, level: int, numbers: dict[tuple[str, int], int]) -> list[str]:
    ax = views.axis(d.code, d.title_zh, d.title_en)
    out = [f"{'#' * level} {d.code} {md(ax.zh)} · {md(ax.en)} — {format_score(d.score)}", ""]
    for note in d.notes:
        out += [f"> note: {md(note)}", ""]
    rows = []
    for i in d.indicators:
        quotes = ", ".join(str(numbers[(i.id, k)]) for k in range(len(i.evidence)))
        contribution = "—" if i.contribution is None else f"{i.contribution:.2f}"
        rows.append([f"{md(i.name_zh)} `{i.id}`", md(format_raw(i.raw, i.unit)), format_score(i.score), f"{i.weight:g}",
                     format_share(i.effective_weight), contribution, i.status, quotes])
    if rows:
        out += table(["Indicator", "Raw value", "Score", "Weight", "Share of overall", "Contribution", "Status",
                      "Quotes"], rows, numeric=(1, 2, 3, 4, 5))
    rules = [f"- `{i.id}`: {md(i.rule)}" for i in d.indicators if i.rule]
    if rules:
        out += ["", "Rules:", "", *rules]
    return out


def collection_markdown(units: Sequence[views.UnitScores], axes: Sequence[views.Axis], *, bands: bool = True,
                        title: str = "") -> list[str]:
    """Several units: ranking (with rank intervals), heat map as a table, year-on-year changes."""
    ordered = views.ranked(units)
    out = [f"# {md(title or f'{len(units)} units')}", "", "## Ranking", ""]
    intervals = any(u.interval is not None for u in ordered)
    header = ["Rank", *(["Rank interval (5–95%)"] if intervals else []), "Unit", "Year", "Overall",
              *(["Grade"] if bands else [])]
    rows = []
    for u in ordered:
        interval = []
        if intervals:
            median = f" ({u.median_rank:g})" if u.median_rank is not None else ""
            interval = [f"{u.interval[0]}–{u.interval[1]}{median}" if u.interval else "—"]
        grade = [_grade(u.overall)] if bands else []
        rows.append([str(u.rank or "—"), *interval, md(u.name), str(u.year or ""), format_score(u.overall), *grade])
    out += table(header, rows, numeric=(0, 1, 3, 4) if intervals else (0, 2, 3))
    out += ["", "## Heat map: units × dimensions", ""]
    legend = ", ".join(f"{a.code} {md(a.zh)}" for a in axes)
    out += [f"Dimensions: {legend}.", ""]
    out += table(["Unit", *[a.code for a in axes], "Overall"],
                 [[md(u.label), *[format_score(u.dims.get(a.code)) for a in axes], format_score(u.overall)]
                  for u in ordered], numeric=tuple(range(1, len(axes) + 2)))
    compared = views.comparisons(units, axes)
    if compared:
        out += ["", "## Year on year"]
    for c in compared:
        o = c.overall
        out += ["", f"### {md(c.name)}: {c.before.year} → {c.after.year}", "",
                f"Overall {format_score(o.before)} → {format_score(o.after)}: "
                f"{o.arrow} {o.word} {format_delta(o.delta)}."
                f" Went up: {', '.join(md(x.label) for x in c.ups) or 'none'}."
                f" Went down: {', '.join(md(x.label) for x in c.downs) or 'none'}.", ""]
        out += table(["Dimension", str(c.before.year), str(c.after.year), "Change"],
                     [[md(x.label), format_score(x.before), format_score(x.after), _change(x)] for x in c.dimensions],
                     numeric=(1, 2))
        if c.indicators:
            out += ["", f"Indicators that moved ({len(c.indicators)}):", ""]
            out += table(
                ["Indicator", f"Raw {c.before.year}", f"Raw {c.after.year}", f"Score {c.before.year}",
                 f"Score {c.after.year}", "Change"],
                [[f"{md(x.label)} `{x.code}`", md(format_raw(x.raw_before, x.unit)),
                  md(format_raw(x.raw_after, x.unit)), format_score(x.before), format_score(x.after), _change(x)]
                 for x in c.indicators],
                numeric=(1, 2, 3, 4),
            )
    return out


def _change(c: views.Change) -> str:
    delta = f" {format_delta(c.delta)}" if c.delta is not None and c.direction != "same" else ""
    return f"{c.arrow} {c.word}{delta}"


def render_markdown(
    assessments: Sequence[Assessment],
    ranking: Sequence[RankEntry] | None = None,
    explain: str | None = None,
    *,
    uncertainty: Any | None = None,
) -> str:
    """The Markdown report: one unit in full, or several with ranking, heat map and comparisons.

    :param explain: a dimension code: show only that dimension's indicators and evidence.
    :param uncertainty: a rank-uncertainty result whose 5–95 % intervals the ranking shows.
    """
    if len(assessments) == 1:
        return "\n".join(unit_markdown(assessments[0], 1, explain)) + "\n"
    if ranking is None:
        from lawgov_score.scoring import rank

        ranking = rank(assessments)
    units = [views.unit_scores(a, f"u{i + 1}") for i, a in enumerate(assessments)]
    units = views.attach_ranks(units, {(r.unit, r.year): r.rank for r in ranking}, uncertainty)
    out = collection_markdown(units, views.axes_of(assessments))
    out += ["", "## Units"]
    for a in assessments:
        out += ["", *unit_markdown(a, 3, explain)]
    return "\n".join(out) + "\n"
