"""Find the quantitative facts of a normalised report: every counted number with its measure word.

One left-to-right scan with a compiled pattern finds each number (Arabic, Chinese, 百分之…) and
what follows it (余/多, 万/亿, the measure word, 以上/左右); the few characters before it, read
within its clause, give the approximation, the change verb and the subject. A second, literal-led
scan finds ranks (排名全市第3). Every quantifier in the patterns is bounded
and a failed match never rescans more than a few dozen characters, so time is linear in the text.

What is *not* a fact: a number without a measure word (years, dates, document numbers, "1310"),
a number inside “…” or 《…》 (slogans, titles), one joined to ``+``, a letter or another number
(1+5+N, 5G, 1.2.3), an ordinal (第一, 十三届三次全会), and Chinese numerals outside the rule of
:func:`_chinese_value`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from attrs import evolve

from lawgov_score.patterns import lazy
from lawgov_score.reading import measures as M
from lawgov_score.reading.model import ChangeDirection, Fact, FactKind
from lawgov_score.reading.numerals import chinese_int
from lawgov_score.reading.wordtrie import alternation, trie

__all__ = ["extract_facts"]


_C = M.CJK_NUMERAL_CHARS
_LOOKBACK = 20  # characters of a clause read before a number; gold subjects fit in 16
_UNITS = (*M.COUNT_MEASURES, *M.DURATION_MEASURES, *M.UNIT_ALIASES, *M.MONEY_MEASURES, *M.PP_MEASURES,
          *M.RATE_SIGNS, *M.MULTIPLE_MEASURES)
# A Chinese numeral is scanned only before a character that can start a measure word: one class
# test, where the whole measure-word trie would run at every 一 of 进一步 and 统一.
_UNIT_FIRSTS = "".join(sorted({unit[0] for unit in _UNITS}))
_UNIT = trie(_UNITS, M.MEASURE_NOT_BEFORE)
_OPENERS = "".join(opening for opening, _ in M.QUOTE_PAIRS)
# Quoted or titled text, up to a line or 60 characters, is consumed whole so that no number in
# it is read: those are slogans and names (“1310”, 《…10条措施》), never statements.
_QUOTE_REACH = 61  # the opening mark and up to 60 characters
_QUOTED = "|".join(f"(?<={o}){'[^'}{o}{c}\\n]{{0,60}}{c}" for o, c in M.QUOTE_PAIRS)
# The first character is a plain class so that the regex engine skips ahead in C; which branch
# follows is decided by looking back at it.
_TOKEN = re.compile(
    rf"[0-9{_C}{_OPENERS}]"
    rf"(?:{_QUOTED}"
    rf"|(?<=[{_C}])[{_C}]{{0,3}}分之(?P<pct>[{_C}点]{{1,10}}|[0-9]{{1,3}}(?:\.[0-9]{{1,8}})?(?![0-9.]))(?P<pct_after>{alternation(M.APPROX_AFTER)})?"
    rf"|(?:(?<=[0-9])(?:[0-9]{{0,2}}(?:,[0-9]{{3}}(?![0-9])){{1,5}}|[0-9]{{0,14}})(?:\.[0-9]{{1,8}})?"
    rf"|(?<=[{_C}])[{_C}]{{0,11}}(?=[余多万亿点{re.escape(_UNIT_FIRSTS)}])"
    rf"(?:点[{M.CJK_DECIMAL_DIGITS}]{{1,6}}(?=[余多万亿{re.escape(_UNIT_FIRSTS)}]))?)"
    rf"(?P<num_end>)[ ]?(?P<inside>[余多])?(?P<mult>(?:[百千](?!分))?[万亿]{{0,2}})"
    # The lower part of a compound written with digits: 2万6千件, 1亿2000万元.
    rf"(?P<rest>(?<=[0-9]万)(?:[0-9]{{4}}(?![0-9])|[0-9]{{1,3}}[千百](?!分))"
    rf"|(?<=[0-9]亿)(?:[0-9]{{1,4}}|[0-9]{{1,3}}千)万)?"
    rf"(?P<inside2>[余多])?[ ]?"
    rf"(?P<unit>{_UNIT})?(?P<after>{alternation(M.APPROX_AFTER)})?)"
)
# Positions in ``match.groups()``: one call per number, cheaper than a group() call per name.
_G_INSIDE, _G_MULT, _G_REST, _G_INSIDE2, _G_UNIT, _G_AFTER, _G_PCT, _G_PCT_AFTER = (
    _TOKEN.groupindex[name] - 1
    for name in ("inside", "mult", "rest", "inside2", "unit", "after", "pct", "pct_after")
)
_NUM_END = _TOKEN.groupindex["num_end"]  # a group number, for match.end()
_PCT = _TOKEN.groupindex["pct"]
# _read() slices inside…after out of the groups in one step.
assert tuple(range(_G_INSIDE, _G_INSIDE + 6)) == (_G_INSIDE, _G_MULT, _G_REST, _G_INSIDE2, _G_UNIT, _G_AFTER)
# 第3名, 首位, 前10: the first character is a plain class, the branch is chosen by looking back.
_RANK = re.compile(
    r"[第首前](?:(?<=第)(?P<n>[0-9]{1,4}|[一二三四五六七八九十]{1,3})(?P<suffix>名|位)?|(?<=首)位"
    r"|(?<=前)(?P<top>[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?P<top_suffix>名|位)?)"
)
_DOUBLING = re.compile(r"翻(?:了)?(?P<n>[一两二三四])番")  # 翻一番: doubled; 翻两番: four times

# Markers written before a number are matched on the reversed text before it, anchored at its
# start, so each test costs the length of the marker and not of the text.
_CONTEXT_REV = re.compile(
    f"({alternation(M.APPROX_BEFORE, reverse=True)})?"
    f"(?:({alternation(M.CHANGE_LINKS, reverse=True)})?({alternation(M.CHANGE_VERBS, reverse=True)}))?"
    f"(?:{alternation(M.SUBJECT_TRAILERS, reverse=True)}){{0,4}}()"
    f"[^{re.escape(M.CLAUSE_BREAKS)}]{{0,{_LOOKBACK}}}"
)
_TRAILERS_REV = re.compile(f"(?:{alternation(M.SUBJECT_TRAILERS, reverse=True)}){{0,4}}")
_LEADERS = re.compile(f"(?:(?P<lead>{alternation((*M.SUBJECT_LEADERS, *M.SUBJECT_FILLERS))})[“”]?){{1,3}}")
# What follows a number whose clause has no subject before it (两万余人参加培训 → 参加培训).
# Both stop at 、 too: in 废止23件、保留97件 what follows 23件 is the next item, not its subject.
_PHRASE_AFTER = re.compile(f"[^0-9{re.escape(M.CLAUSE_BREAKS)}、]{{0,8}}")
# Up to 8 characters after a measure word, stopping at a verb, a number, 、 or the clause's end.
_NOUN_AFTER = re.compile(
    f"(?:(?!{alternation(M.SUBJECT_STOPS)})[^0-9{re.escape(M.CLAUSE_BREAKS)}、]){{0,8}}"
)
# Right before a number: the start of a range (1.2万至, 三至) or the upper part of a compound
# that was not read whole (2万6件): the number is not a quantity of its own.
_RANGE_OR_COMPOUND = lazy(rf"[0-9{M.CJK_DECIMAL_DIGITS}两十][万亿千百]?[至到~]$|[0-9][万亿]$")
_RANGE_OR_COMPOUND_ENDS = frozenset("至到~万亿")  # a cheap test before the regex
_MULTIPLES = frozenset(M.MULTIPLE_MEASURES)
# Before a bare magnitude (万, 千, 百): 近 and 逾 are approximation markers anyway; 上, 过 and 超
# say "at least" only there (上年, 线上 are not markers).
_ROUND_LOWER = frozenset("上过超")
_ROUND_MARKERS = _ROUND_LOWER | frozenset("近逾")
# What compares a multiple with its base, at the end of the text before it (是去年同期的, 增至).
_COMPARED = lazy(
    "(?:是|为|达到|达|相当于|增长到|增加到|增至|提高到|提升到|上升到|升至)?"
    "(?:去年同期|上年同期|去年|上年|上一年|同期|原来|以往|往年|过去)?的?$"
)
_CLAUSE_REV = re.compile(f"[{re.escape(M.CLAUSE_BREAKS)}]")
_SENTENCE = re.compile(f"[{re.escape(M.SENTENCE_BREAKS)}]")
# A rank verb or scope right before 第N, or one of the plainest verbs a few words before it
# (位列全省县(市、区)第一等次).
_RANK_REV = re.compile(
    f"(?:(?:{alternation(M.RANK_SCOPES, reverse=True)})(?:{alternation(M.RANK_VERBS, reverse=True)})?"
    f"|(?:{alternation(M.RANK_VERBS, reverse=True)})"
    f"|[^第0-9]{{1,10}}?(?:{alternation(M.RANK_VERBS_AT_A_DISTANCE, reverse=True)}))"
)
# Before a rank written with 名 or 位, or 首位, a one-character verb will do (排第5位, 居首位);
# 排在 alone before 首位 puts a task first (把安全排在首位), so it needs a scope there.
_RANK_SHORT_REV = lazy(f"(?:{alternation(M.RANK_SHORT_VERBS, reverse=True)})")
_TOP_REV = lazy(
    f"(?:{alternation(M.RANK_SCOPES, reverse=True)})|(?:{alternation(M.TOP_VERBS, reverse=True)})"
)
_FIRST_NOT_AFTER = ("排在", "放在", "摆在", "放到", "摆到", "作为")

_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_GLUE = frozenset("+-_/#×*" + _ASCII_LETTERS)
# A number right after these is part of a formula, code, version or ordinal (1+5+N, G15, 第3, 十三届三次).
_NOT_BEFORE_NUMBER = frozenset("0123456789.%" + "第届") | _GLUE
# 第N before these is an ordinal of a batch, a session or a date (全国第一批, 全市第3次), not a rank.
_NOT_RANK = (frozenset({unit[0] for unit in (*M.COUNT_MEASURES, *M.DURATION_MEASURES)} - {"名", "位"})
             | frozenset("届年月日号季章节款"))
_NOT_AFTER_SIGN = frozenset("0123456789.%)-" + _ASCII_LETTERS)
_RATE_ENDINGS = ("率", "比例", "占比", "比重", "满意度", "覆盖面")
_QUOTE_MARKS = "“”‘’《》「」『』\"' 、"
_LEADING_JUNK = " 、"  # left at a clause's start when it was cut at a previous fact
_FILLERS = frozenset(M.SUBJECT_FILLERS)
# The kind and reported unit of a fact by its measure word; any other measure word makes a count.
_UNIT_KINDS: dict[str, tuple[FactKind, str]] = {
    **{sign: ("rate", "%") for sign in M.RATE_SIGNS},
    **{unit: ("pp_change", "个百分点") for unit in M.PP_MEASURES},
    **{unit: ("amount", "元") for unit in M.MONEY_MEASURES},
    **{unit: ("change", "%") for unit in M.MULTIPLE_MEASURES},
    **{unit: ("duration", unit) for unit in M.DURATION_MEASURES},
    **{alias: ("count", unit) for alias, unit in M.UNIT_ALIASES.items()},
}
_DURATIONS = frozenset(M.DURATION_MEASURES)
# 15分钟公共法律服务圈, 24小时不打烊: a time in the name of a service, not a duration.
_SERVICE_NAME_AFTER = lazy(r"[^,。;:、\n]{0,8}(?:圈|不打烊|全天候)")
# 在全市12个区中排名第3: the size of the set a rank is taken in, not a count of the report.
_RANK_SET_AFTER = lazy(
    r"[^,。;:\n]{0,8}?中[^,。;:\n]{0,12}?(?:排名|排在|排|位列|位居|居|名列|列)(?:第|首位|前)")
_STREAK = re.compile(r"连续(?P<n>[0-9]{1,2}|[两二三四五六七八九十]{1,2})(?P<unit>年|届)")
# N合一: that many things merged into one (五证合一); 多规合一 names no number.
_MERGED = lazy(r"(?P<n>[0-9]{1,2}|[两二三四五六七八九十])(?P<what>[\u4e00-\u9fff]?)合一")
_COUNT_LEADERS = frozenset(M.COUNT_LEADERS)
_RANGE_LINKS = frozenset("至到~")
# 前20名 is a rank among the first twenty (read by the rank scan), not twenty people.
_TOP_UNITS = frozenset(("名", "位"))
# 较上年前移2位: a rank that moved, by that many places.
_RANK_MOVES: dict[str, ChangeDirection] = {"前移": "up", "上升": "up", "提升": "up", "跃升": "up", "进位": "up",
                                           "前进": "up", "后移": "down", "下降": "down", "后退": "down",
                                           "下滑": "down", "退后": "down"}
_RANK_MOVE_UNITS = frozenset(("位", "个位次", "位次"))


def extract_facts(text: str) -> list[Fact]:
    """Every quantitative fact of *text*, in reading order.

    :param text: the report after normalisation (NFKC: ASCII digits, ``%``, ``,`` and ``()``;
        Chinese ``、``, ``。`` and curly quotes kept).
    :returns: facts whose ``start``/``end`` index *text*; ``dimensions`` and ``why`` are empty.
        A number shared by several rates (合法性审查率、备案通过率100%) gives one fact per rate,
        all with the same span.
    :raises TypeError: if *text* is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_facts() needs the text as str, got {type(text).__name__}")
    facts: list[Fact] = []
    last_end = 0  # a clause read for one fact never reaches back into the previous one
    last_made = 0  # how many facts the number ending at last_end gave
    for match in _TOKEN.finditer(text):
        groups = match.groups()
        if groups[_G_UNIT] is None and groups[_G_PCT] is None:
            continue
        start = match.start()
        if start and text[start - 1] in _NOT_BEFORE_NUMBER and not _is_sign(text, start):
            continue
        if (last_end == start - 1 and last_made and text[start - 1] in _RANGE_LINKS
                and facts[-1].kind not in ("change", "pp_change")):
            # 5000元至2万元: a range, neither end of which is the quantity; but after a change
            # (下降6.2个百分点至6.3%) 至 gives the level it came to
            del facts[-last_made:]
            last_made = 0
            continue
        made = _read(text, match, groups, last_end, facts)
        if made:
            facts.extend(made)
            last_end = match.end()
            last_made = len(made)
    others = [fact for fact in (_rank(text, found) for found in _RANK.finditer(text)) if fact is not None]
    if others:
        facts = _without_rank_sets(text, facts)
    others += [_doubling(text, found) for found in _DOUBLING.finditer(text)
               if not _quoted_at(text, found.start())]
    others += [_streak(text, found) for found in _STREAK.finditer(text)]
    others += [fact for fact in (_merged(text, position) for position in _positions(text, "合一")) if fact]
    if others:
        facts = sorted(facts + others, key=lambda fact: fact.start)
    return facts


