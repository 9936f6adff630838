"""Choropleth maps of the 342 municipalities, the 10 RIEC regions and the 12 provinces, drawn
from the real boundaries (``data/reference/boundaries_2025.topojson``) as inline SVG: one fixed
projection, no tiles, no network. Values fall in classes with their bounds in the legend
(colour-blind safe blues); an area without a published value is grey, with its own legend
entry. No Dagster."""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import altair as alt
import polars as pl

from pipeline.domain.publishing.charts import Chart, base_config
from pipeline.domain.publishing.numbers import format_rate
from pipeline.domain.publishing.report_common import DASH
from pipeline.domain.publishing.report_templates import BOUNDARIES

Level = Literal["municipalities", "riec_regions", "provinces"]
# ColorBrewer "Blues", five classes: ordered by lightness, so readable without colour vision
# and in greyscale print.
CLASS_COLOURS = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
# Hatched: told apart from every class by its pattern, not by its colour (hatch_patterns()).
NOT_PUBLISHED = "url(#not-published)"
OUTSIDE = "#f4f4f4"
MAP_WIDTH = 420
# The Netherlands' mean latitude: a Mercator map of the country without the poles' stretch.
PROJECTION = {"type": "mercator"}


@cache
def topology(path: Path = BOUNDARIES) -> dict[str, Any]:
    """The boundaries file, read once per process."""
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def credit(language: str, path: Path = BOUNDARIES) -> str:
    """The credit line printed under every map (the boundaries' licence asks for it)."""
    return str(topology(path)["metadata"][f"credit_{language}"])


@dataclass(frozen=True)
class MapClass:
    label: str
    colour: str
    lower: float | None
    upper: float | None


def classes(values: Sequence[float | None], language: str, decimals: int = 0) -> list[MapClass]:
    """Up to five classes by quantile of the published values (so each holds about as many
    areas), labelled with their bounds (with more decimals where the rounded bounds would not
    tell two classes apart)."""
    known = sorted(v for v in values if v is not None and math.isfinite(v))
    if not known:
        return []
    count = min(len(CLASS_COLOURS), len(set(known)))
    cuts = {known[min(len(known) - 1, (len(known) * i) // count)] for i in range(count)}
    points = sorted(cuts | {known[-1]})
    bounds = list(itertools.pairwise(points)) or [(points[0], points[0])]
    shown = _shown_bounds(points, language, decimals)
    labels = [f"{shown[low]}{DASH}{shown[high]}" for low, high in bounds]
    # With fewer classes than colours the lightest are skipped: the darkest is always "highest".
    colours = CLASS_COLOURS[len(CLASS_COLOURS) - len(bounds) :]
    return [
        MapClass(label, colour, low, high)
        for label, colour, (low, high) in zip(labels, colours, bounds, strict=True)
    ]


def _shown_bounds(points: list[float], language: str, decimals: int) -> dict[float, str]:
    """Each bound as printed: with as many decimals as it takes (up to three more) to tell the
    bounds apart; bounds closer than that are numbered so that no two classes read alike."""
    for places in range(decimals, decimals + 4):
        shown = {point: format_rate(point, language, places) for point in points}
        if len(set(shown.values())) == len(points):
            return shown
    return {point: f"{text} ({i + 1})" for i, (point, text) in enumerate(shown.items())}


def class_of(value: float | None, found: list[MapClass], not_published: str) -> str:
    """The label of the class ``value`` falls in (a bound belongs to the class above it, the
    highest value to the last class)."""
    if value is None or not math.isfinite(value) or not found:
        return not_published
    for map_class in found:
        if map_class.upper is not None and value < map_class.upper:
            return map_class.label
    return found[-1].label


def choropleth(
    frame: pl.DataFrame,
    level: Level,
    value_column: str,
    legend_title: str,
    not_published: str,
    language: str,
    decimals: int = 0,
    only_codes: Sequence[str] | None = None,
    width: int = MAP_WIDTH,
    legend_below: bool = False,
) -> Chart:
    """A map of ``level`` shaded by ``frame[value_column]`` (rows keyed by ``code``; a null is
    "not published"). ``only_codes``: draw only these areas (a region's own municipalities),
    in the classes of all of ``frame``, so that a colour means the same in every region."""
    values = [None if v is None else float(v) for v in frame[value_column].to_list()]
    found = classes(values, language, decimals)
    wanted = set(only_codes) if only_codes is not None else None
    shaded = {
        code: class_of(value, found, not_published)
        for code, value in zip(frame["code"].to_list(), values, strict=True)
        if wanted is None or code in wanted
    }
    used = [c for c in found if c.label in shaded.values()]
    domain = [c.label for c in used] + [not_published]
    colours = [c.colour for c in used] + [NOT_PUBLISHED]
    # Inline data as JSON text (Vega-Lite parses it): Altair copies a chart's data with every
    # method called on it, and 100 KB of arcs as lists cost a quarter of a second a map.
    data = alt.InlineData(
        values=_boundaries_json(level, tuple(only_codes) if only_codes is not None else None),
        format=alt.DataFormat(type="topojson", feature=level),  # type: ignore[no-untyped-call]
    )
    lookup = json.dumps([{"code": code, "class": shade} for code, shade in shaded.items()])
    chart = (
        alt.Chart(data)
        .mark_geoshape(stroke="#636363", strokeWidth=0.25 if level == "municipalities" else 0.8)
        .transform_lookup(
            lookup="properties.code",
            from_=alt.LookupData(
                data=alt.InlineData(
                    values=lookup,
                    format=alt.DataFormat(type="json"),  # type: ignore[no-untyped-call]
                ),
                key="code",
                fields=["class"],
            ),
            default=not_published,
        )
        .encode(
            color=alt.Color(
                "class:N",
                scale=alt.Scale(domain=domain, range=colours),
                legend=alt.Legend(
                    title=legend_title,
                    orient="bottom" if legend_below else "right",
                    direction="vertical",
                    titleLimit=400,
                    labelLimit=220,
                ),
                sort=domain,
            )
        )
        .project(**PROJECTION)
        .properties(width=width, height=int(width * 1.1))
    )
    return base_config(chart, grid=False)


@cache
def _boundaries_json(level: Level, only_codes: tuple[str, ...] | None) -> str:
    """The topology of ``level`` (and of it only ``only_codes``) as JSON text, made once."""
    return json.dumps(_subset(topology(), level, only_codes), separators=(",", ":"))


def _subset(
    whole: dict[str, Any], level: Level, only_codes: Sequence[str] | None
) -> dict[str, Any]:
    """The topology with only ``level``'s object (and of it only ``only_codes``): the arcs are
    shared, so a subset needs no new geometry."""
    geometries = whole["objects"][level]["geometries"]
    if only_codes is not None:
        wanted = set(only_codes)
        geometries = [g for g in geometries if g["properties"]["code"] in wanted]
    return {
        "type": "Topology",
        "transform": whole["transform"],
        "arcs": whole["arcs"],
        "objects": {level: {"type": "GeometryCollection", "geometries": geometries}},
    }


# The hatching of "not published" areas, defined once in the SVG that holds the map.
HATCH = (
    '<defs><pattern id="not-published" width="4" height="4" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="4" height="4" fill="#ffffff"/>'
    '<line x1="0" y1="0" x2="0" y2="4" stroke="#737373" stroke-width="1.5"/></pattern></defs>'
)


def with_hatching(svg: str) -> str:
    """The map's SVG with the pattern its "not published" areas are filled with."""
    start = svg.index(">", svg.index("<svg")) + 1
    return svg[:start] + HATCH + svg[start:]
