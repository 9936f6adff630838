"""A composite threat index per region, after the OECD/JRC Handbook on Constructing Composite
Indicators (2008). Plain functions, no Dagster.

Steps, each a parameter: (1) indicators per 100,000 inhabitants, higher = more threat;
(2) normalisation: min-max to 0-100 (default), z-scores, or ranks; (3) weighting: equal by
default, or given weights; (4) aggregation: weighted arithmetic mean (default, compensatory) or
weighted geometric mean (less compensatory; needs positive values, so it uses min-max shifted to
1-100); (5) robustness: the index is recomputed under every combination of normalisation and
aggregation and with each indicator left out in turn, and each region's rank range is reported.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np
import polars as pl

from assets.harm_model import ranks

NORMALISATIONS = ("min_max", "z_score", "rank")
AGGREGATIONS = ("arithmetic", "geometric")


def normalise(values: np.ndarray, method: str) -> np.ndarray:
    """Columns of ``values`` (regions x indicators) on a common scale; higher = more threat."""
    values = np.asarray(values, float)
    if method == "min_max":
        low, high = values.min(axis=0), values.max(axis=0)
        span = np.where(high > low, high - low, 1.0)
        return (values - low) / span * 100
    if method == "z_score":
        sd = values.std(axis=0)
        return (values - values.mean(axis=0)) / np.where(sd > 0, sd, 1.0)
    if method == "rank":
        return (values[:, None, :] > values[None, :, :]).sum(axis=1).astype(float)
    raise ValueError(f"unknown normalisation {method!r}")


def aggregate(normalised: np.ndarray, weights: np.ndarray, method: str) -> np.ndarray:
    weights = np.asarray(weights, float) / np.sum(weights)
    if method == "arithmetic":
        return normalised @ weights
    if method == "geometric":
        if np.any(normalised <= 0):
            raise ValueError("the geometric mean needs positive values")
        return np.exp(np.log(normalised) @ weights)
    raise ValueError(f"unknown aggregation {method!r}")


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


def threat_index(inputs: pl.DataFrame, settings: IndexSettings) -> pl.DataFrame:
    """The index per region level and region, with its rank and its rank range over variants.

    ``inputs``: region_level, region_code, region_name, indicator, value.
    """
    frames = []
    for level in sorted(inputs["region_level"].unique().to_list()):
        table = (
            inputs.filter(pl.col("region_level") == level)
            .pivot(on="indicator", index=["region_code", "region_name"], values="value",
                   sort_columns=True)
            .sort("region_code")
            .fill_null(0.0)
        )  # fmt: skip
        indicators = [c for c in table.columns if c not in ("region_code", "region_name")]
        values = table.select(indicators).to_numpy().astype(float)
        weight_of = {name: settings.weights.get(name, 1.0) for name in indicators}
        weights = np.array([weight_of[name] for name in indicators])
        score = index_values(values, weights, settings.normalisation, settings.aggregation)
        rank = ranks(score)
        variant_ranks = []
        for normalisation, aggregation, kept in variants(indicators):
            columns = [indicators.index(name) for name in kept]
            variant_ranks.append(
                ranks(
                    index_values(
                        values[:, columns],
                        np.array([weight_of[name] for name in kept]),
                        normalisation,
                        aggregation,
                    )
                )
            )
        spread = np.array(variant_ranks)
        frames.append(
            table.select("region_code", "region_name").with_columns(
                region_level=pl.lit(level),
                index_value=pl.Series(score),
                index_rank=pl.Series(rank, dtype=pl.Int64),
                rank_min=pl.Series(spread.min(axis=0), dtype=pl.Int64),
                rank_median=pl.Series(np.median(spread, axis=0)),
                rank_max=pl.Series(spread.max(axis=0), dtype=pl.Int64),
                variants=pl.lit(len(variant_ranks), dtype=pl.Int64),
            )
        )
    return pl.concat(frames).select(
        "region_level", "region_code", "region_name", "index_value", "index_rank",
        "rank_min", "rank_median", "rank_max", "variants",
    )  # fmt: skip
