"""The words the report assessor reads, kept as data in one place.

Patterns for what makes a statement a *specific action* (a named document, mechanism, platform,
body or event, or a date), an *adverse result* (a case lost, a decision revoked, an incident, a
target missed, criticism received), a *negation* that turns an adverse word into good news
(未发生, 零, 无一例), and *boilerplate* (有待进一步加强) that says nothing concrete. The docs
(methodology) list them; add a word here, not in the code that uses it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lawgov_score.patterns import lazy

# -- specific actions ---------------------------------------------------------------------

#: Verbs that report something done once, with an object that can be named.
ACTION_VERBS = (
    "印发", "出台", "制定", "修订", "修改", "编制", "发布", "颁布", "起草", "审议通过", "建立", "设立", "成立",
    "组建", "开通", "上线", "搭建", "建成", "召开", "举办", "举行", "完成", "开展", "组织", "启动", "推出",
    "签订", "签署", "出具", "部署", "聘请", "聘任", "选聘", "配备", "创建", "打造", "投入使用", "运行",
)
#: Objects that are documents, mechanisms, platforms, bodies or events with a name of their own.
NAMED_OBJECTS = (
    "办法", "方案", "规定", "意见", "细则", "指引", "指南", "清单", "目录", "规划", "计划", "规则", "标准",
    "规范", "条例", "决定", "通知", "要点", "导则", "备忘录", "名录", "图谱", "手册", "制度", "机制",
    "平台", "系统", "中心", "委员会", "工作室", "基地", "窗口", "专区", "通道", "热线", "网站", "数据库",
    "指挥部", "领导小组", "联席会议", "会议", "培训班", "培训", "检查", "评查", "演练", "督察", "督查",
    "竞赛", "讲座", "论坛", "研讨会", "听证会", "座谈会", "专项行动", "专项整治", "试点", "项目", "课题",
)
_ACTION = re.compile(
    "(?:" + "|".join(sorted(ACTION_VERBS, key=len, reverse=True)) + ")"
    r"[^,;:。!?]{2,24}?"  # the object's own name stands between the verb and its kind: 印发<实施>方案
    "(?:" + "|".join(sorted(NAMED_OBJECTS, key=len, reverse=True)) + ")"
)
_NAMED = re.compile(r"《[^》]{2,60}》|“[^”]{2,30}”")
_DATE = re.compile(r"(?<![\d年])\d{1,2}月(?:\d{1,2}日)?|"
                   r"(?<![\d])[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}日)?|"
                   r"(?:上|下)半年|第[一二三四]季度")
# "开展…工作", "组织…活动": a generic object names nothing.
_GENERIC_OBJECT = re.compile(r"(?:开展|组织|完成|推进)[^,;:。]{0,10}(?:工作|活动|任务)$")


def specific_action(clause: str) -> str | None:
    """What makes ``clause`` a specific action — a named document, mechanism, body or event, a
    date — as the matched words, or ``None`` for a clause that only speaks of the task."""
    named = _NAMED.search(clause)
    if named:
        return named.group()
    action = _ACTION.search(clause)
    if action and not _GENERIC_OBJECT.search(action.group()):
        return action.group()
    date = _DATE.search(clause)
    return date.group() if date else None


#: Verbs that open a report of something done, never the name of a part (印发…, 制定…, 召开…).
OPENING_ACTIONS = ("印发", "出台", "制定", "修订", "编制", "发布", "颁布", "召开", "举办", "组织", "完成", "建成",
                   "上线", "开通", "设立", "成立", "组建", "搭建", "办理", "受理", "审查", "审核", "签订", "聘请",
                   "选聘",
                   "收集", "归集", "核查", "处置", "查办", "查处", "培训", "抽查", "检查")
_OPENING = re.compile("^(?:" + "|".join(sorted(OPENING_ACTIONS, key=len, reverse=True)) + ")")


def opens_with_action(sentence: str) -> bool:
    """Whether a sentence opens with a concrete action on a named object (印发重大行政决策程序实施指南)."""
    return bool(_OPENING.match(sentence)) and specific_action(sentence) is not None


# -- adverse results and their negation ----------------------------------------------------

#: Words that report a bad result of the unit itself, by the kind of result.
ADVERSE: dict[str, tuple[str, ...]] = {
    "lost": ("败诉", "判决撤销", "被撤销", "被确认违法", "被确认无效", "被责令履行", "被变更", "被纠错", "被纠正",
             "被改判", "被复议纠错", "行政赔偿", "国家赔偿"),
    "criticised": ("通报批评", "被通报", "被约谈", "被问责", "被追责", "被处分", "被督办", "挂牌督办", "被曝光",
                   "被点名", "被批评", "被警告", "被责令", "被降级", "一票否决"),
    "incident": ("安全事故", "生产安全事故", "责任事故", "群体性事件", "死亡", "伤亡", "遇难", "事故", "重大舆情",
                 "数据泄露", "信息泄露", "系统瘫痪", "系统故障", "网络安全事件"),
    "missed": ("未完成", "未达到", "未达标", "不达标", "未按时", "未按期", "未能按期", "逾期", "超期", "不合格",
               "排名靠后", "排名下降", "排名倒数", "排名末位", "倒数第", "未通过", "不及格", "滞后"),
    "violation": ("违法行政", "程序违法", "不作为", "乱作为", "慢作为", "失职", "渎职", "违规", "违纪", "违法违规",
                  "侵害群众", "损害群众"),
    "rising": ("投诉量上升", "投诉上升", "投诉增加", "投诉增长", "信访量上升", "信访上升", "信访增加", "举报上升",
               "举报增加", "行政争议增加", "案件激增"),
}
#: Worse outcomes told in words: complaints or losses rising or high, satisfaction falling.
_WORSENED = (
    re.compile(r"(?:投诉|信访|举报|上访|越级访|重复访|行政争议|败诉率|纠错率|事故率|败诉案件|被纠错)[^,;。]{0,12}"
               r"(?:上升|增加|增长|增多|攀升|反弹|较高|偏高|居高不下|高于)"),
    re.compile(r"(?:满意度|满意率|好评率|群众满意)[^,;。]{0,8}(?:下降|降低|下滑|回落|偏低|较低|不高)"),
)
#: Accountability the unit suffered, in the other passive: 受到问责, 受到党纪政务处分.
_SUFFERED = re.compile(r"受到[^,;。]{0,8}(?:问责|处分|通报|批评|约谈|追责|查处)")
#: The passive with its agent between 被 and the verb: 被复议机关撤销, 被法院判决败诉, 被省政府办公厅通报,
#: 被列入失信名单 (被列入示范项目 is good news, 被法院判决维持 no loss).
_PASSIVE = (
    ("lost", re.compile(r"被[^,;。被]{1,10}?(?:撤销|纠错|纠正|确认违法|确认无效|改判|变更|判决败诉|败诉)")),
    ("criticised", re.compile(r"被[^,;。被]{1,10}?(?:通报|约谈|问责|批评|督办|点名|追责|处分|责令|警告|曝光)|"
                              r"被列入[^,;。]{0,12}(?:失信|黑名单|异常|重点关注|督办|问题|整改)")),
)
#: The agent of a passive (被|市政府督查|通报批评, 被|复议机关|撤销): who judged, not what failed.
_AGENT = re.compile(r"(?<=被)[^,;。被]{1,10}?(?=撤销|纠错|纠正|确认违法|确认无效|改判|变更|判决败诉|败诉|通报|约谈|"
                    r"问责|批评|督办|点名|追责|处分|责令|警告|曝光)")


def without_agents(text: str) -> str:
    """``text`` with the agents of its passives blanked out (same length, so spans still hold):
    in 部分执法人员存在随意执法问题,被市政府督查通报批评 the failure is the enforcement's, not
    the inspection's that found it."""
    return _AGENT.sub(lambda found: " " * len(found.group()), text)


