"""The words around a number that the fact extractor reads, kept as data in one place.

Everything here is a plain tuple or mapping of strings; :mod:`lawgov_score.reading.facts`
compiles them into its patterns. Add a measure word or a marker here, not in a regex.
Longer words must win over their prefixes (场次 before 场, 人次 before 人); the patterns sort
by length, so the order below is for the reader only.
"""

from __future__ import annotations

from lawgov_score.reading.model import Bound, ChangeDirection

#: Measure words that make a number a count. Each is the unit a fact reports as written.
COUNT_MEASURES: tuple[str, ...] = (
    # cases, documents, items
    "件", "宗", "项", "条", "份", "卷", "篇", "部", "本", "册", "套", "类", "种", "批", "批次",
    "个", "起", "处", "所", "座", "台", "辆", "艘", "张", "封", "幅", "块", "笔", "单", "组", "栋", "间",
    "个方面", "个位次", "位次", "件次", "项次", "份次", "个次", "台次", "辆次", "车次", "架次", "艘次",
    # events and sessions
    "次", "场", "场次", "期", "轮", "堂", "节", "讲", "集", "课时", "学时", "班",
    # people and organisations
    "人", "名", "位", "人次", "户", "户次", "家", "家次", "支", "部门",
    # the size of what was done (拆除违法建筑1.2万平方米)
    "平方米", "亩", "公顷", "吨", "公里", "立方米",
)

#: Measure words of a length of time: the number is a ``duration`` in the unit written
#: (压缩至5个工作日, 48小时内办结, 连续4个季度).
DURATION_MEASURES: tuple[str, ...] = ("个工作日", "工作日", "小时", "分钟", "天", "个月", "个季度", "周", "个星期")

#: Units of a streak, read only after 连续 (连续3年, 连续两届): 2023年 is a date.
STREAK_MEASURES: tuple[str, ...] = ("年", "届")

#: Measure words written with a separator (500人/次), and the unit they report.
UNIT_ALIASES: dict[str, str] = {"人/次": "人次", "人·次": "人次", "户/次": "户次", "家/次": "家次", "件/次": "件次"}

#: Characters that, right after a measure word, show it is the first half of another word
#: (3处罚 is not "3 places", 2023多元化 is not money).
MEASURE_NOT_BEFORE: dict[str, str] = {
    "处": "罚理置室长级分", "部": "署分长门", "名": "单称义额", "本": "级地职", "起": "草诉", "支": "持付出撑",
    "条": "例件款", "期": "间限待", "台": "账", "班": "子组", "种": "类植", "所": "属有在得", "个": "人体性",
    "元": "旦素化", "张": "贴", "块": "状", "类": "型别", "场": "所地景", "堂": "课", "节": "点日约",
    "人": "民员大才士", "家": "庭长属", "件": "事", "笔": "录试者记", "单": "位元独据项", "组": "织建成长",
    "间": "隔接断", "集": "中体团成", "讲": "话座解", "天": "然下津", "周": "年边末岁期转", "小时": "不全自值",
    "成": "效立果员本为功熟绩就长都交型片品分年色真像", "倍": "增数感",
}

#: Measure words of money; every amount is reported in 元 after 万/亿 are expanded.
MONEY_MEASURES: tuple[str, ...] = ("元",)

#: The unit of an absolute change of a rate.
PP_MEASURES: tuple[str, ...] = ("个百分点", "百分点")

#: Signs of a rate, with the divisor that turns the number into a fraction.
RATE_SIGNS: dict[str, int] = {"%": 100, "‰": 1000, "成": 10}  # 三成 = 30%

#: The measure word of a multiple (增长2倍, 是去年的1.5倍), read as a relative change.
MULTIPLE_MEASURES: tuple[str, ...] = ("倍",)

#: Multipliers written after an Arabic number (13.1万, 1.97亿, 3千万).
MULTIPLIERS: dict[str, int] = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

