"""A report seen sentence by sentence: spans, clauses, facts and the section each sentence stands in.

Computed once per Document (the dimensions share it). Every sentence and fact carries a content
key — its text without spaces, punctuation and list markers — so that the same statement written
twice counts once, wherever it stands: evidence is counted by content, never by position.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import pairwise

from attrs import evolve, field, frozen

from lawgov_score.assess.lexicon import opens_with_action
from lawgov_score.model import tuple_of
from lawgov_score.patterns import lazy
from lawgov_score.reading.model import Document, Fact, Section

_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_PERIOD_END = re.compile(r"[。！？!?\n]")
_TITLE_MARKS = frozenset(":,：，")  # what may end a title inside its sentence
_CLAUSE_END = re.compile(r"[,，;；:：。！？!?]")
# What follows a fact in its phrase stops at the next list item too:
# 对58份文件|进行公平竞争审查, 撤销19宗|、确认违法13宗.
_TAIL_END = re.compile(r"[,，、;；:：。！？!?]")
# List markers and punctuation say nothing about what a sentence states.
_MARKER = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[一二三四五六七八九十]是|"
                     r"第[一二三四五六七八九十]+[,，]|"
                     r"[\u2460-\u2473])\s*")
_NOT_CONTENT = re.compile(r"[\s\W_]+")
_BODY_CLAUSES = 3
# Sections whose sentences describe problems or plans, not measures taken.
NOT_MEASURES = frozenset({"shortcomings", "plans", "closing"})
# What links an earlier level to a later one in a stated change: 由30.7%降至14.6%.
_CHANGE_LINK = re.compile(r"^[^,，;；。0-9]{0,8}?(?:降至|降到|下降至|下降到|减至|减少至|减少到|压缩至|压缩到|"
                          r"缩短至|缩短到|"
                          r"增至|增长至|增长到|增加至|增加到|提高至|提高到|提升至|提升到|上升至|上升到|升至|达到|变为|为)")
_CHANGE_FROM = lazy(r"(?:由|从|较|比)[^,，;；。]{0,16}$")


def reads_as_body(text: str, facts: list[Fact]) -> bool:
    """Whether a sentence the outline took for a title is body text.

    A title names its part in a phrase or two (推进政府机构职能优化协同高效; 完善突发事件应对制度,提高
    依法处置能力). A first sentence that states a figure, lists three or more actions, or opens with a
    concrete action on a named object (印发…指南) is the body of a numbered paragraph whose title was left
    out (1.开展“第一议题”学习56次,…): its content is evidence like any other.
    """
    if facts:
        return True
    if len(_clauses(_MARKER.sub("", text).rstrip("。;；"))) >= _BODY_CLAUSES:
        return True
    return opens_with_action(_MARKER.sub("", text))


def content_key(text: str) -> str:
    """A statement's content: its text without list markers, spaces and punctuation."""
    return _NOT_CONTENT.sub("", _MARKER.sub("", text))


@frozen
class Sentence:
    """One sentence: its text (normalised), original span, facts and enclosing section.

    ``clauses`` are the spans (in :attr:`text` coordinates) between commas, semicolons and colons.
    """

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
    key: str = ""
    clauses: tuple[tuple[int, int], ...] = field(default=(), converter=tuple_of)
    index: int = 0

    def is_measure(self) -> bool:
        """Whether it reports what was done: not a heading, shortcoming, plan or the closing block."""
        return self.role not in NOT_MEASURES and not self.heading

    def clause_at(self, position: int) -> int:
        """The number of the clause holding ``position`` (a :attr:`text` index)."""
        starts = [start for start, _ in self.clauses]
        return max(0, bisect.bisect_right(starts, position) - 1)


@frozen
class StatedFact:
    """A fact with its place in a sentence: its phrase (quote, subject, clause tail), its span in
    the sentence's text, its clause, and whether it is the earlier level of a stated change
    (the 30.7% of 由30.7%降至14.6%, whose current value is the one after it)."""

    fact: Fact
    sentence: Sentence
    phrase: str
    start: int
    end: int
    clause: int
    key: str
    earlier_level: bool = False


@frozen
class ReportView:
    """The report's sentences in order, and the facts stated in them."""

    sentences: tuple[Sentence, ...] = ()
    measures: tuple[Sentence, ...] = ()
    stated: tuple[StatedFact, ...] = ()
    """Facts of measure sentences, in report order."""
    all_stated: tuple[StatedFact, ...] = ()
    """Facts of every sentence (shortcomings and plans too), in report order."""
    by_kind: dict[str, tuple[StatedFact, ...]] = field(factory=dict, eq=False, hash=False)

    def stated_of(self, kinds: tuple[str, ...]) -> tuple[StatedFact, ...]:
        """The stated facts of these kinds, in report order."""
        if len(kinds) == 1:
            return self.by_kind.get(kinds[0], ())
        return tuple(s for s in self.stated if s.fact.kind in kinds)


def _innermost(sections: tuple[Section, ...], position: int) -> Section | None:
    for section in sections:
        if section.start <= position < section.end:
            return _innermost(section.children, position) or section
    return None


def _clauses(body: str) -> tuple[tuple[int, int], ...]:
    bounds = [0, *(m.end() for m in _CLAUSE_END.finditer(body)), len(body)]
    return tuple((a, b) for a, b in pairwise(bounds) if b > a)


