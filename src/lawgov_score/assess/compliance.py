"""Report-level compliance with the 2019 rule, and the report's internal consistency.

《法治政府建设与责任落实督察工作规定》 (2019) requires each yearly report to be made public before
1 April of the following year and to contain: main measures and results; shortcomings and their
causes; how the principal Party and government heads fulfilled their duty as first responsible
person; main plans for next year; other matters. The shortcomings count only when they name real
problems: a part made of boilerplate (有待进一步加强, 仍有提升空间) is not the element.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from lawgov_score.assess.audit import audit_of, pass_share
from lawgov_score.assess.lexicon import BOILERPLATE, GENERIC
from lawgov_score.assess.view import Sentence, view_of
from lawgov_score.model.framework import Indicator
from lawgov_score.model.observation import Evidence, Observation
from lawgov_score.reading.han import han_count
from lawgov_score.reading.model import Document, Section

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


@lru_cache(maxsize=16)
def _sections(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Every section of an outline, depth first (cached: each element looks them up)."""
    out: list[Section] = []
    for section in sections:
        out.append(section)
        out.extend(_sections(section.children))
    return tuple(out)


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
            if any(term in sentence.text for term in _FIRST_RESPONSIBLE) and not _is_enumeration(sentence.text):
                return Evidence(sentence.quote, sentence.start, sentence.end)
    if element == "other":
        section = next((s for s in sections if "其他" in s.title), None)
        if section is not None:
            return Evidence(
                document.original[section.title_start : section.title_end], section.title_start, section.title_end
            )
    return None


_LIST_ITEMS = 5
_LIST_ITEM_CHARACTERS = 6


def _is_enumeration(text: str) -> bool:
    """Whether a sentence is a string of short items (第一议题、会前学法、……、述法、督察、考核):
    a list of words says nothing about who did what."""
    items = text.rstrip("。;；").split("、")
    short = sum(1 for item in items if han_count(item) <= _LIST_ITEM_CHARACTERS)
    return len(items) >= _LIST_ITEMS and short * 4 >= len(items) * 3


SPECIFIC_CHARACTERS = 4
"""Chinese characters left, once boilerplate and generic words are out, that name a problem."""
_MARKER = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.]|[一二三四五六七八九十]是)")


def _specific(sentence: Sentence) -> bool:
    """A shortcoming sentence that names what is wrong once boilerplate and generic words are taken out
    (执法人员的专业能力有待提升 names the staff's expertise; 法治政府建设工作还有差距 names nothing)."""
    if sentence.facts:
        return True
    rest = GENERIC.sub("", BOILERPLATE.sub("", _MARKER.sub("", sentence.text)))
    return han_count(rest) >= SPECIFIC_CHARACTERS


def substantive_shortcomings(document: Document) -> tuple[bool, list[Sentence]]:
    """Whether the shortcomings name real problems — at least half of their sentences name one — and
    the sentences that do."""
    sentences = [s for s in view_of(document).sentences if s.role == "shortcomings" and not s.heading]
    specific = [s for s in sentences if _specific(s)]
    return bool(specific) and len(specific) * 2 >= len(sentences), specific


def required_elements(document: Document, indicator: Indicator) -> Observation:
    """The share of the five required elements the report contains, each with where it was found."""
    present = [e for e in ELEMENTS if e in document.metadata.elements]
    note_en = note_zh = ""
    if "shortcomings" in present:
        substantive, _ = substantive_shortcomings(document)
        if not substantive:
            present.remove("shortcomings")
            note_en = "; the shortcomings part names no concrete problem (boilerplate only), so it does not count"
            note_zh = "；“存在的不足”只有套话，未指出具体问题，不计入"
    found = {e: _element_evidence(document, e) for e in present}
    if "first_responsible" in present and found["first_responsible"] is None:
        present.remove("first_responsible")  # named only in a list of words
    evidence = [ev for e in present if (ev := found[e]) is not None]
    missing = [ELEMENT_NAMES[e] for e in ELEMENTS if e not in present]
    rule = f"{len(present)} of 5 required elements present ({', '.join(present) or 'none'})"
    rule_zh = f"法定五项要素具备{len(present)}项（{'、'.join(ELEMENT_NAMES[e] for e in present) or '无'}）"
    if missing:
        rule += f"; missing: {'、'.join(missing)}"
        rule_zh += f"；缺少：{'、'.join(missing)}"
    return Observation(indicator.id, len(present) / len(ELEMENTS), evidence=evidence, rule=rule + note_en,
                       rule_zh=rule_zh + note_zh)


def internal_consistency(document: Document, indicator: Indicator) -> Observation:
    """The share of the consistency checks the report allows that pass; missing when none can be made."""
    findings = audit_of(document)
    passed, made = pass_share(findings)
    if made == 0:
        return Observation(indicator.id, None, rule="no figure of the report can be checked against another",
                           rule_zh="报告中没有可相互核验的数据")
    failed = [f for f in findings if f.status == "inconsistent"]
    evidence = [Evidence(f.quote, f.start, f.end) for f in failed] or [
        Evidence(f.quote, f.start, f.end) for f in findings if f.status == "consistent"][:3]
    rule = f"{passed} of {made} consistency checks pass"
    rule_zh = f"{made}项一致性核验通过{passed}项"
    if failed:
        rule += f" (failing: {'; '.join(f.quote for f in failed)})"
        rule_zh += f"（未通过：{'；'.join(f.quote for f in failed)}）"
    return Observation(indicator.id, passed / made, evidence=evidence, rule=rule, rule_zh=rule_zh)


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
    rule_zh = f"{published.isoformat()}公开，{'早于' if on_time else '不早于'}{deadline.isoformat()}"
    return Observation(indicator.id, 1.0 if on_time else 0.0, evidence=evidence, rule=rule, rule_zh=rule_zh)
