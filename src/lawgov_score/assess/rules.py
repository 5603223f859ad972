"""Rules a dimension declares as data: how a named metric or a yes/no item is found in a report.

A :class:`MetricRule` finds the first fact that fits, in report order, skipping the earlier level
of a stated change (in 由30.7%降至14.6% the metric is 14.6%). A :class:`FlagRule` finds a sentence
naming a measure. Plugins list them; :mod:`~lawgov_score.assess.dimension` turns them into
observations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ahocorasick_rs import AhoCorasick, MatchKind
from attrs import field, frozen

from lawgov_score.assess.view import ReportView, Sentence, StatedFact, view_of
from lawgov_score.model import tuple_of
from lawgov_score.reading.model import Document, FactKind

_SURROGATE = re.compile(r"[\ud800-\udfff]")


@frozen
class MetricRule:
    """How a named metric is found among a report's facts: the first fact that fits, in report order.

    A fact fits when its kind is one of ``kinds``, its own phrase (quote, subject, or the rest of
    its clause) contains one of ``phrase`` and none of ``exclude``, and — when ``context`` is given —
    its sentence contains one of ``context`` (and none of ``context_exclude``). For the context a
    sentence runs to 。: in "受理复议案件1,024宗；审结932宗" the 932 is still about 复议.
    """

    indicator: str
    phrase: tuple[str, ...] = field(converter=tuple_of)
    context: tuple[str, ...] = field(default=(), converter=tuple_of)
    kinds: tuple[FactKind, ...] = field(default=("count",), converter=tuple_of)
    exclude: tuple[str, ...] = field(default=(), converter=tuple_of)
    context_exclude: tuple[str, ...] = field(default=(), converter=tuple_of)
    signed: bool = False
    """For a change: its value is negative when it is a fall (事故起数同比下降12% → −0.12)."""

    def value_of(self, stated: StatedFact) -> float:
        """The metric's value from the fact that fits it."""
        fact = stated.fact
        return -fact.value if self.signed and fact.change == "down" else fact.value

    def describe(self, worst: bool = False) -> str:
        """The rule in words, for the evidence trail (``worst``: of facts stating different values,
        the worst was taken rather than the first)."""
        words = f"the {'worst' if worst else 'first'} {'/'.join(self.kinds)} naming {'/'.join(self.phrase)}"
        if self.context:
            words += f" in a sentence about {'/'.join(self.context)}"
        return words

    def describe_zh(self, worst: bool = False) -> str:
        """The rule in Chinese."""
        words = f"{'最差的' if worst else '首个'}含“{'/'.join(self.phrase)}”的数据"
        if self.context:
            words += f"（所在句涉及“{'/'.join(self.context)}”）"
        return words

    def find(self, view: ReportView) -> StatedFact | None:
        """The first fact of the report that fits this rule (the current level of a change)."""
        return next((s for s in view.stated_of(self.kinds) if not s.earlier_level and self.fits(s)), None)

    def earlier(self, view: ReportView, current: StatedFact) -> StatedFact | None:
        """The earlier level stated with ``current`` (由A降至B: A), if any."""
        before = [s for s in view.stated_of(self.kinds)
                  if s.earlier_level and s.sentence is current.sentence and s.end <= current.start]
        return before[-1] if before else None

    def change(self, view: ReportView) -> StatedFact | None:
        """A stated change of this metric (同比下降1.2个百分点), if any."""
        kinds = ("pp_change", "change")
        changes = [s for s in view.stated_of(kinds) if any(p in s.phrase for p in self.phrase)
                   and not any(x in s.phrase for x in self.exclude)]
        return changes[0] if changes else None

    def fits(self, stated: StatedFact) -> bool:
        """Whether one stated fact is this metric."""
        if stated.fact.kind not in self.kinds:
            return False
        own, sentence = stated.phrase, stated.sentence.period
        if not mentions(own, self.phrase) or mentions(own, self.exclude):
            return False
        if mentions(sentence, self.context_exclude):
            return False
        return not self.context or mentions(sentence, self.context)


def _groups(groups: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(group) for group in groups)


@frozen
class FlagRule:
    """A yes/no indicator: 1 when a measure sentence holds a term of every group in ``all_of``.

    ``FlagRule("d4.decision_catalogue_published", [["决策事项目录", "决策目录"], ["制定", "公布"]])``
    """

    indicator: str
    all_of: tuple[tuple[str, ...], ...] = field(converter=_groups)

    def describe(self) -> str:
        """The rule in words, for the evidence trail."""
        return "a sentence naming " + " and ".join("/".join(group) for group in self.all_of)

    def describe_zh(self) -> str:
        """The rule in Chinese."""
        return "含" + "且".join("“" + "/".join(group) + "”" for group in self.all_of) + "的表述"

    def find(self, view: ReportView) -> Sentence | None:
        """The first measure sentence that qualifies, or ``None``."""
        for sentence in view.measures:
            if all(mentions(sentence.text, group) for group in self.all_of):
                return sentence
        return None


@frozen(eq=False)
class RuleIndex:
    """Many metric rules matched against a report at once: every word of their phrases found in
    each fact's phrase in one pass of an automaton, so that a rule looks only at the facts that
    name one of its words (rather than every rule testing every fact)."""

    rules: tuple[MetricRule, ...]
    words: tuple[str, ...]
    automaton: AhoCorasick | None

    @classmethod
    def of(cls, rules: tuple[MetricRule, ...]) -> RuleIndex:
        words = tuple(sorted({word for rule in rules for word in rule.phrase}))
        automaton = AhoCorasick(words, matchkind=MatchKind.Standard) if words else None
        return cls(rules, words, automaton)

    def find_all(self, view: ReportView) -> dict[str, tuple[StatedFact, ...]]:
        """Indicator id → every fact that fits its rule (as :meth:`MetricRule.fits`), in report order."""
        kinds = {kind for rule in self.rules for kind in rule.kinds}
        named: dict[str, list[StatedFact]] = {}
        if self.automaton is not None:
            for stated in view.stated:
                if stated.fact.kind not in kinds or stated.earlier_level:
                    continue
                found = {self.words[n] for n, _, _ in
                         self.automaton.find_matches_as_indexes(_SURROGATE.sub("\x00", stated.phrase),
                                                                overlapping=True)}
                for word in found:
                    named.setdefault(word, []).append(stated)
        out: dict[str, tuple[StatedFact, ...]] = {}
        for rule in self.rules:
            candidates = sorted({id(s): s for word in rule.phrase for s in named.get(word, ())}.values(),
                                key=lambda s: (s.sentence.index, s.start))
            out[rule.indicator] = tuple(s for s in candidates if rule.fits(s))
        return out


@lru_cache(maxsize=64)
def rule_index(rules: tuple[MetricRule, ...]) -> RuleIndex:
    """The index of a dimension's rules, built once."""
    return RuleIndex.of(rules)


@lru_cache(maxsize=64)
def found_by_rules(rules: tuple[MetricRule, ...], document: Document) -> dict[str, tuple[StatedFact, ...]]:
    """The facts each of ``rules`` finds in ``document`` (cached: a dimension reads its metrics once)."""
    return rule_index(rules).find_all(view_of(document))


def mentions(text: str, terms: tuple[str, ...]) -> bool:
    """Whether ``text`` contains one of ``terms`` (a substring search each: the lists are short,
    and a regex of each list cost more to compile, for every one of a hundred lists, than all the
    searches of a report)."""
    return any(term in text for term in terms)
