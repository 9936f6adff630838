"""Harm rankings and their uncertainty (pipeline/domain/statistics/rank_intervals.py), on
hand-computed cases."""

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.domain.statistics.rank_intervals import (
    RankingSettings,
    count_rank_draws,
    harm_per_100k,
    rank_correlation,
    rank_regions,
    ranks,
    summarise,
    weight_rank_draws,
)

# Three regions of 100,000, two phenomena weighted 1 and 2.
COUNTS = np.array([[10, 0], [0, 10], [5, 5]])
WEIGHTS = np.array([1.0, 2.0])
POPULATION = np.array([100_000, 100_000, 100_000])


def test_harm_per_100k_and_ranks_by_hand():
    scores = harm_per_100k(COUNTS, WEIGHTS, POPULATION)
    assert scores.tolist() == [10.0, 20.0, 15.0]  # 10x1, 10x2, 5x1 + 5x2
    assert ranks(scores).tolist() == [3, 1, 2]
    assert ranks(np.array([5.0, 7.0, 5.0])).tolist() == [2, 1, 2]  # a tie shares the best rank


def test_rank_correlation_by_hand():
    # d = (0, 1, 1): rho = 1 - 6 x 2 / (3 x 8) = 0.5; 2 concordant, 1 discordant pair: tau = 1/3
    rho, tau = rank_correlation(np.array([1.0, 2.0, 3.0]), np.array([1.0, 3.0, 2.0]))
    assert rho == pytest.approx(0.5)
    assert tau == pytest.approx(1 / 3)


def test_without_uncertainty_every_draw_gives_the_point_rank():
    rng = np.random.default_rng(0)
    # Weights not varied at all.
    same = summarise(weight_rank_draws(COUNTS, WEIGHTS, POPULATION, 200, 0.0, rng))
    assert same.lower.tolist() == same.upper.tolist() == [3, 1, 2]
    # Counts so large that chance cannot reorder scores 10, 20, 15 (x 10^6).
    big = summarise(count_rank_draws(COUNTS * 1_000_000, WEIGHTS, POPULATION, 200, rng))
    assert big.lower.tolist() == big.upper.tolist() == [3, 1, 2]
    assert big.top_share.tolist() == [1.0, 1.0, 1.0]  # three regions: all are in the top 3


def test_small_counts_give_wide_rank_intervals():
    rng = np.random.default_rng(0)
    small = summarise(count_rank_draws(COUNTS // 5, WEIGHTS, POPULATION, 2000, rng))
    # Scores 2, 4, 3: chance reorders them often, so the first region is not sure to rank last.
    assert small.lower[0] < 3 and small.upper[0] == 3


@settings(max_examples=50, deadline=None)
@given(
    counts=st.lists(st.lists(st.integers(0, 500), min_size=2, max_size=2), min_size=2, max_size=8),
    spread=st.floats(0.0, 1.0),
)
def test_rank_intervals_hold_their_median_and_stay_within_the_regions(counts, spread):
    matrix = np.array(counts)
    population = np.full(len(counts), 50_000)
    rng = np.random.default_rng(1)
    for draws in (
        count_rank_draws(matrix, WEIGHTS, population, 100, rng),
        weight_rank_draws(matrix, WEIGHTS, population, 100, spread, rng),
    ):
        summary = summarise(draws)
        assert np.all(summary.lower <= summary.median)
        assert np.all(summary.median <= summary.upper)
        assert summary.lower.min() >= 1 and summary.upper.max() <= len(counts)


def _inputs() -> tuple[pl.DataFrame, pl.DataFrame]:
    counts = pl.DataFrame(
        {
            "region_level": ["riec_region"] * 6,
            "region_code": ["R1", "R1", "R2", "R2", "R3", "R3"],
            "region_name": ["Een", "Een", "Twee", "Twee", "Drie", "Drie"],
            "phenomenon_code": ["fraud", "violence"] * 3,
            "event_count": [10, 0, 0, 10, 5, 5],
            "population": [100_000] * 6,
        }
    )
    weights = pl.DataFrame(
        {
            "weight_set": ["a", "a", "b", "b"],
            "phenomenon_code": ["fraud", "violence", "fraud", "violence"],
            "weight": [1.0, 2.0, 2.0, 1.0],
        }
    )
    return counts, weights


def test_rank_regions_ranks_under_every_set_and_correlates_the_sets():
    counts, weights = _inputs()
    rankings, correlations = rank_regions(counts, weights, 2025, RankingSettings(draws=300))
    got = rankings.select("weight_set", "region_code", "harm_per_100k", "harm_rank").sort(
        "weight_set", "region_code"
    )
    assert got.rows() == [
        ("a", "R1", 10.0, 3),
        ("a", "R2", 20.0, 1),
        ("a", "R3", 15.0, 2),
        ("b", "R1", 20.0, 1),  # fraud now weighs 2: 10 x 2
        ("b", "R2", 10.0, 3),
        ("b", "R3", 15.0, 2),
    ]
    # Set b reverses set a's ranking exactly.
    assert correlations.rows() == [
        ("riec_region", "a", "b", pytest.approx(-1.0), pytest.approx(-1.0))
    ]


def test_rank_regions_is_reproducible_from_its_seed():
    counts, weights = _inputs()
    first = rank_regions(counts, weights, 2025, RankingSettings(draws=300, seed=7))[0]
    again = rank_regions(counts, weights, 2025, RankingSettings(draws=300, seed=7))[0]
    assert first.equals(again)
