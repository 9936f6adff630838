"""sql/report/*.sql on the fixture years 2023 and 2024 (default_v0 weights)."""

from __future__ import annotations

import polars as pl
import pytest

from pipeline.sql import query, run_in_transaction

from .helpers import load_raw

SHA = "0" * 64


def as_dicts(result):
    columns, rows = result
    return [dict(zip(columns, row, strict=True)) for row in rows]


def test_key_figures_with_previous_year(built):
    (figures,) = as_dicts(query(built, "report/key_figures", {"year": 2024}))
    assert figures == {
        "registered_crimes": 143,  # 100 fraud + 30 laundering + 13 violence
        "registered_crimes_previous": 25,  # 2023: 20 fraud + 5 violence
        "registered_crimes_per_100k": 57.2,  # 143 * 100000 / 250000
        "harm_score": 710.0,  # 100 * 4 + 30 * 6 + 13 * 10
        "harm_score_previous": 130.0,  # 20 * 4 + 5 * 10
        "population": 250000,
        "drug_sites": 3,
        "drug_sites_previous": 0,  # 2023 had no drug sites: explicit zeros
        "unusual_transactions": 125,  # 100 + 5 + 20
        "suspicious_transactions": 13,  # 10 + 1 + 2
        "suspicious_amount_eur": 1050300,  # 50000 + 300 + 1000000
    }


def test_key_figures_without_previous_year(built):
    (figures,) = as_dicts(query(built, "report/key_figures", {"year": 2023}))
    assert figures["registered_crimes"] == 25
    assert figures["registered_crimes_previous"] is None  # no 2022 built
    assert figures["harm_score_previous"] is None
    assert figures["registered_crimes_per_100k"] == 15.625  # 25 * 100000 / 160000
    assert figures["unusual_transactions"] == 0


def test_riec_regions_ordered_by_harm_per_100k(built):
    rows = as_dicts(query(built, "report/riec_regions", {"year": 2024}))
    # RIEC02 first although it has fewer crimes (65 < 78) and the higher code.
    assert [r["region_code"] for r in rows] == ["RIEC02", "RIEC01"]
    assert rows[0] == {
        "region_code": "RIEC02",
        "region_name": "RIEC Zuid",
        "population": 100000,  # 25000 + 75000
        "registered_crimes": 65,  # 35 + 20 + 10
        "registered_crimes_per_100k": 65.0,  # 65 * 100000 / 100000
        "harm_score": 360.0,  # 35 * 4 + 20 * 6 + 10 * 10
        "harm_per_100k": 360.0,
        "drug_sites": 1,
    }
    assert rows[1] == {
        "region_code": "RIEC01",
        "region_name": "RIEC Noord",
        "population": 150000,
        "registered_crimes": 78,  # 65 + 10 + 3
        "registered_crimes_per_100k": 52.0,  # 78 * 100000 / 150000
        "harm_score": 350.0,  # 65 * 4 + 10 * 6 + 3 * 10
        "harm_per_100k": pytest.approx(233.33333333333334),  # 350 * 100000 / 150000
        "drug_sites": 2,
    }


def test_phenomena_including_ones_without_source(built):
    rows = as_dicts(query(built, "report/phenomena", {"year": 2024}))
    assert [r["phenomenon_code"] for r in rows] == [
        "fraud",  # harm 400
        "money_laundering",  # harm 180
        "violence",  # harm 130
        "corruption_infiltration",  # no harm: nulls last, then by code
        "drug_production",
        "drug_trafficking",
    ]
    by_code = {r["phenomenon_code"]: r for r in rows}
    assert by_code["fraud"] == {
        "phenomenon_code": "fraud",
        "label_nl": "Fraude",
        "label_en": "Fraud",
        "registered_crimes": 100,
        "registered_crimes_previous": 20,
        "change_on_previous_year": 4.0,  # (100 - 20) / 20
        "registered_crimes_per_100k": 40.0,
        "harm_score": 400.0,
        "harm_share": pytest.approx(400 / 710),
        "drug_sites": None,
    }
    laundering = by_code["money_laundering"]
    assert laundering["registered_crimes_previous"] == 0
    assert laundering["change_on_previous_year"] is None  # previous 0: no change ratio
    assert laundering["harm_share"] == pytest.approx(180 / 710)
    assert by_code["violence"]["change_on_previous_year"] == 1.6  # (13 - 5) / 5
    # A phenomenon no source reports on: listed, every figure null.
    assert by_code["corruption_infiltration"] == {
        "phenomenon_code": "corruption_infiltration",
        "label_nl": "Corruptie en infiltratie",
        "label_en": "Corruption and infiltration",
        "registered_crimes": None,
        "registered_crimes_previous": None,
        "change_on_previous_year": None,
        "registered_crimes_per_100k": None,
        "harm_score": None,
        "harm_share": None,
        "drug_sites": None,
    }
    # Drug sites only: no registered-crime figures, but its sites.
    assert by_code["drug_production"]["registered_crimes"] is None
    assert by_code["drug_production"]["drug_sites"] == 2
    assert by_code["drug_trafficking"]["drug_sites"] == 1
    assert sum(r["harm_share"] or 0 for r in rows) == pytest.approx(1.0)


