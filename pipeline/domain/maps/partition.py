"""A clean partition of the CBS/Kadaster 2022 municipal layer (build time only; needs shapely).

The source polygons were simplified one by one, not as a topology: two neighbours each carry
their own simplified version of their common border, so the two lines cross back and forth and
leave slivers claimed by both (overlaps) or by neither (gaps) all along the border. A map drawn
from them shows slits and double borders, areas do not add up, and no border could be stored
once. Here all borders are noded together (snapped to the TopoJSON grid) and cut into faces, and
each face goes to at most one municipality:

- a face inside one municipality stays with it;
- a face claimed by several goes to the smallest of them (by source area), and a sliver gap goes
  to the largest of its sides (the municipalities bounding at least ``SIDE`` of its outline):
  together these keep the smaller neighbour's own line as the border, so that a small
  municipality keeps its drawn shape and a larger one absorbs the difference;
- a face claimed by none stays empty when it is a hole of a source polygon (the Belgian enclaves
  in Baarle-Nassau, two holes in Amsterdam, one in Medemblik), when it is larger than
  ``WATER_KM2`` (water the source leaves out: the IJsselmeer with the Markermeer, the Randmeren,
  the Ketelmeer, and the Haringvliet and Hollands Diep, which the snapping closes off from the
  sea), or when no municipality is a side of it (a gap of about 8 km2 among eight municipalities
  at the Drierivierenpunt near Dordrecht).

A gap open to the sea or to one of those waters is no face and stays as it is: a notch where two
neighbours' lines reach the coast apart.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape

from pipeline.domain.maps.topojson import Grid

# A municipality bounding at least this share of a gap's outline is one of its sides.
SIDE = 0.25
# Enclosed gaps in the source up to 16 km2 are slivers between neighbours (long and thin); the
# water it leaves out starts at about 40 km2 (the Gooimeer and Eemmeer, on this grid).
WATER_KM2 = 25.0
KM_PER_DEGREE = 2 * math.pi * 6371.0 / 360

Geometry = Any  # shapely has no type annotations


@dataclass(frozen=True)
class Source:
    """One municipality of the source file."""

    code: str
    name: str
    geometry: Geometry
    was_valid: bool


@dataclass
class Partition:
    """The cleaned municipalities by code, and what the cleaning did."""

    geometries: dict[str, Geometry]
    faces: int = 0
    overlap_faces: int = 0
    gap_faces: int = 0
    empty_faces: int = 0
    empty_km2: list[float] = field(default_factory=list)

    def empty(self, km2: float) -> None:
        """Count a face left to no municipality."""
        self.empty_faces += 1
        self.empty_km2.append(round(km2, 2))


def read_geojson(path: Path) -> dict[str, Source]:
    """The features of a GeoJSON file by ``statcode``; an invalid polygon (a part nested in
    another part, a hole inside a hole) is repaired as the union of its parts."""
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    sources = {}
    for feature in features:
        geometry = shape(feature["geometry"])
        code = str(feature["properties"]["statcode"])
        sources[code] = Source(
            code=code,
            name=str(feature["properties"]["statnaam"]),
            geometry=shapely.make_valid(geometry, method="structure"),
            was_valid=bool(geometry.is_valid),
        )
    return sources


def km2(geometry: Geometry) -> float:
    """Area in km2, from degrees at the geometry's latitude (good to a few per mille here)."""
    latitude = math.radians(float(geometry.centroid.y))
    return float(geometry.area) * KM_PER_DEGREE**2 * math.cos(latitude)


def clean_partition(geometries: Mapping[str, Geometry], grid: Grid) -> Partition:
    """Every municipality of ``geometries`` (valid polygons by code) as a set of faces that
    neither overlap nor leave sliver gaps; see the module's docstring for the rules.

    The faces are made on ``grid``, the quantisation of the TopoJSON file: every border is
    snapped to its points as it is noded (snap rounding), so that quantising the result changes
    nothing and every polygon stays valid (quantised afterwards, thin parts would cross)."""
    codes = sorted(geometries)
    source = [_on_grid(geometries[code], grid) for code in codes]
    # Order of preference: by area, then by code, so that the result does not depend on luck.
    by_size = {code: (float(g.area), code) for code, g in zip(codes, source, strict=True)}
    claims = shapely.STRtree(source)
    holes = shapely.union_all(
        [
            shapely.Polygon(interior)
            for geometry in source
            for part in shapely.get_parts(geometry)
            for interior in part.interiors
        ]
    )
    linework = shapely.union_all([geometry.boundary for geometry in source], grid_size=1)
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(linework))))

    partition = Partition(geometries={}, faces=len(faces))
    owner: dict[int, str] = {}
    gaps: list[int] = []
    for i, face in enumerate(faces):
        inside = face.point_on_surface()
        claimants = [codes[j] for j in claims.query(inside, predicate="within")]
        if claimants:
            owner[i] = min(claimants, key=by_size.__getitem__)
            partition.overlap_faces += len(claimants) > 1
        elif holes.contains(inside) or km2(_off_grid(face, grid)) > WATER_KM2:
            partition.empty(km2(_off_grid(face, grid)))
        else:
            gaps.append(i)

    # Gaps are filled from the faces beside them, in rounds: a gap beside a gap may have its
    # sides only once that one is filled.
    touching = shapely.STRtree(faces)
    while gaps:
        waiting = []
        for i in gaps:
            beside: dict[str, float] = defaultdict(float)
            neighbours = touching.query(faces[i], predicate="touches")
            for j in neighbours:
                if j in owner:
                    beside[owner[j]] += faces[i].boundary.intersection(faces[j].boundary).length
            # A municipality that only touches the end of a sliver is not one of its sides.
            sides = [c for c, length in beside.items() if length >= SIDE * faces[i].length]
            if sides:
                owner[i] = max(sides, key=by_size.__getitem__)
                partition.gap_faces += 1
            elif any(beside.values()) or any(j in gaps for j in neighbours):
                waiting.append(i)
            else:  # nothing beside it but the sea
                partition.empty(km2(_off_grid(faces[i], grid)))
        if len(waiting) == len(gaps):
            # Among many municipalities and none of them a side: left to none, as in the source.
            for i in waiting:
                partition.empty(km2(_off_grid(faces[i], grid)))
            break
        gaps = waiting

    for code in codes:
        mine = [faces[i] for i, holder in owner.items() if holder == code]
        if not mine:
            raise ValueError(f"{code} lost all its area to its neighbours")
        partition.geometries[code] = _off_grid(shapely.union_all(mine, grid_size=1), grid)
    return partition


def _on_grid(geometry: Geometry, grid: Grid) -> Geometry:
    """In grid steps: one unit is one quantisation step on each axis."""
    return shapely.transform(geometry, lambda xy: (xy - (grid.x0, grid.y0)) / (grid.kx, grid.ky))


def _off_grid(geometry: Geometry, grid: Grid) -> Geometry:
    """Back in degrees, by the same arithmetic as a TopoJSON decoder."""
    return shapely.transform(geometry, lambda xy: xy * (grid.kx, grid.ky) + (grid.x0, grid.y0))
