"""TopoJSON (github.com/topojson/topojson-specification) for polygons, in plain Python.

``encode`` quantises every ring onto an integer grid, cuts the rings at junctions (points where
rings meet and then part ways) and stores each piece of border once, as a delta-encoded arc: a
neighbour running along the same border refers to the same arc, as ``~index`` when it runs the
other way. Several objects (layers) share one set of arcs, so a province border costs no more
than the municipal borders it follows. ``decode`` turns an object back into rings.

Rings are closed (the last position repeats the first) and keep the direction they were given
in: the encoder does not decide which winding a renderer wants.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

Position = tuple[float, float]
Ring = Sequence[Position]
Polygon = Sequence[Ring]  # the exterior ring, then its holes
GridPoint = tuple[int, int]
GridRing = tuple[GridPoint, ...]
Arc = tuple[GridPoint, ...]


@dataclass(frozen=True)
class Shape:
    """One feature: its properties and its polygons (one polygon is a list of one)."""

    properties: Mapping[str, object]
    polygons: Sequence[Polygon]


@dataclass(frozen=True)
class Grid:
    """The quantisation: ``quantization`` integer steps on each axis across the bounding box."""

    x0: float
    y0: float
    kx: float
    ky: float

    @classmethod
    def spanning(cls, positions: Iterable[Position], quantization: int) -> Grid:
        if quantization < 2:
            raise ValueError(f"quantization must be at least 2, not {quantization}")
        xs, ys = zip(*positions, strict=True)
        x0, y0 = min(xs), min(ys)
        # A box of no width would divide by zero; any scale maps its one column to 0.
        kx = (max(xs) - x0) / (quantization - 1) or 1.0
        ky = (max(ys) - y0) / (quantization - 1) or 1.0
        return cls(x0, y0, kx, ky)

    def point(self, position: Position) -> GridPoint:
        x, y = position
        return math.floor((x - self.x0) / self.kx + 0.5), math.floor((y - self.y0) / self.ky + 0.5)

    def transform(self) -> dict[str, list[float]]:
        return {"scale": [self.kx, self.ky], "translate": [self.x0, self.y0]}


def encode(
    layers: Mapping[str, Sequence[Shape]],
    grid: Grid | int,
    metadata: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """A TopoJSON topology with one GeometryCollection per layer. ``grid`` is the quantisation:
    a Grid, or a number of steps across the shapes' bounding box. ``metadata`` (source, credit)
    goes into a top-level ``metadata`` member, which TopoJSON readers pass over."""
    if not isinstance(grid, Grid):
        every_ring = (
            r for shapes in layers.values() for s in shapes for p in s.polygons for r in p
        )
        grid = Grid.spanning((position for ring in every_ring for position in ring), grid)
    quantised = {
        name: [_quantised_shape(s, grid) for s in shapes] for name, shapes in layers.items()
    }
    junctions = _junctions(
        ring for shapes in quantised.values() for polygons in shapes for p in polygons for ring in p
    )
    arcs = _Arcs()
    objects = {
        name: {
            "type": "GeometryCollection",
            "geometries": [
                _geometry(shape.properties, polygons, junctions, arcs)
                for shape, polygons in zip(layers[name], shapes, strict=True)
            ],
        }
        for name, shapes in quantised.items()
    }
    topology: dict[str, object] = {"type": "Topology"}
    if metadata is not None:
        topology["metadata"] = dict(metadata)
    topology["transform"] = grid.transform()
    topology["objects"] = objects
    topology["arcs"] = [_delta_encoded(arc) for arc in arcs.arcs]
    return topology


def _quantised_shape(shape: Shape, grid: Grid) -> list[list[GridRing]]:
    """The shape's polygons on the grid, without the rings that collapsed there (a polygon whose
    exterior collapsed goes with its holes). A shape that collapses entirely is an error: it
    would vanish from the map."""
    polygons = []
    for polygon in shape.polygons:
        rings = [_quantised_ring(ring, grid) for ring in polygon]
        if rings and rings[0] is not None:
            polygons.append([ring for ring in rings if ring is not None])
    if not polygons:
        raise ValueError(f"{dict(shape.properties)} has no ring left after quantisation")
    return polygons


def _quantised_ring(ring: Ring, grid: Grid) -> GridRing | None:
    points: list[GridPoint] = []
    for position in ring:
        point = grid.point(position)
        if not points or point != points[-1]:
            points.append(point)
    if points and points[0] != points[-1]:
        points.append(points[0])
    # A thin ring can collapse on the grid, or cross itself and turn inside out, which a
    # renderer that reads the winding (d3-geo) would fill as the rest of the globe.
    if _twice_signed_area(points) * _twice_signed_area(ring) <= 0:
        return None
    return tuple(points)


def _twice_signed_area(ring: Sequence[tuple[float, float]]) -> float:
    """Positive for an anticlockwise ring (x east, y north), negative for a clockwise one."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(ring))


