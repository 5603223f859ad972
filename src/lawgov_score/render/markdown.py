"""The report as Markdown, for terminals and issue trackers: the HTML page's content, charts as tables.

Report text is escaped with backslashes (CommonMark), so a quote containing ``<script>``,
``[link](javascript:…)``, ``|`` or ``&lt;`` shows literally and breaks no table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lawgov_score.model.assessment import Assessment, DimensionScore, ScoreWarning
from lawgov_score.render import views
from lawgov_score.render.views import format_delta, format_raw, format_score, format_share
from lawgov_score.render.words import (
    Lang,
    band_legend,
    both,
    message_text,
    pair,
    rule_text,
    status_legend,
    status_name,
    task_grade_legend,
    task_grade_name,
    word,
)
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


def _grade(score: float | None, lang: Lang = "en") -> str:
    b = views.band(score)
    if b is None:
        return both("no_score", lang)
    if lang == "zh":
        return f"{b.zh}（{'✓ 及格' if b.passed else '✗ 未达及格线'}）"
    sign = "✓ pass" if b.passed else "✗ below the pass line"
    return f"{b.zh} ({b.en}; {sign})"


def _h(words: tuple[str, str], lang: Lang) -> str:
    return md(pair(words, lang))


def unit_markdown(a: Assessment, level: int = 1, explain: str | None = None, lang: Lang = "zh") -> list[str]:
    """One assessment: overall, dimensions, indicators, evidence, audit, warnings, provenance, legend."""
    h = "#" * level
    out = [f"{h} {md(a.unit.name)}{f' {a.unit.year}' if a.unit.year is not None else ''}", ""]
    if lang == "zh":
        out.append(f"**总分 {format_score(a.overall)} / 100** — {_grade(a.overall, lang)}。及格线 60。"
                   f"状态：{status_name(a.status, lang)}；缺失数据规则 {a.missing_policy}。")
    else:
        out.append(f"**Overall: {format_score(a.overall)} / 100** — {_grade(a.overall, lang)}. Pass line 60. "
                   f"Status {status_name(a.status, lang)}, missing-data policy {a.missing_policy}.")
    out += ["", f"{h}# {_h(('维度（雷达图数据）', 'Dimensions (radar chart as a table)'), lang)}", ""]
    rows = []
    for d in a.dimensions:
        ax = views.axis(d.code, d.title_zh, d.title_en)
        quotes = sum(len(i.evidence) for i in d.indicators)
        rows.append(
            [d.code, md(pair((ax.zh, ax.en), lang)), format_score(d.score), bar(d.score), format_share(d.coverage),
             format_share(d.effective_weight), status_name(d.status, lang), str(quotes)]
        )
    out += table([word("code", lang), word("dimension", lang), word("score", lang), "0–100", word("coverage", lang),
                   word("effective_weight", lang), word("status", lang), word("quotes", lang)],
                 rows, numeric=(2, 4, 5, 7))
    numbers = _quote_numbers(a)
    shown = [d for d in a.dimensions if explain is None or d.code == explain]
    contribution = ("贡献 = 占总分权重 × 得分；各项贡献之和即总分。" if lang == "zh" else
                    "Contribution = share of overall × score; the contributions add up to the overall score.")
    out += ["", f"{h}# {_h(('指标', 'Indicators'), lang)}", "", contribution]
    for d in shown:
        out += ["", *_dimension(d, level + 2, numbers, lang)]
    out += ["", f"{h}# {_h(('证据', 'Evidence'), lang)}", ""]
    any_quote = False
    for d in shown:
        for i in d.indicators:
            for k, e in enumerate(i.evidence):
                where = f" [{e.start}–{e.end}]" if e.start is not None else ""
                out.append(f"{numbers[(i.id, k)]}. “{md(e.quote)}” — {md(i.name_zh)} (`{i.id}`){where}")
                any_quote = True
    if not any_quote:
        out.append("无引文：没有指标带有证据。" if lang == "zh" else "No quotes: no indicator carries evidence.")
    out += ["", f"{h}# {_h(('一致性核验', 'Consistency audit'), lang)}", ""]
    if a.audit:
        signs = {"consistent": "✓", "inconsistent": "✗", "unverifiable": "?"}
        results = {"consistent": ("一致", "consistent"), "inconsistent": ("不一致", "inconsistent"),
                   "unverifiable": ("无法核验", "unverifiable")}
        out += table(
            [word("check", lang), word("result", lang), word("quote", lang), word("arithmetic", lang)],
            [[md(f.check), f"{signs.get(f.status, '')} {pair(results.get(f.status, (f.status, f.status)), lang)}",
              md(f.quote), md(f.arithmetic)] for f in a.audit],
        )
    else:
        out.append("没有可核验的数据。" if lang == "zh" else "No consistency checks were run or possible.")
    out += ["", f"{h}# {_h(('警告与失败', 'Warnings and failures'), lang)}", ""]
    out += [f"- ⚠ {md(_warning(w, lang))}" for w in a.warnings] or ["无警告。" if lang == "zh" else "No warnings."]
    out += [f"- ✗ failure: {f.dimension} ({md(f.plugin)}): {md(f.error)}: {md(f.message)}" for f in a.failures]
    p = a.provenance
    plugins = ", ".join(f"{md(x.name)} {md(x.version)}" + (f" ({' '.join(x.dimensions)})" if x.dimensions else "")
                        for x in p.plugins) or "—"
    out += [
        "", f"{h}# {_h(('来源', 'Provenance'), lang)}", "",
        f"- {word('source', lang)}: {md(p.source or '—')}",
        f"- input SHA-256: `{p.input_sha256}`",
        f"- {word('framework', lang)}: {md(p.framework_id)} {md(p.framework_version)}",
        f"- lawgov-score {md(p.library_version)}; {both('plugins', lang)} ({word('contributed', lang)}): {plugins}",
    ]
    out += ["", *legend_markdown([a], level + 1, lang, tasks=True)]
    return out


def _warning(w: ScoreWarning | str, lang: Lang) -> str:
    if not isinstance(w, ScoreWarning):
        return str(w)
    where = w.indicator or w.dimension
    text = message_text(w.message, w.message_zh, lang)
    return f"{where}: {text}" if where else text


def legend_markdown(assessments: Sequence[Assessment], level: int, lang: Lang, tasks: bool = False) -> list[str]:
    """What the grades and the statuses shown mean, and the key-task grades."""
    statuses: list[str] = [s for a in assessments for s in (a.status, *(d.status for d in a.dimensions))]
    if tasks:
        statuses += [i.status for a in assessments for d in a.dimensions for i in d.indicators]
    out = [f"{'#' * level} {_h(('图例', 'Legend'), lang)}", ""]
    out += ["- " + "; ".join(f"{md(e.term)} {md(e.meaning)}" for e in band_legend(lang))]
    out += [f"- **{md(e.term)}**: {md(e.meaning)}" for e in status_legend(statuses, lang)]
    if tasks:
        out += [f"- **{md(e.term)}**: {md(e.meaning)}" for e in task_grade_legend(lang)]
    return out


def _quote_numbers(a: Assessment) -> dict[tuple[str, int], int]:
    numbers: dict[tuple[str, int], int] = {}
    for d in a.dimensions:
        for i in d.indicators:
            for k in range(len(i.evidence)):
                numbers[(i.id, k)] = len(numbers) + 1
    return numbers


def _dimension(d: DimensionScore, level: int, numbers: dict[tuple[str, int], int], lang: Lang) -> list[str]:
    ax = views.axis(d.code, d.title_zh, d.title_en)
    out = [f"{'#' * level} {d.code} {md(pair((ax.zh, ax.en), lang))} — {format_score(d.score)}", ""]
    for note in d.notes:
        out += [f"> ⚠ {md(_warning(note, lang))}", ""]
    rows = []
    for i in d.indicators:
        quotes = ", ".join(str(numbers[(i.id, k)]) for k in range(len(i.evidence)))
        contribution = "—" if i.contribution is None else f"{i.contribution:.2f}"
        status = status_name(i.status, lang) + (f" · {task_grade_name(i.grade, lang)}" if i.grade else "")
        rows.append([f"{md(i.name_zh)} `{i.id}`", md(format_raw(i.raw, i.unit)), format_score(i.score), f"{i.weight:g}",
                     format_share(i.effective_weight), contribution, status, quotes])
    if rows:
        out += table([word("indicator", lang), word("raw", lang), word("score", lang), word("weight", lang),
                      word("effective_weight", lang), word("contribution", lang), word("status", lang),
                      word("quotes", lang)], rows, numeric=(1, 2, 3, 4, 5))
    rules = [f"- `{i.id}`: {md(rule_text(i.rule, i.rule_zh, lang))}" for i in d.indicators if i.rule or i.rule_zh]
    if rules:
        out += ["", f"{word('rule', lang)}:", "", *rules]
    return out


def collection_markdown(units: Sequence[views.UnitScores], axes: Sequence[views.Axis], *, bands: bool = True,
                        title: str = "", lang: Lang = "zh") -> list[str]:
    """Several units: ranking (with rank intervals), heat map as a table, year-on-year changes."""
    ordered = views.ranked(units)
    default_title = f"{len(units)} 个单位" if lang == "zh" else f"{len(units)} units"
    out = [f"# {md(title or default_title)}", "", f"## {_h(('排名', 'Ranking'), lang)}", ""]
    intervals = any(u.interval is not None for u in ordered)
    header = [word("rank", lang), *([pair(("排名区间（5–95%）", "Rank interval (5–95%)"), lang)] if intervals else []),
              word("unit", lang), word("year", lang), word("overall", lang), *([word("grade", lang)] if bands else [])]
    rows = []
    for u in ordered:
        interval = []
        if intervals:
            median = f" ({u.median_rank:g})" if u.median_rank is not None else ""
            interval = [f"{u.interval[0]}–{u.interval[1]}{median}" if u.interval else "—"]
        grade = [_grade(u.overall, lang)] if bands else []
        rows.append([str(u.rank or "—"), *interval, md(u.name), str(u.year or ""), format_score(u.overall), *grade])
    out += table(header, rows, numeric=(0, 1, 3, 4) if intervals else (0, 2, 3))
    out += ["", f"## {_h(('热力图：单位 × 维度', 'Heat map: units × dimensions'), lang)}", ""]
    legend = ", ".join(f"{a.code} {md(a.zh)}" for a in axes)
    out += [f"{word('dimension', lang)}: {legend}.", ""]
    out += table([word("unit", lang), *[a.code for a in axes], word("overall", lang)],
                 [[md(u.label), *[format_score(u.dims.get(a.code)) for a in axes], format_score(u.overall)]
                  for u in ordered], numeric=tuple(range(1, len(axes) + 2)))
    compared = views.comparisons(units, axes)
    if compared:
        out += ["", f"## {_h(('年度对比', 'Year on year'), lang)}"]
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
    lang: Lang = "zh",
    title: str | None = None,
) -> str:
    """The Markdown report: one unit in full, or several with ranking, heat map and comparisons.

    :param explain: a dimension code: show only that dimension's indicators and evidence.
    :param uncertainty: a rank-uncertainty result whose 5–95 % intervals the ranking shows.
    :param lang: the language shown first (``zh``: Chinese with the English beside it).
    :param title: the report's title (default: the unit, or "N units").
    """
    if len(assessments) == 1:
        lines = unit_markdown(assessments[0], 1, explain, lang)
        if title:
            lines = [f"# {md(title)}", "", *(line.replace("#", "##", 1) if line.startswith("#") else line
                                              for line in lines)]
        return "\n".join(lines) + "\n"
    if ranking is None:
        from lawgov_score.scoring import rank

        ranking = rank(assessments)
    units = [views.unit_scores(a, f"u{i + 1}") for i, a in enumerate(assessments)]
    units = views.attach_ranks(units, {(r.unit, r.year): r.rank for r in ranking}, uncertainty)
    out = collection_markdown(units, views.axes_of(assessments), title=title or "", lang=lang)
    out += ["", *legend_markdown(assessments, 2, lang)]
    out += ["", f"## {_h(('各单位', 'Units'), lang)}"]
    for a in assessments:
        out += ["", *unit_markdown(a, 3, explain, lang)]
    return "\n".join(out) + "\n"
