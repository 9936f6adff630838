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
from pipeline.plumbing.partitions import partition_years, year_params, yearly_partitions
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
        f"{rule}. When it warns: the metadata lists the regions and gaps; a municipal boundary "
        "change or a late correction by CBS explains most, otherwise ask CBS; nothing waits.",
        blocking=False,
        partitions_def=yearly_partitions,
        additional_deps=[
            AssetKey(["raw", source_name]),
            AssetKey(["reference", "cbs_aggregate_regions"]),
        ],
        pool="duckdb",
    )
    def _check(context: AssetCheckExecutionContext, warehouse: DuckDBResource) -> AssetCheckResult:
        years = partition_years(context)
        with warehouse.get_connection() as conn:
            compared, columns, gaps = _reconcile(conn, source_name, years, table.rounding_base)
            outcomes = {}
            for year in years:
                counted, not_comparable = compared.get(year, (0, 0))
                found = [gap[1:] for gap in gaps if gap[0] == year]
                summary = _describe(year, rule, counted, not_comparable, found)
                outcomes[year] = YearOutcome(not found, counted, summary)
            return recorded_warning(
                conn,
                f"staging/{staging_name}",
                CHECK_NAME,
                outcomes,
                metadata={
                    "compared": sum(counted for counted, _ in compared.values()),
                    "beyond_rounding": len(gaps),
                    "largest_gaps": markdown_table(columns, gaps[:20]),
                },
            )

    return _check


def _reconcile(
    conn: duckdb.DuckDBPyConnection, source_name: str, years: range, rounding_base: int
) -> tuple[dict[int, tuple[int, int]], list[str], list[tuple[Any, ...]]]:
    """Compare the years' aggregate cells with their municipalities (kept in the quality
    schema): per year the cells compared and those not comparable, and the gaps beyond rounding
    (rows starting with their year)."""
    params = {**year_params(years), "source": source_name}
    cells = {
        name: query_frame(conn, f"quality/queries/{name}_{source_name}", year_params(years))
        for name in ("aggregate_cells", "municipal_cells")
    }
    with registered(conn, cells):
        run_in_transaction(
            conn, "quality/aggregate_reconciliation", {**params, "rounding_base": rounding_base}
        )
    compared = {
        year: (counted, other)
        for year, counted, other in query(conn, "quality/queries/aggregate_compared", params)[1]
    }
    columns, gaps = query(conn, "quality/queries/aggregate_gaps", params)
    return compared, columns, gaps


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
