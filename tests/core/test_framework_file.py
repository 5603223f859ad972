"""Framework files re-weight, drop and add dimensions and indicators with no code."""

from __future__ import annotations

import json
from pathlib import Path

import pluggy
import pytest
from fake_dimensions import WellBehaved

from lawgov_score.errors import InputError, ValidationErrors
from lawgov_score.framework import default_framework, framework_to_dict, load_framework
from lawgov_score.schemas import validate
from paths import DATA

PROVINCIAL = DATA / "frameworks" / "ningxia-2015-style.json"


def test_eight_dimension_provincial_system(bare_pm: pluggy.PluginManager) -> None:
    framework = load_framework(PROVINCIAL, bare_pm)
    assert [d.code for d in framework.dimensions] == [f"P{i}" for i in range(1, 9)]
    assert sum(d.weight for d in framework.dimensions) == 100
    assert framework.dimension("P3").weight == 15


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "fw.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_reweight_drop_and_add_on_installed_dimensions(tmp_path: Path, bare_pm: pluggy.PluginManager) -> None:
    bare_pm.register(WellBehaved())
    spec = {
        "id": "custom",
        "dimensions": [
            {
                "code": "X1",
                "weight": 3,
                "drop_indicators": ["x1.count"],
                "indicators": [
                    {"id": "x1.rate", "goalposts": [0.8, 1.0]},
                    {"id": "x1.new", "name_zh": "新增指标", "goalposts": [0, 10]},
                ],
            },
        ],
        "drop": ["X2"],
    }
    framework = load_framework(write(tmp_path, spec), bare_pm)
    [x1] = framework.dimensions
    assert x1.weight == 3
    assert [i.id for i in x1.indicators] == ["x1.rate", "x1.new"]
    assert x1.indicator("x1.rate").goalposts == (0.8, 1.0)
    assert x1.indicator("x1.rate").name_zh == "甲率"  # untouched fields are kept


def test_dimension_no_plugin_provides_is_an_error(tmp_path: Path, bare_pm: pluggy.PluginManager) -> None:
    with pytest.raises(InputError) as caught:
        load_framework(write(tmp_path, {"id": "x", "dimensions": [{"code": "D11", "weight": 1}]}), bare_pm)
    assert "no installed plugin provides it" in str(caught.value)
    assert caught.value.location == "$.dimensions[0]"
    assert caught.value.source == str(tmp_path / "fw.json")


@pytest.mark.parametrize(
    ("spec", "path"),
    [
        ({"id": "x", "dimensions": [{"code": "X1", "weight": -1}]}, "$.dimensions[0].weight"),
        ({"id": "x", "dimensions": [{"code": "X1", "weight": "heavy"}]}, "$.dimensions[0].weight"),
        (
            {"id": "x", "dimensions": [{"code": "X1", "indicators": [{"id": "a", "direction": 2}]}]},
            "$.dimensions[0].indicators[0].direction",
        ),
        ({"dimensions": []}, "$"),
    ],
)
def test_schema_errors_carry_json_path(tmp_path: Path, spec: object, path: str, bare_pm: pluggy.PluginManager) -> None:
    with pytest.raises(ValidationErrors) as caught:
        load_framework(write(tmp_path, spec), bare_pm)
    assert path in [error.location for error in caught.value.errors]


def test_weights_summing_to_zero(tmp_path: Path, bare_pm: pluggy.PluginManager) -> None:
    bare_pm.register(WellBehaved())
    spec = {"id": "x", "dimensions": [{"code": "X1", "weight": 0}, {"code": "X2", "weight": 0}]}
    with pytest.raises(InputError, match="sum to zero"):
        load_framework(write(tmp_path, spec), bare_pm)


def test_nan_and_malformed_json(tmp_path: Path, bare_pm: pluggy.PluginManager) -> None:
    path = tmp_path / "fw.json"
    path.write_text('{"id": "x", "dimensions": [{"code": "X1", "weight": NaN}]}', encoding="utf-8")
    with pytest.raises(InputError, match="NaN is not a number JSON allows"):
        load_framework(path, bare_pm)
    path.write_text('{"id": "x",\n "dimensions": [}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_framework(path, bare_pm)
    assert caught.value.location == "line 2, column 17"


def test_framework_file_not_utf8(tmp_path: Path, bare_pm: pluggy.PluginManager) -> None:
    path = tmp_path / "fw.json"
    path.write_bytes('{"id": "法治"}'.encode("gb18030"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_framework(path, bare_pm)


def test_exported_framework_is_a_valid_framework_file(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    """`lawgov-score framework --format json` output loads back as the same framework."""
    framework = default_framework(pm)
    data = framework_to_dict(framework)
    validate(data, "framework", "<export>")
    assert load_framework(write(tmp_path, data), pm) == framework


def test_log_scale_with_negative_goalposts_is_an_error(tmp_path: Path, pm: pluggy.PluginManager) -> None:
    """log(1 + x) clips negative goalposts to 0: goalposts [-5, -1] would score every report alike."""
    data = framework_to_dict(default_framework(pm))
    indicator = next(ind for ind in data["dimensions"][0]["indicators"] if ind.get("scale") == "log")
    indicator["goalposts"] = [-5, -1]
    with pytest.raises(InputError, match="log-scale indicator's goalposts must not be negative") as caught:
        load_framework(write(tmp_path, data), pm)
    assert caught.value.location.startswith("$.dimensions[0].indicators[")
