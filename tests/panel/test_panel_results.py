"""Results, coherence and the input constructors: JSON (schema-valid), CSV, DataFrames, statistics."""

from __future__ import annotations

import io
import math
import sys
from types import SimpleNamespace

import numpy as np
import pytest

from lawgov_score.errors import InputError
from lawgov_score.panel import (
    Assumptions,
    Hierarchy,
    Node,
    Panel,
    PanelResult,
    PipelineSpec,
    Step,
    coherence,
    coinr_example_spec,
    run_pipeline,
    uncertainty,
)
from lawgov_score.panel.stats import cronbach_alpha, incomplete_beta, pearson, principal_components
from lawgov_score.schemas import validate


@pytest.fixture(scope="module")
def result(asem_panel: Panel) -> PanelResult:
    return run_pipeline(asem_panel, coinr_example_spec())


def test_json_document_is_schema_valid(asem_panel: Panel, result: PanelResult) -> None:
    document = result.to_dict()
    analysis = uncertainty(asem_panel, coinr_example_spec(), n=40, seed=3,
                           assumptions=Assumptions(aggregation=("arithmetic", "geometric")))
    document["uncertainty"] = analysis.to_dict()
    document["coherence"] = coherence(result).to_dict()
    validate(document, "panel-result")
    che = next(u for u in document["units"] if u["unit"] == "CHE")
    assert che["ranks"]["Index"] == 1 and round(che["scores"]["Index"], 2) == 68.38
    assert [a["name"] for a in document["uncertainty"]["assumptions"]] == ["weights", "aggregation"]


def test_uncertainty_intervals_contain_median(asem_panel: Panel) -> None:
    analysis = uncertainty(asem_panel, coinr_example_spec(), n=100, seed=1)
    assert np.all(analysis.rank_p05 <= analysis.median_rank)
    assert np.all(analysis.median_rank <= analysis.rank_p95)
    assert analysis.runs == 300  # N (k + 2) with the single "weights" assumption
    assert 0 <= analysis.S1[0] <= 1.05 and analysis.ST[0] == pytest.approx(1, abs=0.1)


def test_csv(result: PanelResult, tmp_path: object) -> None:
    text = result.to_csv()
    header = text.splitlines()[0].split(",")
    assert header[:8] == ["unit", "year", "Index", "Index.rank", "Conn", "Conn.rank", "Sust", "Sust.rank"]
    stream = io.StringIO()
    result.to_csv(stream)
    assert stream.getvalue() == text


def test_frames(result: PanelResult) -> None:
    """With pandas installed (the test extra has it), results come as DataFrames indexed by unit and year."""
    frames = result.to_frames()
    assert frames["scores"].loc[("CHE", 2018), "Index"] == pytest.approx(68.38, abs=0.005)


def test_frames_without_pandas_is_a_clear_error(result: PanelResult, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_frames says what to install (a None entry in sys.modules makes the import fail)."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pandas"):
        result.to_frames()


def test_schemas_and_classes_agree() -> None:
    """The spec schema knows exactly the steps and node fields the code reads."""
    import attrs

    from lawgov_score.panel.hierarchy import Node as NodeClass
    from lawgov_score.panel.spec import STEP_NAMES
    from lawgov_score.schemas import load_schema

    schema = load_schema("pipeline")
    assert tuple(schema["$defs"]["step"]["properties"]["step"]["enum"]) == STEP_NAMES
    assert set(schema["$defs"]["node"]["properties"]) == {f.name for f in attrs.fields(NodeClass)}
    result_schema = load_schema("panel-result")
    assert result_schema["$id"] == "https://lawgov-score.example/schemas/panel-result.schema.json"
    assert set(result_schema["properties"]) >= set(PanelResult.__annotations__) - {
        "codes", "parents", "n_indicators", "scores", "ranks", "effective_weights", "contribution_codes",
        "contributions", "spec", "years", "ranked"} | {"units"}


def test_coherence_flags(result: PanelResult) -> None:
    report = coherence(result)
    assert {f.flag for f in report.flags} <= {"weak", "negative", "redundant"}
    for flag in report.flags:
        assert (flag.r > 0.9) if flag.flag == "redundant" else (flag.r < 0.3)
    alpha = dict((node, a) for node, a, _ in report.alpha)
    assert set(alpha) == set(result.aggregates)
    explained = {node: e for node, e, _ in report.pca}
    assert sum(explained["Conn"]) == pytest.approx(1.0)
    assert sum(i[3] for i in report.importance) == pytest.approx(1.0)


def test_statistics_against_scipy() -> None:
    scipy_stats = pytest.importorskip("scipy.stats")
    rng = np.random.default_rng(0)
    x = rng.normal(size=30)
    y = 0.3 * x + rng.normal(size=30)
    r, p, n = pearson(x, y)
    expected = scipy_stats.pearsonr(x, y)
    assert (r, p, n) == (pytest.approx(expected[0]), pytest.approx(expected[1], rel=1e-8), 30)
    assert incomplete_beta(2.5, 0.5, 0.3) == pytest.approx(__import__("scipy.special").special.betainc(2.5, 0.5, 0.3))
    items = rng.normal(size=(50, 4)) + rng.normal(size=(50, 1))
    k = items.shape[1]
    expected_alpha = k / (k - 1) * (1 - items.var(axis=0, ddof=1).sum() / items.sum(axis=1).var(ddof=1))
    assert cronbach_alpha(items) == pytest.approx(expected_alpha)
    explained, loadings = principal_components(items)
    assert explained[0] > 0.5 and np.all(loadings > 0)
    assert math.isnan(pearson(np.ones(5), np.arange(5.0))[0])


