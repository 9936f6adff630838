"""Rows a blocking check refuses never replace accepted ones (issue "Nothing rejected gets in"):
a refused delivery leaves the year's raw rows as they were, so a run that selects only staging
afterwards stages the accepted rows, not the refused one."""

from __future__ import annotations

import shutil
from collections.abc import Callable

import pytest
from dagster import AssetKey

from tests.assets.raw_check_helpers import YEAR, checks, materialized
from tests.conftest import Workspace, upstream_of
from tests.file_edits import replace_cell

STAGED = "staging/stg_financial__fiu_transactions"
RAW_FILE = f"fiu_{YEAR}.csv"
# A municipality code no division has, in the first row of the delivery.
UNKNOWN = "GM9999"
CHECK = "financial_file_is_valid"

RAW_ROWS = "select * from raw.financial where partition_year = ? order by source_row"
STAGED_ROWS = "select * from staging.stg_financial__fiu_transactions where year = ? order by all"


def rows(workspace: Workspace, sql: str) -> list[tuple]:
    with workspace.connect() as conn:
        return conn.execute(sql, [YEAR]).fetchall()


@pytest.fixture(scope="module")
def refused(make_workspace: Callable[..., Workspace]) -> dict:
    """A year accepted from the demo file, then a delivery in data/raw/ with an unknown
    municipality, then a run of staging alone; what each step left behind."""
    workspace = make_workspace("refused_rows")
    assert workspace.run(YEAR, upstream_of(STAGED)).success
    before = {"raw": rows(workspace, RAW_ROWS), "staged": rows(workspace, STAGED_ROWS)}

    delivery = workspace.data / "raw" / "financial" / RAW_FILE
    delivery.parent.mkdir(parents=True)
    shutil.copy2(workspace.demo_file("financial", YEAR), delivery)
    _old, row = replace_cell(delivery, 1, "gemeentecode", UNKNOWN)
    raw_run = workspace.run(YEAR, upstream_of("raw/financial"))
    after_raw = {"raw": rows(workspace, RAW_ROWS), "staged": rows(workspace, STAGED_ROWS)}

    staging_run = workspace.run(YEAR, [AssetKey(STAGED.split("/"))])
    after_staging = rows(workspace, STAGED_ROWS)
    return {
        "workspace": workspace,
        "row": row,
        "before": before,
        "raw_run": raw_run,
        "after_raw": after_raw,
        "staging_run": staging_run,
        "after_staging": after_staging,
    }


def test_the_refused_delivery_fails_its_blocking_check(refused: dict) -> None:
    evaluation = checks(refused["raw_run"])[CHECK]
    assert not evaluation.passed
    assert evaluation.blocking
    assert f"{RAW_FILE}, row {refused['row']}, column gemeentecode: value '{UNKNOWN}'" in (
        evaluation.description
    )
    assert evaluation.metadata["refused_years"].value == str(YEAR)
    assert not refused["raw_run"].success


def test_the_raw_rows_stay_those_accepted_before(refused: dict) -> None:
    assert refused["after_raw"] == refused["before"]
    metadata = materialized(refused["raw_run"])[AssetKey(["raw", "financial"])]
    assert metadata["refused"].value == str(YEAR)
    # The provenance still names the demo file, the one accepted.
    workspace = refused["workspace"]
    assert (
        workspace.scalar(
            "select string_agg(distinct source_file) from raw.financial where partition_year = ?",
            [YEAR],
        )
        == workspace.demo_file("financial", YEAR).name
    )


def test_staging_alone_after_a_refusal_stages_the_accepted_rows(refused: dict) -> None:
    assert refused["staging_run"].success
    assert refused["after_staging"] == refused["before"]["staged"]
    workspace = refused["workspace"]
    assert (
        workspace.scalar(
            "select count(*) from staging.stg_financial__fiu_transactions where year = ? "
            "and municipality_code = ?",
            [YEAR, UNKNOWN],
        )
        == 0
    )


def test_the_refused_value_is_in_the_quarantine(refused: dict) -> None:
    workspace = refused["workspace"]
    with workspace.connect() as conn:
        stored = conn.execute(
            "select source_file, source_row, column_name, value from quality.quarantine "
            "where partition_year = ? and check_name = ?",
            [YEAR, CHECK],
        ).fetchall()
    assert stored == [(RAW_FILE, refused["row"], "gemeentecode", UNKNOWN)]


def test_without_the_refused_file_the_year_passes_again(refused: dict) -> None:
    workspace = refused["workspace"]
    (workspace.data / "raw" / "financial" / RAW_FILE).unlink()
    result = workspace.run(YEAR, upstream_of("raw/financial"))
    assert result.success
    assert checks(result)[CHECK].passed
    metadata = materialized(result)[AssetKey(["raw", "financial"])]
    # The demo file is the one loaded before: nothing is written again.
    assert metadata["unchanged"].value == str(YEAR)
    assert rows(workspace, RAW_ROWS) == refused["before"]["raw"]
    assert (
        workspace.scalar(
            "select count(*) from quality.quarantine where partition_year = ? and check_name = ?",
            [YEAR, CHECK],
        )
        == 0
    )
