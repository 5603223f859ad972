"""The inline SVG charts: values in data attributes, geometry, escaping, legible heat-map cells."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov_score.render.charts import RadarAxis, Series, bars, gauge, heat_colour, radar

AXES = [RadarAxis(f"D{k}", f"维度{k}", f"Dim {k}") for k in range(1, 11)]


def test_radar_has_one_axis_per_dimension_with_its_value() -> None:
    values = [10.0 * k for k in range(10)]
    values[3] = None  # type: ignore[call-overload]
    svg = str(radar(AXES, [Series("甲", values)], ident="r", title="t"))
    assert svg.startswith('<svg class="chart radar"') and 'data-axes="10"' in svg
    found = re.findall(r'data-code="(D\d+)" data-value="([^"]*)"', svg)
    assert [c for c, _ in found] == [a.code for a in AXES]
    assert [v for _, v in found] == ["0", "10", "20", "", "40", "50", "60", "70", "80", "90"]
    assert 'class="pt missing"' in svg and "no score" in svg


def test_radar_points_sit_at_their_value() -> None:
    svg = str(radar(AXES[:5], [Series("甲", [0, 25, 50, 75, 100])], ident="r", title="t"))
    points = [(float(x), float(y)) for x, y in re.findall(r'<circle cx="([-\d.]+)" cy="([-\d.]+)"', svg)]
    assert [round(math.hypot(x, y) / 120 * 100) for x, y in points] == [0, 25, 50, 75, 100]


def test_two_series_differ_by_line_and_marker_not_only_colour() -> None:
    svg = str(radar(AXES, [Series("2023", [50] * 10), Series("2022", [40] * 10, "dashed")], ident="r", title="t"))
    assert "series-0 solid" in svg and "series-1 dashed" in svg
    assert svg.count("<circle") == 10 and svg.count("<rect") == 10


@given(st.text(max_size=20))
def test_chart_text_is_escaped(label: str) -> None:
    """Whatever a label or title holds, it never opens a tag or ends an attribute."""
    axes = [RadarAxis("D1", label, label), RadarAxis(label, "b")]
    for svg in (
        str(radar(axes, [Series(label, [1, 2])], ident="r", title=label)),
        str(bars([label, "x"], [1.0, None], title=label)),
        str(gauge(50, title=label)),
    ):
        text = re.sub(r"<[^>]*>", "", svg)
        assert "<" not in text and ">" not in text
        for tag in re.findall(r"<[^>]*>", svg):
            assert tag.count('"') % 2 == 0


def test_bars_mark_missing_values_with_a_cross() -> None:
    svg = str(bars(["D1 a", "D2 b", "D3 c"], [80.0, None, 0.0], title="t"))
    assert svg.count("<rect") == 2 and 'class="missing"' in svg and "D2 b: no score" in svg


@pytest.mark.parametrize("value", [None, 0, 25, 50, 75, 100, 150])
def test_heat_colours_keep_the_number_legible(value: float | None) -> None:
    background, foreground = heat_colour(value)
    assert re.fullmatch(r"#[0-9a-f]{6}", background) and foreground in ("#000000", "#ffffff", "#555555")

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(background), luminance(foreground)), reverse=True)
    assert (high + 0.05) / (low + 0.05) >= 4.5  # WCAG AA for normal text


def test_heat_colour_darkens_with_the_score() -> None:
    assert heat_colour(10)[0] != heat_colour(90)[0]
    assert heat_colour(50, 0, 50) == heat_colour(100)
