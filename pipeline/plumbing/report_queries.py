"""Run the report's queries (sql/report/) against the warehouse into the report's data."""

from __future__ import annotations

import hashlib
from typing import Any

import polars as pl

from pipeline.domain.publishing.report_data import (
    STATIC_DATASETS,
    YEARLY_DATASETS,
    Query,
    ReportData,
)
from pipeline.plumbing.sql_runner import SQL_DIR, load_sql, query_frame, sql_path


def _record(dataset: str, params: dict[str, Any], rows: int) -> Query:
    name = f"report/{dataset}"
    sql = load_sql(name)
    relative = sql_path(name).relative_to(SQL_DIR.parent).as_posix()
    return Query(dataset, relative, params, hashlib.sha256(sql.encode()).hexdigest(), rows)


def load_report_data(conn, year: int) -> ReportData:
    frames: dict[str, pl.DataFrame] = {}
    queries: dict[str, Query] = {}
    for dataset in (*YEARLY_DATASETS, *STATIC_DATASETS):
        params = {"year": year} if dataset in YEARLY_DATASETS else {}
        frame = query_frame(conn, f"report/{dataset}", params)
        frames[dataset] = frame
        queries[dataset] = _record(dataset, params, frame.height)
    return ReportData(year, frames, queries)
