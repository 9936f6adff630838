"""sql/quality/implausible_jumps.sql (what a jump warning found, kept per year) and
sql/report/largest_jumps.sql (the largest of them that the report may name)."""

from __future__ import annotations

from pipeline.plumbing.check_results import keep_jumps
from pipeline.plumbing.sql_runner import query

INCIDENTS = "staging/stg_incidents__crimes"
YEAR = 2024


def publish_threshold(conn, threshold: int) -> None:
    """The disclosure threshold of the year, as the published counts carry it."""
    conn.execute(
        "create table indicators.published_municipal_counts (year integer, municipality_code "
        "varchar, municipality_name varchar, riec_code varchar, phenomenon_code varchar, "
        "registered_crimes bigint, suppression varchar, threshold integer)"
    )
    conn.execute(
        "insert into indicators.published_municipal_counts values "
        "(?, 'GM0001', 'Aadorp', 'RIEC01', 'fraud', 40, null, ?)",
        [YEAR, threshold],
    )


def largest(conn):
    columns, rows = query(conn, "report/largest_jumps", {"year": YEAR})
    keep = ("position", "municipality_name", "item", "item_en", "previous_value", "value")
    return [tuple(dict(zip(columns, row, strict=True))[c] for c in keep) for row in rows]


def test_the_three_largest_jumps_that_reach_the_threshold_are_named(warehouse):
    publish_threshold(warehouse, 10)
    keep_jumps(
        warehouse,
        INCIDENTS,
        range(YEAR, YEAR + 1),
        [
            (YEAR, "GM0001", "CRI1200", 10, 35),  # +25: fourth largest
            (YEAR, "GM0002", "CRI1200", 30, 5),  # 5 is below the threshold: never named
            (YEAR, "GM0003", "CRI1700", 12, 60),  # +48
            (YEAR, "GM0001", "CRI1700", 20, 90),  # +70: the largest
            (YEAR, "GM0002", "CRI1700", 15, 70),  # +55
        ],
    )
    found = largest(warehouse)
    assert [row[:3] for row in found] == [
        (1, "Aadorp", "CRI1700"),
        (2, "Bedum", "CRI1700"),
        (3, "Cadier", "CRI1700"),
    ]
    assert found[0][4:] == (20, 90)


def test_kept_jumps_replace_those_of_the_same_years_only(warehouse):
    publish_threshold(warehouse, 10)
    both_years = [(YEAR - 1, "GM0001", "CRI1200", 10, 40), (YEAR, "GM0001", "CRI1200", 10, 40)]
    keep_jumps(warehouse, INCIDENTS, range(YEAR - 1, YEAR + 1), both_years)
    # The year's check again, finding one other cell: 2023's stays, 2024's is replaced.
    keep_jumps(warehouse, INCIDENTS, range(YEAR, YEAR + 1), [(YEAR, "GM0004", "CRI1200", 60, 15)])
    kept = warehouse.execute(
        "select partition_year, municipality_code from quality.implausible_jumps order by all"
    ).fetchall()
    assert kept == [(YEAR - 1, "GM0001"), (YEAR, "GM0004")]
    assert [row[1] for row in largest(warehouse)] == ["Dalen"]


def test_a_higher_threshold_names_nothing_small(warehouse):
    publish_threshold(warehouse, 50)
    keep_jumps(warehouse, INCIDENTS, range(YEAR, YEAR + 1), [(YEAR, "GM0001", "CRI1700", 20, 90)])
    assert largest(warehouse) == []
