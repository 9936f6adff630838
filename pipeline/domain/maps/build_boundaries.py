"""Make ``data/reference/boundaries_2025.topojson``: municipal, RIEC-region and province
boundaries of the 2025 division, for choropleth maps.

    .venv/bin/python -m pipeline.domain.maps.build_boundaries

Build time only: it needs shapely (a dev dependency); the pipeline reads only the file it writes.
The 345 municipalities of 1 January 2022 (CBS/Kadaster, simplified) are cleaned into a partition
(``partition.py``), merged into the 342 of 2025 (each 2022 municipality whole into its main
successor, the rule of sql/reference/municipality_code_map.sql), dissolved into the RIEC regions
and provinces of ``municipalities.csv``, and encoded as one topology (``topojson.py``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import cast

import shapely

from pipeline.domain.maps.partition import Geometry, clean_partition, km2, read_geojson
from pipeline.domain.maps.topojson import Grid, Polygon, Shape, encode

REPO_ROOT = Path(__file__).resolve().parents[3]
REFERENCE_DIR = REPO_ROOT / "data" / "reference"
SOURCE = REPO_ROOT.parent / "shared" / "reference" / "gemeente_2022.geojson"
OUTPUT = REFERENCE_DIR / "boundaries_2025.topojson"

# About 27 m (east-west) by 31 m (north-south) per step over the Dutch bounding box: far below
# a pixel of a 600-px map (about 500 m) and below the source's own simplification, and still
# enough to keep the smallest exclaves of Baarle-Nassau (some 100 m across) as rings.
QUANTIZATION = 10_000

CREDIT_NL = (
    "Bron: Kadaster / CBS, 2022 (CC BY 4.0); samengevoegd tot de gemeentelijke indeling 2025"
)
CREDIT_EN = "Source: Kadaster / CBS, 2022 (CC BY 4.0); merged into the 2025 municipal division"

MAX_CHAIN = 20  # as in municipality_code_map.sql: a loop in the changes must not hang the build


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def successor_shares(
    code: str, changes: Mapping[str, list[tuple[str, float]]], current: set[str], depth: int = 0
) -> dict[str, float]:
    """The 2025 municipalities ``code`` went to, with the share each received (chains of
    changes multiply their shares)."""
    if code in current:
        return {code: 1.0}
    if code not in changes or depth >= MAX_CHAIN:
        raise ValueError(f"{code} does not lead to a municipality of the 2025 division")
    shares: dict[str, float] = defaultdict(float)
    for new_code, share in changes[code]:
        for final, part in successor_shares(new_code, changes, current, depth + 1).items():
            shares[final] += share * part
    return dict(shares)


def main_successors(
    codes: Iterable[str], reclassifications: list[dict[str, str]], current: set[str]
) -> dict[str, str]:
    """For every code, the 2025 municipality that takes it whole: the largest share, the lowest
    code on a tie (a polygon, like a record, cannot be divided by a share)."""
    changes: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for row in reclassifications:
        changes[row["old_code"]].append((row["new_code"], float(row["share"])))
    main = {}
    for code in codes:
        shares = successor_shares(code, changes, current)
        main[code] = min(shares, key=lambda final: (-shares[final], final))
    return main


def grid_spanning(geometries: list[Geometry], quantization: int) -> Grid:
    """The quantisation grid over the source's bounding box: the same for every layer, and
    fixed before the cleaning, which snaps to it."""
    positions = shapely.get_coordinates(geometries)
    return Grid.spanning(((float(x), float(y)) for x, y in positions), quantization)


def polygons_of(geometry: Geometry) -> list[Polygon]:
    """Rings of every polygon, exteriors clockwise and holes anticlockwise (in lon/lat): the
    winding d3-geo and so Vega-Lite need to fill the inside of a polygon, not the globe."""
    oriented = shapely.orient_polygons(geometry, exterior_cw=True)
    return [
        [list(part.exterior.coords), *(list(ring.coords) for ring in part.interiors)]
        for part in shapely.get_parts(oriented)
    ]


def dissolved(
    geometries: Mapping[str, Geometry], members: Mapping[str, str], names: Mapping[str, str]
) -> list[Shape]:
    """One shape per region: the union of its municipalities (``members``: municipality ->
    region code)."""
    grouped: dict[str, list[Geometry]] = defaultdict(list)
    for municipality, region in members.items():
        grouped[region].append(geometries[municipality])
    if set(grouped) != set(names):
        raise ValueError(f"regions without municipalities: {sorted(set(names) - set(grouped))}")
    return [
        Shape({"code": code, "name": names[code]}, polygons_of(shapely.union_all(grouped[code])))
        for code in sorted(names)
    ]


def build(
    source: Path = SOURCE,
    reference_dir: Path = REFERENCE_DIR,
    quantization: int = QUANTIZATION,
) -> tuple[dict[str, object], list[str]]:
    """The topology, and lines saying what was done (for the log)."""
    municipalities = read_csv(reference_dir / "municipalities.csv")
    current = {row["municipality_code"] for row in municipalities}
    sources = read_geojson(source)
    grid = grid_spanning([s.geometry for s in sources.values()], quantization)
    partition = clean_partition({code: s.geometry for code, s in sources.items()}, grid)
    successor = main_successors(
        sources, read_csv(reference_dir / "municipal_reclassifications.csv"), current
    )

    pieces: dict[str, list[Geometry]] = defaultdict(list)
    for code, geometry in partition.geometries.items():
        pieces[successor[code]].append(geometry)
    if set(pieces) != current:
        missing, extra = sorted(current - set(pieces)), sorted(set(pieces) - current)
        raise ValueError(f"2025 municipalities without geometry {missing}, unknown {extra}")
    merged = {code: shapely.union_all(parts) for code, parts in pieces.items()}

    by_code = {row["municipality_code"]: row for row in municipalities}
    layers = {
        "municipalities": [
            Shape(
                {"code": code, "name": by_code[code]["municipality_name"]},
                polygons_of(merged[code]),
            )
            for code in sorted(merged)
        ],
        "riec_regions": dissolved(
            merged,
            {code: row["riec_code"] for code, row in by_code.items()},
            {r["riec_code"]: r["riec_name"] for r in read_csv(reference_dir / "riec_regions.csv")},
        ),
        "provinces": dissolved(
            merged,
            {code: row["province_code"] for code, row in by_code.items()},
            {
                r["province_code"]: r["province_name"]
                for r in read_csv(reference_dir / "provinces.csv")
            },
        ),
    }
    metadata = {
        "source": (
            "CBS/Kadaster municipal boundaries of 1 January 2022 (345 municipalities, simplified, "
            f"WGS84), file {source.name}"
        ),
        "source_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        "license": "CC BY 4.0",
        "credit_nl": CREDIT_NL,
        "credit_en": CREDIT_EN,
        "division": "2025: 342 municipalities, 10 RIEC regions, 12 provinces",
        "quantization": quantization,
        "winding": "exterior rings clockwise, holes anticlockwise (d3-geo, Vega-Lite)",
        "derivation": (
            "overlaps and sliver gaps between neighbouring source polygons resolved "
            "(pipeline/domain/maps/partition.py); 2022 municipalities merged whole into their "
            "main 2025 successor (municipal_reclassifications.csv); RIEC regions and provinces "
            "dissolved from municipalities.csv"
        ),
        "generator": "python -m pipeline.domain.maps.build_boundaries",
    }
    merges = {
        new: sorted(old for old, to in successor.items() if to == new and old != new)
        for new in sorted(set(successor.values()))
    }
    log = [
        f"source: {len(sources)} municipalities, repaired as invalid: "
        f"{sorted(c for c, s in sources.items() if not s.was_valid)}",
        f"partition: {partition.faces} faces, {partition.overlap_faces} claimed by several, "
        f"{partition.gap_faces} sliver gaps filled, {partition.empty_faces} left empty "
        f"(largest, km2: {sorted(partition.empty_km2, reverse=True)[:3]})",
        "merged: "
        + ", ".join(f"{old} -> {new}" for new, olds in merges.items() if olds for old in olds),
        f"area: {sum(km2(g) for g in merged.values()):.0f} km2 "
        f"(sum of the source polygons: {sum(km2(s.geometry) for s in sources.values()):.0f})",
    ]
    return encode(layers, grid, metadata), log


def write(topology: Mapping[str, object], output: Path) -> None:
    # Compact and in a fixed order: the same inputs give the same bytes.
    text = json.dumps(topology, ensure_ascii=False, separators=(",", ":"))
    output.write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--reference-dir", type=Path, default=REFERENCE_DIR)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--quantization", type=int, default=QUANTIZATION)
    arguments = parser.parse_args(argv)
    topology, log = build(arguments.source, arguments.reference_dir, arguments.quantization)
    write(topology, arguments.output)
    arcs = cast(list[object], topology["arcs"])
    log.append(
        f"wrote {arguments.output}: {arguments.output.stat().st_size} bytes, {len(arcs)} arcs, "
        f"quantization {arguments.quantization}"
    )
    print("\n".join(log))


if __name__ == "__main__":
    main()
