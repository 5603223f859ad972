"""Small inline SVG charts: a radar of the dimensions, score bars, a gauge and heat-map colours.

Our own code rather than a charting library: the page must work offline with no external asset,
and four chart types of a few dozen lines each are less to audit than a JavaScript bundle.
Every function is pure and returns :class:`markupsafe.Markup`; every piece of text in it is
escaped here, so a template can insert it as it is. Charts carry ``data-*`` attributes with
their values (for tests and for scripts) and a ``<title>``/``<desc>`` for screen readers; the
page puts a table with the same numbers next to each chart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from attrs import field, frozen
from markupsafe import Markup, escape

from lawgov_score.model import tuple_of

LABEL_GAP = 16.0
"""How far beyond the outer ring a radar's labels start (points are drawn with a radius of 4)."""
# A sequential, colour-blind-safe scale (ColorBrewer YlGnBu), light = low, dark = high.
HEAT_STOPS = ((255, 255, 217), (199, 233, 180), (65, 182, 196), (34, 94, 168), (8, 29, 88))


@frozen
class RadarAxis:
    """One spoke: the dimension code, its short Chinese and English labels."""

    code: str
    zh: str
    en: str = ""


@frozen
class Series:
    """One polygon of a radar: a name and a value per axis (``None`` where there is no score).

    ``style`` is ``"solid"`` or ``"dashed"``: two series differ by line pattern and markers,
    not by colour alone.
    """

    name: str
    values: tuple[float | None, ...] = field(converter=tuple_of)
    style: str = "solid"


def _n(value: float) -> str:
    return f"{value:.1f}"


def _value(value: float | None) -> str:
    return "" if value is None else f"{value:.6g}"


def _label(value: float | None) -> str:
    return "no score" if value is None else f"{value:.1f}"


