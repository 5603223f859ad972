"""Scoring units: a table of indicator values, or report files, into Assessments and a ranking."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy
from attrs import evolve, frozen

from lawgov_score import __version__
from lawgov_score.aggregate import weighted_mean
from lawgov_score.audit import audit_document
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.dimension_scoring import score_dimension
from lawgov_score.errors import StrictModeError
from lawgov_score.model.assessment import (
    Assessment,
    AssessmentStatus,
    DimensionScore,
    Failure,
    PluginVersion,
    Provenance,
)
from lawgov_score.model.framework import Dimension, Framework
from lawgov_score.model.observation import Observation, Unit
from lawgov_score.plugin_guard import checked_score, dimension_faults
from lawgov_score.plugins import get_plugin_manager, load_dimensions, plugin_name_of, plugin_versions

if TYPE_CHECKING:
    from lawgov_score.reading.model import Document

Observe = Callable[[DimensionPlugin | None, Dimension], Mapping[str, Observation]]


@frozen
class Scorer:
    """A framework with the plugins that provide its dimensions, ready to score units."""

    framework: Framework
    plugin_manager: pluggy.PluginManager
    plugins: Mapping[str, DimensionPlugin]
    versions: Mapping[str, str]
    """Entry-point name → distribution version of every loaded plugin, for provenance."""
    broken: tuple[Failure, ...] = ()
    """Dimension plugins left out for a fault: their dimensions are missing, so every overall is withheld."""

    @classmethod
    def create(
        cls, framework: Framework | str | os.PathLike[str] | None = None, pm: pluggy.PluginManager | None = None
    ) -> Scorer:
        """Build the plugin manager (unless given) and the framework (default: the installed one)."""
        from lawgov_score.framework import default_framework, load_framework

        pm = pm or get_plugin_manager()
        loaded = load_dimensions(pm)  # once: the framework and the scorer share the plugins
        if framework is None:
            framework = default_framework(pm, loaded)
        elif not isinstance(framework, Framework):
            framework = load_framework(framework, pm, loaded)
        broken = tuple(Failure("?", f.name, "PluginFault", f"{f.stage}: {f.error}") for f in dimension_faults(pm))
        return cls(framework, pm, {plugin.code: plugin for plugin in loaded}, plugin_versions(pm), broken)

    def assess(
        self,
        unit: Unit,
        observe: Observe,
        input_sha256: str,
        source: str | None = None,
        strict: bool = False,
        from_report: bool = False,
    ) -> Assessment:
        """Score ``unit``: for each dimension, ``observe`` gives its observations, then it is scored.

        Each dimension runs inside its own ``try``: a plugin that raises becomes a
        :class:`Failure` (or a :class:`StrictModeError` when ``strict``). With ``from_report``,
        a dimension none of whose indicators quotes the report gets status ``no_evidence``.
        """
        policy = self.framework.missing
        scores: list[DimensionScore] = []
        failures: list[Failure] = list(self.broken)
        if strict and self.broken:
            raise StrictModeError(f"plugin {self.broken[0].plugin!r} is broken: {self.broken[0].message}")
        for dimension in self.framework.dimensions:
            plugin = self.plugins.get(dimension.code)
            try:
                observations = observe(plugin, dimension)
                if plugin is not None:
                    score = checked_score(plugin.score(dimension, observations, policy), dimension.code)
                else:  # a dimension the framework file defines itself
                    score = score_dimension(dimension, observations, policy)
            except (Exception, SystemExit) as error:  # a plugin's bug must not take the other dimensions down
                name = plugin_name_of(self.plugin_manager, plugin) if plugin else "framework"
                failure = Failure(dimension.code, name, type(error).__name__, str(error))
                if strict:
                    raise StrictModeError(
                        f"dimension {dimension.code} (plugin {name!r}) failed: {type(error).__name__}: {error}"
                    ) from error
                failures.append(failure)
                score = _failed(dimension, failure)
            if from_report and score.status != "failed" and not any(i.evidence for i in score.indicators):
                note = "no sentence or fact of the report speaks of this dimension: its tasks and disclosure score 0"
                score = evolve(score, status="no_evidence", notes=(*score.notes, note))
            scores.append(score)
        return self._assemble(unit, scores, failures, input_sha256, source)

    def _assemble(
        self,
        unit: Unit,
        scores: list[DimensionScore],
        failures: list[Failure],
        input_sha256: str,
        source: str | None,
    ) -> Assessment:
        policy = self.framework.missing
        overall = weighted_mean([d.score for d in scores], [d.weight for d in scores], policy)
        warnings = [f"{d.code}: {note}" for d in scores for note in d.notes]
        dimensions = []
        for share, score in zip(overall.weights, scores):
            share = share if overall.value is not None else 0.0
            indicators = [
                evolve(
                    ind,
                    effective_weight=ind.effective_weight * share,
                    contribution=None if ind.contribution is None else ind.contribution * share,
                )
                for ind in score.indicators
            ]
            dimensions.append(evolve(score, effective_weight=share, indicators=indicators))
        value = overall.value
        if failures:
            value = None
            failed = ", ".join(f.dimension for f in failures)
            warnings.append(f"overall withheld: dimension(s) {failed} failed while scoring (see failures)")
        elif overall.missing and value is not None:
            dropped = ", ".join(scores[i].code for i in overall.missing)
            treatment = "counted as 0" if policy == "zero" else "dropped and the other weights renormalised"
            warnings.append(f"no evidence for {dropped}: {treatment} (missing-data policy {policy})")
        elif value is None:
            warnings.append(f"overall withheld: data missing under missing-data policy {policy}")
        complete = not overall.missing and all(d.status == "scored" for d in scores)
        status: AssessmentStatus = "incomplete" if value is None else "complete" if complete else "partial"
        metrics = {
            ind.id: ind.raw for d in dimensions for ind in d.indicators if ind.kind == "metric" and ind.raw is not None
        }
        return Assessment(
            unit=unit,
            overall=value,
            status=status,
            missing_policy=policy,
            dimensions=dimensions,
            provenance=self._provenance(input_sha256, source),
            metrics=metrics,
            warnings=warnings,
            failures=failures,
        )

    def _provenance(self, input_sha256: str, source: str | None) -> Provenance:
        return Provenance(
            library_version=__version__,
            framework_id=self.framework.id,
            framework_version=self.framework.version,
            input_sha256=input_sha256,
            plugins=[PluginVersion(name, version) for name, version in sorted(self.versions.items())],
            source=source,
        )


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
        notes=[f"plugin {failure.plugin!r} raised {failure.error}: {failure.message}"],
    )


@frozen
class RankEntry:
    """A unit's place in a ranking; ties share the lowest rank, unscored units have none."""

    rank: int | None
    unit: str
    year: int | None
    overall: float | None


