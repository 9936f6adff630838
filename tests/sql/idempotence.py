"""Check that running a SQL file again for a year gives the same rows and leaves other years."""

from __future__ import annotations

import duckdb

from pipeline.plumbing.metadata import table_relation
from pipeline.plumbing.sql_runner import run_in_transaction


def snapshot(conn: duckdb.DuckDBPyConnection, table: str, year: int) -> list[tuple]:
    """All rows of ``table`` for ``year``, sorted, for idempotence comparisons."""
    return sorted(table_relation(conn, table, {"year": year}).fetchall(), key=repr)


def other_years(conn: duckdb.DuckDBPyConnection, table: str, year: int) -> list[tuple]:
    """All rows of ``table`` for years other than ``year``, in ``order by all`` order."""
    relation = conn.table(table).filter(
        duckdb.ColumnExpression("year") != duckdb.ConstantExpression(year)
    )
    return relation.order("all").fetchall()


def assert_idempotent(conn: duckdb.DuckDBPyConnection, name: str, table: str, params: dict) -> None:
    """Running ``name`` again for the same year (``params``: first_year = last_year) gives the
    same rows, and leaves other years."""
    year = params["first_year"]
    before = snapshot(conn, table, year)
    others = other_years(conn, table, year)
    run_in_transaction(conn, name, params)
    after = snapshot(conn, table, year)
    assert after == before
    assert len({repr(row) for row in after}) == len(after)  # no duplicates
    assert other_years(conn, table, year) == others
