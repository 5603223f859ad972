"""The consistency audit: recompute what a report lets us recompute, and show the arithmetic.

Checks, each applied within one sentence of the report:

``rate_consistent``
    a stated rate against the counts it is made of — 直接纠错率 = (撤销 + 确认违法 + 变更 + 责令履行) / 办结,
    办结率 = 办结 / 受理, 成功率 = 成功 / 受理;
``growth_implies_previous``
    a stated growth of a whole-number count must come from a whole-number previous count;
``rate_implies_base``
    a participation-type rate after a head count must come from a whole-number base;
``received_ge_concluded``
    cases concluded cannot exceed cases received;
``part_le_total``
    a part introduced by 其中 cannot exceed the total before it.

A check that applies but lacks a number it needs is listed as ``unverifiable``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from lawgov_score.model.assessment import AuditFinding, AuditStatus
from lawgov_score.reading.model import Document, Fact
from lawgov_score.report_view import view_of

# Rates that are a sum of counts over a base, and the words naming those counts.
_RATE_FORMULAS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("纠错率", ("撤销", "确认违法", "变更", "责令履行"), ("办结", "审结", "结案")),
    ("办结率", ("办结", "结案", "审结"), ("受理", "收到", "办理", "申请")),
    ("成功率", ("成功",), ("受理", "调处", "调解", "办理")),
)
_RECEIVED = ("受理", "收到", "办理", "申请", "案件")
_CONCLUDED = ("办结", "结案", "审结")
_TIMELINESS = ("及时", "按时", "按期", "限时")
_PARTICIPATION = ("参考率", "参与率", "参训率", "参学率", "出席率", "参会率")


def audit_document(document: Document) -> list[AuditFinding]:
    """Every consistency check the report allows, in report order."""
    findings: list[AuditFinding] = []
    for sentence in view_of(document).sentences:
        facts = _distinct(sentence.facts)
        findings.extend(_rates(document, facts))
        findings.extend(_growths(document, facts))
        findings.extend(_bases(document, facts))
        findings.extend(_received(document, facts))
        findings.extend(_parts(document, facts))
    return sorted(findings, key=lambda f: (f.start or 0, f.check))


def _distinct(facts: Sequence[Fact]) -> list[Fact]:
    # One number shared by several rates gives several facts with one span; keep one per span and value.
    seen: set[tuple[int, int, float]] = set()
    out = []
    for fact in facts:
        key = (fact.start, fact.end, fact.value)
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out


def _finding(
    document: Document, check: str, status: AuditStatus, first: Fact, last: Fact, arithmetic: str
) -> AuditFinding:
    start, end = min(first.start, last.start), max(first.end, last.end)
    dims = first.dimensions or last.dimensions
    return AuditFinding(check, status, document.original[start:end], arithmetic, start, end, dims[0] if dims else None)


def _named(fact: Fact, words: Sequence[str]) -> bool:
    text = fact.subject + fact.quote
    return any(word in text for word in words)


def _counts(facts: Sequence[Fact]) -> list[Fact]:
    return [f for f in facts if f.kind == "count"]


def _decimals(fact: Fact) -> int:
    """Decimal places of a percentage as written (7.8% → 1)."""
    match = re.search(r"(\d+)(?:\.(\d+))?\s*%", fact.quote)
    return len(match.group(2) or "") if match else 0


def _pct(value: float, decimals: int) -> str:
    return f"{value * 100:.{decimals}f}%"


def _rates(document: Document, facts: Sequence[Fact]) -> Iterator[AuditFinding]:
    for rate in (f for f in facts if f.kind == "rate"):
        for name, part_words, base_words in _RATE_FORMULAS:
            if name not in rate.subject + rate.quote:
                continue
            if _named(rate, _TIMELINESS):  # 及时办结率 counts on-time cases, which reports do not state
                break
            before = _counts([f for f in facts if f.end <= rate.start])
            parts = [f for f in before if _named(f, part_words) and not _named(f, base_words)]
            bases = [f for f in before if _named(f, base_words) and f not in parts]
            if not parts or not bases:
                yield _finding(
                    document,
                    "rate_consistent",
                    "unverifiable",
                    rate,
                    rate,
                    f"{rate.subject or name}: the counts it is made of are not all stated",
                )
                break
            base = bases[-1]
            computed = sum(p.value for p in parts) / base.value if base.value else math.nan
            d = _decimals(rate)
            ok = math.isfinite(computed) and round(computed * 100, d) == round(rate.value * 100, d)
            terms = "+".join(f"{p.value:g}" for p in parts)
            arithmetic = f"({terms})/{base.value:g} = {computed:.4f} -> rounds to {_pct(computed, d)}"
            arithmetic += "" if ok else f", stated {_pct(rate.value, d)}"
            yield _finding(
                document, "rate_consistent", "consistent" if ok else "inconsistent", parts[0], rate, arithmetic
            )
            break


def _growths(document: Document, facts: Sequence[Fact]) -> Iterator[AuditFinding]:
    for previous, change in pairwise(facts):
        if change.kind != "change" or previous.kind != "count" or change.unit != "%":
            continue
        g = change.value if change.change != "down" else -change.value
        if previous.approx or previous.value != int(previous.value) or 1 + g <= 0:
            yield _finding(
                document,
                "growth_implies_previous",
                "unverifiable",
                previous,
                change,
                f"{previous.value:g} is not an exact whole count",
            )
            continue
        d = _decimals(change)
        implied = previous.value / (1 + g)
        candidates = sorted({math.floor(implied), math.ceil(implied)} - {0})
        matches = [n for n in candidates if round((previous.value / n - 1) * 100, d) == round(g * 100, d)]
        head = f"{previous.value:g}/{1 + g:.{d + 2}f} = {implied:.2f}".rstrip("0").rstrip(".")
        if matches:
            yield _finding(
                document,
                "growth_implies_previous",
                "consistent",
                previous,
                change,
                f"{previous.value:g}/{1 + g:g} = {implied:.1f} (whole number {matches[0]})",
            )
        else:
            nearest = min(candidates, key=lambda n: abs(n - implied)) if candidates else 0
            actual = (previous.value / nearest - 1) if nearest else math.nan
            yield _finding(
                document,
                "growth_implies_previous",
                "inconsistent",
                previous,
                change,
                f"{head}: no whole previous count gives {g * 100:+.{d}f}% ({nearest} -> {actual * 100:+.2f}%)",
            )


def _bases(document: Document, facts: Sequence[Fact]) -> Iterator[AuditFinding]:
    for count, rate in pairwise(facts):
        if count.kind != "count" or rate.kind != "rate" or not _named(rate, _PARTICIPATION) or not 0 < rate.value <= 1:
            continue
        d = _decimals(rate)
        implied = count.value / rate.value
        candidates = [n for n in (math.floor(implied), math.ceil(implied)) if n >= count.value]
        matches = [n for n in candidates if round(count.value / n * 100, d) == round(rate.value * 100, d)]
        if matches:
            n = matches[0]
            yield _finding(
                document,
                "rate_implies_base",
                "consistent",
                count,
                rate,
                f"{count.value:g}/{rate.value:g} = {implied:.1f}; {count.value:g}/{n} = "
                f"{count.value / n * 100:.3f}% rounds to {_pct(rate.value, d)}",
            )
        else:
            yield _finding(
                document,
                "rate_implies_base",
                "inconsistent",
                count,
                rate,
                f"{count.value:g}/{rate.value:g} = {implied:.1f}: no whole base gives {_pct(rate.value, d)}",
            )


def _received(document: Document, facts: Sequence[Fact]) -> Iterator[AuditFinding]:
    counts = _counts(facts)
    for received, concluded in pairwise(counts):
        if not (_named(concluded, _CONCLUDED) and _named(received, _RECEIVED)) or _named(received, _CONCLUDED):
            continue
        if received.unit != concluded.unit:
            continue
        ok = received.value >= concluded.value
        sign = "≥" if ok else "<"
        yield _finding(
            document,
            "received_ge_concluded",
            "consistent" if ok else "inconsistent",
            received,
            concluded,
            f"received {received.value:g} {sign} concluded {concluded.value:g}",
        )


def _parts(document: Document, facts: Sequence[Fact]) -> Iterator[AuditFinding]:
    for index, part in enumerate(facts):
        if part.kind != "count" or not part.quote.startswith("其中"):
            continue
        totals = [f for f in facts[:index] if f.kind == "count" and f.unit == part.unit]
        if not totals:
            continue
        total = totals[-1]
        ok = part.value <= total.value
        sign = "≤" if ok else ">"
        yield _finding(
            document,
            "part_le_total",
            "consistent" if ok else "inconsistent",
            total,
            part,
            f"part {part.value:g} {sign} total {total.value:g}",
        )
