"""Observations from JSON and from long or wide CSV, and every bad input named precisely."""

from __future__ import annotations

from pathlib import Path

import pluggy
import pytest

from lawgov_score.errors import InputError, ValidationErrors
from lawgov_score.framework import load_framework
from lawgov_score.scoring import score_table
from lawgov_score.tables import load_observations
from paths import DATA

FRAMEWORK = DATA / "frameworks" / "ningxia-2015-style.json"
OBS = DATA / "observations"


@pytest.fixture
def framework(bare_pm: pluggy.PluginManager):  # type: ignore[no-untyped-def]
    return load_framework(FRAMEWORK, bare_pm)


def test_json_long_and_wide_agree(bare_pm: pluggy.PluginManager) -> None:
    results = [
        score_table(OBS / name, FRAMEWORK, pm=bare_pm)
        for name in ("provincial.json", "provincial-long.csv", "provincial-wide.csv")
    ]
    overall = [[a.overall for a in assessments] for assessments, _ in results]
    assert overall[0] == overall[1] == overall[2]
    assessments, ranking = results[0]
    assert [r.unit for r in ranking] == ["甲县", "乙县"]
    assert assessments[0].unit.region == "宁夏回族自治区"
    assert assessments[1].dimension("P3").status == "no_evidence"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message", "location"),
    [
        (
            "unit,year,indicator,value\n甲县,2023,p9.unknown,1\n",
            "unknown indicator 'p9.unknown'",
            'row 2, column "indicator"',
        ),
        (
            "unit,year,indicator,value\n甲县,2023,p1.online_rate,abc\n",
            "expected a number, got 'abc'",
            'row 2, column "value"',
        ),
        (
            "unit,year,indicator,value\n甲县,2023,p1.online_rate,nan\n",
            "'nan' is not a finite number",
            'row 2, column "value"',
        ),
        (
            "unit,year,indicator,value\n甲县,2023,p1.online_rate,inf\n",
            "'inf' is not a finite number",
            'row 2, column "value"',
        ),
        (
            "unit,year,indicator,value\n甲县,20x3,p1.online_rate,1\n",
            "year must be a whole number",
            'row 2, column "year"',
        ),
        (
            "unit,year,indicator,value\n甲县,2023,p1.online_rate\n",
            "3 cells, fewer than the 4 columns of the header",
            "row 2",
        ),
        ("year,indicator,value\n2023,p1.online_rate,1\n", 'needs a header row with a "unit" column', "row 1"),
        (
            "unit,p1.online_rate\n甲县,1\n甲县,0.5\n",
            "duplicate value for unit '甲县'",
            'row 3, column "p1.online_rate"',
        ),
    ],
)
def test_bad_csv(tmp_path: Path, framework, text: str, message: str, location: str) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "values.csv", text)
    with pytest.raises(InputError) as caught:
        load_observations(path, framework)
    assert message in caught.value.message
    assert caught.value.location == location
    assert caught.value.source == str(path)


def test_csv_in_gbk_is_read_as_in_utf8(tmp_path: Path, framework) -> None:  # type: ignore[no-untyped-def]
    """Older Chinese Excel saves CSV in GBK: read as GB18030, the same values as the UTF-8 file."""
    text = "单位,年份,指标,数值\n甲县,2023,p1.online_rate,95%\n乙县,2023,p1.online_rate,0.8\n"
    (tmp_path / "gbk.csv").write_bytes(text.encode("gbk"))
    (tmp_path / "utf8.csv").write_bytes(text.encode("utf-8-sig"))
    gbk, utf8 = (load_observations(tmp_path / name, framework) for name in ("gbk.csv", "utf8.csv"))
    assert gbk.groups == utf8.groups
    assert [(u.name, obs[0].value) for u, obs in gbk.groups] == [("甲县", 0.95), ("乙县", 0.8)]


def test_csv_in_no_encoding_read_is_refused_with_the_byte(tmp_path: Path, framework) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "values.csv"
    path.write_bytes(b"unit,indicator,value\n\xff\xfe\xff,p1.online_rate,1\n")
    with pytest.raises(InputError, match=r"neither UTF-8 nor GB18030/GBK \(byte 0xff at offset 21\)"):
        load_observations(path, framework)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            '{"observations": [{"unit": "甲县", "indicator": "p1.online_rate", "value": "high"}]}',
            "$.observations[0].value",
        ),
        ('{"observations": [{"unit": "甲县", "value": 1}]}', "$.observations[0]"),
        ('{"observations": [], "units": [{"name": 3}]}', "$.units[0].name"),
    ],
)
def test_bad_json_types(tmp_path: Path, framework, text: str, location: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationErrors) as caught:
        load_observations(write(tmp_path, "values.json", text), framework)
    assert location in [e.location for e in caught.value.errors]


def test_duplicate_units_in_json(tmp_path: Path, framework) -> None:  # type: ignore[no-untyped-def]
    text = '{"units": [{"name": "甲县", "year": 2023}, {"name": "甲县", "year": 2023}], "observations": []}'
    with pytest.raises(InputError, match="listed twice") as caught:
        load_observations(write(tmp_path, "values.json", text), framework)
    assert caught.value.location == "$.units[1]"
