"""sql/macros/largest_remainder.sql: whole units shared out by share, the units left to the largest
remainders."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from .macro_connections import connection


def allocate(rows):
    conn = connection()
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
