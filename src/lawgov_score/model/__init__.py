"""The indicator model: frameworks, observations and assessments (attrs, frozen)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def tuple_of(items: Iterable[Any]) -> tuple[Any, ...]:
    """attrs converter for sequence fields: any iterable in, a tuple (hashable, immutable) out.

    A named function rather than ``tuple`` itself, because the attrs mypy plugin cannot resolve
    ``tuple``'s type variable and would reject every list passed in.
    """
    return tuple(items)
