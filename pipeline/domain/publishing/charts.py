"""Chart builders: Altair specifications rendered to SVG offline by vl-convert. No Dagster."""

from __future__ import annotations

import functools
import math
import threading
from typing import Any, Literal

import altair as alt
import polars as pl
import vl_convert

from pipeline.domain.publishing import chart_cache

# Okabe-Ito: distinguishable with the common forms of colour blindness.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
FONT = "DejaVu Sans, Arial, sans-serif"
VEGA_LOCALES: dict[str, Literal["nl-NL", "en-GB"]] = {"nl": "nl-NL", "en": "en-GB"}
# Altair's chart methods return Any: every chart is typed as what they all are.
Chart = alt.TopLevelMixin


def base_config(chart: Chart, grid: bool = True) -> Chart:
    configured: Chart = (
        chart.configure(font=FONT)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=11, grid=grid, gridColor="#e5e5e5")
    )
    return configured


def _inline(values: list[dict[str, object]]) -> alt.Data:
    """Rows as the chart's inline data."""
    return alt.Data(values=values)  # type: ignore[no-untyped-call]  # altair's Data is unannotated


@functools.cache
def start_renderer() -> None:
    """Start vl-convert's JavaScript engine in a background thread (once per process): its first
    chart takes about 0.4 s, outside the GIL, which then overlaps the caller's own work."""
    smallest = {"mark": "point", "data": {"values": [{"x": 0}]}, "encoding": {}}
    threading.Thread(target=vl_convert.vegalite_to_svg, args=(smallest,), daemon=True).start()


def render_svg(chart: Chart, language: str) -> str:
    """SVG markup of ``chart``; numbers in axes follow the edition's locale."""
    # Without Altair's check of the spec against the Vega-Lite schema, a quarter of a chart's
    # time: the charts are the project's own, and a test checks every one the report draws.
    spec = chart.to_dict(validate=False)
    return render_spec(spec, language)


def render_spec(spec: dict[str, Any], language: str) -> str:
    """SVG markup of a Vega-Lite spec (``render_svg`` for a spec made by hand)."""
    return chart_cache.kept_or_drawn(spec, language, _drawn)


def _drawn(spec: dict[str, Any], language: str) -> str:
    svg = vl_convert.vegalite_to_svg(spec, format_locale=VEGA_LOCALES[language])
    # Drop the XML prolog so the SVG can sit inline in HTML.
    return svg.split("?>", 1)[1].lstrip() if svg.startswith("<?xml") else svg