#: Characters of a Chinese numeral.
CJK_NUMERAL_CHARS = "〇零一二两三四五六七八九十百千万亿"
#: Characters that make a Chinese numeral a real quantity rather than a digit list (三四个 = 3–4).
CJK_MAGNITUDE_CHARS = "十百千万亿"
#: Characters before a Chinese numeral that make it vague (几十件 "dozens", 数百人 "hundreds"): no fact.
CJK_VAGUE_BEFORE = "几数"
#: Digits of the fractional part of a Chinese decimal (三点五亿元, 零点八万人).
CJK_DECIMAL_DIGITS = "〇零一二三四五六七八九"
#: One-character numerals allowed as quantities (only when the measure word closes the clause).
#: 一 is left out: 一次性, 一件事, 一张网 are idioms far more often than counts of one.
CJK_SINGLE_QUANTITY = "二两三四五六七八九十"

#: Approximation markers written before the number, with the side the true value lies on.
APPROX_BEFORE: dict[str, Bound | None] = {
    "超过": "lower", "逾": "lower", "多达": "lower", "高达": "lower", "至少": "lower", "不少于": "lower",
    "不低于": "lower", "近": "upper", "将近": "upper", "接近": "upper", "不到": "upper", "不足": "upper",
    "不超过": "upper", "约": None, "大约": None,
}
#: Markers between the number and its measure word (1000余万元, 30多项).
APPROX_INSIDE: dict[str, Bound | None] = {"余": "lower", "多": "lower"}
#: Markers after the measure word.
APPROX_AFTER: dict[str, Bound | None] = {"以上": "lower", "有余": "lower", "之多": "lower", "左右": None, "上下": None}

#: Verbs directly before a number that make it a change, not a level. "降至"/"提高到" are
#: absent on purpose: the number after them is the new level.
CHANGE_VERBS: dict[str, ChangeDirection] = {
    "增长": "up", "上升": "up", "提高": "up", "提升": "up", "增加": "up", "增幅": "up",
    "上涨": "up", "增长了": "up", "增加了": "up", "提高了": "up", "上升了": "up",
    "下降": "down", "减少": "down", "降低": "down", "降幅": "down", "回落": "down", "下滑": "down",
    "压缩": "down", "下降了": "down", "减少了": "down", "降低了": "down",
    "提速": "up", "缩短": "down",  # 审批时限缩短30%: a change of the time, not a rate
}
#: Words that may sit between a change verb and its number (增幅为5%, 增长达12%).
CHANGE_LINKS: tuple[str, ...] = ("为", "达", "达到", "约")
#: Verbs after which 为 gives the level moved to, not the change (降低为6.3%, 上升为95%, 减少为20件);
#: after a noun of change it is the change (增幅为5%, 降幅为3%).
CHANGE_TO_VERBS = frozenset({"上升", "提高", "提升", "增加", "增长", "下降", "降低", "减少", "回落", "下滑", "压缩",
                             "缩短"})

#: Words before 第N that make it a rank (排名全市第3, 全省第一), with those that say where a rank
#: moved to (由第9位跃升至第3位).
# 排, 列 and 居 alone are left out: 安排第一批, 系列第一期, 邻居第一 are not ranks; they count
# before a rank written with 名 or 位 (排第5位, 居第2名) and before 首位 (居首位).
RANK_VERBS: tuple[str, ...] = ("排名", "排在", "排位", "位列", "位居", "名列", "居于", "获评", "位于", "排列",
                               *("跃升至", "上升至", "提升至", "升至", "前移至", "跃居", "下降至", "降至",
                                 "下滑至", "退至", "上升到", "提升到", "下降到"))
RANK_SHORT_VERBS: tuple[str, ...] = ("排", "居", "列")
#: Rank verbs that may stand a few words before 第N (位列全省县(市、区)第一).
RANK_VERBS_AT_A_DISTANCE: tuple[str, ...] = ("排名", "位列", "位居", "名列", "居于", "排在")
#: Words before 前N that make it a rank among the first N (进入全国前10, 位居全省前三).
TOP_VERBS: tuple[str, ...] = ("进入", "跻身", "挺进", "位居", "居于", "位列", "排名", "名列", "排在", "居", "列", "排")
RANK_SCOPES: tuple[str, ...] = (
    "全国", "全省", "全市", "全区", "全县", "全州", "全盟", "全旗", "全系统", "同类城市", "同级",
    "各区", "各县", "各区县", "各市",
)

