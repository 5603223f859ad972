"""The limits that keep hostile or broken input from exhausting time or memory, in one place.

Every limit has a default meant to be far above any real report or table, a name, and an
environment variable that raises it (``LAWGOV_SCORE_MAX_<NAME>``, a whole number; ``0`` means
no limit). Stages read them through :func:`current` when they start, so a test or a user can
change a limit for one run. The docs page "Limits and errors" lists them all.
"""

from __future__ import annotations

import os

from attrs import fields, frozen

from lawgov_score.errors import InputError

ENV_PREFIX = "LAWGOV_SCORE_MAX_"


@frozen
class Limits:
    """The limits in force; each is a whole number, ``0`` for none."""

    file_bytes: int = 200 * 2**20
    """Size of one input file as stored (a report, a table, a framework, a pipeline)."""
    text_chars: int = 50 * 2**20
    """Characters of a report's decoded text."""
    archive_bytes: int = 500 * 2**20
    """Uncompressed size of the parts of a DOCX (or other zip-based) file that are read."""
    pdf_pages: int = 5_000
    """Pages of a PDF."""
    pdf_inflated_bytes: int = 256 * 2**20
    """Inflated size of a PDF's compressed streams other than images (a stream of 300 MB of spaces
    compresses to 300 kB), checked before the PDF is opened."""
    json_depth: int = 200
    """Nesting depth of a JSON input."""
    csv_field_chars: int = 1 * 2**20
    """Characters of one CSV field."""
    hierarchy_depth: int = 100
    """Levels of an indicator hierarchy (framework or pipeline)."""
    uncertainty_bytes: int = 8 * 2**30
    """Working memory an uncertainty run may plan for (units × replicates × nodes), checked before it starts."""

    def check(self, name: str, value: float, source: str | None, what: str) -> None:
        """Raise :class:`InputError` naming the limit and how to raise it when ``value`` exceeds it."""
        limit = getattr(self, name)
        if limit and value > limit:
            raise InputError(
                f"{what} is {value:,.0f}, above the limit of {limit:,} "
                f"(raise it with {ENV_PREFIX}{name.upper()}=N, or 0 for no limit)",
                source,
            )


def current() -> Limits:
    """The limits in force: the defaults, raised or lowered by ``LAWGOV_SCORE_MAX_*`` variables."""
    values: dict[str, int] = {}
    for attribute in fields(Limits):
        variable = ENV_PREFIX + attribute.name.upper()
        raw = os.environ.get(variable)
        if raw is None:
            continue
        try:
            number = int(raw.strip().replace("_", ""))
        except ValueError:
            number = -1
        if number < 0:
            raise InputError(f"must be a whole number ≥ 0 (0 for no limit), got {raw!r}", variable)
        values[attribute.name] = number
    return Limits(**values)
