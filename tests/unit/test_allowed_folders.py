"""Run config cannot point the warehouse, the data or the reports outside the project's folder
(or a folder the operator allows); a link out of an allowed folder does not get round it."""

from pathlib import Path

import pytest
from dagster import materialize

from pipeline.definitions import build_definitions
from pipeline.plumbing.allowed_folders import (
    ALLOWED_FOLDERS_VARIABLE,
    PROJECT_ROOT,
    OutsideAllowedFolders,
    check_allowed,
)

ELSEWHERE = "/opt/elsewhere/reports"


def test_the_project_and_the_operators_folders_are_allowed(tmp_path, monkeypatch):
    check_allowed("paths.reports_dir", str(PROJECT_ROOT / "reports"))
    monkeypatch.setenv(ALLOWED_FOLDERS_VARIABLE, f"/srv/one:{tmp_path}")
    check_allowed("paths.data_dir", str(tmp_path / "data"))
    check_allowed("paths.data_dir", "/srv/one/data")


@pytest.mark.parametrize("value", [ELSEWHERE, str(PROJECT_ROOT / ".." / "elsewhere"), "/etc"])
def test_a_folder_outside_is_refused_naming_the_setting(value, monkeypatch):
    monkeypatch.delenv(ALLOWED_FOLDERS_VARIABLE, raising=False)
    with pytest.raises(OutsideAllowedFolders, match=r"paths\.reports_dir = .* is outside"):
        check_allowed("paths.reports_dir", value)


def test_a_link_out_of_an_allowed_folder_is_refused(tmp_path, monkeypatch):
    allowed, outside = tmp_path / "allowed", tmp_path / "outside"
    allowed.mkdir()
    outside.mkdir()
    (allowed / "reports").symlink_to(outside, target_is_directory=True)
    monkeypatch.setenv(ALLOWED_FOLDERS_VARIABLE, str(allowed))
    with pytest.raises(OutsideAllowedFolders):
        check_allowed("paths.reports_dir", str(allowed / "reports"))


@pytest.mark.parametrize(
    ("resource", "config", "asset"),
    [
        ("paths", {"data_dir": str(PROJECT_ROOT / "data"), "reports_dir": ELSEWHERE}, "phenomena"),
        ("warehouse", {"database": "/opt/elsewhere/w.duckdb"}, "phenomena"),
        ("renderer", {"pdf_cache_dir": "/opt/elsewhere/cache"}, "dreigingsbeeld"),
    ],
)
def test_a_run_configured_outside_fails_before_any_step(resource, config, asset):
    defs = build_definitions()
    (key,) = [k for a in defs.assets for k in a.keys if k.path[-1] == asset]
    assets = [a for a in defs.assets if key in a.keys]
    result = materialize(
        assets,
        selection=[key],
        resources=defs.resources,
        run_config={"resources": {resource: {"config": config}}},
        partition_key="2025" if asset == "dreigingsbeeld" else None,
        raise_on_error=False,
    )
    assert not result.success
    failure = next(e for e in result.all_events if e.is_failure)
    assert "is outside the folders a run may use" in str(failure.event_specific_data)
    assert not any(event.is_step_start for event in result.all_events)
    assert not Path("/opt/elsewhere").exists()
