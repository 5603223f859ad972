"""Calling plugin code so that a failing plugin is reported by name and left out.

Every call into a plugin — its import, its registration, each hook, a dimension's
``definition()`` — runs through :func:`guard`. A plugin that raises (``SystemExit`` included),
returns the wrong type or breaks the hook contract becomes a :class:`PluginFault`: recorded on
the plugin manager, reported (the command line prints a warning), and the plugin is unregistered
so that nothing else of it runs. With ``strict`` the fault is a :class:`PluginError` instead.

Scoring asks :func:`dimension_faults` for the faults of plugins that declare dimensions: those
dimensions are missing, so the overall score is withheld rather than silently re-weighted.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import pluggy
from attrs import define, field, frozen

from lawgov_score.entry_points import installed
from lawgov_score.errors import InputError, PluginError
from lawgov_score.model.framework import Dimension
from lawgov_score.model.observation import Observation

T = TypeVar("T")
DIMENSIONS_HOOK = "lawgov_score_register_dimensions"
READER_HOOK = "lawgov_score_read_document"


@frozen
class PluginFault:
    """A plugin that failed: who it is, at which stage, and why."""

    name: str
    module: str
    distribution: str
    version: str
    stage: str
    """``import``, ``register`` (the hook contract), a hook's name, ``definition()`` …"""
    error: str
    """``ExceptionType: message``, or what was wrong with what it returned."""
    declares_dimensions: bool = False

    @property
    def message(self) -> str:
        """One line for a person: the plugin, where it failed, the cause, the consequence."""
        return (
            f"plugin {self.name!r} (entry point {self.module}, distribution {self.distribution} {self.version}) "
            f"failed in {self.stage}: {self.error}; it is left out"
        )


@define
class Health:
    """What a plugin manager knows about its plugins' faults (one per manager, never global)."""

    strict: bool = False
    report: Callable[[PluginFault], None] | None = None
    faults: list[PluginFault] = field(factory=list)
    providers: weakref.WeakKeyDictionary[object, str] = field(factory=weakref.WeakKeyDictionary)
    """Dimension plugin object → the name of the plugin that declared it."""


_HEALTH = "_lawgov_health"


def health(pm: pluggy.PluginManager) -> Health:
    """The fault record of ``pm`` (made on first use for a manager built elsewhere)."""
    record: Health | None = getattr(pm, _HEALTH, None)
    if record is None:
        record = Health()
        setattr(pm, _HEALTH, record)
    return record


def configure(pm: pluggy.PluginManager, strict: bool, report: Callable[[PluginFault], None] | None) -> None:
    """Set how ``pm`` treats faults: raise them (``strict``), and whom to tell (``report``)."""
    record = health(pm)
    record.strict, record.report = strict, report


def faults(pm: pluggy.PluginManager) -> list[PluginFault]:
    """Every fault recorded on ``pm``, in the order they happened."""
    return list(health(pm).faults)


def dimension_faults(pm: pluggy.PluginManager) -> list[PluginFault]:
    """The faults of plugins that declare dimensions: the scores that needed them are withheld."""
    return [fault for fault in health(pm).faults if fault.declares_dimensions]


def describe(pm: pluggy.PluginManager, name: str, plugin: object | None = None) -> tuple[str, str, str]:
    """``(module, distribution, version)`` of the plugin registered under ``name``."""
    for entry_point in installed():
        if entry_point.name == name:
            return entry_point.value, entry_point.distribution, entry_point.version
    plugin = plugin if plugin is not None else pm.get_plugin(name)
    module = getattr(plugin, "__name__", None) or type(plugin).__module__
    return str(module), "?", "?"


def record_fault(
    pm: pluggy.PluginManager, name: str, stage: str, error: str, plugin: object | None = None
) -> PluginFault:
    """Record that plugin ``name`` failed at ``stage``, leave it out, report it.

    :raises PluginError: the manager is strict.
    """
    plugin = plugin if plugin is not None else pm.get_plugin(name)
    module, distribution, version = describe(pm, name, plugin)
    fault = PluginFault(name, module, distribution, version, stage, error,
                        declares_dimensions=hasattr(plugin, DIMENSIONS_HOOK))
    record = health(pm)
    if record.strict:
        raise PluginError(fault.message.replace("; it is left out", ""))
    if all((f.name, f.stage) != (name, stage) for f in record.faults):
        record.faults.append(fault)
        if record.report is not None:
            record.report(fault)
    if pm.get_plugin(name) is not None:
        pm.unregister(name=name)
    pm.set_blocked(name)  # not registered again by a later call
    return fault


def describe_error(error: BaseException) -> str:
    """``Type: message`` of an exception raised by plugin code."""
    if isinstance(error, SystemExit):
        return f"SystemExit: it called sys.exit({error.code!r})"
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def guard(pm: pluggy.PluginManager, name: str, stage: str, call: Callable[[], T]) -> T | None:
    """``call()``, or ``None`` when it raised (the fault recorded, the plugin left out).

    ``SystemExit`` from a plugin is a fault like any exception; ``KeyboardInterrupt`` is the
    user's Ctrl-C and goes on.
    """
    try:
        return call()
    except (Exception, SystemExit) as error:
        record_fault(pm, name, stage, describe_error(error))
        return None