def test_long_rows_with_metadata_and_missing_values() -> None:
    rows = [
        {"unit": "A", "year": 2023, "indicator": "x", "value": 1},
        {"unit": "A", "year": 2023, "indicator": "y", "value": None},
        {"unit": "B", "year": 2023, "indicator": "x", "value": "3"},
        {"unit": "B", "year": 2023, "indicator": "y", "value": 4},
    ]
    panel = Panel.from_long(rows, units=[{"name": "A", "population": 10}, {"name": "B", "population": 20}])
    assert panel.units == ("A", "B") and panel.indicators == ("x", "y")
    assert np.isnan(panel.values[0, 1]) and panel.column("population").tolist() == [10.0, 20.0]
    with pytest.raises(InputError, match="second value"):
        Panel.from_long([*rows, rows[0]])
    with pytest.raises(InputError) as caught:
        Panel.from_long([{"unit": "A", "indicator": "x", "value": "many"}], source="obs.json")
    assert caught.value.location == "observations[0].value"


def test_from_assessments_duck_typed() -> None:
    """Assessments are read by their attributes: each indicator's score (here as the raw value too)."""
    def assessment(name: str, values: dict[str, float | None]) -> SimpleNamespace:
        indicators = [SimpleNamespace(id=k, raw=v, score=v, kind="metric", status="scored") for k, v in values.items()]
        return SimpleNamespace(unit=SimpleNamespace(name=name, year=2024),
                               dimensions=[SimpleNamespace(indicators=indicators)])

    hierarchy = Hierarchy([Node("FW"), Node("D1", "FW"), Node("a", "D1"), Node("b", "D1", direction=-1)])
    panel = Panel.from_assessments([assessment("X", {"a": 1.0, "b": 5.0}), assessment("Y", {"a": 2.0, "b": None})],
                                   hierarchy=hierarchy)
    result = run_pipeline(panel, coinr_example_spec().without_step("denominate").without_step("treat")
                          .without_step("impute").without_step("screen"))
    assert result.years == (2024, 2024)
    assert result.rank("FW").tolist() == [2.0, 1.0]


def test_several_years_are_ranked_separately() -> None:
    values = np.array([[1.0], [2.0], [5.0], [3.0]])
    panel = Panel(values, ["A", "B", "A", "B"], ["x"], [2022, 2022, 2023, 2023])
    spec = PipelineSpec(steps=(Step("normalise", {"method": "minmax"}),))
    result = run_pipeline(panel, spec)
    assert result.rank("Index").tolist() == [2.0, 1.0, 1.0, 2.0]


def test_goalposts_from_the_hierarchy_and_missing_goalposts_located() -> None:
    hierarchy = Hierarchy([Node("I"), Node("a", "I", goalposts=(0, 10)),
                           Node("b", "I", direction=-1, goalposts=(0, 10))])
    panel = Panel(np.array([[5.0, 2.0], [20.0, 20.0]]), ["A", "B"], ["a", "b"], [None, None], {}, hierarchy)
    spec = PipelineSpec(steps=(Step("normalise", {"method": "goalposts"}),))
    result = run_pipeline(panel, spec)
    assert result.score("a").tolist() == [50.0, 100.0]
    assert result.score("b").tolist() == [80.0, 0.0]
    bare = Hierarchy([Node("I"), Node("a", "I"), Node("b", "I")])
    with pytest.raises(InputError) as caught:
        run_pipeline(panel, spec, hierarchy=bare)
    assert caught.value.location == "$.steps[0].goalposts.a"


def test_only_the_nodes_asked_for_are_ranked_and_the_rest_on_demand(asem_panel: Panel) -> None:
    spec = coinr_example_spec()
    lazy, eager = run_pipeline(asem_panel, spec), run_pipeline(asem_panel, spec, ranks="all")
    assert lazy.ranked == ("Index",) and np.isnan(lazy.ranks[:, lazy.codes.index("Conn")]).all()
    assert run_pipeline(asem_panel, spec, ranks=["Conn"]).ranked == ("Conn", "Index")
    for code in eager.codes:
        assert np.array_equal(lazy.rank(code), eager.rank(code), equal_nan=True)
    assert lazy.to_dict() == eager.to_dict() and lazy.to_csv() == eager.to_csv()
    with pytest.raises(InputError, match="not in the tree"):
        run_pipeline(asem_panel, spec, ranks=["Nowhere"])


def test_ranks_on_demand_stay_within_each_year() -> None:
    values = np.array([[1.0, 9.0], [2.0, 8.0], [5.0, 1.0], [3.0, 2.0]])
    hierarchy = Hierarchy([Node("I"), Node("D", "I"), Node("a", "D"), Node("b", "I")])
    panel = Panel(values, ["A", "B", "A", "B"], ["a", "b"], [2022, 2022, 2023, 2023], {}, hierarchy)
    result = run_pipeline(panel, PipelineSpec(steps=(Step("normalise", {"method": "minmax"}),)))
    assert result.rank("D").tolist() == [2.0, 1.0, 1.0, 2.0]
