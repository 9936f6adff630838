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
    return relation_metadata(table_relation(conn, table, equals), order_by)


def relation_metadata(relation: duckdb.DuckDBPyRelation, order_by: str = "all") -> dict[str, Any]:
    """Row count, column schema and a sorted preview of a relation's rows."""
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
    conn: duckdb.DuckDBPyConnection, table: str, years: range, sql_file: str
) -> dict[str, Any]:
    """``table_metadata`` of the rows of the run's years, the SQL file that wrote them, and
    whether any input of those years is synthetic demo data."""
    from pipeline.plumbing.partitions import year_params
    from pipeline.plumbing.sql_runner import query

    synthetic = query(conn, "quality/queries/synthetic_inputs", year_params(years))[1][0][0]
    return {
        **years_table_metadata(conn, table, years),
        "sql_file": sql_file,
        "synthetic": synthetic,
    }


def years_table_metadata(
    conn: duckdb.DuckDBPyConnection, table: str, years: range, year_column: str = "year"
) -> dict[str, Any]:
    """``table_metadata`` of the rows of ``years``."""
    relation = conn.table(table).filter(
        duckdb.ColumnExpression(year_column).between(
            duckdb.ConstantExpression(years[0]), duckdb.ConstantExpression(years[-1])
        )
    )
    return relation_metadata(relation)