def test_phenomenon_trend(built):
    columns, rows = query(built, "report/phenomenon_trend", {"year": 2024})
    assert columns == [
        "year",
        "phenomenon_code",
        "label_nl",
        "label_en",
        "registered_crimes",
        "rate_per_100k",
        "harm_score",
    ]
    assert [(r[0], r[1], r[4], r[5], r[6]) for r in rows] == [
        (2023, "fraud", 20, 12.5, 80.0),  # 20 * 100000 / 160000; 20 * 4
        (2024, "fraud", 100, 40.0, 400.0),
        (2023, "money_laundering", 0, 0.0, 0.0),
        (2024, "money_laundering", 30, 12.0, 180.0),
        (2023, "violence", 5, 3.125, 50.0),  # 5 * 100000 / 160000; 5 * 10
        (2024, "violence", 13, 5.2, 130.0),
    ]
    # Ten-year window: 2033 still sees 2024 but not 2023.
    assert {r[0] for r in query(built, "report/phenomenon_trend", {"year": 2033})[1]} == {2024}


def test_input_files_synthetic_flag(built):
    rows = query(built, "report/input_files", {"year": 2024})[1]
    # 2024 loaded as synthetic demo data, 2023 as real files; 2023's drug-site and FIU files
    # had no data rows but were loaded all the same, so they are inputs too.
    assert rows == [
        (2024, "drug_sites", "drugslocaties_2024.csv", SHA, True),
        (2024, "financial", "fiu_2024.csv", SHA, True),
        (2024, "incidents", "83648NED_2024.csv", SHA, True),
        (2024, "population", "03759NED_2024.csv", SHA, True),
        (2023, "drug_sites", "drugslocaties_2023.csv", SHA, False),
        (2023, "financial", "fiu_2023.csv", SHA, False),
        (2023, "incidents", "83648NED_2023.csv", SHA, False),
        (2023, "population", "03759NED_2023.csv", SHA, False),
    ]
    assert query(built, "report/input_files", {"year": 2022})[1] == []
    assert [r[0] for r in query(built, "report/input_files", {"year": 2033})[1]] == [2024] * 4


def test_input_files_real_replaces_demo(built):
    load_raw(
        built,
        "incidents",
        2024,
        [("0", "CRI1200", "GM0001", "2024JJ00", "1")],
        source_sha256="f" * 64,
        is_synthetic=False,
    )
    rows = query(built, "report/input_files", {"year": 2024})[1]
    assert (2024, "incidents", "83648NED_2024.csv", "f" * 64, False) in rows
    assert (2024, "incidents", "83648NED_2024.csv", SHA, True) not in rows


def test_data_quality(built):
    schema = {
        "source_file": pl.String,
        "source_row": pl.Int64,
        "column_name": pl.String,
        "value": pl.String,
        "rule": pl.String,
    }
    for year, key, check, severity, passed, failures in [
        (2024, "raw/population", "population_file_is_valid", "error", True, []),
        (
            2024,
            "raw/incidents",
            "incidents_file_is_valid",
            "error",
            False,
            [("f", 2, "c", "v", "r")],
        ),
        (2024, "staging/stg_signals__tips", "no_implausible_jumps", "warning", False, []),
        (2023, "raw/incidents", "incidents_file_is_valid", "error", True, []),
    ]:
        built.register("failure_rows", pl.DataFrame(failures, schema=schema, orient="row"))
        run_in_transaction(
            built,
            "quality/check_results",
            {
                "year": year,
                "asset_key": key,
                "check_name": check,
                "severity": severity,
                "passed": passed,
                "rows_checked": 4,
                "rules_checked": 2,
                "summary": "ok" if passed else "1 failure",
            },
        )
        built.unregister("failure_rows")
    columns, rows = query(built, "report/data_quality", {"year": 2024})
    assert columns == [
        "asset_key",
        "check_name",
        "severity",
        "passed",
        "rows_checked",
        "rules_checked",
        "failed_values",
        "summary",
    ]
    # errors first, then warnings
    assert rows == [
        ("raw/incidents", "incidents_file_is_valid", "error", False, 4, 2, 1, "1 failure"),
        ("raw/population", "population_file_is_valid", "error", True, 4, 2, 0, "ok"),
        (
            "staging/stg_signals__tips",
            "no_implausible_jumps",
            "warning",
            False,
            4,
            2,
            0,
            "1 failure",
        ),
    ]


def test_harm_weight_set_comes_from_the_indicators(built):
    assert query(built, "report/harm_weight_set", {"year": 2024})[1] == [("default_v0",)]
    run_in_transaction(
        built,
        "marts/phenomenon_indicators",
        {
            "year": 2023,
            "weight_set": "alt_v1",
            "confidence_level": 0.95,
            "gap_max_upper_ratio": 2.0,
        },
    )
    # 2023 now uses another set: the report for 2024 would mix them
    assert query(built, "report/harm_weight_set", {"year": 2024})[1] == [
        ("alt_v1",),
        ("default_v0",),
    ]
