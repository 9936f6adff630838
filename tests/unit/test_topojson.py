"""The TopoJSON encoder and decoder (pipeline/domain/maps/topojson.py)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.domain.maps.topojson import Grid, Shape, decode, decode_arcs, encode

# Two unit squares side by side, both clockwise (x east, y north); they share the edge x = 1.
WEST = Shape({"code": "W"}, [[[(0, 0), (0, 1), (1, 1), (1, 0), (0, 0)]]])
EAST = Shape({"code": "E"}, [[[(1, 0), (1, 1), (2, 1), (2, 0), (1, 0)]]])


def arc_references(geometry: dict) -> list[int]:
    rings = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    return [reference for polygon in rings for ring in polygon for reference in ring]


def grid_arcs(topology: dict) -> list[list[tuple[int, int]]]:
    """The arcs on the integer grid (delta encoding undone, quantisation kept)."""
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x, y))
        arcs.append(points)
    return arcs


def same_ring(decoded, original, tolerance: tuple[float, float]) -> bool:
    """The same closed ring, in the same direction, maybe started elsewhere (a ring is cut at
    junctions, so it comes back starting at one), each position within ``tolerance``."""
    a, b = list(decoded[:-1]), list(original[:-1])
    if decoded[0] != decoded[-1] or len(a) != len(b):
        return False

    def close(p, q) -> bool:
        return abs(p[0] - q[0]) <= tolerance[0] and abs(p[1] - q[1]) <= tolerance[1]

    return any(
        all(close(a[(i + shift) % len(a)], b[i]) for i in range(len(b))) for shift in range(len(a))
    )


def test_two_neighbours_by_hand():
    topology = encode({"squares": [WEST, EAST]}, 3)
    # Three steps across 0..2 (x) and 0..1 (y): one unit in x, half a unit in y.
    assert topology["transform"] == {"scale": [1.0, 0.5], "translate": [0, 0]}
    # The shared edge (1,0)-(1,1) is stored once, from the first junction (1,2) on the grid,
    # delta-encoded; each square's other three sides are one arc.
    assert topology["arcs"] == [
        [[1, 2], [0, -2]],
        [[1, 0], [-1, 0], [0, 2], [1, 0]],
        [[1, 2], [1, 0], [0, -2], [-1, 0]],
    ]
    west, east = topology["objects"]["squares"]["geometries"]
    assert west == {"type": "Polygon", "arcs": [[0, 1]], "properties": {"code": "W"}}
    # The east square runs along the shared edge the other way: the arc reversed, ~0 = -1.
    assert east == {"type": "Polygon", "arcs": [[~0, 2]], "properties": {"code": "E"}}


def test_decoding_gives_the_rings_back():
    topology = encode({"squares": [WEST, EAST]}, 3)
    west, east = decode(topology, "squares")
    assert west.properties == {"code": "W"} and east.properties == {"code": "E"}
    assert same_ring(west.polygons[0][0], WEST.polygons[0][0], (0, 0))
    assert same_ring(east.polygons[0][0], EAST.polygons[0][0], (0, 0))


def test_an_enclave_is_one_ring_used_both_ways():
    outer = [(0, 0), (0, 3), (3, 3), (3, 0), (0, 0)]
    hole = [(1, 1), (2, 1), (2, 2), (1, 2), (1, 1)]  # anticlockwise, as a hole
    island = [(1, 1), (1, 2), (2, 2), (2, 1), (1, 1)]  # the same ring, clockwise
    topology = encode(
        {"x": [Shape({"code": "A"}, [[outer, hole]]), Shape({"code": "B"}, [[island]])]}, 4
    )
    surrounding, enclave = topology["objects"]["x"]["geometries"]
    assert len(topology["arcs"]) == 2
    assert surrounding["arcs"][1] == [1] and enclave["arcs"] == [[~1]]


def test_layers_share_arcs():
    # The union of the squares, with the corners where their shared edge meets its outline.
    both = Shape({"code": "WE"}, [[[(0, 0), (0, 1), (1, 1), (2, 1), (2, 0), (1, 0), (0, 0)]]])
    alone = encode({"squares": [WEST, EAST]}, 3)
    layered = encode({"squares": [WEST, EAST], "union": [both]}, 3)
    # The union's outline is the squares' outer arcs, nothing new.
    assert layered["arcs"] == alone["arcs"]
    assert sorted(arc_references(layered["objects"]["union"]["geometries"][0])) == [1, 2]


def test_the_grid_rounds_to_the_nearest_step():
    grid = Grid.spanning([(10.0, 50.0), (12.0, 51.0)], 5)
    assert (grid.kx, grid.ky) == (0.5, 0.25)
    assert grid.point((10.0, 50.0)) == (0, 0)
    assert grid.point((12.0, 51.0)) == (4, 4)
    assert grid.point((10.26, 50.12)) == (1, 0)
    with pytest.raises(ValueError, match="at least 2"):
        Grid.spanning([(0.0, 0.0), (1.0, 1.0)], 1)


def test_a_ring_that_collapses_or_turns_inside_out_is_dropped():
    big = [(0, 0), (0, 100), (100, 100), (100, 0), (0, 0)]
    speck = [(50, 50), (50, 50.1), (50.1, 50.1), (50.1, 50), (50, 50)]  # a hole on one point
    # A thin anticlockwise triangle: on the grid (0, 1), (2, 0), (1, 0), which is clockwise.
    sliver = [(0, 5.4), (20, 4.6), (14, 4.9), (0, 5.4)]
    topology = encode({"x": [Shape({"code": "A"}, [[big, speck], [sliver]])]}, 11)
    (shape,) = decode(topology, "x")
    assert len(shape.polygons) == 1 and len(shape.polygons[0]) == 1
    assert same_ring(shape.polygons[0][0], big, (0, 0))


def test_a_shape_that_vanishes_on_the_grid_is_an_error():
    big = Shape({"code": "A"}, [[[(0, 0), (0, 100), (100, 100), (100, 0), (0, 0)]]])
    speck = Shape({"code": "B"}, [[[(5, 5), (5, 5.1), (5.1, 5.1), (5.1, 5), (5, 5)]]])
    with pytest.raises(ValueError, match="'B'"):
        encode({"x": [big, speck]}, 11)


def test_metadata_is_a_foreign_member():
    topology = encode({"squares": [WEST]}, 3, {"credit": "Bron: test"})
    assert topology["metadata"] == {"credit": "Bron: test"}
    assert "metadata" not in encode({"squares": [WEST]}, 3)


@st.composite
def lattices(draw):
    """A rectangle cut into cells on a jittered lattice, each edge with its own corners shared
    by both cells along it: a partition like a municipal map, with every cell clockwise."""
    columns, rows = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    jitter = st.floats(-3, 3, allow_nan=False)
    corner = {
        (i, j): (10.0 * i + draw(jitter), 10.0 * j + draw(jitter))
        for i in range(columns + 1)
        for j in range(rows + 1)
    }

    def bends(a, b):
        """Extra corners between lattice points a and b, in the direction a -> b."""
        (ax, ay), (bx, by) = corner[a], corner[b]
        count = draw(st.integers(0, 2))
        return [
            (ax + (bx - ax) * k / (count + 1) + draw(jitter) / 3,
             ay + (by - ay) * k / (count + 1) + draw(jitter) / 3)
            for k in range(1, count + 1)
        ]  # fmt: skip

    edges = {}
    for i in range(columns + 1):
        for j in range(rows + 1):
            if i < columns:
                edges[(i, j), (i + 1, j)] = bends((i, j), (i + 1, j))
            if j < rows:
                edges[(i, j), (i, j + 1)] = bends((i, j), (i, j + 1))

    def path(a, b):
        if (a, b) in edges:
            return [corner[a], *edges[a, b]]
        return [corner[a], *reversed(edges[b, a])]

    cells = []
    for i in range(columns):
        for j in range(rows):
            loop = [(i, j), (i, j + 1), (i + 1, j + 1), (i + 1, j), (i, j)]  # clockwise
            ring = [p for a, b in pairwise(loop) for p in path(a, b)]
            cells.append(Shape({"cell": f"{i},{j}"}, [[[*ring, ring[0]]]]))
    return cells


@settings(max_examples=60, deadline=None)
@given(cells=lattices(), quantization=st.sampled_from([1_000, 10_000, 100_000]))
def test_decode_encode_is_the_identity_up_to_quantisation(cells, quantization):
    topology = encode({"cells": cells}, quantization)
    kx, ky = topology["transform"]["scale"]
    # Half a step, and a little for the floating-point arithmetic.
    tolerance = (kx / 2 * 1.000001, ky / 2 * 1.000001)
    decoded = decode(topology, "cells")
    assert [shape.properties for shape in decoded] == [cell.properties for cell in cells]
    for shape, cell in zip(decoded, cells, strict=True):
        assert same_ring(shape.polygons[0][0], cell.polygons[0][0], tolerance)


@settings(max_examples=60, deadline=None)
@given(cells=lattices())
def test_every_border_is_stored_once(cells):
    topology = encode({"cells": cells}, 10_000)
    segments = [frozenset(pair) for arc in grid_arcs(topology) for pair in pairwise(arc)]
    assert len(segments) == len(set(segments))
    # An arc serves at most two cells, which run along it in opposite directions.
    uses: dict[int, list[int]] = {}
    for geometry in topology["objects"]["cells"]["geometries"]:
        for reference in arc_references(geometry):
            uses.setdefault(reference if reference >= 0 else ~reference, []).append(reference)
    for index, references in uses.items():
        assert len(references) <= 2, index
        if len(references) == 2:
            assert sorted(r >= 0 for r in references) == [False, True]
    assert set(uses) == set(range(len(topology["arcs"])))


@settings(max_examples=30, deadline=None)
@given(cells=lattices())
def test_neighbouring_cells_share_an_arc(cells):
    topology = encode({"cells": cells}, 10_000)
    references = {
        g["properties"]["cell"]: {r if r >= 0 else ~r for r in arc_references(g)}
        for g in topology["objects"]["cells"]["geometries"]
    }
    for name, arcs in references.items():
        i, j = map(int, name.split(","))
        for neighbour in (f"{i + 1},{j}", f"{i},{j + 1}"):
            if neighbour in references:
                assert arcs & references[neighbour], (name, neighbour)


def test_decoded_arcs_are_absolute_positions():
    topology = encode({"squares": [WEST, EAST]}, 3)
    assert decode_arcs(topology)[0] == [(1.0, 1.0), (1.0, 0.0)]
