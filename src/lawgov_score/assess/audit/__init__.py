"""The consistency audit: recompute what a report lets one recompute, and show the arithmetic.

Checks, each applied within one sentence of the report:

``rate_consistent``
    a stated rate against the counts it is made of — 直接纠错率 = (撤销 + 确认违法 + 变更 + 责令履行) / 办结,
    出庭应诉率 = 出庭 / 应出庭, 败诉率 = 败诉 / 审结, 办结率, 结案率, 成功率 = 成功 / 调处, 合格率;
``rate_implies_base``
    a participation-type rate after a head count must come from a whole-number base;
``share_consistent``
    其中X件,占比Y%: the part over the total;
``subrates_sum``
    sub-rates of one base (维持率 + 纠错率, 胜诉率 + 败诉率) add up to at most 100%;
``rate_range``
    a level rate cannot exceed 100%;
``growth_implies_previous``
    a stated growth of a whole-number count must come from a whole-number previous count;
``pp_change`` / ``change_of_levels``
    由A降至B,下降Z: Z percentage points is B − A, Z% is (B − A) / A;
``received_ge_concluded``
    cases concluded cannot exceed cases received (unless cases carried over are mentioned);
``part_le_total`` / ``parts_sum_le_total``
    the parts listed after 其中 cannot exceed the total before them, one by one or together;
``total_of_parts``
    a stated 共计/合计 equals the parts listed just before it.

A check that applies but lacks a number it needs is listed as ``unverifiable``. The share of the
checks that could be made and pass is a credibility indicator of the report (D10), and a metric
whose own arithmetic fails is flagged and credited at half.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from lawgov_score.assess.audit.changes import growth_checks, level_change_checks
from lawgov_score.assess.audit.common import figures
from lawgov_score.assess.audit.rates import base_checks, range_checks, rate_checks, share_checks, subrate_checks
from lawgov_score.assess.audit.totals import part_checks, received_checks, total_checks
from lawgov_score.assess.view import StatedFact, view_of
from lawgov_score.model.assessment import AuditFinding
from lawgov_score.reading.model import Document

CHECKS = (rate_checks, base_checks, share_checks, subrate_checks, range_checks, growth_checks, level_change_checks,
          received_checks, part_checks, total_checks)


def audit_document(document: Document) -> list[AuditFinding]:
    """Every consistency check the report allows, in report order; a statement repeated is checked once."""
    view = view_of(document)
    by_sentence: dict[int, list[StatedFact]] = defaultdict(list)
    for item in view.all_stated:
        by_sentence[item.sentence.index].append(item)
    findings: list[AuditFinding] = []
    seen: set[str] = set()
    for sentence in view.sentences:
        stated = by_sentence.get(sentence.index)
        if not stated or sentence.heading or sentence.key in seen:
            continue
        seen.add(sentence.key)
        items = figures(sentence, stated)
        for check in CHECKS:
            findings.extend(check(sentence, items))
    return sorted(findings, key=lambda f: (f.start or 0, f.check))


@lru_cache(maxsize=16)
def audit_of(document: Document) -> tuple[AuditFinding, ...]:
    """:func:`audit_document`, computed once per document (the scorer and D10 share it)."""
    return tuple(audit_document(document))


class Spans:
    """Spans of a text, merged and sorted, asked whether they overlap a range in logarithmic
    time (a report of thousands of figures may fail thousands of checks)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps ``[start, end)``."""
        at = bisect.bisect_left(self.starts, end) - 1  # the last span starting before ``end``
        return at >= 0 and self.ends[at] > start


def inconsistent_spans(findings: Iterable[AuditFinding]) -> Spans:
    """The spans of the report that failed a check."""
    return Spans((f.start, f.end) for f in findings if f.status == "inconsistent" and f.start is not None
                 and f.end is not None)


def pass_share(findings: Iterable[AuditFinding]) -> tuple[int, int]:
    """``(passed, verifiable)``: the checks that could be made, and those that held."""
    made = [f for f in findings if f.status != "unverifiable"]
    return sum(f.status == "consistent" for f in made), len(made)
