"""sql/macros/composite_index.sql: the index rows (with their year) and the method."""

from __future__ import annotations

from .macro_connections import connection


def test_composite_index_adds_the_method():
    conn = connection(
        "index_rows as select * from (values (2024, 'RIEC01', 0.5::double), (2025, 'RIEC01', 0.7)) "
        "t(year, region_code, index_value)"
    )
    rows = conn.execute(
        "select year, region_code, index_value, normalisation, aggregation, weights "
        "from composite_index(index_rows, 'min_max', 'linear', 'equal') order by year"
    ).fetchall()
    assert rows == [
        (2024, "RIEC01", 0.5, "min_max", "linear", "equal"),
        (2025, "RIEC01", 0.7, "min_max", "linear", "equal"),
    ]
