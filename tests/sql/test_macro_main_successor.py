"""sql/macros/main_successor.sql: the one 2025 municipality a record of an old code goes to."""

from __future__ import annotations

from .macro_connections import connection


def test_main_successor_sends_a_record_whole_to_the_largest_share():
    conn = connection(
        "reference.municipality_code_map as select * from (values "
        "('GM0001', 'GM0001', true), ('GM0901', 'GM0001', true), "
        "('GM0902', 'GM0003', false), ('GM0902', 'GM0004', true)) "
        "t(source_code, municipality_code, is_main_successor)",
        "records as select * from (values ('GM0001'), ('GM0901'), ('GM0902'), ('GM9999')) t(code)",
    )
    rows = conn.execute(
        "select r.code, main_successor(r.code) from records as r order by all"
    ).fetchall()
    assert rows == [
        ("GM0001", "GM0001"),
        ("GM0901", "GM0001"),
        ("GM0902", "GM0004"),
        ("GM9999", "GM9999"),  # not in the map: as delivered
    ]
