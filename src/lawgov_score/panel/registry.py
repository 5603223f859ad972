"""Normaliser and aggregator registries: the built-ins, extended by plugins through two hooks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from attrs import frozen

from lawgov_score.errors import PluginError
from lawgov_score.panel.aggregate import BUILTIN_AGGREGATORS, Aggregator, vectorise
from lawgov_score.panel.normalise import BUILTIN_NORMALISERS, Normaliser


@frozen
class Methods:
    """The normalisers and aggregators a pipeline may name."""

    normalisers: Mapping[str, Normaliser]
    aggregators: Mapping[str, Aggregator]


def _hook_of(plugins: Any) -> Any:
    # a pluggy.PluginManager has .hook; a bare hook relay (or a test double) is used as it is
    return getattr(plugins, "hook", plugins)


def _collect(results: Any, kind: str, builtin: Mapping[str, Any]) -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for mapping in results or ():
        if not isinstance(mapping, Mapping):
            raise PluginError(f"a plugin registered {kind} as {type(mapping).__name__}, expected a dict")
        for name, func in mapping.items():
            if not callable(func):
                raise PluginError(f"{kind} {name!r} registered by a plugin is not callable")
            if name in builtin or name in found:
                raise PluginError(f"{kind} {name!r} is registered twice (built-in or another plugin)")
            found[str(name)] = func
    return found


def resolve_methods(plugins: Any = None) -> Methods:
    """The built-in methods plus those registered by plugins.

    Calls ``lawgov_score_register_normalisers`` and ``lawgov_score_register_aggregators`` once.
    A name registered twice (or shadowing a built-in) is an error, so that installing a plugin
    never silently changes an existing method.

    :param plugins: a :class:`pluggy.PluginManager`, its ``hook`` relay, or ``None`` for built-ins only.
    :returns: the available methods.
    :raises PluginError: a plugin registered something malformed or duplicated.
    """
    normalisers: dict[str, Normaliser] = dict(BUILTIN_NORMALISERS)
    aggregators: dict[str, Aggregator] = dict(BUILTIN_AGGREGATORS)
    if plugins is not None:
        hook = _hook_of(plugins)
        normalisers.update(_collect(hook.lawgov_score_register_normalisers(), "normaliser", normalisers))
        extra = _collect(hook.lawgov_score_register_aggregators(), "aggregator", aggregators)
        aggregators.update({name: vectorise(name, func) for name, func in extra.items()})
    return Methods(normalisers, aggregators)
