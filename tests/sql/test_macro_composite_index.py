"""sql/macros/composite_index.sql: the index rows with the year and the method."""

from __future__ import annotations

from .macro_connections import connection


def test_composite_index_adds_the_year_and_the_method():
    conn = connection("index_rows as select 'RIEC01' as region_code, 0.5 as index_value")
    rows = conn.execute(
        "select year, region_code, index_value, normalisation, aggregation, weights "
        "from composite_index(index_rows, 2024, 'min_max', 'linear', 'equal')"
    ).fetchall()
    assert rows == [(2024, "RIEC01", 0.5, "min_max", "linear", "equal")]
