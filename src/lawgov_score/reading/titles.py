"""Where a numbered heading's title ends: a title is a name, never the first sentence of its body.

A numbered paragraph may open with a title (``(一)压实责任。区政府……``), with a title followed by
its body in the same sentence (``(二)深入推进“放管服”改革,出台行动计划,明确16项23条任务。``)
or with no title at all (``1.开展“第一议题”学习56次,……``, ``(一)印发《……》,……``). The scorer
treats a heading's title as a name and not as evidence, so a title that swallowed a sentence of
facts would hide them. The rule, for the *sentence* after the marker (up to its first 。!?;:, the
line's end, or a sub-heading marker written right after it on the same line):

* a heading alone on its line (nothing after the sentence) is its title when it holds no fact
  and has at most :data:`LINE_TITLE_MAX` characters;
* a sentence followed by body text on the same line is the title when it holds no fact and no
  《…》, has at most :data:`RUNIN_TITLE_MAX` characters and two clauses, and does not open like
  narrative (我区……, 全年……, 2023年……, 区委书记……);
* otherwise the title is the sentence's leading clause (up to its first comma) when that clause
  passes the same tests with at most :data:`CLAUSE_TITLE_MAX` characters, and else empty: the
  body starts right after the marker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from lawgov_score.reading.han import is_han
from lawgov_score.reading.wordtrie import alternation

LINE_TITLE_MAX = 60
RUNIN_TITLE_MAX = 50
CLAUSE_TITLE_MAX = 30
SHORT_TITLE_MAX = 12  # a phrase this short is a name even when it opens with an action
_SCAN = LINE_TITLE_MAX + 1  # a title is looked for this far at most: time stays linear on long lines

_CN = "一二三四五六七八九十"
# What ends the sentence a title is taken from: a sentence end, a sub-heading marker written
# right after a title on the same line (一、加强组织领导(一)压实责任。), the space between two
# paragraphs of a page copied as one line, or the year that opens the body of a part whose title
# ran on without punctuation (十一、存在的不足2023年,我区……).
# Every branch opens with a literal character, so the engine skips ahead to the candidates. A
# space or the 2 of a year ends the sentence only between Chinese characters, which
# :func:`_sentence_end` checks: a class of the CJK range costs a millisecond to compile, each time.
_SENTENCE_END = re.compile(
    rf"[。!?;:]|\((?=[{_CN}]{{1,3}}\)|\d{{1,2}}\))|[\u2460-\u2473\u2776-\u277f]"
    r"| |2(?=0\d\d年(?:度|以来)?(?:,|我|全|本))"
)
_BEFORE_GAP = "”》)"  # a space after these (or after a Chinese character) parts two paragraphs
_AFTER_GAP = "“《("  # … when these, a digit or a Chinese character follow it
# How a body sentence opens (a title names a task: 加强……, 推进……, 完善……).
NARRATIVE_OPENINGS = (
    rf"我|本[区市县局委镇街单部年]|今年|全年|去年|截至|目前|同时|此外|其中|另外|近年|一年来|下一步|\d|"
    rf"[{_CN}]是|第[{_CN}]|各(?:级|部门|单位|区|县|镇|乡|街道)|全(?:区|市|县|省|州|旗|镇|乡|街道|年|体)|"
    r"[省市区县镇乡旗](?:委|政府|长|人大|政协|直|级各)"
)
NARRATIVE = re.compile(f"(?:{NARRATIVE_OPENINGS})")
# Verbs that open the account of a concrete action rather than the name of a task.
ACTION_OPENINGS = ("印发", "出台", "制定", "制发", "开展", "组织", "召开", "完成", "编制", "举办", "办理", "发布",
                   "发出", "收到", "受理", "审查", "审核", "修订", "修改", "清理", "建成", "新建", "设立", "投入",
                   "录入", "公开", "公示", "上线", "出具", "签订", "聘请", "选派", "走访",
                   "办结", "审结", "承办", "参与", "参加", "邀请", "报送", "提交", "起草", "通过", "对", "将")
# A sentence opening like narrative or with an action; a document title or a clause opening
# with an action inside it.
_BODY_OPENING = re.compile(f"{NARRATIVE_OPENINGS}|{alternation(ACTION_OPENINGS)}")
_BODY_MARK = re.compile(f"《|,{alternation(ACTION_OPENINGS)}")
_PUNCTUATION = frozenset("。!?;:")
_NUMBER_CHAR = re.compile("[0-9〇零一二两三四五六七八九十百千万亿首]")
_TRIM = " ,、"


def _sentence_end(text: str, start: int, limit: int) -> int:
    """Where the sentence that starts at ``start`` ends before ``limit`` (:data:`_SENTENCE_END`),
    or -1: a space only between a Chinese character (or ”》)) and a Chinese character, a digit or
    “《(, the 2 of a year only after a Chinese character."""
    for found in _SENTENCE_END.finditer(text, start, limit):
        at = found.start()
        char = text[at]
        if char == " ":
            if not (at and at + 1 < limit and (is_han(text[at - 1]) or text[at - 1] in _BEFORE_GAP)
                    and (is_han(text[at + 1]) or text[at + 1].isdecimal() or text[at + 1] in _AFTER_GAP)):
                continue
        elif char == "2" and not (at and is_han(text[at - 1])):
            continue
        return at
    return -1


def title_span(text: str, start: int, end: int, facts: FactSpans) -> tuple[int, int]:
    """The title of the heading whose marker ends at ``start`` on the line ending at ``end``.

    :param facts: the spans of the facts of ``text``.
    :returns: ``(title_start, title_end)``; an empty span at ``start`` when the heading has no
        separable title.
    """
    limit = min(end, start + _SCAN)
    found = _sentence_end(text, start, limit)
    stop = found if found >= 0 else limit
    while stop > start and text[stop - 1] in _TRIM:
        stop -= 1
    if stop == start:
        return start, start
    punctuated = found >= 0 and text[found] in _PUNCTUATION
    # A fact is a number with its clause: none is in a sentence without a numeral, unless the
    # sentence ended without punctuation inside its line (a quote may run past a space or a
    # sub-heading marker).
    soft_end = found >= 0 and not punctuated
    fact = facts.first_from(start) if soft_end or _NUMBER_CHAR.search(text, start, stop) else _NOWHERE
    # A title without punctuation that fills its line, or that runs into a sub-heading, the next
    # paragraph of a page copied as one line or the body's opening year, is a heading line
    # (一、主要举措和成效). A line running past any title's length without a sentence end is a
    # paragraph; a heading line ending in 。 is judged as a run-in title.
    if soft_end or (found < 0 and limit == end):
        if stop - start <= LINE_TITLE_MAX and stop <= fact and text.count(",", start, stop) <= 2:
            return start, stop
    elif punctuated and stop <= fact and _is_runin_title(text, start, stop):
        return start, stop
    # The sentence is body text: its leading clause is a title written before the body
    # (深入推进“放管服”改革,出台……) unless it reads as the body's first action (印发……, 开展……).
    comma = text.find(",", start, stop)
    if comma > start:
        clause_end = comma
        while clause_end > start and text[clause_end - 1] in _TRIM:
            clause_end -= 1
        if clause_end <= fact and 2 <= clause_end - start <= CLAUSE_TITLE_MAX and (
                not _BODY_OPENING.match(text, start) and text.find("《", start, clause_end) < 0):
            return start, clause_end
    return start, start


def _is_runin_title(text: str, start: int, stop: int) -> bool:
    """Whether a sentence followed by body text, holding no fact, is a title: a name (short, no
    《》 title, not opening like narrative) of at most two clauses that, unless it is a short
    phrase (开展公平竞争审查), opens no concrete action (印发……, 开展……)."""
    commas = text.count(",", start, stop)
    if commas > 1 or not 2 <= stop - start <= RUNIN_TITLE_MAX:
        return False
    if commas == 0 and stop - start <= SHORT_TITLE_MAX:
        return not NARRATIVE.match(text, start) and text.find("《", start, stop) < 0
    return not _BODY_OPENING.match(text, start) and not _BODY_MARK.search(text, start, stop)


class FactSpans:
    """The spans of a text's facts, for asking whether one overlaps a stretch of it."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._ends = [end for _, end in ordered]

    def overlap(self, start: int, stop: int) -> bool:
        """Whether a fact overlaps ``[start, stop)``."""
        return self.first_from(start) < stop

    def first_from(self, start: int) -> int:
        """Where the first fact ending after ``start`` begins (``start`` if one covers it), or a
        position past any text when there is none. A fact's quote is short, so only those
        starting at most :data:`_LONGEST_QUOTE` before ``start`` are looked at."""
        starts, ends = self._starts, self._ends
        index = bisect.bisect_left(starts, start - _LONGEST_QUOTE)
        while index < len(starts):
            if ends[index] > start:
                return max(starts[index], start)
            index += 1
        return _NOWHERE


# Longer than any quote: the clause read before a number, the number and what follows it.
_LONGEST_QUOTE = 80
_NOWHERE = 1 << 62
