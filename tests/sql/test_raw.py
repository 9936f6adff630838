"""sql/raw/*.sql: delivered rows kept as text, with provenance, replaced per partition year."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from pipeline.domain.files.sources import SOURCES

from .fixture_rows import (
    DRUG_SITES_2024,
    EMERGENCY_FREEZES_2023,
    EMERGENCY_FREEZES_2024,
    ESTABLISHMENTS_2024,
    FINANCIAL_2024,
    INCIDENTS_2024,
    POPULATION_2024,
    SEIZED_ASSETS_2024,
    SEIZURES_2024,
    SIGNALS_2024,
    incident,
)
from .raw_loaders import load_raw, load_without_file

ROWS = {
    "incidents": INCIDENTS_2024,
    "population": POPULATION_2024,
    "drug_sites": DRUG_SITES_2024,
    "financial": FINANCIAL_2024,
    "seizures": SEIZURES_2024,
    "signals": SIGNALS_2024,
    "establishments": ESTABLISHMENTS_2024,
    "seized_assets": SEIZED_ASSETS_2024,
    "emergency_freezes": EMERGENCY_FREEZES_2024,
    # record-level unusual transactions (the benchmark source), kept as delivered
    "unusual_transactions": [
        ("UT2024-000000001", "2024-01-02", "banken", "GM0001", "1250.00", "0"),
        (" UT2024-000000002 ", "2024-01-03", "casinos", " GM0902 ", "99.95", "1"),
    ],
}


def delivered_columns(source: str) -> tuple[str, ...]:
    """The columns the fixture rows give: a CBS table's ID, dimensions and used measure."""
    table = SOURCES[source].cbs_table
    return ("ID", *table.dimensions, table.used_measure) if table else SOURCES[source].columns


def test_every_source_has_fixture_rows():
    assert sorted(ROWS) == sorted(SOURCES)
    for source, rows in ROWS.items():
        assert {len(row) for row in rows} == {len(delivered_columns(source))}, source


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_raw_keeps_rows_as_delivered_with_provenance(warehouse, source):
    loaded_at = datetime(2025, 1, 2, 3, 4, 5)
    load_raw(
        warehouse,
        source,
        2024,
        ROWS[source],
        source_file="file.csv",
        source_sha256="ab" * 32,
        is_synthetic=False,
        loaded_at=loaded_at,
    )
    raw = warehouse.table(f"raw.{source}")
    columns = [duckdb.ColumnExpression(c) for c in ("source_row", *delivered_columns(source))]
    rows = raw.select(*columns).order("source_row").fetchall()
    # source_row counts like a spreadsheet: header is row 1, first data row is 2.
    assert rows == [(i + 2, *row) for i, row in enumerate(ROWS[source])]
    provenance = (
        raw.project("partition_year, source_file, source_sha256, loaded_at, is_synthetic")
        .distinct()
        .fetchall()
    )
    assert provenance == [(2024, "file.csv", "ab" * 32, loaded_at, False)]


def test_raw_values_are_not_trimmed_or_typed(warehouse):
    load_raw(warehouse, "incidents", 2024, [incident(" CRI1200 ", "GM0001  ", ".")])
    assert warehouse.execute(
        'select "SoortMisdrijf", "RegioS", "TotaalGeregistreerdeMisdrijven_1" from raw.incidents'
    ).fetchall() == [(" CRI1200 ", "GM0001  ", ".")]


def test_raw_reload_replaces_the_year_and_leaves_other_years(warehouse):
    load_raw(warehouse, "incidents", 2023, [incident("CRI1200", "GM0001", "1", 2023)])
    load_raw(warehouse, "incidents", 2024, INCIDENTS_2024)
    load_raw(warehouse, "incidents", 2024, INCIDENTS_2024)  # re-ingest
    counts = warehouse.execute(
        "select partition_year, count(*) from raw.incidents group by 1 order by 1"
    ).fetchall()
    assert counts == [(2023, 1), (2024, len(INCIDENTS_2024))]
    # A new delivery for 2024 replaces all earlier 2024 rows.
    load_raw(
        warehouse, "incidents", 2024, [incident("CRI1200", "GM0002", "7")], source_file="v2.csv"
    )
    assert warehouse.execute(
        'select partition_year, source_file, "RegioS" from raw.incidents order by 1'
    ).fetchall() == [(2023, "83648NED_2023.csv", "GM0001"), (2024, "v2.csv", "GM0002")]


def test_raw_empty_delivery_empties_the_year(warehouse):
    load_raw(warehouse, "financial", 2024, FINANCIAL_2024)
    load_raw(warehouse, "financial", 2024, [])
    assert warehouse.execute("select count(*) from raw.financial").fetchone() == (0,)


def test_loaded_files_keeps_one_row_per_source_and_year(warehouse):
    load_raw(warehouse, "incidents", 2023, [incident("CRI1200", "GM0001", "1", 2023)])
    load_raw(warehouse, "incidents", 2024, INCIDENTS_2024)
    load_raw(warehouse, "financial", 2024, FINANCIAL_2024, is_synthetic=False)
    # A corrected incidents file for 2024 replaces the earlier one's entry.
    load_raw(
        warehouse, "incidents", 2024, [incident("CRI1200", "GM0002", "7")], source_file="v2.csv"
    )
    assert warehouse.execute(
        "select partition_year, source, source_file, is_synthetic, row_count "
        "from raw.loaded_files order by all"
    ).fetchall() == [
        (2023, "incidents", "83648NED_2023.csv", True, 1),
        (2024, "financial", "fiu_2024.csv", False, len(FINANCIAL_2024)),
        (2024, "incidents", "v2.csv", True, 1),
    ]


def test_optional_source_without_file_empties_the_year_and_registers_no_file(warehouse):
    assert SOURCES["emergency_freezes"].optional
    load_raw(warehouse, "emergency_freezes", 2023, EMERGENCY_FREEZES_2023)
    load_raw(warehouse, "emergency_freezes", 2024, EMERGENCY_FREEZES_2024)
    # 2024 again, now without a file: source_file None and the empty frame of empty_delivery.
    load_without_file(warehouse, "emergency_freezes", 2024)
    assert warehouse.execute(
        "select partition_year, count(*) from raw.emergency_freezes group by 1 order by 1"
    ).fetchall() == [(2023, 1)]
    # The 2024 registration is gone and none replaces it; 2023 keeps its file.
    assert warehouse.execute(
        "select partition_year, source, source_file, row_count from raw.loaded_files order by all"
    ).fetchall() == [(2023, "emergency_freezes", "spoedbevriezingen_2023.csv", 1)]


def test_optional_source_first_load_without_file_creates_empty_tables(warehouse):
    load_without_file(warehouse, "emergency_freezes", 2025)
    assert warehouse.execute("select count(*) from raw.emergency_freezes").fetchone() == (0,)
    assert warehouse.execute("select count(*) from raw.loaded_files").fetchone() == (0,)
