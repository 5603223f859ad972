"""Which clauses report a bad result of the unit itself (assess.lexicon.adverse_kind)."""

from __future__ import annotations

import pytest

from lawgov_score.assess.lexicon import adverse_kind

BAD = {
    "被复议机关撤销的行政行为大幅增加": "lost",  # the agent between 被 and the verb
    "被法院判决撤销3件": "lost",
    "被法院判决败诉": "lost",
    "信息公开工作被省政府办公厅通报": "criticised",
    "被中央环保督察组点名批评": "criticised",
    "被上级机关责令整改": "criticised",
    "被责令纠正": "criticised",
    "被列入失信被执行人名单": "criticised",
    "未经合法性审查即提交讨论": "violation",  # a procedure skipped
    "发生数据泄露事件2起": "incident",
}
NOT_BAD = [
    "被省政府通报表扬",  # praise in the passive
    "被国务院办公厅通报表扬",
    "被列入全国法治政府建设示范项目",
    "被评为全国法治政府建设示范区",
    "被司法部确定为试点",
    "被法院判决维持的案件12件",  # a judgment, not a loss
    "行政诉讼案件被法院判决驳回原告诉讼请求",
    "对被约谈企业开展回访",  # the others the unit acted on
    "被约谈企业全部完成整改",
    "督促被处罚当事人履行",
    "严禁未经合法性审查提交讨论",  # a rule, not an event
    "全年无一例执法案件被复议撤销或被法院判决败诉",  # one negation for both failures
    "全年未发生较大以上生产安全事故",
    "行政诉讼败诉0件",
]


@pytest.mark.parametrize("clause", sorted(BAD))
def test_bad_results_are_read_with_their_kind(clause: str) -> None:
    found = adverse_kind(clause)
    assert found is not None and found[0] == BAD[clause], found


@pytest.mark.parametrize("clause", NOT_BAD)
def test_praise_others_rules_and_negations_are_not_bad_news(clause: str) -> None:
    assert adverse_kind(clause) is None
