"""sql/macros/cbs_municipal_rows.sql: the rows of a CBS table for the municipalities of a range of
years."""

from __future__ import annotations

from .macro_connections import connection


def test_cbs_municipal_rows_keeps_the_years_municipalities():
    conn = connection(
        "raw_rows as select * from (values (2024, 'GM0001  ', '2024JJ00*', 2), "
        "(2024, 'PV20    ', '2024JJ00*', 3), (2024, 'GM0999  ', '2024JJ00*', 4), "
        "(2023, 'GM0001  ', '2023JJ00', 5), (2022, 'GM0001  ', '2022JJ00', 6)) "
        't(partition_year, "RegioS", "Perioden", source_row)'
    )
    rows = conn.execute(
        "select year, delivered_code, is_provisional, source_row "
        "from cbs_municipal_rows('raw_rows', 2023, 2024) order by year"
    ).fetchall()
    # no province, no "niet in te delen", no year outside the range
    assert rows == [(2023, "GM0001", False, 5), (2024, "GM0001", True, 2)]
