"""Policy effects per programme, source and outcome: the difference-in-differences and
pre-trend estimates of policy_effects.py for every panel, with both groups' rates before and
after. Plain functions, no Dagster."""

from __future__ import annotations

from typing import TypedDict

import numpy as np
import polars as pl

from pipeline.domain.statistics.policy_effects import (
    EFFECT_SCHEMA,
    SERIES_SCHEMA,
    Panel,
    difference_in_differences,
    panel_of,
    pre_trend,
)
from pipeline.domain.statistics.uncertainty import CONFIDENCE_LEVEL


class EffectRow(TypedDict):
    """A row of the effects table (``EFFECT_SCHEMA``)."""

    programme: str
    source: str
    outcome: str
    start_year: int
    first_year: int
    last_year: int
    treated_municipalities: int
    control_municipalities: int
    left_out_municipalities: int
    treated_rate_before: float | None
    treated_rate_after: float | None
    control_rate_before: float | None
    control_rate_after: float | None
    rate_ratio: float | None
    rate_ratio_lower: float | None
    rate_ratio_upper: float | None
    p_value: float | None
    pre_trend_ratio: float | None
    pre_trend_lower: float | None
    pre_trend_upper: float | None
    pre_trend_p_value: float | None


def _pooled_rate(panel: Panel, units: np.ndarray, periods: np.ndarray) -> float | None:
    population = panel.populations[np.ix_(units, periods)].sum()
    if population == 0:
        return None
    return float(panel.counts[np.ix_(units, periods)].sum() * 100000 / population)


def estimate_policy_effects(
    history: pl.DataFrame, members: pl.DataFrame, level: float = CONFIDENCE_LEVEL
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Per programme x outcome: the difference-in-differences rate ratio with its interval, the
    pre-trend test and the pooled rates per 100,000 before and after the start; and the yearly
    series of both groups (for the chart). ``history``: year, municipality_code, source,
    outcome, event_count, population. ``members``: programme, municipality_code, start_year
    (one start year per programme)."""
    effects: list[EffectRow] = []
    series: list[pl.DataFrame] = []
    for (programme,), group in members.group_by(["programme"], maintain_order=True):
        starts = group["start_year"].unique().to_list()
        if len(starts) != 1:
            raise ValueError(f"{programme}: one start year expected, found {sorted(starts)}")
        start_year = int(starts[0])
        codes = set(group["municipality_code"].to_list())
        for (source, outcome), rows in history.group_by(["source", "outcome"], maintain_order=True):
            panel, dropped = panel_of(rows, codes)
            effects.append(
                _effect_row(programme, source, outcome, start_year, panel, len(dropped), level)
            )
            series.append(
                # The same municipalities as the estimate (those with every year).
                rows.filter(~pl.col("municipality_code").is_in(dropped))
                .with_columns(
                    pl.when(pl.col("municipality_code").is_in(list(codes)))
                    .then(pl.lit("taking_part"))
                    .otherwise(pl.lit("others"))
                    .alias("group")
                )
                .group_by(["source", "outcome", "group", "year"])
                .agg(pl.col("event_count").sum(), pl.col("population").sum())
                .with_columns(
                    pl.lit(programme).alias("programme"),
                    (pl.col("event_count") * 100000.0 / pl.col("population")).alias(
                        "rate_per_100k"
                    ),
                )
            )
    effect_frame = pl.DataFrame(effects, schema=EFFECT_SCHEMA, orient="row")
    series_frame = (
        pl.concat(series).select(list(SERIES_SCHEMA)).cast(SERIES_SCHEMA)
        if series
        else pl.DataFrame(schema=SERIES_SCHEMA)
    ).sort(["programme", "source", "outcome", "group", "year"])
    return effect_frame.sort(["programme", "source", "outcome"]), series_frame


def _effect_row(
    programme: str,
    source: str,
    outcome: str,
    start_year: int,
    panel: Panel,
    left_out: int,
    level: float,
) -> EffectRow:
    after = panel.years >= start_year
    treated = np.flatnonzero(panel.treated)
    others = np.flatnonzero(~panel.treated)
    effect = difference_in_differences(panel, start_year, level)
    trend = pre_trend(panel, start_year, level)
    return {
        "programme": programme,
        "source": source,
        "outcome": outcome,
        "start_year": start_year,
        "first_year": int(panel.years.min()),
        "last_year": int(panel.years.max()),
        "treated_municipalities": len(treated),
        "control_municipalities": len(others),
        "left_out_municipalities": left_out,
        "treated_rate_before": _pooled_rate(panel, treated, np.flatnonzero(~after)),
        "treated_rate_after": _pooled_rate(panel, treated, np.flatnonzero(after)),
        "control_rate_before": _pooled_rate(panel, others, np.flatnonzero(~after)),
        "control_rate_after": _pooled_rate(panel, others, np.flatnonzero(after)),
        "rate_ratio": effect.rate_ratio if effect else None,
        "rate_ratio_lower": effect.lower if effect else None,
        "rate_ratio_upper": effect.upper if effect else None,
        "p_value": effect.p_value if effect else None,
        "pre_trend_ratio": trend.rate_ratio if trend else None,
        "pre_trend_lower": trend.lower if trend else None,
        "pre_trend_upper": trend.upper if trend else None,
        "pre_trend_p_value": trend.p_value if trend else None,
    }
