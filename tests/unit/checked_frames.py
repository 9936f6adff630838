"""Delivered rows as the raw checks see them (``pipeline.plumbing.checked_rows``): trimmed, with
the year-marked copies, as a DuckDB relation or a pandas frame."""

import duckdb
import pandas as pd

from pipeline.domain.files.sources import SOURCES
from pipeline.plumbing.checked_rows import as_frame, checked_rows


def checked_relation(
    conn: duckdb.DuckDBPyConnection, delivered: pd.DataFrame, source_name: str
) -> duckdb.DuckDBPyRelation:
    """``delivered`` (the source's columns, ``partition_year`` and provenance) as checked."""
    return checked_rows(conn.from_df(delivered), SOURCES[source_name].columns, source_name)


def checked_frame(delivered: pd.DataFrame, source_name: str) -> pd.DataFrame:
    with duckdb.connect() as conn:
        return as_frame(checked_relation(conn, delivered, source_name))
