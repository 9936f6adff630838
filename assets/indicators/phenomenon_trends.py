"""The phenomenon_trends asset: change on last year and ten-year trends, with significance.
The statistics are in pipeline/domain/statistics/trends.py."""

from collections.abc import Mapping

import polars as pl

from assets.indicators import LAYER
from pipeline.domain.statistics.trend_table import trend_rows
from pipeline.domain.statistics.uncertainty import CONFIDENCE_LEVEL
from pipeline.plumbing.partitions import ten_years_of
from pipeline.plumbing.table_asset_factory import Computed, PythonTable, python_table_asset


def _trends(inputs: Mapping[str, pl.DataFrame], years: range, config: None) -> Computed:
    return Computed(
        frames={"trend_rows": trend_rows(inputs["history"], years)},
        params={"confidence_level": CONFIDENCE_LEVEL},
    )


phenomenon_trends = python_table_asset(
    LAYER,
    PythonTable(
        name="phenomenon_trends",
        group="harm",
        description="Per series of every region level (registered crimes, drug sites and Meld "
        "Misdaad Anoniem tips per phenomenon; phenomenon x sector series per establishment "
        "above the municipality): change on last year with its exact interval and p-value, and "
        "the average yearly change over up to ten years (quasi-Poisson regression) with its "
        "interval, p-value and direction.",
        deps=ten_years_of(
            "phenomenon_indicators", "signal_indicators", "phenomenon_sector_indicators"
        ),
        inputs={"history": "indicators/queries/phenomenon_trend_inputs"},
        compute=_trends,
    ),
)
