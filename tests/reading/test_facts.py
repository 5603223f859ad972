"""Each way a report writes a number, in sentences of our own in the style of real reports."""

from __future__ import annotations

import unicodedata

import attrs
import pytest

from lawgov_score.reading import measures
from lawgov_score.reading.facts import extract_facts
from lawgov_score.reading.model import Fact


def facts_of(text: str) -> list[Fact]:
    """Facts of *text* after the NFKC the reader applies, checking each quote against its span."""
    text = unicodedata.normalize("NFKC", text)
    facts = extract_facts(text)
    for fact in facts:
        assert fact.quote == text[fact.start : fact.end]
    return facts


def only(text: str) -> Fact:
    facts = facts_of(text)
    assert len(facts) == 1, [fact.quote for fact in facts]
    return facts[0]


@pytest.mark.parametrize("unit", ["件", "宗", "项", "条", "份", "个", "次", "场", "场次", "期", "人", "名",
                                  "人次", "户", "户次", "家", "家次", "批次", "支", "起", "轮", "篇", "卷"])
def test_every_measure_word_makes_a_count(unit: str) -> None:
    fact = only(f"全年累计完成37{unit}。")
    assert (fact.value, fact.unit, fact.kind) == (37, unit, "count")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("受理群众来信2.3万件,按期答复。", 23_000, "件"),
        ("归集公共信用数据3.5亿条。", 350_000_000, "条"),
        ("抽查市场主体10.71万家次。", 107_100, "家次"),
        ("培训网格员1千人次。", 1_000, "人次"),
        ("累计受理申请1,234件。", 1_234, "件"),
        ("全年接待来访群众12,345,678人次。", 12_345_678, "人次"),
        ("全区登记志愿者８６５２名。", 8_652, "名"),  # full-width digits, normalised by NFKC
        ("累计办理群众诉求2万6千件。", 26_000, "件"),  # a compound written with digits
        ("服务群众12万3456人次。", 123_456, "人次"),
    ],
)
def test_magnitudes_decimals_and_separators(text: str, value: float, unit: str) -> None:
    fact = only(text)
    assert (fact.value, fact.unit, fact.kind) == (value, unit, "count")


@pytest.mark.parametrize(
    ("text", "value"),
    [("追回财政资金5600万元。", 56_000_000), ("投入法治建设经费1.2亿元。", 120_000_000),
     ("收缴罚没款86.5万元。", 865_000), ("兑现奖励资金320元。", 320), ("罚款1000余万元。", 10_000_000),
     ("投入专项资金1亿2000万元。", 120_000_000), ("投入专项资金1亿2千万元。", 120_000_000)],
)
def test_money_is_in_yuan(text: str, value: float) -> None:
    fact = only(text)
    assert (fact.value, fact.unit, fact.kind) == (value, "元", "amount")


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx", "bound"),
    [
        ("处理信访事项30多件。", 30, "件", True, "lower"),
        ("服务企业200余家。", 200, "家", True, "lower"),
        ("吸引近3000人参加。", 3000, "人", True, "upper"),
        ("走访约50家企业。", 50, "家", True, None),
        ("举办讲座超过100场。", 100, "场", True, "lower"),
        ("覆盖群众逾500人次。", 500, "人次", True, "lower"),
        ("培训骨干200人以上。", 200, "人", True, "lower"),
        ("参训人员3000人左右。", 3000, "人", True, None),
        ("审查文件不足10件。", 10, "件", True, "upper"),
        ("调解成功率达到98%。", 0.98, "%", False, None),
        ("每季度督查至少2次。", 2, "次", True, "lower"),
        ("95%以上的事项全程网办。", 0.95, "%", True, "lower"),
        ("接待群众千余人。", 1000, "人", True, "lower"),
    ],
)
def test_approximation_markers_and_their_bound(
    text: str, value: float, unit: str, approx: bool, bound: str | None
) -> None:
    fact = only(text)
    assert (fact.value, fact.unit, fact.approx, fact.bound) == (pytest.approx(value), unit, approx, bound)


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind", "change"),
    [
        ("行政复议纠错率9.6%。", 0.096, "%", "rate", None),
        ("案件同比增长12.5%。", 0.125, "%", "change", "up"),
        ("诉讼案件下降6.3%。", 0.063, "%", "change", "down"),
        ("投诉量增幅为15%。", 0.15, "%", "change", "up"),
        ("办件量增长180%。", 1.8, "%", "change", "up"),
        ("群众满意度提高2.3个百分点。", 2.3, "个百分点", "pp_change", "up"),
        ("败诉率下降0.5个百分点。", 0.5, "个百分点", "pp_change", "down"),
        ("审批时限压缩50%。", 0.5, "%", "change", "down"),
        ("信访总量同比增长-3.2%。", 0.032, "%", "change", "down"),  # a negative rise is a fall
        ("出庭应诉率较上年提高12个百分点。", 12, "个百分点", "pp_change", "up"),
        ("营商环境评价排名全市第3。", 3, "名", "rank", None),
        ("法治政府建设考评位列全省第一。", 1, "名", "rank", None),
    ],
)
def test_kinds_and_change_direction(text: str, value: float, unit: str, kind: str, change: str | None) -> None:
    fact = only(text)
    assert (fact.value, fact.unit, fact.kind, fact.change) == (pytest.approx(value), unit, kind, change)


