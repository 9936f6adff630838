"""The phenomenon_trends asset: change on last year and ten-year trends, with significance.
The statistics are in pipeline/domain/statistics/trends.py."""

from dagster import AssetDep, AssetExecutionContext, MaterializeResult, asset
from dagster_duckdb import DuckDBResource

from pipeline.domain.statistics.trends import trend_rows
from pipeline.domain.statistics.uncertainty import CONFIDENCE_LEVEL
from pipeline.metadata import yearly_table_metadata
from pipeline.partitions import TEN_YEARS, yearly_partitions
from pipeline.sql import query_frame, run_in_transaction


@asset(
    key_prefix="indicators",
    group_name="harm",
    description="Per series of every region level (registered crimes, drug sites and Meld "
    "Misdaad Anoniem tips per phenomenon; phenomenon x sector series per establishment above "
    "the municipality): change on last year with its exact interval and p-value, and the "
    "average yearly change over up to ten years (quasi-Poisson regression) with its interval, "
    "p-value and direction.",
    partitions_def=yearly_partitions,
    deps=[
        AssetDep(["indicators", "phenomenon_indicators"], partition_mapping=TEN_YEARS),
        AssetDep(["indicators", "signal_indicators"], partition_mapping=TEN_YEARS),
        AssetDep(["indicators", "phenomenon_sector_indicators"], partition_mapping=TEN_YEARS),
    ],
    pool="duckdb",
    kinds={"duckdb", "python"},
)
def phenomenon_trends(
    context: AssetExecutionContext, warehouse: DuckDBResource
) -> MaterializeResult:
    year = int(context.partition_key)
    with warehouse.get_connection() as conn:
        history = query_frame(conn, "indicators/queries/phenomenon_trend_inputs", {"year": year})
        conn.register("trend_rows", trend_rows(history, year).to_arrow())
        run_in_transaction(
            conn,
            "indicators/phenomenon_trends",
            {"year": year, "confidence_level": CONFIDENCE_LEVEL},
        )
        metadata = yearly_table_metadata(
            conn, "indicators.phenomenon_trends", year, "sql/indicators/phenomenon_trends.sql"
        )
    return MaterializeResult(metadata=metadata)
