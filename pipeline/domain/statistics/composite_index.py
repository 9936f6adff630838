"""A composite threat index per region, after the OECD/JRC Handbook on Constructing Composite
Indicators (2008). Plain functions, no Dagster.

Steps, each a parameter: (1) indicators per 100,000 inhabitants, higher = more threat;
(2) normalisation: min-max to 0-100 (default), z-scores, or ranks; (3) weighting: equal by
default, or given weights; (4) aggregation: weighted arithmetic mean (default, compensatory) or
weighted geometric mean (less compensatory; needs positive values, so it uses min-max shifted to
1-100); (5) robustness: the index is recomputed under every combination of normalisation and
aggregation and with each indicator left out in turn, and each region's rank range is reported.

Missing values (NaN: an indicator no source measures for that unit, as for some sectors) are
neither zero nor imputed: normalisation uses the units that have the indicator, and aggregation
averages a unit's available indicators with their weights re-scaled (available-case analysis,
one of the handbook's options); the number of indicators used is reported with the index. A unit
with none gets no index and no rank.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from pipeline.domain.statistics.rank_intervals import ranks

NORMALISATIONS = ("min_max", "z_score", "rank")
AGGREGATIONS = ("arithmetic", "geometric")


def normalise(values: np.ndarray, method: str) -> np.ndarray:
    """Columns of ``values`` (units x indicators) on a common scale; higher = more threat. NaN
    (not measured) stays NaN and takes no part in the other units' scaling."""
    values = np.asarray(values, float)
    missing = np.isnan(values)
    if missing.all(axis=0).any():
        raise ValueError("an indicator without any value cannot be normalised")
    scaled: np.ndarray
    if method == "min_max":
        low, high = np.nanmin(values, axis=0), np.nanmax(values, axis=0)
        span = np.where(high > low, high - low, 1.0)
        scaled = (values - low) / span * 100
        return scaled
    if method == "z_score":
        sd = np.nanstd(values, axis=0)
        scaled = (values - np.nanmean(values, axis=0)) / np.where(sd > 0, sd, 1.0)
        return scaled
    if method == "rank":
        # How many measured units lie below: NaN compares false, so it counts for nobody.
        below = (values[:, None, :] > values[None, :, :]).sum(axis=1).astype(float)
        return np.where(missing, np.nan, below)
    raise ValueError(f"unknown normalisation {method!r}")


def aggregate(normalised: np.ndarray, weights: np.ndarray, method: str) -> np.ndarray:
    """Weighted mean of each unit's available (non-NaN) values; NaN for a unit with none."""
    normalised = np.asarray(normalised, float)
    present = ~np.isnan(normalised)
    weights = np.where(present, np.asarray(weights, float)[None, :], 0.0)
    total = weights.sum(axis=1)
    share = np.divide(weights, total[:, None], out=np.zeros_like(weights), where=total[:, None] > 0)
    filled = np.where(present, normalised, 0.0)
    if method == "arithmetic":
        result = (filled * share).sum(axis=1)
    elif method == "geometric":
        if np.any(filled[present] <= 0):
            raise ValueError("the geometric mean needs positive values")
        result = np.exp((np.log(np.where(present, filled, 1.0)) * share).sum(axis=1))
    else:
        raise ValueError(f"unknown aggregation {method!r}")
    return np.where(total > 0, result, np.nan)


def present_ranks(scores: np.ndarray) -> np.ndarray:
    """``ranks`` among the units with a score; NaN for the others."""
    scores = np.asarray(scores, float)
    measured = ~np.isnan(scores)
    result = np.full(scores.shape, np.nan)
    result[measured] = ranks(scores[measured])
    return result


def index_values(
    values: np.ndarray, weights: np.ndarray, normalisation: str, aggregation: str
) -> np.ndarray:
    normalised = normalise(values, normalisation)
    if aggregation == "geometric":
        if normalisation == "z_score":
            raise ValueError("z-scores can be negative: no geometric mean")
        # Shift 0-100 (or ranks from 0) to start at 1, so that every value is positive.
        normalised = normalised * 0.99 + 1 if normalisation == "min_max" else normalised + 1
    return aggregate(normalised, weights, aggregation)


