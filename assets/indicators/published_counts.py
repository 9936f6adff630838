"""Published counts: municipal, RIEC and national counts under disclosure control, and the
blocking check that nothing hidden can be recovered. The rules are in
pipeline/domain/statistics/disclosure.py."""

from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetExecutionContext,
    AssetKey,
    Config,
    MaterializeResult,
    asset,
    asset_check,
)
from dagster_duckdb import DuckDBResource

from pipeline.domain.statistics.disclosure import DEFAULT_THRESHOLD, publish, published_problems
from pipeline.metadata import yearly_table_metadata
from pipeline.partitions import yearly_partitions
from pipeline.sql import query_frame, run_in_transaction

KEY = AssetKey(["indicators", "published_counts"])


class DisclosureConfig(Config):
    # No published municipal count is below this; Statistics Netherlands' usual rule of thumb.
    threshold: int = DEFAULT_THRESHOLD


@asset(
    key=KEY,
    group_name="harm",
    description="Registered crimes per municipality, RIEC region and the Netherlands and "
    "phenomenon as they may be published: counts below the threshold hidden, and secondary "
    "suppression so that no hidden count follows from a total.",
    partitions_def=yearly_partitions,
    deps=[AssetKey(["indicators", "phenomenon_indicators"])],
    pool="duckdb",
    kinds={"duckdb", "python"},
)
def published_counts(
    context: AssetExecutionContext, config: DisclosureConfig, warehouse: DuckDBResource
) -> MaterializeResult:
    year = int(context.partition_key)
    with warehouse.get_connection() as conn:
        counts = query_frame(conn, "indicators/queries/published_count_inputs", {"year": year})
        municipal, region = publish(counts, config.threshold)
        conn.register("published_municipal_rows", municipal.to_arrow())
        conn.register("published_region_rows", region.to_arrow())
        run_in_transaction(
            conn, "indicators/published_counts", {"year": year, "threshold": config.threshold}
        )
        metadata = yearly_table_metadata(
            conn,
            "indicators.published_municipal_counts",
            year,
            "sql/indicators/published_counts.sql",
        )
    hidden = municipal.group_by("suppression").len().sort("suppression", nulls_last=True)
    return MaterializeResult(
        metadata={
            **metadata,
            "threshold": config.threshold,
            **{f"cells_{label or 'shown'}": count for label, count in hidden.iter_rows()},
        }
    )


@asset_check(
    asset=KEY,
    name="no_published_count_can_be_disclosed",
    description="No published municipal, regional or national count is below the threshold, "
    "every published value equals the warehouse's, and no hidden count can be worked out from "
    "a published total.",
    blocking=True,
    partitions_def=yearly_partitions,
    pool="duckdb",
)
def no_published_count_can_be_disclosed(
    context: AssetCheckExecutionContext, warehouse: DuckDBResource
) -> AssetCheckResult:
    year = int(context.partition_key)
    with warehouse.get_connection() as conn:
        counts = query_frame(conn, "indicators/queries/published_count_inputs", {"year": year})
        municipal = query_frame(
            conn, "indicators/queries/published_counts_as_stored", {"year": year}
        )
        region = query_frame(
            conn, "indicators/queries/published_region_counts_as_stored", {"year": year}
        )
    threshold = int(municipal["threshold"][0])
    problems = published_problems(counts, municipal, region, threshold)
    return AssetCheckResult(
        passed=not problems,
        description="Nothing can be disclosed." if not problems else f"{len(problems)} problem(s)",
        metadata={"threshold": threshold, "problems": "\n".join(problems[:20])},
    )
