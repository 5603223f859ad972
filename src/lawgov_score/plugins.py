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
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from functools import lru_cache
from types import ModuleType

import pluggy
from attrs import evolve, frozen

from lawgov_score import entry_points, hookspecs
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.errors import PluginError
from lawgov_score.model.framework import Dimension
from lawgov_score.plugin_guard import (
    DIMENSIONS_HOOK,
    PluginFault,
    call_each,
    configure,
    describe_error,
    faults,
    guard_readers,
    health,
    record_fault,
)

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
    """Why it is not in use: ``disabled``, or the cause of its fault."""
    stage: str | None = None
    """Where a broken plugin failed: ``import``, ``register``, a hook's name, ``definition()`` …"""

    @property
    def status(self) -> str:
        """``ok``, ``disabled`` or ``broken``."""
        return "ok" if self.error is None else "disabled" if self.error == "disabled" else "broken"


def disabled_from_environment() -> set[str]:
    """The plugin names listed in ``LAWGOV_SCORE_DISABLE_PLUGINS``."""
    raw = os.environ.get(DISABLE_ENV, "")
    return {name.strip() for name in raw.split(",") if name.strip()}


def get_plugin_manager(
    disabled: Iterable[str] = (),
    *,
    autoload: bool | None = None,
    strict: bool = False,
    report: Callable[[PluginFault], None] | None = None,
) -> pluggy.PluginManager:
    """Build a fresh plugin manager with every installed plugin that is not disabled.

    A plugin that fails to import or to register (a hook implementation asking for an argument
    its hook does not pass, a hook name no spec declares) is left out and recorded
    (:func:`lawgov_score.plugin_guard.faults`), as are later faults of its hooks.

    :param disabled: entry-point names not to load, on top of ``LAWGOV_SCORE_DISABLE_PLUGINS``.
    :param autoload: load entry points; ``None`` means unless ``LAWGOV_SCORE_DISABLE_PLUGIN_AUTOLOAD``.
    :param strict: raise :class:`PluginError` on any plugin fault instead of recording it.
    :param report: called with each fault as it is recorded (the command line prints a warning).
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    configure(pm, strict, report)
    if autoload is None:
        autoload = not os.environ.get(AUTOLOAD_ENV)
    blocked = set(disabled) | disabled_from_environment()
    if autoload:
        for entry_point in entry_points.installed():
            if entry_point.name in blocked:
                pm.set_blocked(entry_point.name)
                continue
            try:
                plugin = entry_point.load()
            except (Exception, SystemExit) as error:  # any import-time error of third-party code
                record_fault(pm, entry_point.name, "import", describe_error(error), plugin=None)
                continue
            register(pm, plugin, entry_point.name)
    if os.environ.get(TRACE_ENV):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    return pm


def installed_plugin_manager() -> pluggy.PluginManager:
    """The plugin manager of the installed plugins (:func:`get_plugin_manager` with its defaults),
    built once per process: building one imports every plugin, which costs more than scoring a report.

    It is kept for each value of what chooses the plugins (:func:`plugin_setting`) and of
    ``sys.path``, and built anew every time while ``LAWGOV_SCORE_TRACE_HOOKS`` is set, so that the
    trace shows every call. A plugin that faults is left out of it for the rest of the process.
    After installing or removing a plugin in a running process,
    ``installed_plugin_manager.cache_clear()`` forgets it and the entry points found.
    """
    setting = plugin_setting()
    if setting is None:
        return get_plugin_manager()
    return _installed(*setting, tuple(sys.path))


def plugin_setting() -> tuple[frozenset[str], bool] | None:
    """What chooses the installed plugins — the disabled names and the autoload switch — or
    ``None`` while hooks are traced (nothing is kept then, so that the trace shows every call)."""
    if os.environ.get(TRACE_ENV):
        return None
    return frozenset(disabled_from_environment()), not os.environ.get(AUTOLOAD_ENV)


# The arguments are the cache key only: get_plugin_manager() reads the same settings.
@lru_cache(maxsize=8)
def _installed(disabled: frozenset[str], autoload: bool, path: tuple[str, ...]) -> pluggy.PluginManager:
    return get_plugin_manager()


def _forget_installed() -> None:
    _installed.cache_clear()
    entry_points.installed.cache_clear()  # type: ignore[attr-defined]


installed_plugin_manager.cache_clear = _forget_installed  # type: ignore[attr-defined]


def register(pm: pluggy.PluginManager, plugin: object, name: str | None = None) -> str | None:
    """Register ``plugin`` as an entry point's plugin is: checked against the hook specs, its
    reader isolated (:func:`lawgov_score.plugin_guard.guard_readers`). Programs that register
    plugins by hand call this rather than ``pm.register``.

    :returns: the name it is registered under, or ``None`` if it was left out (or is blocked).
    """
    try:
        registered = pm.register(plugin, name=name)
    except pluggy.PluginValidationError as error:
        # pluggy's message: the plugin and hook, the implementation's signature, what is wrong
        details = "; ".join(line.strip() for line in str(error).splitlines()[1:] if line.strip()) or str(error)
        record_fault(pm, name or str(id(plugin)), "register", f"it breaks the hook contract: {details}", plugin)
        return None
    except (Exception, SystemExit) as error:  # reading the plugin's attributes ran its code
        record_fault(pm, name or str(id(plugin)), "register", describe_error(error), plugin)
        return None
    if registered is None:  # blocked
        return None
    unknown = sorted(c.name for c in pm.get_hookcallers(plugin) or () if c.spec is None)
    if unknown:
        record_fault(pm, registered, "register", f"it implements hooks that do not exist: {', '.join(unknown)}")
        return None
    guard_readers(pm, plugin)
    return registered


def _describe(entry_point: entry_points.EntryPoint, error: str | None = None) -> PluginInfo:
    return PluginInfo(name=entry_point.name, module=entry_point.value, distribution=entry_point.distribution,
                      version=entry_point.version, error=error)


def load_dimensions(pm: pluggy.PluginManager) -> list[DimensionPlugin]:
    """Collect every registered dimension plugin, sorted by code; a duplicate code is an error.

    A plugin whose hook raises or returns something other than dimension plugins, or one of
    whose dimensions cannot give its ``definition()``, is left out whole (and recorded).
    """
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
    # One plugin at a time, to know who declared what, through a hook caller so that
    # LAWGOV_SCORE_TRACE_HOOKS shows each call; each call guarded.
    for name, declared in call_each(pm, DIMENSIONS_HOOK):
        problem = _declaration_problem(declared)
        if problem is None:
            problem = next((p for p in map(_definition_problem, declared or ()) if p is not None), None)
        if problem is not None:
            stage, cause = problem
            record_fault(pm, name, stage, cause)
            continue
        for plugin in declared or ():
            results.append((plugin, name))
            with suppress(TypeError):  # a plugin object that cannot be weakly referenced
                health(pm).providers[plugin] = name
    return results


def _declaration_problem(declared: object) -> tuple[str, str] | None:
    if declared is None:
        return None
    if not isinstance(declared, (list, tuple)):
        return DIMENSIONS_HOOK, f"returned a {type(declared).__name__}, expected a list of DimensionPlugin"
    wrong = next((item for item in declared if not isinstance(item, DimensionPlugin)), None)
    if wrong is not None:
        return DIMENSIONS_HOOK, f"returned a {type(wrong).__name__}, expected a lawgov_score.dimension.DimensionPlugin"
    return None


def _definition_problem(plugin: DimensionPlugin) -> tuple[str, str] | None:
    stage = f"{type(plugin).__name__}.definition()"
    try:
        definition = plugin.definition()
    except (Exception, SystemExit) as error:
        return stage, describe_error(error)
    if not isinstance(definition, Dimension):
        return stage, f"returned a {type(definition).__name__}, expected a lawgov_score.model.framework.Dimension"
    return None


def dimension_sort_key(code: str) -> tuple[str, int, str]:
    """Order D2 before D10: letters, then the number, then the rest."""
    head = code.rstrip("0123456789")
    digits = code[len(head) :]
    return (head, int(digits) if digits else -1, code)


def plugin_name_of(pm: pluggy.PluginManager, plugin: DimensionPlugin) -> str:
    """The entry-point name of the plugin that declared ``plugin`` (a module, or any object)."""
    declared_by = health(pm).providers.get(plugin)
    if declared_by is not None and not declared_by.isdigit():  # pluggy names an unnamed plugin by its id()
        return declared_by
    module = type(plugin).__module__
    for name, registered in pm.list_name_plugin():
        if isinstance(registered, ModuleType) and registered.__name__ == module:
            return name
    return module


def describe_plugins(pm: pluggy.PluginManager) -> list[PluginInfo]:
    """Every plugin installed for the group: loaded ones with their dimensions, broken ones with
    the stage and cause of their fault, disabled ones.

    The dimension hook is called here, so that a plugin that fails in it is listed as broken;
    the panel's method hooks show their faults once they have been collected
    (:func:`lawgov_score.panel.registry.resolve_methods`, as ``lawgov-score plugins`` does), a
    reader's once it has been asked to read a file.
    """
    dims: dict[str, list[str]] = {}
    for plugin, impl in _dimension_results(pm):
        dims.setdefault(impl, []).append(plugin.code)
    broken: dict[str, PluginFault] = {}
    for fault in faults(pm):
        broken.setdefault(fault.name, fault)
    loaded = {name for name, plugin in pm.list_name_plugin() if plugin is not None}
    infos: list[PluginInfo] = []
    for entry_point in entry_points.installed():
        if entry_point.name in broken:
            fault = broken[entry_point.name]
            infos.append(evolve(_describe(entry_point, error=fault.error), stage=fault.stage))
        elif entry_point.name in loaded:
            infos.append(evolve(_describe(entry_point), dimensions=tuple(dims.get(entry_point.name, ()))))
        else:
            infos.append(_describe(entry_point, error="disabled"))
    return infos


def plugin_versions(pm: pluggy.PluginManager, names: Sequence[str] | None = None) -> dict[str, str]:
    """Entry-point name → distribution version, for the provenance of an assessment."""
    versions: dict[str, str] = {}
    loaded = {name for name, plugin in pm.list_name_plugin() if plugin is not None}
    for entry_point in entry_points.installed():
        if entry_point.name in loaded and (names is None or entry_point.name in names):
            versions[entry_point.name] = entry_point.version
    return versions