def _read(text: str, match: re.Match[str], groups: tuple[Any, ...], last_end: int,
          facts: list[Fact]) -> list[Fact]:
    """The facts one scanned number gives: none, one, or one per rate sharing it."""
    start, end = match.span()
    value: Decimal | float | None
    words = groups[_G_PCT]
    if words is not None:  # 百分之九十五点五, 三分之一: a rate written in words
        unit, inside, mult, after = "%", None, "", groups[_G_PCT_AFTER]
        value = _parse_fraction_words(text[start : match.start(_PCT) - 2], words)
    else:
        inside, mult, rest, inside2, unit, after = groups[_G_INSIDE : _G_AFTER + 1]
        inside = inside or inside2
        written = text[start : match.end(_NUM_END)]
        if written[0] in _C:
            value = _chinese_value(text, start, written, inside, end, share=unit == "成")
        elif "." in written or "," in written or unit in M.RATE_SIGNS:
            value = _parse_arabic(written)
        else:
            value = int(written)  # the common case, without the cost of Decimal
    if value is None or (mult and unit in M.RATE_SIGNS) or (inside == "多" and unit == "元" and not mult):
        return []
    before = text[start - 1] if start else ""
    if before in _RANGE_OR_COMPOUND_ENDS and _RANGE_OR_COMPOUND().search(text, max(0, start - 4), start):
        return []  # 1.2万至5万元, 三至五名: the end of a range is not a quantity (nor is its start)

    # One match on the reversed clause reads, nearest first: an approximation marker, a change
    # verb, words that say nothing about the subject, then the rest of the clause.
    negative = before == "-"  # a sign, or _is_sign() would have rejected it
    # 上万, 过千: the marker is read here, not left at the end of the subject
    round_lower = before in _ROUND_LOWER and text[start] in M.MULTIPLIERS
    signed = start - negative - round_lower
    context = _CONTEXT_REV.match(text[max(last_end, signed - _LOOKBACK) : signed][::-1])
    marker, link, verb = context.group(1, 2, 3)  # type: ignore[union-attr]
    clause = signed - context.end()  # type: ignore[union-attr]
    pre = text[clause:signed]
    approx, bound = True, None
    if marker:
        bound = M.APPROX_BEFORE[marker[::-1]]
    elif round_lower:
        bound = "lower"  # 上万人, 过千家: at least that many
    elif inside:
        bound = M.APPROX_INSIDE[inside]
    elif after:
        bound = M.APPROX_AFTER[after]
    else:
        approx = False
    direction = M.CHANGE_VERBS[verb[::-1]] if verb else None
    if direction and link == "为" and verb[::-1] in M.CHANGE_TO_VERBS:
        direction = None  # 降低为6.3%, 上升为95%: the level it moved to, not the change
    kind: FactKind
    kind, out_unit = _UNIT_KINDS.get(unit, ("count", unit))
    if kind == "duration" and _SERVICE_NAME_AFTER().match(text, end):
        return []
    if unit in _TOP_UNITS and before == "前":
        return []
    if unit in _RANK_MOVE_UNITS and text[max(0, signed - 2) : signed] in _RANK_MOVES:
        kind, direction = "rank", _RANK_MOVES[text[signed - 2 : signed]]
    if kind == "rate":
        value = value / M.RATE_SIGNS[unit]
        if direction:
            kind = "change"
    elif kind == "change":  # a multiple
        multiple = _multiple(value, pre, verb[::-1] if verb else "")
        if multiple is None or mult:
            return []
        value, direction = multiple
    elif kind != "pp_change" and mult:
        value = value * _multiplier(mult)
        if rest:  # 2万6千: the lower part adds on
            lower = rest.rstrip("百千万")
            value = value + int(lower) * _multiplier(rest[len(lower) :])
    if negative:
        # 增长-3.2% is a fall of 3.2%; a negative level or count is not a statement we can read.
        if direction is None:
            return []
        direction = "down" if direction == "up" else "up"

    quote_start = clause if text[clause] not in _LEADING_JUNK else clause + len(pre) - len(pre.lstrip(_LEADING_JUNK))
    subject, bare_verb = _strip_leaders(text[clause : signed - context.end(4)])  # type: ignore[union-attr]
    if unit in _MULTIPLES:  # 收案量是去年的1.5倍: what grew is before the comparison
        subject = subject[: _COMPARED().search(subject).start()]  # type: ignore[union-attr]
    quote_end = end
    if bare_verb and kind in ("count", "amount"):
        # 组织53家单位: what is counted follows the measure word, the verb only precedes it.
        noun, noun_end = _subject_after(text, end)
        if noun:
            subject, quote_end = noun, noun_end
    if not subject:
        # A change, an absolute one (较上年增加500次) or a new level (降至14.6%) is of the previous fact.
        follows = kind in ("change", "pp_change") or direction is not None or pre.endswith(("至", "到"))
        subject = _borrowed_subject(text, clause, facts, follows)
        if not subject and kind in ("count", "amount"):
            subject = _PHRASE_AFTER.match(text, end).group()  # type: ignore[union-attr]
    # Positional: a third cheaper than keywords in the loop that builds every fact; the order is
    # checked against the model by tests/reading/test_facts.py::test_facts_are_built_in_field_order.
    fact = Fact(
        float(value), out_unit, quote_start, quote_end, text[quote_start:quote_end], kind, approx, bound,
        direction, subject,
    )
    if kind == "rate" and "、" in subject:
        parts = [part for part in subject.split("、") if part]
        if len(parts) > 1 and all(part.endswith(_RATE_ENDINGS) for part in parts):
            return [evolve(fact, subject=part) for part in parts]
    return [fact]