def ranked_bar_chart(
    frame: pl.DataFrame, category: str, value: str, x_title: str, value_format: str
) -> Chart:
    """Horizontal bars sorted by value, each labelled with its value (no meaning by colour)."""
    data = frame.select(pl.col(category), pl.col(value).cast(pl.Float64)).to_pandas()
    base = alt.Chart(data).encode(
        y=alt.Y(f"{category}:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X(f"{value}:Q", title=x_title),
    )
    bars = base.mark_bar(color=OKABE_ITO[0])
    labels = base.mark_text(align="left", dx=3, fontSize=11).encode(
        text=alt.Text(f"{value}:Q", format=value_format)
    )
    return base_config((bars + labels).properties(width=460, height=24 * len(data)))


# Seven steps of viridis (colour-blind safe), light to dark, each with the text colour that
# keeps WCAG AA contrast on it (4.5:1 or more: black on the light four, white on the dark three).
SHADES = (
    ("#fde725", "black"),
    ("#8fd744", "black"),
    ("#35b779", "black"),
    ("#21918c", "black"),
    ("#31688e", "white"),
    ("#443983", "white"),
    ("#440154", "white"),
)
NO_VALUE = ("#d9d9d9", "black")


def shades(values: list[float | None], log: bool = False) -> list[tuple[str, str]]:
    """A fill and text colour per value: equal steps between the smallest and largest value
    (of log(1 + value) with ``log``), higher = darker; no value = light grey."""
    scaled = [None if v is None else (math.log1p(max(v, 0)) if log else v) for v in values]
    known = [v for v in scaled if v is not None]
    if not known:
        return [NO_VALUE] * len(values)
    low, high = min(known), max(known)
    span = high - low or 1.0
    last = len(SHADES) - 1
    return [
        NO_VALUE if v is None else SHADES[min(last, int((v - low) / span * len(SHADES)))]
        for v in scaled
    ]


def heat_map(
    frame: pl.DataFrame, row: str, column: str, value: str, no_source: str, value_format: str
) -> Chart:
    """Rows x columns shaded by ``value``; cells no source covers are grey, hatched by their
    text (``no_source``), never shaded as zero. Every cell prints its value."""
    data = frame.select(
        pl.col(row).alias("row"),
        pl.col(column).alias("column"),
        pl.col(value).cast(pl.Float64).alias("value"),
        pl.col("has_source"),
    ).to_dicts()
    colours = shades([d["value"] if d["has_source"] else None for d in data], log=True)
    for cell, (fill, ink) in zip(data, colours, strict=True):
        cell["fill"], cell["ink"] = fill, ink
    # Sized to be printed about as drawn (A4's text width is about 650 px): no smaller text.
    base = alt.Chart(_inline(data)).encode(
        x=alt.X(
            "column:N",
            title=None,
            axis=alt.Axis(labelAngle=-35, labelFontSize=12, labelLimit=320),
        ),
        y=alt.Y("row:N", title=None, axis=alt.Axis(labelFontSize=12, labelLimit=320)),
    )
    cells = base.mark_rect(stroke="white").encode(color=alt.Color("fill:N", scale=None))
    labels = base.mark_text(fontSize=12).encode(
        text=alt.condition(
            "datum.has_source",
            alt.Text("value:Q", format=value_format),
            alt.value(no_source),
        ),
        color=alt.Color("ink:N", scale=None),
    )
    columns = len({d["column"] for d in data})
    rows = len({d["row"] for d in data})
    return base_config(
        (cells + labels).properties(width=54 * columns, height=26 * rows),
        grid=False,
    )


def band_and_line(base: alt.Chart, x: alt.X, value: str, y_title: str) -> alt.LayerChart:
    """``value`` over ``x`` as a line with points, in its 95% band (``<value>_lower`` to
    ``<value>_upper``)."""
    band = base.mark_area(color=OKABE_ITO[5], opacity=0.35).encode(
        x=x,
        y=alt.Y(f"{value}_lower:Q", title=y_title, scale=alt.Scale(zero=True)),
        y2=f"{value}_upper:Q",
    )
    line = base.mark_line(point=True, color=OKABE_ITO[0]).encode(x=x, y=f"{value}:Q")
    layered: alt.LayerChart = band + line
    return layered


def interval_trend_chart(series: pl.DataFrame, label_column: str, y_title: str) -> Chart:
    """Small multiples per phenomenon: the yearly count with its 95% interval as a band."""
    frame = series.select(
        pl.col("year").cast(pl.Int64),
        pl.col(label_column).alias("phenomenon"),
        pl.col("registered_crimes").cast(pl.Float64),
        pl.col("registered_crimes_lower").cast(pl.Float64),
        pl.col("registered_crimes_upper").cast(pl.Float64),
    ).to_pandas()
    years = sorted(frame["year"].unique().tolist())
    x = alt.X("year:O", title=None, axis=alt.Axis(values=years, labelAngle=-90))
    chart = (
        band_and_line(alt.Chart(frame), x, "registered_crimes", y_title)
        .properties(width=190, height=110)
        .facet(
            facet=alt.Facet("phenomenon:N", title=None, header=alt.Header(labelFontSize=12)),
            columns=3,
        )
        .resolve_scale(y="independent")
    )
    return base_config(chart)


def two_group_chart(
    frame: pl.DataFrame, group_labels: dict[str, str], start_year: int, y_title: str
) -> Chart:
    """Two lines over the years (colour, dash and a label at the end tell the groups apart) and
    a rule at the programme's start."""
    data = frame.select(
        pl.col("data_year").cast(pl.Int64).alias("year"),
        pl.col("group").replace_strict(group_labels).alias("group"),
        pl.col("rate_per_100k").cast(pl.Float64),
    ).to_pandas()
    groups = list(group_labels.values())
    encoding = {
        "x": alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
        "y": alt.Y("rate_per_100k:Q", title=y_title, scale=alt.Scale(zero=True)),
        "color": alt.Color(
            "group:N", scale=alt.Scale(domain=groups, range=OKABE_ITO[:2]), legend=None
        ),
        "strokeDash": alt.StrokeDash(
            "group:N", scale=alt.Scale(domain=groups, range=[[1, 0], [6, 4]]), legend=None
        ),
    }
    lines = alt.Chart(data).mark_line(point=True).encode(**encoding)
    last = int(data["year"].max())
    labels = (
        alt.Chart(data)
        .transform_filter(f"datum.year == {last}")
        .mark_text(align="left", dx=6, fontSize=11)
        .encode(x=encoding["x"], y=encoding["y"], text="group:N", color=encoding["color"])
    )
    rule = (
        alt.Chart(_inline([{"year": start_year}]))
        .mark_rule(color="#4d4d4d", strokeDash=[2, 2])
        .encode(x="year:O")
    )
    return base_config((lines + labels + rule).properties(width=520, height=220))
