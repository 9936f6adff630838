"""Raw assets and their blocking Great Expectations checks, run through the threat_picture job.

Each fixture runs the job once on a temporary copy of the demo data (some with a file broken on
purpose); the tests read the run's events and the warehouse it wrote.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable

import pytest
from dagster import AssetCheckSeverity, AssetKey, ExecuteInProcessResult

from pipeline.definitions import defs
from pipeline.domain.files.sources import SOURCES
from tests.conftest import (
    DEMO_DIR,
    LATEST_DEMO_YEAR,
    REFERENCE_DIR,
    Workspace,
    replace_cell,
    replace_observations,
    step_key,
)

YEAR = LATEST_DEMO_YEAR
REPORT = AssetKey(["report", "dreigingsbeeld"])
# Every asset of the code location; a clean year must materialise them all.
ALL_ASSETS = {key for assets_def in defs.assets for key in assets_def.keys}
REFERENCE_NAMES = tuple(key.path[1] for key in ALL_ASSETS if key.path[0] == "reference")
RAW_CHECKS = {f"{source}_file_is_valid" for source in SOURCES}
# The demo's 2025 incidents: a StatLine download (labels, a title above the header).
INCIDENTS_FILE = "Geregistreerde_criminaliteit__soort_misdrijf__regio_15052026_093012.csv"
COUNT_TITLE = "Geregistreerde misdrijven|Totaal geregistreerde misdrijven (aantal)"
COUNT_KEY = "TotaalGeregistreerdeMisdrijven_1"
COUNT_AT_ROW = (
    'select "TotaalGeregistreerdeMisdrijven_1" from raw.incidents '
    "where partition_year = ? and source_row = ?"
)
# Every crime code for the municipalities, the country, 4 parts of the country, 12 provinces.
INCIDENT_ROWS = 75 * (342 + 1 + 4 + 12)

# The cells broken on purpose: (data line, column, bad value). The count changed is one that was
# 0: CBS's rounding allows its parent totals to be 5 off, so only the changed cell fails.
BAD_COUNT = (None, COUNT_TITLE, "-5")
UNKNOWN_MUNICIPALITY = (37, "gemeentecode", "GM9999")
WRONG_YEAR = (12, "jaar", f"{YEAR - 1}")
MISSING_COLUMN = "omgeving"
# In the population's v4 extract: every observation of one municipality in 2025 gets a code
# that does not exist.
RENAMED_REGION = {"RegioS": "GM0014", "Perioden": f"{YEAR}JJ00"}


def data_line_with(path, column: str, value: str) -> int:
    """The first data line (1 = first after the header) whose ``column`` holds ``value``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header_index = next(i for i, line in enumerate(lines) if f'"{column}"' in line)
    index = [c.strip('"') for c in lines[header_index].split(";")].index(column)
    return next(
        number
        for number, line in enumerate(lines[header_index + 1 :], start=1)
        if line.split(";")[index].strip('"') == value
    )


def materialized(result: ExecuteInProcessResult) -> dict[AssetKey, dict]:
    return {
        event.asset_key: event.materialization.metadata
        for event in result.get_asset_materialization_events()
    }


def checks(result: ExecuteInProcessResult) -> dict[str, object]:
    return {
        evaluation.asset_check_key.name: evaluation
        for evaluation in result.get_asset_check_evaluations()
    }


def step_failure_text(result: ExecuteInProcessResult, step_key: str) -> str:
    """Everything a failed step said: the Failure's description and the error message."""
    texts = []
    for event in result.all_events:
        if event.is_step_failure and event.step_key == step_key:
            data = event.step_failure_data
            if data.user_failure_data is not None:
                texts.append(data.user_failure_data.description or "")
            if data.error is not None:
                texts.append(data.error.message)
    return "\n".join(texts)


def stored_failures(workspace: Workspace, check_name: str) -> list[tuple]:
    with workspace.connect() as conn:
        return conn.execute(
            "select source_file, source_row, column_name, value from quality.quarantine "
            "where partition_year = ? and check_name = ? order by source_row",
            [YEAR, check_name],
        ).fetchall()