def _without_rank_sets(text: str, facts: list[Fact]) -> list[Fact]:
    """``facts`` less the counts that name the set a rank is taken in (在全市12个区中排名第3):
    looked for only in texts with a rank."""
    return [fact for fact in facts if fact.kind != "count" or not _RANK_SET_AFTER().match(text, fact.end)]


def _multiple(times: Decimal | float, pre: str, verb: str) -> tuple[Decimal | float, ChangeDirection | None] | None:
    """A multiple written before 倍 as a relative change ``(size, direction)``, else ``None``.

    增长2倍 / 增加了1倍 — a growth verb right before the number — is growth *by* that multiple:
    +200 %, +100 %, as the national statistical standard reads it. 是去年的1.5倍 and 增至2倍 —
    the multiple after 的, 至 or 到 — is growth *to* it: +50 %, +100 % (0.5倍 is a fall of 50 %).
    A multiple without either (处违法所得2倍罚款, a penalty rule) states no change.
    """
    if verb and pre.endswith(verb) and M.CHANGE_VERBS[verb] == "up":
        return times, "up"
    if not pre.endswith(("的", "至", "到")):
        return None
    change = times - 1
    if change == 0:
        return change, None
    return (change, "up") if change > 0 else (-change, "down")


def _is_sign(text: str, start: int) -> bool:
    """Whether the ``-`` before *start* is a minus sign rather than a range or a code (3-5, 0755-)."""
    return text[start - 1] == "-" and (start == 1 or text[start - 2] not in _NOT_AFTER_SIGN)