@pytest.mark.parametrize(
    ("text", "value", "kind", "approx"),
    [("群众满意度达到百分之九十五点五。", 0.955, "rate", False), ("政务公开覆盖率百分之百。", 1.0, "rate", False),
     ("百分之八十以上的事项实现网上办理。", 0.8, "rate", True), ("办件量增长百分之十二。", 0.12, "change", False),
     # the words with digits, as some reports write them
     ("行政复议案件办结率达百分之98.52。", 0.9852, "rate", False), ("行政诉讼败诉率为百分之3。", 0.03, "rate", False)],
)
def test_rates_written_in_words(text: str, value: float, kind: str, approx: bool) -> None:
    fact = only(text)
    assert (fact.value, fact.unit, fact.kind, fact.approx) == (pytest.approx(value), "%", kind, approx)


@pytest.mark.parametrize("text", ["三分之1的案件。", "百分之1000。"])
def test_digits_after_other_fractions_or_beyond_a_rate_are_no_rate(text: str) -> None:
    assert facts_of(text) == []


def test_a_change_borrows_the_subject_it_changes() -> None:
    count, growth = facts_of("办理行政诉讼案件237宗,增长8.22%。")
    assert growth.subject == count.subject == "行政诉讼案件"
    assert (growth.value, growth.kind) == (pytest.approx(0.0822), "change")


@pytest.mark.parametrize(("text", "direction"), [("审批时限缩短30%。", "down"), ("比法定时限提速80%。", "up")])
def test_time_cut_and_speed_up_are_changes(text: str, direction: str) -> None:
    fact = only(text)
    assert (fact.kind, fact.change) == ("change", direction)


def test_an_absolute_change_borrows_the_subject_it_changes() -> None:
    level, change = facts_of("全年开展执法检查3000余次,较上年增加500次。")
    assert change.subject == level.subject == "执法检查"
    assert (change.value, change.kind, change.change) == (500, "count", "up")


def test_from_to_gives_two_rates() -> None:
    before, after = facts_of("行政诉讼败诉率由30.7%降至14.6%。")
    assert (before.value, after.value) == (pytest.approx(0.307), pytest.approx(0.146))
    assert before.kind == after.kind == "rate"
    assert before.subject == after.subject == "行政诉讼败诉率"


@pytest.mark.parametrize("text", ["立案率、结案率均达100%。", "立案率、结案率100%。"])
def test_one_number_shared_by_several_rates(text: str) -> None:
    facts = facts_of(text)
    assert [(fact.subject, fact.value) for fact in facts] == [("立案率", 1.0), ("结案率", 1.0)]
    assert facts[0].start == facts[1].start


