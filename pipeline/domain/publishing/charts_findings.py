"""The charts that open the report: harm per phenomenon with its interval (next to the key
findings), and each phenomenon's ten-year trend with its band beside its top regions. Altair
specifications, rendered by ``charts.render_svg``. No Dagster."""

from __future__ import annotations

import altair as alt
import polars as pl

from pipeline.domain.publishing.charts import OKABE_ITO, Chart, band_and_line, base_config

# The headline chart sits beside the findings on screen and under them on paper.
HEADLINE_WIDTH = 250
BAR_HEIGHT = 30
SMALL_WIDTH = 210
SMALL_HEIGHT = 95


def harm_interval_chart(priorities: pl.DataFrame, labels: dict[str, str], x_title: str) -> Chart:
    """Harm score per phenomenon, largest first: a dot with its 95% interval as a line, and the
    value beside it. Phenomena without a measure (intelligence gaps) are left out: the text
    and the table name them."""
    measured = priorities.filter(pl.col("harm_score").is_not_null() & ~pl.col("is_gap"))
    frame = measured.select(
        pl.col("phenomenon_code").replace_strict(labels).alias("phenomenon"),
        pl.col("harm_score").cast(pl.Float64).alias("harm"),
        pl.col("harm_score_lower").cast(pl.Float64).alias("lower"),
        pl.col("harm_score_upper").cast(pl.Float64).alias("upper"),
    ).to_pandas()
    order = frame.sort_values("harm", ascending=False)["phenomenon"].tolist()
    y = alt.Y("phenomenon:N", sort=order, title=None, axis=alt.Axis(labelLimit=190))
    base = alt.Chart(frame)
    interval, dot = _dot_in_interval(base, y, "harm", x_title)
    value = base.mark_text(align="left", dx=6, dy=-9, fontSize=10).encode(
        y=y, x="upper:Q", text=alt.Text("harm:Q", format=",.0f")
    )
    chart = (interval + dot + value).properties(
        width=HEADLINE_WIDTH, height=BAR_HEIGHT * max(len(frame), 1)
    )
    return base_config(chart)


def phenomenon_chart(
    series: pl.DataFrame, regions: pl.DataFrame, trend_title: str, regions_title: str
) -> Chart | None:
    """One phenomenon at a glance: its yearly count with the 95% band (left) and its three
    regions with the highest rate, each with its interval (right). None if it has neither."""
    parts: list[alt.LayerChart] = []
    if series.height:
        parts.append(_trend(series, trend_title))
    if regions.height:
        parts.append(_top_regions(regions, regions_title))
    if not parts:
        return None
    return base_config(alt.hconcat(*parts, spacing=28))


def _trend(series: pl.DataFrame, y_title: str) -> alt.LayerChart:
    frame = series.select(
        pl.col("year").cast(pl.Int64),
        pl.col("registered_crimes").cast(pl.Float64).alias("count"),
        pl.col("registered_crimes_lower").cast(pl.Float64).alias("count_lower"),
        pl.col("registered_crimes_upper").cast(pl.Float64).alias("count_upper"),
    ).to_pandas()
    years = sorted(frame["year"].tolist())
    x = alt.X("year:O", title=None, axis=alt.Axis(values=[years[0], years[-1]], labelAngle=0))
    chart: alt.LayerChart = band_and_line(alt.Chart(frame), x, "count", y_title).properties(
        width=SMALL_WIDTH, height=SMALL_HEIGHT
    )
    return chart


def _top_regions(regions: pl.DataFrame, x_title: str) -> alt.LayerChart:
    frame = regions.select(
        pl.col("region_name").str.strip_prefix("RIEC ").alias("region"),
        pl.col("rate_per_100k").cast(pl.Float64).alias("rate"),
        pl.col("rate_per_100k_lower").cast(pl.Float64).alias("lower"),
        pl.col("rate_per_100k_upper").cast(pl.Float64).alias("upper"),
    ).to_pandas()
    order = frame["region"].tolist()  # as given: highest rate first
    y = alt.Y("region:N", sort=order, title=None, axis=alt.Axis(labelLimit=140))
    base = alt.Chart(frame)
    bars = base.mark_bar(color=OKABE_ITO[0], height=14).encode(
        y=y, x=alt.X("rate:Q", title=x_title, scale=alt.Scale(zero=True))
    )
    interval = base.mark_rule(color="black").encode(y=y, x="lower:Q", x2="upper:Q")
    chart: alt.LayerChart = (bars + interval).properties(
        width=SMALL_WIDTH - 40, height=SMALL_HEIGHT
    )
    return chart


def region_vs_national_chart(
    frame: pl.DataFrame, x_title: str, region_label: str, national_label: str
) -> Chart:
    """Per phenomenon the region's rate with its 95% interval (dot and line) and the national
    rate (a black tick): where the line misses the tick, the region differs from the country."""
    data = frame.select(
        pl.col("label").alias("phenomenon"),
        pl.col("rate").cast(pl.Float64),
        pl.col("lower").cast(pl.Float64),
        pl.col("upper").cast(pl.Float64),
        pl.col("national").cast(pl.Float64),
    ).to_pandas()
    y = alt.Y("phenomenon:N", sort=None, title=None, axis=alt.Axis(labelLimit=260))
    base = alt.Chart(data)
    interval, dot = _dot_in_interval(base, y, "rate", x_title, tooltip=region_label)
    national = base.mark_tick(color="black", thickness=2, size=18).encode(
        y=y, x="national:Q", tooltip=alt.value(national_label)
    )
    chart = (interval + dot + national).properties(
        width=HEADLINE_WIDTH + 60, height=BAR_HEIGHT * max(len(data), 1)
    )
    return base_config(chart)


def _dot_in_interval(
    base: alt.Chart, y: alt.Y, value: str, x_title: str, tooltip: str | None = None
) -> tuple[alt.Chart, alt.Chart]:
    """A line from ``lower`` to ``upper`` (the 95% interval) and a dot at ``value``."""
    interval = base.mark_rule(color=OKABE_ITO[0], strokeWidth=2).encode(
        y=y, x=alt.X("lower:Q", title=x_title, scale=alt.Scale(zero=True)), x2="upper:Q"
    )
    dot = base.mark_point(filled=True, size=70, color=OKABE_ITO[0]).encode(y=y, x=f"{value}:Q")
    if tooltip is not None:
        dot = dot.encode(tooltip=alt.value(tooltip))
    return interval, dot
