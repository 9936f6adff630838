"""The one Definitions object of the code location (loaded by workspace.yaml)."""

from __future__ import annotations

from pathlib import Path

from dagster import Definitions, map_asset_specs

import assets.indicators
import assets.raw
import assets.reference
import assets.report
import assets.staging
from pipeline.plumbing.executors import in_process_unless_asked
from pipeline.plumbing.fetch_job import CbsApi, fetch_cbs_tables_job
from pipeline.plumbing.layers import load_layer
from pipeline.plumbing.resources import default_resources
from pipeline.plumbing.schedules import (
    SOURCES_OUT_CRON,
    dead_runs,
    new_source_files,
    threat_picture_job,
    yearly_threat_picture_schedule,
)

# The team that produces the threat picture (Dagster takes "team:<name>" or an e-mail address).
OWNER = "team:dreigingsbeeld"


def build_definitions(
    data_dir: Path | None = None,
    reports_dir: Path | None = None,
    database: Path | None = None,
    yearly_schedule_cron: str = SOURCES_OUT_CRON,
) -> Definitions:
    """Definitions with the given folders (tests pass temporary ones) and the date the yearly
    schedule builds the year just ended (a cron string in Europe/Amsterdam time; by default
    1 July 06:00, when the sources are out)."""
    layers = [
        load_layer(package)
        for package in (
            assets.reference,
            assets.raw,
            assets.staging,
            assets.indicators,
            assets.report,
        )
    ]
    all_assets = [asset for layer_assets, _ in layers for asset in layer_assets]
    return Definitions(
        # Who answers for them, in the UI's owner column and filters.
        assets=map_asset_specs(lambda spec: spec.replace_attributes(owners=[OWNER]), all_assets),
        asset_checks=[check for _, layer_checks in layers for check in layer_checks],
        jobs=[threat_picture_job, fetch_cbs_tables_job],
        # Also the executor of the asset jobs the UI launches (Materialize, backfills).
        executor=in_process_unless_asked,
        schedules=[yearly_threat_picture_schedule(yearly_schedule_cron)],
        sensors=[new_source_files, dead_runs],
        resources={**default_resources(data_dir, reports_dir, database), "cbs_api": CbsApi()},
    )


defs = build_definitions()
