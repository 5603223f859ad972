"""The tree of a composite index: indicators → aggregates (any depth) → one index."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from attrs import evolve, field, fields, frozen

from lawgov_score.errors import InputError
from lawgov_score.limits import current
from lawgov_score.model.framework import goalposts_of

if TYPE_CHECKING:
    from lawgov_score.model.framework import Framework, Indicator


def _float_or_none(value: object) -> float | None:
    if value is None or value == "":
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def _goalposts_or_none(value: Any) -> tuple[float, float] | None:
    if value is None or value == "":
        return None
    low, high = value
    return (float(low), float(high))


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


@frozen
class Node:
    """One node of the tree: an indicator (a leaf) or an aggregate.

    :param code: unique code of the node.
    :param parent: code of the parent, ``None`` for the index (the root).
    :param weight: weight among its siblings (normalised when aggregating).
    :param direction: ``1`` higher is better, ``-1`` lower is better, ``0`` reported but not scored.
    :param level: 1 for indicators, rising towards the index; ``0`` means "compute from the tree".
    :param aggregation: aggregation method of this aggregate, overriding the pipeline's default.
    :param denominator: unit-metadata column this indicator is divided by (``denominate`` step).
    :param goalposts: ``(low, high)`` for the fixed-goalpost normaliser.
    :param target: target value for the distance-to-target normaliser.
    :param scale: ``"log"`` when the goalposts apply to ``log(1 + x)`` (counts of effort).
    :param deduct: an indicator whose value its parent takes off its aggregate, rather than
        averaging it (a report's adverse evidence, in points).
    """

    code: str
    parent: str | None = field(default=None, converter=_str_or_none)
    weight: float = field(default=1.0, converter=float)
    direction: int = field(default=1, converter=int)
    level: int = field(default=0, converter=int)
    aggregation: str | None = field(default=None, converter=_str_or_none)
    name: str = ""
    denominator: str | None = field(default=None, converter=_str_or_none)
    goalposts: tuple[float, float] | None = field(default=None, converter=_goalposts_or_none)
    target: float | None = field(default=None, converter=_float_or_none)
    scale: str = "linear"
    deduct: bool = False

    @weight.validator
    def _check_weight(self, attribute: object, value: float) -> None:
        if not (math.isfinite(value) and value >= 0):
            raise ValueError(f"weight of node {self.code!r} must be a finite number ≥ 0, got {value!r}")

    @direction.validator
    def _check_direction(self, attribute: object, value: int) -> None:
        if value not in (-1, 0, 1):
            raise ValueError(f"direction of node {self.code!r} must be 1, -1 or 0, got {value!r}")

    def to_dict(self) -> dict[str, Any]:
        """The node as a JSON-ready mapping (the form :meth:`Hierarchy.from_list` reads)."""
        out: dict[str, Any] = {"code": self.code, "parent": self.parent, "weight": self.weight}
        if self.direction != 1:
            out["direction"] = self.direction
        for key in ("aggregation", "denominator", "target"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.goalposts is not None:
            out["goalposts"] = list(self.goalposts)
        if self.scale != "linear":
            out["scale"] = self.scale
        if self.deduct:
            out["deduct"] = True
        if self.name:
            out["name"] = self.name
        return out


def _check_tree(nodes: tuple[Node, ...]) -> None:
    """One root, known parents, no cycle, depth within the ``hierarchy_depth`` limit, and sibling
    weights whose sum a float can hold — in time linear in the number of nodes."""
    seen: set[str] = set()
    for node in nodes:
        if node.code in seen:
            raise ValueError(f"node code {node.code!r} appears twice in the hierarchy")
        seen.add(node.code)
    roots = [node.code for node in nodes if node.parent is None]
    if len(roots) != 1:
        raise ValueError(f"a hierarchy needs exactly one root (a node without parent), got {roots}")
    parents = {node.code: node.parent for node in nodes}
    for node in nodes:
        if node.parent is not None and node.parent not in parents:
            raise ValueError(f"node {node.code!r} has parent {node.parent!r}, which is not a node")
    depth = _depths(parents)
    deepest = max(depth, key=depth.__getitem__)
    current().check("hierarchy_depth", depth[deepest], None, f"the hierarchy's depth (down to node {deepest!r})")
    siblings: dict[str | None, list[float]] = {}
    for node in nodes:
        siblings.setdefault(node.parent, []).append(node.weight)
    for parent, weights in siblings.items():
        try:
            total = math.fsum(weights)
        except OverflowError:
            total = math.inf
        if not math.isfinite(total):
            raise ValueError(f"the weights of the children of {parent!r} sum to more than a float can hold")


def _depths(parents: Mapping[str, str | None]) -> dict[str, int]:
    """Levels from the root (the root is 1) of every node; a cycle is a :class:`ValueError`."""
    depth: dict[str, int] = {}
    for start in parents:
        chain: list[str] = []
        on_chain: set[str] = set()
        code: str | None = start
        while code is not None and code not in depth:
            if code in on_chain:
                raise ValueError(f"node {code!r} is on a cycle of parents")
            chain.append(code)
            on_chain.add(code)
            code = parents[code]
        base = 0 if code is None else depth[code]
        for offset, member in enumerate(reversed(chain), start=1):
            depth[member] = base + offset
    return depth


def _scored(indicator: Indicator) -> bool:
    return indicator.direction != 0 and indicator.weight > 0


def _node_tuple(nodes: Iterable[Node]) -> tuple[Node, ...]:
    return tuple(nodes)


@frozen
class Hierarchy:
    """The framework's tree, with derived orders the engine needs.

    Nodes without children are indicators; the others are aggregates. Levels are computed from
    the tree when not given: an indicator is level 1 and an aggregate one more than its highest child.
    """

    nodes: tuple[Node, ...] = field(converter=_node_tuple)
    # lookups built once: the engine asks for nodes, children and orders many times per run
    _by_code: dict[str, Node] = field(init=False, eq=False, repr=False)
    _children: dict[str, tuple[str, ...]] = field(init=False, eq=False, repr=False)
    _leaves: tuple[str, ...] = field(init=False, eq=False, repr=False)
    _bottom_up: tuple[str, ...] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _check_tree(self.nodes)
        kids: dict[str, list[str]] = {}
        for node in self.nodes:
            if node.parent is not None:
                kids.setdefault(node.parent, []).append(node.code)
        object.__setattr__(self, "_by_code", {node.code: node for node in self.nodes})
        object.__setattr__(self, "_children", {code: tuple(codes) for code, codes in kids.items()})
        object.__setattr__(self, "_leaves", tuple(node.code for node in self.nodes if node.code not in kids))
        # aggregates ordered by height in the tree (not declared level, which may be inconsistent)
        heights = self._levels(declared=False)
        position = {node.code: i for i, node in enumerate(self.nodes)}
        object.__setattr__(self, "_bottom_up", tuple(sorted(kids, key=lambda code: (heights[code], position[code]))))

    # -- construction --------------------------------------------------------------------

    @classmethod
    def from_list(cls, rows: Iterable[Mapping[str, Any]]) -> Hierarchy:
        """Build from plain mappings with the keys of :class:`Node` (``code`` and ``parent`` at least).

        :param rows: one mapping per node, e.g. the ``hierarchy`` list of a pipeline spec.
        :returns: the hierarchy.
        :raises ValueError: a key is unknown or the tree is malformed.
        """
        known = {attribute.name for attribute in fields(Node)}
        nodes = []
        for row in rows:
            extra = set(row) - known
            if extra:
                raise ValueError(f"unknown node keys {sorted(extra)} in {dict(row)!r}")
            nodes.append(Node(**dict(row)))
        return cls(tuple(nodes))

    @classmethod
    def from_dict(cls, tree: Mapping[str, Mapping[str, Any]]) -> Hierarchy:
        """Build from ``{code: {"parent": ..., "weight": ...}}``.

        :param tree: node attributes keyed by code.
        :returns: the hierarchy.
        """
        return cls.from_list({"code": code, **attrs} for code, attrs in tree.items())

    @classmethod
    def from_imeta(cls, rows: Iterable[Mapping[str, str]]) -> Hierarchy:
        """Build from COINr's ``iMeta`` table (rows of type ``Indicator`` and ``Aggregate``).

        :param rows: rows with columns ``iCode, Parent, Weight, Direction, Level, Type`` and
            optionally ``iName, Denominator, Target``.
        :returns: the hierarchy.
        """
        nodes = []
        for row in rows:
            if row.get("Type") not in ("Indicator", "Aggregate"):
                continue
            nodes.append(
                Node(
                    code=row["iCode"],
                    parent=row.get("Parent") or None,
                    weight=float(row.get("Weight") or 1.0),
                    direction=int(float(row.get("Direction") or 1)),
                    level=int(float(row.get("Level") or 0)),
                    name=row.get("iName", ""),
                    denominator=row.get("Denominator") or None,
                    target=row.get("Target") or None,
                )
            )
        return cls(tuple(nodes))

    @classmethod
    def from_framework(cls, framework: Framework) -> Hierarchy:
        """Build index → dimensions → groups → indicators from a
        :class:`~lawgov_score.model.framework.Framework`, each node with the framework's weight and
        aggregation method, so that the panel scores as the framework does.

        Indicators that are reported but not scored (direction 0, or weight 0) are left out; task
        and compliance indicators without goalposts of their own run from 0 to 1; a group is coded
        ``<dimension>/<group>``; an adverse indicator is a ``deduct`` node of its dimension.

        :param framework: the framework.
        :returns: the hierarchy, rooted at ``framework.id``.
        """
        nodes = [Node(code=framework.id, parent=None, name=framework.title, aggregation=framework.aggregation)]
        for dimension in framework.dimensions:
            nodes.append(Node(code=dimension.code, parent=framework.id, weight=dimension.weight,
                              name=dimension.title_en or dimension.title_zh, aggregation=dimension.aggregation))
            used = {ind.group for ind in dimension.indicators if ind.kind != "adverse" and _scored(ind)}
            groups = {g.id: f"{dimension.code}/{g.id}" for g in dimension.groups if g.id in used}
            nodes.extend(Node(code=groups[g.id], parent=dimension.code, weight=g.weight, aggregation=g.aggregation,
                              name=g.name_en or g.name_zh) for g in dimension.groups if g.id in groups)
            for indicator in dimension.indicators:
                if indicator.kind == "adverse":
                    nodes.append(Node(code=indicator.id, parent=dimension.code, weight=0.0, deduct=True,
                                      name=indicator.name_en or indicator.name_zh))
                    continue
                if not _scored(indicator):
                    continue
                nodes.append(Node(code=indicator.id, parent=groups.get(indicator.group, dimension.code),
                                  weight=indicator.weight, direction=indicator.direction,
                                  goalposts=goalposts_of(indicator), scale=indicator.scale,
                                  name=indicator.name_en or indicator.name_zh))
        return cls(tuple(nodes))

    def to_list(self) -> list[dict[str, Any]]:
        """The nodes as JSON-ready mappings, readable by :meth:`from_list`."""
        return [node.to_dict() for node in self.nodes]

    def with_weights(self, weights: Mapping[str, float]) -> Hierarchy:
        """A copy with the weights of the named nodes replaced.

        :param weights: new weight by node code.
        :returns: the new hierarchy.
        :raises KeyError: a code is not a node.
        """
        unknown = set(weights) - set(self.codes)
        if unknown:
            raise KeyError(f"weights given for unknown nodes {sorted(unknown)}")
        return Hierarchy(tuple(evolve(n, weight=weights.get(n.code, n.weight)) for n in self.nodes))

    # -- derived views -------------------------------------------------------------------

    @property
    def codes(self) -> tuple[str, ...]:
        """Every node code, in declaration order."""
        return tuple(node.code for node in self.nodes)

    @property
    def root(self) -> str:
        """Code of the index."""
        return next(node.code for node in self.nodes if node.parent is None)

    def node(self, code: str) -> Node:
        """The node with this code, or :class:`KeyError`."""
        return self._by_code[code]

    def children(self, code: str) -> tuple[str, ...]:
        """Codes of the children of ``code`` in declaration order."""
        return self._children.get(code, ())

    @property
    def indicators(self) -> tuple[str, ...]:
        """Leaf codes, in declaration order."""
        return self._leaves

    @property
    def aggregates(self) -> tuple[str, ...]:
        """Aggregate codes ordered bottom-up: every child comes before its parent."""
        return self._bottom_up

    def levels(self) -> dict[str, int]:
        """Level of every node: as declared, else 1 for leaves and 1 + the highest child's level."""
        return self._levels(declared=True)

    def _levels(self, declared: bool) -> dict[str, int]:
        # children before parents (deepest first), so that each height is known when needed
        depth = _depths({node.code: node.parent for node in self.nodes})
        given = {node.code: node.level for node in self.nodes}
        parent_of = {node.code: node.parent for node in self.nodes}
        height: dict[str, int] = {}
        for code in sorted(depth, key=depth.__getitem__, reverse=True):
            height.setdefault(code, 1)
            parent = parent_of[code]
            if parent is not None:
                height[parent] = max(height.get(parent, 1), height[code] + 1)
        return {code: given[code] if declared and given[code] > 0 else height[code] for code in self.codes}

    def path(self, code: str) -> Sequence[str]:
        """Codes from ``code`` up to the root, both included."""
        chain = [code]
        parent = self.node(code).parent
        while parent is not None:
            chain.append(parent)
            parent = self.node(parent).parent
        return chain

    def check_indicators(self, indicators: Sequence[str], source: str | None = None) -> None:
        """Raise :class:`InputError` if a hierarchy indicator has no column in the data.

        :param indicators: indicator codes present in a panel.
        :param source: file name for the error message.
        """
        present = set(indicators)
        missing = [code for code in self.indicators if code not in present]
        if missing:
            raise InputError(f"indicators of the hierarchy have no data: {missing}", source, "hierarchy")
