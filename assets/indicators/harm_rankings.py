"""The harm rankings asset: regions ranked under every weight set, with rank intervals.

The statistics are in pipeline/domain/statistics/rank_intervals.py."""

from collections.abc import Mapping

import polars as pl
from dagster import AssetKey, Config, MetadataValue

from assets.indicators import LAYER
from pipeline.domain.publishing.markdown import markdown_table
from pipeline.domain.statistics.rank_intervals import RankingSettings, rank_regions
from pipeline.plumbing.table_asset_factory import (
    Computed,
    PythonTable,
    python_table_asset,
    year_by_year,
)

DEFAULTS = RankingSettings()


class RankingConfig(Config):
    draws: int = DEFAULTS.draws
    weight_spread: float = DEFAULTS.weight_spread
    seed: int = DEFAULTS.seed
    confidence_level: float = DEFAULTS.level


def _rank(inputs: Mapping[str, pl.DataFrame], years: range, config: RankingConfig) -> Computed:
    settings = RankingSettings(
        config.draws, config.weight_spread, config.seed, config.confidence_level
    )
    counts = inputs["counts"]

    def rank_year(year: int) -> dict[str, pl.DataFrame]:
        of_year = counts.filter(pl.col("year") == year).drop("year")
        rankings, correlations = rank_regions(of_year, inputs["weights"], year, settings)
        return {"ranking_rows": rankings, "correlation_rows": correlations}

    frames = year_by_year(years, rank_year)
    correlations = frames["correlation_rows"]
    return Computed(
        frames=frames,
        params={
            "draws": settings.draws,
            "weight_spread": settings.weight_spread,
            "seed": settings.seed,
            "confidence_level": settings.level,
        },
        metadata={
            "rank_correlations": MetadataValue.md(
                markdown_table(correlations.columns, correlations.rows())
            )
        },
    )


harm_rankings = python_table_asset(
    LAYER,
    PythonTable(
        name="harm_rankings",
        group="harm",
        description="RIEC regions and provinces ranked by harm per 100,000 inhabitants under "
        "every harm weight set, with the rank interval from chance in the counts and from "
        "varying the weights (Monte Carlo), and the rank correlation between each pair of "
        "weight sets.",
        deps=[AssetKey("phenomenon_indicators"), AssetKey(["reference", "harm_weight_sets"])],
        inputs={
            "counts": "indicators/queries/harm_ranking_inputs",
            "weights": "indicators/queries/harm_weights_in_use",
        },
        tables=("harm_rankings", "harm_rank_correlations"),
        compute=_rank,
        config=RankingConfig,
    ),
)