#: Procedure skipped: 未经合法性审查即提交讨论.
_SKIPPED = re.compile(r"未经(?:法定程序|合法性审查|合法性审核|集体讨论|公众参与|专家论证|风险评估|法制审核|审查|"
                      r"审核|批准|听证|备案)")
#: After 被通报 / 被列入: praise, not blame (被通报表扬, 被列为示范).
_PRAISE = re.compile(r"^(?:表扬|表彰|嘉奖|肯定|推广|采用|采纳)")
#: Around a passive word: the others the unit acted on (被约谈企业, 对被处罚的当事人回访).
_OTHERS_AFTER = re.compile(r"^的?(?:企业|单位|对象|人员|主体|商户|商家|当事人|经营者|场所|门店|店铺|车辆|个人|行为人)")
_OTHERS_BEFORE = re.compile(r"(?:对|向|督促|指导|帮助|回访)[^,;。]{0,3}$")
_ADVERSE_WORDS = {word: kind for kind, words in ADVERSE.items() for word in words}
ADVERSE_PATTERN = re.compile("|".join(sorted(_ADVERSE_WORDS, key=len, reverse=True)))
#: Before an adverse word (in its clause): it did not happen (未发生安全事故, 零败诉, 无一例被纠错),
#: or the sentence is about preventing it (严防, 避免).
NEGATIONS = ("未发生", "没有发生", "未出现", "没有出现", "未有", "无一例", "无一起", "无一件", "无一", "零", "无", "未",
             "没有", "杜绝", "避免", "防止", "严防", "防范", "预防", "确保不", "遏制", "不发生", "实现零", "严禁",
             "不得", "禁止")
_NEGATED = re.compile("(?:" + "|".join(sorted(NEGATIONS, key=len, reverse=True)) + ")[^,;。]{0,10}$")
#: Negations that reach to the end of their clause: 无一例执法案件被复议撤销或被法院判决败诉.
STRONG_NEGATIONS = ("未发生", "没有发生", "未出现", "没有出现", "无一例", "无一起", "无一件", "杜绝", "实现零",
                    "不发生", "严禁", "不得", "禁止")
