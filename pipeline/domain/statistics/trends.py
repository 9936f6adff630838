"""Change on last year and multi-year trends of counts, with their significance. Plain functions.

Counts are Poisson; populations are the exposure. Change on last year: the ratio of the two
years' rates, with the exact conditional interval (given the two counts' sum, this year's count is
binomial). Trend: a log-linear Poisson regression of the yearly counts on the year, with the
population as offset, widened for overdispersion (quasi-Poisson), giving the average yearly
change and its interval.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from pipeline.domain.statistics.uncertainty import CONFIDENCE_LEVEL


@dataclass(frozen=True)
class Change:
    rate_ratio: float
    lower: float
    upper: float
    p_value: float


def rate_ratio(
    count: int,
    population: float,
    count_before: int,
    population_before: float,
    level: float = CONFIDENCE_LEVEL,
) -> Change | None:
    """This year's rate over last year's, with the exact conditional interval and p-value."""
    total = count + count_before
    if total == 0 or count_before == 0:
        return None
    # Under equal rates, this year's share of the two counts is its share of the population.
    expected_share = population / (population + population_before)
    low, high = clopper_pearson(count, total, level)
    p_value = binomial_test(count, total, expected_share)

    def to_ratio(share: float) -> float:
        if share >= 1:
            return float("inf")
        return share / (1 - share) * population_before / population

    observed = (count / population) / (count_before / population_before)
    return Change(observed, to_ratio(low), to_ratio(high), p_value)


def clopper_pearson(
    successes: int, trials: int, level: float = CONFIDENCE_LEVEL
) -> tuple[float, float]:
    """The exact (Clopper-Pearson) interval of a binomial share, from beta quantiles: the same
    interval scipy's binomtest(...).proportion_ci(method="exact") finds by root search, faster."""
    from scipy.special import betaincinv

    alpha = 1 - level
    low = 0.0 if successes == 0 else float(betaincinv(successes, trials - successes + 1, alpha / 2))
    high = (
        1.0
        if successes == trials
        else float(betaincinv(successes + 1, trials - successes, 1 - alpha / 2))
    )
    return low, high


def binomial_test(successes: int, trials: int, share: float) -> float:
    """Two-sided exact binomial test: the probability of every outcome no more likely than the
    observed one (scipy's binomtest, with its relative tolerance for ties)."""
    from scipy.stats import binom

    if successes == share * trials:
        return 1.0
    outcomes = binom.pmf(np.arange(trials + 1), trials, share)
    observed = outcomes[successes]
    return float(min(1.0, outcomes[outcomes <= observed * (1 + 1e-7)].sum()))


@dataclass(frozen=True)
class Trend:
    years: int
    yearly_change: float  # exp(slope) - 1
    lower: float
    upper: float
    p_value: float
    dispersion: float


def poisson_trend(
    years: np.ndarray, counts: np.ndarray, population: np.ndarray, level: float = CONFIDENCE_LEVEL
) -> Trend | None:
    """Log-linear Poisson regression of counts on year with log(population) as offset; None
    when there are fewer than three years, no counts, or no finite estimate."""
    from scipy.stats import t as student_t

    years = np.asarray(years, float)
    counts = np.asarray(counts, float)
    offset = np.log(np.asarray(population, float))
    n = years.size
    if n < 3 or counts.sum() == 0:
        return None
    x = np.column_stack([np.ones(n), years - years.mean()])
    beta = np.array([np.log(counts.sum() / np.exp(offset).sum()), 0.0])
    try:
        for _ in range(100):  # iteratively reweighted least squares
            mean = np.exp(x @ beta + offset)
            step = np.linalg.solve(x.T @ (mean[:, None] * x), x.T @ (counts - mean))
            beta = beta + step
            if np.max(np.abs(step)) < 1e-10:
                break
        else:
            return None
        mean = np.exp(x @ beta + offset)
        covariance = np.linalg.inv(x.T @ (mean[:, None] * x))
    except np.linalg.LinAlgError:
        # Counts only at one end of the series (zeros before, say): the fitted change runs off
        # to infinity, and there is no yearly change to report.
        return None
    # Quasi-Poisson: more variation between years than Poisson allows widens the interval.
    dispersion = max(1.0, float(np.sum((counts - mean) ** 2 / mean) / (n - 2)))
    se = float(np.sqrt(covariance[1, 1] * dispersion))
    slope = float(beta[1])
    quantile = student_t.ppf(1 - (1 - level) / 2, n - 2)
    p_value = float(2 * student_t.sf(abs(slope) / se, n - 2))
    return Trend(
        n,
        float(np.expm1(slope)),
        float(np.expm1(slope - quantile * se)),
        float(np.expm1(slope + quantile * se)),
        p_value,
        dispersion,
    )


