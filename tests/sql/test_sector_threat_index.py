"""sql/indicators/queries/sector_threat_index_inputs.sql and sector_threat_index.sql on the fixture
year 2024
(numbers in fixture_rows.py)."""

from __future__ import annotations

import pytest

from pipeline.domain.statistics.composite_index import IndexSettings, composite_index
from pipeline.plumbing.sql_runner import query_frame, run_in_transaction

from .idempotence import assert_idempotent
from .runners import register_year

PARAMS = {
    "first_year": 2024,
    "last_year": 2024,
    "normalisation": "min_max",
    "aggregation": "arithmetic",
    "weights": "{}",
}


def test_inputs_per_1000_establishments_and_null_where_nothing_measures(cross):
    inputs = query_frame(
        cross,
        "indicators/queries/sector_threat_index_inputs",
        {"first_year": 2024, "last_year": 2024},
    )
    values = {(r["sector_code"], r["indicator"]): r["value"] for r in inputs.rows(named=True)}
    # Every sector x indicator has a row: 3 fixture sectors x 4 indicators.
    assert len(values) == 12
    # Financial services (SBI K: 139 establishments): 11 suspicious transactions, 2 freezes.
    assert values[("financial_services", "suspicious_transactions_per_1000")] == pytest.approx(
        11 * 1000 / 139
    )
    assert values[("financial_services", "emergency_freezes_per_1000")] == pytest.approx(
        2 * 1000 / 139
    )
    # No source puts drug sites or seizures in financial services: not measured, not zero.
    assert values[("financial_services", "drug_sites_per_1000")] is None
    # Real estate (SBI L: 10 establishments): two drug sites (the rural dump, the grow site).
    assert values[("real_estate", "drug_sites_per_1000")] == pytest.approx(200.0)
    # Logistics has sources but no establishments in the fixture: no rate.
    assert values[("logistics", "seizures_per_1000")] is None


def test_stored_index_and_a_sector_without_measures_has_none(cross):
    inputs = query_frame(
        cross,
        "indicators/queries/sector_threat_index_inputs",
        {"first_year": 2024, "last_year": 2024},
    )
    settings = IndexSettings()
    index = composite_index(
        inputs.drop("year"), settings, "region_level", "sector_code", "sector_name"
    )
    register_year(cross, 2024, {"index_rows": index})
    run_in_transaction(cross, "indicators/sector_threat_index", PARAMS)
    rows = cross.execute(
        "select sector_code, index_rank, indicators_used, index_value is null "
        "from indicators.sector_threat_index where year = 2024 order by sector_code"
    ).fetchall()
    # Real estate: 3 measured indicators; financial services: 2; logistics: none.
    assert [(code, used, missing) for code, _, used, missing in rows] == [
        ("financial_services", 2, False),
        ("logistics", 0, True),
        ("real_estate", 3, False),
    ]
    assert sorted(rank for _, rank, _, _ in rows if rank is not None) == [1, 2]
    assert_idempotent(
        cross, "indicators/sector_threat_index", "indicators.sector_threat_index", PARAMS
    )
