"""Array type aliases shared by the panel modules."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.floating[Any]]
IntArray = npt.NDArray[np.integer[Any]]
BoolArray = npt.NDArray[np.bool_]


def str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """Converter: any iterable of codes to a tuple."""
    return tuple(values)


def year_tuple(values: Iterable[int | None]) -> tuple[int | None, ...]:
    """Converter: any iterable of years to a tuple."""
    return tuple(values)


def parent_tuple(values: Iterable[str | None]) -> tuple[str | None, ...]:
    """Converter: any iterable of parent codes to a tuple."""
    return tuple(values)