def test_a_list_of_things_before_a_count_is_one_fact() -> None:
    fact = only("办理行政检查、处罚和强制案件3203宗。")
    assert fact.subject == "行政检查、处罚和强制案件"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("出台十六项措施。", [16]),
        ("两万余人参加培训。", [20_000]),
        ("组织三十余家单位参加。", [30]),
        ("全年召开专题会议三次。", [3]),
        ("投入一千二百万元。", [12_000_000]),
        ("明确16项23条任务。", [16, 23]),
        ("收缴罚没款三点五亿元。", [350_000_000]),  # a decimal, not 五亿 after a stray 点
        ("服务群众零点八万人次。", [8_000]),
        ("兑付补偿款十二点五万元。", [125_000]),
        ("提出三点意见。", []),  # 点 as a measure of ideas, not a decimal point
    ],
)
def test_chinese_numerals_used_as_quantities(text: str, values: list[float]) -> None:
    assert [fact.value for fact in facts_of(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "2023年12月20日",
        "按照省委十三届三次全会部署",
        "深入学习贯彻党的二十大精神",
        "印发深府〔2023〕12号文件",
        "召开第3次会议",
        "编制十四五规划",
        "健全“1+5+N”多元解纷网络",
        "深化1+1+6政务服务模式",
        "紧密围绕省委“1310”具体部署",
        "落实行政执法“三项制度”",
        "落实行政执法三项制度",
        "构建五位一体合规体系",
        "开展“双随机、一公开”",
        "开展法治建设“四级同创”",
        "一是加强领导,二是强化考核",
        "将习近平法治思想列为第一议题",
        "推进一体化建设,实行一次性告知",
        "推行“一件事一次办”",
        "落实“十件实事”",
        "(一)加强领导。1.开展培训。3、完善制度。(1)强化监督。",
        "版本1.2.3已上线",
        "建成5G基站",
        "三四个部门",
        "增速为-5%",  # a negative level: not readable as a fact
        "每村配备3-5名",  # a range: neither end alone is the fact
        "每村配备三至五名",
        "单笔罚款1.2万至5万元",
        "每案处理2到3件",
        "零容忍",
        "办理几十件。",  # vague: dozens, not ten
        "数十家单位参加。",
        "千人大会",  # a bare magnitude without 近/逾/上/过/超 is a name, not a count
        "百家争鸣",
        "安排第一批专项资金",
        "入选全国第一批法治政府建设示范地区",
        "开展“八五”普法,实施百日攻坚,千名干部进万家",
        "拨打12345热线,0755-12345678,14:30召开",
        "按照《法治政府建设实施纲要(2021-2025年)》要求",
        "制定《关于优化营商环境的10条措施》",
    ],
)
def test_not_facts(text: str) -> None:
    assert facts_of(text) == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("办理复议案件568宗。", "复议案件"),
        ("组织53家单位开展述法。", "单位"),
        ("对58份文件进行公平竞争审查。", "文件"),
        ("开展抽查112次。", "抽查"),
        ("其中街道15898宗。", "街道"),
        ("开展“局长讲法”4次。", "局长讲法"),
        ("组织全区1.2万名执法人员参加考试。", "执法人员"),
        ("全区共有人民调解委员会368个。", "人民调解委员会"),
        ("热线诉求办结率99.8%。", "热线诉求办结率"),
        ("办结率99.8%。", "办结率"),
        ("建成12个“枫桥式”派出所。", "枫桥式派出所"),  # not 率: a verb is kept when only one character would remain
    ],
)
def test_subject_is_what_is_counted(text: str, subject: str) -> None:
    assert only(text).subject == subject


def test_quotes_stay_within_their_clause() -> None:
    text = "办理复议案件568宗,办结437宗,撤销19宗、确认违法13宗;直接纠错率7.8%。"
    quotes = [fact.quote for fact in facts_of(text)]
    assert quotes == ["办理复议案件568宗", "办结437宗", "撤销19宗", "确认违法13宗", "直接纠错率7.8%"]


def test_facts_come_in_reading_order() -> None:
    facts = facts_of("考评排名全市第2,办理案件30宗,增长5%。")
    assert [fact.kind for fact in facts] == ["rank", "count", "change"]


def test_measure_words_are_data() -> None:
    """The measure words of the issue are all in the table the scanner compiles."""
    issue = "件 宗 项 条 份 个 次 场 场次 期 人 名 人次 户 户次 家 家次 批次 支 起".split()  # noqa: SIM905
    assert set(issue) <= set(measures.COUNT_MEASURES)


