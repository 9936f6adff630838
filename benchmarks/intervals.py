"""The exact Poisson interval both baselines (DuckDB script, pandas) compute, written once."""

from __future__ import annotations

import numpy as np


def poisson_bounds(counts: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood) 95% bounds of a Poisson mean: chi-square quantiles over two."""
    from scipy.stats import chi2

    alpha = 1.0 - level
    with np.errstate(invalid="ignore"):
        lower = np.where(counts == 0, 0.0, chi2.ppf(alpha / 2, 2 * counts) / 2)
    upper = chi2.ppf(1 - alpha / 2, 2 * counts + 2) / 2
    return lower, upper
