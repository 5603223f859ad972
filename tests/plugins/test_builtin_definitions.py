"""The ten built-in dimension definitions: complete against the outline, consistent, matched by the seed."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from lawgov_dimensions import (
    d01_thought,
    d02_functions,
    d03_rules,
    d04_decisions,
    d05_enforcement,
    d06_emergencies,
    d07_disputes,
    d08_oversight,
    d09_digital,
    d10_leadership,
)
from lawgov_score.model.framework import Dimension

ROOT = Path(__file__).resolve().parents[2]

MODULES: dict[str, ModuleType] = {
    "D1": d01_thought,
    "D2": d02_functions,
    "D3": d03_rules,
    "D4": d04_decisions,
    "D5": d05_enforcement,
    "D6": d06_emergencies,
    "D7": d07_disputes,
    "D8": d08_oversight,
    "D9": d09_digital,
    "D10": d10_leadership,
}
DIMENSIONS: dict[str, Dimension] = {code: module.DIMENSION for code, module in MODULES.items()}

# Key tasks per part, as listed in the domain notes (shared/domain/FRAMEWORK.md).
KEY_TASKS = {"D1": 2, "D2": 3, "D3": 3, "D4": 4, "D5": 5, "D6": 3, "D7": 4, "D8": 5, "D9": 3, "D10": 4}

# Measure words a count may carry (FRAMEWORK.md, "How numbers are written"), plus 元 for money.
MEASURE_WORDS = {
    "件", "宗", "项", "条", "份", "个", "次", "场", "场次", "期", "人", "名", "人次",
    "户", "户次", "家", "家次", "批次", "支", "起", "元",
}

SENTENCE_END = re.compile(r"(?<=[。;；！？!?\n])")


def all_terms(dimension: Dimension) -> set[str]:
    return set(dimension.terms) | {term for task in dimension.key_tasks for term in task.terms}


def sentence_at(text: str, position: int) -> str:
    start = max(text.rfind(mark, 0, position) for mark in "。;；\n") + 1
    ends = [i for i in (text.find(mark, position) for mark in "。;；\n") if i != -1]
    return text[start : min(ends, default=len(text)) + 1]


def term_hits(sentence: str) -> dict[str, int]:
    """How many distinct terms of each dimension occur in ``sentence``."""
    return {code: sum(term in sentence for term in all_terms(dim)) for code, dim in DIMENSIONS.items()}


@pytest.mark.parametrize("code", list(MODULES))
def test_module_registers_its_dimension(code: str) -> None:
    module = MODULES[code]
    plugins = module.lawgov_score_register_dimensions()
    assert len(plugins) == 1
    assert plugins[0].definition() is module.DIMENSION
    assert plugins[0].code == code


def test_entry_points_name_the_modules() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the package supports 3.10
    entry_points = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "entry-points"
    ]["lawgov_score"]
    for code, module in MODULES.items():
        assert entry_points[f"d{int(code[1:]):02d}"] == module.__name__


@pytest.mark.parametrize("code", list(MODULES))
def test_dimension_header(code: str) -> None:
    dimension = DIMENSIONS[code]
    assert dimension.code == code
    assert dimension.weight == 1.0
    assert dimension.title_zh and dimension.title_en
    assert dimension.terms


@pytest.mark.parametrize("code", list(MODULES))
def test_every_key_task_of_the_outline_is_declared(code: str) -> None:
    dimension = DIMENSIONS[code]
    prefix = code.lower()
    assert [task.id for task in dimension.key_tasks] == [
        f"{prefix}.t{n}" for n in range(1, KEY_TASKS[code] + 1)
    ]
    for task in dimension.key_tasks:
        assert task.title_zh and task.title_en and task.terms, task.id


@pytest.mark.parametrize("code", list(MODULES))
def test_every_key_task_has_a_task_indicator(code: str) -> None:
    dimension = DIMENSIONS[code]
    task_ids = {task.id for task in dimension.key_tasks}
    indicators = [ind for ind in dimension.indicators if ind.kind == "task"]
    assert {ind.key_task for ind in indicators} == task_ids
    for ind in indicators:
        assert ind.id.startswith(f"{code.lower()}.task.")
        assert (ind.unit, ind.direction, ind.weight, ind.goalposts) == ("", 1, 1.0, (0.0, 1.0))


@pytest.mark.parametrize("code", list(MODULES))
def test_one_disclosure_indicator(code: str) -> None:
    """Each dimension counts its credited figures on a log scale, and — when it has core outcomes —
    the share of them the report discloses."""
    dimension = DIMENSIONS[code]
    disclosure = dimension.indicator(f"{code.lower()}.quantified_facts")
    assert disclosure.kind == "disclosure" and disclosure.scale == "log" and disclosure.group == "data"
    assert disclosure.goalposts is not None and disclosure.goalposts[0] == 0 < disclosure.goalposts[1]
    assert disclosure.description
    expected = [disclosure.id]
    if any(i.kind == "outcome" for i in dimension.indicators):
        expected.append(f"{code.lower()}.outcomes_disclosed")
    assert [i.id for i in dimension.indicators if i.kind == "disclosure"] == expected


@pytest.mark.parametrize("code", MODULES)
def test_core_outcomes_have_sources_and_score_0_when_undisclosed(code: str) -> None:
    """Every core outcome states where its goalposts come from, and scores 0 when not disclosed."""
    outcomes = [i for i in DIMENSIONS[code].indicators if i.kind == "outcome"]
    assert outcomes or code == "D1"
    for outcome in outcomes:
        assert outcome.source and outcome.missing_score == 0.0 and outcome.group == "outcomes", outcome.id


def test_disclosure_goalposts_follow_how_rich_a_part_is() -> None:
    """D7 is the richest part in numbers and D6 the poorest (FRAMEWORK.md)."""
    high = {code: DIMENSIONS[code].indicator(f"{code.lower()}.quantified_facts").goalposts for code in MODULES}
    assert high["D7"] is not None and high["D6"] is not None
    assert high["D7"][1] == max(h[1] for h in high.values() if h is not None)
    assert high["D6"][1] == min(h[1] for h in high.values() if h is not None)


def test_ids_are_unique_and_prefixed() -> None:
    ids = [ind.id for dim in DIMENSIONS.values() for ind in dim.indicators]
    ids += [task.id for dim in DIMENSIONS.values() for task in dim.key_tasks]
    assert len(ids) == len(set(ids))
    for code, dimension in DIMENSIONS.items():
        for ind in dimension.indicators:
            assert ind.id.startswith(code.lower() + "."), ind.id
            assert re.fullmatch(r"d\d+\.[a-z0-9_.]+", ind.id), ind.id


def test_every_gold_metric_is_declared_in_its_part(gold: dict[str, Any]) -> None:
    for fact in gold["facts"]:
        if fact["metric"] is None:
            continue
        indicator = DIMENSIONS[f"D{fact['part']}"].indicator(fact["metric"])
        assert indicator.kind in ("metric", "outcome")
        assert indicator.unit == fact["unit"], fact["metric"]


def test_goalposts_and_weights() -> None:
    for dimension in DIMENSIONS.values():
        for ind in dimension.indicators:
            assert ind.name_zh and ind.name_en and ind.description, ind.id
            if ind.kind == "adverse":
                # Not averaged: its points come off the dimension.
                assert ind.weight == 0 and ind.goalposts is None, ind.id
            elif ind.weight > 0:
                assert ind.direction != 0 and ind.goalposts is not None, ind.id
                low, high = ind.goalposts
                assert low < high
                if ind.unit == "%" and ind.kind != "outcome":
                    assert 0 <= low < high <= 1, ind.id
                elif ind.unit == "%":
                    assert -1 <= low < high <= 1, ind.id  # a change of accidents may fall or rise
                else:
                    assert low >= 0, ind.id
                assert ind.group in {g.id for g in dimension.groups}, ind.id
            else:
                # Not scored by default: no goalposts, so a framework file must choose them.
                assert ind.kind == "metric" and ind.goalposts is None, ind.id


def test_disputed_direction_is_never_weighted() -> None:
    disputed = [ind for dim in DIMENSIONS.values() for ind in dim.indicators if ind.direction == 0]
    assert disputed
    assert all(ind.weight == 0 for ind in disputed)
    d7 = DIMENSIONS["D7"]
    assert d7.indicator("d7.reconsideration_direct_correction_rate").direction == 0
    assert d7.indicator("d7.litigation_loss_rate").direction == -1


def test_units_are_plausible() -> None:
    for dimension in DIMENSIONS.values():
        for ind in dimension.indicators:
            if ind.kind != "metric":
                continue
            is_rate = ind.id.endswith(("_rate", "_growth"))
            assert (ind.unit == "%") == is_rate, ind.id
            assert is_rate == ind.name_zh.endswith("率"), ind.id
            if not is_rate:
                assert ind.unit in MEASURE_WORDS or (ind.unit == "" and ind.goalposts == (0, 1)), ind.id


def test_d10_checks_the_2019_rule() -> None:
    d10 = DIMENSIONS["D10"]
    for indicator_id in ("d10.required_elements", "d10.published_on_time"):
        indicator = d10.indicator(indicator_id)
        assert indicator.kind == "compliance"
        assert indicator.goalposts == (0.0, 1.0)


def test_terms_are_normalised_and_distinct() -> None:
    """Terms are written as the normaliser leaves text (NFKC) and no dimension repeats one."""
    for dimension in DIMENSIONS.values():
        terms = list(dimension.terms) + [term for task in dimension.key_tasks for term in task.terms]
        assert len(terms) == len(set(terms)), dimension.code
        for term in terms:
            assert term == unicodedata.normalize("NFKC", term) and term.strip() == term and term


def test_first_responsible_person_belongs_to_d10() -> None:
    for term in ("第一责任人", "述法", "党政主要负责人"):
        owners = [code for code, dim in DIMENSIONS.items() if term in all_terms(dim)]
        assert owners == ["D10"], term


@pytest.mark.parametrize("code", list(MODULES))
def test_terms_match_the_seed_section(code: str, seed_text: str, gold: dict[str, Any]) -> None:
    sections = sorted(gold["sections"], key=lambda s: s["start"])
    ends = [s["start"] for s in sections[1:]] + [len(seed_text)]
    bodies = [seed_text[s["start"] : end] for s, end in zip(sections, ends, strict=True) if f"D{s['part']}" == code]
    sentences = [s for body in bodies for s in SENTENCE_END.split(body) if s.strip()]
    terms = all_terms(DIMENSIONS[code])
    assert any(term in sentence for sentence in sentences for term in terms)


def test_each_gold_fact_sentence_is_closest_to_its_part(seed_text: str, gold: dict[str, Any]) -> None:
    """Every gold fact's sentence matches more distinct terms of its part than of any other part."""
    for fact in gold["facts"]:
        sentence = sentence_at(seed_text, fact["start"])
        hits = term_hits(sentence)
        own = hits.pop(f"D{fact['part']}")
        assert own > max(hits.values()), (fact["quote"], sentence, own, hits)


