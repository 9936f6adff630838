"""sql/report/*.sql on the fixture years 2023 and 2024 (default_v0 weights)."""

from __future__ import annotations

import polars as pl

from pipeline.plumbing.check_outcomes import RejectedValue, ValidationOutcome, record_outcome
from pipeline.plumbing.sql_runner import query, run_in_transaction, write_tables

from .raw_loaders import load_raw
from .runners import phenomenon_params, register_year

PUBLISHED = ("published_municipal_counts", "published_region_counts")

SHA = "0" * 64


def as_dicts(result):
    columns, rows = result
    return [dict(zip(columns, row, strict=True)) for row in rows]


def publish_years(conn, years=(2023, 2024)):
    """The disclosure-controlled counts, which the national series is checked against."""

    from pipeline.domain.statistics.disclosure import publish

    for year in years:
        columns, rows = query(
            conn,
            "indicators/queries/published_count_inputs",
            {"first_year": year, "last_year": year},
        )
        counts = pl.DataFrame(rows, schema=columns, orient="row", infer_schema_length=None)
        municipal, region = publish(counts.drop("year"), 10)
        frames = {"published_municipal_rows": municipal, "published_region_rows": region}
        register_year(conn, year, frames)
        write_tables(
            conn, "indicators", PUBLISHED, {"first_year": year, "last_year": year, "threshold": 10}
        )


def test_key_figures_with_previous_year(built):
    publish_years(built, (2024,))
    (figures,) = as_dicts(query(built, "report/key_figures", {"year": 2024}))
    assert figures == {
        "registered_crimes": 143,  # 100 fraud + 30 laundering + 13 violence
        "registered_crimes_previous": 25,  # 2023: 20 fraud + 5 violence
        "registered_crimes_per_100k": 57.2,  # 143 * 100000 / 250000
        "harm_score": 710.0,  # 100 * 4 + 30 * 6 + 13 * 10
        "harm_score_previous": 130.0,  # 20 * 4 + 5 * 10
        "population": 250000,
        "population_previous": 160000,  # 4 x 40 000 in 2023
        "drug_sites": 3,
        "drug_sites_previous": 0,  # 2023 had no drug sites: explicit zeros
        "unusual_transactions": 125,  # 100 + 5 + 20
        "suspicious_transactions": 13,  # 10 + 1 + 2
        "suspicious_amount_eur": 1050300,  # 50000 + 300 + 1000000
    }


def test_key_figures_without_previous_year(built):
    publish_years(built, (2024,))
    (figures,) = as_dicts(query(built, "report/key_figures", {"year": 2023}))
    assert figures["registered_crimes"] == 25
    assert figures["registered_crimes_previous"] is None  # no 2022 built
    assert figures["harm_score_previous"] is None
    assert figures["registered_crimes_per_100k"] == 15.625  # 25 * 100000 / 160000
    assert figures["unusual_transactions"] == 0


def test_national_series_with_the_interval_of_each_year(built):
    publish_years(built)
    columns, rows = query(built, "report/national_series", {"year": 2024})
    assert columns[:3] == ["year", "phenomenon_code", "registered_crimes"]
    series = {(r[0], r[1]): r for r in rows}
    # The fixture has 2023 and 2024 nationally for three phenomena with registered crimes.
    assert {year for year, _ in series} == {2023, 2024}
    expected = dict(
        built.execute(
            "select phenomenon_code, event_count from indicators.phenomenon_indicators "
            "where year = 2024 and region_level = 'national' and source = 'incidents'"
        ).fetchall()
    )
    assert {code: r[2] for (year, code), r in series.items() if year == 2024} == expected
    for _, _, count, lower, upper, _ in rows:
        assert lower <= count <= upper
    # Ten years up to the year asked for: 2033 still reaches back to 2024.
    assert {r[0] for r in query(built, "report/national_series", {"year": 2033})[1]} == {2024}


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


# (year, asset key, check, severity, passed, failures) of the checks test_data_quality records.
RECORDED_CHECKS = [
    (2024, "raw/population", "population_file_is_valid", "error", True, []),
    (2024, "raw/incidents", "incidents_file_is_valid", "error", False, [("f", 2, "c", "v", "r")]),
    (2024, "staging/stg_signals__tips", "no_implausible_jumps", "warning", False, []),
    (2023, "raw/incidents", "incidents_file_is_valid", "error", True, []),
]


def test_data_quality(built):
    for year, key, check, severity, passed, failures in RECORDED_CHECKS:
        outcome = ValidationOutcome(passed, 4, 2, [RejectedValue(*f) for f in failures])
        summary = "ok" if passed else "1 failure"
        record_outcome(built, key, check, year, outcome, severity=severity, summary=summary)
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
        built, "indicators/phenomenon_indicators", phenomenon_params(2023, weight_set="alt_v1")
    )
    # 2023 now uses another set: the report for 2024 would mix them
    assert query(built, "report/harm_weight_set", {"year": 2024})[1] == [
        ("alt_v1",),
        ("default_v0",),
    ]


def test_national_series_leaves_out_a_national_total_the_disclosure_control_hides(built):
    publish_years(built)
    shown = {
        r[1] for r in query(built, "report/national_series", {"year": 2024})[1] if r[0] == 2024
    }
    # The fixture's 2023 violence total (5) is below the threshold: hidden, so not in the series.
    assert {
        r[1] for r in query(built, "report/national_series", {"year": 2024})[1] if r[0] == 2023
    } == {"fraud"}
    # Hide one more national total, as the control does for a total below the threshold.
    built.execute(
        "update indicators.published_region_counts set registered_crimes = null "
        "where year = 2024 and region_level = 'national' and phenomenon_code = 'violence'"
    )
    rows = query(built, "report/national_series", {"year": 2024})[1]
    assert "violence" in shown
    assert {r[1] for r in rows if r[0] == 2024} == shown - {"violence"}


def test_key_figures_leave_out_a_total_that_would_reveal_a_hidden_national_count(built):
    # 2023's violence total (5) is below the threshold: its national total is hidden, so the
    # 2023 total of all crimes (25) minus fraud (20) would reveal it.
    publish_years(built)
    (figures,) = as_dicts(query(built, "report/key_figures", {"year": 2024}))
    assert figures["registered_crimes"] == 143
    assert figures["registered_crimes_previous"] is None
    assert figures["harm_score_previous"] is None
