"""Fixtures: a real DuckDB file in tmp_path with tiny reference tables loaded by sql/reference."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.plumbing.sql_runner import prepare_connection, run_in_transaction

from .helpers import (
    FIXTURE_REFERENCE,
    load_2023,
    load_2024,
    load_reference,
    run_marts,
    run_staging,
    stage_new_source,
    write_reference,
)


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
        built, "indicators/sector_indicators", {"year": 2024, "confidence_level": 0.95}
    )
    run_in_transaction(
        built,
        "indicators/phenomenon_sector_indicators",
        {"year": 2024, "confidence_level": 0.95, "gap_max_upper_ratio": 2.0},
    )
    return built
