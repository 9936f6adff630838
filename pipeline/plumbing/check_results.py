"""The results of asset checks that are not Great Expectations suites: a query whose rows are the
problems, and warnings kept with the other outcomes for the report's data-quality section."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import polars as pl
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
from pipeline.plumbing.check_outcomes import ValidationOutcome, record_outcome
from pipeline.plumbing.partitions import partition_years, year_params, yearly_partitions
from pipeline.plumbing.sql_runner import query, registered, run_in_transaction

PROBLEMS_SHOWN = 20


def blocking_yearly_check(
    asset: AssetKey | AssetsDefinition, name: str, description: str
) -> Callable[[Callable[..., AssetCheckResult]], AssetChecksDefinition]:
    """A blocking check of the run's years of ``asset`` (one, or all of a backfill): a failure
    stops what depends on the asset in the run. Run in the ``duckdb`` pool, as every step that
    opens the warehouse."""
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
    """A blocking check of the run's years whose query (``sql/<sql_name>.sql``, given the first
    and last year) returns one row per problem."""

    @blocking_yearly_check(asset, name, description)
    def _check(context: AssetCheckExecutionContext, warehouse: DuckDBResource) -> AssetCheckResult:
        with warehouse.get_connection() as conn:
            params = year_params(partition_years(context))
            columns, problems = query(conn, sql_name, params)
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


def by_year(texts: Mapping[int, str]) -> str:
    """Texts of several years, each after its year; one year's text as it is."""
    if len(texts) == 1:
        return next(iter(texts.values()))
    return "\n".join(f"{year}: {text}" for year, text in texts.items())


@dataclass(frozen=True)
class YearOutcome:
    """What a non-blocking check found in one year."""

    passed: bool
    rows_checked: int
    summary: str


def recorded_warning(
    conn: duckdb.DuckDBPyConnection,
    asset_key: str,
    check_name: str,
    outcomes: Mapping[int, YearOutcome],
    metadata: Mapping[str, Any],
) -> AssetCheckResult:
    """A non-blocking check's result over the run's years, each year's outcome also stored so
    that the report's data-quality section lists it. The description is the years' summaries
    (those that warn, or the last year's when none does)."""
    for year, found in outcomes.items():
        outcome = ValidationOutcome(found.passed, found.rows_checked, 1, [])
        record_outcome(
            conn, asset_key, check_name, year, outcome, severity="warning", summary=found.summary
        )
    warned = {year: found for year, found in outcomes.items() if not found.passed}
    shown = warned or dict([max(outcomes.items())])
    return AssetCheckResult(
        passed=not warned,
        severity=AssetCheckSeverity.WARN,
        description=by_year({year: found.summary for year, found in shown.items()}),
        metadata=dict(metadata),
    )


def keep_jumps(
    conn: duckdb.DuckDBPyConnection, asset_key: str, years: range, jumps: list[tuple[Any, ...]]
) -> None:
    """Store the cells a jump check found (rows: year, municipality, item, last year's value,
    this year's) for the years, replacing what it found before (``quality.implausible_jumps``)."""
    rows = pl.DataFrame(
        jumps,
        schema={
            "year": pl.Int32,
            "municipality_code": pl.String,
            "item": pl.String,
            "previous_value": pl.Int64,
            "value": pl.Int64,
        },
        orient="row",
    )
    with registered(conn, {"jump_rows": rows}):
        run_in_transaction(
            conn, "quality/implausible_jumps", {"asset_key": asset_key, **year_params(years)}
        )
