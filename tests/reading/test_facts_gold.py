"""The extractor against the hand-checked facts of the Bao'an 2023 seed report."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

from lawgov_score.reading.facts import extract_facts
from lawgov_score.reading.model import Fact

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_3ed9f38cde86c434.txt"


@pytest.fixture(scope="module")
def seed_facts() -> tuple[str, list[Fact]]:
    raw = SEED.read_text(encoding="utf-8")
    text = unicodedata.normalize("NFKC", raw)
    assert len(text) == len(raw), "NFKC must not move the gold offsets of this seed"
    return text, extract_facts(text)


def _matches(fact: Fact, expected: dict[str, Any]) -> bool:
    overlap = fact.start < expected["end"] and expected["start"] < fact.end
    return overlap and fact.value == pytest.approx(expected["value"], rel=1e-9)


def test_every_gold_fact_is_found(gold: dict[str, Any], seed_facts: tuple[str, list[Fact]]) -> None:
    """Every gold fact has a produced fact with its value, unit and approx flag over its quote."""
    _, facts = seed_facts
    missed = [
        expected["quote"]
        for expected in gold["facts"]
        if not any(
            _matches(fact, expected) and fact.unit == expected["unit"] and fact.approx == expected["approx"]
            for fact in facts
        )
    ]
    assert missed == []


def test_shared_rates_give_one_fact_each(gold: dict[str, Any], seed_facts: tuple[str, list[Fact]]) -> None:
    """合法性审查率、备案通过率100% gives two facts, one per rate, with the same span."""
    _, facts = seed_facts
    shared = [fact for fact in facts if fact.quote == "合法性审查率、备案通过率100%"]
    assert [fact.subject for fact in shared] == ["合法性审查率", "备案通过率"]


def test_precision_is_at_least_95_percent(gold: dict[str, Any], seed_facts: tuple[str, list[Fact]]) -> None:
    """At least 95% of produced facts overlap a gold fact with the same value."""
    _, facts = seed_facts
    hits = sum(any(_matches(fact, expected) for expected in gold["facts"]) for fact in facts)
    assert hits / len(facts) >= 0.95


def test_nothing_comes_from_not_facts(gold: dict[str, Any], seed_facts: tuple[str, list[Fact]]) -> None:
    """No fact overlaps any occurrence of a gold not-fact (years, session numbers, slogans)."""
    text, facts = seed_facts
    for phrase in gold["not_facts"]:
        start = text.find(phrase)
        assert start >= 0, phrase
        while start >= 0:
            end = start + len(phrase)
            assert [f.quote for f in facts if f.start < end and start < f.end] == [], phrase
            start = text.find(phrase, end)


def test_spans_quote_the_text(seed_facts: tuple[str, list[Fact]]) -> None:
    """Each fact's quote is its span of the text and stays within one clause."""
    text, facts = seed_facts
    for fact in facts:
        assert fact.quote == text[fact.start : fact.end]
        assert not set(fact.quote) & set("。；;,，")
        assert fact.dimensions == () and fact.why == ()