@dataclass(frozen=True)
class IndexSettings:
    normalisation: str = "min_max"
    aggregation: str = "arithmetic"
    weights: dict[str, float] = field(default_factory=dict)  # indicator -> weight; missing = 1


def variants(indicators: list[str]) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every (normalisation, aggregation, indicators used) the robustness analysis tries."""
    found = []
    for normalisation, aggregation in itertools.product(NORMALISATIONS, AGGREGATIONS):
        if normalisation == "z_score" and aggregation == "geometric":
            continue
        found.append((normalisation, aggregation, tuple(indicators)))
        if len(indicators) > 2:
            for left_out in indicators:
                kept = tuple(i for i in indicators if i != left_out)
                found.append((normalisation, aggregation, kept))
    return found


def composite_index(
    inputs: pl.DataFrame, settings: IndexSettings, group: str, code: str, name: str
) -> pl.DataFrame:
    """The index per group and unit, with its rank, its rank range over the variants and the
    number of indicators used. ``inputs``: group, code, name, indicator, value (null = not
    measured)."""
    frames = []
    for level in sorted(inputs[group].unique().to_list()):
        table = (
            inputs.filter(pl.col(group) == level)
            .pivot(on="indicator", index=[code, name], values="value", sort_columns=True)
            .sort(code)
            .fill_null(float("nan"))
        )
        indicators = [c for c in table.columns if c not in (code, name)]
        values = table.select(indicators).to_numpy().astype(float)
        measured = [i for i, _ in enumerate(indicators) if not np.isnan(values[:, i]).all()]
        indicators = [indicators[i] for i in measured]
        values = values[:, measured]
        weight_of = {indicator: settings.weights.get(indicator, 1.0) for indicator in indicators}
        weights = np.array([weight_of[indicator] for indicator in indicators])
        score = index_values(values, weights, settings.normalisation, settings.aggregation)
        variant_ranks = []
        for normalisation, aggregation, kept in variants(indicators):
            columns = [indicators.index(indicator) for indicator in kept]
            variant_ranks.append(
                present_ranks(
                    index_values(
                        values[:, columns],
                        np.array([weight_of[indicator] for indicator in kept]),
                        normalisation,
                        aggregation,
                    )
                )
            )
        # Per unit, its ranks over the variants in which it has a score.
        per_unit = [column[~np.isnan(column)] for column in np.array(variant_ranks).T]
        frames.append(
            table.select(code, name).with_columns(
                pl.lit(level).alias(group),
                index_value=pl.Series(score).fill_nan(None),
                index_rank=pl.Series(present_ranks(score)).fill_nan(None).cast(pl.Int64),
                rank_min=pl.Series([r.min() if r.size else None for r in per_unit]).cast(pl.Int64),
                rank_median=pl.Series(
                    [float(np.median(r)) if r.size else None for r in per_unit], dtype=pl.Float64
                ),
                rank_max=pl.Series([r.max() if r.size else None for r in per_unit]).cast(pl.Int64),
                variants=pl.lit(len(variant_ranks), dtype=pl.Int64),
                indicators_used=pl.Series((~np.isnan(values)).sum(axis=1), dtype=pl.Int64),
            )
        )
    return pl.concat(frames).select(
        group, code, name, "index_value", "index_rank", "rank_min", "rank_median", "rank_max",
        "variants", "indicators_used",
    )  # fmt: skip


def threat_index(inputs: pl.DataFrame, settings: IndexSettings) -> pl.DataFrame:
    """The index per region level and region, with its rank and its rank range over variants.

    ``inputs``: region_level, region_code, region_name, indicator, value.
    """
    return composite_index(inputs, settings, "region_level", "region_code", "region_name").drop(
        "indicators_used"
    )
