"""Scoring units: a framework with its plugins, observations in, Assessments out.

Each dimension's observations come from its plugin (a report) or from a table; the numbers then
go through the one engine (:mod:`~lawgov_score.scoring.engine`) — a report is a panel of one, a
table of ten thousand units is scored in one pass.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
import pluggy
from attrs import evolve, frozen

from lawgov_score import __version__
from lawgov_score.assess.applicability import applies_as
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.errors import StrictModeError
from lawgov_score.model.assessment import (
    Assessment,
    AssessmentStatus,
    DimensionScore,
    Failure,
    PluginVersion,
    Provenance,
    ScoreWarning,
)
from lawgov_score.model.framework import Dimension, Framework
from lawgov_score.model.observation import Observation, Unit
from lawgov_score.plugin_guard import checked_observations, dimension_faults
from lawgov_score.plugins import (
    dimension_sort_key,
    installed_plugin_manager,
    load_dimensions,
    plugin_name_of,
    plugin_versions,
)
from lawgov_score.scoring.assemble import MISSING_TREATMENT, dimension_score
from lawgov_score.scoring.engine import Plan, evaluate

Observe = Callable[[DimensionPlugin | None, Dimension], Iterable[Observation]]


@frozen
class Context:
    """What an assessment records about how it was made, beside the input's hash and source."""

    framework_reason: str = ""
    level_reason: str = ""
    warnings: tuple[ScoreWarning, ...] = ()


