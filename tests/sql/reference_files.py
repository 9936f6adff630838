"""Reference CSVs: the real ones in data/reference, writing the fixture's, and loading either
through sql/reference as the reference assets do."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

import duckdb

from pipeline.plumbing.sql_runner import run_sql

REPO = Path(__file__).resolve().parents[2]
REAL_REFERENCE = REPO / "data" / "reference"


def real_header(table: str) -> list[str]:
    with open(REAL_REFERENCE / f"{table}.csv", encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


def write_reference(directory: Path, tables: Mapping[str, list[list[str]]]) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for table, rows in tables.items():
        path = directory / f"{table}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
        paths[table] = path
    return paths


def load_reference(conn: duckdb.DuckDBPyConnection, paths: Mapping[str, Path]) -> None:
    """Run sql/reference/<table> for each CSV, then the derived tables, as one transaction
    (one commit instead of seventeen keeps the many function-scoped warehouses quick)."""
    conn.execute("begin transaction")
    try:
        for table, path in paths.items():
            run_sql(conn, f"reference/{table}", {"path": str(path)})
        if "municipalities" in paths:
            run_sql(conn, "reference/region_membership")
        if "municipal_reclassifications" in paths:
            run_sql(conn, "reference/municipality_code_map")
        if "harm_weights" in paths:
            run_sql(conn, "reference/harm_weight_sets")
        if "crime_types" in paths:
            run_sql(conn, "reference/crime_type_paths")
    except BaseException:
        conn.execute("rollback")
        raise
    conn.execute("commit")