def _stated(document: Document, sentence: Sentence, n_start: int) -> list[StatedFact]:
    """The facts of a sentence placed in its normalised text (facts carry original spans);
    ``n_start`` is where the sentence's text starts in the normalised text."""
    offsets = document.offsets
    shift = _shift(document)
    out: list[StatedFact] = []
    for fact in sentence.facts:
        if shift is not None:  # a report normalisation left as it was (most): one subtraction
            local, local_end = fact.start - shift - n_start, fact.end - shift - n_start
        else:
            stop = n_start + len(sentence.text)
            local = bisect.bisect_left(offsets, fact.start, n_start, stop) - n_start
            local_end = bisect.bisect_left(offsets, fact.end, n_start, stop) - n_start
        clause = sentence.clause_at(local)
        tail = _TAIL_END.split(sentence.text[local_end:], maxsplit=1)[0]
        phrase = fact.quote + fact.subject + tail
        key = f"{fact.kind}|{fact.value:g}|{fact.unit}|{content_key(fact.subject)}"
        out.append(StatedFact(fact, sentence, phrase, local, local_end, clause, key))
    return _mark_earlier_levels(out)


def _title_ends(document: Document) -> set[int]:
    """Where the headings' titles end in the normalised text, with the mark after them: a title
    that ends in ``:`` or ``,`` (``(一)完善应急制度:印发……``) is its own sentence all the same."""
    text, offsets, shift = document.text, document.offsets, _shift(document)
    out: set[int] = set()
    stack = list(document.sections)
    while stack:
        section = stack.pop()
        stack.extend(section.children)
        if section.title_end <= section.title_start:
            continue
        end = section.title_end - shift if shift is not None else bisect.bisect_left(offsets, section.title_end)
        if 0 < end < len(text) and text[end] in _TITLE_MARKS:
            out.add(end + 1)
    return out


def _shift(document: Document) -> int | None:
    """``original index − normalised index`` when it is the same everywhere, else ``None``."""
    offsets = document.offsets
    if not offsets:
        return 0
    return getattr(offsets, "shift", None)


def _mark_earlier_levels(facts: list[StatedFact]) -> list[StatedFact]:
    """In 由A降至B / 从A提高到B / 较上年的A下降至B, A is the earlier level: the current value is B,
    and B is of what A is of (从上年12.5%降到今年6.3%: the 6.3% is the rate A names)."""
    out = list(facts)
    for index, (first, second) in enumerate(pairwise(facts)):
        if first.fact.kind != second.fact.kind or first.fact.unit != second.fact.unit:
            continue
        text = first.sentence.text
        clause_start = first.sentence.clauses[first.clause][0] if first.sentence.clauses else 0
        # The link may open the later fact's quote (降至14.6%), the 由 stand inside the earlier one's.
        link = _year_free(text[first.end : second.end])
        if _CHANGE_LINK.match(link) and _CHANGE_FROM().search(text[clause_start : first.end]):
            out[index] = evolve(first, earlier_level=True)
            out[index + 1] = evolve(out[index + 1], phrase=first.phrase + out[index + 1].phrase)
    return out


_YEAR = re.compile(r"(?:20\d\d年度?|今年|本年度?|当年)的?")


def _year_free(link: str) -> str:
    """The words between two levels without the years that date them (下降为2023年的6.3%)."""
    return _YEAR.sub("", link) if "年" in link else link


@lru_cache(maxsize=16)
def view_of(document: Document) -> ReportView:
    """Split ``document`` into sentences and attach facts and sections (cached per document)."""
    text = document.text
    shift = _shift(document)
    ends = {m.end() for m in _SENTENCE_END.finditer(text)} | _title_ends(document)
    bounds = [0, *sorted(end for end in ends if 0 < end < len(text)), len(text)]
    periods = [0, *(m.end() for m in _PERIOD_END.finditer(text)), len(text)]
    period_index = 0
    facts = sorted(document.facts, key=lambda f: f.start)
    sentences: list[Sentence] = []
    stated: list[StatedFact] = []
    index = 0
    for start, end in pairwise(bounds):
        raw = text[start:end]
        body = raw.strip()
        if not body:
            continue
        lead = len(raw) - len(raw.lstrip())
        if shift is not None:
            o_start, o_end = start + lead + shift, start + lead + len(body) + shift
        else:
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
        heading = (section is not None and section.start <= o_start and o_end <= section.title_end + 1
                   and not reads_as_body(body, inside))
        sentence = Sentence(
            text=body,
            start=o_start,
            end=o_end,
            facts=tuple_of(inside),
            section_dimensions=section.dimensions if section else (),
            role=section.role if section else "preamble",
            quote=document.original[o_start:o_end],
            heading=heading,
            period=period,
            key=content_key(body),
            clauses=_clauses(body),
            index=len(sentences),
        )
        sentences.append(sentence)
        stated.extend(_stated(document, sentence, start + lead))
    measures = tuple(s for s in sentences if s.is_measure())
    measure_stated = tuple(s for s in stated if s.sentence.is_measure())
    by_kind: dict[str, list[StatedFact]] = {}
    for item in measure_stated:
        by_kind.setdefault(item.fact.kind, []).append(item)
    return ReportView(tuple(sentences), measures, measure_stated, tuple(stated),
                      {kind: tuple(items) for kind, items in by_kind.items()})
