"""The pipelines that ship with the library, chosen by name (``rank --pipeline reports``).

* ``reports``: scored reports (``score --format json``) ranked as the single-report score does;
* ``indicators``: a table of raw indicator values, min-max normalised across the units.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

NAMES = ("reports", "indicators")


def pipeline_path(name: str) -> Path:
    """The file of the built-in pipeline ``name`` (one of :data:`NAMES`)."""
    if name not in NAMES:
        raise KeyError(name)
    return Path(str(resources.files(__name__).joinpath(f"{name}.json")))
