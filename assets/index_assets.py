"""The threat_index asset: a composite threat index per RIEC region and province, with its
robustness. The method is in assets/composite.py; every choice is a run config value."""

import json

from dagster import AssetExecutionContext, AssetKey, Config, MaterializeResult, asset
from dagster_duckdb import DuckDBResource
from pydantic import Field

from assets.composite import IndexSettings, threat_index
from pipeline.metadata import yearly_table_metadata
from pipeline.partitions import yearly_partitions
from pipeline.sql import query_frame, run_in_transaction


class ThreatIndexConfig(Config):
    normalisation: str = "min_max"  # or z_score, rank
    aggregation: str = "arithmetic"  # or geometric
    # indicator -> weight; an indicator not named weighs 1 (equal weights by default)
    weights: dict[str, float] = Field(default_factory=dict)


@asset(
    name="threat_index",
    key_prefix="indicators",
    group_name="harm",
    description="Composite threat index per RIEC region and province (OECD/JRC handbook): four "
    "indicators per 100,000 inhabitants normalised, weighted and aggregated as configured, with "
    "each region's rank range over other normalisations, aggregations and leaving an indicator "
    "out.",
    partitions_def=yearly_partitions,
    deps=[
        AssetKey(["indicators", "phenomenon_indicators"]),
        AssetKey(["indicators", "financial_indicators"]),
        AssetKey(["staging", "stg_signals__tips"]),
    ],
    pool="duckdb",
    kinds={"duckdb", "python"},
)
def threat_index_asset(
    context: AssetExecutionContext, config: ThreatIndexConfig, warehouse: DuckDBResource
) -> MaterializeResult:
    year = int(context.partition_key)
    settings = IndexSettings(config.normalisation, config.aggregation, dict(config.weights))
    with warehouse.get_connection() as conn:
        inputs = query_frame(conn, "marts/threat_index_inputs", {"year": year})
        conn.register("index_rows", threat_index(inputs, settings).to_arrow())
        run_in_transaction(
            conn,
            "marts/threat_index",
            {
                "year": year,
                "normalisation": settings.normalisation,
                "aggregation": settings.aggregation,
                "weights": json.dumps(settings.weights, sort_keys=True),
            },
        )
        metadata = yearly_table_metadata(
            conn, "indicators.threat_index", year, "sql/marts/threat_index.sql"
        )
    return MaterializeResult(metadata=metadata)
