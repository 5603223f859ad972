"""The words of the HTML templates in the page's language: functions the templates call with the
rendering context (``lang``), so that one template serves Chinese first and English first."""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup, escape

from lawgov_score.model.assessment import IndicatorScore, ScoreWarning
from lawgov_score.render import words


@jinja2.pass_context
def bilingual(context: Any, zh: str, en: str) -> Markup:
    """``zh`` and ``en`` as one label: the page's language first, the other beside it, muted."""
    lang = context.get("lang", words.DEFAULT_LANG)
    first, second, second_lang = (zh, en, "en") if lang == "zh" else (en, zh, "zh-Hans")
    if not second or first == second:
        return Markup(escape(first))
    return Markup(f'{escape(first)} <span class="en" lang="{second_lang}">{escape(second)}</span>')


@jinja2.pass_context
def status_name(context: Any, status: str) -> str:
    return words.status_name(status, context.get("lang", words.DEFAULT_LANG))


@jinja2.pass_context
def rule_text(context: Any, indicator: IndicatorScore) -> str:
    return words.rule_text(indicator.rule, indicator.rule_zh, context.get("lang", words.DEFAULT_LANG))


@jinja2.pass_context
def warning_text(context: Any, warning: Any) -> str:
    if not isinstance(warning, ScoreWarning):
        return str(warning)
    text = words.message_text(warning.message, warning.message_zh, context.get("lang", words.DEFAULT_LANG))
    where = warning.indicator or warning.dimension
    return f"{where}: {text}" if where else text


@jinja2.pass_context
def grade_name(context: Any, grade: str | None) -> str:
    return words.task_grade_name(grade, context.get("lang", words.DEFAULT_LANG))


@jinja2.pass_context
def audit_result(context: Any, status: str) -> str:
    from lawgov_score.render.rows import AUDIT_RESULTS

    zh, en = AUDIT_RESULTS.get(status, (status, status))
    return zh if context.get("lang", words.DEFAULT_LANG) == "zh" else en
