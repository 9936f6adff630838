"""Change on last year and multi-year trends of counts, with their significance, computed for many
series at once (NumPy arrays; one element or one row per series). Plain functions.

Counts are Poisson; populations are the exposure. Change on last year: the ratio of the two
years' rates, with the exact conditional interval (given the two counts' sum, this year's count is
binomial). Trend: a log-linear Poisson regression of the yearly counts on the year, with the
population as offset, widened for overdispersion (quasi-Poisson), giving the average yearly
change and its interval. Where a figure is undefined the arrays hold NaN.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from pipeline.domain.statistics.uncertainty import CONFIDENCE_LEVEL

Floats = NDArray[np.float64]
# scipy's binomtest counts outcomes within this relative distance of the observed one as ties.
TIE_TOLERANCE = 1e-7
MAX_ITERATIONS = 100


@dataclass(frozen=True)
class Changes:
    """Rate ratios of this year over last year, with their exact intervals and p-values."""

    rate_ratio: Floats
    lower: Floats
    upper: Floats
    p_value: Floats


def rate_ratios(
    count: ArrayLike,
    exposure: ArrayLike,
    count_before: ArrayLike,
    exposure_before: ArrayLike,
    level: float = CONFIDENCE_LEVEL,
) -> Changes:
    """This year's rate over last year's per series, with the exact conditional interval and
    p-value; NaN where there is nothing to compare (no count in either year, or none last year)."""
    count, before = np.asarray(count, float), np.asarray(count_before, float)
    exposure, exposure_before = np.asarray(exposure, float), np.asarray(exposure_before, float)
    total = count + before
    defined = (total > 0) & (before > 0)
    # Under equal rates, this year's share of the two counts is its share of the exposure.
    expected_share = exposure / (exposure + exposure_before)
    safe_total = np.where(defined, total, 1.0)
    safe_count = np.where(defined, count, 0.0)
    low, high = clopper_pearson(safe_count, safe_total, level)
    p_value = binomial_test(safe_count, safe_total, np.where(defined, expected_share, 0.5))
    odds = exposure_before / exposure

    def to_ratio(share: Floats) -> Floats:
        with np.errstate(divide="ignore"):
            return np.where(share >= 1, np.inf, share / (1 - share) * odds)

    with np.errstate(divide="ignore", invalid="ignore"):
        observed = (count / exposure) / (before / exposure_before)
    nan = np.full(count.shape, np.nan)
    return Changes(
        np.where(defined, observed, nan),
        np.where(defined, to_ratio(low), nan),
        np.where(defined, to_ratio(high), nan),
        np.where(defined, p_value, nan),
    )


def clopper_pearson(
    successes: ArrayLike, trials: ArrayLike, level: float = CONFIDENCE_LEVEL
) -> tuple[Floats, Floats]:
    """The exact (Clopper-Pearson) interval of a binomial share, from beta quantiles: the same
    interval scipy's binomtest(...).proportion_ci(method="exact") finds by root search, faster."""
    from scipy.special import betaincinv

    k, n = np.asarray(successes, float), np.asarray(trials, float)
    alpha = 1 - level
    with np.errstate(invalid="ignore", divide="ignore"):
        low = np.where(k == 0, 0.0, betaincinv(np.maximum(k, 1), n - k + 1, alpha / 2))
        high = np.where(k == n, 1.0, betaincinv(k + 1, np.maximum(n - k, 1), 1 - alpha / 2))
    return np.asarray(low, float), np.asarray(high, float)