def _next_is_glued(text: str, num_end: int) -> bool:
    """Whether the number runs on into a formula, code or version (第1+N, 第5G)."""
    if num_end >= len(text):
        return False
    nxt = text[num_end]
    if nxt in _GLUE:
        return True
    return nxt == "." and num_end + 1 < len(text) and text[num_end + 1].isdigit()


def _chinese_value(text: str, start: int, numeral: str, inside: str | None, end: int, *,
                   share: bool = False) -> Decimal | None:
    """The value of a Chinese numeral if it is used as a quantity, else ``None``.

    The rule, chosen for precision: the numeral is directly followed by a measure word (the scan
    guarantees it) and is not the tail of a longer numeral run nor an ordinal (第/届, checked by
    the caller). A numeral of two or more characters must contain 十百千万亿 (十六项, 两万余人).
    A one-character numeral (二…十, 两; never 一) counts only with 余/多 (十余家) or when its
    measure word closes the clause (召开会议三次。), which rules out set phrases such as
    三项制度, 五位一体, 两个确立 and 一次性. A ``share`` (成) need not close its clause (八成以上的案件);
    一成 is still left out, for 一成不变.
    """
    if start and (text[start - 1] in M.CJK_NUMERAL_CHARS or text[start - 1] in M.CJK_VAGUE_BEFORE):
        return None
    if start > 1 and text[start - 1] == "点" and text[start - 2] in M.CJK_NUMERAL_CHARS:
        return None  # the fractional part of a decimal that was not read whole (三点五六七八九十亿)
    if "点" in numeral:  # 三点五亿元: a decimal is always a quantity
        return _parse_chinese(numeral)
    # 近万人, 上千人, 逾百家: a round magnitude, if marked so; 十 alone is ten (学法十次)
    if numeral in M.MULTIPLIERS and numeral != "十" and not inside:
        return Decimal(M.MULTIPLIERS[numeral]) if start and text[start - 1] in _ROUND_MARKERS else None
    if len(numeral) == 1 and not inside:
        # 一 only as the level a change reaches (压缩至一个工作日): elsewhere it is an idiom's
        if numeral not in M.CJK_SINGLE_QUANTITY and not (numeral == "一" and start and text[start - 1] in "至到"):
            return None
        if not share and end < len(text) and text[end] not in M.CLAUSE_BREAKS and text[end] != "、" and (
                not _counted_after_verb(text, start, end)):
            return None
    return _parse_chinese(numeral)


