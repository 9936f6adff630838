"""What the report reads from the warehouse, as data: one frame per sql/report/ file and a record
of the query behind each (file, parameters, SHA-256 of the SQL) for the manifest. No Dagster or
DuckDB here; pipeline/plumbing/report_queries.py runs the queries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import polars as pl

# Every dataset of the report: the sql/report/<name>.sql file that produces it. The weight
# sets hold no year; everything else is for the report year (and the years before it, where
# the SQL says so).
YEARLY_DATASETS = (
    "key_figures",
    "priorities",
    "harm_by_weight_set",
    "regions",
    "phenomenon_regions",
    "municipal_rates",
    "region_series",
    "region_sectors",
    "national_series",
    "sector_exposure",
    "seizure_flows",
    "financial",
    "impact",
    "policy_effects",
    "policy_series",
    "signals",
    "data_quality",
    "largest_jumps",
    "quarantine",
    "aggregate_reconciliation",
    "input_files",
    "provisional_years",
    "harm_weight_set",
)
STATIC_DATASETS = ("weight_sets",)
# A row of a report frame, by column name (Polars gives its values untyped).
Row = Mapping[str, Any]


@dataclass(frozen=True)
class Query:
    """How one dataset was produced: enough to run it again and get the same rows."""

    dataset: str
    sql_file: str
    params: dict[str, Any]
    sql_sha256: str
    rows: int


@dataclass(frozen=True)
class ReportData:
    year: int
    frames: dict[str, pl.DataFrame]
    queries: dict[str, Query] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if "harm_weight_set" in self.frames:
            _single_weight_set(self.frames["harm_weight_set"], self.year)

    def __getitem__(self, dataset: str) -> pl.DataFrame:
        return self.frames[dataset]

    @property
    def key_figures(self) -> dict[str, Any]:
        return self.frames["key_figures"].row(0, named=True)

    @property
    def harm_weight_set(self) -> str:
        return _single_weight_set(self.frames["harm_weight_set"], self.year)

    @property
    def provisional_years(self) -> tuple[int, ...]:
        return tuple(self.frames["provisional_years"]["year"].to_list())

    @property
    def is_synthetic(self) -> bool:
        files = self.frames["input_files"]
        return bool(files["is_synthetic"].any()) or self.synthetic_policy_selection

    @property
    def synthetic_policy_selection(self) -> bool:
        effects = self.frames["policy_effects"]
        return bool(effects.height and effects["is_synthetic_selection"].any())


class MixedWeightSets(ValueError):
    """The years behind one report were computed with different harm weight sets."""


def _single_weight_set(frame: pl.DataFrame, year: int) -> str:
    sets = frame["harm_weight_set"].to_list()
    if len(sets) != 1:
        raise MixedWeightSets(
            f"the indicators of {year - 9}-{year} use harm weight sets {sets}: rebuild them "
            "with one set before writing the report"
        )
    return str(sets[0])
