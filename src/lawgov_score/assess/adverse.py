"""Bad news: statements of adverse results, which lower the dimension they belong to.

A clause reports an adverse result when it names a bad result of the unit itself — a case lost, a
decision revoked or found unlawful, criticism or accountability imposed on it, an incident, a
target missed, complaints rising — and the word is not negated (未发生, 零, 无一例), not zero
(败诉0件), not an aim (要防止…) and not the unit's own enforcement against others (查处违法违规).
The words are listed in :mod:`~lawgov_score.assess.lexicon`.

Results count in the body of the report; in its shortcomings part only when they are stated as a
result of the year (with a figure, or as a definite event) and not as earlier years' problems
being put right (对照去年存在的…问题进行整改). Plans never count. Each distinct statement counts
once; a statement with a figure weighs more than one in words (:data:`POINTS`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from attrs import frozen

from lawgov_score.assess.lexicon import adverse_kind, without_agents
from lawgov_score.assess.terms import TermIndex, term_index
from lawgov_score.assess.view import ReportView, Sentence, StatedFact, view_of
from lawgov_score.model.framework import Dimension
from lawgov_score.reading.model import Document

POINTS = {"words": 5.0, "figure": 8.0}
"""Points a distinct adverse statement takes off its dimension: told in words, or with a figure."""
FAILING_OUTCOME_POINTS = (15.0, 25.0)
"""Points a core outcome beyond its failure line takes off: 15, up to 25 the further beyond it lies."""
MAX_DEDUCTION = 50.0
"""Adverse evidence takes at most this many points off one dimension."""
KIND_WORDS = {
    "lost": ("a case lost or a decision revoked or found unlawful", "败诉或行政行为被撤销、确认违法"),
    "criticised": ("criticism or accountability imposed on the unit", "被通报、约谈、问责"),
    "incident": ("an incident", "发生事故或事件"),
    "missed": ("a target missed", "未完成目标或不达标"),
    "violation": ("unlawful or improper conduct of the administration", "违法违规或不作为"),
    "rising": ("outcomes worsening: complaints or losses rising, satisfaction falling",
               "投诉信访、败诉上升或满意度下降"),
    "outcome": ("a core outcome beyond its failure line", "核心成效指标低于及格线"),
}
_PAST = re.compile(r"(?:去年|上年|以往|往年|前期|上一年)[^。]{0,30}(?:整改|对照)|对照[^。]{0,8}(?:去年|上年)")


@frozen
class AdverseItem:
    """One adverse statement: where, what kind, and the points it takes off."""

    sentence: Sentence
    clause: int
    dimension: str
    kind: str
    words: str
    figure: str
    points: float

    @property
    def quote(self) -> str:
        return self.sentence.quote


def adverse_items(
    view: ReportView, index: TermIndex, codes: Iterable[str]
) -> dict[str, list[AdverseItem]]:
    """Dimension code → its adverse statements, distinct by content, in report order."""
    wanted = frozenset(codes)
    found: dict[str, list[AdverseItem]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    stated = defaultdict(list)
    for item in view.all_stated:
        stated[item.sentence.index].append(item)
    for sentence in view.sentences:
        if sentence.heading or sentence.role in ("plans", "closing"):
            continue
        if sentence.role == "shortcomings" and _PAST.search(sentence.text):
            continue
        for number, (start, end) in enumerate(sentence.clauses):
            clause = sentence.text[start:end]
            kind = adverse_kind(clause)
            if kind is None:
                continue
            figures = [f for f in stated.get(sentence.index, ()) if f.clause == number
                       and f.fact.kind in ("count", "amount") and f.fact.value > 0]
            if sentence.role == "shortcomings" and not figures and kind[0] not in ("lost", "criticised", "incident"):
                continue
            key = (sentence.key, number)
            if key in seen:
                continue
            seen.add(key)
            code = _dimension_of(sentence, clause, index, wanted, figures)
            if code is None:
                continue
            figure = figures[0].fact.quote if figures else ""
            points = POINTS["figure" if figures else "words"]
            found[code].append(AdverseItem(sentence, number, code, kind[0], kind[1], figure, points))
    return found


@lru_cache(maxsize=16)
def adverse_of(document: Document, dimensions: tuple[Dimension, ...]) -> dict[str, list[AdverseItem]]:
    """:func:`adverse_items` of a report, found once for all its dimensions."""
    return adverse_items(view_of(document), term_index(dimensions), [d.code for d in dimensions])


def _dimension_of(sentence: Sentence, clause: str, index: TermIndex, codes: frozenset[str],
                  figures: list[StatedFact]) -> str | None:
    """The dimension an adverse clause speaks of: its own terms, else its sentence's, else its
    section's; the agent of a passive (被市政府督查通报, 被复议机关撤销) is not what it speaks of."""
    for text in (without_agents(clause), without_agents(sentence.text)):
        tally: dict[str, int] = defaultdict(int)
        for hit in index.find(text):
            for code, _ in hit.owners:
                if code in codes:
                    tally[code] += len(hit.term) + (2 if code in sentence.section_dimensions else 0)
        if tally:
            return max(tally, key=lambda c: (tally[c], c in sentence.section_dimensions))
    for figure in figures:
        found = next((c for c in figure.fact.dimensions if c in codes), None)
        if found is not None:
            return found
    return next((c for c in sentence.section_dimensions if c in codes), None)
