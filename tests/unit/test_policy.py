"""Difference in differences for policy measures (pipeline/domain/statistics/policy_effects.py):
hand cases, statsmodels as
the reference implementation, invariants under hypothesis."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.domain.statistics.policy_effects import (
    Panel,
    difference_in_differences,
    panel_of,
    poisson_fixed_effects,
    pre_trend,
)
from pipeline.domain.statistics.policy_estimates import estimate_policy_effects

YEARS = np.arange(2015, 2026)


def simulated(seed=1, units=60, effect=1.0, start=2022, treated_count=15, pre_slope=0.0):
    rng = np.random.default_rng(seed)
    populations = rng.uniform(5_000, 200_000, size=(units, 1)) * np.linspace(1, 1.05, len(YEARS))
    level = rng.lognormal(0, 0.4, size=(units, 1))
    common = np.exp(np.linspace(0, -0.3, len(YEARS)))[None, :]
    treated = np.zeros(units, dtype=bool)
    treated[rng.choice(units, treated_count, replace=False)] = True
    multiplier = np.where(treated[:, None] & (start <= YEARS)[None, :], effect, 1.0)
    slope = np.where(treated[:, None], np.exp(pre_slope * np.arange(len(YEARS)))[None, :], 1.0)
    mean = populations * 2e-3 * level * common * multiplier * slope
    return Panel(rng.poisson(mean), populations, treated, YEARS)


def test_two_units_two_years_gives_the_ratio_of_ratios_by_hand():
    # Treated 100 -> 60, control 200 -> 150, equal populations: (60/100) / (150/200) = 0.8.
    panel = Panel(
        np.array([[100, 60], [200, 150]]),
        np.array([[1000.0, 1000.0], [1000.0, 1000.0]]),
        np.array([True, False]),
        np.array([2021, 2022]),
    )
    # Two clusters: the t interval has one degree of freedom, but the estimate is exact.
    effect = difference_in_differences(panel, 2022)
    assert effect.rate_ratio == pytest.approx(0.8)
    assert (effect.treated_units, effect.control_units) == (1, 1)


def test_populations_enter_as_exposure():
    # The treated municipality doubled its population: the same count is half the rate.
    panel = Panel(
        np.array([[100, 100], [200, 200]]),
        np.array([[1000.0, 2000.0], [1000.0, 1000.0]]),
        np.array([True, False]),
        np.array([2021, 2022]),
    )
    assert difference_in_differences(panel, 2022).rate_ratio == pytest.approx(0.5)


def test_matches_statsmodels_poisson_with_dummies_and_clustered_errors():
    sm = pytest.importorskip("statsmodels.api")
    panel = simulated(seed=7, units=40, effect=0.85)
    units, periods = panel.counts.shape
    rows = [(i, t) for i in range(units) for t in range(periods)]
    design = np.zeros((len(rows), units + periods - 1 + 1))
    for row, (i, t) in enumerate(rows):
        design[row, i] = 1.0
        if t > 0:
            design[row, units + t - 1] = 1.0
        design[row, -1] = float(panel.treated[i] and panel.years[t] >= 2022)
    y = np.array([panel.counts[i, t] for i, t in rows])
    offset = np.log([panel.populations[i, t] for i, t in rows])
    groups = np.array([i for i, _ in rows])
    reference = sm.GLM(y, design, family=sm.families.Poisson(), offset=offset).fit(
        cov_type="cluster", cov_kwds={"groups": groups, "use_correction": False}, tol=1e-12
    )
    effect = difference_in_differences(panel, 2022)
    assert math.log(effect.rate_ratio) == pytest.approx(reference.params[-1], abs=1e-8)
    # Ours adds the G / (G - 1) small-sample factor and uses t with G - 1 degrees of freedom.
    from scipy.stats import t

    variance = reference.cov_params()[-1, -1] * units / (units - 1)
    half_width = t.ppf(0.975, units - 1) * math.sqrt(variance)
    assert math.log(effect.upper / effect.rate_ratio) == pytest.approx(half_width, rel=1e-6)
    assert math.log(effect.rate_ratio / effect.lower) == pytest.approx(half_width, rel=1e-6)


def test_recovers_a_known_effect_and_finds_none_where_there_is_none():
    effect = difference_in_differences(simulated(seed=3, units=200, effect=0.7), 2022)
    assert effect.lower < 0.7 < effect.upper
    assert effect.upper < 1
    assert effect.p_value < 0.001
    null = difference_in_differences(simulated(seed=4, units=200, effect=1.0), 2022)
    assert null.lower < 1 < null.upper


def test_pre_trend_flags_groups_that_were_already_diverging():
    parallel = pre_trend(simulated(seed=5, units=200), 2022)
    assert parallel.lower < 1 < parallel.upper
    diverging = pre_trend(simulated(seed=5, units=200, pre_slope=0.08), 2022)
    assert diverging.rate_ratio == pytest.approx(math.exp(0.08), rel=0.02)
    assert diverging.p_value < 0.001


def test_not_estimable_cases_give_none():
    panel = simulated(seed=2)
    assert difference_in_differences(panel, 2015) is None  # no year before the start
    assert difference_in_differences(panel, 2030) is None  # no year from the start
    assert pre_trend(panel, 2017) is None  # two years before: no trend to test
    silent = Panel(
        np.where(panel.treated[:, None], 0, panel.counts), panel.populations, panel.treated, YEARS
    )
    assert difference_in_differences(silent, 2022) is None  # treated municipalities have no events


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    scale=st.floats(0.01, 100),
    treated_scale=st.floats(0.1, 10),
)
def test_exposure_scale_is_absorbed(seed, scale, treated_scale):
    # Scaling every population, or only the treated municipalities' (a constant per
    # municipality), changes only the fixed effects, never the estimate or its interval.
    panel = simulated(seed=seed, units=30, effect=0.9, treated_count=8)
    base = difference_in_differences(panel, 2022)
    factor = np.where(panel.treated, treated_scale, 1.0)[:, None] * scale
    scaled = difference_in_differences(
        Panel(panel.counts, panel.populations * factor, panel.treated, panel.years), 2022
    )
    assert scaled.rate_ratio == pytest.approx(base.rate_ratio, rel=1e-7)
    assert scaled.lower == pytest.approx(base.lower, rel=1e-7)


def test_municipalities_without_events_carry_no_information():
    panel = simulated(seed=9, units=30)
    fit = poisson_fixed_effects(
        panel.counts, panel.populations, np.ones((30, len(YEARS), 1)) * np.arange(11)[None, :, None]
    )
    padded = poisson_fixed_effects(
        np.vstack([panel.counts, np.zeros((5, len(YEARS)), dtype=int)]),
        np.vstack([panel.populations, np.full((5, len(YEARS)), 1000.0)]),
        np.ones((35, len(YEARS), 1)) * np.arange(11)[None, :, None],
    )
    assert padded.coefficients == pytest.approx(fit.coefficients)
    assert padded.clusters == fit.clusters == 30


def history_frame(panel: Panel, codes: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        [
            (
                "incidents",
                "violence",
                code,
                int(year),
                int(panel.counts[i, t]),
                int(panel.populations[i, t]),
            )
            for i, code in enumerate(codes)
            for t, year in enumerate(panel.years)
        ],
        schema=["source", "outcome", "municipality_code", "year", "event_count", "population"],
        orient="row",
    )


def test_policy_effects_rows_and_series():
    panel = simulated(seed=11, units=40, effect=0.8)
    codes = [f"GM{i:04d}" for i in range(40)]
    members = pl.DataFrame(
        {
            "programme": "pmg",
            "municipality_code": [c for c, t in zip(codes, panel.treated, strict=True) if t],
            "start_year": 2022,
        }
    )
    # One municipality lacks a year: it is left out and counted as such.
    history = history_frame(panel, codes).filter(
        ~((pl.col("municipality_code") == "GM0039") & (pl.col("year") == 2016))
    )
    effects, series = estimate_policy_effects(history, members)
    [row] = effects.rows(named=True)
    kept = Panel(panel.counts[:39], panel.populations[:39].astype(int), panel.treated[:39], YEARS)
    expected = difference_in_differences(kept, 2022)
    assert row["rate_ratio"] == pytest.approx(expected.rate_ratio)
    assert row["left_out_municipalities"] == 1
    assert row["treated_municipalities"] + row["control_municipalities"] == 39
    treated_after = (
        kept.counts[kept.treated][:, YEARS >= 2022].sum()
        * 100000
        / kept.populations[kept.treated][:, YEARS >= 2022].sum()
    )
    assert row["treated_rate_after"] == pytest.approx(treated_after)
    assert series.filter(pl.col("year") == 2016)["event_count"].sum() == (
        panel.counts[:39, 1].sum()
    )
    assert sorted(series["group"].unique().to_list()) == ["others", "taking_part"]


def test_a_programme_must_have_one_start_year():
    members = pl.DataFrame(
        {"programme": "pmg", "municipality_code": ["GM0001", "GM0002"], "start_year": [2021, 2022]}
    )
    history = history_frame(simulated(units=3, treated_count=1), ["GM0001", "GM0002", "GM0003"])
    with pytest.raises(ValueError, match="one start year"):
        estimate_policy_effects(history, members)


def test_panel_of_keeps_complete_municipalities_in_code_order():
    history = pl.DataFrame(
        {
            "municipality_code": ["GM0002", "GM0001", "GM0002", "GM0001", "GM0003"],
            "year": [2021, 2021, 2022, 2022, 2021],
            "event_count": [5, 1, 6, 2, 9],
            "population": [100, 10, 100, 10, 50],
        }
    )
    panel, dropped = panel_of(history, {"GM0002"})
    assert panel.counts.tolist() == [[1, 2], [5, 6]]
    assert panel.treated.tolist() == [False, True]
    assert dropped == ["GM0003"]
