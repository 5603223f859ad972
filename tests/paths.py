"""Where the tests find the seed, the gold file and other data (importable from any test)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT / "seeds" / "000_3ed9f38cde86c434.txt"