def binomial_test(successes: ArrayLike, trials: ArrayLike, share: ArrayLike) -> Floats:
    """Two-sided exact binomial test per element: the probability of every outcome no more
    likely than the observed one, as scipy's binomtest finds it (the other tail's edge by
    bisection on the monotone side of the distribution), for all elements at once."""
    from scipy.stats import binom

    k, n, p = np.broadcast_arrays(
        np.asarray(successes, float), np.asarray(trials, float), np.asarray(share, float)
    )
    target = binom.pmf(k, n, p) * (1 + TIE_TOLERANCE)
    below = k < p * n
    # Below the expected count the other tail is above it, where the pmf falls: the first outcome
    # from ceil(np) up that is no more likely. Above it, the last such outcome up to floor(np).
    start = np.where(below, np.ceil(p * n), 0.0)
    stop = np.where(below, n, np.floor(p * n))
    edge = _first_unlikely(start, stop, n, p, target, falling=below)
    upper_tail = np.where(np.isnan(edge), 0.0, binom.sf(edge - 1, n, p))
    lower_tail = np.where(np.isnan(edge), 0.0, binom.cdf(edge, n, p))
    p_value = np.where(below, binom.cdf(k, n, p) + upper_tail, lower_tail + binom.sf(k - 1, n, p))
    return np.where(k == p * n, 1.0, np.minimum(1.0, p_value))


def _first_unlikely(
    start: Floats, stop: Floats, n: Floats, p: Floats, target: Floats, falling: NDArray[np.bool_]
) -> Floats:
    """Per element, on [start, stop] where the pmf is monotone: the first outcome (falling side)
    or the last one (rising side) whose probability is at most ``target``; NaN if none is."""
    from scipy.stats import binom

    # Search the falling side as it is and the rising side mirrored, so one bisection does both.
    def probability(at: Floats) -> Floats:
        return np.asarray(binom.pmf(np.where(falling, at, start + stop - at), n, p), float)

    found = probability(stop) <= target
    low, high = start.copy(), stop.copy()
    while np.any(low < high):
        middle = np.floor((low + high) / 2)
        unlikely = probability(middle) <= target
        high = np.where(unlikely, middle, high)
        low = np.where(unlikely, low, middle + 1)
    edge = np.where(falling, low, start + stop - low)
    return np.where(found, edge, np.nan)


@dataclass(frozen=True)
class Trends:
    """Poisson trends per series: NaN where a series has no trend."""

    years: NDArray[np.int64]
    yearly_change: Floats  # exp(slope) - 1
    lower: Floats
    upper: Floats
    p_value: Floats
    dispersion: Floats


def poisson_trends(
    years: ArrayLike,
    counts: ArrayLike,
    exposure: ArrayLike,
    observed: ArrayLike,
    level: float = CONFIDENCE_LEVEL,
) -> Trends:
    """Log-linear Poisson regressions of counts on year with log(exposure) as offset, one per
    row of the 2-D arrays (``observed`` marks the cells that hold a year of the series). A row
    has no trend with fewer than three years, no counts, or no finite estimate (counts only at
    one end of the series, say: the fitted change runs off to infinity)."""
    from scipy.stats import t as student_t

    mask = np.asarray(observed, bool)
    n = mask.sum(axis=1)
    c = np.where(mask, np.asarray(counts, float), 0.0)
    e = np.where(mask, np.asarray(exposure, float), 1.0)
    y = np.asarray(years, float)
    centre = np.where(n > 0, np.where(mask, y, 0).sum(axis=1) / np.maximum(n, 1), 0.0)
    x = np.where(mask, y - centre[:, None], 0.0)
    usable = (n >= 3) & (c.sum(axis=1) > 0)
    beta, info, converged = _fit(x, c, np.log(e), mask, usable)
    determinant = info[0] * info[2] - info[1] ** 2
    with np.errstate(all="ignore"):
        mean = np.where(mask, np.exp(beta[0][:, None] + beta[1][:, None] * x + np.log(e)), 1.0)
        residual = np.where(mask, (c - mean) ** 2 / mean, 0.0).sum(axis=1)
        # Quasi-Poisson: more variation between years than Poisson allows widens the interval.
        dispersion = np.maximum(1.0, residual / (n - 2))
        se = np.sqrt(info[0] / determinant * dispersion)
        slope = beta[1]
        df = np.maximum(n - 2, 1)
        quantile = student_t.ppf(1 - (1 - level) / 2, df)
        p_value = 2 * student_t.sf(np.abs(slope) / se, df)
    valid = usable & converged & np.isfinite(se) & (determinant > 0) & np.isfinite(slope)

    def keep(values: Floats) -> Floats:
        return np.where(valid, values, np.nan)

    return Trends(
        n.astype(np.int64),
        keep(np.expm1(slope)),
        keep(np.expm1(slope - quantile * se)),
        keep(np.expm1(slope + quantile * se)),
        keep(p_value),
        keep(dispersion),
    )


