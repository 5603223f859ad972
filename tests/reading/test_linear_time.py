"""Reading grows linearly with the size of adversarial inputs (issue 14 §3), at small sizes.

Each input is the worst case of one step of reading: many headings (outline), headings nested
in every style (outline, classification), very many counts (facts, their dimensions), one very
long line (titles, signature, metadata), headings run together in one line (inline headings),
many 翻一番 on one line (quotes looked for before each), many inline items on one line, and
thousands of lines of one width (a fixed-width wrap, undone).
"""

from __future__ import annotations

import gc
import math
import time

import pytest

from lawgov_score.model.framework import Dimension
from lawgov_score.reading.document import analyse

# Each input: an opening, a unit repeated, and how many times at 1×: enough for a quadratic step
# to show in the ratio.
ADVERSARIAL: dict[str, tuple[str, str, int]] = {
    "headings": ("", "一、\n", 2_000),
    "nested": ("", "一、甲\n(一)乙\n1.丙\n(1)丁\n①戊\n", 400),
    "counts": ("", "办理案件1234件\n", 2_000),
    "long_line": ("", "办理案件12件,增长8%。一、(一)1.①“第一”", 700),
    "inline_headings": ("报告如下:", "".join(
        f"{cn}、加强组织领导(一)压实责任。正文。(二)完善制度。正文。1.丙。2.丁。" for cn in "一二三四五六七八九"), 40),
    "doubling": ("", "网上受理量翻一番,", 8_000),
    "items": ("一、甲\n", "一是精简事项12项;二是推行网办;", 1_000),
    # every line as wide as the page and none ending a sentence: every break is undone
    "wrapped": ("", "办理行政复议案件568宗,办结437宗,撤销19宗,确认违法13宗,变更\n", 1_000),
}


def _best_ratio(small: str, large: str, dimensions: tuple[Dimension, ...]) -> float:
    """The best time of the large input over the best of the small one, timed in turns so that
    a busy machine slows both alike."""
    best = {small: math.inf, large: math.inf}
    for _ in range(3):
        for text in (small, large):
            began = time.perf_counter()
            analyse(text, dimensions=dimensions)
            best[text] = min(best[text], time.perf_counter() - began)
    return best[large] / best[small]


@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_reading_time_grows_linearly(kind: str, dimensions: tuple[Dimension, ...]) -> None:
    """Four times the input takes about four times as long to read, not sixteen (the garbage
    collector is paused: it is the reading that is timed, not when the collector runs)."""
    opening, unit, times = ADVERSARIAL[kind]
    small, large = opening + unit * times, opening + unit * (4 * times)
    analyse(small, dimensions=dimensions)  # warm-up: compiled patterns, cn2an
    enabled = gc.isenabled()
    gc.disable()
    try:
        ratio = _best_ratio(small, large, dimensions)
    finally:
        if enabled:
            gc.enable()
    assert ratio < 8, ratio
