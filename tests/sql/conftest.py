"""Fixtures: a real DuckDB file in tmp_path with tiny reference tables loaded by sql/reference
(fixture_reference.py), built up layer by layer (each level built once per session and copied
for each test); and the real reference tables in memory."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

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


def _load_years(conn: duckdb.DuckDBPyConnection) -> None:
    load_2023(conn)
    load_2024(conn)


def _stage_years(conn: duckdb.DuckDBPyConnection) -> None:
    run_staging(conn, 2023)
    run_staging(conn, 2024)


def _build_marts(conn: duckdb.DuckDBPyConnection) -> None:
    run_marts(conn, 2023)
    run_marts(conn, 2024)


def _build_cross(conn: duckdb.DuckDBPyConnection) -> None:
    for source in ("establishments", "seizures", "emergency_freezes"):
        stage_new_source(conn, source)
    run_in_transaction(
        conn,
        "indicators/sector_indicators",
        {"first_year": 2024, "last_year": 2024, "confidence_level": 0.95},
    )
    run_in_transaction(
        conn,
        "indicators/phenomenon_sector_indicators",
        {
            "first_year": 2024,
            "last_year": 2024,
            "confidence_level": 0.95,
            "gap_max_upper_ratio": 2.0,
        },
    )


# The warehouse fixtures, each a layer further, and what each adds to the one before.
LEVELS: dict[str, Callable[[duckdb.DuckDBPyConnection], None]] = {
    "warehouse": lambda conn: None,
    "raw_loaded": _load_years,
    "staged": _stage_years,
    "built": _build_marts,
    "cross": _build_cross,
}


class Templates:
    """Each level's warehouse built once per session (per xdist worker) and copied for every
    test that asks for it: the test gets a file of its own, as if built for it, without running
    the SQL of every layer below again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.reference = write_reference(folder / "reference", FIXTURE_REFERENCE)

    def copy(self, level: str, database: Path) -> None:
        template = self.folder / f"{level}.duckdb"
        if not template.exists():
            conn = duckdb.connect(str(template))
            try:
                prepare_connection(conn)
                load_reference(conn, self.reference)
                for step in list(LEVELS.values())[: list(LEVELS).index(level) + 1]:
                    step(conn)
            finally:
                conn.close()
        shutil.copyfile(template, database)


@pytest.fixture(scope="session")
def sql_templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return Templates(tmp_path_factory.mktemp("sql_templates"))


@pytest.fixture
def warehouse(tmp_path, request, sql_templates):
    """A warehouse holding the fixture reference tables, and the layers of the furthest of the
    fixtures below that the test asks for (copied from its template)."""
    level = max((name for name in request.fixturenames if name in LEVELS), key=list(LEVELS).index)
    sql_templates.copy(level, tmp_path / "w.duckdb")
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    prepare_connection(conn)  # as the warehouse resource does on every connection
    yield conn
    conn.close()


@pytest.fixture
def raw_loaded(warehouse):
    """Fixture years 2023 and 2024 loaded into raw."""
    return warehouse


@pytest.fixture
def staged(raw_loaded):
    """Raw and staging built for 2023 and 2024."""
    return raw_loaded


@pytest.fixture
def built(staged):
    """Raw, staging and marts (default_v0 weights) built for 2023 and 2024."""
    return staged


@pytest.fixture
def cross(built):
    """Also seizures, emergency freezes and establishments staged, and sector_indicators and
    phenomenon_sector_indicators built for 2024."""
    return built
