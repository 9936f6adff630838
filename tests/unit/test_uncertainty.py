"""Exact Poisson intervals (pipeline/domain/statistics/uncertainty.py) against hand values and
scipy."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import poisson

from pipeline.domain.statistics.uncertainty import poisson_interval


def test_hand_computed_bounds():
    lower, upper = poisson_interval([0, 1])
    # k = 0: no lower bound; the upper bound solves P(X = 0) = e^-m = 0.025, so m = -ln 0.025.
    assert lower[0] == 0.0
    assert upper[0] == pytest.approx(-math.log(0.025), rel=1e-12)
    # k = 1: the lower bound solves P(X >= 1) = 1 - e^-m = 0.025, so m = -ln 0.975.
    assert lower[1] == pytest.approx(-math.log(0.975), rel=1e-12)


def test_known_table_values():
    # Garwood (1936) 95% limits as tabulated, e.g. in Ulm (1990): k = 10 gives 4.795 to 18.390.
    lower, upper = poisson_interval([10])
    assert (round(lower[0], 3), round(upper[0], 3)) == (4.795, 18.390)


@settings(max_examples=200, deadline=None)
@given(
    count=st.integers(min_value=0, max_value=100_000),
    level=st.sampled_from([0.8, 0.9, 0.95, 0.99]),
)
def test_each_bound_leaves_half_of_alpha_in_its_tail(count, level):
    lower, upper = poisson_interval([count], level)
    tail = (1 - level) / 2
    # The upper bound: seeing `count` or fewer is just as unlikely as the tail.
    assert poisson.cdf(count, upper[0]) == pytest.approx(tail, rel=1e-6)
    if count:
        # The lower bound: seeing `count` or more is just as unlikely as the tail.
        assert poisson.sf(count - 1, lower[0]) == pytest.approx(tail, rel=1e-6)
    assert lower[0] <= count <= upper[0]


def test_a_wider_level_gives_a_wider_interval_and_negative_counts_are_refused():
    narrow = np.array(poisson_interval([25], 0.9))
    wide = np.array(poisson_interval([25], 0.99))
    assert wide[0][0] < narrow[0][0] and wide[1][0] > narrow[1][0]
    with pytest.raises(ValueError, match="negative"):
        poisson_interval([-1])