def direction(lower: float, upper: float) -> str:
    """'rising' or 'falling' when the interval excludes no change; else 'no clear change'."""
    if lower > 0:
        return "rising"
    if upper < 0:
        return "falling"
    return "no clear change"


TREND_SCHEMA = {
    "region_level": pl.String,
    "region_code": pl.String,
    "region_name": pl.String,
    "phenomenon_code": pl.String,
    "sector_code": pl.String,
    "source": pl.String,
    "event_count": pl.Int64,
    "event_count_previous": pl.Int64,
    "change_on_previous_year": pl.Float64,
    "change_lower": pl.Float64,
    "change_upper": pl.Float64,
    "change_p_value": pl.Float64,
    "change_direction": pl.String,
    "trend_first_year": pl.Int64,
    "trend_years": pl.Int64,
    "trend_yearly_change": pl.Float64,
    "trend_lower": pl.Float64,
    "trend_upper": pl.Float64,
    "trend_p_value": pl.Float64,
    "trend_dispersion": pl.Float64,
    "trend_direction": pl.String,
}


def trend_rows(history: pl.DataFrame, year: int, level: float = CONFIDENCE_LEVEL) -> pl.DataFrame:
    """Change on last year and the trend up to ``year`` for every series in ``history``.

    ``history``: year, region_level, region_code, region_name, phenomenon_code, sector_code
    (null for series not split by sector), source, event_count and exposure (inhabitants, or
    establishments for sector series) for the years up to ``year``; a series needs ``year``.
    """
    keys = [name for name in TREND_SCHEMA if name in history.columns and name not in _MEASURES]
    usable = history.filter(pl.col("exposure") > 0).sort([*keys, "year"], nulls_last=True)
    rows = []
    # One pass over the series as numpy arrays (a filter per series is far slower at the
    # municipal level, with thousands of series).
    for series in usable.partition_by(keys, maintain_order=True):
        years = series["year"].to_numpy()
        counts = series["event_count"].to_numpy()
        exposure = series["exposure"].to_numpy().astype(float)
        now = np.flatnonzero(years == year)
        if now.size == 0:
            continue
        count, current = int(counts[now[0]]), float(exposure[now[0]])
        row = dict.fromkeys(TREND_SCHEMA)
        row |= {name: series[name][0] for name in keys}
        row["event_count"] = count
        before = np.flatnonzero(years == year - 1)
        if before.size:
            row["event_count_previous"] = int(counts[before[0]])
            change = rate_ratio(
                count, current, int(counts[before[0]]), float(exposure[before[0]]), level
            )
            if change:
                low, high = change.lower - 1, change.upper - 1
                row |= {
                    "change_on_previous_year": change.rate_ratio - 1,
                    "change_lower": low,
                    "change_upper": high,
                    "change_p_value": change.p_value,
                    "change_direction": direction(low, high),
                }
        trend = poisson_trend(years, counts, exposure, level)
        if trend:
            row |= {
                "trend_first_year": int(years.min()),
                "trend_years": trend.years,
                "trend_yearly_change": trend.yearly_change,
                "trend_lower": trend.lower,
                "trend_upper": trend.upper,
                "trend_p_value": trend.p_value,
                "trend_dispersion": trend.dispersion,
                "trend_direction": direction(trend.lower, trend.upper),
            }
        rows.append(row)
    return pl.DataFrame(rows, schema=TREND_SCHEMA, orient="row")


_MEASURES = {name for name in TREND_SCHEMA if name.startswith(("event_count", "change", "trend"))}
