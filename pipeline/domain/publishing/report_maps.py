"""The maps of the report: RIEC regions by harm per 100,000 inhabitants, provinces by threat
index, and municipalities by the registered crimes per 100,000 inhabitants of the phenomenon
that weighs most, each with its credit line and the table behind it. No Dagster."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl
from markupsafe import Markup

from pipeline.domain.publishing import charts, charts_maps
from pipeline.domain.publishing.charts import Chart
from pipeline.domain.publishing.numbers import format_count, format_rate
from pipeline.domain.publishing.report_common import DASH, Context
from pipeline.domain.publishing.report_data import ReportData
from pipeline.domain.publishing.report_text import Texts


def map_svg(chart: Chart, language: str) -> Markup:
    """A map as inline SVG, with the hatching of its "not published" areas."""
    # Our own renderer's SVG: no text from outside goes in unescaped.
    return Markup(charts_maps.with_hatching(charts.render_svg(chart, language)))  # noqa: S704


def leading_phenomenon(data: ReportData) -> str | None:
    """The phenomenon with the highest harm score this year (the first of the priorities)."""
    measured = data["priorities"].filter(pl.col("harm_score").is_not_null() & ~pl.col("is_gap"))
    if not measured.height:
        return None
    return str(measured.sort("harm_score", descending=True)["phenomenon_code"][0])


def municipal_map(
    data: ReportData,
    texts: Texts,
    language: str,
    labels: Mapping[str, str],
    only_codes: Sequence[str] | None = None,
    width: int = charts_maps.MAP_WIDTH,
) -> Context:
    """The municipalities (all, or ``only_codes``) by the leading phenomenon's rate, with the
    rows behind the map."""
    code = leading_phenomenon(data)
    if code is None:
        return {"municipal_map": None}
    every = data["municipal_rates"].filter(pl.col("phenomenon_code") == code)
    rates = every
    if only_codes is not None:
        rates = every.filter(pl.col("code").is_in(list(only_codes)))
    label = labels[code]
    # The classes of the whole country: a region's map reads as the national one does.
    chart = charts_maps.choropleth(
        every,
        "municipalities",
        "rate_per_100k",
        texts["map_legend_rate"],
        texts["map_not_published"],
        language,
        only_codes=only_codes,
        width=width,
    )
    published = rates.filter(pl.col("rate_per_100k").is_not_null()).height
    return {
        "municipal_map": map_svg(chart, language),
        "municipal_map_title": texts["map_municipal_title"].format(
            phenomenon=label, year=data.year
        ),
        "municipal_map_alt": texts["map_municipal_alt"].format(
            phenomenon=label, year=data.year, published=published, total=rates.height
        ),
        "municipal_map_note": texts["map_not_published_note"].format(
            published=published, total=rates.height
        ),
        "municipal_rows": [
            {
                "name": r["name"],
                "count": format_count(r["registered_crimes"], language)
                if r["registered_crimes"] is not None
                else texts["map_not_published"],
                "population": format_count(r["population"], language),
                "rate": format_rate(r["rate_per_100k"], language)
                if r["rate_per_100k"] is not None
                else DASH,
            }
            for r in rates.sort("name").iter_rows(named=True)
        ],
    }


def region_maps(
    riec: pl.DataFrame, provinces: pl.DataFrame, texts: Texts, language: str
) -> Context:
    """The RIEC regions by harm per 100,000 inhabitants and the provinces by threat index
    (rows of the report's ``regions`` dataset)."""
    riec_chart = charts_maps.choropleth(
        riec.with_columns(pl.col("region_code").alias("code")),
        "riec_regions",
        "harm_per_100k",
        texts["map_legend_harm"],
        texts["map_not_published"],
        language,
        width=330,
        legend_below=True,
    )
    province_chart = charts_maps.choropleth(
        provinces.with_columns(pl.col("region_code").alias("code")),
        "provinces",
        "threat_index",
        texts["map_legend_index"],
        texts["map_not_published"],
        language,
        width=330,
        legend_below=True,
    )
    return {
        "riec_svg": map_svg(riec_chart, language),
        "provinces_svg": map_svg(province_chart, language),
        "map_credit": charts_maps.credit(language),
    }
