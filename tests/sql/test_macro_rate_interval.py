"""sql/macros/rate_interval.sql: a rate and its Poisson interval per so many inhabitants."""

from __future__ import annotations

from .macro_connections import connection


def test_rate_interval_scales_the_count_and_its_interval():
    conn = connection()
    rate, lower, upper = conn.execute(
        "select unnest(rate_interval(5, 200, 1000.0, 0.95))"
    ).fetchone()
    expected = conn.execute(
        "select poisson_lower(5, 0.95) * 1000.0 / 200, poisson_upper(5, 0.95) * 1000.0 / 200"
    ).fetchone()
    assert (rate, lower, upper) == (25.0, *expected)
    assert conn.execute("select rate_interval(5, 0, 1000.0, 0.95)").fetchone() == (
        {"rate": None, "lower": None, "upper": None},
    )
