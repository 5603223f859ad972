"""``lawgov_score.read``: a report file (or its text, given as ``text=``) in, a :class:`Document` out.

The steps, each in its own module: bytes → text through the ``lawgov_score_read_document``
hook (:mod:`~lawgov_score.reading.formats` holds the built-in readers), normalisation with an
offset map (:mod:`~lawgov_score.reading.normalise`), outline
(:mod:`~lawgov_score.reading.outline`), facts (:mod:`~lawgov_score.reading.facts`),
dimensions (:mod:`~lawgov_score.reading.classify`) and metadata
(:mod:`~lawgov_score.reading.metadata`). Every step but the first works on the normalised text;
spans are mapped back to the original at the end.
"""

from __future__ import annotations

import bisect
import hashlib
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lawgov_score import limits
from lawgov_score.errors import InputError
from lawgov_score.model.framework import Dimension
from lawgov_score.reading.classify import Surroundings, TermIndex, classify_sections
from lawgov_score.reading.metadata import extract_metadata
from lawgov_score.reading.model import Assignment, Document, Fact, Section
from lawgov_score.reading.normalise import normalise, original_span
from lawgov_score.reading.outline import Node, build_outline, owner_index
from lawgov_score.reading.sources import read_file
from lawgov_score.reading.unwrap import unwrap

if TYPE_CHECKING:
    import pluggy

STRING_SOURCE = "<string>"


def read(
    source: str | os.PathLike[str] | None = None,
    *,
    text: str | None = None,
    dimensions: Sequence[Dimension] | None = None,
    plugin_manager: pluggy.PluginManager | None = None,
) -> Document:
    """Read a report into a :class:`~lawgov_score.reading.model.Document`.

    :param source: the report file's path (a ``str`` is always a path, never the report's text).
    :param text: the report's text itself, instead of a path.
    :param dimensions: the dimensions sections and facts are assigned to; default: those of
        :func:`lawgov_score.framework.default_framework` (cached per process, see
        :func:`default_dimensions`).
    :param plugin_manager: where the readers come from; default: the installed plugins'
        (:func:`lawgov_score.plugins.installed_plugin_manager`, built once per process).
    :raises InputError: no such file, or the file is a folder, a device, too large, empty,
        binary, undecodable or of a format no installed plugin reads; the message names the file.
    :raises TypeError: neither or both of ``source`` and ``text`` are given.
    """
    if (source is None) == (text is None):
        raise TypeError("read() takes the path of a report file or text=..., exactly one of them")
    if text is not None:
        if not isinstance(text, str):
            raise TypeError(f"read(text=...) takes a str, not {type(text).__name__}")
        if not text.strip():
            raise InputError("the text is empty", STRING_SOURCE)
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return analyse(text, source=STRING_SOURCE, sha256=digest,
                       dimensions=_dimensions(dimensions, plugin_manager))
    assert source is not None
    data = read_file(Path(source), str(source))
    return read_data(data, str(source), dimensions=dimensions, plugin_manager=plugin_manager)


def read_data(
    data: bytes,
    name: str,
    *,
    dimensions: Sequence[Dimension] | None = None,
    plugin_manager: pluggy.PluginManager | None = None,
) -> Document:
    """Read a report from its bytes (a file's content, or standard input) as :func:`read` does.

    :param name: the report's name in messages and in ``Document.source``; its suffix is a hint
        to the readers (``<stdin>`` for standard input: the format is found from the bytes).
    """
    pm = plugin_manager if plugin_manager is not None else _plugin_manager()
    original, kind, encoding, warnings = read_bytes(Path(name), data, pm)
    return analyse(original, source=name, sha256=hashlib.sha256(data).hexdigest(), format=kind,
                   encoding=encoding, dimensions=_dimensions(dimensions, plugin_manager), warnings=warnings)


def _dimensions(dimensions: Sequence[Dimension] | None, pm: pluggy.PluginManager | None) -> Sequence[Dimension]:
    # A manager made for the readers holds the default plugins, whose dimensions are cached.
    return default_dimensions(pm) if dimensions is None else dimensions


def read_bytes(path: Path, data: bytes, pm: pluggy.PluginManager) -> tuple[str, str, str, tuple[str, ...]]:
    """Turn a file's bytes into ``(text, format, encoding, warnings)`` through the reading hook."""
    from lawgov_score.reading import formats

    name = str(path)
    if not data.strip():
        raise InputError("the file is empty", name)
    result = pm.hook.lawgov_score_read_document(path=path, data=data)
    if result is None and not pm.is_registered(formats) and not pm.is_blocked("core_readers"):
        # A manager built without entry points (an uninstalled checkout): the core readers still apply.
        result = formats.lawgov_score_read_document(path=path, data=data)
    if result is None:
        raise InputError(formats.unsupported(path, data), name)
    text, kind, encoding, *rest = result
    warnings = tuple(rest[0]) if rest else ()
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"the {kind} file holds no text", name)
    limits.current().check("text_chars", len(text), name, "the length of the report's text in characters")
    return text, kind, encoding, warnings


def _plugin_manager() -> pluggy.PluginManager:
    """The readers' plugin manager when the caller passes none: the installed plugins', built once
    per process (:func:`lawgov_score.plugins.installed_plugin_manager`)."""
    from lawgov_score.plugins import installed_plugin_manager

    return installed_plugin_manager()


