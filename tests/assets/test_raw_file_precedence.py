"""A file in data/raw/ wins over the demo file of the same source and year: the raw asset reads
it, checks it and records it as not synthetic."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable

import pytest
from dagster import AssetKey

from tests.assets.raw_check_helpers import (
    COUNT_AT_ROW,
    COUNT_TITLE,
    INCIDENT_ROWS,
    INCIDENTS_FILE,
    REFERENCE_NAMES,
    YEAR,
    checks,
    data_line_with,
    materialized,
)
from tests.conftest import DEMO_DIR, Workspace
from tests.file_edits import replace_cell

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