def _counted_after_verb(text: str, start: int, end: int) -> bool:
    """Whether a one-character numeral inside a clause counts: right after a verb that introduces
    what was done (出台三项制度, 开展三次督查, 对五项重大决策事项) or opening its clause, not
    followed by another numeral (三个一, 五位一体) and not one of the numbered names of the
    national vocabulary (两个确立)."""
    # at a clause's start a numeral counts what the clause is about (两个区县获评示范地区)
    opens = start == 0 or text[start - 1] in M.CLAUSE_BREAKS
    led = text[max(0, start - 2) : start] in _COUNT_LEADERS or (
        (opens or (text[start - 1] in M.COUNT_LEADER_CHARS and text[max(0, start - 2) : start] not in
                   M.NOT_COUNT_LEADERS)) and not text.startswith("制度", end))
    return (
        led
        # 三个一, 五位一体: a numeral right after a one-character measure word; after a longer one
        # it starts the next count (明确五个方面三十二项)
        and (end - start > 2 or text[end : end + 1] not in M.CJK_NUMERAL_CHARS)
        and not text.startswith(M.NUMBERED_NAMES, start)
    )


def _clause_start(text: str, start: int, last_end: int) -> int:
    """Where the clause holding the number at *start* begins, at most :data:`_LOOKBACK` back."""
    low = max(last_end, start - _LOOKBACK, 0)
    found = _CLAUSE_REV.search(text[low:start][::-1])
    return start - found.start() if found else low


