"""The raw checks validate runs of whole years of bounded size (``batches.batched``): the same
outcome per year as one validation over all years, with the rows of only one batch in memory.
Rows judged by their distinct values (as a year of record-level data is) have the outcome of
rows judged one by one."""

from __future__ import annotations

import duckdb
import pytest

import assets.raw.validation as validation
from pipeline.domain.files.consistency_rules import municipality_column
from pipeline.domain.files.sources import SOURCES
from pipeline.plumbing.expectations import Expectations
from tests.conftest import Workspace

YEARS = [2024, 2025]


def test_batched_years_have_the_outcome_of_one_validation(
    demo_build: Workspace, monkeypatch
) -> None:
    source = SOURCES["incidents"]
    with demo_build.connect() as conn:
        known = validation.known_values(conn)
        together = validation.validate_loaded(conn, Expectations(), source, YEARS, known)
        # Every year a batch of its own.
        monkeypatch.setattr(validation, "ROWS_PER_VALIDATION", 1)
        apart = validation.validate_loaded(conn, Expectations(), source, YEARS, known)
    assert together == apart
    assert [outcome.rows_checked > 20_000 for outcome in together.values()] == [True, True]
    assert all(outcome.passed for outcome in together.values())


def with_faults(conn: duckdb.DuckDBPyConnection, source_name: str) -> duckdb.DuckDBPyRelation:
    """The source's 2024 and 2025 raw rows with an unknown municipality (row 5), an empty key
    cell (row 7) and a repeated row (row 9), all in 2025."""
    source = SOURCES[source_name]
    rows = conn.table(f"raw.{source_name}").filter(
        duckdb.ColumnExpression("partition_year").isin(*map(duckdb.ConstantExpression, YEARS))
    )
    faults = {
        municipality_column(list(source.columns)): (5, "GM9999"),
        other_key_column(source_name): (7, None),
    }
    row = duckdb.ColumnExpression("source_row")
    in_2025 = duckdb.ColumnExpression("partition_year") == duckdb.ConstantExpression(2025)

    def cell(column: str) -> duckdb.Expression:
        if column not in faults:
            return duckdb.ColumnExpression(column)
        fault_row, value = faults[column]
        faulty = duckdb.ConstantExpression(value).cast(duckdb.sqltypes.VARCHAR)
        at_fault = in_2025 & (row == duckdb.ConstantExpression(fault_row))
        return (
            duckdb.CaseExpression(at_fault, faulty)
            .otherwise(duckdb.ColumnExpression(column))
            .alias(column)
        )

    faulty = rows.select(*map(cell, rows.columns))
    return faulty.union(faulty.filter(in_2025 & (row == duckdb.ConstantExpression(9))))


def other_key_column(source_name: str) -> str:
    """A key column of the source that is not its municipality."""
    source = SOURCES[source_name]
    municipality = municipality_column(list(source.columns))
    return next(column for column in source.key if column != municipality)


@pytest.mark.parametrize("source_name", ["incidents", "signals"])
def test_rows_judged_by_their_values_have_the_outcome_of_rows_judged_one_by_one(
    demo_build: Workspace, monkeypatch, source_name: str
) -> None:
    source = SOURCES[source_name]
    with demo_build.connect() as conn:
        known = validation.known_values(conn)
        rows = with_faults(conn, source_name)
        one_by_one = validation.validate_rows(conn, Expectations(), source, rows, YEARS, known)
        monkeypatch.setattr(validation, "ROWS_JUDGED_BY_VALUES", 0)
        by_values = validation.validate_rows(conn, Expectations(), source, rows, YEARS, known)
    assert by_values == one_by_one
    assert one_by_one[2024].passed
    broken = {(f.source_row, f.column) for f in one_by_one[2025].failures}
    municipality = municipality_column(list(source.columns))
    assert {(5, municipality), (7, other_key_column(source_name))} <= broken
    assert any(row == 9 for row, _ in broken)
