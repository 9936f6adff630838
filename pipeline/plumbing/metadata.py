"""Asset metadata from a warehouse table: row count, column schema and a markdown preview."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb
from dagster import MetadataValue, TableColumn, TableSchema

from pipeline.domain.publishing.markdown import markdown_table

PREVIEW_ROWS = 10


def table_relation(
    conn: duckdb.DuckDBPyConnection, table: str, equals: Mapping[str, Any] | None = None
) -> duckdb.DuckDBPyRelation:
    """Rows of ``table`` whose columns equal the given values, built without SQL strings."""
    relation = conn.table(table)
    for column, value in (equals or {}).items():
        relation = relation.filter(
            duckdb.ColumnExpression(column) == duckdb.ConstantExpression(value)
        )
    return relation


def table_metadata(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    equals: Mapping[str, Any] | None = None,
    order_by: str = "all",
) -> dict[str, Any]:
    """Row count, column schema and a sorted preview of the selected rows of ``table``.

    ``order_by`` is a column (or ``all``) that makes the preview the same on every run."""
    relation = table_relation(conn, table, equals)
    columns = [
        TableColumn(name=name, type=str(dtype))
        for name, dtype in zip(relation.columns, relation.types, strict=True)
    ]
    row_count = relation.aggregate("count(*)").fetchall()[0][0]
    preview = relation.order(order_by).limit(PREVIEW_ROWS).fetchall()
    return {
        "dagster/row_count": int(row_count),
        "dagster/column_schema": TableSchema(columns=columns),
        "preview": MetadataValue.md(markdown_table(relation.columns, preview)),
    }


def yearly_table_metadata(
    conn: duckdb.DuckDBPyConnection, table: str, year: int, sql_file: str
) -> dict[str, Any]:
    """``table_metadata`` of one year's rows, the SQL file that wrote them, and whether any
    input of the year is synthetic demo data."""
    from pipeline.plumbing.sql_runner import query

    synthetic = query(conn, "quality/queries/synthetic_inputs", {"year": year})[1][0][0]
    return {
        **table_metadata(conn, table, {"year": year}),
        "sql_file": sql_file,
        "synthetic": synthetic,
    }