def default_dimensions(pm: pluggy.PluginManager | None = None) -> tuple[Dimension, ...]:
    """The dimensions of the default framework (the national outline's ten when installed).

    With ``pm``, they are those of its plugins, asked every time. Without, they are those of the
    installed plugins, loaded once per process like their plugin manager
    (:func:`lawgov_score.plugins.installed_plugin_manager`: for each value of the environment
    variables that choose the plugins, every time while ``LAWGOV_SCORE_TRACE_HOOKS`` is set).
    After installing or removing a plugin in a running process, ``default_dimensions.cache_clear()``
    forgets both.
    """
    from lawgov_score.plugins import installed_plugin_manager, plugin_setting

    if pm is not None:
        return _framework_dimensions(pm)
    key = plugin_setting()
    return _framework_dimensions(installed_plugin_manager()) if key is None else _installed_default_dimensions(*key)


def _framework_dimensions(pm: pluggy.PluginManager) -> tuple[Dimension, ...]:
    from lawgov_score.framework import default_framework

    return default_framework(pm).dimensions


# The arguments are the cache key only: installed_plugin_manager() reads the same settings.
@lru_cache(maxsize=8)
def _installed_default_dimensions(disabled: frozenset[str], autoload: bool) -> tuple[Dimension, ...]:
    from lawgov_score.plugins import installed_plugin_manager

    return _framework_dimensions(installed_plugin_manager())


def _clear_installed() -> None:
    from lawgov_score.plugins import installed_plugin_manager

    _installed_default_dimensions.cache_clear()
    installed_plugin_manager.cache_clear()  # type: ignore[attr-defined]


default_dimensions.cache_clear = _clear_installed  # type: ignore[attr-defined]


@lru_cache(maxsize=8)
def term_index(dimensions: tuple[Dimension, ...]) -> TermIndex:
    """The compiled term index of ``dimensions``, built once for every report read with them."""
    return TermIndex.build(dimensions)


def analyse(original: str, *, source: str = STRING_SOURCE, sha256: str = "", format: str = "text",
            encoding: str = "", dimensions: Sequence[Dimension] = (), warnings: Sequence[str] = ()) -> Document:
    """Everything after decoding: normalise, outline, facts, dimensions, metadata."""
    from lawgov_score.reading.facts import extract_facts

    text, offsets = unwrap(original, *normalise(original))
    found = extract_facts(text)
    roots = build_outline(text, [(fact.start, fact.end) for fact in found])
    index = term_index(tuple(dimensions))
    term_hits = index.scan(text)  # the terms of every section and sentence, in one pass
    classify_sections(text, roots, index, term_hits)
    owners = owner_index(roots)
    positions = [position for position, _ in owners]
    parents = _parents(roots)
    facts: list[Fact] = []
    # The facts of one section share their surroundings: worked out at its first fact.
    around: dict[int, Surroundings] = {}  # owner slot → the surroundings of its facts
    for fact in found:
        slot = bisect.bisect_right(positions, fact.start) - 1
        surroundings = around.get(slot)
        if surroundings is None:
            owner = owners[slot][1] if slot >= 0 else None
            surroundings = around[slot] = Surroundings.of(text, _chain(owner, parents), index)
        codes, why = surroundings.fact_dimensions(text, fact.start, fact.end, term_hits)
        start, end = original_span(offsets, fact.start, fact.end)
        facts.append(_placed(fact, start, end, original[start:end], codes, why))
    metadata = extract_metadata(text, roots)
    return Document(
        source=source, original=original, text=text,
        sha256=sha256 or hashlib.sha256(original.encode("utf-8", "surrogatepass")).hexdigest(),
        sections=[_section(node, offsets) for node in roots], facts=facts, metadata=metadata,
        format=format, encoding=encoding, offsets=offsets, warnings=warnings,
    )


def _placed(fact: Fact, start: int, end: int, quote: str, dimensions: list[str], why: list[Assignment]) -> Fact:
    """``fact`` at its span of the original, with its dimensions, in one constructor call: ``attrs.evolve``
    goes through every field generically and costs two thirds more, once per fact of every report."""
    return Fact(value=fact.value, unit=fact.unit, start=start, end=end, quote=quote, kind=fact.kind,
                approx=fact.approx, bound=fact.bound, change=fact.change, subject=fact.subject,
                dimensions=dimensions, why=why)


def _parents(roots: Sequence[Node]) -> dict[int, Node]:
    parents: dict[int, Node] = {}
    for root in roots:
        for node in root.walk():
            for child in node.children:
                parents[id(child)] = node
    return parents


def _chain(node: Node | None, parents: dict[int, Node]) -> list[Node]:
    chain = []
    while node is not None:
        chain.append(node)
        node = parents.get(id(node))
    return chain


def _section(node: Node, offsets: Sequence[int]) -> Section:
    """A node in original coordinates; sections tile the text, so ends map like starts."""
    title_start, title_end = original_span(offsets, node.title_start, node.title_end)
    start, end = offsets[node.start], offsets[node.end]
    return Section(
        level=node.level, numbering=node.numbering, title=node.title, start=start, end=end,
        title_start=title_start, title_end=title_end, style=node.style,
        role=node.role,  # type: ignore[arg-type]
        dimensions=node.dimensions, why=node.why,
        children=[_section(child, offsets) for child in node.children],
        items=[original_span(offsets, start, end) for start, end in node.items],
    )
