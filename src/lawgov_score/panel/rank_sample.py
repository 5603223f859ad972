"""The replicate ranks of every unit, kept compactly, and their exact quantiles.

A rank is a whole number no larger than the number of units, so the ranks of up to 65,534 units
fit in two bytes: a run of R replicates over n units holds 2·n·R bytes, and each unit's quantiles
are order statistics found by a partial sort of its own row, a block of units at a time. Time and
memory grow linearly in the number of units (a histogram of ranks per unit would be n², which at
10,000 units is 800 MB of counts and a pass over all of them for every chunk of replicates).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from lawgov_score.panel.types import FloatArray

BLOCK_BYTES = 32 * 2**20
"""Size of the block of rows sorted at a time."""


class RankSample:
    """Ranks of ``n_units`` units over ``n_replicates`` replicates, added a chunk of replicates at a time.

    :param n_units: number of units.
    :param n_replicates: number of replicates that will be added.
    """

    def __init__(self, n_units: int, n_replicates: int) -> None:
        dtype = np.uint16 if n_units < np.iinfo(np.uint16).max else np.uint32
        # a missing rank is stored as the largest value, so that it sorts after every rank
        self.missing = int(np.iinfo(dtype).max)
        self._ranks = np.empty((n_units, n_replicates), dtype=dtype)
        self._filled = 0
        self._any_missing = False

    @property
    def filled(self) -> int:
        """Number of replicates added so far."""
        return self._filled

    def add(self, ranks: FloatArray) -> None:
        """Add a chunk of replicates.

        :param ranks: replicates × units, whole numbers from 1, NaN where a unit has no rank.
        """
        m = ranks.shape[0]
        missing = np.isnan(ranks)
        if missing.any():
            self._any_missing = True
            ranks = np.where(missing, self.missing, ranks)
        self._ranks[:, self._filled : self._filled + m] = ranks.T
        self._filled += m

    def replicates(self) -> FloatArray:
        """Every replicate's ranks as floats, replicates × units, NaN where missing."""
        out: FloatArray = self._ranks[:, : self._filled].T.astype(np.float64)
        out[out == self.missing] = np.nan
        return out

    def quantiles(self, shares: Sequence[float], block_bytes: int = BLOCK_BYTES) -> list[FloatArray]:
        """Per-unit rank quantiles of the "inverse distribution" kind: for share q, the smallest
        rank r such that at least ⌈q·n⌉ of the unit's n ranks are ≤ r (at least the smallest rank).

        :param shares: the shares q in [0, 1].
        :param block_bytes: size of the block of units sorted at a time.
        :returns: one array per share, a quantile per unit (NaN for a unit never ranked).
        """
        ranks = self._ranks[:, : self._filled]
        n_units, total = ranks.shape
        out = [np.full(n_units, np.nan) for _ in shares]
        if total == 0:
            return out
        step = max(1, block_bytes // max(1, total * ranks.itemsize))
        for start in range(0, n_units, step):
            block = ranks[start : start + step]
            rows = slice(start, start + block.shape[0])
            if not self._any_missing:
                # every unit has `total` ranks: the same order statistics for all, by partition
                kth = [_order(share, total) for share in shares]
                parted = np.partition(block, sorted(set(kth)), axis=1)
                for values, k in zip(out, kth, strict=True):
                    values[rows] = parted[:, k]
                continue
            ordered = np.sort(block, axis=1)
            present = (ordered != self.missing).sum(axis=1)
            for values, share in zip(out, shares, strict=True):
                positions = np.array([_order(share, int(n)) if n else 0 for n in present], dtype=np.intp)
                picked = ordered[np.arange(block.shape[0]), positions].astype(np.float64)
                picked[present == 0] = np.nan
                values[rows] = picked
        return out


def _order(share: float, count: int) -> int:
    # 0-based position of the quantile among `count` sorted ranks
    return max(math.ceil(share * count - 1e-9), 1) - 1
