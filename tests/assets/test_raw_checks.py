"""Raw assets and their blocking Great Expectations checks, run through the threat_picture job:
the clean demo year, and materialising a year twice.

The tests read the session's build of the demo (``demo_build``) and its warehouse; the broken
files are in test_raw_checks_broken_files.py, a file in data/raw/ in test_raw_file_precedence.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable

from dagster import AssetCheckSeverity, AssetKey

from tests.assets.raw_check_helpers import (
    ALL_ASSETS,
    COUNT_KEY,
    INCIDENT_ROWS,
    RAW_CHECKS,
    REPORT,
    YEAR,
    checks,
    materialized,
)
from tests.conftest import REFERENCE_DIR, Workspace, upstream_of


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
    assert metadata["dagster/uri"].value == str(demo_build.as_built(report))


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
    result = workspace.run(YEAR, upstream_of("indicators/phenomenon_indicators"))
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


def test_reference_copy_is_complete(make_workspace: Callable[..., Workspace]) -> None:
    """The helper copies every reference file, so runs see the same facts as the project."""
    workspace = make_workspace("reference_only", years=[])
    copied = sorted(p.name for p in (workspace.data / "reference").iterdir())
    assert copied == sorted(p.name for p in REFERENCE_DIR.iterdir())
