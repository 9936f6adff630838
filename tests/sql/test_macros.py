"""sql/macros/largest_remainder.sql: whole units that add up to the divided total."""

from __future__ import annotations

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.plumbing.sql_runner import prepare_connection


def allocate(rows):
    conn = duckdb.connect()
    prepare_connection(conn)
    return conn.execute(
        "select part, code, largest_remainder(whole * share, whole, part, code) "
        "from (select unnest(?, recursive := true)) order by part, code",
        [[{"part": p, "code": c, "whole": w, "share": s} for p, c, w, s in rows]],
    ).fetchall()


def test_hand_computed_splits():
    rows = [
        # 7 over 0.25 / 0.75: 1.75 and 5.25, floors 1 + 5 = 6, the unit left goes to 0.75 (a)
        (1, "a", 7, 0.25),
        (1, "b", 7, 0.75),
        # 10 over 0.5 / 0.5: 5 and 5 exactly
        (2, "a", 10, 0.5),
        (2, "b", 10, 0.5),
        # 1 over 0.5 / 0.5: a tie, the lowest code gets it
        (3, "x", 1, 0.5),
        (3, "y", 1, 0.5),
    ]
    assert [(p, c, int(n)) for p, c, n in allocate(rows)] == [
        (1, "a", 2),
        (1, "b", 5),
        (2, "a", 5),
        (2, "b", 5),
        (3, "x", 1),
        (3, "y", 0),
    ]


@settings(max_examples=40, deadline=None)
@given(
    whole=st.integers(min_value=0, max_value=10**9),
    weights=st.lists(st.integers(min_value=1, max_value=100), min_size=1, max_size=6),
)
def test_parts_are_whole_and_add_up(whole, weights):
    shares = [w / sum(weights) for w in weights]
    rows = [(1, f"GM{i:04d}", whole, share) for i, share in enumerate(shares)]
    allocated = [int(n) for _, _, n in allocate(rows)]
    assert sum(allocated) == whole
    # no part is more than one unit from its exact share
    assert all(abs(n - whole * s) < 1 + 1e-6 for n, s in zip(allocated, shares, strict=True))


# ----- in_2025_division ---------------------------------------------------------------------------


def in_2025_division(delivered: list[tuple[str, int, int, str]]) -> list[tuple]:
    """(delivered_code, value, source_row, measure) rows through sql/macros/in_2025_division.sql
    with a code map: GM0001 current, GM0901 merged into GM0001, GM0902 split 0.25 / 0.75 over
    GM0003 / GM0004."""
    conn = duckdb.connect()
    prepare_connection(conn)
    conn.execute(
        "create table reference.municipality_code_map as "
        "select * from (values ('GM0001', 'GM0001', 1.0), ('GM0901', 'GM0001', 1.0), "
        "('GM0902', 'GM0003', 0.25), ('GM0902', 'GM0004', 0.75)) "
        "as t(source_code, municipality_code, share)"
    )
    records = [
        {"delivered_code": c, "delivered_value": v, "source_file": "f.csv", "source_row": r,
         "measure": m}
        for c, v, r, m in delivered
    ]  # fmt: skip
    conn.execute(
        "create table measures as select * from (select unnest(?, recursive := true))", [records]
    )
    return conn.execute(
        "select delivered_code, municipality_code, measure, allocated_value::bigint "
        "from in_2025_division(measures) order by all"
    ).fetchall()


def test_a_merged_code_goes_whole_and_a_split_one_by_share_in_whole_units():
    rows = in_2025_division(
        [("GM0001", 4, 2, "tips"), ("GM0901", 3, 3, "tips"), ("GM0902", 7, 4, "tips"),
         ("GM0902", 10, 4, "cases")]
    )  # fmt: skip
    assert rows == [
        ("GM0001", "GM0001", "tips", 4),
        ("GM0901", "GM0001", "tips", 3),
        # 7 x 0.25 = 1.75, 7 x 0.75 = 5.25: floors 1 + 5, the unit left to the larger remainder
        ("GM0902", "GM0003", "cases", 3),  # 2.5 and 7.5: a tie, the lowest code gets it
        ("GM0902", "GM0003", "tips", 2),
        ("GM0902", "GM0004", "cases", 7),
        ("GM0902", "GM0004", "tips", 5),
    ]


def test_a_code_the_map_does_not_know_is_kept_as_delivered():
    assert in_2025_division([("GM9999", 5, 2, "tips")]) == [("GM9999", "GM9999", "tips", 5)]
