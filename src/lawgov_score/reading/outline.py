"""The outline of a report: its headings, their levels, the preamble and the closing block.

Works on normalised text (see :mod:`lawgov_score.reading.normalise`), one paragraph a line.
Headings are recognised by their marker at the start of a line, in every style real reports
use::

    第一部分   part            一、        cn             (一)       cn_paren
    1. / 1、  arabic          1)         arabic_half    (1)        arabic_paren
    ①         circled         坚持依法决策。正文……         runin (unnumbered, ends with 。)

A level is not fixed by the style: the first style met opens level 1, a new style opens the
next level, a style met again closes the levels below it. A style that outranks the current one
in the usual order (part > cn > cn_paren > arabic > ...) closes the weaker levels first, so a
report that jumps from ``1.`` back to ``(二)`` is read the way its author meant. Numbering may
restart under each parent or run straight through the document; a weak marker (``1.``, ``(1)``)
whose number fits neither is body text, not a heading.

Inline enumerations (``一是……二是……``) mark items inside a paragraph: they are recorded as
item spans of the section, never as headings.
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Iterator, Sequence

from attrs import define, field

from lawgov_score.patterns import lazy
from lawgov_score.reading.model import Assignment
from lawgov_score.reading.numerals import chinese_int
from lawgov_score.reading.titles import FactSpans, title_span

CN = "一二三四五六七八九十百零〇两"
RANK = {"part": 0, "cn": 1, "cn_paren": 2, "arabic": 3, "arabic_half": 4, "arabic_paren": 5,
        "circled": 6, "runin": 7}
_STRONG = frozenset({"part", "cn"})
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"第([{CN}\d]{{1,4}})(?:部分|篇|章)[、.:\s]*")),
    ("cn", re.compile(rf"([{CN}]{{1,4}})(?:、|\.(?!\d))\s*")),
    ("cn_paren", re.compile(rf"\(([{CN}]{{1,4}})\)[、.]?\s*")),
    ("arabic", re.compile(r"(\d{1,2})(?:、|\.(?![\d%]))\s*")),
    ("arabic_half", re.compile(r"(\d{1,2})\)\s*")),
    ("arabic_paren", re.compile(r"\((\d{1,2})\)[、.]?\s*")),
    ("circled", re.compile(r"([\u2460-\u2473\u2776-\u277f])\s*")),
)
_CIRCLED = "\u2460-\u2473\u2776-\u277f"
# A heading marker inside a line, after a sentence end or a space (a page copied as one line).
_INLINE_AT = re.compile(
    rf"[。!?: ](?=[第{CN}(\d{_CIRCLED}])"  # one class test first: most sentence ends are followed by text
    rf"(?=第[{CN}\d]{{1,4}}(?:部分|篇|章)|[{CN}]{{1,4}}(?:、|\.(?!\d))|\([{CN}]{{1,4}}\)"
    rf"|\d{{1,2}}(?:、|\.(?![\d%])|\))|\(\d{{1,2}}\)|[{_CIRCLED}])"
)
# A sub-heading marker written right after a title, without punctuation between them.
_SUB_MARKER = lazy(rf"\([{CN}]{{1,4}}\)|\(\d{{1,2}}\)|[{_CIRCLED}]")
_RUNIN_TITLE = re.compile(r"([^。!?;:\d%《]{4,30})。(?=.)")
_NARRATIVE = lazy(r"(?:我|本|今年|全年|去年|截至|目前|同时|此外|其中|另外|近年|一年来|下一步|区|市|县|"
                        r"\d|[" + CN + r"]是|第[" + CN + r"])")
# 一是 / 第一, / 其一, — the first character is a plain class, so the engine skips ahead in C,
# and which form follows is decided by looking back at it. A marker counts only at the start of
# a line or after punctuation (_ITEM_AFTER): 统一是 is not an item.
_ITEM_MARKER = re.compile(
    rf"[{CN}第其](?:(?<=[{CN}])(?P<cn>[{CN}]{{0,2}})是|(?<=第)(?P<ord>[{CN}]{{1,3}}),|(?<=其)(?P<qi>[{CN}]{{1,2}}),)"
)
_ITEM_AFTER = frozenset("\n,;:。、!?( ")
# The day is sometimes left out of a signature (2024年3月).
CLOSING_DATE = re.compile(r"(?:\d{4}|[〇零○O一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,2}月"
                          r"(?:[\d〇零一二三四五六七八九十]{1,3}日)?")
_CLOSING_PHRASE = re.compile(r"(?:专此|特此|此|现)报告[。.]?|\(此件[^)]*\)|\(此页无正文\)")
ISSUER = re.compile(r".{2,40}(?:人民政府|政府|委员会|办公室|办公厅|管理委员会|管委会|局|厅|委|院|署|办|处|中心|部|司)")
_SHORTCOMINGS = re.compile(r"存在|不足|短板|差距|薄弱|困难和问题|问题和困难|问题与不足")
_PLANS = re.compile(r"下一步|下步|下一年度?|来年|明年|今后|努力方向|(?:工作|主要)(?:安排|计划|打算|思路|设想)|"
                    r"20\d\d年(?:度)?(?:的)?(?:主要)?(?:工作)?(?:安排|计划|打算|思路|重点)")
_PLANS_REACH = 400  # how far before a list its introduction is looked for
_PLANS_SWITCH = re.compile(r"(?:下一步|下步|下一年度?|今后|明年|新的一年|20\d\d年,?(?:我|本|全)[^,。]{0,6}将)")


@define
class Node:
    """A heading (or the preamble or closing block) in normalised-text coordinates."""

    level: int
    numbering: str
    title: str
    start: int
    end: int
    title_start: int
    title_end: int
    style: str
    number: int = 0
    role: str = "body"
    children: list[Node] = field(factory=list)
    items: list[tuple[int, int]] = field(factory=list)
    dimensions: list[str] = field(factory=list)
    why: list[Assignment] = field(factory=list)

    def walk(self) -> Iterator[Node]:
        """This node and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def lines(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each line of ``text``, without the line break."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer("\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [span for span in spans if span[1] > span[0]]


def _marker_number(style: str, token: str) -> int:
    if style == "circled":
        code = ord(token)
        return code - 0x2460 + 1 if code <= 0x2473 else code - 0x2776 + 1
    if token.isdigit():
        return int(token)
    return chinese_int(token) or 0


def _heading_at(text: str, start: int, end: int) -> tuple[str, int, str, int] | None:
    """``(style, number, numbering, title start)`` if the line at ``start`` opens with a marker."""
    for style, pattern in _MARKERS:
        match = pattern.match(text, start, end)
        if match is None:
            continue
        number = _marker_number(style, match.group(1))
        if number <= 0 or number > 99:
            return None
        numbering = match.group(0).rstrip()
        return style, number, numbering, match.end()
    return None


def heading_marker_at(line: str) -> str | None:
    """The numbering a line opens with (``二、``, ``(三)``, ``4.``), if it opens with one."""
    found = _heading_at(line, 0, len(line))
    return None if found is None else found[2]


def signature(line: str) -> tuple[str | None, str | None] | None:
    """Read a line of a closing block: ``(issuer, date text)``, either may be ``None``; ``None``
    when the line is not one (``专此报告。`` gives ``(None, None)``)."""
    line = line.strip()
    compact = line.replace(" ", "")
    if CLOSING_DATE.fullmatch(compact):
        return None, compact
    if _CLOSING_PHRASE.fullmatch(line):
        return None, None
    if re.search(r"[。,;:!?]|报告", line):
        return None
    date = CLOSING_DATE.search(compact)
    if date is not None and date.end() == len(compact):
        issuer = line[: line.find(date.group()[:4])].strip() if date.group()[:4] in line else ""
        if issuer and len(issuer) <= 40 and ISSUER.fullmatch(issuer):
            return issuer, date.group()
        return None
    if len(line) <= 40 and ISSUER.fullmatch(line):
        return line, None
    return None


def closing_start(text: str, spans: list[tuple[int, int]]) -> int | None:
    """Where the closing block (``专此报告。``, issuer, date) begins, if the report has one."""
    found = None
    signed = False
    for start, end in reversed(spans[-6:]):
        read = signature(text[start:end])
        if read is None:
            break
        signed = signed or read != (None, None)
        found = start
    return found if signed else None


def _role(title: str) -> str:
    if _SHORTCOMINGS.search(title):
        return "shortcomings"
    if _PLANS.search(title):
        return "plans"
    return "body"


def build_outline(text: str, facts: Sequence[tuple[int, int]] | None = None) -> list[Node]:
    """The top-level nodes of a normalised report: preamble, headings (nested), closing block.

    :param facts: the ``(start, end)`` spans of the facts of ``text``, when the caller has them
        (they are extracted otherwise): a heading's title never holds a fact (:mod:`.titles`).
    """
    if facts is None:
        from lawgov_score.reading.facts import extract_facts

        facts = [(fact.start, fact.end) for fact in extract_facts(text)]
    fact_spans = FactSpans(facts)
    spans = lines(text)
    closing = closing_start(text, spans)
    body_end = closing if closing is not None else len(text)
    inline = _inline_candidates(text, body_end)
    headings = _Headings(text, body_end, fact_spans)
    next_inline = 0  # the first inline candidate not before the current line
    for start, end in spans:
        if start >= body_end:
            break
        while next_inline < len(inline) and inline[next_inline] <= start:
            next_inline += 1
        if next_inline < len(inline) and inline[next_inline] < end:
            headings.read_merged_line(start, end, _merged_line_candidates(text, start, end, inline))
        else:  # the usual line: at most one heading, at its start
            headings.open(start, end)
    roots = headings.roots
    _close_spans(roots, body_end)
    if headings.opened:
        _add_runin(text, roots, spans, fact_spans)
    else:
        # No numbered heading at all: run-in headings, if any, are the top level.
        whole = Node(level=0, numbering="", title="", start=0, end=body_end, title_start=0, title_end=0,
                     style="", role="preamble")
        _add_runin(text, [whole], spans, fact_spans)
        roots = whole.children
    _assign_roles(text, roots, "body")
    first = roots[0].start if roots else body_end
    if text[:first].strip():
        roots.insert(0, Node(level=1, numbering="", title="", start=0, end=first, title_start=0,
                             title_end=0, style="", role="preamble"))
    if closing is not None:
        roots.append(Node(level=1, numbering="", title="", start=closing, end=len(text),
                          title_start=closing, title_end=closing, style="", role="closing"))
    _assign_items(text, roots, spans)
    return roots


class _Headings:
    """The numbered headings found so far: the open ones (one per style at most) and the tree."""

    def __init__(self, text: str, body_end: int, facts: FactSpans) -> None:
        self.text, self.body_end, self.facts = text, body_end, facts
        self.stack: list[Node] = []
        self.last_seen: dict[str, int] = {}  # style → the number of its last heading
        self.roots: list[Node] = []
        self.opened = 0

    def open(self, position: int, end: int, *, line_start: int | None = None, restarts: bool = False) -> Node | None:
        """The heading whose marker is at ``position`` on the line ending at ``end``, if one is
        there and fits the outline so far; ``line_start`` for a marker inside a line."""
        found = _heading_at(self.text, position, end)
        if found is None:
            return None
        style, number, numbering, title_from = found
        stack = self.stack
        inside = line_start is not None and position > line_start
        if not (_accept_inline(style, number, stack, self.last_seen, restarts) if inside
                else _accept(style, number, stack, self.last_seen)):
            return None
        if any(node.style == style for node in stack):
            while stack[-1].style != style:
                stack.pop()
            stack.pop()
        else:
            while stack and RANK[stack[-1].style] >= RANK[style]:
                stack.pop()
        title_start, title_end = title_span(self.text, title_from, end, self.facts)
        node = Node(level=len(stack) + 1, numbering=numbering, title=self.text[title_start:title_end],
                    start=position, end=self.body_end, title_start=title_start, title_end=title_end,
                    style=style, number=number)
        (stack[-1].children if stack else self.roots).append(node)
        stack.append(node)
        self.last_seen[style] = number
        self.opened += 1
        return node

    def read_merged_line(self, start: int, end: int, candidates: list[tuple[int, bool]]) -> None:
        """The headings of a line holding several run together, at its start and at ``candidates``
        (position, whether a new list may start there), and right after each title when a
        sub-heading follows it without punctuation (一、加强组织领导(一)压实责任。)."""
        restarts = {position for position, restart in candidates if restart}
        positions = deque([start, *(position for position, _ in candidates)])
        while positions:
            position = positions.popleft()
            node = self.open(position, end, line_start=start, restarts=position in restarts)
            if node is None or not candidates:
                continue
            after = node.title_end + self.text.startswith(" ", node.title_end)
            if _SUB_MARKER().match(self.text, after, end) and (not positions or positions[0] != after):
                positions.appendleft(after)


def _inline_candidates(text: str, end: int) -> list[int]:
    """Positions inside lines where a heading marker follows a sentence end or a space (a page
    copied as one paragraph: ``……报告如下:一、加强组织领导(一)压实责任。……(二)……``)."""
    return [match.end() for match in _INLINE_AT.finditer(text, 0, end)]


def _merged_line_candidates(text: str, start: int, end: int, inline: list[int]) -> list[tuple[int, bool]]:
    """The inline candidates of the line ``[start, end)`` when the line holds several headings
    run together: two markers of one style numbered in sequence (a lone ``(一)`` after a colon is
    an enumeration in a paragraph, not a heading). Each comes with whether a marker of its style
    numbered 2 follows on the line (then a 1 may start a new list)."""
    low = bisect.bisect_right(inline, start)
    high = bisect.bisect_left(inline, end)
    if low == high:
        return []
    found: list[tuple[int, str, int]] = []
    for position in (start, *inline[low:high]):
        heading = _heading_at(text, position, end)
        if heading is not None:
            found.append((position, heading[0], heading[1]))
    numbers: dict[str, set[int]] = {}
    for _, style, number in found:
        numbers.setdefault(style, set()).add(number)
    if not any(number + 1 in seen for seen in numbers.values() for number in seen):
        return []
    result: list[tuple[int, bool]] = []
    seconds: set[str] = set()  # styles with a 2 after the current position
    for position, style, number in reversed(found):
        if position > start:
            result.append((position, style in seconds))
        if number == 2:
            seconds.add(style)
    return result[::-1]


def _accept(style: str, number: int, stack: list[Node], last_seen: dict[str, int]) -> bool:
    """Whether a marker's number fits where it stands (weak markers must continue a sequence)."""
    if style in _STRONG:
        return True
    sibling = next((node for node in reversed(stack) if node.style == style), None)
    if sibling is not None:
        return number in (1, sibling.number + 1, sibling.number + 2)
    straight = last_seen.get(style)
    return number in (1, 2) or (straight is not None and number in (straight + 1, straight + 2))


def _accept_inline(style: str, number: int, stack: list[Node], last_seen: dict[str, int],
                   restarts: bool) -> bool:
    """Whether a marker inside a line continues its sequence exactly (inside a paragraph, a
    number out of sequence is an enumeration or a reference, whatever its style); a new list may
    start at 1 when its 2 follows on the same line (``restarts``)."""
    sibling = next((node for node in reversed(stack) if node.style == style), None)
    if sibling is not None:
        return number == sibling.number + 1 or (number == 1 and restarts)
    previous = last_seen.get(style)
    return number == 1 or (previous is not None and number == previous + 1)


def _close_spans(nodes: list[Node], end: int) -> None:
    """Make each node end where its next sibling starts (the last where its parent ends)."""
    for index, node in enumerate(nodes):
        node.end = nodes[index + 1].start if index + 1 < len(nodes) else end
        _close_spans(node.children, node.end)


def _add_runin(text: str, nodes: list[Node], spans: list[tuple[int, int]], facts: FactSpans,
               starts: list[int] | None = None) -> None:
    """Find unnumbered run-in headings in sections that have no numbered sub-headings."""
    if starts is None:
        starts = [start for start, _ in spans]
    for node in nodes:
        if node.children:
            _add_runin(text, node.children, spans, facts, starts)
            continue
        body = spans[bisect.bisect_left(starts, node.start):bisect.bisect_left(starts, node.end)]
        if body and node.role != "preamble" and body[0][0] == node.start:
            body = body[1:]
        found = []
        for start, stop in body:
            match = _RUNIN_TITLE.match(text, start, stop)
            if (match and not _NARRATIVE().match(match.group(1)) and stop - match.end() >= len(match.group(1))
                    and not facts.overlap(match.start(1), match.end(1))):
                found.append((start, match.start(1), match.end(1)))
        following = [span for span in body if found and span[0] >= found[0][0]]
        # a series of titles says different things: one paragraph twice is not a series
        distinct = len({text[title_start:title_end] for _, title_start, title_end in found})
        if distinct < 2 or len(found) * 2 < len(following):
            continue
        for index, (start, title_start, title_end) in enumerate(found):
            stop = found[index + 1][0] if index + 1 < len(found) else node.end
            node.children.append(Node(level=node.level + 1, numbering="", title=text[title_start:title_end],
                                      start=start, end=stop, title_start=title_start,
                                      title_end=title_end, style="runin", number=index + 1))


def _assign_roles(text: str, nodes: list[Node], parent_role: str) -> None:
    """Mark shortcomings and next-year plans: by title at the top level and below such parts."""
    for node in nodes:
        if node.level == 1 or parent_role != "body":
            own = _role(node.title)
            node.role = own if own != "body" else parent_role
        else:
            node.role = parent_role
        if node.role != "shortcomings" or not node.children:
            _assign_roles(text, node.children, node.role)
            continue
        # "下一步，我区将……" between two lists of a shortcomings part: what follows are plans.
        child_role = "shortcomings"
        for index, child in enumerate(node.children):
            before = text[node.title_end:child.start] if index == 0 else _tail(text, node.children[index - 1])
            if _opens_plans(before) or (
                    _PLANS.search(child.title) and not _SHORTCOMINGS.search(child.title)):
                child_role = "plans"
            child.role = child_role
            _assign_roles(text, child.children, child.role)


def _opens_plans(before: str) -> bool:
    """Whether the last paragraph or sentence before a list introduces next year's plans
    (``下一步，我区将……``), on a line of its own or run into the previous part's text."""
    tail = before[-_PLANS_REACH:].rstrip()
    line = tail.rfind("\n") + 1
    sentence = max(tail.rfind("。", 0, len(tail) - 1), tail.rfind("\n")) + 1
    sentence += tail.startswith(" ", sentence)
    return bool(_PLANS_SWITCH.match(tail, line) or _PLANS_SWITCH.match(tail, sentence))


def _tail(text: str, node: Node) -> str:
    """The text of a node after its last descendant's title (where a new list may be introduced)."""
    last = node
    while last.children:
        last = last.children[-1]
    return text[last.title_end:node.end]


def _assign_items(text: str, roots: list[Node], spans: list[tuple[int, int]]) -> None:
    """Attach inline ``一是……二是……`` items to the innermost section holding them."""
    owners = owner_index(roots)
    positions = [position for position, _ in owners]
    line_starts = [start for start, _ in spans]
    chain: list[tuple[int, Node]] = []
    expected = 1

    def line_end(position: int) -> int:
        slot = bisect.bisect_right(line_starts, position) - 1
        return spans[slot][1] if slot >= 0 else len(text)

    def flush() -> None:
        if len(chain) >= 2:
            for index, (position, owner) in enumerate(chain):
                stop = chain[index + 1][0] if index + 1 < len(chain) else line_end(position)
                owner.items.append((position, min(stop, owner.end)))
        chain.clear()

    for match in _ITEM_MARKER.finditer(text):
        if match.start() and text[match.start() - 1] not in _ITEM_AFTER:
            continue
        token = match.group("ord") or match.group("qi") or match.group()[:-1]
        number = chinese_int(token) or 0
        slot = bisect.bisect_right(positions, match.start()) - 1
        owner = owners[slot][1] if slot >= 0 else None
        if owner is None:
            flush()
            continue
        if chain and number == expected and chain[-1][1] is owner:
            chain.append((match.start(), owner))
            expected += 1
            continue
        flush()
        if number == 1:
            chain.append((match.start(), owner))
            expected = 2
    flush()


def owner_index(roots: list[Node]) -> list[tuple[int, Node | None]]:
    """Positions where the innermost node changes, with the node from there on."""
    events: list[tuple[int, Node | None]] = []

    def visit(node: Node, parent: Node | None) -> None:
        events.append((node.start, node))
        for child in node.children:
            visit(child, node)
        events.append((node.end, parent))

    for root in roots:
        visit(root, None)
    # Equal positions: the later event (the node that starts there) wins.
    merged: list[tuple[int, Node | None]] = []
    for position, node in events:
        if merged and merged[-1][0] == position:
            merged[-1] = (position, node)
        else:
            merged.append((position, node))
    return merged
