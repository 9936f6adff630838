"""data/reference/boundaries_2025.topojson: municipal, RIEC-region and province boundaries of the
2025 division (made by pipeline/domain/maps/build_boundaries.py)."""

from __future__ import annotations

import csv
import hashlib
import json
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
import shapely

from pipeline.domain.maps.build_boundaries import (
    CREDIT_EN,
    CREDIT_NL,
    QUANTIZATION,
    SOURCE,
    build,
    grid_spanning,
)
from pipeline.domain.maps.partition import clean_partition, read_geojson
from pipeline.domain.maps.topojson import decode
from tests.divisions import predecessors_on

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"
BOUNDARIES = REFERENCE / "boundaries_2025.topojson"
LAYERS = {  # object -> reference table, column prefix
    "municipalities": ("municipalities.csv", "municipality"),
    "riec_regions": ("riec_regions.csv", "riec"),
    "provinces": ("provinces.csv", "province"),
}


def rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def geometries(topology: dict, layer: str) -> dict[str, shapely.MultiPolygon]:
    return {
        shape.properties["code"]: shapely.MultiPolygon(
            [shapely.Polygon(polygon[0], polygon[1:]) for polygon in shape.polygons]
        )
        for shape in decode(topology, layer)
    }


def index(reference: int) -> int:
    """The arc a reference points to, whichever way it runs (~i is -i - 1)."""
    return reference if reference >= 0 else ~reference


def layer_arcs(topology: dict, layer: str) -> dict[str, list[int]]:
    """Every arc reference of each feature of a layer, by code."""
    found = {}
    for geometry in topology["objects"][layer]["geometries"]:
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        found[geometry["properties"]["code"]] = [r for p in polygons for ring in p for r in ring]
    return found


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


def predecessors_2022() -> dict[str, list[str]]:
    """Each 2025 municipality with the municipalities of 1 January 2022 it took whole: each old
    one goes to its largest share (the lowest code on a tie), rebuilt by tests/divisions.py."""
    predecessors: dict[str, list[str]] = {}
    for old, shares in predecessors_on(date(2022, 1, 1)).items():
        new = min(shares, key=lambda code: (-shares[code], code))
        predecessors.setdefault(new, []).append(old)
    return predecessors


