"""Normaliser and aggregator registries: the built-ins, extended by plugins through two hooks.

Each plugin's registration is isolated (:mod:`lawgov_score.plugin_guard`): one that raises,
returns something other than ``{name: function}`` or shadows an existing name is left out and
reported, the others still register. A plugin's method that raises when a pipeline calls it
is a :class:`PluginError` naming the plugin and the method, never a traceback.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pluggy
from attrs import field, frozen

from lawgov_score.errors import PluginError
from lawgov_score.panel.aggregate import BUILTIN_AGGREGATORS, Aggregator, vectorise
from lawgov_score.panel.normalise import BUILTIN_NORMALISERS, Normaliser
from lawgov_score.plugin_guard import call_each, describe_error, method_table_problem, record_fault

NORMALISERS_HOOK = "lawgov_score_register_normalisers"
AGGREGATORS_HOOK = "lawgov_score_register_aggregators"


@frozen
class Methods:
    """The normalisers and aggregators a pipeline may name, and the functions behind them
    (whose signatures say which parameters a pipeline step may pass)."""

    normalisers: Mapping[str, Normaliser]
    aggregators: Mapping[str, Aggregator]
    functions: Mapping[tuple[str, str], Callable[..., Any]] = field(factory=dict)
    """``("normaliser" | "aggregator", name)`` → the function as written."""

    def function(self, kind: str, name: str) -> Callable[..., Any]:
        """The function behind a method (the built-in, or the plugin's before it was vectorised)."""
        if (kind, name) in self.functions:
            return self.functions[(kind, name)]
        if kind == "normaliser":
            return self.normalisers[name]
        return self.aggregators[name].func


def _guarded(kind: str, name: str, plugin: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func``, its exceptions and infinities turned into a :class:`PluginError` naming ``plugin``."""

    @functools.wraps(func)
    def call(*args: Any, **params: Any) -> Any:
        try:
            out = func(*args, **params)
        except (Exception, SystemExit) as error:
            raise PluginError(f"{kind} {name!r} of plugin {plugin!r} failed: {describe_error(error)}") from None
        try:
            infinite = bool(np.isinf(np.asarray(out, dtype=np.float64)).any())
        except (TypeError, ValueError):
            raise PluginError(f"{kind} {name!r} of plugin {plugin!r} returned {type(out).__name__}, "
                              "expected an array of numbers") from None
        if infinite:
            raise PluginError(f"{kind} {name!r} of plugin {plugin!r} returned an infinite value")
        return out

    return call


def _answers(plugins: Any, hook: str) -> Iterable[tuple[str, Any]]:
    """``(plugin name, answer)`` for a plugin manager (each plugin isolated), or a bare hook relay."""
    if isinstance(plugins, pluggy.PluginManager):
        yield from call_each(plugins, hook)
        return
    relay = getattr(plugins, "hook", plugins)  # a hook relay, or a test double of one
    for answer in getattr(relay, hook)() or ():
        yield "a plugin", answer


def _collect(plugins: Any, hook: str, kind: str, taken: Mapping[str, Any]) -> dict[str, tuple[str, Any]]:
    """Name → (plugin, function) of what the plugins register for ``hook``."""
    found: dict[str, tuple[str, Any]] = {}
    for plugin, table in _answers(plugins, hook):
        problem = method_table_problem(table)
        if problem is None:
            clash = sorted(name for name in table or {} if name in taken or name in found)
            if clash:
                taken_names = ", ".join(map(repr, clash))
                problem = f"registers {kind} {taken_names}, a name already taken (built-in or another plugin)"
        if problem is not None:
            if not isinstance(plugins, pluggy.PluginManager):
                raise PluginError(f"{plugin} {problem}")
            record_fault(plugins, plugin, hook, problem)
            continue
        found.update({str(name): (plugin, func) for name, func in (table or {}).items()})
    return found


def resolve_methods(plugins: Any = None) -> Methods:
    """The built-in methods plus those registered by plugins.

    Calls ``lawgov_score_register_normalisers`` and ``lawgov_score_register_aggregators`` once,
    plugin by plugin. A name registered twice (or shadowing a built-in) is a fault of the plugin
    that registers it, so that installing a plugin never silently changes an existing method.

    :param plugins: a :class:`pluggy.PluginManager`, its ``hook`` relay, or ``None`` for built-ins only.
    :returns: the available methods.
    :raises PluginError: a fault under a strict plugin manager, or anything malformed from a bare relay.
    """
    normalisers: dict[str, Normaliser] = dict(BUILTIN_NORMALISERS)
    aggregators: dict[str, Aggregator] = dict(BUILTIN_AGGREGATORS)
    functions: dict[tuple[str, str], Callable[..., Any]] = {}
    if plugins is not None:
        for name, (plugin, func) in _collect(plugins, NORMALISERS_HOOK, "normaliser", normalisers).items():
            normalisers[name] = _guarded("normaliser", name, plugin, func)
            functions[("normaliser", name)] = func
        for name, (plugin, func) in _collect(plugins, AGGREGATORS_HOOK, "aggregator", aggregators).items():
            aggregators[name] = vectorise(name, _guarded("aggregator", name, plugin, func))
            functions[("aggregator", name)] = func
    return Methods(normalisers, aggregators, functions)


def parameters_problem(function: Callable[..., Any], given: Mapping[str, Any], supplied: int) -> str | None:
    """Whether a pipeline step's parameters fit ``function``: the first ``supplied`` arguments come
    from the engine (the data, the weights); the rest are the step's, checked by name and — where
    the function declares ``float``, ``int`` or ``bool`` — by type.

    :returns: what is wrong, or ``None``.
    """
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):  # a callable without a signature: nothing to check against
        return None
    params = list(signature.parameters.values())
    if any(p.kind is p.VAR_KEYWORD for p in params):
        return None
    accepted = {p.name: p for p in params[supplied:] if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}
    unknown = sorted(set(given) - set(accepted))
    if unknown:
        names = ", ".join(sorted(accepted)) or "none"
        return f"unknown parameter(s) {', '.join(map(repr, unknown))}; this method takes: {names}"
    for name, value in given.items():
        expected = _annotation(accepted[name])
        if expected is not None and not _fits(value, expected):
            return f"parameter {name!r} must be {expected}, got {value!r}"
    return None


def _annotation(parameter: inspect.Parameter) -> str | None:
    annotation = parameter.annotation
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    return text if text in ("float", "int", "bool") else None


def _fits(value: Any, expected: str) -> bool:
    if expected == "bool":
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    return isinstance(value, int) if expected == "int" else isinstance(value, (int, float))