@frozen(eq=False)
class Scorer:
    """A framework with the plugins that provide its dimensions, ready to score units."""

    framework: Framework
    plugin_manager: pluggy.PluginManager
    plugins: Mapping[str, DimensionPlugin]
    versions: Mapping[str, str]
    """Entry-point name → distribution version of every loaded plugin, for provenance."""
    plan: Plan
    pinned: bool = False
    """Whether the framework was chosen by the user (never switched to the outline of the year)."""
    broken: tuple[Failure, ...] = ()
    """Dimension plugins left out for a fault: their dimensions may be missing, so every overall is withheld."""
    notes: tuple[ScoreWarning, ...] = ()
    """What every assessment must say about the framework (installed dimensions a pinned set leaves out)."""

    @classmethod
    def create(
        cls,
        framework: Framework | str | os.PathLike[str] | None = None,
        pm: pluggy.PluginManager | None = None,
        *,
        outline: str | None = None,
    ) -> Scorer:
        """A scorer with the plugins of ``pm`` (default: the installed plugins, whose manager is built
        once per process, :func:`~lawgov_score.plugins.installed_plugin_manager`) and the framework:
        ``framework`` when given (a file or a :class:`Framework`), else the built-in one of
        ``outline`` (default ``2021-2025``)."""
        from lawgov_score.framework import default_framework, load_framework

        pm = pm or installed_plugin_manager()
        loaded = load_dimensions(pm)  # once: the framework and the scorer share the plugins
        pinned = framework is not None
        if framework is None:
            framework = default_framework(pm, loaded, outline=outline)
        elif not isinstance(framework, Framework):
            framework = load_framework(framework, pm, loaded)
        plugins = {plugin.code: plugin for plugin in loaded}
        broken = tuple(Failure("", f.name, "PluginFault", f"{f.stage}: {f.error}") for f in dimension_faults(pm))
        return cls(framework, pm, plugins, plugin_versions(pm), Plan.of(framework), pinned, broken,
                   pinned_set_notes(framework))

    def with_framework(self, framework: Framework) -> Scorer:
        """The same plugins scoring another framework (e.g. the outline of an older report's year)."""
        return evolve(self, framework=framework, plan=Plan.of(framework))

    def assess(
        self,
        unit: Unit,
        observe: Observe,
        input_sha256: str,
        source: str | None = None,
        strict: bool = False,
        from_report: bool = False,
        context: Context = Context(),
    ) -> Assessment:
        """Score ``unit``: for each dimension, ``observe`` gives its observations.

        Each dimension's observations are gathered inside its own ``try``: a plugin that raises
        becomes a :class:`Failure` (or a :class:`StrictModeError` when ``strict``). With
        ``from_report``, a dimension none of whose indicators quotes the report gets status
        ``no_evidence``.
        """
        observations: dict[str, Observation] = {}
        failures: list[Failure] = list(self.broken)
        if strict and self.broken:
            raise StrictModeError(f"plugin {self.broken[0].plugin!r} is broken: {self.broken[0].message}")
        for dimension in self.framework.dimensions:
            plugin = self.plugins.get(dimension.code)
            try:
                observations.update(checked_observations(observe(plugin, dimension), dimension))
            except (Exception, SystemExit) as error:  # a plugin's bug must not take the other dimensions down
                name = plugin_name_of(self.plugin_manager, plugin) if plugin else "framework"
                if strict:
                    raise StrictModeError(
                        f"dimension {dimension.code} (plugin {name!r}) failed: {type(error).__name__}: {error}"
                    ) from error
                failures.append(Failure(dimension.code, name, type(error).__name__, str(error)))
        [assessment] = self._score([(unit, observations)], input_sha256, source, failures, from_report, context)
        return assessment

    def assess_table(
        self, groups: Sequence[tuple[Unit, Mapping[str, Observation]]], input_sha256: str, source: str | None
    ) -> list[Assessment]:
        """Score many units of a table at once (one pass of the engine)."""
        return self._score(groups, input_sha256, source, list(self.broken), False, Context())

    def _score(
        self,
        groups: Sequence[tuple[Unit, Mapping[str, Observation]]],
        input_sha256: str,
        source: str | None,
        failures: list[Failure],
        from_report: bool,
        context: Context,
    ) -> list[Assessment]:
        plan = self.plan
        raw = np.full((len(groups), len(plan.indicators)), np.nan)
        credit = np.ones(raw.shape)
        column = {ind.id: i for i, ind in enumerate(plan.indicators)}
        for row, (_, observations) in enumerate(groups):
            for indicator_id, observation in observations.items():
                i = column.get(indicator_id)
                if i is not None and observation.value is not None:
                    raw[row, i] = observation.value
                    credit[row, i] = observation.credit
        failed = {f.dimension for f in failures}
        for d, dimension in enumerate(self.framework.dimensions):
            if dimension.code in failed:
                raw[:, [i for i, dim in enumerate(plan.dimension_of) if dim == d]] = np.nan
        applicable = plan.applicable([applies_as(unit.level, unit.government_level) for unit, _ in groups])
        scores = evaluate(plan, raw, applicable, self.framework.missing, credit)
        provenance = self._provenance(input_sha256, source, context)
        out = []
        for row, (unit, observations) in enumerate(groups):
            dimensions = [
                _failed(dimension, next(f for f in failures if f.dimension == dimension.code))
                if dimension.code in failed
                else dimension_score(plan, scores, row, d, observations, applicable[row], self.framework.missing)
                for d, dimension in enumerate(self.framework.dimensions)
            ]
            if from_report:
                dimensions = [_no_evidence(d) for d in dimensions]
            overall = scores.overall[row]
            out.append(self._assemble(unit, dimensions, None if np.isnan(overall) else float(overall),
                                      failures, provenance, context))
        return out

    def _assemble(
        self,
        unit: Unit,
        dimensions: list[DimensionScore],
        value: float | None,
        failures: list[Failure],
        provenance: Provenance,
        context: Context,
    ) -> Assessment:
        policy = self.framework.missing
        warnings = [*self.notes, *context.warnings, *(note for d in dimensions for note in d.notes)]
        if failures:
            value = None
            failed = ", ".join(f.dimension or f"plugin {f.plugin!r}" for f in failures)
            warnings.append(ScoreWarning(
                "overall.withheld", f"overall withheld: {failed} failed (see failures)",
                f"总分暂缺：{failed}出错（见失败记录）"))
            dimensions = [evolve(d, effective_weight=0.0) for d in dimensions]
        else:
            absent = [d.code for d in dimensions if d.score is None]
            if absent and value is not None:
                en, zh = MISSING_TREATMENT[policy]
                warnings.append(ScoreWarning(
                    "overall.dimension_missing",
                    f"no score for {', '.join(absent)}: {en} (missing-data policy {policy})",
                    f"维度{', '.join(absent)}无得分：{zh}（缺失数据规则{policy}）"))
            elif value is None:
                warnings.append(ScoreWarning(
                    "overall.withheld", f"overall withheld: data missing under missing-data policy {policy}",
                    f"总分暂缺：按缺失数据规则{policy}，数据不全"))
        complete = all(d.status == "scored" for d in dimensions)
        status: AssessmentStatus = "incomplete" if value is None else "complete" if complete else "partial"
        metrics = {
            ind.id: ind.raw
            for d in dimensions for ind in d.indicators
            if ind.kind in ("metric", "outcome") and ind.raw is not None
        }
        return Assessment(
            unit=unit,
            overall=value,
            status=status,
            missing_policy=policy,
            dimensions=dimensions,
            provenance=provenance,
            metrics=metrics,
            warnings=warnings,
            failures=failures,
        )

    def contributed(self) -> dict[str, tuple[str, ...]]:
        """Entry-point name → the codes of the framework's dimensions that plugin provides."""
        codes = {d.code for d in self.framework.dimensions}
        out: dict[str, list[str]] = {}
        for code, plugin in self.plugins.items():
            if code in codes:
                out.setdefault(plugin_name_of(self.plugin_manager, plugin), []).append(code)
        return {name: tuple(sorted(found, key=dimension_sort_key)) for name, found in out.items()}

    def _provenance(self, input_sha256: str, source: str | None, context: Context) -> Provenance:
        from lawgov_score.framework import framework_digest

        contributed = self.contributed()
        return Provenance(
            library_version=__version__,
            framework_id=self.framework.id,
            framework_version=self.framework.version,
            input_sha256=input_sha256,
            plugins=[PluginVersion(name, version, contributed.get(name, ()))
                     for name, version in sorted(self.versions.items())],
            source=source,
            outline=self.framework.outline,
            framework_reason=context.framework_reason,
            level_reason=context.level_reason,
            framework_sha256=framework_digest(self.framework),
        )


