"""The consistency audit on short statements in the style of real reports."""

from __future__ import annotations

import pytest

from lawgov_score.assess.audit import audit_document
from lawgov_score.reading.document import read


def findings(text: str) -> list[tuple[str, str]]:
    return [(f.check, f.status) for f in audit_document(read(text=text + "\n"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (12+3)/200 = 7.5% stated as 9.1%: inconsistent
        ("全年办结行政复议案件200件,撤销12件、确认违法3件,直接纠错率9.1%。", ("rate_consistent", "inconsistent")),
        ("全年办结行政复议案件200件,撤销12件、确认违法3件,直接纠错率7.5%。", ("rate_consistent", "consistent")),
        # 480/1.2 = 400 exactly
        ("受理行政复议申请480件,同比增长20%。", ("growth_implies_previous", "consistent")),
        # a fall: 90/(1-0.1) = 100
        ("办理行政诉讼案件90件,同比下降10%。", ("growth_implies_previous", "consistent")),
        # 7/(1+0.33) = 5.26: 5 gives +40%, 6 gives +16.67%
        ("行政机关负责人出庭7次,同比增长33%。", ("growth_implies_previous", "inconsistent")),
        ("收到政府信息公开申请120件,办结131件。", ("received_ge_concluded", "inconsistent")),
        ("查处违法案件300件,其中街道案件320件。", ("part_le_total", "inconsistent")),
        ("学法考试1200人参加,参考率97.35%。", ("rate_implies_base", "inconsistent")),  # 1232 → 97.40%, 1233 → 97.32%
        ("通过“i调解”平台调处纠纷3000件,成功率96.5%。", ("rate_consistent", "unverifiable")),
    ],
)
def test_checks(text: str, expected: tuple[str, str]) -> None:
    assert expected in findings(text)


def test_approximate_counts_cannot_be_checked() -> None:
    assert ("growth_implies_previous", "unverifiable") in findings("调解纠纷1.2万余件,同比增长8.6%。")


def test_timeliness_rates_are_not_checked_against_counts() -> None:
    assert findings("收到政府信息公开申请756件,办结719件,及时办结率100%。") == [
        ("received_ge_concluded", "consistent")
    ]
