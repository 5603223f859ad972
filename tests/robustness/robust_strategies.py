"""Hypothesis strategies of hostile input: frameworks with one thing wrong, JSON text, CSV text,
pipeline parameters."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import strategies as st
from robust_helpers import FRAMEWORK

BASE_FRAMEWORK: dict[str, Any] = json.loads(FRAMEWORK.read_text(encoding="utf-8"))
# Written into JSON text as they are, so that the parser (not json.dumps) meets them.
RAW_NUMBERS = ["1e400", "-1e400", "9" * 400, "1e308", "0", "-1", "1.5", "1e-320", "NaN", "Infinity", "12"]
TEXTS = ["甲", "", "\\ud800", "\\udfff x", "\\ud83d\\ude00", "=SUM(A1)", "\\u0000", "a" * 300]


@st.composite
def hostile_frameworks(draw: st.DrawFn) -> str:
    """The text of a framework file with up to three things changed, any of which may be wrong
    (or none, or harmless ones: a weight of 1.5, a title of 甲)."""
    data = copy.deepcopy(BASE_FRAMEWORK)
    raw: dict[str, str] = {}
    for _ in range(draw(st.sampled_from([0, 1, 1, 2, 3]))):  # none: the file as it is, which is valid
        dimensions = data["dimensions"]
        d = draw(st.integers(0, len(dimensions) - 1))
        mutation = draw(st.sampled_from(
            ["dimension weight", "indicator weight", "goalposts", "duplicate dimension", "duplicate indicator",
             "indicator elsewhere", "title", "drop indicators", "drop field", "unknown field", "missing policy"]))
        target = dimensions[d]
        if not target.get("indicators") and mutation not in ("duplicate dimension", "unknown field", "missing policy"):
            continue  # an earlier change dropped them
        if mutation in ("dimension weight", "indicator weight", "goalposts"):
            key = f"@{len(raw)}@"
            raw[key] = draw(st.sampled_from(RAW_NUMBERS))
            if mutation == "dimension weight":
                target["weight"] = key
            elif mutation == "indicator weight":
                target["indicators"][0]["weight"] = key
            else:
                target["indicators"][0]["goalposts"] = [draw(st.sampled_from([0, -1e308, 5])), key]
        elif mutation == "duplicate dimension":
            dimensions.append(copy.deepcopy(target))
        elif mutation == "duplicate indicator":
            target["indicators"].append(copy.deepcopy(target["indicators"][0]))
        elif mutation == "indicator elsewhere":
            dimensions[(d + 1) % len(dimensions)]["indicators"].append(copy.deepcopy(target["indicators"][0]))
        elif mutation == "title":
            key = f"@{len(raw)}@"
            raw[key] = '"' + draw(st.sampled_from(TEXTS)) + '"'
            target["title_zh"] = key
        elif mutation == "drop indicators":
            target["indicators"] = []
        elif mutation == "drop field":
            target.pop(draw(st.sampled_from(["code", "title_zh", "indicators"])), None)
        elif mutation == "unknown field":
            target["colour"] = "red"
        else:
            data["missing"] = draw(st.sampled_from(["zero", "fail", "guess"]))
    text = json.dumps(data, ensure_ascii=False)
    for key, value in raw.items():
        text = text.replace(f'"{key}"', value)
    return text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@st.composite
def hostile_json_texts(draw: st.DrawFn) -> str:
    """JSON text, then perhaps broken: cut short, a character or a hostile token put in, deeply nested."""
    text = json.dumps(draw(json_values))
    change = draw(st.sampled_from(["none", "cut", "insert", "nest"]))
    if change == "cut" and text:
        text = text[: draw(st.integers(0, len(text) - 1))]
    elif change == "insert":
        at = draw(st.integers(0, len(text)))
        token = draw(st.sampled_from([*RAW_NUMBERS, '"\\ud800"', "{", "]", ",", '"', "\\", "\x00"]))
        text = text[:at] + token + text[at:]
    elif change == "nest":
        depth = draw(st.sampled_from([199, 201, 1500, 20000]))
        text = "[" * depth + text + "]" * depth
    return text


hostile_cells = st.sampled_from(["", "NA", "1e400", "nan", "inf", "x", "=1+1", '"', "a,b", "\n", "\r", "p9.none"])
# What each column usually holds; a cell is hostile one time in five.
GOOD_CELLS = {
    "unit": st.sampled_from(["甲县", "乙县", "丙县"]),
    "year": st.sampled_from(["2023", "2024", ""]),
    "indicator": st.sampled_from(["p1.online_rate", "p4.trainings", "p6.loss_rate"]),
    "value": st.sampled_from(["0.5", "0.95", "12", "-0.5", "0"]),
    "p1.online_rate": st.sampled_from(["0.5", "0.95", "1"]),
    "p4.trainings": st.sampled_from(["3", "12", "20"]),
}


@st.composite
def hostile_csv_texts(draw: st.DrawFn) -> str:
    """A CSV of indicator values (long or wide), mostly well formed, with hostile cells, short and
    long rows, a repeated or missing unit column."""
    header = draw(st.sampled_from([
        ["unit", "year", "indicator", "value"], ["unit", "year", "indicator", "value"],
        ["unit", "p1.online_rate", "p4.trainings"], ["unit", "p1.online_rate", "p4.trainings"],
        ["unit", "unit"], ["name", "value"], [],
    ]))
    rows = [header]
    for _ in range(draw(st.integers(1, 4))):
        kinds = [[GOOD_CELLS.get(column, hostile_cells)] * 4 + [hostile_cells] for column in header]
        cells = [draw(draw(st.sampled_from(kind))) for kind in kinds]
        change = draw(st.sampled_from(["none"] * 6 + ["short", "long"]))
        if change == "short" and cells:
            cells.pop()
        elif change == "long":
            cells.append("1")
        rows.append(cells)
    return "".join(",".join(row) + "\n" for row in rows)


pipeline_params = st.dictionaries(
    st.sampled_from(["low", "high", "low", "high", "mean", "sd", "lo", "truncate", "p"]),
    st.sampled_from([0, 1.5, 100, -3, 0, 10, "a", True, None, [1, 2], {"x": 1}]),
    max_size=2,
)
