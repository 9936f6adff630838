"""The composite threat index assets: per RIEC region and province, and per sector, with their
robustness. The method is in pipeline/domain/statistics/composite_index.py; every choice is a run
config value."""

import json
from collections.abc import Callable, Mapping

import polars as pl
from dagster import AssetKey, Config
from pydantic import Field

from assets.indicators import LAYER
from pipeline.domain.statistics.composite_index import IndexSettings, composite_index, threat_index
from pipeline.plumbing.table_asset_factory import (
    Computed,
    PythonTable,
    python_table_asset,
    year_by_year,
)


class ThreatIndexConfig(Config):
    normalisation: str = "min_max"  # or z_score, rank
    aggregation: str = "arithmetic"  # or geometric
    # indicator -> weight; an indicator not named weighs 1 (equal weights by default)
    weights: dict[str, float] = Field(default_factory=dict)


def _index_step(
    index: Callable[[pl.DataFrame, IndexSettings], pl.DataFrame],
) -> Callable[[Mapping[str, pl.DataFrame], range, ThreatIndexConfig], Computed]:
    def _compute(
        inputs: Mapping[str, pl.DataFrame], years: range, config: ThreatIndexConfig
    ) -> Computed:
        settings = IndexSettings(config.normalisation, config.aggregation, dict(config.weights))
        indicators = inputs["inputs"]

        def index_year(year: int) -> dict[str, pl.DataFrame]:
            of_year = indicators.filter(pl.col("year") == year).drop("year")
            return {"index_rows": index(of_year, settings)}

        return Computed(
            frames=year_by_year(years, index_year),
            params={
                "normalisation": settings.normalisation,
                "aggregation": settings.aggregation,
                "weights": json.dumps(settings.weights, sort_keys=True),
            },
        )

    return _compute


def _index_asset(
    name: str,
    description: str,
    deps: list[AssetKey],
    index: Callable[[pl.DataFrame, IndexSettings], pl.DataFrame],
):
    return python_table_asset(
        LAYER,
        PythonTable(
            name=name,
            group="harm",
            description=description,
            deps=deps,
            inputs={"inputs": f"indicators/queries/{name}_inputs"},
            compute=_index_step(index),
            config=ThreatIndexConfig,
        ),
    )


def _sector_index(inputs: pl.DataFrame, settings: IndexSettings) -> pl.DataFrame:
    return composite_index(inputs, settings, "region_level", "sector_code", "sector_name")


threat_index_asset = _index_asset(
    "threat_index",
    "Composite threat index per RIEC region and province (OECD/JRC handbook): four "
    "indicators per 100,000 inhabitants normalised, weighted and aggregated as configured, with "
    "each region's rank range over other normalisations, aggregations and leaving an indicator "
    "out.",
    [
        AssetKey("phenomenon_indicators"),
        AssetKey("financial_indicators"),
        AssetKey(["staging", "stg_signals__tips"]),
    ],
    threat_index,
)

sector_threat_index = _index_asset(
    "sector_threat_index",
    "Composite threat index per sector (OECD/JRC handbook): suspicious transactions, emergency "
    "freezes, drug sites and seizures per 1,000 establishments, normalised, weighted and "
    "aggregated as configured over the indicators measured for each sector (a sector with none "
    "has no index), with each sector's rank range over the robustness variants.",
    [AssetKey("phenomenon_sector_indicators"), AssetKey(["reference", "sectors"])],
    _sector_index,
)
