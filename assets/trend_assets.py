"""The phenomenon_trends asset: change on last year and ten-year trends, with significance.
The statistics are in assets/trends.py."""

import polars as pl
from dagster import AssetDep, AssetExecutionContext, MaterializeResult, asset
from dagster_duckdb import DuckDBResource

from assets.report import TEN_YEARS
from assets.trends import LEVEL, trend_rows
from pipeline.metadata import table_metadata
from pipeline.partitions import yearly_partitions
from pipeline.sql import query, run_in_transaction


@asset(
    key_prefix="indicators",
    group_name="harm",
    description="Per national, RIEC and provincial series: change on last year with its exact "
    "interval and p-value, and the average yearly change over up to ten years (quasi-Poisson "
    "regression) with its interval, p-value and direction.",
    partitions_def=yearly_partitions,
    deps=[AssetDep(["indicators", "phenomenon_indicators"], partition_mapping=TEN_YEARS)],
    pool="duckdb",
    kinds={"duckdb", "python"},
)
def phenomenon_trends(
    context: AssetExecutionContext, warehouse: DuckDBResource
) -> MaterializeResult:
    year = int(context.partition_key)
    with warehouse.get_connection() as conn:
        columns, rows = query(conn, "marts/phenomenon_trend_inputs", {"year": year})
        history = pl.DataFrame(rows, schema=columns, orient="row", infer_schema_length=None)
        conn.register("trend_rows", trend_rows(history, year).to_arrow())
        run_in_transaction(
            conn, "marts/phenomenon_trends", {"year": year, "confidence_level": LEVEL}
        )
        metadata = table_metadata(conn, "indicators.phenomenon_trends", {"year": year})
        synthetic = query(conn, "quality/synthetic_inputs", {"year": year})[1][0][0]
    return MaterializeResult(
        metadata={**metadata, "sql_file": "sql/marts/phenomenon_trends.sql", "synthetic": synthetic}
    )
