"""Assessments in a Jupyter notebook: ``_repr_html_`` of one assessment (its radar and dimension
table) and of a collection (its ranking). Plain HTML with inline styles, as notebooks render it."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from lawgov_score.model.assessment import Assessment
from lawgov_score.render import charts, views
from lawgov_score.render.words import DEFAULT_LANG, Lang, pair, status_name, word

_TABLE = 'style="border-collapse:collapse;font-size:90%"'
_CELL = 'style="border:1px solid #ccc;padding:2px 6px;text-align:{align}"'


def _cell(text: object, numeric: bool = False, header: bool = False) -> str:
    tag = "th" if header else "td"
    return f"<{tag} {_CELL.format(align='right' if numeric else 'left')}>{escape(text)}</{tag}>"


def assessment_html(a: Assessment, lang: Lang = DEFAULT_LANG) -> str:
    """One assessment: the overall and grade, the radar of its dimensions, a row per dimension."""
    axes = [views.axis(d.code, d.title_zh, d.title_en) for d in a.dimensions]
    title = f"{a.unit.name} {a.unit.year or ''}".strip()
    radar = charts.radar([charts.RadarAxis(x.code, x.zh, x.en) for x in axes],
                         [charts.Series(title, [d.score for d in a.dimensions])],
                         ident=f"radar-{abs(hash(a.provenance.input_sha256 + title)) % 10**8}",
                         title=f"{title}: dimension scores (0–100)")
    band = views.band(a.overall)
    grade = "" if band is None else pair((band.zh, band.en), lang)
    head = "".join(_cell(word(k, lang), header=True) for k in ("code", "dimension", "score", "coverage", "status"))
    rows = "".join(
        "<tr>" + _cell(d.code) + _cell(pair((x.zh, x.en), lang)) + _cell(views.format_score(d.score), True)
        + _cell(views.format_share(d.coverage), True) + _cell(status_name(d.status, lang)) + "</tr>"
        for d, x in zip(a.dimensions, axes))
    return str(Markup(
        f'<div style="display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start">'
        f'<div style="max-width:26em"><p><strong>{escape(title)}</strong>: {escape(word("overall", lang))} '
        f"<strong>{views.format_score(a.overall)}</strong> / 100 · {escape(grade)} · "
        f"{escape(status_name(a.status, lang))} · {len(a.warnings)} {escape(word('warnings', lang))}</p>"
        f"<table {_TABLE}><tr>{head}</tr>{rows}</table></div>"
        f'<div style="width:26em;font-size:12px">{radar}</div></div>'))


def collection_html(assessments: Sequence[Assessment], lang: Lang = DEFAULT_LANG) -> str:
    """Several assessments: the ranking with each unit's overall, grade and dimension scores."""
    from lawgov_score.scoring import rank

    codes = [x.code for x in views.axes_of(assessments)]
    by_key = {(a.unit.name, a.unit.year): a for a in assessments}
    head = "".join(_cell(word(k, lang), header=True) for k in ("rank", "unit", "year", "overall", "grade"))
    head += "".join(_cell(code, header=True) for code in codes)
    body = []
    for entry in rank(assessments):
        a = by_key[(entry.unit, entry.year)]
        band = views.band(a.overall)
        scores = {d.code: d.score for d in a.dimensions}
        body.append("<tr>" + _cell(entry.rank or "—", True) + _cell(a.unit.name) + _cell(a.unit.year or "", True)
                    + _cell(views.format_score(a.overall), True)
                    + _cell("" if band is None else band.zh if lang == "zh" else band.en)
                    + "".join(_cell(views.format_score(scores.get(c)), True) for c in codes) + "</tr>")
    return (f"<p>{len(assessments)} {'个单位' if lang == 'zh' else 'units'}</p>"
            f"<table {_TABLE}><tr>{head}</tr>{''.join(body)}</table>")