def rank(assessments: Sequence[Assessment]) -> list[RankEntry]:
    """Rank by overall score, highest first; equal scores share the lowest rank (1, 2, 2, 4)."""
    ordered = sorted(assessments, key=lambda a: (a.overall is None, -(a.overall or 0.0), a.unit.name))
    entries: list[RankEntry] = []
    for position, assessment in enumerate(ordered, start=1):
        place: int | None = None
        if assessment.overall is not None:
            tied = entries[-1] if entries and entries[-1].overall == assessment.overall else None
            place = tied.rank if tied is not None else position
        entries.append(RankEntry(place, assessment.unit.name, assessment.unit.year, assessment.overall))
    return entries


def score_table(
    values: str | os.PathLike[str] | Iterable[tuple[Unit, Sequence[Observation]]],
    framework: Framework | str | os.PathLike[str] | None = None,
    *,
    pm: pluggy.PluginManager | None = None,
    strict: bool = False,
) -> tuple[list[Assessment], list[RankEntry]]:
    """Score a table of indicator values: one Assessment per unit, and their ranking.

    :param values: a JSON (``schemas/observations.schema.json``) or CSV file (long or wide), or
        ``(unit, observations)`` pairs.
    :param framework: a :class:`Framework`, a framework file, or ``None`` for the installed one.
    """
    from lawgov_score.tables import load_observations

    scorer = Scorer.create(framework, pm)
    if isinstance(values, (str, os.PathLike)):
        table = load_observations(values, scorer.framework)
        digest, source, groups = table.sha256, str(values), table.groups
    else:
        groups = [(unit, list(observations)) for unit, observations in values]
        digest, source = hashlib.sha256(repr(groups).encode()).hexdigest(), None
    assessments = [scorer.assess(unit, _given(observations), digest, source, strict) for unit, observations in groups]
    return assessments, rank(assessments)


def _given(observations: Sequence[Observation]) -> Observe:
    """Observe a table's values: every dimension sees the same observations, keyed by indicator."""
    by_id = {obs.indicator: obs for obs in observations}

    def observe(plugin: DimensionPlugin | None, dimension: Dimension) -> Mapping[str, Observation]:
        return by_id

    return observe


def score_document(document: Document, scorer: Scorer, unit: Unit | None = None, strict: bool = False) -> Assessment:
    """Score a report already read into a :class:`Document`."""

    def observe(plugin: DimensionPlugin | None, dimension: Dimension) -> Mapping[str, Observation]:
        found = plugin.assess(document, dimension) if plugin is not None else ()
        return {obs.indicator: obs for obs in found}

    meta = document.metadata
    unit = unit or Unit(name=meta.issuer or Path(document.source).stem, year=meta.year)
    assessment = scorer.assess(unit, observe, document.sha256, document.source, strict, from_report=True)
    return evolve(assessment, audit=tuple(audit_document(document)))


def score_report(
    source: str | os.PathLike[str],
    framework: Framework | str | os.PathLike[str] | None = None,
    *,
    pm: pluggy.PluginManager | None = None,
    strict: bool = False,
) -> Assessment:
    """Read a report (path or text) and score it on every dimension of the framework."""
    from lawgov_score.reading.document import read

    scorer = Scorer.create(framework, pm)
    document = read(source, plugin_manager=scorer.plugin_manager, dimensions=scorer.framework.dimensions)
    return score_document(document, scorer, strict=strict)
