"""Turning model objects into JSON-ready dicts and back, exactly.

One generic pair of functions driven by the attrs field types, so that a new field needs no
serialisation code — and the schema-drift test catches a field the schema does not know.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, TypeVar, Union

import attrs

T = TypeVar("T")


# Values that are their own JSON form; tested before any call, since most values are such leaves
# (an assessment has about 5,000 values: 0.5 ms instead of 1.4).
_LEAVES = frozenset((str, int, float, bool, type(None)))


def to_dict(obj: Any) -> Any:
    """A JSON-ready copy of an attrs object: tuples become lists, nested objects dicts."""
    kind = type(obj)
    if kind in _LEAVES:
        return obj
    names = _value_fields(obj.__class__)
    if names is not None:
        out: dict[str, Any] = {}
        for name in names:
            value = getattr(obj, name)
            out[name] = value if type(value) in _LEAVES else to_dict(value)
        return out
    if isinstance(obj, (list, tuple)):
        return [item if type(item) in _LEAVES else to_dict(item) for item in obj]
    if isinstance(obj, dict):
        return {str(key): value if type(value) in _LEAVES else to_dict(value) for key, value in obj.items()}
    return obj


@cache
def _value_fields(cls: type) -> tuple[str, ...] | None:
    """The fields of an attrs class that make its value (``None``: not an attrs class); a field
    left out of equality (a cache such as Document.offsets) is not part of the value."""
    return tuple(f.name for f in attrs.fields(cls) if f.eq) if attrs.has(cls) else None


def from_dict(cls: type[T], data: Any) -> T:
    """Build an instance of the attrs class ``cls`` from what :func:`to_dict` produced."""
    return typing.cast(T, _structure(cls, data))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _structure(annotation: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and attrs.has(annotation):
        hints = _hints(annotation)
        kwargs = {
            f.name: _structure(hints[f.name], data[f.name])
            for f in attrs.fields(annotation)
            if f.init and f.name in data
        }
        return annotation(**kwargs)
    if origin in (Union, types.UnionType):
        options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _structure(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        item_type = typing.get_args(annotation)[0]
        return tuple(_structure(item_type, item) for item in data)
    if origin is dict:
        value_type = typing.get_args(annotation)[1]
        return {key: _structure(value_type, value) for key, value in data.items()}
    if annotation is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    return data