def _junctions(rings: Iterable[GridRing]) -> set[GridPoint]:
    """Points where borders part: seen with one pair of neighbours in one ring and another pair
    elsewhere (where two rings share a border, every point along it has the same pair)."""
    neighbours: dict[GridPoint, frozenset[GridPoint]] = {}
    junctions: set[GridPoint] = set()
    for ring in rings:
        corners = ring[:-1]
        for i, point in enumerate(corners):
            pair = frozenset((corners[i - 1], corners[(i + 1) % len(corners)]))
            if neighbours.setdefault(point, pair) != pair:
                junctions.add(point)
    return junctions


def _cut(ring: GridRing, junctions: set[GridPoint]) -> list[Arc]:
    """The ring as arcs from junction to junction. A ring without junctions is one closed arc,
    started at its smallest point so that the same ring found elsewhere gives the same arc."""
    corners = ring[:-1]
    starts = [i for i, point in enumerate(corners) if point in junctions]
    first = starts[0] if starts else corners.index(min(corners))
    rotated = corners[first:] + corners[:first] + (corners[first],)
    cuts = [i - first for i in starts] if starts else [0]
    return [rotated[a : b + 1] for a, b in pairwise([*cuts, len(corners)])]


class _Arcs:
    """Every distinct arc once; a reference is its index, or ``~index`` when reversed."""

    def __init__(self) -> None:
        self.arcs: list[Arc] = []
        self._index: dict[Arc, int] = {}

    def reference(self, arc: Arc) -> int:
        if arc in self._index:
            return self._index[arc]
        reversed_arc = arc[::-1]
        if reversed_arc in self._index:
            return ~self._index[reversed_arc]
        self._index[arc] = len(self.arcs)
        self.arcs.append(arc)
        return self._index[arc]


def _geometry(
    properties: Mapping[str, object],
    polygons: list[list[GridRing]],
    junctions: set[GridPoint],
    arcs: _Arcs,
) -> dict[str, object]:
    references = [
        [[arcs.reference(arc) for arc in _cut(ring, junctions)] for ring in polygon]
        for polygon in polygons
    ]
    if len(references) == 1:
        return {"type": "Polygon", "arcs": references[0], "properties": dict(properties)}
    return {"type": "MultiPolygon", "arcs": references, "properties": dict(properties)}


def _delta_encoded(arc: Arc) -> list[list[int]]:
    return [list(arc[0])] + [[x1 - x0, y1 - y0] for (x0, y0), (x1, y1) in pairwise(arc)]


def decode_arcs(topology: Mapping[str, Any]) -> list[list[Position]]:
    """Every arc as absolute positions (undoing the delta encoding and the quantisation)."""
    kx, ky = (float(k) for k in topology["transform"]["scale"])
    x0, y0 = (float(t) for t in topology["transform"]["translate"])
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        positions = []
        for dx, dy in arc:
            x, y = x + int(dx), y + int(dy)
            positions.append((x0 + x * kx, y0 + y * ky))
        decoded.append(positions)
    return decoded


def ring_from_arcs(references: Sequence[int], arcs: Sequence[Sequence[Position]]) -> list[Position]:
    """A ring joined from its arcs; consecutive arcs share their end and start point."""
    ring: list[Position] = []
    for reference in references:
        arc = arcs[reference] if reference >= 0 else arcs[~reference][::-1]
        ring.extend(arc[1:] if ring else arc)
    return ring


def polygon_references(geometry: Mapping[str, Any]) -> list[list[list[int]]]:
    """A Polygon's or MultiPolygon's arc references, as a list of polygons of rings."""
    if geometry["type"] == "Polygon":
        return [[list(ring) for ring in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[list(ring) for ring in polygon] for polygon in geometry["arcs"]]
    raise ValueError(f"not a polygon geometry: {geometry['type']}")


def decode(topology: Mapping[str, Any], name: str) -> list[Shape]:
    """The shapes of object ``name``, with rings of absolute positions."""
    arcs = decode_arcs(topology)
    return [
        Shape(
            properties=dict(geometry.get("properties", {})),
            polygons=[
                [ring_from_arcs(ring, arcs) for ring in polygon]
                for polygon in polygon_references(geometry)
            ],
        )
        for geometry in topology["objects"][name]["geometries"]
    ]