def test_facts_are_built_in_field_order() -> None:
    """facts.py builds Fact positionally for speed: the model's field order must stay as assumed."""
    names = [field.name for field in attrs.fields(Fact)]
    assert names[:10] == ["value", "unit", "start", "end", "quote", "kind", "approx", "bound", "change", "subject"]
    fact = only("办理复议案件约568宗。")
    assert (fact.start, fact.end, fact.approx, fact.bound, fact.subject) == (0, 11, True, None, "复议案件")


def test_non_text_is_refused() -> None:
    with pytest.raises(TypeError, match="str"):
        extract_facts(b"123\xe4\xbb\xb6")  # type: ignore[arg-type]


REPORT = """二、深化行政执法体制改革
(一)规范执法行为。2023年,县司法局牵头开展“八五”普法中期评估,组织执法人员培训6期、考试2场,
１２８０人次参加,合格率９７．３％。评查案卷３２０卷,发现问题案卷１５卷,整改率１００％。
(二)强化监督。一是受理行政复议申请１１２件,同比下降８．２％;二是纠错１２件,纠错率较上年提高１．５个百分点。
落实“三项制度”,公示执法信息4.6万条,罚没款合计３８６．５万元。全县政务服务满意度位居全市第二。
县人民政府  二〇二四年一月十日"""


def test_a_whole_paragraph_of_our_own() -> None:
    """A report-like paragraph gives exactly its facts: none from headings, dates or slogans."""
    found = [(fact.value, fact.unit, fact.kind) for fact in facts_of(REPORT)]
    assert found == [
        (6, "期", "count"), (2, "场", "count"), (1280, "人次", "count"), (pytest.approx(0.973), "%", "rate"),
        (320, "卷", "count"), (15, "卷", "count"), (1.0, "%", "rate"),
        (112, "件", "count"), (pytest.approx(0.082), "%", "change"), (12, "件", "count"),
        (1.5, "个百分点", "pp_change"), (46_000, "条", "count"), (3_865_000, "元", "amount"), (2, "名", "rank"),
    ]


def test_subject_after_measure_word_stops_at_enumeration_comma() -> None:
    """In 废止23件、保留97件 the 23 does not take the next item's verb as its subject."""
    repealed, retained = extract_facts("清理规范性文件,其中废止23件、保留97件。")
    assert (repealed.value, retained.value) == (23, 97)
    assert "保留" not in repealed.quote + repealed.subject


@pytest.mark.parametrize(
    ("text", "value", "kind", "change", "approx"),
    [
        ("三分之一的矛盾纠纷在村居化解。", 1 / 3, "rate", None, False),
        ("安全生产事故率控制在万分之三。", 0.0003, "rate", None, False),
        ("占全部案件的五分之二以上。", 0.4, "rate", None, True),
        ("复议纠错率为千分之五。", 0.005, "rate", None, False),
        ("信访总量下降三成。", 0.3, "change", "down", False),
        ("八成以上的案件在基层化解。", 0.8, "rate", None, True),
        ("网上办件量同比增长2倍。", 2.0, "change", "up", False),  # by twice as much: +200 %
        ("收案量是去年的1.5倍。", 0.5, "change", "up", False),  # to 1.5 times: +50 %
        ("收案量增至2倍。", 1.0, "change", "up", False),
        ("收案量是去年同期的0.5倍。", 0.5, "change", "down", False),
        ("网上受理量翻了一番。", 1.0, "change", "up", False),
        ("网上受理量翻两番。", 3.0, "change", "up", False),
    ],
)
def test_shares_and_multiples_written_in_words(text: str, value: float, kind: str, change: str | None,
                                               approx: bool) -> None:
    """…分之…, 成, 倍 and 翻番 become rates and relative changes, as fractions with unit %."""
    fact = only(text)
    assert (fact.value, fact.unit, fact.kind, fact.change, fact.approx) == (
        pytest.approx(value), "%", kind, change, approx)


