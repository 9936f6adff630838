"""Load raw rows (tuples of strings) into raw.<source> as the raw assets do."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import duckdb
import polars as pl

from pipeline.domain.files.delimited_files import empty_delivery
from pipeline.domain.files.sources import SOURCES
from pipeline.plumbing.raw_partitions import DeliveredFile, replace_raw_partition

from .fixture_rows import (
    DRUG_SITES_2024,
    FINANCIAL_2024,
    INCIDENTS_2023,
    INCIDENTS_2024,
    POPULATION_2023,
    POPULATION_2024,
)


def delivered_frame(
    source: str, rows: Iterable[Sequence[str | None]], source_file: str = "delivered.csv"
) -> pl.DataFrame:
    """A frame as the raw asset registers it: every column a string, plus source_row from 2.

    Rows of a CBS table give ID, the dimensions and the measure the pipeline uses; its other
    measures are empty, and every row names its file."""
    spec = SOURCES[source]
    table = spec.cbs_table
    given = ["ID", *table.dimensions, table.used_measure] if table else list(spec.columns)
    frame = pl.DataFrame(
        [list(row) for row in rows], schema=dict.fromkeys(given, pl.String), orient="row"
    ).with_row_index("source_row", offset=2)
    frame = frame.with_columns(pl.col("source_row").cast(pl.Int64))
    if table is None:
        return frame.select(
            "source_row", *spec.columns, pl.lit(source_file, pl.String).alias("source_file")
        )
    return frame.select(
        "source_row",
        *(pl.col(c) if c in given else pl.lit(None, pl.String).alias(c) for c in spec.columns),
        pl.lit(source_file, pl.String).alias("source_file"),
    )


def load_raw(
    conn: duckdb.DuckDBPyConnection,
    source: str,
    year: int,
    rows: Iterable[Sequence[str | None]],
    *,
    source_file: str | None = None,
    source_sha256: str = "0" * 64,
    is_synthetic: bool = True,
    loaded_at: datetime = datetime(2025, 6, 1, 12, 0, 0),
) -> None:
    """Load rows (tuples of strings, see delivered_frame) through sql/raw/<source>, as the raw
    assets do."""
    name = source_file or SOURCES[source].file_name(year)
    frame = delivered_frame(source, rows, name)
    delivered = DeliveredFile(name, source_sha256, is_synthetic, frame.height)
    replace_raw_partition(conn, source, year, frame, [delivered], loaded_at)


def load_without_file(conn: duckdb.DuckDBPyConnection, source: str, year: int) -> None:
    """Load a year of an optional source that has no file, as assets/raw/files.py does."""
    replace_raw_partition(conn, source, year, empty_delivery(SOURCES[source]), [], None)


def load_year(
    conn: duckdb.DuckDBPyConnection,
    year: int,
    incidents=(),
    population_rows=(),
    drug_sites=(),
    financial=(),
    is_synthetic: bool = True,
) -> None:
    load_raw(conn, "incidents", year, incidents, is_synthetic=is_synthetic)
    load_raw(conn, "population", year, population_rows, is_synthetic=is_synthetic)
    load_raw(conn, "drug_sites", year, drug_sites, is_synthetic=is_synthetic)
    load_raw(conn, "financial", year, financial, is_synthetic=is_synthetic)
    load_without_file(conn, "unusual_transactions", year)  # optional: FIU aggregates suffice


def load_2024(conn: duckdb.DuckDBPyConnection) -> None:
    load_year(conn, 2024, INCIDENTS_2024, POPULATION_2024, DRUG_SITES_2024, FINANCIAL_2024)


def load_2023(conn: duckdb.DuckDBPyConnection) -> None:
    load_year(conn, 2023, INCIDENTS_2023, POPULATION_2023, is_synthetic=False)
