"""In-memory connections with the macros of sql/macros (as every warehouse connection gets them)
and small hand-made tables, for the tests of the macros (test_macro_<name>.py)."""

from __future__ import annotations

import duckdb

from pipeline.plumbing.sql_runner import prepare_connection


def connection(*tables: str) -> duckdb.DuckDBPyConnection:
    """A connection with the macros and the tables given as ``create table`` statements."""
    conn = duckdb.connect()
    prepare_connection(conn)
    for table in tables:
        conn.execute(f"create table {table}")
    return conn


def code_map_connection() -> duckdb.DuckDBPyConnection:
    """A connection with the macros and a code map: GM0001 current, GM0901 merged into GM0001,
    GM0902 split 0.25 / 0.75 over GM0003 / GM0004."""
    return connection(
        "reference.municipality_code_map as "
        "select * from (values ('GM0001', 'GM0001', 1.0), ('GM0901', 'GM0001', 1.0), "
        "('GM0902', 'GM0003', 0.25), ('GM0902', 'GM0004', 0.75)) "
        "as t(source_code, municipality_code, share)"
    )


def delivered_table(conn, rows: list[tuple]) -> None:
    """(delivered_code, theme, tips, cases, is_provisional, source_file, source_row) rows as the
    table ``delivered``."""
    records = [
        {"delivered_code": c, "theme": k, "tips": t, "cases": n, "is_provisional": p,
         "source_file": f, "source_row": r}
        for c, k, t, n, p, f, r in rows
    ]  # fmt: skip
    conn.execute(
        "create table delivered as select * from (select unnest(?, recursive := true))", [records]
    )