@pytest.mark.parametrize(
    "text",
    ["对当事人处违法所得2倍罚款。", "实现倍增。", "一成不变", "三五成群", "2023年成立调解委员会。",
     "提出“三年翻一番”目标。"],
)
def test_multiples_and_shares_that_are_not_facts(text: str) -> None:
    """A penalty rule, 倍增, idioms with 成 and a quoted slogan state nothing."""
    assert facts_of(text) == []


@pytest.mark.parametrize(
    ("text", "value", "bound", "subject"),
    [
        ("服务群众近万人次。", 10_000, "upper", "群众"),
        ("参与群众上万人。", 10_000, "lower", "群众"),
        ("惠及群众逾千人。", 1_000, "lower", "惠及群众"),
        ("组织上百名律师参与。", 100, "lower", "律师"),
    ],
)
def test_round_magnitudes_with_a_marker(text: str, value: float, bound: str, subject: str) -> None:
    """近万, 上万, 逾千, 上百: a bare magnitude is a count only with its approximation marker."""
    fact = only(text)
    assert (fact.value, fact.approx, fact.bound, fact.subject) == (value, True, bound, subject)


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind", "change", "bound"),
    [
        ("法治政府建设考核位居全省首位。", 1, "名", "rank", None, None),
        ("营商环境评价进入全国前10。", 10, "名", "rank", None, "upper"),
        ("在全省县域营商环境评价中排第5位。", 5, "名", "rank", None, None),
        ("在全省考评中提升3个位次。", 3, "个位次", "rank", "up", None),
        ("连续3年获评先进单位。", 3, "年", "duration", None, None),
        ("审批时限压缩至5个工作日。", 5, "个工作日", "duration", None, None),
        ("群众等候时间缩短至15分钟。", 15, "分钟", "duration", None, None),
        ("培训执法人员500人/次。", 500, "人次", "count", None, None),
        ("推行企业登记五证合一。", 5, "证", "count", None, None),
        ("出台三项制度。", 3, "项", "count", None, None),
        ("组织会前学法十次。", 10, "次", "count", None, None),
        ("对五项重大决策事项开展风险评估。", 5, "项", "count", None, None),
        ("累计五次开展执法检查。", 5, "次", "count", None, None),
        ("两个区县获评全国法治政府建设示范地区。", 2, "个", "count", None, None),
        ("三家单位被评为先进。", 3, "家", "count", None, None),
        ("企业开办时间压缩至一个工作日。", 1, "个工作日", "duration", None, None),
    ],
)
def test_ranks_durations_and_counts_reports_write(text: str, value: float, unit: str, kind: str,
                                                  change: str | None, bound: str | None) -> None:
    """首位, 前N, 排第N位 and rank moves; streaks and lengths of time as durations; 人/次; N合一;
    a one-character numeral right after the verb that introduces it."""
    fact = only(text)
    assert (fact.value, fact.unit, fact.kind, fact.change, fact.bound) == (value, unit, kind, change, bound)


@pytest.mark.parametrize(
    "text",
    ["把法治建设摆在首位。", "打造“15分钟公共法律服务圈”。", "为企业提供7×24小时不打烊服务。",
     "庆祝调解制度建立60周年。", "在全市12个区中", "单次罚款在5000元至2万元之间。", "实现“多规合一”。",
     "坚决做到两个维护。", "对三项制度落实情况开展检查。", "针对三类问题开展整治。", "面对五大风险挑战。",
     "三项制度全面落实。", "两个毫不动摇。", "推进一网通办。", "统一至一个平台办理。"],
)
def test_forms_that_are_not_facts(text: str) -> None:
    """A task put first, a time in a service's name, an anniversary, the set of a rank (without
    one, 12个区 is a count), a range with units at both ends, 多 and the national vocabulary."""
    found = facts_of(text)
    assert found == [] or (text == "在全市12个区中" and [f.value for f in found] == [12])


def test_a_numeral_after_a_longer_measure_word_starts_the_next_count() -> None:
    """明确五个方面三十二项: two counts (三个一 and 五位一体 are one name each)."""
    assert [(f.value, f.unit) for f in facts_of("明确五个方面三十二项重点任务。")] == [(5, "个方面"), (32, "项")]
