"""What every consistency check shares: a sentence's figures with the words before them, and findings."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from attrs import frozen

from lawgov_score.assess.view import Sentence, StatedFact
from lawgov_score.model.assessment import AuditFinding, AuditStatus

_NUMBER = re.compile(r"[0-9〇零一二两三四五六七八九十百千万亿]")
_PERCENT = re.compile(r"(\d+)(?:\.(\d+))?\s*(?:%|个百分点|百分点)")


@frozen
class Figure:
    """A figure of a sentence with the words of its clause before it (its ``lead``: 办理复议案件)."""

    stated: StatedFact
    lead: str

    @property
    def value(self) -> float:
        return self.stated.fact.value

    @property
    def kind(self) -> str:
        return self.stated.fact.kind

    @property
    def unit(self) -> str:
        return self.stated.fact.unit

    @property
    def words(self) -> str:
        """Everything that names the figure: the words before it, its subject and quote."""
        return self.lead + self.stated.fact.subject + self.stated.fact.quote

    def named(self, words: Sequence[str]) -> bool:
        text: str = self.words
        return any(word in text for word in words)

    def longest(self, words: Sequence[str]) -> int:
        """The length of the longest of ``words`` naming the figure (0 for none)."""
        return max((len(word) for word in words if word in self.words), default=0)

    @property
    def prefix(self) -> str:
        """What stands before the number: the lead and the start of the quote (其中, 共计, 占比)."""
        quote = self.stated.fact.quote
        digit = _NUMBER.search(quote)
        return self.lead + (quote[: digit.start()] if digit else quote)

    @property
    def exact(self) -> bool:
        """A whole count stated exactly (not 余, 约, 万余)."""
        fact = self.stated.fact
        return not fact.approx and fact.value == int(fact.value)


def figures(sentence: Sentence, stated: Sequence[StatedFact]) -> list[Figure]:
    """The distinct figures of a sentence in order, each with its lead (one per span and value)."""
    out: list[Figure] = []
    seen: set[tuple[int, float]] = set()
    for item in stated:
        key = (item.start, item.fact.value)
        if key in seen:
            continue
        seen.add(key)
        clause_start = sentence.clauses[item.clause][0] if sentence.clauses else 0
        previous_end = max((f.stated.end for f in out if f.stated.clause == item.clause), default=clause_start)
        out.append(Figure(item, sentence.text[max(clause_start, previous_end) : item.start]))
    return out


def decimals(figure: Figure) -> int:
    """Decimal places of a percentage as written (7.8% → 1)."""
    match = _PERCENT.search(figure.stated.fact.quote)
    return len(match.group(2) or "") if match else 0


def pct(value: float, places: int) -> str:
    return f"{value * 100:.{places}f}%"


def same_rounded(computed: float, stated: float, places: int) -> bool:
    """Whether ``computed`` rounds to ``stated`` at the stated number of decimal places (fractions)."""
    if not math.isfinite(computed):
        return False
    tolerance = 0.5 * 10 ** (-places) + 1e-9
    return bool(abs(computed * 100 - stated * 100) <= tolerance)


def finding(sentence: Sentence, check: str, status: AuditStatus, first: Figure, last: Figure, arithmetic: str,
            dimension: str | None = None) -> AuditFinding:
    """A finding quoting the report from ``first`` to ``last`` (original positions)."""
    start = min(first.stated.fact.start, last.stated.fact.start)
    end = max(first.stated.fact.end, last.stated.fact.end)
    dims = first.stated.fact.dimensions or last.stated.fact.dimensions
    quote = sentence.quote[start - sentence.start : end - sentence.start]
    return AuditFinding(check, status, quote, arithmetic, start, end, dimension or (dims[0] if dims else None))
