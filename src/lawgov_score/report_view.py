"""A report seen sentence by sentence: spans, facts and the section each sentence stands in.

Computed once per Document (the ten dimensions share it) and used by the report assessor.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from attrs import field, frozen

from lawgov_score.model import tuple_of
from lawgov_score.reading.model import Document, Fact, Section

_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_PERIOD_END = re.compile(r"[。！？!?\n]")
# Sections whose sentences describe problems or plans, not measures taken.
NOT_MEASURES = frozenset({"shortcomings", "plans", "closing"})


@frozen
class Sentence:
    """One sentence: its text (normalised), original span, facts and enclosing section."""

    text: str
    start: int
    end: int
    facts: tuple[Fact, ...]
    section_dimensions: tuple[str, ...]
    role: str
    quote: str
    heading: bool = False
    period: str = ""
    """The whole span up to 。 that holds this sentence (a sentence ends at ；, a period does not)."""


    def is_measure(self) -> bool:
        """Whether it reports what was done: not a heading, shortcoming, plan or the closing block."""
        return self.role not in NOT_MEASURES and not self.heading


@frozen
class StatedFact:
    """A fact in a sentence that reports a measure, with its phrase: quote, subject and clause tail."""

    fact: Fact
    sentence: Sentence
    phrase: str


@frozen
class ReportView:
    """The report's sentences in order, and the facts stated in its measure sentences."""

    sentences: tuple[Sentence, ...] = ()
    measures: tuple[Sentence, ...] = ()
    stated: tuple[StatedFact, ...] = ()
    by_kind: dict[str, tuple[StatedFact, ...]] = field(factory=dict, eq=False, hash=False)

    def stated_of(self, kinds: tuple[str, ...]) -> tuple[StatedFact, ...]:
        """The stated facts of these kinds, in report order."""
        if len(kinds) == 1:
            return self.by_kind.get(kinds[0], ())
        return tuple(s for s in self.stated if s.fact.kind in kinds)


_CLAUSE_END = re.compile(r"[,，、;；。:：]")


def _clause_tail(fact: Fact, sentence: Sentence) -> str:
    """What follows the fact in its clause: 对58份文件|进行公平竞争审查, 3281人|通过."""
    rest = sentence.quote[fact.end - sentence.start :]
    end = _CLAUSE_END.search(rest)
    return rest[: end.start()] if end else rest


def _innermost(sections: tuple[Section, ...], position: int) -> Section | None:
    for section in sections:
        if section.start <= position < section.end:
            return _innermost(section.children, position) or section
    return None


@lru_cache(maxsize=16)
def view_of(document: Document) -> ReportView:
    """Split ``document`` into sentences and attach facts and sections (cached per document)."""
    text = document.text
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    periods = [0, *(m.end() for m in _PERIOD_END.finditer(text)), len(text)]
    period_index = 0
    facts = sorted(document.facts, key=lambda f: f.start)
    sentences = []
    index = 0
    for start, end in pairwise(bounds):
        body = text[start:end].strip()
        if not body:
            continue
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        o_start, o_end = document.original_span(start + lead, start + lead + len(body))
        inside = []
        while index < len(facts) and facts[index].start < o_end:
            if facts[index].start >= o_start:
                inside.append(facts[index])
            index += 1
        while periods[period_index + 1] <= start:
            period_index += 1
        period = text[periods[period_index] : periods[period_index + 1]]
        section = _innermost(document.sections, o_start)
        heading = section is not None and section.start <= o_start and o_end <= section.title_end + 1
        sentences.append(
            Sentence(
                text=body,
                start=o_start,
                end=o_end,
                facts=tuple_of(inside),
                section_dimensions=section.dimensions if section else (),
                role=section.role if section else "preamble",
                quote=document.original[o_start:o_end],
                heading=heading,
                period=period,
            )
        )
    measures = tuple(s for s in sentences if s.is_measure())
    stated = tuple(StatedFact(f, s, f.quote + f.subject + _clause_tail(f, s)) for s in measures for f in s.facts)
    by_kind: dict[str, tuple[StatedFact, ...]] = {}
    for item in stated:
        by_kind[item.fact.kind] = (*by_kind.get(item.fact.kind, ()), item)
    return ReportView(tuple(sentences), measures, stated, by_kind)
