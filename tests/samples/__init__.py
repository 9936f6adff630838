"""Small, hand-made inputs shared by tests: a ReportData as the report asset reads it from the
warehouse, with every dataset of pipeline/domain/publishing/report_data.py
(numbers chosen to be checked by hand).

The datasets are data, one constant each, in the module of their subject (``harm``,
``regions``, ``sectors``, ``policy``, ``quality``); ``small_frames`` makes fresh frames of them.
"""

import polars as pl

from pipeline.domain.publishing.report_data import ReportData
from tests.samples import harm, policy, quality, regions, sectors

# Dataset name -> its columns (or rows), or the schema of an empty frame.
DATASETS: dict[str, object] = {
    "key_figures": harm.KEY_FIGURES,
    "priorities": harm.PRIORITIES,
    "harm_by_weight_set": harm.HARM_BY_WEIGHT_SET,
    "regions": regions.REGIONS,
    "phenomenon_regions": regions.PHENOMENON_REGIONS,
    "municipal_rates": regions.MUNICIPAL_RATES,
    "region_series": regions.REGION_SERIES,
    "region_sectors": regions.REGION_SECTORS,
    "national_series": harm.NATIONAL_SERIES,
    "sector_exposure": sectors.SECTOR_EXPOSURE,
    "seizure_flows": sectors.SEIZURE_FLOWS,
    "financial": sectors.FINANCIAL,
    "impact": sectors.IMPACT,
    "policy_effects": policy.POLICY_EFFECTS,
    "policy_series": policy.POLICY_SERIES,
    "signals": regions.SIGNALS,
    "data_quality": quality.DATA_QUALITY,
    "largest_jumps": quality.LARGEST_JUMPS,
    "quarantine": quality.QUARANTINE,
    "aggregate_reconciliation": quality.AGGREGATE_RECONCILIATION,
    "input_files": quality.INPUT_FILES,
    "provisional_years": quality.PROVISIONAL_YEARS,
    "harm_weight_set": harm.HARM_WEIGHT_SET,
    "weight_sets": harm.WEIGHT_SETS,
}


def frame(data: object) -> pl.DataFrame:
    """A new frame of ``data``: columns, rows, or (a schema) no rows."""
    if isinstance(data, pl.Schema):
        return pl.DataFrame(schema=data)
    return pl.DataFrame(data)


def small_frames() -> dict[str, pl.DataFrame]:
    return {name: frame(data) for name, data in DATASETS.items()}


def small_report_data(**replaced: pl.DataFrame) -> ReportData:
    return ReportData(2025, {**small_frames(), **replaced})
