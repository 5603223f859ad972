"""Report-level compliance with the 2019 rule: the five required elements, published on time.

《法治政府建设与责任落实督察工作规定》 (2019) requires each yearly report to be made public before
1 April of the following year and to contain: main measures and results; shortcomings and their
causes; how the principal Party and government heads fulfilled their duty as first responsible
person; main plans for next year; other matters.
"""

from __future__ import annotations

import datetime as dt
import re

from lawgov_score.model.framework import Indicator
from lawgov_score.model.observation import Evidence, Observation
from lawgov_score.reading.model import Document, Section
from lawgov_score.report_view import view_of

ELEMENTS = ("measures", "shortcomings", "first_responsible", "plans", "other")
ELEMENT_NAMES = {
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "first_responsible": "党政主要负责人履行第一责任人职责情况",
    "plans": "下一年度主要安排",
    "other": "其他需要报告的情况",
}
_FIRST_RESPONSIBLE = ("第一责任人", "述法", "党政主要负责人")
DEADLINE = (4, 1)
"""Month and day of the following year before which the report must be public."""


def _sections(sections: tuple[Section, ...]) -> list[Section]:
    out: list[Section] = []
    for section in sections:
        out.append(section)
        out.extend(_sections(section.children))
    return out


def _title(document: Document, section: Section) -> Evidence:
    return Evidence(document.original[section.title_start : section.title_end], section.title_start, section.title_end)


def _element_evidence(document: Document, element: str) -> Evidence | None:
    sections = _sections(document.sections)
    role = {"measures": "body", "shortcomings": "shortcomings", "plans": "plans"}.get(element)
    if role is not None:
        section = next((s for s in sections if s.role == role and s.title), None)
        if section is not None:
            return Evidence(
                document.original[section.title_start : section.title_end], section.title_start, section.title_end
            )
    if element == "first_responsible":
        for sentence in view_of(document).sentences:
            if any(term in sentence.text for term in _FIRST_RESPONSIBLE):
                return Evidence(sentence.quote, sentence.start, sentence.end)
    if element == "other":
        section = next((s for s in sections if "其他" in s.title), None)
        if section is not None:
            return Evidence(
                document.original[section.title_start : section.title_end], section.title_start, section.title_end
            )
    return None


def required_elements(document: Document, indicator: Indicator) -> Observation:
    """The share of the five required elements the report contains, each with where it was found."""
    present = [e for e in ELEMENTS if e in document.metadata.elements]
    evidence = [ev for ev in (_element_evidence(document, e) for e in present) if ev is not None]
    missing = [ELEMENT_NAMES[e] for e in ELEMENTS if e not in present]
    rule = f"{len(present)} of 5 required elements present ({', '.join(present) or 'none'})"
    if missing:
        rule += f"; missing: {'、'.join(missing)}"
    return Observation(indicator.id, len(present) / len(ELEMENTS), evidence=evidence, rule=rule)


def published_on_time(document: Document, indicator: Indicator) -> Observation | None:
    """1 when the publication date is before 1 April of the year after the year reported; None if unknown."""
    meta = document.metadata
    if meta.published is None or meta.year is None:
        return None
    published = dt.date.fromisoformat(meta.published)
    deadline = dt.date(meta.year + 1, *DEADLINE)
    on_time = published < deadline
    evidence = []
    match = re.search(rf"{published.year}\s*年\s*0?{published.month}\s*月\s*0?{published.day}\s*日", document.original)
    if match:
        evidence.append(Evidence(match.group(), match.start(), match.end()))
    rule = f"published {published.isoformat()} {'before' if on_time else 'on or after'} {deadline.isoformat()}"
    return Observation(indicator.id, 1.0 if on_time else 0.0, evidence=evidence, rule=rule)