def partition_counts(workspace: Workspace) -> dict[str, int]:
    counts = {
        "raw.incidents": "select count(*) from raw.incidents where partition_year = ?",
        "staging.stg_incidents__crimes": (
            "select count(*) from staging.stg_incidents__crimes where year = ?"
        ),
        "indicators.phenomenon_indicators": (
            "select count(*) from indicators.phenomenon_indicators where year = ?"
        ),
    }
    with workspace.connect() as conn:
        return {table: conn.execute(sql, [YEAR]).fetchall()[0][0] for table, sql in counts.items()}


# --- (a) clean demo data ----------------------------------------------------------------------


def test_clean_year_passes_every_check(demo_build: Workspace) -> None:
    result = demo_build.results[str(YEAR)]
    assert result.success
    every = result.get_asset_check_evaluations()
    assert {e.asset_check_key.name for e in every} == {
        *RAW_CHECKS,
        "regions_add_up",
        "no_implausible_jumps",
        "aggregates_match_municipalities",
        "no_published_count_can_be_disclosed",
        "policy_municipalities_are_valid",
    }
    errors = {
        e.asset_check_key.to_user_string(): e.description
        for e in every
        if not e.passed and e.severity == AssetCheckSeverity.ERROR
    }
    assert errors == {}
    # Jumps between years only warn: they never stop a run.
    jumps = [e for e in every if e.asset_check_key.name == "no_implausible_jumps"]
    assert len(jumps) == 3 and {e.severity for e in jumps} == {AssetCheckSeverity.WARN}
    # So does the comparison of CBS's aggregate rows with their municipalities.
    aggregates = [e for e in every if e.asset_check_key.name == "aggregates_match_municipalities"]
    assert {e.asset_check_key.asset_key.path[1] for e in aggregates} == {
        "stg_incidents__crimes",
        "stg_population__inhabitants",
    }
    assert {e.severity for e in aggregates} == {AssetCheckSeverity.WARN}
    assert all(e.passed for e in aggregates)
    evaluations = checks(result)
    assert evaluations["incidents_file_is_valid"].description == (
        f"All 13 rules hold on {INCIDENT_ROWS} rows."
    )


def test_clean_year_writes_the_report(demo_build: Workspace) -> None:
    report = demo_build.report_file(YEAR)
    assert report.is_file()
    assert report.stat().st_size > 10_000
    metadata = materialized(demo_build.results[str(YEAR)])[REPORT]
    assert metadata["dagster/uri"].value == str(report)


def test_every_materialization_has_row_count_schema_and_preview(demo_build: Workspace) -> None:
    found = materialized(demo_build.results[str(YEAR)])
    assert set(found) == ALL_ASSETS
    for key, metadata in found.items():
        required = {"dagster/row_count", "dagster/column_schema", "preview"}
        required |= {"dagster/uri"} if key == REPORT else set()
        no_file = "source_file" in metadata and metadata["source_file"].value == "none this year"
        if key.path[0] != "reference" and not no_file:
            # Built from the demo files: every yearly asset says it is synthetic (an optional
            # source without a file this year has nothing to say).
            assert metadata["synthetic"].value is True, key.to_user_string()
        assert required <= set(metadata), f"{key.to_user_string()} lacks {required - set(metadata)}"
        # An optional source without a file this year is an empty year; all else has rows.
        assert (metadata["dagster/row_count"].value == 0) == no_file, key.to_user_string()
        assert metadata["preview"].value.strip(), key.to_user_string()
        assert metadata["dagster/column_schema"].schema.columns, key.to_user_string()


