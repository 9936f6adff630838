"""The trend table: for every series and year, the change on last year and the trend over up to
ten years (pipeline/domain/statistics/trends.py), all series and years in one vectorised pass."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl

from pipeline.domain.statistics.trends import (
    Floats,
    direction,
    poisson_trends,
    rate_ratios,
)
from pipeline.domain.statistics.uncertainty import CONFIDENCE_LEVEL

# A trend looks back over the year itself and the nine before it.
WINDOW = 10

TREND_SCHEMA = {
    "year": pl.Int64,
    "region_level": pl.String,
    "region_code": pl.String,
    "region_name": pl.String,
    "phenomenon_code": pl.String,
    "sector_code": pl.String,
    "source": pl.String,
    "event_count": pl.Int64,
    "event_count_previous": pl.Int64,
    "change_on_previous_year": pl.Float64,
    "change_lower": pl.Float64,
    "change_upper": pl.Float64,
    "change_p_value": pl.Float64,
    "change_direction": pl.String,
    "trend_first_year": pl.Int64,
    "trend_years": pl.Int64,
    "trend_yearly_change": pl.Float64,
    "trend_lower": pl.Float64,
    "trend_upper": pl.Float64,
    "trend_p_value": pl.Float64,
    "trend_dispersion": pl.Float64,
    "trend_direction": pl.String,
}
_KEYS = ("region_level", "region_code", "region_name", "phenomenon_code", "sector_code", "source")


def trend_rows(
    history: pl.DataFrame, years: Sequence[int], level: float = CONFIDENCE_LEVEL
) -> pl.DataFrame:
    """Change on last year and the trend up to each of ``years`` for every series in
    ``history`` that has that year.

    ``history``: year, region_level, region_code, region_name, phenomenon_code, sector_code
    (null for series not split by sector), source, event_count and exposure (inhabitants, or
    establishments for sector series), for the years up to the last of ``years`` (ten years
    before the first of them suffice). Rows with no exposure are left out.
    """
    keys = [name for name in _KEYS if name in history.columns]
    windows = _windows(history.filter(pl.col("exposure") > 0), keys, years)
    if windows.is_empty():
        return pl.DataFrame(schema=TREND_SCHEMA)
    shape = (windows["window"].n_unique(), WINDOW)
    at = (windows["window"].to_numpy(), windows["slot"].to_numpy())
    grid = {name: _grid(shape, at, windows[name].to_numpy()) for name in ("year", "count", "exp")}
    observed = _grid(shape, at, np.ones(windows.height)) > 0
    current, last = WINDOW - 1, WINDOW - 2
    changes = rate_ratios(
        grid["count"][:, current],
        grid["exp"][:, current],
        grid["count"][:, last],
        np.where(observed[:, last], grid["exp"][:, last], 1.0),
        level,
    )
    trends = poisson_trends(grid["year"], grid["count"], grid["exp"], observed, level)
    first_year = np.where(observed, grid["year"], np.inf).min(axis=1)
    has_trend = ~np.isnan(trends.yearly_change)
    has_previous = observed[:, last]
    measures = pl.DataFrame(
        {
            "event_count": grid["count"][:, current],
            "event_count_previous": np.where(has_previous, grid["count"][:, last], np.nan),
            "change_on_previous_year": changes.rate_ratio - 1,
            "change_lower": changes.lower - 1,
            "change_upper": changes.upper - 1,
            "change_p_value": changes.p_value,
            "trend_first_year": np.where(has_trend, first_year, np.nan),
            "trend_years": np.where(has_trend, trends.years, np.nan),
            "trend_yearly_change": trends.yearly_change,
            "trend_lower": trends.lower,
            "trend_upper": trends.upper,
            "trend_p_value": trends.p_value,
            "trend_dispersion": trends.dispersion,
        },
        nan_to_null=True,
    ).with_columns(
        change_direction=_directions(changes.lower - 1, changes.upper - 1),
        trend_direction=_directions(trends.lower, trends.upper),
    )
    series = windows.unique("window", keep="first", maintain_order=True).sort("window")
    frame = pl.concat([series.select("year_target", *keys), measures], how="horizontal")
    frame = frame.rename({"year_target": "year"})
    return frame.select(
        (pl.col(name) if name in frame.columns else pl.lit(None)).cast(dtype).alias(name)
        for name, dtype in TREND_SCHEMA.items()
    )


def _windows(usable: pl.DataFrame, keys: list[str], years: Sequence[int]) -> pl.DataFrame:
    """One row per (target year, series, year in its window), numbered: ``window`` per target
    year and series (in year, then series order), ``slot`` the year's place in the window."""
    targets = (
        usable.filter(pl.col("year").is_in(list(years)))
        .select(*keys, pl.col("year").alias("year_target"))
        .sort(["year_target", *keys], nulls_last=True)
        .with_row_index("window")
    )
    return (
        targets.join(usable, on=keys, nulls_equal=True)
        .filter(pl.col("year").is_between(pl.col("year_target") - (WINDOW - 1), "year_target"))
        .with_columns(
            slot=pl.col("year") - pl.col("year_target") + (WINDOW - 1),
            count=pl.col("event_count").cast(pl.Float64),
            exp=pl.col("exposure").cast(pl.Float64),
        )
        .sort("window", "slot")
    )


def _grid(shape: tuple[int, int], at: tuple[np.ndarray, np.ndarray], values: np.ndarray) -> Floats:
    grid = np.zeros(shape)
    grid[at] = values
    return grid


def _directions(lower: Floats, upper: Floats) -> pl.Series:
    """``direction`` of every interval; null where there is none."""
    labels = [direction(1, 1), direction(-1, -1), direction(-1, 1)]
    chosen = np.select([lower > 0, upper < 0, ~np.isnan(lower)], labels, default="")
    return pl.Series(chosen, dtype=pl.String).replace("", None)
