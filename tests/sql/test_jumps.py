"""sql/quality/jumps_*.sql: cells more than three times (or under a third of) last year's value."""

from __future__ import annotations

from pipeline.sql import query, run_in_transaction

from .helpers import incident, load_raw


def stage_incidents(conn, year, rows):
    load_raw(conn, "incidents", year, rows)
    run_in_transaction(conn, "staging/stg_incidents__crimes", {"year": year})


def test_incident_jumps(warehouse):
    stage_incidents(
        warehouse,
        2023,
        [
            incident("CRI1200", "GM0001", "10", 2023),
            incident("CRI1200", "GM0002", "30", 2023),
            incident("CRI1200", "GM0003", "2", 2023),
            incident("CRI1700", "GM0001", "12", 2023),
        ],
    )
    stage_incidents(
        warehouse,
        2024,
        [
            incident("CRI1200", "GM0001", "31"),  # 31 > 3 x 10 and +21: a jump
            incident("CRI1200", "GM0002", "9"),  # 30 > 3 x 9 and -21: a drop
            incident("CRI1200", "GM0003", "8"),  # 8 > 3 x 2 but only +6: noise
            incident("CRI1700", "GM0001", "36"),  # 36 = 3 x 12: not more than three times
            incident("CRI1700", "GM0002", "50"),  # no value last year: nothing to compare
        ],
    )
    assert query(warehouse, "quality/jumps_stg_incidents__crimes", {"year": 2024}) == (
        ["municipality_code", "item", "previous_value", "value"],
        [("GM0001", "CRI1200", 10, 31), ("GM0002", "CRI1200", 30, 9)],
    )


def test_fiu_and_signal_jumps(warehouse):
    for year, unusual, tips in ((2023, "100", "5"), (2024, "301", "40")):
        load_raw(warehouse, "financial", year, [(str(year), "GM0001", "banken", unusual, "1", "1")])
        run_in_transaction(warehouse, "staging/stg_financial__fiu_transactions", {"year": year})
        load_raw(warehouse, "signals", year, [(str(year), "GM0004", "drugs", tips)])
        run_in_transaction(warehouse, "staging/stg_signals__tips", {"year": year})
    assert query(warehouse, "quality/jumps_stg_financial__fiu_transactions", {"year": 2024})[1] == [
        ("GM0001", "banken", 100, 301)
    ]
    assert query(warehouse, "quality/jumps_stg_signals__tips", {"year": 2024})[1] == [
        ("GM0004", "drugs", 5, 40)
    ]
    assert query(warehouse, "quality/jumps_stg_signals__tips", {"year": 2023})[1] == []
