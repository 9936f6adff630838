"""sql/macros/municipal_totals.sql: the delivered rows summed per 2025 municipality and key, with
their provenance."""

from __future__ import annotations

from .macro_connections import code_map_connection, delivered_table


def test_totals_per_municipality_and_key_with_their_provenance():
    rows = [
        ("GM0001", "drugs", 4, 1, False, "a.csv", 2),
        ("GM0901", "drugs", 3, None, True, "b.csv", 3),
        ("GM0902", "drugs", 7, 10, False, "a.csv", 4),
        ("GM0902", "fraud", 1, 1, False, "a.csv", 5),
    ]
    conn = code_map_connection()
    delivered_table(conn, rows)
    totals = conn.execute(
        "select municipality_code, theme, tips, cases, is_provisional, delivered_codes, "
        "source_file, source_rows "
        "from municipal_totals(delivered, ['theme'], ['tips', 'cases']) order by all"
    ).fetchall()
    assert totals == [
        # a merged code adds up with the current one; an unknown part is left out of the sum;
        # a flag of any delivered row holds for the total
        ("GM0001", "drugs", 7, 1, True, ["GM0001", "GM0901"], "a.csv", [2, 3]),
        ("GM0003", "drugs", 2, 3, False, ["GM0902"], "a.csv", [4]),
        ("GM0003", "fraud", 0, 0, False, ["GM0902"], "a.csv", [5]),
        ("GM0004", "drugs", 5, 7, False, ["GM0902"], "a.csv", [4]),
        ("GM0004", "fraud", 1, 1, False, ["GM0902"], "a.csv", [5]),
    ]


def test_without_keys_one_total_per_municipality():
    rows = [
        ("GM0902", "drugs", 7, 10, False, "a.csv", 4),
        ("GM0902", "fraud", 1, 1, False, "a.csv", 5),
    ]
    conn = code_map_connection()
    delivered_table(conn, rows)
    totals = conn.execute(
        "select municipality_code, tips, cases, source_rows "
        "from municipal_totals(delivered, [], ['tips', 'cases']) order by all"
    ).fetchall()
    assert totals == [("GM0003", 2, 3, [4, 5]), ("GM0004", 6, 8, [4, 5])]
