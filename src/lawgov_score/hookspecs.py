"""The hooks a lawgov_score plugin can implement, grouped by the phase that calls them.

Every hook is named ``lawgov_score_<verb>_<noun>``. A plugin implements them with
:data:`lawgov_score.hookimpl` and registers itself through an entry point in the group
``lawgov_score``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from lawgov_score.dimension import DimensionPlugin

PROJECT = "lawgov_score"

# What a reader returns: (text, format, encoding), optionally with warnings about the reading
# (bytes replaced, pages without text) as a fourth member.
ReadResult = tuple[str, str, str] | tuple[str, str, str, tuple[str, ...]]

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# -- registration: called once when the plugin manager is built ---------------------------


@hookspec
def lawgov_score_register_dimensions() -> Sequence[DimensionPlugin]:
    """Declare the dimensions this plugin scores.

    Called once per plugin manager, when a framework is built or a report is scored. The core
    sorts all dimensions by code, so the order plugins load in never changes a score, and it
    calls each dimension inside its own ``try`` so that one failing dimension is recorded in the
    assessment instead of stopping the others.

    :returns: dimension plugin objects (see :class:`lawgov_score.dimension.DimensionPlugin`);
        two plugins declaring the same code is an error.
    """
    raise NotImplementedError


# -- reading: called for each report file -------------------------------------------------


@hookspec(firstresult=True)
def lawgov_score_read_document(path: Path, data: bytes) -> ReadResult | None:
    """Turn the bytes of a report file into text.

    Called for each file handed to :func:`lawgov_score.read`, newest plugin first; the first
    implementation that returns something wins. The built-in readers for text, HTML, DOCX and PDF
    are marked ``trylast`` so that an installed plugin can override them.

    :param path: the file's path (its suffix is a hint, not a rule); ``<stdin>`` for standard input.
    :param data: the file's whole content.
    :returns: ``(text, format, encoding)`` — the decoded text, a format name such as ``"pdf"``
        and the encoding used (``""`` when not applicable) — optionally followed by a tuple of
        warnings about the reading (``"2 invalid bytes replaced at byte offsets 17, 905"``),
        which end up in :attr:`~lawgov_score.reading.model.Document.warnings`; or ``None`` if this
        plugin does not read such files.
    :raises lawgov_score.errors.InputError: the file is of this plugin's format but unreadable.
    """
    raise NotImplementedError


# -- panel engine: called when a pipeline is built ----------------------------------------


@hookspec
def lawgov_score_register_normalisers() -> dict[str, Callable[..., Any]]:
    """Add normalisation methods to the panel engine.

    Called once when a pipeline spec is resolved. Each value takes a 2-D array (units ×
    indicators, NaN for missing, direction already applied) and keyword parameters from the
    pipeline spec, and returns an array of the same shape.

    :returns: a mapping from method name (as written in a pipeline spec) to function.
    """
    raise NotImplementedError


@hookspec
def lawgov_score_register_aggregators() -> dict[str, Callable[..., Any]]:
    """Add aggregation methods to the panel engine.

    Called once when a pipeline spec is resolved. Each value takes a 2-D array of child scores
    (units × children, NaN for missing), a 1-D array of weights and keyword parameters, and
    returns a 1-D array of scores, one per unit.

    :returns: a mapping from method name (as written in a pipeline spec) to function.
    """
    raise NotImplementedError
