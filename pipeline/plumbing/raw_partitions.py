"""Replace one year of a source's raw rows with what was delivered, and tell whether the files
changed since the last load."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import polars as pl

from pipeline.plumbing.sql_runner import (
    insertion_order_free,
    query,
    registered,
    run_all_in_transaction,
)


@dataclass(frozen=True)
class DeliveredFile:
    """One file a year's rows came from, as ``raw.loaded_files`` keeps it."""

    source_file: str
    source_sha256: str
    is_synthetic: bool
    row_count: int


def previous_load(conn: duckdb.DuckDBPyConnection, source: str, year: int) -> list[tuple]:
    """The (file name, SHA-256) pairs last loaded for the source and year, sorted by name."""
    try:
        return query(conn, "raw/queries/previous_load", {"year": year, "source": source})[1]
    except duckdb.CatalogException:
        # A new warehouse: nothing has been loaded, so raw.loaded_files does not exist yet.
        return []


def replace_raw_partition(
    conn: duckdb.DuckDBPyConnection,
    source: str,
    year: int,
    rows: pl.DataFrame,
    files: Sequence[DeliveredFile],
    loaded_at: datetime | None,
) -> None:
    """The year's rows of ``raw.<source>`` and its ``raw.loaded_files`` rows replaced in one
    transaction (``sql/raw/loaded_files.sql``, then ``sql/raw/<source>.sql``)."""
    delivered_files = pl.DataFrame(
        [(f.source_file, f.source_sha256, f.is_synthetic, f.row_count) for f in files],
        schema={
            "source_file": pl.String,
            "source_sha256": pl.String,
            "is_synthetic": pl.Boolean,
            "row_count": pl.Int64,
        },
        orient="row",
    )
    frames = {
        # Polars' own Arrow layout (string views) is handed over without a copy.
        "delivered_rows": rows.to_arrow(compat_level=pl.CompatLevel.newest()),
        "delivered_files": delivered_files,
    }
    steps: list[tuple[str, Mapping[str, Any] | None]] = [
        ("raw/loaded_files", {"year": year, "source": source, "loaded_at": loaded_at}),
        (f"raw/{source}", {"year": year}),
    ]
    # Every row carries its source_row, so the insert need not keep the file's order.
    with registered(conn, frames), insertion_order_free(conn):
        run_all_in_transaction(conn, steps)


def raw_view_exists(conn: duckdb.DuckDBPyConnection, source: str) -> bool:
    """Whether ``raw.<source>`` exists (some year of the source was written once)."""
    return bool(query(conn, "raw/queries/raw_view_exists", {"source": source})[1][0][0])
