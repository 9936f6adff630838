"""sql/quality/queries/phenomenon_indicators_reconcile.sql: the indicators against their parts
and staging, on the fixture years."""

from __future__ import annotations

from pipeline.plumbing.sql_runner import query

from .fixture_rows import incident, population
from .raw_loaders import load_raw, load_without_file
from .runners import run_marts, run_staging

RECONCILE = "quality/queries/phenomenon_indicators_reconcile"


def test_reconcile_consistent_data_has_no_rows(built):
    columns, rows = query(built, RECONCILE, {"first_year": 2024, "last_year": 2024})
    assert columns == [
        "year",
        "region_level",
        "region_code",
        "phenomenon_code",
        "source",
        "problem",
        "expected",
        "actual",
    ]
    assert rows == []
    assert query(built, RECONCILE, {"first_year": 2023, "last_year": 2023})[1] == []


def test_reconcile_finds_tampered_municipality_row(built):
    built.execute(
        "update indicators.phenomenon_indicators set event_count = 26 where year = 2024 "
        "and region_code = 'GM0001' and phenomenon_code = 'fraud'"
    )
    # PV01 expected 26 + 40 + 5 = 71, stored 70; RIEC01 expected 26 + 40 = 66, stored 65.
    assert query(built, RECONCILE, {"first_year": 2024, "last_year": 2024})[1] == [
        (2024, "province", "PV01", "fraud", "incidents", "sum of parts differs", 71, 70),
        (2024, "riec_region", "RIEC01", "fraud", "incidents", "sum of parts differs", 66, 65),
    ]
    assert query(built, RECONCILE, {"first_year": 2023, "last_year": 2023})[1] == []
    # Over both years at once: the same rows, each with its year.
    both = query(built, RECONCILE, {"first_year": 2023, "last_year": 2024})[1]
    assert {row[0] for row in both} == {2024} and len(both) == 2


def test_reconcile_finds_tampered_national_row(built):
    built.execute(
        "update indicators.phenomenon_indicators set event_count = 99 where year = 2024 "
        "and region_level = 'national' and phenomenon_code = 'violence'"
    )
    # Staging holds 3 + 10 = 13 violence crimes; RIEC and province sums are 13 too (twice).
    assert query(built, RECONCILE, {"first_year": 2024, "last_year": 2024})[1] == [
        (2024, "national", "NL01", "violence", "incidents", "differs from staging", 13, 99),
        (2024, "national", "NL01", "violence", "incidents", "sum of parts differs", 13, 99),
        (2024, "national", "NL01", "violence", "incidents", "sum of parts differs", 13, 99),
    ]


def test_reconcile_finds_tampered_regional_population(built):
    built.execute(
        "update indicators.phenomenon_indicators set population = 1 where year = 2024 "
        "and region_code = 'RIEC02' and phenomenon_code = 'drug_production'"
    )
    # RIEC02 stored population 1 instead of 25000 + 75000; national from RIEC rows 150000 + 1
    assert query(built, RECONCILE, {"first_year": 2024, "last_year": 2024})[1] == [
        (2024, "national", "NL01", "drug_production", "drug_sites", "sum of parts differs", 2, 2),
        (
            2024,
            "riec_region",
            "RIEC02",
            "drug_production",
            "drug_sites",
            "sum of parts differs",
            0,
            0,
        ),
    ]


def test_reconcile_finds_missing_population(built):
    built.execute(
        "delete from staging.stg_population__inhabitants where year = 2024 "
        "and municipality_code = 'GM0003'"
    )
    run_marts(built, 2024)
    # Each of GM0003's 5 rows lacks a population; the region sums (null ignored) still match.
    assert query(built, RECONCILE, {"first_year": 2024, "last_year": 2024})[1] == [
        (2024, "municipality", "GM0003", phenomenon, source, "no population", None, None)
        for source, phenomenon in [
            ("drug_sites", "drug_production"),
            ("drug_sites", "drug_trafficking"),
            ("incidents", "fraud"),
            ("incidents", "money_laundering"),
            ("incidents", "violence"),
        ]
    ]


def test_reconcile_finds_staged_crimes_of_unknown_municipality(built):
    # GM9999 is not in reference.municipalities: staged but never counted in the indicators.
    load_raw(
        built,
        "incidents",
        2024,
        [incident("CRI1200", "GM0001", "25"), incident("CRI1200", "GM9999", "4")],
    )
    run_staging(built, 2024)
    run_marts(built, 2024)
    assert query(built, RECONCILE, {"first_year": 2024, "last_year": 2024})[1] == [
        (2024, "national", "NL01", "fraud", "incidents", "differs from staging", 29, 25),  # 25 + 4
    ]


def test_reconcile_all_cells_of_a_phenomenon_suppressed(warehouse):
    load_raw(
        warehouse,
        "incidents",
        2024,
        [incident("CRI1200", "GM0001", "5"), incident("CRI2300", "GM0001", ".")],
    )
    load_raw(
        warehouse,
        "population",
        2024,
        [population(gm, "1000") for gm in ("GM0001", "GM0002", "GM0003", "GM0004")],
    )
    load_raw(warehouse, "drug_sites", 2024, [])
    load_raw(warehouse, "financial", 2024, [])
    load_without_file(warehouse, "unusual_transactions", 2024)
    run_staging(warehouse, 2024)
    run_marts(warehouse, 2024)
    # Violence: one suppressed cell, so 0 counted crimes everywhere, consistently.
    assert query(warehouse, RECONCILE, {"first_year": 2024, "last_year": 2024})[1] == []