def _subject(pre: str) -> tuple[str, bool]:
    """What is counted, from the clause text before the number (办理复议案件 → 复议案件).

    :returns: the subject and whether it is only a verb (or nothing), so that a noun after the
        measure word may serve better.
    """
    return _strip_leaders(pre[: len(pre) - _TRAILERS_REV.match(pre[::-1]).end()])  # type: ignore[union-attr]


def _strip_leaders(subject: str) -> tuple[str, bool]:
    """:func:`_subject` for text whose trailing markers are already cut off."""
    subject = subject.strip(_QUOTE_MARKS)
    lead = _LEADERS.match(subject)
    if lead is not None:
        if lead.end() == len(subject):
            # Keep the last verb when nothing else is left: in 开展抽查112次 what is counted is 抽查.
            last = lead.group("lead")
            return ("" if last in _FILLERS else last), True
        if lead.end() < len(subject) - 1:  # 办结率: one character left is no subject, keep the word whole
            subject = subject[lead.end() :]
    if "“" in subject or "”" in subject:
        subject = subject.replace("“", "").replace("”", "")
    return subject, not subject


def _subject_after(text: str, end: int) -> tuple[str, int]:
    """A subject written after the measure word (53家单位, 对58份文件进行…).

    :returns: the subject and where the quote should end.
    """
    found = _NOUN_AFTER.match(text, end)
    subject = found.group().strip(_QUOTE_MARKS).replace("“", "").replace("”", "")  # type: ignore[union-attr]
    return subject, (found.end() if subject else end)  # type: ignore[union-attr]


