"""sql/quality/: check_results, phenomenon_indicators_reconcile and the known_* lists."""

from __future__ import annotations

import pytest

from pipeline.plumbing.check_runner import RejectedValue, ValidationOutcome, record_outcome
from pipeline.plumbing.sql_runner import SQL_DIR, query

from .helpers import incident, load_raw, population, run_marts, run_staging

RECONCILE = "quality/queries/phenomenon_indicators_reconcile"


# ----- known_* ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "column", "values"),
    [
        (
            "known_crime_type_codes",
            "crime_type_code",
            [("CRI1200",), ("CRI1700",), ("CRI2300",), ("T001161",)],
        ),
        ("known_drug_site_types", "site_type_nl", [("dumping",), ("kwekerij",), ("opslag",)]),
        (
            "known_municipality_codes",
            "source_code",
            # the 2025 division and the old codes that map to it
            [
                ("GM0001",),
                ("GM0002",),
                ("GM0003",),
                ("GM0004",),
                ("GM0901",),
                ("GM0902",),
                ("GM0903",),
            ],
        ),
        ("known_reporting_sectors", "reporting_sector_code", [("banken",), ("notarissen",)]),
        # the Dutch codes as the files deliver them, not the English codes
        ("known_drugs", "drug_nl", [("cannabis",), ("cocaine",), ("heroine",), ("synthetisch",)]),
        (
            "known_site_settings",
            "setting_nl",
            [("bedrijventerrein",), ("buitengebied",), ("woonwijk",)],
        ),
        # the keys CBS gives the sections in its tables, and its total
        ("known_sbi_sections", "code", [("301000",), ("396300",), ("402000",), ("T001081",)]),
        # municipalities of any division and the CBS aggregates beside them
        (
            "known_cbs_region_codes",
            "source_code",
            [
                (c,)
                for c in (
                    "GM0001",
                    "GM0002",
                    "GM0003",
                    "GM0004",
                    "GM0901",
                    "GM0902",
                    "GM0903",
                    "NL01",
                    "PV01",
                    "PV02",
                    "PV99",
                    "RE01",
                )
            ],
        ),
        (
            "known_seized_asset_types",
            "asset_type_nl",
            [("geld",), ("onroerend_goed",), ("voertuigen",)],
        ),
        (
            "known_seizure_location_types",
            "location_type_nl",
            [("haven",), ("luchthaven",), ("post",)],
        ),
        (
            "known_signal_themes",
            "theme_nl",
            [("drugs",), ("explosieven",), ("overig",), ("witwassen",)],
        ),
    ],
)
def test_known_values(warehouse, name, column, values):
    assert query(warehouse, f"quality/queries/{name}") == ([column], values)


def test_every_known_query_is_tested():
    tested = {
        "known_cbs_region_codes",
        "known_crime_type_codes",
        "known_drug_site_types",
        "known_municipality_codes",
        "known_reporting_sectors",
        "known_drugs",
        "known_sbi_sections",
        "known_seized_asset_types",
        "known_seizure_location_types",
        "known_signal_themes",
        "known_site_settings",
    }
    assert {path.stem for path in (SQL_DIR / "quality" / "queries").glob("known_*.sql")} == tested


# ----- historic_successors ------------------------------------------------------------------------


def test_an_old_code_is_mixed_only_with_codes_created_after_it_ended(warehouse):
    # Fixture: GM0903 went into GM0901, created that day (2019), which went into the existing
    # GM0001 (2021); GM0902 was split over the existing GM0003 and GM0004. Only GM0901 never
    # existed alongside an old code: GM0001, GM0003 and GM0004 did.
    assert query(warehouse, "quality/queries/historic_successors") == (
        ["source_code", "successors"],
        [("GM0903", ["GM0901"])],
    )


def test_the_real_changes_name_the_codes_created_after_each_old_code(tmp_path):
    import duckdb

    from pipeline.plumbing.resources import PROJECT_ROOT
    from pipeline.plumbing.sql_runner import prepare_connection, run_sql

    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    prepare_connection(conn)
    reference = PROJECT_ROOT / "data" / "reference" / "municipal_reclassifications.csv"
    run_sql(conn, "reference/municipal_reclassifications", {"path": str(reference)})
    successors = dict(query(conn, "quality/queries/historic_successors")[1])
    # Bussum became Gooise Meren (created 2016); Heerhugowaard became Dijk en Waard (2022).
    assert successors["GM0381"] == ["GM1942"]
    assert successors["GM0398"] == ["GM1980"]
    # Littenseradiel (2018) went partly to Waadhoeke, created that day, and partly to Leeuwarden
    # and Súdwest-Fryslân, which existed alongside it.
    assert successors["GM0140"] == ["GM1949"]
    # Weesp and Amsterdam existed side by side until 2022; Leeuwarderadeel and Leeuwarden too.
    assert "GM0457" not in successors
    assert "GM0081" not in successors


# ----- check_results ------------------------------------------------------------------------------


def record(conn, year, asset_key, check_name, passed, failures, summary="s"):
    outcome = ValidationOutcome(passed, 10, 3, [RejectedValue(*failure) for failure in failures])
    record_outcome(conn, asset_key, check_name, year, outcome, summary=summary)