# Sentences worded as other reports word them (county, Beijing- and Shanghai-style), with their part.
TYPICAL_SENTENCES = [
    ("D1", "把习近平法治思想纳入党委（党组）理论学习中心组学习内容，全年专题学习18次"),
    ("D1", "县政府常务会议坚持会前学法制度，全年组织学法12次"),
    ("D2", "区级保留政务服务事项515项，其中行政许可事项218项"),
    ("D2", "政务服务事项网上可办率达100%，全程网办率达95.6%"),
    ("D3", "审核区政府规范性文件32件，报备率、报备及时率均达100%"),
    ("D3", "制定政府规章2件，提请审议地方性法规草案1件"),
    ("D4", "审议重大行政决策事项8件，均履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序"),
    ("D4", "法律顾问、公职律师审查合同156份，出具法律意见230条"),
    ("D5", "全区持证执法人员1256人，持证率100%"),
    ("D5", "办理行政处罚案件3210件，罚没款2100万元"),
    ("D5", "开展安全生产执法检查1.2万家次，立案460起"),
    ("D5", "开展“八五”普法宣传活动200余场"),
    ("D6", "修订各类应急预案56件，开展应急演练210次"),
    ("D7", "新收行政复议案件315件，纠错率12.8%"),
    ("D7", "一审行政诉讼案件审结16件，败诉0件"),
    ("D7", "各级调解组织调解矛盾纠纷1.5万件，调解成功率99.2%"),
    ("D8", "主动公开政府信息12345条，受理依申请公开158件，均按期答复"),
    ("D8", "办理人大代表建议120件、政协提案98件，办复率100%，满意率98%"),
    ("D8", "归集各类信用信息120万条，开展政府机构失信问题专项治理"),
    ("D9", "依托一体化政务服务平台，累计共享数据3.2亿条"),
    ("D9", "推行非现场执法，通过“互联网+监管”系统录入监管行为5.6万条"),
    ("D10", "县委、县政府主要负责同志履行推进法治建设第一责任人职责，主持召开法治政府建设工作会议"),
    ("D10", "将依法行政纳入综合绩效考核，开展实地督察2轮，通报问题单位7个"),
    ("D10", "推动110余名党政机关主要负责人述法"),
    ("D10", "举办领导干部法治专题培训班3期，3000余名干部参加学法考试"),
]


@pytest.mark.parametrize(("code", "sentence"), TYPICAL_SENTENCES)
def test_typical_wordings_are_closest_to_their_part(code: str, sentence: str) -> None:
    """A typical sentence of another report matches more distinct terms of its part than of any other."""
    hits = term_hits(unicodedata.normalize("NFKC", sentence))
    own = hits.pop(code)
    assert own > max(hits.values()), hits