def _borrowed_subject(text: str, clause: int, facts: list[Fact], follows: bool) -> str:
    """A subject from earlier in the sentence for a number whose clause names none.

    A change or a new level (*follows*: 237宗,增长8.22%; 由30.7%降至14.6%) takes the previous
    fact's subject; otherwise the previous clause's, if it stated no fact (组织培训考试, 3281人通过).
    """
    previous_fact = facts[-1] if facts and facts[-1].end <= clause else None
    if previous_fact is not None and _SENTENCE.search(text, previous_fact.end, clause):
        previous_fact = None
    if follows:
        return previous_fact.subject if previous_fact is not None else ""
    if clause == 0 or text[clause - 1] in M.SENTENCE_BREAKS:
        return ""
    previous = _clause_start(text, clause - 1, 0)
    if previous_fact is not None and previous_fact.end > previous:
        return ""
    return _subject(text[previous : clause - 1])[0]


def _rank(text: str, match: re.Match[str]) -> Fact | None:
    """A rank fact after a ranking context, else ``None``: 第N (排名全市第3, 全省第一, 排第5位), 首位
    (位居全省首位: 1) and 前N (进入全国前10: at most 10)."""
    start = match.start()
    clause = _clause_start(text, start, 0)
    rev = text[clause:start][::-1]
    written = match.group("n") or match.group("top")
    top = match.group("top") is not None
    value: Decimal | None
    if written is None:  # 首位
        context = _RANK_REV.match(rev) or _RANK_SHORT_REV().match(rev)
        if context is None or text.endswith(_FIRST_NOT_AFTER, clause, start):
            return None
        value = Decimal(1)
    else:
        if top:
            context = _TOP_REV().match(rev)
        else:
            context = _RANK_REV.match(rev) or (_RANK_SHORT_REV().match(rev) if match.group("suffix") else None)
        if context is None:
            return None
        value = _parse_arabic(written) if written[0].isdigit() else _parse_chinese(written)
        number_end = match.end("top" if top else "n")
        if value is None or _next_is_glued(text, number_end) or text[number_end : number_end + 1] in _NOT_RANK:
            return None
    pre = rev[context.end():][::-1]
    subject = _subject(pre)[0]
    quote_start = clause + len(pre) - len(pre.lstrip(_LEADING_JUNK))
    return Fact(
        value=float(value), unit="名", start=quote_start, end=match.end(), quote=text[quote_start : match.end()],
        kind="rank", subject=subject, approx=top, bound="upper" if top else None,
    )


def _quoted_at(text: str, position: int) -> bool:
    """Whether ``position`` is inside a quote or title opened earlier on its line (“翻一番”目标),
    at most :data:`_QUOTE_REACH` characters before it, as the scan reads quotes."""
    low = max(0, position - _QUOTE_REACH)
    line_start = max(low, text.rfind("\n", low, position) + 1)
    return any(text.rfind(opening, line_start, position) > text.rfind(closing, line_start, position)
               for opening, closing in M.QUOTE_PAIRS)


def _doubling(text: str, match: re.Match[str]) -> Fact:
    """翻一番 / 翻两番 as a relative change: +100 %, +300 %."""
    start = match.start()
    clause = _clause_start(text, start, 0)
    pre = text[clause:start]
    quote_start = clause + len(pre) - len(pre.lstrip(_LEADING_JUNK))
    doublings = chinese_int(match.group("n")) or 0
    return Fact(
        value=float(2**doublings - 1), unit="%", start=quote_start, end=match.end(),
        quote=text[quote_start : match.end()], kind="change", change="up", subject=_subject(pre)[0],
    )


def _streak(text: str, match: re.Match[str]) -> Fact:
    """连续N年 / 连续N届: a streak, as a duration in years or terms."""
    written = match.group("n")
    value = int(written) if written.isdigit() else chinese_int(written) or 0
    return _fact_at(text, match.start(), match.end(), float(value), match.group("unit"), "duration")


def _merged(text: str, position: int) -> Fact | None:
    """N合一 before ``position`` (五证合一: five certificates in one) as a count of N, else ``None``."""
    found = _MERGED().search(text, max(0, position - 3), position + 2)
    if found is None or found.end() != position + 2:
        return None
    if found.start() and text[found.start() - 1] in _NOT_BEFORE_NUMBER:
        return None  # 1+1合一 and the like are formulas
    written = found.group("n")
    value = int(written) if written.isdigit() else chinese_int(written) or 0
    return _fact_at(text, found.start(), found.end(), float(value), found.group("what") or "项", "count")


