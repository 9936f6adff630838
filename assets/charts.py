"""Chart builders: Altair specifications rendered to SVG offline by vl-convert. No Dagster."""

from __future__ import annotations

import altair as alt
import polars as pl
import vl_convert

# Okabe-Ito: distinguishable with the common forms of colour blindness.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
FONT = "DejaVu Sans, Arial, sans-serif"
VEGA_LOCALES = {"nl": "nl-NL", "en": "en-GB"}


def _base_config(chart: alt.Chart) -> alt.Chart:
    return (
        chart.configure(font=FONT)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=11, grid=True, gridColor="#e5e5e5")
    )


def render_svg(chart: alt.TopLevelMixin, language: str) -> str:
    """SVG markup of ``chart``; numbers in axes follow the edition's locale."""
    svg = vl_convert.vegalite_to_svg(chart.to_dict(), format_locale=VEGA_LOCALES[language])
    # Drop the XML prolog so the SVG can sit inline in HTML.
    return svg.split("?>", 1)[1].lstrip() if svg.startswith("<?xml") else svg


def trend_chart(trend: pl.DataFrame, label_column: str, y_title: str) -> alt.Chart:
    """Small multiples: one panel per phenomenon, registered crimes per year, own y scale."""
    frame = trend.select(
        pl.col("year").cast(pl.Int64),
        pl.col(label_column).alias("phenomenon"),
        pl.col("registered_crimes").cast(pl.Int64),
    ).to_pandas()
    years = sorted(frame["year"].unique().tolist())
    line = (
        alt.Chart(frame)
        .mark_line(point=True, color=OKABE_ITO[0])
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(values=years, labelAngle=-90)),
            y=alt.Y("registered_crimes:Q", title=y_title, scale=alt.Scale(zero=True)),
        )
        .properties(width=190, height=110)
    )
    chart = line.facet(
        facet=alt.Facet("phenomenon:N", title=None, header=alt.Header(labelFontSize=12)),
        columns=3,
    ).resolve_scale(y="independent")
    return _base_config(chart)


def ranked_bar_chart(
    frame: pl.DataFrame, category: str, value: str, x_title: str, value_format: str
) -> alt.Chart:
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
    return _base_config((bars + labels).properties(width=460, height=24 * len(data)))