#: Verbs after which a one-character numeral counts inside a clause (出台三项制度, 开展三次督查).
COUNT_LEADERS: tuple[str, ...] = (
    "出台", "制定", "修订", "建立", "新增", "开展", "组织", "召开", "举办", "印发", "发布", "完成", "办理",
    "查处", "聘请", "选派", "设立", "成立", "组建", "建成", "取消", "下放", "精简", "撤销", "纠正", "约谈",
    "通报", "推出", "培育", "选树", "打造", "评选", "表彰", "审查", "清理", "废止", "修改", "提出",
    "累计", "先后", "共计", "明确",
)
#: One-character words that lead a count the same way (对五项重大决策事项开展评估, 共三次), except
#: before a named set of rules (对三项制度落实情况开展检查: 行政执法三项制度).
COUNT_LEADER_CHARS = "对共"
#: Words ending in such a character that lead no count (面对五大风险, 针对三类问题 name kinds).
NOT_COUNT_LEADERS = frozenset(("针对", "面对", "相对", "绝对", "应对", "反对", "公共", "总共"))
#: Numbered names of the national vocabulary: never counts (落实两个责任, 增强四个意识).
NUMBERED_NAMES: tuple[str, ...] = ("两个确立", "两个维护", "四个意识", "四个自信", "四个全面", "八项规定",
                                   "两个责任", "三个代表", "五个一批", "三个区分开来", "两个毫不动摇", "两个大局",
                                   "两个结合", "三个务必", "五个必须", "十个明确", "十四个坚持", "六个必须")

#: Characters that end a clause: a quote or a subject never crosses them.
CLAUSE_BREAKS = "。；;,，:：!！?？\n"
#: Characters that end a sentence: a change borrows its subject only within one.
SENTENCE_BREAKS = "。；;!！?？\n"
#: Paired marks whose content is a name or slogan, not a statement ("1310", 《…10条措施》).
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (("“", "”"), ("‘", "’"), ("《", "》"), ("「", "」"), ("『", "』"))

#: Words at the end of the text before a number that say nothing about what is counted.
SUBJECT_TRAILERS: tuple[str, ...] = (
    "共计", "合计", "累计", "总计", "共", "达到", "达", "为", "均达到", "均达", "均为", "均", "分别为",
    "分别达", "分别", "同比", "环比", "比上年", "较上年", "比去年", "较去年", "全年", "其中", "由", "从",
    "降至", "降到", "下降至", "下降到", "减至", "减少至", "减少到", "增至", "增长至", "增长到", "增加至",
    "增加到", "提高至", "提高到", "提升至", "提升到", "上升至", "上升到", "升至", "至", "到", "有",
    *APPROX_BEFORE, *CHANGE_VERBS,
)
#: Verbs at the start of a clause before the counted thing (办理复议案件568宗 → 复议案件).
SUBJECT_LEADERS: tuple[str, ...] = (
    "办理", "开展", "组织", "发布", "处置", "举办", "制定", "出台", "印发", "完成", "收到", "受理", "查处",
    "查办", "承办", "参与", "提出", "出具", "揭示", "移送", "跟踪", "归集", "共享", "发出", "指导", "召开",
    "审计", "检查", "抽查", "公布", "修订", "清理", "保留", "废止", "新增", "培训", "办结", "调处", "化解",
    "纳入", "处理", "建成", "建立", "新建", "设立", "打造", "培育", "选树", "引进", "发放", "投入", "追回",
    "帮助", "服务", "主持",
)
#: Words at the start of a clause that are dropped even when nothing is left after them.
SUBJECT_FILLERS: tuple[str, ...] = (
    "对", "向", "为", "共", "共有", "累计", "其中", "全年", "年内", "今年", "本年度", "已", "按程序",
    *(f"{ordinal}是" for ordinal in "一二三四五六七八九十"),  # 三是开展抽查215次: an enumeration
    # scopes: in 组织全区1.2万名执法人员 what is counted is 执法人员, not 全区
    "全区", "全市", "全省", "全县", "全国", "全镇", "全街道", "全体", "各级", "各类",
)
#: Words that end a subject read after the measure word (53家单位党政… → 单位).
SUBJECT_STOPS: tuple[str, ...] = (
    "进行", "参加", "参与", "通过", "开展", "旁听", "党政", "完成", "获得", "获评", "入选", "的", "和", "及",
    "与", "在", "被", "已", "等",
)
