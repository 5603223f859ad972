"""A blank data-entry sheet for a framework (``lawgov-score template``): one row per unit, one
column per indicator, and notes rows (name, unit of measure, goalposts, direction) that the
reader of tables skips — so the filled-in file is read back by ``score-table`` as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lawgov_score.model.framework import Framework, Indicator, goalposts_of
from lawgov_score.output_text import csv_text
from lawgov_score.render.rows import Column, Sheet
from lawgov_score.render.words import Lang
from lawgov_score.tables.sheets import COMMENT

DIRECTIONS = {1: ("越高越好", "higher is better"), -1: ("越低越好", "lower is better"), 0: ("不计分", "not scored")}
NOTES = (("名称", "name"), ("维度", "dimension"), ("计量单位", "unit of measure"), ("目标值", "goalposts"),
         ("方向", "direction"))


def _goalposts(indicator: Indicator) -> str:
    posts = goalposts_of(indicator)
    if posts is None:
        return ""
    if indicator.unit == "%":
        return f"{posts[0] * 100:g}%–{posts[1] * 100:g}%"
    return f"{posts[0]:g}–{posts[1]:g}"


def _note_cells(framework: Framework, lang: Lang) -> list[list[str]]:
    rows: list[list[str]] = [[], [], [], [], []]
    for d in framework.dimensions:
        for i in d.indicators:
            zh_en = DIRECTIONS[i.direction]
            name = i.name_zh if lang == "zh" or not i.name_en else i.name_en
            rate = "比率（填 95% 或 0.95）" if lang == "zh" else "a rate (write 95% or 0.95)"
            measure = rate if i.unit == "%" else i.unit
            for row, cell in zip(rows, (name, d.code, measure, _goalposts(i), zh_en[0] if lang == "zh" else zh_en[1])):
                row.append(cell)
    return rows


def template_sheets(framework: Framework, units: Sequence[str], year: int | None, lang: Lang) -> list[Sheet]:
    """The values sheet (header, notes rows, a row per unit) and a sheet describing each indicator."""
    indicators = [i for d in framework.dimensions for i in d.indicators]
    columns = [Column("unit", ("unit", "unit")), Column("year", ("year", "year"), "int"),
               *(Column(i.id, (i.id, i.id), "share" if i.unit == "%" else "number") for i in indicators)]
    notes = [[f"{COMMENT} {zh} {en}" if lang == "zh" else f"{COMMENT} {en} {zh}", "", *cells]
             for (zh, en), cells in zip(NOTES, _note_cells(framework, lang))]
    blank: list[Any] = [None] * len(indicators)
    rows = [*notes, *([unit, year, *blank] for unit in units)]
    described = [(i.id, d.code, i.name_zh, i.name_en, i.kind, i.unit, _goalposts(i), DIRECTIONS[i.direction][1],
                  i.weight, i.description) for d in framework.dimensions for i in d.indicators]
    about = [Column(key, label) for key, label in (
        ("id", ("指标代码", "id")), ("dimension", ("维度", "dimension")), ("name_zh", ("名称", "name")),
        ("name_en", ("英文名称", "English name")), ("kind", ("类型", "kind")), ("unit", ("计量单位", "unit")),
        ("goalposts", ("目标值", "goalposts")), ("direction", ("方向", "direction")),
        ("weight", ("权重", "weight")), ("description", ("说明", "description")))]
    return [Sheet(("数据", "values"), columns, rows), Sheet(("指标说明", "indicators"), about, described)]


def template_csv(framework: Framework, units: Sequence[str], year: int | None, lang: Lang) -> str:
    """The values sheet as CSV (UTF-8 with a byte-order mark, as Excel wants it)."""
    values = template_sheets(framework, units, year, lang)[0]
    return "\ufeff" + csv_text([c.key for c in values.columns],
                               [["" if v is None else v for v in row] for row in values.rows])
