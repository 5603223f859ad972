"""Building the plugin manager: entry points loaded one by one, failures named precisely.

Environment switches, in the pytest style:

``LAWGOV_SCORE_DISABLE_PLUGINS=d06,acme``
    do not load these entry-point names (the CLI's ``--disable-plugin`` adds to them);
``LAWGOV_SCORE_DISABLE_PLUGIN_AUTOLOAD=1``
    load no entry points at all (tests and embedders register plugins by hand);
``LAWGOV_SCORE_TRACE_HOOKS=1``
    print every hook call and result to stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from importlib import metadata
from types import ModuleType

import pluggy
from attrs import evolve, frozen

from lawgov_score import hookspecs
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.errors import PluginError

ENTRY_POINT_GROUP = "lawgov_score"
DISABLE_ENV = "LAWGOV_SCORE_DISABLE_PLUGINS"
AUTOLOAD_ENV = "LAWGOV_SCORE_DISABLE_PLUGIN_AUTOLOAD"
TRACE_ENV = "LAWGOV_SCORE_TRACE_HOOKS"


@frozen
class PluginInfo:
    """An installed plugin as a user sees it in ``lawgov-score plugins``."""

    name: str
    module: str
    distribution: str
    version: str
    dimensions: tuple[str, ...] = ()
    error: str | None = None


def disabled_from_environment() -> set[str]:
    """The plugin names listed in ``LAWGOV_SCORE_DISABLE_PLUGINS``."""
    raw = os.environ.get(DISABLE_ENV, "")
    return {name.strip() for name in raw.split(",") if name.strip()}


def get_plugin_manager(
    disabled: Iterable[str] = (), *, autoload: bool | None = None, strict_load: bool = False
) -> pluggy.PluginManager:
    """Build a fresh plugin manager with every installed plugin that is not disabled.

    :param disabled: entry-point names not to load, on top of ``LAWGOV_SCORE_DISABLE_PLUGINS``.
    :param autoload: load entry points; ``None`` means unless ``LAWGOV_SCORE_DISABLE_PLUGIN_AUTOLOAD``.
    :param strict_load: raise :class:`PluginError` when a plugin fails to import, instead of
        recording it (see :func:`load_failures`).
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    if autoload is None:
        autoload = not os.environ.get(AUTOLOAD_ENV)
    blocked = set(disabled) | disabled_from_environment()
    failures: list[PluginInfo] = []
    if autoload:
        for entry_point in _entry_points():
            if entry_point.name in blocked:
                pm.set_blocked(entry_point.name)
                continue
            try:
                plugin = entry_point.load()
            except Exception as error:  # any import-time error of third-party code
                info = _describe(entry_point, error=f"{type(error).__name__}: {error}")
                if strict_load:
                    raise PluginError(_failure_message(info)) from error
                failures.append(info)
                continue
            pm.register(plugin, name=entry_point.name)
    pm._lawgov_load_failures = failures  # type: ignore[attr-defined]
    if os.environ.get(TRACE_ENV):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    return pm


def load_failures(pm: pluggy.PluginManager) -> list[PluginInfo]:
    """The plugins that failed to import when ``pm`` was built."""
    return list(getattr(pm, "_lawgov_load_failures", []))


def _failure_message(info: PluginInfo) -> str:
    return (
        f"plugin {info.name!r} (entry point {info.module}, distribution {info.distribution} "
        f"{info.version}) failed to load: {info.error}"
    )


def _entry_points() -> list[metadata.EntryPoint]:
    # Sorted by name so that registration order never depends on how the installer listed them.
    return sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)


def _describe(entry_point: metadata.EntryPoint, error: str | None = None) -> PluginInfo:
    dist = entry_point.dist
    return PluginInfo(
        name=entry_point.name,
        module=entry_point.value,
        distribution=dist.name if dist is not None else "?",
        version=dist.version if dist is not None else "?",
        error=error,
    )


def load_dimensions(pm: pluggy.PluginManager) -> list[DimensionPlugin]:
    """Collect every registered dimension plugin, sorted by code; a duplicate code is an error."""
    by_code: dict[str, tuple[DimensionPlugin, str]] = {}
    for plugin, impl in _dimension_results(pm):
        code = plugin.code
        if code in by_code:
            raise PluginError(
                f"dimension {code} is provided twice: by plugin {by_code[code][1]!r} "
                f"and by plugin {impl!r}; disable one of them (--disable-plugin NAME)"
            )
        by_code[code] = (plugin, impl)
    return [by_code[code][0] for code in sorted(by_code, key=dimension_sort_key)]


def _dimension_results(pm: pluggy.PluginManager) -> list[tuple[DimensionPlugin, str]]:
    results: list[tuple[DimensionPlugin, str]] = []
    hook = pm.hook.lawgov_score_register_dimensions
    impls = hook.get_hookimpls()
    for impl in impls:
        # One plugin at a time, to know who declared what; through a hook caller rather than
        # impl.function(), so that LAWGOV_SCORE_TRACE_HOOKS shows the call.
        caller = pm.subset_hook_caller(hook.name, [other.plugin for other in impls if other is not impl])
        answers: list[Sequence[object] | None] = caller()
        declared: Sequence[object] = (answers[0] if answers else None) or ()
        for plugin in declared:
            if not isinstance(plugin, DimensionPlugin):
                raise PluginError(
                    f"plugin {impl.plugin_name!r}: lawgov_score_register_dimensions returned "
                    f"{type(plugin).__name__}, expected a lawgov_score.dimension.DimensionPlugin"
                )
            results.append((plugin, impl.plugin_name))
    return results


def dimension_sort_key(code: str) -> tuple[str, int, str]:
    """Order D2 before D10: letters, then the number, then the rest."""
    head = code.rstrip("0123456789")
    digits = code[len(head) :]
    return (head, int(digits) if digits else -1, code)


def plugin_name_of(pm: pluggy.PluginManager, plugin: DimensionPlugin) -> str:
    """The entry-point name of the plugin module that declared ``plugin``."""
    module = type(plugin).__module__
    for name, registered in pm.list_name_plugin():
        if isinstance(registered, ModuleType) and registered.__name__ == module:
            return name
    return module


def describe_plugins(pm: pluggy.PluginManager) -> list[PluginInfo]:
    """Every plugin installed for the group: loaded ones with their dimensions, and failures."""
    loaded = {name for name, plugin in pm.list_name_plugin() if plugin is not None}
    dims: dict[str, list[str]] = {}
    for plugin, impl in _dimension_results(pm):
        dims.setdefault(impl, []).append(plugin.code)
    infos: list[PluginInfo] = []
    failed = {info.name: info for info in load_failures(pm)}
    for entry_point in _entry_points():
        if entry_point.name in failed:
            infos.append(failed[entry_point.name])
        elif entry_point.name in loaded:
            infos.append(evolve(_describe(entry_point), dimensions=tuple(dims.get(entry_point.name, ()))))
        else:
            infos.append(_describe(entry_point, error="disabled"))
    return infos


def plugin_versions(pm: pluggy.PluginManager, names: Sequence[str] | None = None) -> dict[str, str]:
    """Entry-point name → distribution version, for the provenance of an assessment."""
    versions: dict[str, str] = {}
    loaded = {name for name, plugin in pm.list_name_plugin() if plugin is not None}
    for entry_point in _entry_points():
        if entry_point.name in loaded and (names is None or entry_point.name in names):
            versions[entry_point.name] = entry_point.dist.version if entry_point.dist else "?"
    return versions