def results(conn):
    return conn.execute(
        "select partition_year, asset_key, check_name, passed, rows_checked, rules_checked, "
        "failed_values, summary from quality.check_results order by all"
    ).fetchall()


def failures(conn):
    return conn.execute(
        "select partition_year, check_name, source_row, value from quality.quarantine order by all"
    ).fetchall()


def test_check_results_replaces_previous_outcome_of_same_check(warehouse):
    bad = [("f.csv", 5, "RegioS", "GM9999", "known"), ("f.csv", 7, "RegioS", "XX", "known")]
    record(warehouse, 2024, "raw/incidents", "incidents_file_is_valid", False, bad, "2 bad")
    record(warehouse, 2024, "raw/population", "population_file_is_valid", True, [])
    record(warehouse, 2023, "raw/incidents", "incidents_file_is_valid", False, bad[:1], "1 bad")
    assert results(warehouse) == [
        (2023, "raw/incidents", "incidents_file_is_valid", False, 10, 3, 1, "1 bad"),
        (2024, "raw/incidents", "incidents_file_is_valid", False, 10, 3, 2, "2 bad"),  # 2 failures
        (2024, "raw/population", "population_file_is_valid", True, 10, 3, 0, "s"),
    ]
    # The same check for the same year again: replaced, other years and checks untouched.
    record(warehouse, 2024, "raw/incidents", "incidents_file_is_valid", True, [], "ok")
    assert results(warehouse) == [
        (2023, "raw/incidents", "incidents_file_is_valid", False, 10, 3, 1, "1 bad"),
        (2024, "raw/incidents", "incidents_file_is_valid", True, 10, 3, 0, "ok"),
        (2024, "raw/population", "population_file_is_valid", True, 10, 3, 0, "s"),
    ]
    assert failures(warehouse) == [(2023, "incidents_file_is_valid", 5, "GM9999")]


# ----- phenomenon_indicators_reconcile ------------------------------------------------------------


def test_reconcile_consistent_data_has_no_rows(built):
    columns, rows = query(built, RECONCILE, {"year": 2024})
    assert columns == [
        "region_level",
        "region_code",
        "phenomenon_code",
        "source",
        "problem",
        "expected",
        "actual",
    ]
    assert rows == []
    assert query(built, RECONCILE, {"year": 2023})[1] == []


def test_reconcile_finds_tampered_municipality_row(built):
    built.execute(
        "update indicators.phenomenon_indicators set event_count = 26 where year = 2024 "
        "and region_code = 'GM0001' and phenomenon_code = 'fraud'"
    )
    # PV01 expected 26 + 40 + 5 = 71, stored 70; RIEC01 expected 26 + 40 = 66, stored 65.
    assert query(built, RECONCILE, {"year": 2024})[1] == [
        ("province", "PV01", "fraud", "incidents", "sum of parts differs", 71, 70),
        ("riec_region", "RIEC01", "fraud", "incidents", "sum of parts differs", 66, 65),
    ]
    assert query(built, RECONCILE, {"year": 2023})[1] == []  # other year untouched


def test_reconcile_finds_tampered_national_row(built):
    built.execute(
        "update indicators.phenomenon_indicators set event_count = 99 where year = 2024 "
        "and region_level = 'national' and phenomenon_code = 'violence'"
    )
    # Staging holds 3 + 10 = 13 violence crimes; RIEC and province sums are 13 too (twice).
    assert query(built, RECONCILE, {"year": 2024})[1] == [
        ("national", "NL01", "violence", "incidents", "differs from staging", 13, 99),
        ("national", "NL01", "violence", "incidents", "sum of parts differs", 13, 99),
        ("national", "NL01", "violence", "incidents", "sum of parts differs", 13, 99),
    ]


def test_reconcile_finds_tampered_regional_population(built):
    built.execute(
        "update indicators.phenomenon_indicators set population = 1 where year = 2024 "
        "and region_code = 'RIEC02' and phenomenon_code = 'drug_production'"
    )
    # RIEC02 stored population 1 instead of 25000 + 75000; national from RIEC rows 150000 + 1
    assert query(built, RECONCILE, {"year": 2024})[1] == [
        ("national", "NL01", "drug_production", "drug_sites", "sum of parts differs", 2, 2),
        ("riec_region", "RIEC02", "drug_production", "drug_sites", "sum of parts differs", 0, 0),
    ]


def test_reconcile_finds_missing_population(built):
    built.execute(
        "delete from staging.stg_population__inhabitants where year = 2024 "
        "and municipality_code = 'GM0003'"
    )
    run_marts(built, 2024)
    # Each of GM0003's 5 rows lacks a population; the region sums (null ignored) still match.
    assert query(built, RECONCILE, {"year": 2024})[1] == [
        ("municipality", "GM0003", phenomenon, source, "no population", None, None)
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
    assert query(built, RECONCILE, {"year": 2024})[1] == [
        ("national", "NL01", "fraud", "incidents", "differs from staging", 29, 25),  # 25 + 4
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
    run_staging(warehouse, 2024)
    run_marts(warehouse, 2024)
    # Violence: one suppressed cell, so 0 counted crimes everywhere, consistently.
    assert query(warehouse, RECONCILE, {"year": 2024})[1] == []
