"""Arbitrary and hostile input: the extractor never fails and its time grows linearly."""

from __future__ import annotations

import math
import random
import re
import time
import unicodedata

from hypothesis import given
from reading_strategies import ADVERSARIAL_CHUNKS, adversarial_text, any_text, report_pieces

from lawgov_score.reading.facts import extract_facts
from lawgov_score.reading.model import Fact

_GROUPING = re.compile(r"(?<=[0-9]),(?=[0-9]{3})")  # 1,234: a comma that is not a clause break
_KINDS = {"count", "amount", "rate", "change", "pp_change", "rank", "duration"}


def _well_formed(text: str, facts: list[Fact]) -> None:
    previous = -1
    for fact in facts:
        assert 0 <= fact.start < fact.end <= len(text)
        assert fact.quote == text[fact.start : fact.end]
        assert not set(_GROUPING.sub("", fact.quote)) & set("。；;,，\n")
        assert fact.kind in _KINDS
        assert math.isfinite(fact.value) and fact.value >= 0
        assert fact.bound in (None, "lower", "upper") and (fact.bound is None or fact.approx)
        assert fact.start >= previous
        previous = fact.start


@given(any_text)
def test_any_unicode_reads_without_error(text: str) -> None:
    """Any Unicode string gives well-formed facts and raises nothing."""
    _well_formed(text, extract_facts(text))


@given(any_text)
def test_any_normalised_unicode_reads_without_error(text: str) -> None:
    """Any string after the reader's NFKC gives well-formed facts and raises nothing."""
    text = unicodedata.normalize("NFKC", text)
    _well_formed(text, extract_facts(text))


@given(adversarial_text)
def test_digits_brackets_and_headings_read_without_error(text: str) -> None:
    """Dense mixes of digits, separators, brackets and heading markers give well-formed facts."""
    _well_formed(text, extract_facts(text))


@given(report_pieces)
def test_report_like_mixes_read_without_error(text: str) -> None:
    """Random sentences of numbers, measure words, markers and noise give well-formed facts."""
    _well_formed(text, extract_facts(text))


@given(report_pieces, report_pieces)
def test_facts_do_not_depend_on_distant_text(left: str, right: str) -> None:
    """Text after a sentence end and a 60-character gap never changes the facts before it."""
    gap = "。" + "某" * 60 + "\n"
    alone = extract_facts(left)
    joined = extract_facts(left + gap + right)
    assert [f for f in joined if f.end <= len(left)][: len(alone)] == [f for f in alone if f.end <= len(left)]


def _adversarial(size: int) -> str:
    rng = random.Random(20231220)
    parts: list[str] = []
    total = 0
    while total < size:
        chunk = rng.choice(ADVERSARIAL_CHUNKS)
        parts.append(chunk)
        total += len(chunk)
    return "".join(parts)[:size]


def _seconds(text: str) -> float:
    best = math.inf
    for _ in range(2):
        began = time.perf_counter()
        extract_facts(text)
        best = min(best, time.perf_counter() - began)
    return best


def test_time_grows_linearly_on_adversarial_input() -> None:
    """Reading 4 MB of adversarial text takes about four times as long as 1 MB, not sixteen."""
    small, large = _adversarial(1_000_000), _adversarial(4_000_000)
    ratio = _seconds(large) / _seconds(small)
    assert ratio < 8, ratio
