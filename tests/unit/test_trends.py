"""Change on last year and multi-year trends (pipeline/domain/statistics/trends.py)."""

import math

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize
from scipy.stats import binomtest

from pipeline.domain.statistics.trend_table import trend_rows
from pipeline.domain.statistics.trends import (
    binomial_test,
    clopper_pearson,
    direction,
    poisson_trend,
    rate_ratio,
)


def test_rate_ratio_by_hand_and_against_the_binomial_test():
    same = rate_ratio(100, 1e5, 100, 1e5)
    assert same.rate_ratio == 1.0 and same.p_value == 1.0
    assert same.lower < 1 < same.upper
    # 150 against 100 in equal populations: 150 of 250 against an expected share of 1/2.
    up = rate_ratio(150, 1e5, 100, 1e5)
    test = binomtest(150, 250, 0.5)
    assert up.rate_ratio == 1.5
    assert up.p_value == pytest.approx(test.pvalue)
    ci = test.proportion_ci(method="exact")
    assert up.lower == pytest.approx(ci.low / (1 - ci.low))
    assert up.upper == pytest.approx(ci.high / (1 - ci.high))
    # A doubled population with doubled counts is no change at all.
    assert rate_ratio(200, 2e5, 100, 1e5).rate_ratio == 1.0
    assert rate_ratio(5, 1e5, 0, 1e5) is None  # no rate last year to compare with


def test_an_exact_exponential_series_gives_its_growth():
    years = np.arange(2016, 2026)
    population = np.full(10, 1e6)
    counts = 1000 * 1.05 ** (years - 2016)  # not whole numbers, but an exact fit
    trend = poisson_trend(years, counts, population)
    assert trend.yearly_change == pytest.approx(0.05, rel=1e-9)
    assert trend.dispersion == 1.0  # no variation beyond Poisson
    assert trend.lower < 0.05 < trend.upper and trend.p_value < 1e-6
    assert direction(trend.lower, trend.upper) == "rising"


def test_the_regression_maximises_the_poisson_likelihood():
    rng = np.random.default_rng(3)
    years = np.arange(2016, 2026)
    population = rng.integers(50_000, 60_000, 10).astype(float)
    counts = rng.poisson(population / 1000 * 0.97 ** (years - 2016))
    trend = poisson_trend(years, counts, population)

    def negative_log_likelihood(beta):
        mean = np.exp(beta[0] + beta[1] * (years - years.mean()) + np.log(population))
        return float(np.sum(mean - counts * np.log(mean)))

    best = minimize(negative_log_likelihood, x0=[math.log(counts.sum() / population.sum()), 0])
    assert math.log1p(trend.yearly_change) == pytest.approx(best.x[1], abs=1e-5)


def test_overdispersion_widens_the_interval():
    years = np.arange(2016, 2026)
    population = np.full(10, 1e6)
    calm = poisson_trend(
        years, np.array([500, 510, 495, 505, 500, 498, 502, 507, 493, 500]), population
    )
    wild = poisson_trend(
        years, np.array([500, 700, 300, 650, 350, 600, 400, 700, 300, 500]), population
    )
    assert wild.dispersion > 1
    assert (wild.upper - wild.lower) > (calm.upper - calm.lower)
    assert direction(wild.lower, wild.upper) == "no clear change"


def test_too_few_years_or_no_finite_estimate_give_no_trend():
    population = np.full(4, 1e5)
    assert poisson_trend(np.array([2024, 2025]), np.array([5, 6]), population[:2]) is None
    years = np.arange(2022, 2026)
    # Counts only in the last year: the fitted yearly change would be infinite.
    assert poisson_trend(years, np.array([0, 0, 0, 3]), population) is None
    assert poisson_trend(years, np.array([0, 0, 0, 0]), population) is None
    # A zero among other counts is fine.
    assert poisson_trend(years, np.array([0, 5, 6, 7]), population) is not None


def test_trend_rows_per_series():
    history = pl.DataFrame(
        {
            "year": [2023, 2024, 2025, 2024, 2025],
            "region_level": ["national"] * 5,
            "region_code": ["NL01"] * 5,
            "region_name": ["Nederland"] * 5,
            "phenomenon_code": ["fraud", "fraud", "fraud", "violence", "violence"],
            "source": ["incidents"] * 5,
            "event_count": [100, 110, 121, 50, 25],
            "exposure": [1e6] * 5,
        }
    )
    rows = trend_rows(history, [2025]).sort("phenomenon_code")
    fraud, violence = rows.rows(named=True)
    assert fraud["event_count_previous"] == 110
    assert fraud["change_on_previous_year"] == pytest.approx(0.1)
    assert fraud["trend_years"] == 3 and fraud["trend_yearly_change"] == pytest.approx(0.1)
    assert violence["change_on_previous_year"] == pytest.approx(-0.5)
    assert violence["change_direction"] == "falling"  # 25 against 50: p < 0.01
    assert violence["trend_years"] is None  # two years only


@settings(max_examples=200, deadline=None)
@given(
    trials=st.integers(1, 400),
    fraction=st.floats(0, 1),
    share=st.floats(0.02, 0.98),
    level=st.sampled_from([0.9, 0.95, 0.99]),
)
def test_exact_binomial_interval_and_test_match_scipy(trials, fraction, share, level):
    successes = round(fraction * trials)
    reference = binomtest(successes, trials, share)
    interval = reference.proportion_ci(confidence_level=level, method="exact")
    assert clopper_pearson(successes, trials, level) == pytest.approx(
        (interval.low, interval.high), abs=1e-9
    )
    assert binomial_test(successes, trials, share) == pytest.approx(reference.pvalue, rel=1e-6)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), gaps=st.floats(0, 0.4))
def test_all_years_in_one_pass_equal_each_year_alone(seed, gaps):
    # A panel of series with missing years and zero counts: the table of every year at once is
    # the table of each year computed from its own ten years.
    rng = np.random.default_rng(seed)
    rows = [
        (year, "riec_region", code, code, phenomenon, "incidents", int(rng.poisson(20)), 1e5)
        for code in ("RE01", "RE02")
        for phenomenon in ("fraud", "violence")
        for year in range(2010, 2026)
        if rng.random() >= gaps
    ]
    columns = ["year", "region_level", "region_code", "region_name", "phenomenon_code", "source"]
    history = pl.DataFrame(rows, schema=[*columns, "event_count", "exposure"], orient="row")
    together = trend_rows(history, range(2015, 2026))
    for year in range(2015, 2026):
        alone = trend_rows(history.filter(pl.col("year").is_between(year - 9, year)), [year])
        assert together.filter(pl.col("year") == year).equals(alone)
