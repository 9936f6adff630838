"""sql/macros/rolled_up.sql: municipal sums rolled up to every region level."""

from __future__ import annotations

from .macro_connections import connection


def test_rolled_up_sums_to_every_region_level():
    conn = connection(
        "reference.region_membership as select * from (values "
        "('GM0001', 'municipality', 'GM0001', 'A'), ('GM0002', 'municipality', 'GM0002', 'B'), "
        "('GM0001', 'national', 'NL01', 'Nederland'), ('GM0002', 'national', 'NL01', 'Nederland')) "
        "t(municipality_code, region_level, region_code, region_name)",
        "municipal as select * from (values ('GM0001', 'x', 2, 10), ('GM0002', 'x', 3, 20), "
        "('GM0002', 'y', 4, 20)) t(municipality_code, theme, tips, population)",
    )
    rows = conn.execute(
        "select region_code, region_name, theme, tips, population "
        "from rolled_up(municipal, ['theme'], ['tips', 'population']) order by all"
    ).fetchall()
    assert rows == [
        ("GM0001", "A", "x", 2, 10),
        ("GM0002", "B", "x", 3, 20),
        ("GM0002", "B", "y", 4, 20),
        ("NL01", "Nederland", "x", 5, 30),
        ("NL01", "Nederland", "y", 4, 20),
    ]
