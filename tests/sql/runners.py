"""Run the staging and mart SQL of the pipeline on the fixture warehouse."""

from __future__ import annotations

import duckdb

from pipeline.plumbing.sql_runner import run_in_transaction
from pipeline.plumbing.table_asset_factory import year_by_year

from . import fixture_rows
from .raw_loaders import load_raw

STAGING = (
    "staging/stg_incidents__crimes",
    "staging/stg_incidents__counted_crimes",
    "staging/stg_population__inhabitants",
    "staging/stg_drug_sites__sites",
    "staging/stg_financial__fiu_transactions",
)


def run_staging(conn: duckdb.DuckDBPyConnection, year: int) -> None:
    for name in STAGING:
        run_in_transaction(conn, name, {"first_year": year, "last_year": year})


def phenomenon_params(year: int = 2024, weight_set: str = "default_v0") -> dict:
    """The parameters of sql/indicators/phenomenon_indicators the fixture builds use."""
    return {
        "first_year": year,
        "last_year": year,
        "weight_set": weight_set,
        "confidence_level": 0.95,
        "gap_max_upper_ratio": 2.0,
    }


def run_marts(conn: duckdb.DuckDBPyConnection, year: int, weight_set: str = "default_v0") -> None:
    run_in_transaction(
        conn, "indicators/phenomenon_indicators", phenomenon_params(year, weight_set)
    )
    run_in_transaction(
        conn, "indicators/financial_indicators", {"first_year": year, "last_year": year}
    )


# The staging file of each later-added source and its fixture rows of 2023 and 2024.
NEW_SOURCES = {
    "seizures": (
        "staging/stg_seizures__seizures",
        fixture_rows.SEIZURES_2023,
        fixture_rows.SEIZURES_2024,
    ),
    "signals": ("staging/stg_signals__tips", fixture_rows.SIGNALS_2023, fixture_rows.SIGNALS_2024),
    "establishments": (
        "staging/stg_establishments__establishments",
        fixture_rows.ESTABLISHMENTS_2023,
        fixture_rows.ESTABLISHMENTS_2024,
    ),
    "seized_assets": (
        "staging/stg_financial__seized_assets",
        fixture_rows.SEIZED_ASSETS_2023,
        fixture_rows.SEIZED_ASSETS_2024,
    ),
    "emergency_freezes": (
        "staging/stg_financial__emergency_freezes",
        fixture_rows.EMERGENCY_FREEZES_2023,
        fixture_rows.EMERGENCY_FREEZES_2024,
    ),
}


def stage_new_source(conn: duckdb.DuckDBPyConnection, source: str) -> duckdb.DuckDBPyConnection:
    """Load the 2023 and 2024 fixture rows of a later-added source and stage both years."""
    name, rows_2023, rows_2024 = NEW_SOURCES[source]
    load_raw(conn, source, 2023, rows_2023, is_synthetic=False)
    load_raw(conn, source, 2024, rows_2024)
    run_in_transaction(conn, name, {"first_year": 2023, "last_year": 2023})
    run_in_transaction(conn, name, {"first_year": 2024, "last_year": 2024})
    return conn


def table_rows(conn: duckdb.DuckDBPyConnection, sql: str, params=None) -> list[tuple]:
    return conn.execute(sql, params).fetchall()


def register_year(conn, year: int, frames: dict) -> None:
    """Register a Python table's frames for one year as its asset hands them over: each row
    with its year (pipeline.plumbing.table_asset_factory.year_by_year)."""
    for name, frame in year_by_year(range(year, year + 1), lambda _: frames).items():
        conn.register(name, frame.to_arrow())
