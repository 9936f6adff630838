"""Did a policy measure change crime in the municipalities that took part? Plain functions.

Difference in differences on counts: a Poisson model of each municipality's yearly count with
its population as exposure, a fixed effect per municipality (levels may differ for good), one per
year (what happens to every municipality) and one term for "taking part, from the start year
on". exp(term) is the rate ratio the measure goes with: 0.9 means 10% fewer events than the
trend of the other municipalities predicts. The municipality effects are conditioned out (the
multinomial form of the Poisson fixed-effects model), and the interval is cluster-robust by
municipality (Wooldridge 1999), so it does not assume the counts are Poisson, only that
municipalities are independent; Student's t with (municipalities - 1) degrees of freedom.

The estimate rests on parallel trends: without the measure, both groups would have moved alike.
``pre_trend`` tests that on the years before the start: a ratio per year between the groups'
trends far from 1 means the comparison is not to be trusted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from pipeline.domain.statistics.uncertainty import CONFIDENCE_LEVEL

MAX_ITERATIONS = 100
TOLERANCE = 1e-10


@dataclass(frozen=True)
class Panel:
    """A balanced panel: counts and populations per unit (rows) and year (columns)."""

    counts: np.ndarray  # units x years
    populations: np.ndarray  # units x years
    treated: np.ndarray  # units, bool
    years: np.ndarray  # years, int

    def __post_init__(self) -> None:
        shape = (len(self.treated), len(self.years))
        if self.counts.shape != shape or self.populations.shape != shape:
            raise ValueError(f"counts and populations must be {shape}")
        if np.any(self.counts < 0) or np.any(self.populations <= 0):
            raise ValueError("counts must be >= 0 and populations > 0")


@dataclass(frozen=True)
class Effect:
    rate_ratio: float
    lower: float
    upper: float
    p_value: float
    treated_units: int  # units with at least one event (the others carry no information)
    control_units: int


@dataclass(frozen=True)
class FixedEffectsFit:
    coefficients: np.ndarray
    covariance: np.ndarray  # cluster-robust, with the G / (G - 1) small-sample factor
    clusters: int


def poisson_fixed_effects(
    counts: np.ndarray, populations: np.ndarray, covariates: np.ndarray
) -> FixedEffectsFit | None:
    """Poisson regression with a fixed effect per unit (conditioned out) and the population as
    exposure; ``covariates`` is units x periods x k. None when the fit is not identified."""
    informative = counts.sum(axis=1) > 0
    y = counts[informative].astype(float)
    exposure = populations[informative].astype(float)
    x = covariates[informative].astype(float)
    units, _, k = x.shape
    if units < 2:
        return None
    totals = y.sum(axis=1)
    beta = np.zeros(k)
    hessian = np.zeros((k, k))
    for _ in range(MAX_ITERATIONS):
        shares = _shares(exposure, x, beta)
        mean_x = np.einsum("it,itk->ik", shares, x)
        score = np.einsum("itk,it->k", x, y - totals[:, None] * shares)
        centred = (x - mean_x[:, None, :]).reshape(-1, k)
        weights = (totals[:, None] * shares).reshape(-1, 1)
        hessian = centred.T @ (centred * weights)
        if np.linalg.matrix_rank(hessian) < k:
            return None
        step = np.linalg.solve(hessian, score)
        beta = beta + step
        if np.max(np.abs(step)) < TOLERANCE:
            break
    else:
        return None
    shares = _shares(exposure, x, beta)
    unit_scores = np.einsum("itk,it->ik", x, y - totals[:, None] * shares)
    bread = np.linalg.inv(hessian)
    meat = unit_scores.T @ unit_scores
    covariance = bread @ meat @ bread * units / (units - 1)
    return FixedEffectsFit(beta, covariance, units)


def _shares(exposure: np.ndarray, x: np.ndarray, beta: np.ndarray) -> np.ndarray:
    # Each unit's expected share of its own total per period; shifting by the row maximum keeps
    # exp() finite.
    eta = np.log(exposure) + x @ beta
    eta -= eta.max(axis=1, keepdims=True)
    weights = np.exp(eta)
    shares: np.ndarray = weights / weights.sum(axis=1, keepdims=True)
    return shares


def _year_dummies(units: int, periods: int) -> np.ndarray:
    # The first year is the reference.
    dummies = np.zeros((units, periods, periods - 1))
    for t in range(1, periods):
        dummies[:, t, t - 1] = 1.0
    return dummies


def _interval(
    estimate: float, variance: float, clusters: int, level: float
) -> tuple[float, float, float, float]:
    """The rate ratio exp(estimate), its interval and its p-value (Student's t)."""
    from scipy.stats import t

    se = float(np.sqrt(variance))
    quantile = t.ppf(0.5 + level / 2, clusters - 1)
    p_value = 2 * t.sf(abs(estimate) / se, clusters - 1) if se > 0 else 0.0
    return (
        float(np.exp(estimate)),
        float(np.exp(estimate - quantile * se)),
        float(np.exp(estimate + quantile * se)),
        float(p_value),
    )


def _term_effect(
    counts: np.ndarray,
    populations: np.ndarray,
    treated: np.ndarray,
    term: np.ndarray,
    level: float,
) -> Effect | None:
    """exp of the coefficient of ``term`` (units x periods) in the fixed-effects model with year
    effects, with its interval; None without treated or control units with events, or when the
    fit is not identified."""
    active = counts.sum(axis=1) > 0
    treated_units = int((treated & active).sum())
    control_units = int((~treated & active).sum())
    if treated_units == 0 or control_units == 0:
        return None
    units, periods = counts.shape
    covariates = np.concatenate([_year_dummies(units, periods), term[:, :, None]], axis=2)
    fit = poisson_fixed_effects(counts, populations, covariates)
    if fit is None:
        return None
    ratio, lower, upper, p_value = _interval(
        fit.coefficients[-1], fit.covariance[-1, -1], fit.clusters, level
    )
    return Effect(ratio, lower, upper, p_value, treated_units, control_units)


def difference_in_differences(
    panel: Panel, start_year: int, level: float = CONFIDENCE_LEVEL
) -> Effect | None:
    """The rate ratio that goes with taking part from ``start_year`` on, with its interval.
    None without years before and from the start, without treated or control units with
    events, or when the fit does not converge."""
    post = panel.years >= start_year
    if post.all() or not post.any():
        return None
    taking_part = (panel.treated[:, None] & post[None, :]).astype(float)
    return _term_effect(panel.counts, panel.populations, panel.treated, taking_part, level)


def pre_trend(panel: Panel, start_year: int, level: float = CONFIDENCE_LEVEL) -> Effect | None:
    """Before the start: the yearly rate ratio of the treated group's trend over the others'
    (1 when the trends run parallel). None with fewer than three years before the start."""
    before = panel.years < start_year
    if before.sum() < 3:
        return None
    periods = int(before.sum())
    slope = panel.treated[:, None] * np.arange(periods, dtype=float)[None, :]
    return _term_effect(
        panel.counts[:, before], panel.populations[:, before], panel.treated, slope, level
    )


def panel_of(history: pl.DataFrame, members: set[str]) -> tuple[Panel, list[str]]:
    """A balanced Panel from rows (municipality_code, year, event_count, population) of one
    outcome; municipalities missing a year or a population are left out (and returned)."""
    years = np.array(sorted(set(history["year"].to_list())), dtype=int)
    complete = history.filter(history["population"].is_not_null() & (history["population"] > 0))
    per_unit = complete.group_by("municipality_code").len()
    keep = sorted(per_unit.filter(per_unit["len"] == len(years))["municipality_code"].to_list())
    dropped = sorted(set(history["municipality_code"].to_list()) - set(keep))
    rows = complete.filter(complete["municipality_code"].is_in(keep)).sort(
        ["municipality_code", "year"]
    )
    counts = rows["event_count"].to_numpy().reshape(len(keep), len(years))
    populations = rows["population"].to_numpy().astype(float).reshape(len(keep), len(years))
    treated = np.array([code in members for code in keep], dtype=bool)
    return Panel(counts, populations, treated, years), dropped


EFFECT_SCHEMA = pl.Schema(
    {
        "programme": pl.String,
        "source": pl.String,
        "outcome": pl.String,
        "start_year": pl.Int32,
        "first_year": pl.Int32,
        "last_year": pl.Int32,
        "treated_municipalities": pl.Int64,
        "control_municipalities": pl.Int64,
        "left_out_municipalities": pl.Int64,
        "treated_rate_before": pl.Float64,
        "treated_rate_after": pl.Float64,
        "control_rate_before": pl.Float64,
        "control_rate_after": pl.Float64,
        "rate_ratio": pl.Float64,
        "rate_ratio_lower": pl.Float64,
        "rate_ratio_upper": pl.Float64,
        "p_value": pl.Float64,
        "pre_trend_ratio": pl.Float64,
        "pre_trend_lower": pl.Float64,
        "pre_trend_upper": pl.Float64,
        "pre_trend_p_value": pl.Float64,
    }
)

SERIES_SCHEMA = pl.Schema(
    {
        "programme": pl.String,
        "source": pl.String,
        "outcome": pl.String,
        "group": pl.String,
        "year": pl.Int32,
        "event_count": pl.Int64,
        "population": pl.Int64,
        "rate_per_100k": pl.Float64,
    }
)
