"""The extractor on sentences of our own in the style of real reports from many places (issue 11 §2).

``tests/data/reading/facts_cases.json`` covers each number form read (ranks with 首位, 前N and 第N位,
a rank among a named set, durations and streaks, the measure words reports use, one-character
numerals inside a clause, round magnitudes, N合一 and counts joined by +) and the forms that are
not facts; ``facts_cases_second.json`` was written after the rules, as a check that they carry
over to sentences they were not made from.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from lawgov_score.reading.facts import extract_facts
from lawgov_score.reading.normalise import normalise

DATA = Path(__file__).resolve().parents[1] / "data" / "reading"
SETS = ("facts_cases.json", "facts_cases_second.json")


def _cases(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((DATA / name).read_text(encoding="utf-8"))["cases"]
    return cases


def _found(text: str) -> Counter[tuple[float, str, str]]:
    normalised, _ = normalise(text)
    return Counter((round(fact.value, 6), fact.unit, fact.kind) for fact in extract_facts(normalised))


@pytest.mark.parametrize("name", SETS)
def test_precision_and_recall_on_real_style_sentences(name: str) -> None:
    """Facts match by value, unit and kind: precision at least 0.99 and recall at least 0.97."""
    hits = produced = expected = 0
    for case in _cases(name):
        found = _found(case["text"])
        wanted = Counter((round(value, 6), unit, kind) for value, unit, kind in case["facts"])
        hits += sum((found & wanted).values())
        produced += sum(found.values())
        expected += sum(wanted.values())
    assert hits / produced >= 0.99, (hits, produced)
    assert hits / expected >= 0.97, (hits, expected)


@pytest.mark.parametrize("name", SETS)
def test_the_cases_are_well_formed(name: str) -> None:
    kinds = {"count", "amount", "rate", "change", "pp_change", "rank", "duration"}
    cases = _cases(name)
    assert len(cases) >= 60
    assert len({case["text"] for case in cases}) == len(cases)
    assert all(kind in kinds for case in cases for _, _, kind in case["facts"])
