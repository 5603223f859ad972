"""``lawgov_score.read``: a report file (or its text) in, a :class:`Document` out.

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
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lawgov_score.errors import InputError
from lawgov_score.model.framework import Dimension
from lawgov_score.reading.classify import Surroundings, TermIndex, classify_sections
from lawgov_score.reading.metadata import extract_metadata
from lawgov_score.reading.model import Assignment, Document, Fact, Section
from lawgov_score.reading.normalise import normalise, original_span
from lawgov_score.reading.outline import Node, build_outline, owner_index

if TYPE_CHECKING:
    import pluggy

STRING_SOURCE = "<string>"
# A path longer than this is certainly text (and some systems refuse to stat it).
_MAX_PATH = 1024
_FILE_NAME = re.compile(r"[^\s。,;:]{1,255}\.(?:txt|text|md|html?|xhtml|shtml|mht|docx?|wps|pdf|odt|rtf)",
                        re.IGNORECASE)


def read(
    source: str | os.PathLike[str],
    *,
    dimensions: Sequence[Dimension] | None = None,
    plugin_manager: pluggy.PluginManager | None = None,
) -> Document:
    """Read a report into a :class:`~lawgov_score.reading.model.Document`.

    :param source: a path (``os.PathLike``, or a ``str`` naming an existing file) or the
        report's text. A ``str`` is text when it contains a line break, or when it names no
        existing file and does not look like a file name (one line ending in ``.txt``,
        ``.html``, ``.docx``, ``.pdf`` …); a path that does not exist is an error.
    :param dimensions: the dimensions sections and facts are assigned to; default: those of
        :func:`lawgov_score.framework.default_framework` (cached per process, see
        :func:`default_dimensions`).
    :param plugin_manager: where the readers come from; default: the installed plugins'
        (:func:`lawgov_score.plugins.get_plugin_manager`, built once per process, see
        :func:`default_dimensions`).
    :raises InputError: the file is missing, empty, binary, undecodable or of a format no
        installed plugin reads; the message names the file.
    """
    pm: pluggy.PluginManager | None
    if _is_path(source):
        path = Path(source)
        name = str(source)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError("no such file", name) from None
        except IsADirectoryError:
            raise InputError("is a directory, not a report file", name) from None
        except OSError as error:
            raise InputError(f"cannot read the file: {error.strerror or error}", name) from None
        pm = plugin_manager if plugin_manager is not None else _plugin_manager()
        original, kind, encoding = read_bytes(path, data, pm)
        digest = hashlib.sha256(data).hexdigest()
    else:
        name = STRING_SOURCE
        original, kind, encoding = str(source), "text", ""
        if not original.strip():
            raise InputError("the text is empty", name)
        digest = hashlib.sha256(original.encode("utf-8", "surrogatepass")).hexdigest()
        pm = plugin_manager
    if dimensions is None:
        # A manager made here for the readers holds the default plugins, whose dimensions are cached.
        dimensions = default_dimensions(plugin_manager)
    return analyse(original, source=name, sha256=digest, format=kind, encoding=encoding,
                   dimensions=dimensions)


def _is_path(source: str | os.PathLike[str]) -> bool:
    if not isinstance(source, str):
        return True
    if "\n" in source or "\r" in source or not source.strip() or len(source) > _MAX_PATH or "\x00" in source:
        return False
    # A one-line string that ends like a report file is a (mistyped) path, not a report: say so.
    if _FILE_NAME.fullmatch(source.strip()):
        return True
    try:
        return Path(source).exists()
    except (OSError, ValueError):
        return False


def read_bytes(path: Path, data: bytes, pm: pluggy.PluginManager) -> tuple[str, str, str]:
    """Turn a file's bytes into ``(text, format, encoding)`` through the reading hook."""
    from lawgov_score.reading import formats

    name = str(path)
    if not data.strip():
        raise InputError("the file is empty", name)
    result = pm.hook.lawgov_score_read_document(path=path, data=data)
    if result is None and not pm.is_registered(formats) and not pm.is_blocked("core_readers"):
        # A manager built without entry points (an uninstalled checkout): the core readers still apply.
        result = formats.lawgov_score_read_document(path=path, data=data)
    if result is None:
        kind = formats.sniff_format(path, data)
        raise InputError(f"unsupported format ({kind}): no installed plugin reads such files; "
                         "the built-in readers take text, HTML and DOCX", name)
    text, kind, encoding = result
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"the {kind} file holds no text", name)
    return text, kind, encoding