@pytest.fixture(scope="module")
def topology() -> dict:
    return json.loads(BOUNDARIES.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def municipalities(topology) -> dict[str, shapely.MultiPolygon]:
    return geometries(topology, "municipalities")


@pytest.fixture(scope="module")
def sources() -> dict[str, shapely.Geometry]:
    """The 345 source polygons of 2022 (as read by the builder: invalid ones repaired)."""
    if not SOURCE.exists():
        pytest.skip(f"the source {SOURCE} is not on this machine")
    return {code: source.geometry for code, source in read_geojson(SOURCE).items()}


@pytest.fixture(scope="module")
def cleaned(sources) -> dict[str, shapely.Geometry]:
    """The 2022 municipalities after the builder's cleaning, on the file's grid."""
    grid = grid_spanning(list(sources.values()), QUANTIZATION)
    return clean_partition(sources, grid).geometries


def test_the_codes_and_names_are_those_of_the_reference_tables(topology):
    assert list(topology["objects"]) == list(LAYERS)
    for layer, (table, prefix) in LAYERS.items():
        expected = {row[f"{prefix}_code"]: row[f"{prefix}_name"] for row in rows(table)}
        found = [g["properties"] for g in topology["objects"][layer]["geometries"]]
        assert len(found) == len(expected), layer
        assert {p["code"]: p["name"] for p in found} == expected
    counts = [len(topology["objects"][layer]["geometries"]) for layer in LAYERS]
    assert counts == [342, 10, 12]


def test_the_file_names_its_source_credit_and_quantisation(topology):
    metadata = topology["metadata"]
    assert metadata["credit_nl"] == (
        "Bron: Kadaster / CBS, 2022 (CC BY 4.0); samengevoegd tot de gemeentelijke indeling 2025"
    )
    assert metadata["credit_nl"] == CREDIT_NL and metadata["credit_en"] == CREDIT_EN
    assert CREDIT_EN.startswith("Source: Kadaster / CBS, 2022 (CC BY 4.0);")
    assert "gemeente_2022.geojson" in metadata["source"]
    # The grid spans the map: its corners are points 0 and quantization - 1 on each axis.
    points = [point for arc in grid_arcs(topology) for point in arc]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    steps = metadata["quantization"] - 1
    assert (min(xs), min(ys), max(xs), max(ys)) == (0, 0, steps, steps)


def test_the_file_is_compact():
    assert BOUNDARIES.stat().st_size < 250_000


def test_the_file_is_what_the_builder_makes_from_the_source(topology, sources):
    assert topology["metadata"]["source_sha256"] == hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    rebuilt, _ = build()
    assert rebuilt == topology, "stale: run python -m pipeline.domain.maps.build_boundaries"


def test_the_polygons_are_valid_and_wound_for_d3(topology):
    for layer in LAYERS:
        for shape in decode(topology, layer):
            for polygon in shape.polygons:
                # d3-geo (Vega-Lite) fills the outside of an anticlockwise exterior: the globe.
                assert not shapely.is_ccw(shapely.LinearRing(polygon[0])), shape.properties
                assert all(shapely.is_ccw(shapely.LinearRing(hole)) for hole in polygon[1:])
        invalid = {c: g for c, g in geometries(topology, layer).items() if not g.is_valid}
        assert not invalid, {c: shapely.is_valid_reason(g) for c, g in invalid.items()}


def test_no_two_municipalities_overlap(municipalities):
    codes = list(municipalities)
    shapes = [municipalities[code] for code in codes]
    overlaps = {}
    for i, j in zip(*shapely.STRtree(shapes).query(shapes, predicate="intersects"), strict=True):
        if i < j:
            area = shapes[i].intersection(shapes[j]).area
            if area > 1e-6 * min(shapes[i].area, shapes[j].area):
                overlaps[codes[i], codes[j]] = area
    assert not overlaps


def test_known_neighbours_share_their_border_as_one_arc(topology):
    arcs = layer_arcs(topology, "municipalities")
    # Amsterdam and four neighbours, each running along a shared arc the other way.
    for neighbour in ("GM0362", "GM0384", "GM0437", "GM0479"):  # Amstelveen .. Zaanstad
        assert {~r for r in arcs["GM0363"]} & set(arcs[neighbour]), neighbour
    # Amsterdam and Utrecht do not touch.
    assert not {index(r) for r in arcs["GM0363"]} & {index(r) for r in arcs["GM0344"]}


def test_every_piece_of_border_is_stored_once(topology):
    segments = [frozenset(pair) for arc in grid_arcs(topology) for pair in pairwise(arc)]
    assert len(segments) == len(set(segments))
    # An arc serves at most two municipalities, and two run along it in opposite directions.
    uses: dict[int, list[int]] = {}
    for references in layer_arcs(topology, "municipalities").values():
        for reference in references:
            uses.setdefault(index(reference), []).append(reference)
    for references in uses.values():
        assert len(references) == 1 or sorted(r >= 0 for r in references) == [False, True]
    assert set(uses) == set(range(len(topology["arcs"])))


def test_municipalities_that_touch_along_a_border_share_an_arc(topology, municipalities):
    arcs = {
        c: {index(r) for r in refs} for c, refs in layer_arcs(topology, "municipalities").items()
    }
    codes = list(municipalities)
    shapes = [municipalities[code] for code in codes]
    neighbours = 0
    for i, j in zip(*shapely.STRtree(shapes).query(shapes, predicate="touches"), strict=True):
        if i < j and shapes[i].boundary.intersection(shapes[j].boundary).length > 0:
            neighbours += 1
            assert arcs[codes[i]] & arcs[codes[j]], (codes[i], codes[j])
    assert neighbours > 800  # some 900 pairs of neighbours


def test_regions_and_provinces_are_drawn_with_the_municipal_arcs(topology):
    municipal = {index(r) for refs in layer_arcs(topology, "municipalities").values() for r in refs}
    for layer in ("riec_regions", "provinces"):
        used = {index(r) for refs in layer_arcs(topology, layer).values() for r in refs}
        assert used <= municipal, layer


@pytest.mark.parametrize(("layer", "key"), [("riec_regions", "riec"), ("provinces", "province")])
def test_a_region_is_the_union_of_its_municipalities(topology, municipalities, layer, key):
    members: dict[str, list[str]] = {}
    for row in rows("municipalities.csv"):
        members.setdefault(row[f"{key}_code"], []).append(row["municipality_code"])
    regions = geometries(topology, layer)
    for code, region in regions.items():
        parts = [municipalities[m] for m in members[code]]
        assert region.area == pytest.approx(sum(p.area for p in parts), rel=1e-9), code
        assert region.symmetric_difference(shapely.union_all(parts)).area < 1e-9 * region.area
    total = sum(g.area for g in municipalities.values())
    assert sum(g.area for g in regions.values()) == pytest.approx(total, rel=1e-9)


def test_the_source_holds_the_division_of_1_january_2022(sources):
    assert set(sources) == set(predecessors_on(date(2022, 1, 1)))
    assert len(sources) == 345


def test_each_2025_municipality_has_the_area_of_its_2022_predecessors(municipalities, cleaned):
    predecessors = predecessors_2022()
    assert sorted(predecessors["GM0363"]) == ["GM0363", "GM0457"]  # Weesp into Amsterdam
    assert sorted(predecessors["GM1992"]) == ["GM0501", "GM0530", "GM0614"]  # Voorne aan Zee
    assert set(predecessors) == set(municipalities)
    for new, olds in predecessors.items():
        expected = sum(cleaned[old].area for old in olds)
        assert municipalities[new].area == pytest.approx(expected, rel=1e-6), (new, olds)


def test_each_2022_municipality_lies_in_its_2025_successor(municipalities, sources):
    # The cleaning moves slivers along borders, at most 12 % of a municipality here.
    for new, olds in predecessors_2022().items():
        for old in olds:
            inside = municipalities[new].intersection(sources[old]).area / sources[old].area
            assert inside > 0.85, (old, new, inside)


def test_the_cleaning_stays_close_to_the_source_areas(municipalities, sources):
    """Against the source's own areas, which overlap their neighbours' and leave gaps: the
    cleaned areas differ by 0.7 % at the median and by at most 19 % (Laren; see the README)."""
    ratios = {
        new: municipalities[new].area / sum(sources[old].area for old in olds)
        for new, olds in predecessors_2022().items()
    }
    assert all(0.88 < ratio < 1.20 for ratio in ratios.values()), ratios
    assert sorted(abs(ratio - 1) for ratio in ratios.values())[len(ratios) // 2] < 0.01
    assert ratios["GM1992"] == pytest.approx(1, abs=0.03)  # Voorne aan Zee
    total = sum(g.area for g in municipalities.values())
    assert total == pytest.approx(sum(g.area for g in sources.values()), rel=0.01)
