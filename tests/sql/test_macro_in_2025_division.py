"""sql/macros/in_2025_division.sql: delivered municipality codes brought to the 2025 division
through reference.municipality_code_map."""

from __future__ import annotations

from .macro_connections import code_map_connection, delivered_table


def in_2025_division(rows: list[tuple]) -> list[tuple]:
    """The rows through sql/macros/in_2025_division.sql, measures tips and cases."""
    conn = code_map_connection()
    delivered_table(conn, rows)
    return conn.execute(
        "select delivered_code, municipality_code, theme, tips::bigint, cases::bigint "
        "from in_2025_division(delivered, ['tips', 'cases']) order by all"
    ).fetchall()


def test_a_merged_code_goes_whole_and_a_split_one_by_share_in_whole_units():
    rows = in_2025_division(
        [("GM0001", "drugs", 4, 1, False, "f.csv", 2), ("GM0901", "drugs", 3, 1, False, "f.csv", 3),
         ("GM0902", "drugs", 7, 10, False, "f.csv", 4)]
    )  # fmt: skip
    assert rows == [
        ("GM0001", "GM0001", "drugs", 4, 1),
        ("GM0901", "GM0001", "drugs", 3, 1),
        # tips: 7 x 0.25 = 1.75, 7 x 0.75 = 5.25: floors 1 + 5, the unit left to the larger
        # remainder; cases: 2.5 and 7.5, a tie, the lowest code gets it
        ("GM0902", "GM0003", "drugs", 2, 3),
        ("GM0902", "GM0004", "drugs", 5, 7),
    ]


def test_a_code_the_map_does_not_know_is_kept_as_delivered():
    assert in_2025_division([("GM9999", "drugs", 5, 0, False, "f.csv", 2)]) == [
        ("GM9999", "GM9999", "drugs", 5, 0)
    ]


def test_an_unknown_value_stays_unknown():
    assert in_2025_division([("GM0902", "drugs", None, 4, False, "f.csv", 2)]) == [
        ("GM0902", "GM0003", "drugs", None, 1),
        ("GM0902", "GM0004", "drugs", None, 3),
    ]
