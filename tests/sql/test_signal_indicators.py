"""sql/indicators/signal_indicators.sql on the fixture warehouse."""

from __future__ import annotations

import pytest

from pipeline.domain.statistics.uncertainty import poisson_interval
from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent
from .runners import stage_new_source

NAME = "indicators/signal_indicators"
PARAMS = {"first_year": 2024, "last_year": 2024, "confidence_level": 0.95}


@pytest.fixture
def signals(built):
    stage_new_source(built, "signals")
    run_in_transaction(built, NAME, PARAMS)
    return built


def test_national_tips_per_theme_equal_staging_with_rates_and_intervals(signals):
    staged = dict(
        signals.execute(
            "select theme, sum(tips) from staging.stg_signals__tips where year = 2024 group by 1"
        ).fetchall()
    )
    rows = signals.execute(
        "select theme, tips, population, tips_per_100k, tips_per_100k_lower, tips_per_100k_upper "
        "from indicators.signal_indicators where year = 2024 and region_level = 'national'"
    ).fetchall()
    # Every theme has a row; a theme without tips has zero.
    assert {theme: tips for theme, tips, *_ in rows} == {
        theme: staged.get(theme, 0) for theme, *_ in rows
    }
    for _, tips, population, rate, low, high in rows:
        assert rate == pytest.approx(tips * 100000 / population)
        [expected_low], [expected_high] = poisson_interval([tips])
        assert (low, high) == pytest.approx(
            (expected_low * 100000 / population, expected_high * 100000 / population)
        )


def test_idempotent(signals):
    assert_idempotent(signals, NAME, "indicators.signal_indicators", PARAMS)
