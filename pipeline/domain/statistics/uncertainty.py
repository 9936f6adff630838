"""Uncertainty of counts and harm: exact Poisson intervals. Plain functions, no Dagster.

A yearly count of crimes in a region is treated as one draw from a Poisson process: even with
perfect registration, next year's count would differ by chance. The interval says which true
yearly rates fit the observed count.
"""

from __future__ import annotations

import numpy as np

# The one confidence level of every interval in the pipeline (counts, rates, trends, ranks,
# policy effects); the warehouse stores it beside each interval.
CONFIDENCE_LEVEL = 0.95


def poisson_interval(
    counts: np.ndarray | list[float], level: float = CONFIDENCE_LEVEL
) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood) two-sided interval for the mean of a Poisson count.

    lower = chi2(alpha/2; 2k) / 2 (0 when k = 0), upper = chi2(1 - alpha/2; 2k + 2) / 2.
    """
    from scipy.stats import chi2  # scipy takes a while to import; only callers pay for it

    k = np.asarray(counts, dtype=float)
    if np.any(k < 0):
        raise ValueError("a count cannot be negative")
    alpha = 1.0 - level
    with np.errstate(invalid="ignore"):
        lower = np.where(k == 0, 0.0, chi2.ppf(alpha / 2, 2 * k) / 2)
    upper = chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2
    return lower, upper
