"""Load a file from ``sql/`` by name and run it with named, bound parameters.

A SQL file may hold several statements (DDL, the partition delete, the insert). DuckDB binds
parameters per statement, so each statement receives exactly the parameters it names.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"


class SqlParameterError(ValueError):
    """A SQL file was run with parameters it does not use, or without ones it needs."""


def sql_path(name: str) -> Path:
    """Path of ``sql/<name>.sql``; such as ``staging/stg_incidents__crimes``."""
    path = (SQL_DIR / f"{name}.sql").resolve()
    if SQL_DIR not in path.parents:
        raise ValueError(f"SQL name {name!r} points outside {SQL_DIR}")
    return path


def load_sql(name: str) -> str:
    return sql_path(name).read_text(encoding="utf-8")


def run_sql(
    conn: duckdb.DuckDBPyConnection,
    name: str,
    params: Mapping[str, Any] | None = None,
) -> list[tuple] | None:
    """Run every statement of ``sql/<name>.sql``; return the rows of the last one if it is a query.

    Fails when a given parameter is used by no statement, or a statement names one not given, so
    that a typo cannot silently bind nothing.
    """
    params = dict(params or {})
    statements = conn.extract_statements(load_sql(name))
    used: set[str] = set()
    rows: list[tuple] | None = None
    for statement in statements:
        needed = set(statement.named_parameters)
        missing = needed - params.keys()
        if missing:
            raise SqlParameterError(f"sql/{name}.sql needs parameters {sorted(missing)}")
        used |= needed
        result = conn.execute(statement, {key: params[key] for key in needed} if needed else None)
        rows = result.fetchall() if result.description else None
    unused = params.keys() - used
    if unused:
        raise SqlParameterError(f"sql/{name}.sql does not use parameters {sorted(unused)}")
    return rows


def named_parameters(conn: duckdb.DuckDBPyConnection, name: str) -> set[str]:
    """The parameters the statements of ``sql/<name>.sql`` name."""
    return {
        parameter
        for statement in conn.extract_statements(load_sql(name))
        for parameter in statement.named_parameters
    }


def _single_query(conn: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any]):
    """The one statement of ``sql/<name>.sql``, checked to take exactly ``params``."""
    statements = conn.extract_statements(load_sql(name))
    if len(statements) != 1:
        raise ValueError(f"sql/{name}.sql must hold exactly one query, found {len(statements)}")
    needed = set(statements[0].named_parameters)
    if needed != params.keys():
        raise SqlParameterError(
            f"sql/{name}.sql takes parameters {sorted(needed)}, got {sorted(params)}"
        )
    return statements[0]


def create_tables_of(conn: duckdb.DuckDBPyConnection, name: str) -> None:
    """Run only the ``create`` statements of ``sql/<name>.sql`` (``if not exists`` tables, and
    views): a table another asset writes, read as empty before that asset first runs."""
    for statement in conn.extract_statements(load_sql(name)):
        if statement.type == duckdb.StatementType.CREATE:
            conn.execute(statement)


def query(
    conn: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None
) -> tuple[list[str], list[tuple]]:
    """Run a single-query SQL file and return its column names and rows."""
    params = dict(params or {})
    result = conn.execute(_single_query(conn, name, params), params or None)
    columns = [column[0] for column in result.description]
    return columns, result.fetchall()


def query_table(
    conn: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None
) -> pl.DataFrame:
    """A single-query SQL file as a Polars frame with the warehouse's own column types (an
    all-null column keeps its type), for tables that are published as they are."""
    params = dict(params or {})
    # A relation hands its rows to Arrow without the extra copy a DB-API result makes.
    relation = conn.sql(_single_query(conn, name, params), params=params or None)
    frame = pl.from_arrow(relation.to_arrow_table())
    if not isinstance(frame, pl.DataFrame):  # a table always gives a frame; this tells mypy so
        raise TypeError(f"sql/{name}.sql gave no table")
    return frame


def run_in_transaction(
    conn: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None
) -> None:
    """Run a SQL file as one transaction: on any error nothing of it stays in the warehouse."""
    run_all_in_transaction(conn, [(name, params)])


def run_all_in_transaction(
    conn: duckdb.DuckDBPyConnection, steps: Sequence[tuple[str, Mapping[str, Any] | None]]
) -> None:
    """Run several SQL files, each with its parameters, as one transaction."""
    conn.execute("begin transaction")
    try:
        for name, params in steps:
            run_sql(conn, name, params)
    except BaseException:
        # If the rollback fails too (a connection DuckDB invalidated), the first error counts.
        with contextlib.suppress(duckdb.Error):
            conn.execute("rollback")
        raise
    conn.execute("commit")


def write_tables(
    conn: duckdb.DuckDBPyConnection,
    layer: str,
    tables: Sequence[str],
    params: Mapping[str, Any],
) -> None:
    """Run the writer of each table (``sql/<layer>/<table>.sql``) in one transaction, each with
    the parameters it names (a parameter no writer names is an error)."""
    steps = []
    for table in tables:
        name = f"{layer}/{table}"
        wanted = named_parameters(conn, name)
        steps.append((name, {key: value for key, value in params.items() if key in wanted}))
    unused = params.keys() - {key for _, given in steps for key in given}
    if unused:
        raise SqlParameterError(f"no writer of {list(tables)} uses parameters {sorted(unused)}")
    run_all_in_transaction(conn, steps)


@contextlib.contextmanager
def registered(conn: duckdb.DuckDBPyConnection, frames: Mapping[str, Any]) -> Iterator[None]:
    """Frames (Polars, Arrow, pandas) visible to SQL under the given names, and unregistered
    afterwards whatever happens: a frame left registered would shadow the next one of that name
    on this connection."""
    names: list[str] = []
    try:
        for name, frame in frames.items():
            conn.register(name, frame)
            names.append(name)
        yield
    finally:
        for name in names:
            with contextlib.suppress(duckdb.Error):
                conn.unregister(name)


@contextlib.contextmanager
def insertion_order_free(conn: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Let DuckDB write rows in any order (faster) for statements whose rows carry their own
    order; the default, which keeps results reproducible, is restored afterwards."""
    conn.execute("set preserve_insertion_order = false")
    try:
        yield
    finally:
        # A connection DuckDB invalidated cannot reset; it is closed by its resource anyway.
        with contextlib.suppress(duckdb.Error):
            conn.execute("reset preserve_insertion_order")


def prepare_connection(conn: duckdb.DuckDBPyConnection) -> None:
    """Make a connection ready for the project's SQL: the layers' schemas (``sql/schemas.sql``),
    the macros of ``sql/macros/`` and the statistical functions of
    ``pipeline.plumbing.sql_functions`` (macros and functions live as long as the connection)."""
    from pipeline.plumbing.sql_functions import install_functions

    run_sql(conn, "schemas")
    for path in sorted((SQL_DIR / "macros").glob("*.sql")):
        run_sql(conn, f"macros/{path.stem}")
    install_functions(conn)


def query_frame(
    conn: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None
) -> pl.DataFrame:
    """``query`` as a Polars frame for computing with: every integer (and a whole-number sum,
    which DuckDB gives as a 128-bit decimal) as Int64, every float as Float64."""
    frame = query_table(conn, name, params)
    casts: dict[str, pl.DataType] = {}
    for column, dtype in frame.schema.items():
        if dtype.is_integer() or (isinstance(dtype, pl.Decimal) and dtype.scale == 0):
            casts[column] = pl.Int64()
        elif dtype.is_float():
            casts[column] = pl.Float64()
    return frame.with_columns(pl.col(column).cast(dtype) for column, dtype in casts.items())
