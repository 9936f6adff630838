"""Fixtures: a real DuckDB file in tmp_path with tiny reference tables loaded by sql/reference
(fixture_reference.py), built up layer by layer; and the real reference tables in memory."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.plumbing.sql_runner import prepare_connection, run_in_transaction

from .fixture_reference import FIXTURE_REFERENCE, REFERENCE_TABLES
from .raw_loaders import load_2023, load_2024
from .reference_files import REAL_REFERENCE, load_reference, write_reference
from .runners import run_marts, run_staging, stage_new_source


@pytest.fixture(scope="module")
def real():
    """The real reference tables of data/reference, loaded once per test module (read only)."""
    conn = duckdb.connect()
    prepare_connection(conn)
    load_reference(conn, {t: REAL_REFERENCE / f"{t}.csv" for t in REFERENCE_TABLES})
    yield conn
    conn.close()


@pytest.fixture
def reference_paths(tmp_path):
    return write_reference(tmp_path / "reference", FIXTURE_REFERENCE)


@pytest.fixture
def warehouse(tmp_path, reference_paths):
    """A warehouse holding only the fixture reference tables."""
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    prepare_connection(conn)  # as the warehouse resource does on every connection
    load_reference(conn, reference_paths)
    yield conn
    conn.close()


@pytest.fixture
def raw_loaded(warehouse):
    """Fixture years 2023 and 2024 loaded into raw."""
    load_2023(warehouse)
    load_2024(warehouse)
    return warehouse


@pytest.fixture
def staged(raw_loaded):
    """Raw and staging built for 2023 and 2024."""
    run_staging(raw_loaded, 2023)
    run_staging(raw_loaded, 2024)
    return raw_loaded


@pytest.fixture
def built(staged):
    """Raw, staging and marts (default_v0 weights) built for 2023 and 2024."""
    run_marts(staged, 2023)
    run_marts(staged, 2024)
    return staged


@pytest.fixture
def cross(built):
    """Also seizures, emergency freezes and establishments staged, and sector_indicators and
    phenomenon_sector_indicators built for 2024."""
    for source in ("establishments", "seizures", "emergency_freezes"):
        stage_new_source(built, source)
    run_in_transaction(
        built,
        "indicators/sector_indicators",
        {"first_year": 2024, "last_year": 2024, "confidence_level": 0.95},
    )
    run_in_transaction(
        built,
        "indicators/phenomenon_sector_indicators",
        {
            "first_year": 2024,
            "last_year": 2024,
            "confidence_level": 0.95,
            "gap_max_upper_ratio": 2.0,
        },
    )
    return built
