"""Assessments for a terminal: one compact table for many reports, fitted to the terminal's width
(Chinese counted as two columns), and each report's detail for one report or with ``--detail``.

Only the scores go to standard output; warnings are the command line's to print on stderr.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence

from lawgov_score.model.assessment import Assessment, DimensionScore
from lawgov_score.render.text_table import clip, display_width, render_table
from lawgov_score.render.views import axes_of, axis, band, format_raw
from lawgov_score.render.words import (
    Lang,
    band_legend,
    pair,
    rule_text,
    status_legend,
    status_name,
    task_grade_legend,
    task_grade_name,
    word,
)
from lawgov_score.scoring import RankEntry

GAP = 2
MIN_UNIT_WIDTH = 8


def terminal_width() -> int:
    """Columns of the terminal (``COLUMNS`` when set; 100 when not a terminal)."""
    return shutil.get_terminal_size((100, 24)).columns


def _score(value: float | None, decimals: int = 1) -> str:
    return "—" if value is None else f"{value:.{decimals}f}"


def _grade(score: float | None, lang: Lang) -> str:
    b = band(score)
    if b is None:
        return "—"
    return b.zh if lang == "zh" else b.en


def summary_table(
    assessments: Sequence[Assessment], ranking: Sequence[RankEntry], lang: Lang, width: int | None = None
) -> str:
    """Unit, year, overall, grade, each dimension and rank, one row per report in ranking order,
    no wider than ``width``: unit names are clipped first, then the dimension scores lose their
    decimal, then the last dimensions are left out (and the table says which)."""
    width = width or terminal_width()
    places = {(r.unit, r.year): r.rank for r in ranking}
    order = sorted(assessments, key=lambda a: (places.get((a.unit.name, a.unit.year)) is None,
                                               places.get((a.unit.name, a.unit.year)) or 0, a.unit.name))
    codes = [ax.code for ax in axes_of(order)]
    fixed = [word("rank", lang), word("year", lang), word("overall", lang), word("grade", lang)]
    tries = [(1, len(codes)), *((0, shown) for shown in range(len(codes), -1, -1))]
    for decimals, shown in tries:
        header = [fixed[0], word("unit", lang), *fixed[1:], *codes[:shown]]
        rows = [_summary_row(a, places, codes[:shown], lang, decimals) for a in order]
        widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
        others = sum(widths) - widths[1] + GAP * (len(header) - 1)
        unit_width = min(widths[1], width - others)
        if unit_width >= min(MIN_UNIT_WIDTH, widths[1]) or shown == 0:
            rows = [[r[0], clip(r[1], max(unit_width, MIN_UNIT_WIDTH)), *r[2:]] for r in rows]
            table = render_table(header, rows, numeric=(0, 2, 3, *range(5, len(header))))
            return table + (_left_out(codes[shown:], lang) if shown < len(codes) else "")
    raise AssertionError("unreachable: a table of rank and unit always fits")  # pragma: no cover


def _left_out(codes: Sequence[str], lang: Lang) -> str:
    span = codes[0] if len(codes) == 1 else f"{codes[0]}–{codes[-1]}"
    if lang == "zh":
        return f"（终端宽度不足，未显示{span}；请加宽终端或使用 --detail）\n"
    return f"({span} left out to fit the terminal: widen it, or use --detail)\n"


def _summary_row(a: Assessment, places: dict[tuple[str, int | None], int | None], codes: Sequence[str], lang: Lang,
                 decimals: int) -> list[str]:
    rank = places.get((a.unit.name, a.unit.year))
    scores = {d.code: d.score for d in a.dimensions}
    return [str(rank or "—"), a.unit.name, str(a.unit.year or ""), _score(a.overall), _grade(a.overall, lang),
            *[_score(scores.get(code), decimals) for code in codes]]


def detail(a: Assessment, lang: Lang, explain: str | None = None) -> str:
    """One report: overall and grade, a row per dimension, and (``explain``) one dimension's indicators."""
    year = f" ({a.unit.year})" if a.unit.year else ""
    label = f"{word('overall', lang)} {_score(a.overall)} / 100 · {_grade(a.overall, lang)} · " \
            f"{status_name(a.status, lang)}"
    head = ["dim", word("dimension", lang), word("score", lang), word("coverage", lang), word("status", lang),
            word("quotes", lang), word("strongest", lang)]
    rows = [_dimension_row(d, lang) for d in a.dimensions]
    parts = [f"{a.unit.name}{year}: {label}\n", render_table(head, rows, numeric=(2, 3, 5))]
    if explain:
        parts.append(explain_text(a, explain, lang))
    return "".join(parts)


