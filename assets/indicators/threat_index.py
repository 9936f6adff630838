"""The composite threat index assets: per RIEC region and province, and per sector, with their
robustness. The method is in pipeline/domain/statistics/composite_index.py; every choice is a run
config value."""

import json
from collections.abc import Callable

import polars as pl
from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetsDefinition,
    Config,
    MaterializeResult,
    asset,
)
from dagster_duckdb import DuckDBResource
from pydantic import Field

from pipeline.domain.statistics.composite_index import IndexSettings, composite_index, threat_index
from pipeline.metadata import yearly_table_metadata
from pipeline.partitions import yearly_partitions
from pipeline.sql import query_frame, run_in_transaction


class ThreatIndexConfig(Config):
    normalisation: str = "min_max"  # or z_score, rank
    aggregation: str = "arithmetic"  # or geometric
    # indicator -> weight; an indicator not named weighs 1 (equal weights by default)
    weights: dict[str, float] = Field(default_factory=dict)


def _index_asset(
    name: str,
    description: str,
    deps: list[AssetKey],
    compute: Callable[[pl.DataFrame, IndexSettings], pl.DataFrame],
) -> AssetsDefinition:
    @asset(
        name=name,
        key_prefix="indicators",
        group_name="harm",
        description=description,
        partitions_def=yearly_partitions,
        deps=deps,
        pool="duckdb",
        kinds={"duckdb", "python"},
    )
    def _build(
        context: AssetExecutionContext, config: ThreatIndexConfig, warehouse: DuckDBResource
    ) -> MaterializeResult:
        year = int(context.partition_key)
        settings = IndexSettings(config.normalisation, config.aggregation, dict(config.weights))
        with warehouse.get_connection() as conn:
            inputs = query_frame(conn, f"indicators/queries/{name}_inputs", {"year": year})
            conn.register("index_rows", compute(inputs, settings).to_arrow())
            try:
                run_in_transaction(
                    conn,
                    f"indicators/{name}",
                    {
                        "year": year,
                        "normalisation": settings.normalisation,
                        "aggregation": settings.aggregation,
                        "weights": json.dumps(settings.weights, sort_keys=True),
                    },
                )
            finally:
                conn.unregister("index_rows")
            metadata = yearly_table_metadata(
                conn, f"indicators.{name}", year, f"sql/indicators/{name}.sql"
            )
        return MaterializeResult(metadata=metadata)

    return _build


def _sector_index(inputs: pl.DataFrame, settings: IndexSettings) -> pl.DataFrame:
    return composite_index(inputs, settings, "region_level", "sector_code", "sector_name")


threat_index_asset = _index_asset(
    "threat_index",
    "Composite threat index per RIEC region and province (OECD/JRC handbook): four "
    "indicators per 100,000 inhabitants normalised, weighted and aggregated as configured, with "
    "each region's rank range over other normalisations, aggregations and leaving an indicator "
    "out.",
    [
        AssetKey(["indicators", "phenomenon_indicators"]),
        AssetKey(["indicators", "financial_indicators"]),
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
    [AssetKey(["indicators", "phenomenon_sector_indicators"]), AssetKey(["reference", "sectors"])],
    _sector_index,
)
