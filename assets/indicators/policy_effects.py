"""The policy effects asset: per programme and outcome, the difference-in-differences estimate.
The statistics are in pipeline/domain/statistics/policy_effects.py and policy_estimates.py; the
programme lists are the reference asset policy_municipalities."""

from collections.abc import Mapping

import polars as pl
from dagster import AssetKey

from assets.indicators import LAYER
from pipeline.domain.statistics.policy_estimates import estimate_policy_effects
from pipeline.domain.statistics.uncertainty import CONFIDENCE_LEVEL
from pipeline.plumbing.partitions import ten_years_of
from pipeline.plumbing.table_asset_factory import (
    Computed,
    PythonTable,
    python_table_asset,
    year_by_year,
)


def _estimate(inputs: Mapping[str, pl.DataFrame], years: range, config: None) -> Computed:
    history = inputs["history"]

    def estimate_year(year: int) -> dict[str, pl.DataFrame]:
        # Each year's estimate looks back over that year and the nine before it.
        window = history.filter(pl.col("year").is_between(year - 9, year))
        effects, series = estimate_policy_effects(window, inputs["members"], CONFIDENCE_LEVEL)
        return {"effect_rows": effects, "series_rows": series.rename({"year": "data_year"})}

    synthetic_selection = bool(inputs["selection"]["synthetic"][0])
    return Computed(
        frames=year_by_year(years, estimate_year),
        params={"confidence_level": CONFIDENCE_LEVEL},
        metadata={"synthetic_selection": synthetic_selection},
        # An invented programme list makes the effect invented too, whatever the counts.
        synthetic=synthetic_selection,
    )


policy_effects = python_table_asset(
    LAYER,
    PythonTable(
        name="policy_effects",
        group="policy",
        description="Policy measures: per programme and outcome (registered crimes per "
        "phenomenon and in all, Meld Misdaad Anoniem tips), the difference-in-differences rate "
        "ratio of the municipalities taking part against the others over up to ten years, with "
        "its 95% cluster-robust interval, a parallel-trends test, and both groups' yearly rates.",
        deps=[
            *ten_years_of("phenomenon_indicators", "signal_indicators"),
            AssetKey(["reference", "policy_municipalities"]),
        ],
        inputs={
            "history": "indicators/queries/policy_effect_inputs",
            "members": "indicators/queries/policy_members",
            "selection": "reference/queries/policy_selection",
        },
        tables=("policy_effects", "policy_series"),
        compute=_estimate,
    ),
)
