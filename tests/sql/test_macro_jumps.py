"""sql/macros/jumps.sql: cells that moved implausibly far since the year before."""

from __future__ import annotations

from .macro_connections import connection


def test_jumps_compares_each_cell_with_the_year_before():
    conn = connection(
        "cells as select * from (values "
        "(2023, 'GM0001', 'a', 10), (2024, 'GM0001', 'a', 31), "  # more than three times
        "(2023, 'GM0002', 'a', 30), (2024, 'GM0002', 'a', 9), "  # less than a third
        "(2023, 'GM0003', 'a', 2), (2024, 'GM0003', 'a', 9), "  # moved by less than 10
        "(2023, 'GM0004', 'a', 10), (2024, 'GM0004', 'a', 30), "  # exactly three times
        "(2022, 'GM0005', 'a', 1), (2024, 'GM0005', 'a', 90)) "  # no value last year
        "t(year, municipality_code, item, value)"
    )
    rows = conn.execute("select * from jumps(cells, 2024, 2024, 10) order by all").fetchall()
    assert rows == [(2024, "GM0001", "a", 10, 31), (2024, "GM0002", "a", 30, 9)]
    # Over a range each year is compared with the year before it (2023 with 2022: nothing).
    both = conn.execute("select * from jumps(cells, 2023, 2024, 10) order by all").fetchall()
    assert both == rows