def test_row_counts_match_the_warehouse(demo_build: Workspace) -> None:
    found = materialized(demo_build.results[str(YEAR)])
    incidents_rows = found[AssetKey(["raw", "incidents"])]["dagster/row_count"].value
    assert incidents_rows == INCIDENT_ROWS
    assert (
        demo_build.scalar("select count(*) from raw.incidents where partition_year = ?", [YEAR])
        == incidents_rows
    )
    municipalities = found[AssetKey(["reference", "municipalities"])]["dagster/row_count"].value
    assert municipalities == 342
    schema = found[AssetKey(["raw", "incidents"])]["dagster/column_schema"].schema
    names = [column.name for column in schema.columns]
    assert {
        "source_file",
        "source_row",
        "source_sha256",
        "region_level",
        COUNT_KEY,
        # Measures the pipeline does not use are kept, not refused.
        "RegistratiesVanVerdachten_6",
    } <= set(names)


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
    # The stored row is the edited one: the raw table keeps the delivered value at that row.
    assert (
        negative_count.scalar(
            COUNT_AT_ROW,
            [YEAR, row],
        )
        == value
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


# --- (e) idempotence ---------------------------------------------------------------------------


def test_materializing_a_year_twice_keeps_row_counts(
    demo_build: Workspace, make_workspace: Callable[..., Workspace]
) -> None:
    # A copy of the session's warehouse, in which 2025 is materialized a second time.
    workspace = make_workspace("rerun", years=[YEAR])
    shutil.copy2(demo_build.database, workspace.database)
    wal = demo_build.database.with_name(demo_build.database.name + ".wal")
    assert not wal.exists()
    before = partition_counts(workspace)
    assert before == partition_counts(demo_build)
    assert all(count > 0 for count in before.values())
    result = workspace.run(YEAR)
    assert result.success
    after = partition_counts(workspace)
    assert after == before
    # Also no duplicated (row, file) pairs and the other year is untouched.
    assert (
        workspace.scalar(
            "select count(*) - count(distinct source_row) from raw.incidents "
            "where partition_year = ?",
            [YEAR],
        )
        == 0
    )
    assert workspace.scalar(
        "select count(*) from indicators.phenomenon_indicators where year = ?", [YEAR - 1]
    ) == demo_build.scalar(
        "select count(*) from indicators.phenomenon_indicators where year = ?", [YEAR - 1]
    )


# --- (f) a file in data/raw/ wins over the demo file -------------------------------------------


@pytest.fixture(scope="module")
def raw_file_build(make_workspace: Callable[..., Workspace]) -> tuple[Workspace, str, str]:
    workspace = make_workspace("raw_precedence")
    raw_dir = workspace.data / "raw" / "incidents"
    raw_dir.mkdir(parents=True)
    raw_file = raw_dir / INCIDENTS_FILE
    shutil.copy2(DEMO_DIR / "incidents" / INCIDENTS_FILE, raw_file)
    # One valid count differs (0 -> 5, within the rounding of its totals), so the rows show
    # which file was read.
    _old, row = replace_cell(raw_file, data_line_with(raw_file, COUNT_TITLE, "0"), COUNT_TITLE, "5")
    workspace.edited_row = row
    selection = [AssetKey(["reference", name]) for name in REFERENCE_NAMES]
    selection.append(AssetKey(["raw", "incidents"]))
    workspace.run(YEAR, asset_selection=selection)
    return workspace, str(raw_file), hashlib.sha256(raw_file.read_bytes()).hexdigest()


def test_raw_file_takes_precedence_over_demo(raw_file_build: tuple[Workspace, str, str]) -> None:
    workspace, raw_path, raw_sha = raw_file_build
    result = workspace.results[str(YEAR)]
    assert result.success
    assert workspace.demo_file("incidents", YEAR).is_file()
    assert checks(result)["incidents_file_is_valid"].passed
    metadata = materialized(result)[AssetKey(["raw", "incidents"])]
    assert metadata["source_file"].value == raw_path
    assert "/raw/incidents/" in metadata["source_file"].value
    assert metadata["synthetic"].value is False
    assert metadata["source_sha256"].value == raw_sha
    with workspace.connect() as conn:
        rows = conn.execute(
            "select is_synthetic, source_file, source_sha256, count(*) from raw.incidents "
            "where partition_year = ? group by all",
            [YEAR],
        ).fetchall()
        edited = conn.execute(
            COUNT_AT_ROW,
            [YEAR, workspace.edited_row],
        ).fetchall()[0][0]
    assert rows == [(False, INCIDENTS_FILE, raw_sha, INCIDENT_ROWS)]
    assert edited == "5"
    demo_sha = hashlib.sha256((DEMO_DIR / "incidents" / INCIDENTS_FILE).read_bytes())
    assert demo_sha.hexdigest() != raw_sha


def test_reference_copy_is_complete(make_workspace: Callable[..., Workspace]) -> None:
    """The helper copies every reference file, so runs see the same facts as the project."""
    workspace = make_workspace("reference_only", years=[])
    copied = sorted(p.name for p in (workspace.data / "reference").iterdir())
    assert copied == sorted(p.name for p in REFERENCE_DIR.iterdir())
