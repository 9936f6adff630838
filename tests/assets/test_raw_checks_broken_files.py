"""Raw assets and their blocking Great Expectations checks on files broken on purpose: a
negative count, an unknown code, a wrong year and a missing column.

Each fixture runs the threat_picture job once on a temporary copy of the demo data with a file
broken on purpose; the tests read the run's events and the warehouse it wrote.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from dagster import AssetKey

from tests.assets.raw_check_helpers import (
    COUNT_KEY,
    COUNT_TITLE,
    INCIDENTS_FILE,
    REPORT,
    YEAR,
    checks,
    data_line_with,
    materialized,
    step_failure_text,
    stored_failures,
)
from tests.conftest import Workspace, step_key
from tests.file_edits import replace_cell, replace_observations

# The cells broken on purpose: (data line, column, bad value). The count changed is one that was
# 0: CBS's rounding allows its parent totals to be 5 off, so only the changed cell fails.
BAD_COUNT = (None, COUNT_TITLE, "-5")
UNKNOWN_MUNICIPALITY = (37, "gemeentecode", "GM9999")
WRONG_YEAR = (12, "jaar", f"{YEAR - 1}")
MISSING_COLUMN = "omgeving"
# In the population's v4 extract: every observation of one municipality in 2025 gets a code
# that does not exist.
RENAMED_REGION = {"RegioS": "GM0014", "Perioden": f"{YEAR}JJ00"}

# --- (b) a negative count in the incidents file -----------------------------------------------


@pytest.fixture(scope="module")
def negative_count(make_workspace: Callable[..., Workspace]) -> Workspace:
    workspace = make_workspace("negative_count")
    _line, column, value = BAD_COUNT
    path = workspace.demo_file("incidents", YEAR)
    old, row = replace_cell(path, data_line_with(path, column, "0"), column, value)
    assert old == "0"
    workspace.run(YEAR)
    workspace.edited_row = row
    return workspace


def test_negative_count_fails_the_blocking_check(negative_count: Workspace) -> None:
    result = negative_count.results[str(YEAR)]
    evaluation = checks(result)["incidents_file_is_valid"]
    assert not evaluation.passed
    assert evaluation.blocking
    _line, _column, value = BAD_COUNT
    description = evaluation.description
    assert f"{INCIDENTS_FILE}, row {negative_count.edited_row}, column {COUNT_KEY}" in description
    assert repr(value) in description
    assert evaluation.metadata["failed_values"].value == 1
    # The other sources are clean.
    assert all(e.passed for name, e in checks(result).items() if name != "incidents_file_is_valid")


def test_negative_count_stops_the_report(negative_count: Workspace) -> None:
    result = negative_count.results[str(YEAR)]
    found = materialized(result)
    assert AssetKey(["raw", "incidents"]) in found
    assert AssetKey(["staging", "stg_incidents__crimes"]) not in found
    assert AssetKey(["indicators", "phenomenon_indicators"]) not in found
    assert REPORT not in found
    assert not negative_count.report_file(YEAR).exists()
    assert not result.success


def test_negative_count_is_stored_in_quarantine(negative_count: Workspace) -> None:
    _line, _column, value = BAD_COUNT
    row = negative_count.edited_row
    assert stored_failures(negative_count, "incidents_file_is_valid") == [
        (INCIDENTS_FILE, row, COUNT_KEY, value)
    ]
    # The refused year was not written: the raw table has no row of it (and so nothing the
    # quarantine names), while its columns exist for staging to read.
    assert (
        negative_count.scalar("select count(*) from raw.incidents where partition_year = ?", [YEAR])
        == 0
    )


# --- (c) and (d): unknown code, wrong year, missing column ------------------------------------


@pytest.fixture(scope="module")
def broken_files(make_workspace: Callable[..., Workspace]) -> Workspace:
    workspace = make_workspace("broken_files")
    edits: dict[str, tuple[str, int, str, str]] = {}
    for check_name, source, (line, column, value) in [
        ("financial_file_is_valid", "financial", UNKNOWN_MUNICIPALITY),
        ("seized_assets_file_is_valid", "seized_assets", WRONG_YEAR),
    ]:
        path = workspace.demo_file(source, YEAR)
        _old, row = replace_cell(path, line, column, value)
        edits[check_name] = (path.name, row, column, value)
    population = workspace.demo_file("population", YEAR)
    positions = replace_observations(population, RENAMED_REGION, {"RegioS": "GM9999"})
    # A v4 row is where its counted measure's observation is: the first of the region's two.
    edits["population_file_is_valid"] = (population.name, positions[0], "RegioS", "GM9999")
    drug_sites = workspace.demo_file("drug_sites", YEAR)
    lines = drug_sites.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(";")
    drop = header.index(MISSING_COLUMN)
    kept = [";".join(c for i, c in enumerate(line.split(";")) if i != drop) for line in lines]
    drug_sites.write_text("\n".join(kept) + "\n", encoding="utf-8")
    workspace.run(YEAR)
    workspace.edits = edits
    return workspace


BAD_VALUES = pytest.mark.parametrize(
    "check_name",
    ["financial_file_is_valid", "seized_assets_file_is_valid", "population_file_is_valid"],
    ids=["unknown_municipality", "wrong_year", "unknown_region_in_v4_json"],
)


@BAD_VALUES
def test_bad_value_fails_its_check_naming_file_and_row(
    broken_files: Workspace, check_name: str
) -> None:
    file_name, row, _column, _value = broken_files.edits[check_name]
    evaluation = checks(broken_files.results[str(YEAR)])[check_name]
    assert not evaluation.passed
    assert evaluation.blocking
    assert evaluation.metadata["failed_values"].value == 1
    assert f"{file_name}, row {row}," in evaluation.description
    assert [found[:2] for found in stored_failures(broken_files, check_name)] == [(file_name, row)]


@BAD_VALUES
def test_bad_value_check_names_the_column_and_value(
    broken_files: Workspace, check_name: str
) -> None:
    file_name, row, column, value = broken_files.edits[check_name]
    evaluation = checks(broken_files.results[str(YEAR)])[check_name]
    assert f"{file_name}, row {row}, column {column}: value {value!r}" in evaluation.description
    assert stored_failures(broken_files, check_name) == [(file_name, row, column, value)]


def test_bad_values_stop_the_report(broken_files: Workspace) -> None:
    found = materialized(broken_files.results[str(YEAR)])
    for raw, staged in [
        ("financial", "stg_financial__fiu_transactions"),
        ("seized_assets", "stg_financial__seized_assets"),
        ("population", "stg_population__inhabitants"),
    ]:
        assert AssetKey(["raw", raw]) in found
        assert AssetKey(["staging", staged]) not in found
    assert REPORT not in found
    assert not broken_files.report_file(YEAR).exists()


def test_missing_column_fails_the_raw_asset(broken_files: Workspace) -> None:
    result = broken_files.results[str(YEAR)]
    found = materialized(result)
    assert AssetKey(["raw", "drug_sites"]) not in found
    message = step_failure_text(result, step_key("raw", "drug_sites"))
    assert f"drugslocaties_{YEAR}.csv" in message
    assert MISSING_COLUMN in message
    assert "missing column" in message
    # Nothing of the file reached the warehouse, and nothing downstream ran.
    with broken_files.connect() as conn:
        # raw.drug_sites exists only if an earlier (good) year was loaded in this workspace.
        loaded = conn.execute(
            "select count(*) from duckdb_views() where schema_name = 'raw' "
            "and view_name = 'drug_sites'"
        ).fetchone()[0]
        if loaded:
            rows = conn.execute(
                "select count(*) from raw.drug_sites where partition_year = ?", [YEAR]
            ).fetchone()[0]
            assert rows == 0
    assert "drug_sites_file_is_valid" not in checks(result)
    assert REPORT not in found
    assert not broken_files.report_file(YEAR).exists()
