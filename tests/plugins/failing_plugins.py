"""Plugins that fail in every way a plugin can, for the tests of plugin isolation.

Each module-level object is one plugin; the tests install it through a real entry point
(``failing_plugins:NAME``, see ``tests/robustness/installed.py``) or register it by hand.
:data:`CASES` says where each one fails, as ``lawgov-score plugins`` must report it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

from lawgov_score import hookimpl
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.errors import InputError
from lawgov_score.model.framework import Dimension, Indicator
from lawgov_score.model.observation import Observation

GOOD = Dimension(code="Z1", title_zh="好维度", indicators=[Indicator("z1.value", "好值", goalposts=(0, 1))])


def __getattr__(name: str) -> Any:
    # An entry point "failing_plugins:exits_on_load" runs this while the plugin is loaded.
    if name == "exits_on_load":
        sys.exit(3)
    if name == "raises_on_load":
        raise RuntimeError("cannot start: no licence key")
    raise AttributeError(name)


class _Good(DimensionPlugin):
    def definition(self) -> Dimension:
        return GOOD


class _RaisesInDefinition(DimensionPlugin):
    def definition(self) -> Dimension:
        raise KeyError("title_zh")


class _DefinitionNotADimension(DimensionPlugin):
    def definition(self) -> Dimension:
        return {"code": "Z2"}  # type: ignore[return-value]


class _ExitsInAssess(_Good):
    def assess(self, document: Any, dimension: Dimension) -> list[Observation]:
        sys.exit(3)


class _AssessReturnsText(_Good):
    def assess(self, document: Any, dimension: Dimension) -> Any:
        return "z1.value = 0.5"


class _NaNObservation(_Good):
    def assess(self, document: Any, dimension: Dimension) -> list[Observation]:
        return [Observation("z1.value", float("nan"))]


class _Dimensions:
    def __init__(self, *plugins: DimensionPlugin) -> None:
        self.plugins = list(plugins)

    @hookimpl
    def lawgov_score_register_dimensions(self) -> list[DimensionPlugin]:
        return self.plugins


class _RaisesInRegister:
    @hookimpl
    def lawgov_score_register_dimensions(self) -> list[DimensionPlugin]:
        raise RuntimeError("registry offline")


class _ExitsInRegister:
    @hookimpl
    def lawgov_score_register_dimensions(self) -> list[DimensionPlugin]:
        sys.exit(3)


class _RegisterReturnsText:
    @hookimpl
    def lawgov_score_register_dimensions(self) -> Any:
        return "Z1"


class _RegisterReturnsObjects:
    @hookimpl
    def lawgov_score_register_dimensions(self) -> Any:
        return [object()]


class _ExtraArgument:
    @hookimpl
    def lawgov_score_register_dimensions(self, config: Any) -> list[DimensionPlugin]:
        return [_Good()]


class _UnknownHook:
    @hookimpl
    def lawgov_score_register_dimension(self) -> list[DimensionPlugin]:  # one letter short
        return [_Good()]


class _ReaderRaises:
    @hookimpl(tryfirst=True)
    def lawgov_score_read_document(self, path: Path, data: bytes) -> tuple[str, str, str] | None:
        raise UnicodeError("the reader's codec table is missing")


class _ReaderReturnsText:
    @hookimpl(tryfirst=True)
    def lawgov_score_read_document(self, path: Path, data: bytes) -> Any:
        return "just the text"


class _ReaderRefuses:
    """A reader that knows the format and says the file is broken: an input error, not a fault."""

    @hookimpl(tryfirst=True)
    def lawgov_score_read_document(self, path: Path, data: bytes) -> tuple[str, str, str] | None:
        if path.suffix == ".zzz":
            raise InputError("the ZZZ file is truncated", str(path))
        return None


class _NormaliserHookRaises:
    @hookimpl
    def lawgov_score_register_normalisers(self) -> dict[str, Any]:
        raise ValueError("bad configuration")


class _NormaliserHookReturnsList:
    @hookimpl
    def lawgov_score_register_normalisers(self) -> Any:
        return [lambda x: x]


class _ShadowsMinmax:
    @hookimpl
    def lawgov_score_register_normalisers(self) -> dict[str, Any]:
        return {"minmax": lambda x, **params: x}


class _AggregatorHookExits:
    @hookimpl
    def lawgov_score_register_aggregators(self) -> dict[str, Any]:
        sys.exit(3)


def _explode(x: Any, **params: Any) -> Any:
    raise ZeroDivisionError("division by zero in the plugin's normaliser")


def _infinite(x: Any, **params: Any) -> Any:
    return np.full_like(x, np.inf)


class _MethodsThatFail:
    @hookimpl
    def lawgov_score_register_normalisers(self) -> dict[str, Any]:
        return {"explode": _explode, "infinite": _infinite}


good = _Dimensions(_Good())
raises_in_register = _RaisesInRegister()
exits_in_register = _ExitsInRegister()
register_returns_text = _RegisterReturnsText()
register_returns_objects = _RegisterReturnsObjects()
extra_argument = _ExtraArgument()
unknown_hook = _UnknownHook()
raises_in_definition = _Dimensions(_RaisesInDefinition())
definition_not_a_dimension = _Dimensions(_DefinitionNotADimension())
reader_raises = _ReaderRaises()
reader_returns_text = _ReaderReturnsText()
reader_refuses = _ReaderRefuses()
normaliser_hook_raises = _NormaliserHookRaises()
normaliser_hook_returns_list = _NormaliserHookReturnsList()
shadows_minmax = _ShadowsMinmax()
aggregator_hook_exits = _AggregatorHookExits()
methods_that_fail = _MethodsThatFail()
# Faults while scoring: recorded in the assessment, not in `plugins`.
exits_in_assess = _Dimensions(_ExitsInAssess())
assess_returns_text = _Dimensions(_AssessReturnsText())
nan_observation = _Dimensions(_NaNObservation())

# name → (stage `lawgov-score plugins` reports, words of the cause), for the plugins that are
# broken before anything is read or scored.
CASES: dict[str, tuple[str, str]] = {
    "raises_on_load": ("import", "RuntimeError: cannot start: no licence key"),
    "exits_on_load": ("import", "SystemExit: it called sys.exit(3)"),
    "raises_in_register": ("lawgov_score_register_dimensions", "RuntimeError: registry offline"),
    "exits_in_register": ("lawgov_score_register_dimensions", "SystemExit: it called sys.exit(3)"),
    "register_returns_text": ("lawgov_score_register_dimensions", "returned a str, expected a list"),
    "register_returns_objects": ("lawgov_score_register_dimensions", "returned a object, expected"),
    "extra_argument": ("register", "config"),
    "unknown_hook": ("register", "lawgov_score_register_dimension"),
    "raises_in_definition": ("_RaisesInDefinition.definition()", "KeyError: 'title_zh'"),
    "definition_not_a_dimension": ("_DefinitionNotADimension.definition()", "returned a dict"),
    "normaliser_hook_raises": ("lawgov_score_register_normalisers", "ValueError: bad configuration"),
    "normaliser_hook_returns_list": ("lawgov_score_register_normalisers", "returned a list"),
    "shadows_minmax": ("lawgov_score_register_normalisers", "'minmax', a name already taken"),
    "aggregator_hook_exits": ("lawgov_score_register_aggregators", "SystemExit: it called sys.exit(3)"),
}
