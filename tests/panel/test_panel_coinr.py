"""Reproduce COINr's published ASEM example (tests/data/coinr-asem/README.md) to 0.01."""

from __future__ import annotations

import numpy as np
import pytest

from lawgov_score.panel import Hierarchy, Panel, PanelResult, coherence, coinr_example_spec, run_pipeline
from lawgov_score.panel.aggregate import harmonic
from lawgov_score.panel.engine import compile_tree, evaluate
from lawgov_score.panel.hierarchy import Node
from lawgov_score.panel.normalise import minmax
from lawgov_score.panel.registry import resolve_methods

COLUMNS = ("Index", "Conn", "Sust", "Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ",
           "Social", "SusEcFin")
TOP_ROWS = {
    "CHE": (68.38, 62.79, 73.98, 63.41, 32.87, 74.78, 85.94, 56.93, 77.21, 87.85, 56.88),
    "NLD": (64.82, 61.94, 67.70, 64.87, 46.62, 84.55, 71.74, 41.92, 58.73, 86.58, 57.78),
    "DNK": (64.80, 57.10, 72.51, 50.52, 30.43, 78.13, 75.35, 51.04, 69.83, 86.40, 61.29),
    "NOR": (64.47, 57.44, 71.50, 58.18, 25.70, 80.03, 89.46, 33.80, 70.90, 87.00, 56.59),
    "BEL": (63.54, 63.99, 63.09, 71.97, 48.22, 80.84, 75.60, 43.32, 53.01, 86.17, 50.09),
    "SWE": (63.00, 53.87, 72.12, 51.51, 23.87, 80.98, 74.51, 38.50, 66.37, 87.74, 62.27),
}
INDIA = {
    "Index": (39.79, 45), "Conn": (28.60, 44), "Sust": (50.99, 43), "Physical": (18.78, 48),
    "ConEcFin": (6.38, 49), "Political": (51.90, 33), "Instit": (59.84, 37), "P2P": (6.07, 47),
    "Environ": (75.34, 6), "Social": (22.74, 51), "SusEcFin": (54.88, 36),
}


@pytest.fixture(scope="module")
def result(asem_panel: Panel) -> PanelResult:
    return run_pipeline(asem_panel, coinr_example_spec())


def test_no_unit_screened_and_15_indicators_winsorised(result: PanelResult) -> None:
    assert len(result.units) == 51 and result.dropped == ()
    actions = [action for _, action, _ in result.treatments]
    assert actions.count("winsorised") == 15
    assert actions.count("log") == 0


@pytest.mark.parametrize("unit", sorted(TOP_ROWS))
def test_top_rows(result: PanelResult, unit: str) -> None:
    row = result.row(unit)
    got = [round(float(result.score(code)[row]), 2) for code in COLUMNS]
    assert got == pytest.approx(TOP_ROWS[unit], abs=0.005 + 1e-9)


def test_top_six_order(result: PanelResult) -> None:
    order = np.argsort(result.rank("Index"))[:6]
    assert [result.units[i] for i in order] == ["CHE", "NLD", "DNK", "NOR", "BEL", "SWE"]


@pytest.mark.parametrize("code", sorted(INDIA))
def test_india(result: PanelResult, code: str) -> None:
    row = result.row("IND")
    score, rank = INDIA[code]
    assert round(float(result.score(code)[row]), 2) == pytest.approx(score, abs=1e-9)
    assert int(result.rank(code)[row]) == rank


def test_harmonic_mean_example(asem_rows: list[dict[str, str]]) -> None:
    codes = ["LPI", "Flights", "Ship", "Bord"]
    raw = np.array([[float(row[c]) for c in codes] for row in asem_rows])
    normalised = minmax(raw, low=1, high=100)
    out = harmonic(normalised.T[:, :, None], np.array([[1.0], [1.0], [2.0], [1.0]]))[:5, 0]
    assert [float(f"{v:.3g}") for v in out] == [2.36, 41.5, 14.3, 17.4, 3.93]


def test_data_availability_threshold() -> None:
    hierarchy = Hierarchy([Node("a"), Node("i1", "a"), Node("i2", "a"), Node("i3", "a")])
    data = np.array([[1, 3, 1], [2, np.nan, np.nan], [3, np.nan, 1]], dtype=float)
    tree = compile_tree(hierarchy, ["i1", "i2", "i3"], resolve_methods().aggregators, ("arithmetic", {}, 2 / 3))
    out = evaluate(tree, data, tree.weights[:, None])["a"][:, 0]
    assert out[0] == pytest.approx(1.666667, abs=1e-6)
    assert np.isnan(out[1])
    assert out[2] == pytest.approx(2.0)


def test_effective_weights(result: PanelResult) -> None:
    assert result.effective_weights["Goods"] == pytest.approx(0.02)
    assert round(result.effective_weights["Renew"], 4) == 0.0333
    indicators = result.codes[: result.n_indicators]
    assert sum(result.effective_weights[c] for c in indicators) == pytest.approx(1.0)


def test_correlations(result: PanelResult) -> None:
    report = coherence(result)
    assert report.correlation("Conn", "Index").r == pytest.approx(0.9397805, abs=1e-6)
    assert report.correlation("Sust", "Index").r == pytest.approx(0.8382873, abs=1e-6)
    assert report.correlation("Conn", "Index").p < 1e-20


def test_contributions_add_up(result: PanelResult) -> None:
    assert np.allclose(result.contributions.sum(axis=1), result.score("Index"))
