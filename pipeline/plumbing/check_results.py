"""The results of asset checks that are not Great Expectations suites: a query whose rows are the
problems, and warnings kept with the other outcomes for the report's data-quality section."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import duckdb
from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetChecksDefinition,
    AssetCheckSeverity,
    AssetKey,
    AssetsDefinition,
    MetadataValue,
    asset_check,
)
from dagster_duckdb import DuckDBResource

from pipeline.domain.publishing.markdown import markdown_table
from pipeline.plumbing.check_runner import ValidationOutcome, record_outcome
from pipeline.plumbing.partitions import yearly_partitions
from pipeline.plumbing.sql_runner import query

PROBLEMS_SHOWN = 20


def blocking_yearly_check(
    asset: AssetKey | AssetsDefinition, name: str, description: str
) -> Callable[[Callable[..., AssetCheckResult]], AssetChecksDefinition]:
    """A blocking check of one year of ``asset``: a failure stops what depends on the asset in
    the run. Run in the ``duckdb`` pool, as every step that opens the warehouse."""
    return asset_check(
        asset=asset,
        name=name,
        description=description,
        blocking=True,
        partitions_def=yearly_partitions,
        pool="duckdb",
    )


def yearly_problems_check(
    asset: AssetKey, name: str, description: str, sql_name: str, all_clear: str
) -> AssetChecksDefinition:
    """A blocking check of one year whose query (``sql/<sql_name>.sql``, given the year) returns
    one row per problem."""

    @blocking_yearly_check(asset, name, description)
    def _check(context: AssetCheckExecutionContext, warehouse: DuckDBResource) -> AssetCheckResult:
        with warehouse.get_connection() as conn:
            columns, problems = query(conn, sql_name, {"year": int(context.partition_key)})
        return problems_result(columns, problems, all_clear)

    return _check


def problems_result(
    columns: Sequence[str], problems: Sequence[tuple[Any, ...]], all_clear: str
) -> AssetCheckResult:
    """Passed when there are no problem rows; otherwise the first rows, as a table."""
    return AssetCheckResult(
        passed=not problems,
        description=all_clear if not problems else f"{len(problems)} problem(s)",
        metadata={
            "problems": MetadataValue.md(markdown_table(columns, problems[:PROBLEMS_SHOWN])),
        },
    )


def recorded_warning(
    conn: duckdb.DuckDBPyConnection,
    check: tuple[str, str, int],
    passed: bool,
    rows_checked: int,
    description: str,
    metadata: Mapping[str, Any],
) -> AssetCheckResult:
    """A non-blocking check's result, also stored for the year (``check``: asset key, check
    name, year) so that the report's data-quality section lists it."""
    asset_key, check_name, year = check
    outcome = ValidationOutcome(passed, rows_checked, 1, [])
    record_outcome(
        conn, asset_key, check_name, year, outcome, severity="warning", summary=description
    )
    return AssetCheckResult(
        passed=passed,
        severity=AssetCheckSeverity.WARN,
        description=description,
        metadata=dict(metadata),
    )