def _no_evidence(score: DimensionScore) -> DimensionScore:
    """A dimension none of whose indicators quotes the report: a finding, said in its status."""
    if score.status == "failed" or any(i.evidence for i in score.indicators):
        return score
    note = ScoreWarning(
        "dimension.no_evidence",
        "no sentence or fact of the report speaks of this dimension: its tasks and data score 0",
        "报告中没有涉及该维度的语句或数据：其任务与数据项得0分",
        dimension=score.code,
    )
    return evolve(score, status="no_evidence", notes=(*score.notes, note))


def _failed(dimension: Dimension, failure: Failure) -> DimensionScore:
    return DimensionScore(
        code=dimension.code,
        title_zh=dimension.title_zh,
        title_en=dimension.title_en,
        weight=dimension.weight,
        effective_weight=0.0,
        score=None,
        status="failed",
        coverage=0.0,
        notes=[ScoreWarning(
            "dimension.failed", f"plugin {failure.plugin!r} raised {failure.error}: {failure.message}",
            f"插件{failure.plugin!r}出错：{failure.error}: {failure.message}", dimension=dimension.code)],
    )


def pinned_set_notes(framework: Framework) -> tuple[ScoreWarning, ...]:
    """A warning when the installed dimensions differ from the set a framework file pins: the
    extra ones were left out, so that installing a plugin never changes its scores."""
    if not framework.left_out:
        return ()
    codes = ", ".join(framework.left_out)
    return (ScoreWarning(
        "framework.pinned",
        f"installed dimension(s) {codes} left out: framework {framework.id!r} pins its dimensions to "
        f"{', '.join(framework.pinned)}",
        f"已安装的维度{codes}未计入：评估框架{framework.id!r}固定了维度集合（{'、'.join(framework.pinned)}）"),)
