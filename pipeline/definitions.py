"""The one Definitions object of the code location (loaded by workspace.yaml)."""

from __future__ import annotations

from pathlib import Path

from dagster import Definitions

from assets.indicators.harm_rankings import harm_rankings
from assets.indicators.phenomenon_trends import phenomenon_trends
from assets.indicators.policy_effects import policy_assets, policy_checks
from assets.indicators.published_counts import no_published_count_can_be_disclosed, published_counts
from assets.indicators.tables import indicator_assets, indicator_checks
from assets.indicators.threat_index import sector_threat_index, threat_index_asset
from assets.raw.checks import raw_checks
from assets.raw.files import raw_assets
from assets.reference.tables import reference_assets
from assets.report.dreigingsbeeld import report_assets
from assets.staging.models import staging_assets, staging_checks
from assets.staging.reconciliation import reconciliation_checks
from pipeline.fetch_job import CbsApi, fetch_cbs_tables_job
from pipeline.resources import default_resources
from pipeline.schedules import new_source_files, threat_picture_job, yearly_schedule


def build_definitions(
    data_dir: Path | None = None, reports_dir: Path | None = None, database: Path | None = None
) -> Definitions:
    """Definitions with the given folders; tests pass temporary ones."""
    return Definitions(
        assets=[
            *reference_assets,
            *raw_assets,
            *staging_assets,
            *indicator_assets,
            harm_rankings,
            published_counts,
            phenomenon_trends,
            threat_index_asset,
            sector_threat_index,
            *policy_assets,
            *report_assets,
        ],
        asset_checks=[
            *raw_checks,
            *staging_checks,
            *reconciliation_checks,
            *indicator_checks,
            no_published_count_can_be_disclosed,
            *policy_checks,
        ],
        jobs=[threat_picture_job, fetch_cbs_tables_job],
        schedules=[yearly_schedule],
        sensors=[new_source_files],
        resources={**default_resources(data_dir, reports_dir, database), "cbs_api": CbsApi()},
    )


defs = build_definitions()
