"""sql/indicators/harm_indicators.sql on the fixture year 2024 (numbers in fixture_rows.py)."""

from __future__ import annotations

import pytest

from pipeline.domain.statistics.uncertainty import poisson_interval
from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent

NAME = "indicators/harm_indicators"
PARAMS = {"first_year": 2024, "last_year": 2024}


@pytest.fixture
def harm(built):
    run_in_transaction(built, NAME, PARAMS)
    return built


def harm_row(conn, weight_set, level, code, phenomenon):
    rows = conn.execute(
        "select harm_weight, event_count, harm_score, harm_score_lower, harm_score_upper, "
        "harm_per_100k from indicators.harm_indicators where year = 2024 and weight_set = ? "
        "and region_level = ? and region_code = ? and phenomenon_code = ? and source = 'incidents'",
        [weight_set, level, code, phenomenon],
    ).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def test_every_weight_set_weighs_the_same_counts(harm):
    # GM0001 fraud: 25 crimes, 50 000 inhabitants. default_v0 weighs fraud 4, alt_v1 2, the
    # harm matrix 2 + 4 = 6 points, the statutory maximum of Sr 326 1460 days.
    [low], [high] = poisson_interval([25])
    for weight_set, weight in [
        ("default_v0", 4.0),
        ("alt_v1", 2.0),
        ("paoli_greenfield_v1", 6.0),
        ("statutory_maximum_v1", 1460.0),
    ]:
        assert harm_row(harm, weight_set, "municipality", "GM0001", "fraud") == pytest.approx(
            (weight, 25, 25 * weight, low * weight, high * weight, 25 * weight * 100000 / 50000)
        )


def test_the_headline_set_equals_the_main_mart(harm):
    assert harm.execute(
        "select count(*) from indicators.phenomenon_indicators as i "
        "join indicators.harm_indicators as h using (year, region_level, region_code, "
        "phenomenon_code, source) where h.weight_set = i.harm_weight_set "
        "and (h.harm_score <> i.harm_score or h.harm_score_upper <> i.harm_score_upper)"
    ).fetchall() == [(0,)]
    # default_v0 and alt_v1 weigh every phenomenon, so they have a row for every main-mart row.
    assert harm.execute(
        "select weight_set, count(*) from indicators.harm_indicators where year = 2024 "
        "and weight_set in ('default_v0', 'alt_v1') group by 1 order by 1"
    ).fetchall() == [("alt_v1", 45), ("default_v0", 45)]


def test_a_set_that_weighs_no_phenomenon_gives_no_row(harm):
    # The fixture harm matrix rates only fraud and violence.
    assert harm.execute(
        "select distinct phenomenon_code from indicators.harm_indicators "
        "where weight_set = 'paoli_greenfield_v1' order by 1"
    ).fetchall() == [("fraud",), ("violence",)]


def test_regions_add_up_under_every_set(harm):
    assert harm.execute(
        "select count(*) from ("
        " select weight_set, phenomenon_code, source, region_level, sum(harm_score) as total "
        " from indicators.harm_indicators where year = 2024 group by all) "
        "pivot (any_value(total) for region_level in ('municipality', 'riec_region', "
        "'province', 'national')) where abs(municipality - national) > 1e-9 "
        "or abs(riec_region - national) > 1e-9 or abs(province - national) > 1e-9"
    ).fetchall() == [(0,)]


def test_idempotent(harm):
    assert_idempotent(harm, NAME, "indicators.harm_indicators", PARAMS)
