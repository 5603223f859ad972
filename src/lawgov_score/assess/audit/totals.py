"""Checks of counts against each other: received ≥ concluded, parts against their total."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from lawgov_score.assess.audit.common import Figure, finding
from lawgov_score.assess.view import Sentence
from lawgov_score.model.assessment import AuditFinding
from lawgov_score.patterns import lazy

_RECEIVED = ("受理", "收到", "办理", "申请", "收案", "登记", "新收")
_CONCLUDED = ("办结", "结案", "审结")
# Cases carried over from earlier years may be concluded this year: concluded can exceed received.
_CARRIED_OVER = lazy(r"结转|旧存|旧案|上年|往年|积存|累计")
_TOTAL_AFTER = re.compile(r"(?:共计|合计|总计|累计|共)$")


def received_checks(sentence: Sentence, figures: Sequence[Figure]) -> Iterator[AuditFinding]:
    """``received_ge_concluded``: cases concluded cannot exceed cases received (carried-over cases aside)."""
    counts = [f for f in figures if f.kind == "count"]
    for received, concluded in pairwise(counts):
        if not (concluded.named(_CONCLUDED) and received.named(_RECEIVED)) or received.named(_CONCLUDED):
            continue
        if received.unit != concluded.unit and {received.unit, concluded.unit} != {"件", "宗"}:
            continue
        if received.value >= concluded.value:
            yield finding(sentence, "received_ge_concluded", "consistent", received, concluded,
                          f"received {received.value:g} ≥ concluded {concluded.value:g}")
        elif _CARRIED_OVER().search(sentence.text):
            yield finding(sentence, "received_ge_concluded", "unverifiable", received, concluded,
                          f"received {received.value:g} < concluded {concluded.value:g}, with cases carried over "
                          "from earlier years (含上年结转): not checked")
        else:
            yield finding(sentence, "received_ge_concluded", "inconsistent", received, concluded,
                          f"received {received.value:g} < concluded {concluded.value:g}")


def _same_unit(a: Figure, b: Figure) -> bool:
    return a.unit == b.unit or {a.unit, b.unit} == {"件", "宗"}


def part_checks(sentence: Sentence, figures: Sequence[Figure]) -> Iterator[AuditFinding]:
    """``part_le_total`` and ``parts_sum_le_total``: the parts listed after 其中 against the total before it."""
    for index, first in enumerate(figures):
        if first.kind != "count" or "其中" not in first.prefix:
            continue
        totals = [f for f in figures[:index] if f.kind == "count" and _same_unit(f, first)]
        if not totals:
            continue
        total = totals[-1]
        parts = [first]
        for later in figures[index + 1:]:
            far = later.stated.clause - parts[-1].stated.clause > 1
            if later.kind != "count" or not _same_unit(later, first) or far:
                break
            if "其中" in later.prefix or _TOTAL_AFTER.search(later.prefix):
                break
            parts.append(later)
        for part in parts:
            ok = part.value <= total.value
            yield finding(sentence, "part_le_total", "consistent" if ok else "inconsistent", total, part,
                          f"part {part.value:g} {'≤' if ok else '>'} total {total.value:g}")
        if len(parts) >= 2 and all(p.value <= total.value for p in parts):
            summed = sum(p.value for p in parts)
            ok = summed <= total.value or any(not p.exact for p in parts)
            terms = "+".join(f"{p.value:g}" for p in parts)
            yield finding(sentence, "parts_sum_le_total", "consistent" if ok else "inconsistent", total, parts[-1],
                          f"parts {terms} = {summed:g} {'≤' if ok else '>'} total {total.value:g}")


def total_checks(sentence: Sentence, figures: Sequence[Figure]) -> Iterator[AuditFinding]:
    """``total_of_parts``: a stated 共计/合计 against the parts listed just before it."""
    for index, total in enumerate(figures):
        if total.kind != "count" or index == 0 or not _TOTAL_AFTER.search(total.prefix.rstrip(",")):
            continue
        parts: list[Figure] = []
        for earlier in reversed(figures[:index]):
            far = earlier.stated.clause < total.stated.clause - 1
            if earlier.kind != "count" or not _same_unit(earlier, total) or far:
                break
            parts.insert(0, earlier)
        if len(parts) < 2 or not all(p.exact for p in parts) or not total.exact:
            continue
        summed = sum(p.value for p in parts)
        ok = summed == total.value
        terms = "+".join(f"{p.value:g}" for p in parts)
        yield finding(sentence, "total_of_parts", "consistent" if ok else "inconsistent", parts[0], total,
                      f"{terms} = {summed:g} {'=' if ok else '≠'} stated total {total.value:g}")
