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

from assets.sources import SOURCES
from pipeline.definitions import defs
from tests.conftest import (
    DEMO_DIR,
    LATEST_DEMO_YEAR,
    REFERENCE_DIR,
    Workspace,
    replace_cell,
)

YEAR = LATEST_DEMO_YEAR
REPORT = AssetKey(["report", "dreigingsbeeld"])
# Every asset of the code location; a clean year must materialise them all.
ALL_ASSETS = {key for assets_def in defs.assets for key in assets_def.keys}
REFERENCE_NAMES = tuple(key.path[1] for key in ALL_ASSETS if key.path[0] == "reference")
RAW_CHECKS = {f"{source}_file_is_valid" for source in SOURCES}

# The cells broken on purpose: (data line, column, bad value); row = data line + 1.
BAD_COUNT = (100, "TotaalGeregistreerdeMisdrijven_1", "-5")
UNKNOWN_MUNICIPALITY = (37, "gemeentecode", "GM9999")
WRONG_PERIOD = (12, "Perioden", f"{YEAR - 1}JJ00")
MISSING_COLUMN = "omgeving"


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
    evaluations = checks(result)
    # columns, 5 not-empty rules, the key, 5 value rules, mixed divisions and totals
    assert evaluations["incidents_file_is_valid"].description == "All 14 rules hold on 3420 rows."


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
    # The demo file has 3,420 data lines (342 municipalities x 10 crime types).
    assert incidents_rows == 3420
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
        "TotaalGeregistreerdeMisdrijven_1",
    } <= set(names)


# --- (b) a negative count in the incidents file -----------------------------------------------


@pytest.fixture(scope="module")
def negative_count(make_workspace: Callable[..., Workspace]) -> Workspace:
    workspace = make_workspace("negative_count")
    line, column, value = BAD_COUNT
    old = replace_cell(workspace.demo_file("incidents", YEAR), line, column, value)
    assert old.isdigit()
    workspace.run(YEAR)
    return workspace


def test_negative_count_fails_the_blocking_check(negative_count: Workspace) -> None:
    result = negative_count.results[str(YEAR)]
    evaluation = checks(result)["incidents_file_is_valid"]
    assert not evaluation.passed
    assert evaluation.blocking
    line, column, value = BAD_COUNT
    description = evaluation.description
    assert "83648NED_2025.csv" in description
    assert f"row {line + 1}" in description
    assert column in description
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
    line, column, value = BAD_COUNT
    assert stored_failures(negative_count, "incidents_file_is_valid") == [
        ("83648NED_2025.csv", line + 1, column, value)
    ]
    # The stored row is the edited one: the raw table keeps the delivered text at that row.
    assert (
        negative_count.scalar(
            'select "TotaalGeregistreerdeMisdrijven_1" from raw.incidents '
            "where partition_year = ? and source_row = ?",
            [YEAR, line + 1],
        )
        == value
    )


# --- (c) and (d): unknown code, wrong year, missing column ------------------------------------


@pytest.fixture(scope="module")
def broken_files(make_workspace: Callable[..., Workspace]) -> Workspace:
    workspace = make_workspace("broken_files")
    replace_cell(workspace.demo_file("financial", YEAR), *UNKNOWN_MUNICIPALITY)
    replace_cell(workspace.demo_file("population", YEAR), *WRONG_PERIOD)
    drug_sites = workspace.demo_file("drug_sites", YEAR)
    lines = drug_sites.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(";")
    drop = header.index(MISSING_COLUMN)
    kept = [";".join(c for i, c in enumerate(line.split(";")) if i != drop) for line in lines]
    drug_sites.write_text("\n".join(kept) + "\n", encoding="utf-8")
    workspace.run(YEAR)
    return workspace


BAD_VALUES = pytest.mark.parametrize(
    ("check_name", "file_name", "cell"),
    [
        ("financial_file_is_valid", f"fiu_{YEAR}.csv", UNKNOWN_MUNICIPALITY),
        ("population_file_is_valid", f"03759NED_{YEAR}.csv", WRONG_PERIOD),
    ],
    ids=["unknown_municipality", "wrong_year"],
)


@BAD_VALUES
def test_bad_value_fails_its_check_naming_file_and_row(
    broken_files: Workspace, check_name: str, file_name: str, cell: tuple[int, str, str]
) -> None:
    line, _column, _value = cell
    evaluation = checks(broken_files.results[str(YEAR)])[check_name]
    assert not evaluation.passed
    assert evaluation.blocking
    assert evaluation.metadata["failed_values"].value == 1
    assert f"{file_name}, row {line + 1}," in evaluation.description
    assert [row[:2] for row in stored_failures(broken_files, check_name)] == [(file_name, line + 1)]


@BAD_VALUES
def test_bad_value_check_names_the_column_and_value(
    broken_files: Workspace, check_name: str, file_name: str, cell: tuple[int, str, str]
) -> None:
    line, column, value = cell
    evaluation = checks(broken_files.results[str(YEAR)])[check_name]
    assert f"{file_name}, row {line + 1}, column {column}: value {value!r}" in (
        evaluation.description
    )
    assert stored_failures(broken_files, check_name) == [(file_name, line + 1, column, value)]


def test_bad_values_stop_the_report(broken_files: Workspace) -> None:
    found = materialized(broken_files.results[str(YEAR)])
    assert AssetKey(["raw", "financial"]) in found
    assert AssetKey(["raw", "population"]) in found
    assert AssetKey(["staging", "stg_financial__fiu_transactions"]) not in found
    assert AssetKey(["staging", "stg_population__inhabitants"]) not in found
    assert REPORT not in found
    assert not broken_files.report_file(YEAR).exists()


def test_missing_column_fails_the_raw_asset(broken_files: Workspace) -> None:
    result = broken_files.results[str(YEAR)]
    found = materialized(result)
    assert AssetKey(["raw", "drug_sites"]) not in found
    message = step_failure_text(result, "raw__drug_sites")
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
    raw_file = raw_dir / f"83648NED_{YEAR}.csv"
    shutil.copy2(DEMO_DIR / "incidents" / raw_file.name, raw_file)
    # One valid count differs, so the rows show which file was read.
    replace_cell(raw_file, 5, "TotaalGeregistreerdeMisdrijven_1", "7777")
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
            'select "TotaalGeregistreerdeMisdrijven_1" from raw.incidents '
            "where partition_year = ? and source_row = 6",
            [YEAR],
        ).fetchone()[0]
    assert rows == [(False, f"83648NED_{YEAR}.csv", raw_sha, 3420)]
    assert edited == "7777"
    demo_sha = hashlib.sha256((DEMO_DIR / "incidents" / f"83648NED_{YEAR}.csv").read_bytes())
    assert demo_sha.hexdigest() != raw_sha


def test_reference_copy_is_complete(make_workspace: Callable[..., Workspace]) -> None:
    """The helper copies every reference file, so runs see the same facts as the project."""
    workspace = make_workspace("reference_only", years=[])
    copied = sorted(p.name for p in (workspace.data / "reference").iterdir())
    assert copied == sorted(p.name for p in REFERENCE_DIR.iterdir())
