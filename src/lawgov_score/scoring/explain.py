"""How a raw value became its score, in plain words (English and Chinese) and as a formula.

The observation says what was found (a plugin's rule); these sentences add why it scores what it
scores, so that every indicator reads as one explanation: "56 sessions stated; on a log scale
from 0 to 50 that scores 100".
"""

from __future__ import annotations

from attrs import frozen

from lawgov_score.model.framework import Indicator, goalposts_of

STATUS_WORDS: dict[str, tuple[str, str]] = {
    "scored": ("scored from the evidence", "依据证据评分"),
    "missing": ("not stated in the report: left out, the weights of its siblings renormalised",
                "报告未载明：不计入，同级权重重新归一"),
    "unscored": ("reported but not scored", "仅列示，不计分"),
    "not_applicable": ("does not apply to a unit of this level", "不适用于该层级单位"),
    "partial": ("some indicators have no data", "部分指标缺少数据"),
    "no_evidence": ("the report says nothing about this dimension", "报告未涉及该维度"),
    "failed": ("the plugin failed while scoring", "插件评分出错"),
    "complete": ("every dimension scored with all its data", "各维度数据完整"),
    "incomplete": ("the overall score is withheld", "总分暂缺"),
}
"""Every status in one line, English and Chinese, for renderers and the docs."""


@frozen
class Explanation:
    """Why a value scores what it scores: a clause in each language and the arithmetic."""

    en: str
    zh: str
    formula: str


def _n(value: float) -> str:
    return f"{value:g}"


def _shown(value: float, indicator: Indicator) -> str:
    """A value as a reader writes it: rates as percentages."""
    if indicator.unit == "%":
        return f"{value * 100:.4g}%"
    return f"{value:g}{indicator.unit}"


def unstated(indicator: Indicator, score: float) -> Explanation:
    """The clause of a value the report does not state, scored by the indicator's ``missing_score``."""
    if indicator.kind == "outcome":
        en = (f"not disclosed in the report: scores {score:.0f} "
              "(an outcome a report leaves out cannot count as a good one)")
        zh = f"报告未公开：得{score:.0f}分（未公开的成效指标不能视同达标）"
    else:
        en = f"not stated in the report: scores {score:.0f} (a measure not shown earns nothing)"
        zh = f"报告未载明：得{score:.0f}分（未体现的举措不得分）"
    return Explanation(en=en, zh=zh, formula=f"missing_score = {score:g}")


def scoring(indicator: Indicator, raw: float, score: float, credit: float = 1.0) -> Explanation:
    """The scoring clause of an indicator that was scored (``score`` after its ``credit``)."""
    posts = goalposts_of(indicator)
    low, high = posts if posts is not None else (0.0, 1.0)
    value = _shown(raw, indicator)
    if indicator.kind == "adverse":
        return Explanation(
            en=f"{_n(-score)} points taken off the dimension",
            zh=f"该维度扣{_n(-score)}分",
            formula=f"deduction = {_n(-score)}",
        )
    if posts == (0.0, 1.0) and indicator.unit == "":  # a grade or a yes/no item
        factor = f" × {credit:g}" if credit < 1 else ""
        return Explanation(en=f"scores {score:.0f}", zh=f"得{score:.0f}分",
                           formula=f"100 × {_n(raw)}{factor} = {score:.2f}")
    worse = indicator.direction == -1
    lo_text, hi_text = _shown(low, indicator), _shown(high, indicator)
    if worse:
        span_en = f"lower is better: {lo_text} or less scores 100 and {hi_text} or more scores 0"
        span_zh = f"越低越好：{lo_text}及以下得100分，{hi_text}及以上得0分"
    else:
        span_en = f"{lo_text} or less scores 0 and {hi_text} or more scores 100"
        span_zh = f"{lo_text}及以下得0分，{hi_text}及以上得100分"
    if indicator.scale == "log":
        span_en += ", on a log scale (each doubling adds the same)"
        span_zh += "，按对数刻度（每翻一番加分相同）"
        inner = f"(ln(1 + {_n(raw)}) − ln(1 + {_n(low)})) / (ln(1 + {_n(high)}) − ln(1 + {_n(low)}))"
    else:
        inner = f"({_n(raw)} − {_n(low)}) / ({_n(high)} − {_n(low)})"
    credited = f" × {credit:g}" if credit < 1 else ""
    formula = f"100 × {'(1 − ' if worse else ''}clip({inner}, 0, 1){')' if worse else ''}{credited} = {score:.2f}"
    if credit < 1:
        span_en += f"; credited at {credit:.0%}"
        span_zh += f"；按{credit:.0%}计"
    return Explanation(
        en=f"{value} scores {score:.0f} ({span_en})",
        zh=f"{value}得{score:.0f}分（{span_zh}）",
        formula=formula,
    )


def status(indicator: Indicator, state: str) -> Explanation:
    """The clause of an indicator that was not scored, by its status."""
    if state == "not_applicable":
        reason = indicator.applicability or "not among the levels it applies to"
        levels = "、".join(indicator.applies_to)
        return Explanation(
            en=f"does not apply to a unit of this level ({reason})",
            zh=f"不适用于该层级单位（仅适用于：{levels}）",
            formula="",
        )
    if state == "unscored":
        why = ("its better direction is disputed" if indicator.direction == 0 else
               "weight 0" if indicator.weight == 0 else "no goalposts")
        why_zh = "方向有争议" if indicator.direction == 0 else "权重为0" if indicator.weight == 0 else "未设目标值"
        return Explanation(en=f"reported, not scored ({why})", zh=f"仅列示，不计分（{why_zh}）", formula="")
    en, zh = STATUS_WORDS[state]
    return Explanation(en=en, zh=zh, formula="")


def joined(found: str, clause: str) -> str:
    """The observation's finding and the scoring clause as one sentence."""
    if not found:
        return clause[:1].upper() + clause[1:] if clause else ""
    if not clause:
        return found
    return f"{found.rstrip('.')}: {clause}"


def joined_zh(found: str, clause: str) -> str:
    """The Chinese finding and clause as one sentence."""
    if not found:
        return clause
    if not clause:
        return found
    return f"{found.rstrip('。')}，{clause}"
