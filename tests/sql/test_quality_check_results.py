"""sql/quality/: quality.check_results and quality.quarantine as check outcomes are recorded."""

from __future__ import annotations

from .check_outcomes import record


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
