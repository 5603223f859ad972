"""The installed plugins' entry points, found once per process and cheaply.

``importlib.metadata`` finds them, but importing it costs about 20 ms (it brings in ``email``,
``zipfile``, ``csv`` …), more than the command line spends scoring a report, and reading every
distribution's metadata again costs a few more each time. Where every entry of ``sys.path`` is a
plain folder and no import hook provides distributions of its own — the case of a virtual
environment, an editable install, a wheel — the ``*.dist-info`` and ``*.egg-info`` folders are
read here directly, with ``importlib.metadata``'s rules (``sys.path`` order, the first distribution
of each normalised name wins, ``entry_points.txt`` sections). Anything else (a zip file or an egg
on the path, a finder on ``sys.meta_path``) is left to ``importlib.metadata`` itself. A test
checks that both find the same entry points.

The scan is kept for each value of ``sys.path``; after installing or removing a plugin in a
running process, :func:`installed.cache_clear() <installed>` forgets it.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from collections.abc import Iterator
from functools import lru_cache

from attrs import frozen

GROUP = "lawgov_score"
"""The entry-point group of lawgov_score's plugins."""
_ENTRY_POINT = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


@frozen
class EntryPoint:
    """An installed plugin: its name, ``module[:attribute]`` and the distribution that declares it."""

    name: str
    value: str
    distribution: str
    version: str

    def load(self) -> object:
        """Import the module (and look up the attribute) the entry point names."""
        match = _ENTRY_POINT.match(self.value)
        if match is None:
            raise ValueError(f"entry point {self.name!r} names no module: {self.value!r}")
        target: object = importlib.import_module(match["module"])
        return functools.reduce(getattr, filter(None, (match["attr"] or "").split(".")), target)


def installed(group: str = GROUP) -> tuple[EntryPoint, ...]:
    """The entry points of ``group`` of every installed distribution, sorted by name (so that
    registration order never depends on how the installer listed them)."""
    return _scan(group, tuple(sys.path))


@lru_cache(maxsize=8)
def _scan(group: str, path: tuple[str, ...]) -> tuple[EntryPoint, ...]:
    found = _from_folders(group, path)
    if found is None:
        found = list(_from_importlib(group))
    return tuple(sorted(found, key=lambda ep: ep.name))


installed.cache_clear = _scan.cache_clear  # type: ignore[attr-defined]


def _from_importlib(group: str) -> Iterator[EntryPoint]:
    from importlib import metadata

    for entry_point in metadata.entry_points(group=group):
        dist = entry_point.dist
        yield EntryPoint(entry_point.name, entry_point.value, dist.name if dist else "?", dist.version if dist else "?")


def _from_folders(group: str, path: tuple[str, ...]) -> list[EntryPoint] | None:
    """The entry points read from the metadata folders on ``path``, or ``None`` when the
    installation is not made of plain folders only."""
    if any(getattr(finder, "find_distributions", None) is not None and finder.__name__ != "PathFinder"
           for finder in map(_finder_class, sys.meta_path)):
        return None
    seen: set[str] = set()
    out: list[EntryPoint] = []
    for entry in path:
        root = entry or "."
        if not os.path.isdir(root):
            if os.path.exists(root):  # a zip file or an egg: importlib.metadata reads those
                return None
            continue
        try:
            children = os.listdir(root)
        except OSError:
            continue
        for child in children:
            low = child.lower()
            if low.endswith(".egg") and os.path.isdir(os.path.join(root, child)):
                return None
            if not low.endswith((".dist-info", ".egg-info")):
                continue
            name = _normalise(low.rpartition(".")[0].partition("-")[0])
            if name in seen:
                continue
            seen.add(name)
            folder = os.path.join(root, child)
            if not os.path.isdir(folder):  # a legacy single-file egg-info
                return None
            out.extend(_declared(folder, group))
    return out


def _finder_class(finder: object) -> type:
    return finder if isinstance(finder, type) else type(finder)


def _normalise(name: str) -> str:
    # PEP 503 with dashes as underscores, as importlib.metadata compares distribution names
    return re.sub(r"[-_.]+", "_", name).lower()


def _declared(folder: str, group: str) -> Iterator[EntryPoint]:
    text = _read(os.path.join(folder, "entry_points.txt"))
    if not text:
        return
    entries = list(_section(text, group))
    if not entries:
        return
    name, version = _name_and_version(folder)
    for key, value in entries:
        yield EntryPoint(key, value, name, version)


def _section(text: str, group: str) -> Iterator[tuple[str, str]]:
    """``name = value`` lines of the ``[group]`` section of an ``entry_points.txt``."""
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
        elif current == group and "=" in line:
            key, _, value = line.partition("=")
            yield key.strip(), value.strip()


def _name_and_version(folder: str) -> tuple[str, str]:
    """The ``Name`` and ``Version`` headers of a distribution's metadata."""
    text = _read(os.path.join(folder, "METADATA")) or _read(os.path.join(folder, "PKG-INFO")) or ""
    headers: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break  # the body (the long description) follows the headers
        key, sep, value = line.partition(":")
        if sep and key in ("Name", "Version"):
            headers.setdefault(key, value.strip())
    return headers.get("Name", "?"), headers.get("Version", "?")


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None