def radar(
    axes: Sequence[RadarAxis],
    series: Sequence[Series],
    *,
    ident: str,
    title: str,
    minimum: float = 0.0,
    maximum: float = 100.0,
    pass_line: float | None = 60.0,
) -> Markup:
    """A radar (spider) chart: one spoke per axis, rings every 20 %, the pass line drawn dashed.

    :param axes: the spokes, clockwise from the top.
    :param series: one polygon each; values outside ``[minimum, maximum]`` are clipped for drawing only
        (the centre is ``minimum``: 0 for report scores, the lowest score for relative panel scores).
    :param ident: a prefix for the SVG's element ids, unique in the page.
    :param title: the accessible name of the chart.
    :returns: an ``<svg>`` element; each spoke is a ``<g class="axis" data-code data-value>``
        with the first series' value.
    """
    n = len(axes)
    radius = 120.0
    out = [
        f'<svg class="chart radar" viewBox="-250 -190 500 380" role="img" data-axes="{n}" '
        f'aria-labelledby="{escape(ident)}-t {escape(ident)}-d" id="{escape(ident)}">',
        f'<title id="{escape(ident)}-t">{escape(title)}</title>',
        f'<desc id="{escape(ident)}-d">{escape(_description(axes, series))}</desc>',
    ]
    if n == 0:
        out.append('<text x="0" y="0" text-anchor="middle">no dimensions</text></svg>')
        return Markup("".join(out))

    span = (maximum - minimum) or 1.0

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * (max(minimum, min(value, maximum)) - minimum) / span
        return r * math.cos(angle), r * math.sin(angle)

    for level in (0.2, 0.4, 0.6, 0.8, 1.0):
        ring = " ".join(f"{_n(x)},{_n(y)}" for x, y in (point(i, minimum + level * span) for i in range(n)))
        out.append(f'<polygon class="ring" points="{ring}"/>')
    if pass_line is not None and minimum < pass_line < maximum:
        ring = " ".join(f"{_n(x)},{_n(y)}" for x, y in (point(i, pass_line) for i in range(n)))
        out.append(f'<polygon class="ring pass" points="{ring}"><title>pass line {pass_line:g}</title></polygon>')
        x, y = point(0, pass_line)
        out.append(f'<text class="tick" x="4" y="{_n(y - 2)}">{pass_line:g}</text>')
    x, y = point(0, maximum)
    out.append(f'<text class="tick" x="4" y="{_n(y + 10)}">{maximum:.3g}</text>')
    first_values = series[0].values if series else ()
    for i, ax in enumerate(axes):
        x, y = point(i, maximum)
        angle = -math.pi / 2 + 2 * math.pi * i / n
        cos, sin = math.cos(angle), math.sin(angle)
        lx, ly = (radius + LABEL_GAP) * cos, (radius + LABEL_GAP) * sin
        anchor = "start" if cos > 0.25 else "end" if cos < -0.25 else "middle"
        # The two lines (Chinese, English) stand clear of the outer ring, so never on a point: at
        # the sides they start beyond it; at the top they sit above it, at the bottom below it.
        first = "-1.2em" if anchor == "middle" and sin < 0 else "0.9em" if anchor == "middle" else "0.35em"
        value = first_values[i] if i < len(first_values) else None
        out.append(
            f'<g class="axis" data-code="{escape(ax.code)}" data-value="{_value(value)}" '
            f'data-label="{escape(ax.zh)}">'
            f'<line x1="0" y1="0" x2="{_n(x)}" y2="{_n(y)}"/>'
            f'<text x="{_n(lx)}" y="{_n(ly)}" text-anchor="{anchor}">'
            f'<tspan class="zh" x="{_n(lx)}" dy="{first}">{escape(ax.code)} {escape(ax.zh)}</tspan>'
            f'<tspan class="en" x="{_n(lx)}" dy="1.2em">{escape(ax.en)}</tspan></text></g>'
        )
    for k, s in enumerate(series):
        values = [s.values[i] if i < len(s.values) else None for i in range(n)]
        pts = [point(i, v if v is not None else minimum) for i, v in enumerate(values)]
        style = "dashed" if s.style == "dashed" else "solid"
        out.append(
            f'<g class="series series-{k} {style}" data-series="{escape(s.name)}">'
            f'<polygon points="{" ".join(f"{_n(x)},{_n(y)}" for x, y in pts)}"/>'
        )
        for ax, (x, y), v in zip(axes, pts, values):
            shape = (
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4"' if style == "solid"
                else f'<rect x="{_n(x - 3.5)}" y="{_n(y - 3.5)}" width="7" height="7"'
            )
            missing = " missing" if v is None else ""
            out.append(
                f'{shape} class="pt{missing}"><title>{escape(s.name)} · {escape(ax.code)} {escape(ax.zh)}: '
                f"{_label(v)}</title>{'</circle>' if style == 'solid' else '</rect>'}"
            )
        out.append("</g>")
    out.append("</svg>")
    return Markup("".join(out))


def _description(axes: Sequence[RadarAxis], series: Sequence[Series]) -> str:
    parts = []
    for s in series:
        values = ", ".join(
            f"{ax.code} {ax.zh} {_label(s.values[i] if i < len(s.values) else None)}" for i, ax in enumerate(axes)
        )
        parts.append(f"{s.name}: {values}")
    return "; ".join(parts)


