"""Hypothesis strategies for the fact extractor: report-like sentences and adversarial mixes."""

from __future__ import annotations

from hypothesis import strategies as st

from lawgov_score.reading import measures

# Pieces a report is made of, chosen to hit every branch of the scanner and its context rules.
_NUMBERS = st.one_of(
    st.integers(0, 10**12).map(str),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["1,234", "12,345,678", "1,2345", "十六", "两万", "三十余", "一千二百", "三四", "二〇二三", "十"]),
)
_UNITS = st.sampled_from(
    [*measures.COUNT_MEASURES, *measures.MONEY_MEASURES, *measures.PP_MEASURES, *measures.RATE_SIGNS]
)
_MARKERS = st.sampled_from(
    [*measures.APPROX_BEFORE, *measures.APPROX_INSIDE, *measures.APPROX_AFTER, *measures.CHANGE_VERBS,
     "万", "亿", "千万", "由", "降至", "排名全市第", "全省第", "第", "届", "同比"]
)
_NOISE = st.sampled_from(
    ["(一)", "一、", "1.", "(1)", "3、", "“", "”", "《", "》", "+", "-", ".", ",", "。", "、", ";", ":",
     "\n", " ", "年", "月", "日", "号", "〔2023〕", "办理案件", "合法性审查率", "、", "N", "G", "第一议题",
     "十三届三次全会", "“1+5+N”", "五位一体", "三项制度", "一体化", "一是", "百分之", "点"]
)

#: A sentence-like mix of numbers, measure words, markers and noise.
report_pieces = st.lists(st.one_of(_NUMBERS, _UNITS, _MARKERS, _NOISE), max_size=40).map("".join)

#: Only the characters adversaries use: digits, separators, brackets and heading markers.
adversarial_text = st.text(
    alphabet=st.sampled_from(list("0123456789.,%+-()()“”《》、。一二三十百千万亿余多第届件人次分之点 \n")),
    max_size=300,
)

#: Anything at all, surrogates and control characters included.
any_text = st.text(alphabet=st.characters(), max_size=300)

#: Building blocks of the linear-time check: each is worst-case for one part of the scanner.
ADVERSARIAL_CHUNKS: tuple[str, ...] = (
    "1" * 997,  # a very long digit run
    "一" * 499 + "二十" * 250,  # a very long numeral run
    "1," * 500,  # endless thousands groups
    "1." * 500,  # endless decimals and headings
    "“" * 300 + "1件" * 100,  # unclosed quotes before facts
    "余多" * 300,  # markers without a number
    "(一)1、1.(1)" * 60,
    "第" * 200 + "全市第一" * 50,
    "办理案件12宗,增长8.2%;" * 40,
)

