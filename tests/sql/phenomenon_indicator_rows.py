"""Read one row of indicators.phenomenon_indicators (the tests of sql/indicators/
phenomenon_indicators.sql)."""

from __future__ import annotations

NAME = "indicators/phenomenon_indicators"
TABLE = "indicators.phenomenon_indicators"


def row(conn, level, code, phenomenon, year=2024):
    rows = conn.execute(
        "select event_count, suppressed_cells, population, rate_per_100k, harm_weight_set, "
        "harm_weight, harm_score from indicators.phenomenon_indicators "
        "where year = ? and region_level = ? and region_code = ? and phenomenon_code = ?",
        [year, level, code, phenomenon],
    ).fetchall()
    assert len(rows) == 1, rows
    return rows[0]