def bars(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    title: str,
    low: float = 0.0,
    high: float = 100.0,
    pass_line: float | None = 60.0,
) -> Markup:
    """A small bar chart (a "small multiple"): one bar per dimension on a shared 0–100 scale.

    A missing value is drawn as a cross on the baseline, so it is not mistaken for a zero.
    """
    width, height, top, base = 220.0, 96.0, 6.0, 80.0
    n = max(len(values), 1)
    step = width / n
    span = (high - low) or 1.0

    def y_of(value: float) -> float:
        share = (min(max(value, low), high) - low) / span
        return base - share * (base - top)

    out = [
        f'<svg class="chart bars" viewBox="0 0 {width:g} {height:g}" role="img" data-bars="{len(values)}">',
        f"<title>{escape(title)}</title>",
        f'<line class="baseline" x1="0" y1="{base:g}" x2="{width:g}" y2="{base:g}"/>',
    ]
    if pass_line is not None and low < pass_line < high:
        y = y_of(pass_line)
        out.append(f'<line class="pass" x1="0" y1="{_n(y)}" x2="{width:g}" y2="{_n(y)}"/>')
    for i, (label, value) in enumerate(zip(labels, values)):
        x = i * step + step * 0.15
        w = step * 0.7
        tip = f"{label}: {_label(value)}"
        if value is None:
            cx = x + w / 2
            out.append(
                f'<path class="missing" d="M{_n(cx - 3)} {_n(base - 6)}l6 6m0 -6l-6 6">'
                f"<title>{escape(tip)}</title></path>"
            )
        else:
            y = y_of(value)
            zero = y_of(max(low, min(0.0, high)))
            top_y, h = min(y, zero), abs(zero - y)
            out.append(
                f'<rect x="{_n(x)}" y="{_n(top_y)}" width="{_n(w)}" height="{_n(max(h, 0.5))}" '
                f'data-value="{_value(value)}"><title>{escape(tip)}</title></rect>'
            )
        code = label.split(" ")[0]
        short = code[1:] if re.fullmatch(r"D\d+", code) else code  # D1–D10 as 1–10, to fit
        out.append(f'<text x="{_n(x + w / 2)}" y="{base + 12:g}" text-anchor="middle">{escape(short)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def gauge(value: float | None, *, title: str, pass_line: float = 60.0, maximum: float = 100.0) -> Markup:
    """A horizontal 0–100 bar with the score filled and the pass line marked and labelled."""
    width = 300.0
    fill = 0.0 if value is None else width * max(0.0, min(value, maximum)) / maximum
    px = width * pass_line / maximum
    return Markup(
        f'<svg class="chart gauge" viewBox="0 -14 {width:g} 40" role="img" data-value="{_value(value)}">'
        f"<title>{escape(title)}</title>"
        f'<rect class="track" x="0" y="0" width="{width:g}" height="12" rx="3"/>'
        f'<rect class="fill" x="0" y="0" width="{_n(fill)}" height="12" rx="3"/>'
        f'<line class="pass" x1="{_n(px)}" y1="-4" x2="{_n(px)}" y2="16"/>'
        f'<text x="{_n(px)}" y="-6" text-anchor="middle">pass {pass_line:g}</text>'
        f'<text x="0" y="25">0</text><text x="{width:g}" y="25" text-anchor="end">{maximum:g}</text>'
        "</svg>"
    )


def rank_interval(low: int, high: int, rank: int | None, count: int) -> Markup:
    """A rank interval on the scale 1 … ``count``: a bar from ``low`` to ``high``, a dot at ``rank``.

    Rank 1 is on the left. The numbers are written next to it in the page; this only draws them.
    """
    width, pad = 120.0, 4.0
    count = max(count, 1)

    def x_of(value: float) -> float:
        return pad + (width - 2 * pad) * ((min(max(value, 1), count) - 1) / max(count - 1, 1))

    dot = "" if rank is None else f'<circle cx="{_n(x_of(rank))}" cy="6" r="3"/>'
    return Markup(
        f'<svg class="chart interval" viewBox="0 0 {width:g} 12" aria-hidden="true" focusable="false" '
        f'data-low="{low}" data-high="{high}">'
        f'<line class="track" x1="{pad:g}" y1="6" x2="{width - pad:g}" y2="6"/>'
        f'<rect x="{_n(x_of(low) - 1)}" y="2" width="{_n(x_of(high) - x_of(low) + 2)}" height="8" rx="2"/>'
        f"{dot}</svg>"
    )


def heat_colour(value: float | None, low: float = 0.0, high: float = 100.0) -> tuple[str, str]:
    """Background and text colour of a heat-map cell: ``(background, foreground)`` as CSS hex.

    The cell always shows its number as well; the colour only repeats it.
    """
    if value is None or not math.isfinite(value):
        return "#ffffff", "#555555"
    share = 0.0 if high == low else (min(max(value, low), high) - low) / (high - low)
    position = share * (len(HEAT_STOPS) - 1)
    i = min(int(position), len(HEAT_STOPS) - 2)
    t = position - i
    rgb = [round(a + (b - a) * t) for a, b in zip(HEAT_STOPS[i], HEAT_STOPS[i + 1])]
    # relative luminance decides the text colour, so the number stays legible (WCAG contrast)
    lum = sum(c * w for c, w in zip((_linear(c) for c in rgb), (0.2126, 0.7152, 0.0722)))
    return "#{:02x}{:02x}{:02x}".format(*rgb), "#000000" if lum > 0.22 else "#ffffff"


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