def _dimension_row(d: DimensionScore, lang: Lang) -> list[str]:
    ax = axis(d.code, d.title_zh, d.title_en)
    quotes = sum(len(i.evidence) for i in d.indicators)
    name = pair((ax.zh, ax.en), lang)
    return [d.code, clip(name, 30), _score(d.score), f"{d.coverage:.0%}", status_name(d.status, lang), str(quotes),
            clip(strongest_evidence(d), 30)]


def strongest_evidence(dimension: DimensionScore) -> str:
    """The first quote of the indicator that contributed most, for a one-line summary."""
    with_evidence = [i for i in dimension.indicators if i.evidence]
    if not with_evidence:
        return ""
    best = max(with_evidence, key=lambda i: (i.contribution or 0.0, i.score or 0.0))
    return best.evidence[0].quote


def explain_text(a: Assessment, code: str, lang: Lang) -> str:
    """Every indicator of dimension ``code``: raw value, score, weight, status, the rule and the evidence."""
    d = a.dimension(code)
    title = d.title_zh if lang == "zh" else d.title_en or d.title_zh
    lines = [f"\n{d.code} {title} — {word('score', lang)} {_score(d.score)}, {word('weight', lang)} {d.weight:g}, "
             f"{word('effective_weight', lang)} {d.effective_weight:.3f}"]
    for i in d.indicators:
        name = i.name_zh if lang == "zh" or not i.name_en else i.name_en
        grade = task_grade_name(i.grade, lang)
        tail = f", {grade}" if grade else ""
        lines.append(f"  {i.id} {name}: {format_raw(i.raw, i.unit)} → {_score(i.score)} "
                     f"({word('weight', lang)} {i.weight:g}, {status_name(i.status, lang)}{tail})")
        rule = rule_text(i.rule, i.rule_zh, lang)
        if rule:
            lines.append(f"      {rule}")
        for e in i.evidence:
            where = f" [{e.start}–{e.end}]" if e.start is not None else ""
            lines.append(f"      “{e.quote}”{where}")
    for note in d.notes:
        lines.append(f"  ⚠ {note}")
    return "\n".join(lines) + "\n"


def legend(assessments: Sequence[Assessment], lang: Lang, tasks: bool = False) -> str:
    """What the grades and the statuses shown mean (and the key-task grades, with ``--explain``)."""
    statuses: list[str] = [a.status for a in assessments] + [d.status for a in assessments for d in a.dimensions]
    if tasks:
        statuses += [i.status for a in assessments for d in a.dimensions for i in d.indicators]
    title = word("legend", lang)
    bands = "  ".join(f"{e.term} {e.meaning}" for e in band_legend(lang))
    lines = [f"\n{title}: {bands}"]
    lines += [f"  {e.term}: {e.meaning}" for e in status_legend(statuses, lang)]
    if tasks:
        lines += [f"  {e.term}: {e.meaning}" for e in task_grade_legend(lang)]
    lines += provenance_lines(assessments, lang)
    return "\n".join(lines) + "\n"


def provenance_lines(assessments: Sequence[Assessment], lang: Lang) -> list[str]:
    """The framework in force and the dimensions each plugin contributed, one line each."""
    frameworks = dict.fromkeys(f"{a.provenance.framework_id} {a.provenance.framework_version}" for a in assessments)
    by_plugin = dict.fromkeys(f"{p.name} {' '.join(p.dimensions)}" for a in assessments
                              for p in a.provenance.plugins if p.dimensions)
    return [f"{word('framework', lang)}: {', '.join(frameworks)}",
            f"{word('contributed', lang)} ({word('plugins', lang)}): {', '.join(by_plugin) or '—'}"]


def to_text(
    assessments: Sequence[Assessment],
    ranking: Sequence[RankEntry],
    lang: Lang,
    *,
    explain: str | None = None,
    show_detail: bool = False,
    width: int | None = None,
) -> str:
    """One report in detail; several as one compact table (in detail with ``show_detail``), then the legend."""
    parts = []
    if len(assessments) > 1:
        parts.append(summary_table(assessments, ranking, lang, width))
    if len(assessments) == 1 or show_detail or explain:
        for a in assessments:
            parts.append(("\n" if parts else "") + detail(a, lang, explain))
    parts.append(legend(assessments, lang, tasks=explain is not None))
    return "".join(parts)
