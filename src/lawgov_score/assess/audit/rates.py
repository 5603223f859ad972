"""Checks of stated rates: against their counts, their base, their share of a total, each other, 100%."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from itertools import pairwise

from lawgov_score.assess.audit.common import Figure, decimals, finding, pct, same_rounded
from lawgov_score.assess.view import Sentence
from lawgov_score.model.assessment import AuditFinding

# A rate that is a sum of counts over a base: its name, the words naming those counts and the base.
# Longer names first, so 直接纠错率 is read before 纠错率 and 出庭应诉率 before 应诉率.
RATE_FORMULAS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("直接纠错率", ("撤销", "确认违法", "变更", "责令履行"), ("办结", "审结", "结案")),
    ("出庭应诉率", ("出庭",), ("应出庭", "需出庭", "开庭")),
    ("纠错率", ("撤销", "确认违法", "变更", "责令履行", "纠错"), ("办结", "审结", "结案")),
    ("败诉率", ("败诉",), ("审结", "结案", "判决", "办结")),
    ("维持率", ("维持",), ("办结", "审结", "结案")),
    ("办结率", ("办结",), ("受理", "收到", "办理", "申请", "登记", "收案")),
    ("结案率", ("结案", "审结"), ("受理", "收到", "办理", "收案", "调处")),
    ("成功率", ("成功",), ("受理", "调处", "调解", "办理", "排查")),
    ("出庭率", ("出庭",), ("应出庭", "需出庭", "开庭")),
    ("合格率", ("合格",), ("评查", "抽查", "检查", "参加", "参考")),
)
_TIMELINESS = ("及时", "按时", "按期", "限时")
_PARTICIPATION = ("参考率", "参与率", "参训率", "参学率", "出席率", "参会率", "覆盖率")
# Sub-rates of one base: together they cannot exceed 100%.
SUBRATE_GROUPS: tuple[tuple[str, ...], ...] = (
    ("维持率", "纠错率", "驳回率", "终止率"),
    ("胜诉率", "败诉率"),
    ("成功率", "失败率"),
    ("合格率", "不合格率"),
)
_SHARE = ("占比", "占全部", "占总数", "占全年", "占所有", "占")


def _formula(rate: Figure) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    text = rate.stated.fact.subject + rate.stated.fact.quote + rate.lead
    return next((f for f in RATE_FORMULAS if f[0] in text), None)


def rate_checks(sentence: Sentence, figures: Sequence[Figure]) -> Iterator[AuditFinding]:
    """``rate_consistent``: a stated rate against the counts it is made of (纠错率, 办结率, 成功率 …)."""
    for position, rate in enumerate(figures):
        if rate.kind != "rate":
            continue
        formula = _formula(rate)
        if formula is None or rate.named(_TIMELINESS):  # 及时办结率 counts on-time cases, never stated
            continue
        name, part_words, base_words = formula
        before = [f for f in figures[:position] if f.kind == "count"]
        # A count is named by its longest word: 应出庭 is the base, 出庭 a part; 调解成功 a part.
        parts = [f for f in before if f.longest(part_words) and f.longest(part_words) >= f.longest(base_words)]
        bases = [f for f in before if f.longest(base_words) > f.longest(part_words)]
        if not parts or not bases:
            yield finding(sentence, "rate_consistent", "unverifiable", rate, rate,
                          f"{rate.stated.fact.subject or name}: the counts it is made of are not all stated")
            continue
        base = [b for b in bases if b.stated.start < parts[0].stated.start] or bases
        total = base[-1]
        computed = sum(p.value for p in parts) / total.value if total.value else math.nan
        places = decimals(rate)
        ok = same_rounded(computed, rate.value, places)
        terms = "+".join(f"{p.value:g}" for p in parts)
        arithmetic = f"({terms})/{total.value:g} = {computed:.4f} -> rounds to {pct(computed, places)}"
        arithmetic += "" if ok else f", stated {pct(rate.value, places)}"
        yield finding(sentence, "rate_consistent", "consistent" if ok else "inconsistent", total, rate, arithmetic)


def base_checks(sentence: Sentence, figures: Sequence[Figure]) -> Iterator[AuditFinding]:
    """``rate_implies_base``: a participation rate after a head count must come from a whole base."""
    for count, rate in pairwise(figures):
        if count.kind != "count" or rate.kind != "rate" or not rate.named(_PARTICIPATION) or not 0 < rate.value <= 1:
            continue
        if not count.exact:
            continue
        places = decimals(rate)
        implied = count.value / rate.value
        candidates = [n for n in (math.floor(implied), math.ceil(implied)) if n >= count.value]
        matches = [n for n in candidates if same_rounded(count.value / n, rate.value, places)]
        if matches:
            n = matches[0]
            yield finding(sentence, "rate_implies_base", "consistent", count, rate,
                          f"{count.value:g}/{rate.value:g} = {implied:.1f}; {count.value:g}/{n} = "
                          f"{count.value / n * 100:.3f}% rounds to {pct(rate.value, places)}")
        else:
            yield finding(sentence, "rate_implies_base", "inconsistent", count, rate,
                          f"{count.value:g}/{rate.value:g} = {implied:.1f}: no whole base gives "
                          f"{pct(rate.value, places)}")


def share_checks(sentence: Sentence, figures: Sequence[Figure]) -> Iterator[AuditFinding]:
    """``share_consistent``: 其中X件,占比Y% — the part over the total before it."""
    for position, rate in enumerate(figures):
        if rate.kind != "rate" or not any(word in rate.prefix for word in _SHARE) or position < 2:
            continue
        part = figures[position - 1]
        totals = [f for f in figures[: position - 1] if f.kind == "count" and f.unit == part.unit]
        if part.kind != "count" or not totals or not totals[-1].value:
            continue
        total = totals[-1]
        computed = part.value / total.value
        places = decimals(rate)
        ok = same_rounded(computed, rate.value, places)
        arithmetic = f"{part.value:g}/{total.value:g} = {computed:.4f} -> rounds to {pct(computed, places)}"
        arithmetic += "" if ok else f", stated {pct(rate.value, places)}"
        yield finding(sentence, "share_consistent", "consistent" if ok else "inconsistent", total, rate, arithmetic)


def subrate_checks(sentence: Sentence, figures: Sequence[Figure]) -> Iterator[AuditFinding]:
    """``subrates_sum``: sub-rates of one base (维持率 + 纠错率 …) add up to at most 100%."""
    rates = [f for f in figures if f.kind == "rate"]
    for group in SUBRATE_GROUPS:
        members: list[Figure] = []
        for name in group:
            found = next((r for r in rates if name in r.stated.fact.subject + r.stated.fact.quote + r.lead
                          and not any(longer in r.words for longer in _longer(name, group))), None)
            if found is not None and found not in members:
                members.append(found)
        if len(members) < 2:
            continue
        total = sum(m.value for m in members)
        ok = total <= 1.0 + 1e-9
        terms = " + ".join(pct(m.value, decimals(m)) for m in members)
        sign = "≤" if ok else ">"
        yield finding(sentence, "subrates_sum", "consistent" if ok else "inconsistent", members[0], members[-1],
                      f"{terms} = {total * 100:.2f}% {sign} 100%")


def _longer(name: str, group: tuple[str, ...]) -> list[str]:
    return [other for other in group if other != name and name in other]


def range_checks(sentence: Sentence, figures: Sequence[Figure]) -> Iterator[AuditFinding]:
    """``rate_range``: a level rate cannot exceed 100% (a growth can)."""
    for rate in figures:
        if rate.kind == "rate" and rate.value > 1.0 + 1e-9:
            yield finding(sentence, "rate_range", "inconsistent", rate, rate,
                          f"{pct(rate.value, decimals(rate))} > 100%: a share cannot exceed its whole")
