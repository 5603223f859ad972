"""Resuming a run into a JSON Lines file of assessments: what is in it already, and what is current.

An assessment in the file is *current* — its report is not scored again — when it was made by
this library version, under a framework this run uses (the same id and the same
:attr:`~lawgov_score.model.assessment.Provenance.framework_sha256`; without ``--framework``, the
built-in framework of either outline) and with the same plugins at the same versions. A report is
recognised by the SHA-256 of its bytes (``input_sha256``), wherever it lies now.

A line cut off by a crash (the file does not end with a line end) is dropped; an assessment that
is not current is *stale*: its line is moved to a file beside the log (``NAME.stale``), so that
nothing scored is lost and the log holds one assessment per report.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from lawgov_score import __version__
from lawgov_score.errors import InputError

if TYPE_CHECKING:
    from lawgov_score.scoring import Scorer

STALE_SUFFIX = ".stale"


@frozen
class RunKey:
    """What makes an assessment current for a run: the library version, the frameworks in force
    (id and digest) and the plugins with their versions."""

    library_version: str
    frameworks: frozenset[tuple[str, str]]
    plugins: frozenset[tuple[str, str]]

    @classmethod
    def of(cls, scorer: Scorer) -> RunKey:
        """The key of a run scoring with ``scorer`` (unless pinned: with the outline of each report's year)."""
        from lawgov_score.framework import OUTLINE_FRAMEWORKS, default_framework, framework_digest

        frameworks = [scorer.framework]
        if not scorer.pinned:
            plugins = list(scorer.plugins.values())
            frameworks = [default_framework(scorer.plugin_manager, plugins, outline=o) for o in OUTLINE_FRAMEWORKS]
        return cls(__version__, frozenset((f.id, framework_digest(f)) for f in frameworks),
                   frozenset(scorer.versions.items()))

    def is_current(self, provenance: Any) -> bool:
        """Whether an assessment with this provenance (as JSON) is what this run would write."""
        if not isinstance(provenance, dict) or provenance.get("library_version") != self.library_version:
            return False
        framework = (provenance.get("framework_id"), provenance.get("framework_sha256"))
        plugins = provenance.get("plugins")
        if framework not in self.frameworks or not isinstance(plugins, list):
            return False
        return {(p.get("name"), p.get("version")) for p in plugins if isinstance(p, dict)} == self.plugins


@frozen
class Log:
    """What a JSON Lines output holds: the digests of its current assessments, how many lines are
    stale (by line number), and where its last whole line ends when a cut-off line follows it."""

    path: str
    current: frozenset[str]
    stale: tuple[int, ...]
    lines: int
    cut_at: int | None

    @property
    def tidy(self) -> bool:
        """Whether the file can be appended to as it is."""
        return not self.stale and self.cut_at is None


def read_log(path: str | os.PathLike[str], key: RunKey) -> Log:
    """Read an existing JSON Lines output (a missing or empty one holds nothing).

    :raises InputError: a whole line is not JSON or not an assessment, naming the line.
    """
    source = str(path)
    current: set[str] = set()
    stale: list[int] = []
    lines = 0
    cut_at: int | None = None
    for number, offset, raw, whole in _lines(source):
        if not whole:
            cut_at = offset
            break
        if not raw.strip():
            continue
        lines += 1
        provenance = _provenance(raw.decode("utf-8", "replace"), source, number)
        digest = provenance.get("input_sha256")
        if key.is_current(provenance) and isinstance(digest, str):
            current.add(digest)
        else:
            stale.append(number)
    return Log(source, frozenset(current), tuple(stale), lines, cut_at)


def _lines(source: str) -> Iterator[tuple[int, int, bytes, bool]]:
    """``(line number, offset, bytes, whole)`` for each line; the last is not whole without a line end."""
    try:
        stream = open(source, "rb")  # noqa: SIM115 (closed below; a missing file holds nothing)
    except FileNotFoundError:
        return
    except OSError as error:
        raise InputError(f"cannot read the output to resume: {error.strerror}", source) from None
    with stream:
        offset = 0
        for number, raw in enumerate(stream, 1):
            yield number, offset, raw, raw.endswith(b"\n")
            offset += len(raw)


# Each line is written by json.dumps with its default separators, so this is where a line's
# provenance starts; the quote after ", " cannot be inside a string (it would be escaped there).
_PROVENANCE = ', "provenance": {'


def _provenance(text: str, source: str, number: int) -> dict[str, Any]:
    """The provenance of the assessment on one line, parsed without parsing its indicators."""
    start = text.find(_PROVENANCE)
    try:
        if start >= 0:
            value, _ = json.JSONDecoder().raw_decode(text, start + len(_PROVENANCE) - 1)
        else:  # written another way: parse it all
            value = json.loads(text).get("provenance")
    except (json.JSONDecodeError, AttributeError) as error:
        raise InputError(f"not an assessment (JSON) on this line: {error}", source, f"line {number}") from None
    if not isinstance(value, dict):
        raise InputError("not an assessment: no provenance on this line", source, f"line {number}")
    return value


def tidy_log(log: Log) -> list[str]:
    """Make ``log`` ready to append to: drop the cut-off last line, move the stale lines to
    ``NAME.stale``. What was done, in words, for the user.

    :raises OutputError: the file cannot be changed.
    """
    from lawgov_score.writing import append_file, cut_file, write_file

    done: list[str] = []
    if log.cut_at is not None:
        cut_file(log.path, log.cut_at)
        done.append("its last line was cut off (the run that wrote it was stopped while writing it): dropped")
    if log.stale:
        stale = set(log.stale)
        append_file(log.path + STALE_SUFFIX, (raw for number, _, raw, _ in _lines(log.path) if number in stale))
        write_file(log.path, (raw for number, _, raw, _ in _lines(log.path) if number not in stale))
        done.append(f"{len(stale):,} assessment(s) made by another library version or under another framework "
                    f"or plugins moved to {Path(log.path).name + STALE_SUFFIX}: their reports are scored again")
    return done