def implementations(pm: pluggy.PluginManager, hook_name: str) -> list[pluggy.HookImpl]:
    """The implementations of a hook in the order pluggy calls them (last registered, tryfirst first)."""
    return list(reversed(getattr(pm.hook, hook_name).get_hookimpls()))


def call_one(pm: pluggy.PluginManager, hook_name: str, impl: pluggy.HookImpl, **kwargs: Any) -> Any:
    """One plugin's implementation of a hook — through a hook caller, so that hook tracing shows it."""
    hook = getattr(pm.hook, hook_name)
    others = [other.plugin for other in hook.get_hookimpls() if other is not impl]
    caller = pm.subset_hook_caller(hook_name, others)
    answers = caller(**kwargs)
    if hook.spec is not None and hook.spec.opts.get("firstresult"):
        return answers
    return answers[0] if answers else None


def call_each(pm: pluggy.PluginManager, hook_name: str, **kwargs: Any) -> Iterator[tuple[str, Any]]:
    """``(plugin name, answer)`` of each plugin implementing ``hook_name``, one call each, each
    guarded: a plugin that raises is left out and the others still answer."""
    for impl in implementations(pm, hook_name):
        name = impl.plugin_name
        if pm.get_plugin(name) is None:  # left out by an earlier fault in this loop
            continue
        answer = guard(pm, name, hook_name, lambda impl=impl: call_one(pm, hook_name, impl, **kwargs))  # type: ignore[misc]
        if pm.get_plugin(name) is not None:
            yield name, answer


def method_table_problem(table: object) -> str | None:
    """What is wrong with a registration hook's answer (``{name: function}``), or ``None``."""
    if table is None:
        return None
    if not isinstance(table, Mapping):
        return f"returned a {type(table).__name__}, expected a dict of name to function"
    for name, function in table.items():
        if not isinstance(name, str) or not name:
            return f"registered a method under {name!r}, expected a name"
        if not callable(function):
            return f"registered {name!r} as a {type(function).__name__}, expected a function"
    return None


def guard_readers(pm: pluggy.PluginManager, plugin: object) -> None:
    """Isolate ``plugin``'s reader (``lawgov_score_read_document``) wherever the hook is called.

    Its implementation is wrapped where pluggy keeps it: an :class:`InputError` is the reader
    saying the file is of its format but unreadable, and goes on to the caller; any other
    exception, or an answer that is not ``(text, format, encoding[, warnings])``, is a fault of the
    plugin — recorded, the plugin left out — and the hook goes on to the next reader, as if
    this one had answered ``None``.
    """
    for impl in getattr(pm.hook, READER_HOOK).get_hookimpls():
        if impl.plugin is plugin:
            setattr(impl, "function", _guarded_reader(pm, impl.plugin_name, impl.function))  # noqa: B010


def _read_result(answer: object) -> bool:
    """Whether a reader's answer is ``(text, format, encoding)`` strings, optionally with a tuple of
    warning strings (:data:`lawgov_score.hookspecs.ReadResult`)."""
    if not isinstance(answer, tuple) or len(answer) not in (3, 4):
        return False
    if not all(isinstance(part, str) for part in answer[:3]):
        return False
    return len(answer) == 3 or (isinstance(answer[3], tuple) and all(isinstance(w, str) for w in answer[3]))


def _guarded_reader(pm: pluggy.PluginManager, name: str, read: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(read)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            answer = read(*args, **kwargs)
        except InputError:
            raise
        except (Exception, SystemExit) as error:
            record_fault(pm, name, READER_HOOK, describe_error(error))
            return None
        if answer is not None and not _read_result(answer):
            record_fault(pm, name, READER_HOOK,
                         f"returned {_shape(answer)}, expected (text, format, encoding[, warnings])")
            return None
        return answer

    return guarded


def _shape(value: object) -> str:
    if isinstance(value, tuple):
        return f"a tuple of {', '.join(type(part).__name__ for part in value) or 'nothing'}"
    return f"a {type(value).__name__}"


def checked_observations(found: object, dimension: Dimension) -> dict[str, Observation]:
    """A dimension plugin's answer, checked: observations (an iterable of
    :class:`~lawgov_score.model.observation.Observation`), keyed by indicator id; those of
    indicators ``dimension`` does not have (a framework file dropped them) are left out.

    :raises TypeError: it is not an iterable of observations.
    """
    if isinstance(found, (str, bytes)) or not hasattr(found, "__iter__"):
        raise TypeError(f"assess() returned a {type(found).__name__}, expected observations")
    known = {indicator.id for indicator in dimension.indicators}
    out: dict[str, Observation] = {}
    for observation in found:
        if not isinstance(observation, Observation):
            raise TypeError(f"assess() returned a {type(observation).__name__} among its observations")
        if observation.indicator in known:
            out[observation.indicator] = observation
    return out
