"""A panel run (``lawgov-score rank``) for people: the terminal table, the Excel workbook and the
HTML page (ranking with rank intervals, heat map, small multiples, and the sensitivity of the
ranks to each assumption: first-order and total Sobol indices)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from attrs import frozen

from lawgov_score.render import views, words
from lawgov_score.render.html import Generated, make_collection, render_page
from lawgov_score.render.rows import Column, Sheet, column
from lawgov_score.render.text_table import clip, display_width, render_table
from lawgov_score.render.views import Axis, UnitScores

__all__ = ["panel_sheets", "panel_text", "render_panel_html"]


def render_panel_html(
    result: Any,
    uncertainty: Any | None = None,
    *,
    names: Mapping[str, str] | None = None,
    labels: Mapping[str, tuple[str, str]] | None = None,
    title: str | None = None,
    generated: Generated = None,
    tz: str = "Asia/Shanghai",
    lang: words.Lang = words.DEFAULT_LANG,
) -> str:
    """The HTML page of a panel run (``lawgov-score rank --format html``): ranking (with rank
    intervals), heat map, small multiples and, when the uncertainty analysis ran, the sensitivity
    of the ranks to each assumption (first-order and total Sobol indices).

    :param result: a :class:`lawgov_score.panel.results.PanelResult`, read duck-typed: ``units``,
        ``years``, ``codes``, ``n_indicators``, ``contribution_codes``, ``index``, ``score(code)``
        and ``rank(code)``.
    :param uncertainty: its :class:`lawgov_score.panel.monte_carlo.UncertaintyResult`, if one ran:
        the ranking then shows 5–95 % rank intervals.
    :param names: display name per unit code (default: the code).
    :param labels: ``(zh, en)`` label per node code (default: D1–D10 short labels, else the code).
    :param title: the page title.
    :param generated: the date printed on the page (see :data:`Generated`).
    :param tz: the time zone of the dates printed.
    :param lang: the language shown first.
    """
    names = names or {}
    labels = labels or {}
    index = result.index
    children = list(result.contribution_codes)
    axes = []
    for code in children:
        if code in labels:
            zh, en = labels[code]
            axes.append(Axis(code, zh, en, zh, en))
        else:
            axes.append(views.axis(code))
    overall = result.score(index)
    ranks_at = result.rank(index)
    child_scores = {code: result.score(code) for code in children}
    indicator_codes = list(result.codes[: result.n_indicators])
    indicator_scores = {code: result.score(code) for code in indicator_codes}
    units = []
    for i, (code, year) in enumerate(zip(result.units, result.years)):
        rank_value = views.finite(ranks_at[i])
        units.append(
            UnitScores(
                key=str(code),
                name=names.get(code, str(code)),
                year=year,
                overall=views.finite(overall[i]),
                dims={c: views.finite(child_scores[c][i]) for c in children},
                indicators=[
                    views.IndicatorValue(c, labels.get(c, (c, ""))[0], "", None, "", views.finite(values[i]))
                    for c, values in indicator_scores.items()
                ],
                rank=None if rank_value is None else int(rank_value),
            )
        )
    units = views.attach_ranks(units, {(u.key, u.year): u.rank for u in units}, uncertainty)
    years = sorted({y for y in result.years if y is not None})
    note = "Ranks are within each year." if len(years) > 1 else ""
    collection = make_collection(title or f"Panel: {len(units)} units", axes, units, show_band=False, note=note,
                             sensitivity=sensitivity_rows(uncertainty))
    return render_page("collection.html.j2", generated, tz, lang, title=collection.title, collection=collection,
                 explain=None)


@frozen
class SensitivityRow:
    """One assumption varied by the uncertainty analysis: its first-order and total Sobol indices
    (the share of the variance of the ranks it explains alone, and with its interactions)."""

    name: str
    first: float | None
    first_se: float | None
    total: float | None
    total_se: float | None


def sensitivity_rows(uncertainty: Any | None) -> list[SensitivityRow]:
    """The Sobol indices of an uncertainty result (read duck-typed: ``assumptions``, ``S1``, ``ST``,
    ``S1_se``, ``ST_se``), none when no analysis ran."""
    names = getattr(uncertainty, "assumptions", None)
    if not names:
        return []

    def at(attribute: str, k: int) -> float | None:
        values = getattr(uncertainty, attribute, None)
        return None if values is None or k >= len(values) else views.finite(values[k])

    return [SensitivityRow(str(name), at("S1", k), at("S1_se", k), at("ST", k), at("ST_se", k))
            for k, name in enumerate(names)]


# -- the terminal and Excel ------------------------------------------------------------------------


def _children(result: Any) -> list[str]:
    return list(result.contribution_codes)


def _rows(result: Any, analysis: Any | None) -> list[tuple[int, list[Any]]]:
    """``(row, cells)`` in ranking order (within each year): rank, unit, year, index, children, interval."""
    index = result.score(result.index)
    ranks = result.rank(result.index)
    children = {c: result.score(c) for c in _children(result)}
    out = []
    for i, (unit, year) in enumerate(zip(result.units, result.years)):
        rank = views.finite(ranks[i])
        interval = None
        if analysis is not None:
            low, high = views.finite(analysis.rank_p05[i]), views.finite(analysis.rank_p95[i])
            interval = None if low is None or high is None else (int(low), int(high))
        out.append((i, [None if rank is None else int(rank), str(unit), year, views.finite(index[i]),
                        *[views.finite(children[c][i]) for c in _children(result)], interval]))
    out.sort(key=lambda item: (item[1][2] or 0, item[1][0] is None, item[1][0] or 0, item[1][1]))
    return out


def panel_text(result: Any, analysis: Any | None, lang: words.Lang, width: int | None = None) -> str:
    """The ranking as a terminal table: rank (and its 5–95 % interval), unit, year, index and the
    index's children — as many of them as fit ``width`` (Chinese counted as two columns), unit
    names clipped first."""
    from lawgov_score.render.terminal import MIN_UNIT_WIDTH, terminal_width

    width = width or terminal_width()
    children = _children(result)
    ordered = _rows(result, analysis)
    for shown in range(len(children), -1, -1):
        header = [words.word("rank", lang), words.word("unit", lang), words.word("year", lang),
                  words.word("overall", lang), *children[:shown]]
        if analysis is not None:
            header.append("排名区间" if lang == "zh" else "rank 5–95%")
        rows = []
        for _, cells in ordered:
            rank, unit, year, index, *scores, interval = cells
            row = [str(rank or "—"), unit, "" if year is None else str(year), _number(index),
                   *map(_number, scores[:shown])]
            if analysis is not None:
                row.append("—" if interval is None else f"{interval[0]}–{interval[1]}")
            rows.append(row)
        widths = [max(display_width(r[k]) for r in [header, *rows]) for k in range(len(header))]
        room = width - (sum(widths) - widths[1]) - 2 * (len(header) - 1)
        if room >= min(MIN_UNIT_WIDTH, widths[1]) or shown == 0:
            rows = [[r[0], clip(r[1], max(room, MIN_UNIT_WIDTH)), *r[2:]] for r in rows]
            table = render_table(header, rows, numeric=(0, 2, *range(3, 4 + shown)))
            break
    left = children[shown:]
    notes = []
    if left:
        span = left[0] if len(left) == 1 else f"{left[0]}–{left[-1]}"
        notes.append(f"（终端宽度不足，未显示{span}；完整结果请用 --format csv 或 xlsx）" if lang == "zh" else
                     f"({span} left out to fit the terminal: --format csv or xlsx has them all)")
    if analysis is not None:
        seed = getattr(analysis, "seed", None)
        notes.append(f"（不确定性分析：{analysis.n} 个基础样本，种子 {seed}）" if lang == "zh" else
                     f"(uncertainty analysis: {analysis.n} base samples, seed {seed})")
    return table + "".join(f"{note}\n" for note in notes)


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}" if abs(value) >= 1 or value == 0 else f"{value:.3g}"


def panel_sheets(result: Any, analysis: Any | None, spec: Any) -> list[Sheet]:
    """The workbook of ``rank``: the ranking, every node's scores and ranks, the weights, and the
    sensitivity of the ranks when the uncertainty analysis ran."""
    children = _children(result)
    ranking_columns = [column("rank", "int"), column("unit"), column("year", "int"),
                       Column(result.index, (result.index, result.index), "number"),
                       *(Column(c, (c, c), "number") for c in children)]
    if analysis is not None:
        ranking_columns += [Column("rank_p05", ("排名5%分位", "rank 5%"), "int"),
                            Column("rank_p95", ("排名95%分位", "rank 95%"), "int")]
    ranking = []
    for _, cells in _rows(result, analysis):
        *values, interval = cells
        ranking.append(tuple(values) + (() if analysis is None else (interval or (None, None))))
    header, table = result.table()
    nodes = [Column(h, (h, h), "int" if h.endswith(".rank") else "text" if h in ("unit",) else "number")
             for h in header]
    full = [tuple(None if cell == "" else _cell(cell) for cell in row) for row in table]
    weights = [(code, parent or "", result.effective_weights.get(code)) for code, parent in
               zip(result.codes, result.parents)]
    sheets = [
        Sheet(("排名", "ranking"), ranking_columns, ranking),
        Sheet(("各节点", "all nodes"), nodes, full),
        Sheet(("权重", "weights"), [Column("code", ("节点", "node")), Column("parent", ("上级", "parent")),
                                     Column("weight", ("占指数权重", "share of the index"), "share")], weights),
    ]
    rows = sensitivity_rows(analysis)
    if rows:
        sheets.append(Sheet(("敏感性", "sensitivity"),
                            [Column("assumption", ("假设", "assumption")), Column("S1", ("一阶指数", "first-order S1"),
                                                                                 "number"),
                             Column("S1_se", ("一阶标准误", "S1 standard error"), "number"),
                             Column("ST", ("总效应指数", "total ST"), "number"),
                             Column("ST_se", ("总效应标准误", "ST standard error"), "number")],
                            [(r.name, r.first, r.first_se, r.total, r.total_se) for r in rows]))
    sheets.append(Sheet(("说明", "notes"), [Column("item", ("项目", "item")), Column("value", ("内容", "value"))],
                        [("pipeline", str(spec.name or "")),
                         ("seed", "" if analysis is None else str(getattr(analysis, "seed", "")))]))
    return sheets


def _cell(text: Any) -> Any:
    try:
        number = float(text)
    except (TypeError, ValueError):
        return text
    return number if math.isfinite(number) else None