def _plugin_manager() -> pluggy.PluginManager:
    """The readers' plugin manager when the caller passes none: built once per process like
    :func:`default_dimensions` (scanning entry points costs more than reading a report)."""
    key = _environment_key()
    if key is None:
        from lawgov_score.plugins import get_plugin_manager

        return get_plugin_manager()
    return _installed_plugin_manager(*key)


def default_dimensions(pm: pluggy.PluginManager | None = None) -> tuple[Dimension, ...]:
    """The dimensions of the default framework (the national outline's ten when installed).

    With ``pm``, they are those of its plugins, asked every time. Without, loading every plugin
    through its entry point costs more than reading a report, so they are loaded once per process
    for each value of the environment variables that choose the plugins
    (``LAWGOV_SCORE_DISABLE_PLUGINS``, ``LAWGOV_SCORE_DISABLE_PLUGIN_AUTOLOAD``), and every time
    while ``LAWGOV_SCORE_TRACE_HOOKS`` is set (so the trace shows the calls). The same holds for
    the plugin manager :func:`read` finds its file readers in. After installing or removing a
    plugin in a running process, ``default_dimensions.cache_clear()`` forgets both.
    """
    if pm is not None:
        return _framework_dimensions(pm)
    key = _environment_key()
    return _framework_dimensions(None) if key is None else _installed_default_dimensions(*key)


def _environment_key() -> tuple[frozenset[str], bool] | None:
    """What chooses the installed plugins — the disabled names and the autoload switch — or
    ``None`` while hooks are traced (nothing is cached then, so that the trace shows every call)."""
    from lawgov_score.plugins import AUTOLOAD_ENV, TRACE_ENV, disabled_from_environment

    if os.environ.get(TRACE_ENV):
        return None
    return frozenset(disabled_from_environment()), not os.environ.get(AUTOLOAD_ENV)


def _framework_dimensions(pm: pluggy.PluginManager | None) -> tuple[Dimension, ...]:
    from lawgov_score.framework import default_framework

    return default_framework(pm).dimensions


# The arguments of the two cached functions are their cache key only:
# lawgov_score.plugins.get_plugin_manager reads the same settings from the environment.
@lru_cache(maxsize=8)
def _installed_default_dimensions(disabled: frozenset[str], autoload: bool) -> tuple[Dimension, ...]:
    return _framework_dimensions(None)


@lru_cache(maxsize=8)
def _installed_plugin_manager(disabled: frozenset[str], autoload: bool) -> pluggy.PluginManager:
    from lawgov_score.plugins import get_plugin_manager

    return get_plugin_manager()


def _clear_installed() -> None:
    _installed_default_dimensions.cache_clear()
    _installed_plugin_manager.cache_clear()


default_dimensions.cache_clear = _clear_installed  # type: ignore[attr-defined]


@lru_cache(maxsize=8)
def term_index(dimensions: tuple[Dimension, ...]) -> TermIndex:
    """The compiled term index of ``dimensions``, built once for every report read with them."""
    return TermIndex.build(dimensions)


def analyse(original: str, *, source: str = STRING_SOURCE, sha256: str = "", format: str = "text",
            encoding: str = "", dimensions: Sequence[Dimension] = ()) -> Document:
    """Everything after decoding: normalise, outline, facts, dimensions, metadata."""
    from lawgov_score.reading.facts import extract_facts

    text, offsets = normalise(original)
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
        format=format, encoding=encoding, offsets=offsets,
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
