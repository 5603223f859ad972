"""The declarative pipeline spec: a JSON document, schema-validated, turned into :class:`PipelineSpec`."""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import evolve, field, frozen

from lawgov_score.errors import InputError, ValidationErrors
from lawgov_score.panel.hierarchy import Hierarchy
from lawgov_score.panel.registry import Methods, parameters_problem, resolve_methods
from lawgov_score.schemas import validate

DATA_STEPS = ("denominate", "screen", "impute", "treat", "normalise")
STEP_NAMES = (*DATA_STEPS, "weight", "aggregate")
BUILTIN_WEIGHT_SETS = ("framework", "equal")


def _frozen_options(value: Mapping[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(dict(value))


@frozen
class Step:
    """One step of a pipeline: its name and its options exactly as written in the spec."""

    name: str
    options: Mapping[str, Any] = field(factory=dict, converter=_frozen_options)

    def get(self, key: str, default: Any = None) -> Any:
        """An option, or ``default``."""
        return self.options.get(key, default)

    def to_dict(self) -> dict[str, Any]:
        """The step as written in a spec."""
        return {"step": self.name, **copy.deepcopy(dict(self.options))}


def _step_tuple(steps: Iterable[Step]) -> tuple[Step, ...]:
    return tuple(steps)


def _weight_sets(value: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    return {name: {k: float(v) for k, v in weights.items()} for name, weights in value.items()}


@frozen
class PipelineSpec:
    """A pipeline: optional steps, an optional hierarchy and named weight sets.

    Data steps (``denominate, screen, impute, treat, normalise``) run in the order listed;
    ``weight`` and ``aggregate`` configure the aggregation that always ends a run (weighted
    arithmetic with framework weights when absent).
    """

    steps: tuple[Step, ...] = field(default=(), converter=_step_tuple)
    hierarchy: Hierarchy | None = None
    weight_sets: Mapping[str, Mapping[str, float]] = field(factory=dict, converter=_weight_sets)
    name: str = ""
    year: int | None = None
    description: str = ""

    @classmethod
    def from_dict(cls, data: Any, source: str | None = None, plugins: Any = None) -> PipelineSpec:
        """Validate a parsed spec against ``pipeline.schema.json`` and the known methods, and build it.

        :param data: the parsed JSON document.
        :param source: the file it came from, for error messages.
        :param plugins: plugin manager (or hook relay) whose normalisers/aggregators are allowed.
        :returns: the spec.
        :raises ValidationErrors: every schema error, each with its JSON path.
        :raises InputError: a semantic error (unknown method, repeated step, bad hierarchy).
        """
        validate(data, "pipeline", source)
        hierarchy = None
        if "hierarchy" in data:
            try:
                hierarchy = Hierarchy.from_list(data["hierarchy"])
            except ValueError as error:
                raise InputError(str(error), source, "$.hierarchy") from None
            except InputError as error:  # a limit, which names no file
                raise InputError(error.message, source, "$.hierarchy") from None
        spec = cls(
            steps=tuple(Step(s["step"], {k: v for k, v in s.items() if k != "step"}) for s in data["steps"]),
            hierarchy=hierarchy,
            weight_sets=data.get("weight_sets", {}),
            name=data.get("name", ""),
            year=data.get("year"),
            description=data.get("description", ""),
        )
        spec.check(resolve_methods(plugins), source)
        return spec

    def to_dict(self) -> dict[str, Any]:
        """The spec as a JSON-ready document that :meth:`from_dict` reads back unchanged."""
        out: dict[str, Any] = {}
        if self.name:
            out["name"] = self.name
        if self.description:
            out["description"] = self.description
        if self.year is not None:
            out["year"] = self.year
        if self.hierarchy is not None:
            out["hierarchy"] = self.hierarchy.to_list()
        if self.weight_sets:
            out["weight_sets"] = {k: dict(v) for k, v in self.weight_sets.items()}
        out["steps"] = [step.to_dict() for step in self.steps]
        return out

    def check(self, methods: Methods, source: str | None = None) -> None:
        """Raise on what the schema cannot express: repeated steps, unknown methods or weight sets.

        :param methods: the available normalisers and aggregators.
        :param source: file name for error messages.
        :raises ValidationErrors: listing every problem with its JSON path.
        """
        errors: list[InputError] = []
        seen: set[str] = set()
        for i, step in enumerate(self.steps):
            where = f"$.steps[{i}]"
            if step.name in seen:
                errors.append(InputError(f"step {step.name!r} appears twice", source, f"{where}.step"))
            seen.add(step.name)
            if step.name == "normalise" and step.get("method") not in methods.normalisers:
                errors.append(InputError(f"unknown normaliser {step.get('method')!r}; "
                                         f"known: {sorted(methods.normalisers)}", source, f"{where}.method"))
            elif step.name == "normalise":
                errors += _parameter_errors(methods, "normaliser", step.get("method"), step.get("params", {}),
                                            source, f"{where}.params")
            if step.name == "aggregate":
                errors += _aggregate_errors(step, methods, source, where)
            if step.name == "weight":
                chosen = step.get("set", "framework")
                if chosen not in BUILTIN_WEIGHT_SETS and chosen not in self.weight_sets:
                    errors.append(InputError(f"unknown weight set {chosen!r}; known: "
                                             f"{[*BUILTIN_WEIGHT_SETS, *self.weight_sets]}", source, f"{where}.set"))
        for name, weights in self.weight_sets.items():
            try:
                total = math.fsum(weights.values())
            except OverflowError:
                total = math.inf
            if not math.isfinite(total):
                errors.append(InputError(f"the weights of set {name!r} sum to more than a float can hold",
                                         source, f"$.weight_sets.{name}"))
        if errors:
            raise ValidationErrors(errors, source)

    # -- reading and changing ------------------------------------------------------------

    def step(self, name: str) -> Step | None:
        """The step of this name, or ``None`` when the pipeline skips it."""
        return next((step for step in self.steps if step.name == name), None)

    def with_step(self, name: str, **options: Any) -> PipelineSpec:
        """A copy with step ``name`` replaced (its options updated) or appended.

        :param name: the step name.
        :param options: options to set.
        :returns: the new spec; this one is unchanged.
        """
        if name not in STEP_NAMES:
            raise ValueError(f"unknown step {name!r}; expected one of {STEP_NAMES}")
        current = self.step(name)
        if current is None:
            return evolve(self, steps=(*self.steps, Step(name, options)))
        new = Step(name, {**current.options, **options})
        return evolve(self, steps=tuple(new if s.name == name else s for s in self.steps))

    def replace_step(self, name: str, options: Mapping[str, Any]) -> PipelineSpec:
        """A copy with step ``name`` given exactly ``options`` (appended if absent).

        :param name: the step name.
        :param options: the step's new options.
        :returns: the new spec.
        """
        if self.step(name) is None:
            return self.with_step(name, **options)
        return evolve(self, steps=tuple(Step(name, options) if s.name == name else s for s in self.steps))

    def without_step(self, name: str) -> PipelineSpec:
        """A copy without step ``name``."""
        return evolve(self, steps=tuple(s for s in self.steps if s.name != name))


# Arguments the engine passes itself: the data (and weights), and what it builds from the tree.
_SUPPLIED = {"normaliser": 1, "aggregator": 2}
_FROM_THE_TREE = {("normaliser", "goalposts"): "goalposts", ("normaliser", "target"): "targets"}


def _parameter_errors(methods: Methods, kind: str, name: str, params: Any, source: str | None,
                      where: str) -> list[InputError]:
    """A method's parameters checked against its function's signature (names, and simple types)."""
    if not isinstance(params, Mapping):
        return []  # the schema has said so already
    given = {k: v for k, v in params.items() if k != _FROM_THE_TREE.get((kind, name))}
    problem = parameters_problem(methods.function(kind, name), given, _SUPPLIED[kind])
    return [InputError(f"{kind} {name!r}: {problem}", source, where)] if problem else []


def _aggregate_errors(step: Step, methods: Methods, source: str | None, where: str) -> list[InputError]:
    default = step.get("method", "arithmetic")
    named = [(f"{where}.method", default, f"{where}.params", step.get("params", {}))]
    for code, own in step.get("nodes", {}).items():
        method = own.get("method", default)
        params = own.get("params", step.get("params", {}) if method == default else {})
        named.append((f"{where}.nodes.{code}.method", method, f"{where}.nodes.{code}.params", params))
    errors = []
    for method_path, method, params_path, params in named:
        if method not in methods.aggregators:
            errors.append(InputError(f"unknown aggregator {method!r}; known: {sorted(methods.aggregators)}",
                                     source, method_path))
        else:
            errors += _parameter_errors(methods, "aggregator", method, params, source, params_path)
    return errors


def coinr_example_spec(hierarchy: Hierarchy | None = None) -> PipelineSpec:
    """COINr's ASEM "example coin" pipeline (see ``tests/data/coinr-asem/README.md``).

    :param hierarchy: the ASEM tree (from ``ASEM_iMeta``), carried in the spec if given.
    :returns: the spec.
    """
    return PipelineSpec(
        name="coinr-asem-example",
        hierarchy=hierarchy,
        steps=(
            Step("denominate"),
            Step("impute", {"method": "group_mean", "group": "EurAsia_group"}),
            Step("screen", {"threshold": 0.9}),
            Step("treat", {"winmax": 5, "skew_threshold": 2, "kurtosis_threshold": 3.5, "fallback": "log_ct"}),
            Step("normalise", {"method": "minmax", "params": {"low": 0, "high": 100}}),
            Step("weight", {"set": "framework"}),
            Step("aggregate", {"method": "arithmetic"}),
        ),
    )