def _fit(
    x: Floats, counts: Floats, offset: Floats, mask: NDArray[np.bool_], usable: NDArray[np.bool_]
) -> tuple[tuple[Floats, Floats], tuple[Floats, Floats, Floats], NDArray[np.bool_]]:
    """Iteratively reweighted least squares for every row at once: the coefficients (intercept,
    slope), the Fisher information at them (its three distinct entries) and whether each row
    converged."""
    with np.errstate(all="ignore"):
        rate = counts.sum(axis=1) / np.where(mask, np.exp(offset), 0).sum(axis=1)
        b0 = np.where(usable, np.log(rate), 0.0)
    b1 = np.zeros_like(b0)
    converged = np.zeros_like(usable)
    # Only the rows still moving are computed again: most converge in a few steps.
    rows = np.flatnonzero(usable)
    with np.errstate(all="ignore"):
        for _ in range(MAX_ITERATIONS):
            if rows.size == 0:
                break
            xs, cs, ms = x[rows], counts[rows], mask[rows]
            mean = np.where(ms, np.exp(b0[rows, None] + b1[rows, None] * xs + offset[rows]), 0.0)
            i00, i01, i11 = mean.sum(axis=1), (mean * xs).sum(axis=1), (mean * xs * xs).sum(axis=1)
            s0, s1 = (cs - mean).sum(axis=1), ((cs - mean) * xs).sum(axis=1)
            determinant = i00 * i11 - i01**2
            step0 = (i11 * s0 - i01 * s1) / determinant
            step1 = (i00 * s1 - i01 * s0) / determinant
            b0[rows] += step0
            b1[rows] += step1
            done = np.maximum(np.abs(step0), np.abs(step1)) < 1e-10
            converged[rows[done]] = True
            moving = ~done & np.isfinite(b0[rows]) & np.isfinite(b1[rows])
            rows = rows[moving]
        mean = np.where(mask, np.exp(b0[:, None] + b1[:, None] * x + offset), 0.0)
        info = (mean.sum(axis=1), (mean * x).sum(axis=1), (mean * x * x).sum(axis=1))
    return (b0, b1), info, converged


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
    """``rate_ratios`` of one series; None when there is nothing to compare."""
    changes = rate_ratios([count], [population], [count_before], [population_before], level)
    if np.isnan(changes.rate_ratio[0]):
        return None
    return Change(
        float(changes.rate_ratio[0]),
        float(changes.lower[0]),
        float(changes.upper[0]),
        float(changes.p_value[0]),
    )


@dataclass(frozen=True)
class Trend:
    years: int
    yearly_change: float
    lower: float
    upper: float
    p_value: float
    dispersion: float


def poisson_trend(
    years: ArrayLike, counts: ArrayLike, population: ArrayLike, level: float = CONFIDENCE_LEVEL
) -> Trend | None:
    """``poisson_trends`` of one series given as 1-D arrays; None when it has no trend."""
    row = np.asarray(years, float)[None, :]
    trends = poisson_trends(
        row, np.asarray(counts)[None, :], np.asarray(population)[None, :], np.ones_like(row, bool)
    )
    if np.isnan(trends.yearly_change[0]):
        return None
    return Trend(
        int(trends.years[0]),
        float(trends.yearly_change[0]),
        float(trends.lower[0]),
        float(trends.upper[0]),
        float(trends.p_value[0]),
        float(trends.dispersion[0]),
    )


def direction(lower: float, upper: float) -> str:
    """'rising' or 'falling' when the interval excludes no change; else 'no clear change'."""
    if lower > 0:
        return "rising"
    if upper < 0:
        return "falling"
    return "no clear change"
