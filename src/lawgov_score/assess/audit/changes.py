"""Checks of stated changes: a growth against its count, and a change against the two levels it joins."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from lawgov_score.assess.audit.common import Figure, decimals, finding, pct, same_rounded
from lawgov_score.assess.view import Sentence
from lawgov_score.model.assessment import AuditFinding
from lawgov_score.reading.han import has_han

# Words that may stand between a count and the growth that belongs to it (同比增长, 较上年下降).
_CHANGE_FILLER = re.compile(r"同比|环比|较上年|比上年|较去年|比去年|较上一年|比上一年|较2\d{3}年|比2\d{3}年|"
                            r"增长|上升|提高|提升|增加|下降|减少|降低|回落|了|约|达|为|分别|,|，|、|\s")


def _signed(change: Figure) -> float:
    return -change.value if change.stated.fact.change == "down" else change.value


def _own_growth(count: Figure, change: Figure, sentence: Sentence) -> bool:
    """Whether the growth right after a count is the count's own (no other subject between them)."""
    between = sentence.text[count.stated.end : change.stated.start]
    return not has_han(_CHANGE_FILLER.sub("", between)) and change.stated.clause - count.stated.clause <= 1


# Before a count: it is last year's (比上年的100件, 上年为100件, 上年同期为1000件).
_PREVIOUS_YEAR = re.compile(r"(?:上年|去年|上一年|2\d{3}年)(?:同期|全年)?(?:的|为|是|共)?$")


def _previous_year(figure: Figure) -> bool:
    return bool(_PREVIOUS_YEAR.search(figure.prefix))


def growth_checks(sentence: Sentence, figures: Sequence[Figure]) -> Iterator[AuditFinding]:
    """``growth_implies_previous``: a growth of a whole count must come from a whole previous count;
    when the report states the previous count (比上年的100件, 上年为100件) or the increase
    (较上年增加50次), the growth must be the one they give."""
    for position, (count, change) in enumerate(pairwise(figures)):
        if change.kind != "change" or count.kind != "count" or change.unit != "%" or count.stated.earlier_level:
            continue
        if any(f.stated.earlier_level and f.kind == count.kind for f in figures[:position]):
            continue  # 由400件减少到340件,下降15%: the change is checked against both levels
        if not _own_growth(count, change, sentence):
            continue
        current = next((f for f in reversed(figures[:position]) if f.kind == "count" and f.unit == count.unit
                        and not _previous_year(f) and f.stated.fact.change is None), None)
        if current is not None and (count.stated.fact.change is not None or _previous_year(count)):
            yield _against_stated(sentence, current, count, change)
            continue
        stated_previous = next((f for f in figures[position + 2:] if f.kind == "count" and f.unit == count.unit
                                and _previous_year(f)), None)
        if stated_previous is not None:
            yield _against_stated(sentence, count, stated_previous, change)
            continue
        yield _whole_previous(sentence, count, change)


def _against_stated(sentence: Sentence, current: Figure, other: Figure, change: Figure) -> AuditFinding:
    """A growth against the current count and either the stated increase (较上年增加50次) or the
    stated previous count (比上年的100件)."""
    if other.stated.fact.change is not None:
        increase = other.value if other.stated.fact.change == "up" else -other.value
        previous = current.value - increase
        how = f"({current.value:g} − {increase:+g} = {previous:g} last year)"
    else:
        previous = other.value
        how = f"({previous:g} last year)"
    g = _signed(change)
    places = decimals(change)
    if previous <= 0:
        return finding(sentence, "growth_implies_previous", "unverifiable", current, change,
                       f"no positive previous count {how}")
    computed = current.value / previous - 1
    ok = same_rounded(abs(computed), abs(g), places) and _same_direction(computed, change)
    return finding(sentence, "growth_implies_previous", "consistent" if ok else "inconsistent", current, change,
                   f"{current.value:g}/{previous:g} − 1 = {computed * 100:+.{places + 1}f}% {how}"
                   + ("" if ok else f", stated {g * 100:+.{places}f}%"))


def _whole_previous(sentence: Sentence, count: Figure, change: Figure) -> AuditFinding:
    """A growth of a whole count against the whole previous counts it could come from."""
    g = _signed(change)
    if not count.exact or 1 + g <= 0:
        return finding(sentence, "growth_implies_previous", "unverifiable", count, change,
                       f"{count.value:g} is not an exact whole count")
    places = decimals(change)
    implied = count.value / (1 + g)
    candidates = sorted({math.floor(implied), math.ceil(implied)} - {0})
    matches = [n for n in candidates if round((count.value / n - 1) * 100, places) == round(g * 100, places)]
    if matches:
        return finding(sentence, "growth_implies_previous", "consistent", count, change,
                       f"{count.value:g}/{1 + g:g} = {implied:.1f} (whole number {matches[0]})")
    head = f"{count.value:g}/{1 + g:.{places + 2}f} = {implied:.2f}".rstrip("0").rstrip(".")
    nearest = min(candidates, key=lambda n: abs(n - implied)) if candidates else 0
    actual = (count.value / nearest - 1) if nearest else math.nan
    return finding(sentence, "growth_implies_previous", "inconsistent", count, change,
                   f"{head}: no whole previous count gives {g * 100:+.{places}f}% "
                   f"({nearest} -> {actual * 100:+.2f}%)")


def level_change_checks(sentence: Sentence, figures: Sequence[Figure]) -> Iterator[AuditFinding]:
    """``pp_change`` and ``change_of_levels``: 由A降至B,下降Z — Z against A and B.

    Z in 个百分点 is B − A; Z in % is the relative change (B − A) / A.
    """
    for index, earlier in enumerate(figures):
        if not earlier.stated.earlier_level or index + 2 >= len(figures) + 1:
            continue
        current = next((f for f in figures[index + 1:] if f.kind == earlier.kind and not f.stated.earlier_level), None)
        if current is None:
            continue
        after = [f for f in figures if f.stated.start > current.stated.start]
        change = next((f for f in after[:2] if f.kind in ("pp_change", "change")), None)
        if change is None:
            continue
        a, b = earlier.value, current.value
        if change.kind == "pp_change":
            stated = _signed(change)
            places = decimals(change)
            computed = (b - a) * 100
            ok = abs(abs(computed) - abs(stated)) <= 0.5 * 10 ** (-places) + 1e-9 and _same_direction(computed, change)
            yield finding(sentence, "pp_change", "consistent" if ok else "inconsistent", earlier, change,
                          f"{pct(b, places)} − {pct(a, places)} = {computed:+.{places}f} percentage points"
                          + ("" if ok else f", stated {stated:+.{places}f}"))
        elif change.unit == "%" and a:
            stated = _signed(change)
            computed = (b - a) / a
            places = decimals(change)
            ok = same_rounded(abs(computed), abs(stated), places) and _same_direction(computed, change)
            yield finding(sentence, "change_of_levels", "consistent" if ok else "inconsistent", earlier, change,
                          f"({b:g} − {a:g})/{a:g} = {computed * 100:+.{places + 1}f}%"
                          + ("" if ok else f", stated {stated * 100:+.{places}f}%"))


def _same_direction(computed: float, change: Figure) -> bool:
    direction = change.stated.fact.change
    if direction is None or computed == 0:
        return True
    return (computed > 0) == (direction == "up")
