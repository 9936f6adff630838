"""Aggregate rows against their municipalities: a non-blocking check per CBS source.

CBS delivers NL01, landsdelen, provinces and police units beside the municipalities. They are
never counted as municipalities; they are used here: each is compared with the sum of its
municipalities (as staged, in the 2025 division), within CBS's rounding; a region that holds
only part of a municipality of the year split since is not judged. The comparison is kept in
``quality.aggregate_reconciliation`` for the report's data-quality section.
"""

from typing import Any

import duckdb
from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetChecksDefinition,
    AssetKey,
    asset_check,
)
from dagster_duckdb import DuckDBResource

from pipeline.domain.files.sources import SOURCES
from pipeline.domain.publishing.markdown import markdown_table
from pipeline.plumbing.check_results import YearOutcome, recorded_warning
from pipeline.plumbing.partitions import partition_years, yearly_partitions
from pipeline.plumbing.sql_runner import query, query_frame, registered, run_in_transaction

CHECK_NAME = "aggregates_match_municipalities"
STAGING = {"incidents": "stg_incidents__crimes", "population": "stg_population__inhabitants"}


def _reconciliation_check(source_name: str, staging_name: str) -> AssetChecksDefinition:
    table = SOURCES[source_name].cbs_table
    if table is None:
        raise ValueError(f"{source_name} is not a CBS table: its aggregates cannot be reconciled")
    rule = (
        f"at most {table.rounding_base / 2:g} x (n + 1) apart for n rounded municipal cells "
        f"(CBS rounds to multiples of {table.rounding_base})"
        if table.rounding_base > 1
        else "equal (CBS does not round these counts)"
    )

    @asset_check(
        asset=AssetKey(staging_name),
        name=CHECK_NAME,
        description=f"Warns (does not block) when an aggregate row of CBS {table.table_id} "
        "(NL01, landsdeel, province, police unit) and the sum of its municipalities are not "
        f"{rule}.",
        blocking=False,
        partitions_def=yearly_partitions,
        additional_deps=[
            AssetKey(["raw", source_name]),
            AssetKey(["reference", "cbs_aggregate_regions"]),
        ],
        pool="duckdb",
    )
    def _check(context: AssetCheckExecutionContext, warehouse: DuckDBResource) -> AssetCheckResult:
        outcomes, gaps_shown, compared_in_all, beyond = {}, [], 0, 0
        with warehouse.get_connection() as conn:
            for year in partition_years(context):
                compared, not_comparable, columns, gaps = _reconcile(
                    conn, source_name, year, table.rounding_base
                )
                summary = _describe(year, rule, compared, not_comparable, gaps)
                outcomes[year] = YearOutcome(not gaps, compared, summary)
                gaps_shown += [(year, *gap) for gap in gaps[:20]]
                compared_in_all += compared
                beyond += len(gaps)
            return recorded_warning(
                conn,
                f"staging/{staging_name}",
                CHECK_NAME,
                outcomes,
                metadata={
                    "compared": compared_in_all,
                    "beyond_rounding": beyond,
                    "largest_gaps": markdown_table(["year", *columns], gaps_shown[:20]),
                },
            )

    return _check


def _reconcile(
    conn: duckdb.DuckDBPyConnection, source_name: str, year: int, rounding_base: int
) -> tuple[int, int, list[str], list[tuple[Any, ...]]]:
    """Compare the year's aggregate cells with their municipalities (kept in the quality
    schema): the cells compared, those not comparable, and the gaps beyond rounding."""
    cells = {
        name: query_frame(conn, f"quality/queries/{name}_{source_name}", {"year": year})
        for name in ("aggregate_cells", "municipal_cells")
    }
    with registered(conn, cells):
        run_in_transaction(
            conn,
            "quality/aggregate_reconciliation",
            {"year": year, "source": source_name, "rounding_base": rounding_base},
        )
    of_source = {"year": year, "source": source_name}
    compared, not_comparable = query(conn, "quality/queries/aggregate_compared", of_source)[1][0]
    columns, gaps = query(conn, "quality/queries/aggregate_gaps", of_source)
    return compared, not_comparable, columns, gaps


def _describe(
    year: int, rule: str, compared: int, not_comparable: int, gaps: list[tuple[Any, ...]]
) -> str:
    description = f"{compared} aggregate cell(s) compared with their municipalities: " + (
        f"{len(gaps)} further apart than {rule}; largest: "
        + ", ".join(f"{g[0]} {g[2]} {g[3]} vs {g[4]}" for g in gaps[:5])
        if gaps
        else f"all {rule}."
    )
    if not_comparable:
        description += (
            f" {not_comparable} cell(s) not judged: their region holds only part of a "
            f"municipality of {year} that was split across regions since."
        )
    return description


reconciliation_checks = [_reconciliation_check(source, name) for source, name in STAGING.items()]
