"""The bundled seed report: Bao'an District (Shenzhen), 2023 report on building a law-based government."""

from __future__ import annotations

from pathlib import Path

SEED_NAME = "000_3ed9f38cde86c434.txt"


def seed_path() -> Path:
    """The seed report's path: inside the installed wheel, or ``seeds/`` of a source checkout."""
    from importlib import resources  # not at import: it brings tempfile, shutil, bz2 … to every command

    packaged = resources.files("lawgov_score") / "seeds" / SEED_NAME
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "seeds" / SEED_NAME