_NEGATED_IN_CLAUSE = re.compile("|".join(STRONG_NEGATIONS))
#: After an incident word: it is about preparing for incidents, not one that happened.
_NOT_INCIDENT = re.compile(r"^(?:隐患|应急|救援|预案|演练|防范|防控|风险|处置|预警|排查|调查|易发|多发|应对)")
#: After an adverse word: the count of it fell (事故起数下降15%): an improvement.
_FELL = re.compile(r"^[^,;。]{0,16}?(?:下降|减少|降低|回落|下滑|压降)")
#: A sentence that states a plan or aim, not a result.
_AIM = re.compile(r"^(?:将|要|需|应|须|必须|力争|确保|争取|坚决|严防|防止|避免|杜绝)|"
                  r"(?:将|要|力争)[^,;。]{0,6}(?:防止|避免|杜绝|确保)")
#: Words that say the unit found or punished a violation of *others*: its work, not its failure.
_ENFORCER = lazy(r"查处|查办|处罚|立案|移送|打击|整治|曝光|约谈|惩戒|取缔|关停|通报|督办|问责|追责|处分|排查|"
                       r"检查发现|发现问题|揭示问题|督促整改|抽检|抽查|检测|检查")


@lru_cache(maxsize=4096)  # the analysis and the adverse evidence read the same clauses
def adverse_kind(clause: str) -> tuple[str, str] | None:
    """``(kind, words)`` when ``clause`` reports a bad result of the unit itself, else ``None``.

    Not adverse: the word negated in its clause (未发生安全事故, 零败诉, 无一例被纠错), a zero
    count (败诉0件), a plan or aim (要防止…), and the unit's own enforcement against others
    (查处违法违规案件, 约谈企业) — unless the unit is the object (被约谈, 被通报).
    """
    if _AIM.search(clause):
        return None
    words = [(_ADVERSE_WORDS[m.group()], m) for m in ADVERSE_PATTERN.finditer(clause)]
    words += [(kind, m) for kind, pattern in _PASSIVE for m in pattern.finditer(clause)]
    for kind, match in sorted(words, key=lambda item: item[1].start()):
        word = match.group()
        before, after = clause[: match.start()], clause[match.end() :]
        if _negated(before) or _zero_after(clause, match.end()) or _FELL.match(after):
            continue
        if after.startswith(("率", "风险", "隐患")):  # a rate is judged by its goalposts; a risk is no result
            continue
        if kind == "incident" and _NOT_INCIDENT.match(after):
            continue
        if word.startswith("被") and (_PRAISE.match(after) or _OTHERS_AFTER.match(after)
                                     or _OTHERS_BEFORE.search(before)):
            continue
        if not word.startswith("被") and _ENFORCER().search(clause[max(0, match.start() - 8) : match.start()]):
            continue
        return kind, word
    for kind, patterns in (("criticised", (_SUFFERED,)), ("violation", (_SKIPPED,)), ("rising", _WORSENED)):
        for pattern in patterns:
            found = pattern.search(clause)
            if found and not _negated(clause[: found.start()]):
                return kind, found.group()
    return None


def _negated(before: str) -> bool:
    """Whether the words before an adverse word in its clause negate it."""
    return bool(_NEGATED.search(before) or _NEGATED_IN_CLAUSE.search(before))


_ZERO = re.compile(r"^(?:[^,;。0-9]{0,6}?(?:为|是|达)?0(?:[件宗起例人次个项%]|$)|.{0,2}?零|[^,;。]{0,6}?为零)")


def _zero_after(clause: str, end: int) -> bool:
    return bool(_ZERO.match(clause[end:]))


# -- shortcomings that name a problem, and boilerplate ---------------------------------------

#: Phrases that fill a shortcomings section without naming any problem.
BOILERPLATE = re.compile(
    r"有待(?:进一步|持续|继续)?(?:加强|提高|提升|完善|规范|理顺|发挥|畅通|深化|健全|落实|加大|增强|改进|优化|推进)|"
    r"仍有(?:较大|一定)?(?:提升|提高|改进|进步)空间|需(?:要)?(?:进一步|更加|持续|继续)|还(?:不够|需)|仍需|亟需|亟待|"
    r"与[^,;。]{0,20}(?:还有|存在)(?:一定)?差距|不相适应|不够(?:高|强|深|广|完善|健全|到位|有力)|"
    r"(?:力度|水平|能力|质效|作用|成效)(?:还|仍)?(?:不够|有待|需)"
)
#: Words that name no particular problem: the subject of every report, its filler and its hedges.
GENERIC = re.compile(
    r"法治政府建设|依法行政|法治建设|法治政府|法治|工作|水平|能力|意识|质效|成效|力度|作用|程度|方面|领域|"
    r"个别|部分|一些|少数|有的|单位|部门|地方|我区|我市|我县|全区|全市|全县|相比|相对|比较|较为|仍然|"
    r"不够|不足|不高|不强|差距|一定|存在|问题|重视|要求|期盼|群众|上级|进一步|有待|加强|提高|提升|完善|落实|"
    r"推进|深化|增强|还|仍|的"
)