def _fact_at(text: str, start: int, end: int, value: float, unit: str, kind: FactKind) -> Fact:
    """A fact read by one of the literal-led scans: quoted from its clause's start."""
    clause = _clause_start(text, start, 0)
    pre = text[clause:start]
    quote_start = clause + len(pre) - len(pre.lstrip(_LEADING_JUNK))
    return Fact(value=value, unit=unit, start=quote_start, end=end, quote=text[quote_start:end], kind=kind,
                subject=_subject(pre)[0])


def _positions(text: str, word: str) -> list[int]:
    """Where ``word`` occurs in ``text``."""
    found = []
    position = text.find(word)
    while position >= 0:
        found.append(position)
        position = text.find(word, position + 1)
    return found


def _parse_arabic(digits: str) -> Decimal:
    """Read an Arabic number such as ``"32030"``, ``"10.71"`` or ``"1,234"`` exactly.

    :raises ValueError: if *digits* is not such a number.
    """
    try:
        return Decimal(digits.replace(",", ""))
    except InvalidOperation as error:
        raise ValueError(f"not an Arabic number: {digits!r}") from error


@cache
def _cn2an() -> Callable[[str, str], float]:
    """cn2an's parser, imported on first use: the library takes ~0.2 s to import, and most
    reports write their quantities in digits."""
    import cn2an

    parse: Callable[[str, str], float] = cn2an.cn2an
    return parse


def _parse_chinese(numeral: str) -> Decimal | None:
    """Read a Chinese numeral used as a quantity (十六, 两万, 一千二百), else ``None``.

    Two or more characters must include one of 十百千万亿: without it the form is a digit list
    (二〇二三, 三四 = "three or four") that cn2an would misread as 2023 or 34. A leading 零/〇
    never starts a quantity (零容忍, 零件) unless a decimal point follows (零点八万人).
    """
    whole, point, fraction = numeral.partition("点")
    if point:  # 三点五, 零点八, 十二点五: a whole part of one character (or 零) is fine, a longer one obeys the rules
        if not fraction or not (len(whole) == 1 or _parse_chinese(whole) is not None):
            return None
    elif not numeral or numeral[0] in "零〇":
        return None
    elif numeral in M.MULTIPLIERS:  # 千余人, 百余家: a bare magnitude is one of it
        return Decimal(M.MULTIPLIERS[numeral])
    elif len(numeral) > 1 and not any(char in M.CJK_MAGNITUDE_CHARS for char in numeral):
        return None
    try:
        value = _cn2an()(numeral, "normal")  # "normal" accepts 两 and 一万二; "strict" does not
    except (ValueError, KeyError):  # cn2an 0.5 raises KeyError on some malformed forms (一十〇)
        return None
    return Decimal(str(value))


def _parse_fraction_words(denominator: str, numerator: str) -> Decimal | None:
    """The percentage written as …分之… (百分之九十五点五 → 95.5, 三分之一 → 33.3…, 千分之三 → 0.3),
    else ``None``. A numerator larger than its denominator is no share (百分之一百二十 is, as
    growth; 三分之五 is not written). 百分之95.5, digits after the words, is 95.5 too."""
    if numerator[0].isdigit():
        return Decimal(numerator) if denominator == "百" else None
    if denominator == "百":
        return _parse_percent_words(numerator)
    # A denominator is a small numeral (三, 二十) or a magnitude (千, 万); a one-character numerator
    # is a digit (一), a longer one may be a decimal (二点五).
    whole = M.MULTIPLIERS.get(denominator) or chinese_int(denominator)
    part = Decimal(chinese_int(numerator) or 0) if len(numerator) == 1 else _parse_chinese(numerator)
    if not whole or not part or part > whole:
        return None
    return part * 100 / whole


def _parse_percent_words(words: str) -> Decimal | None:
    """The number of 百分之… (九十五点五 → 95.5, 百 → 100), else ``None``."""
    if words == "百":
        return Decimal(100)
    try:
        value = _cn2an()(words, "normal")
    except (ValueError, KeyError):
        return None
    return Decimal(str(value))


def _multiplier(word: str) -> int:
    """The factor of the magnitude characters written after a number (万 → 10⁴, 千万 → 10⁷)."""
    factor = 1
    for char in word:
        factor *= M.MULTIPLIERS[char]
    return factor
