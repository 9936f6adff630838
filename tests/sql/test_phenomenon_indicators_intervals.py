"""sql/indicators/phenomenon_indicators.sql on the fixture year 2024: the Poisson interval of
every count, rate and harm score, and the intelligence gaps flagged from them."""

from __future__ import annotations

import pytest

from pipeline.domain.statistics.uncertainty import poisson_interval


def test_every_count_rate_and_harm_score_has_its_exact_poisson_interval(built):
    rows = built.execute(
        "select event_count, population, harm_weight, confidence_level, event_count_lower, "
        "event_count_upper, rate_per_100k_lower, rate_per_100k_upper, harm_score_lower, "
        "harm_score_upper from indicators.phenomenon_indicators where year = 2024"
    ).fetchall()
    assert rows
    for (
        count,
        population,
        weight,
        level,
        low,
        high,
        rate_low,
        rate_high,
        harm_low,
        harm_high,
    ) in rows:
        assert level == 0.95
        [expected_low], [expected_high] = poisson_interval([count], level)
        assert (low, high) == pytest.approx((expected_low, expected_high), rel=1e-12)
        assert low <= count <= high
        assert (harm_low, harm_high) == pytest.approx((low * weight, high * weight), rel=1e-12)
        assert (rate_low, rate_high) == pytest.approx(
            (low * 100000 / population, high * 100000 / population), rel=1e-12
        )


def test_gaps_are_flagged_in_the_mart(built):
    rows = built.execute(
        "select event_count, suppressed_cells, is_intelligence_gap, gap_reason "
        "from indicators.phenomenon_indicators where year = 2024"
    ).fetchall()
    for count, suppressed, is_gap, reason in rows:
        [_], [upper] = poisson_interval([count])
        expected = "suppressed" if suppressed else ("thin" if upper > 2 * count else None)
        assert (is_gap, reason) == (expected is not None, expected)
    assert {reason for *_, reason in rows} == {"thin", "suppressed", None}


def test_gaps_by_hand(built):
    gaps = dict(
        built.execute(
            "select region_code || ' ' || phenomenon_code, gap_reason "
            "from indicators.phenomenon_indicators where year = 2024 "
            "and region_level = 'municipality' and source = 'incidents'"
        ).fetchall()
    )
    assert gaps["GM0003 fraud"] == "thin"  # 5 crimes: upper bound 11.67 > 2 x 5
    assert gaps["GM0004 violence"] is None  # 10 crimes: upper bound 18.39 < 2 x 10
    assert gaps["GM0003 money_laundering"] == "thin"  # none: zero is not low threat
    assert gaps["GM0002 money_laundering"] == "suppressed"  # CBS suppressed a cell
    assert gaps["GM0002 fraud"] is None  # 40 crimes
