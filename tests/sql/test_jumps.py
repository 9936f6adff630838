"""sql/quality/jumps_*.sql: cells more than three times (or under a third of) last year's value."""

from __future__ import annotations

from pipeline.plumbing.sql_runner import query, run_in_transaction

from .fixture_rows import incident
from .raw_loaders import load_raw, load_without_file


def stage_incidents(conn, year, rows):
    load_raw(conn, "incidents", year, rows)
    run_in_transaction(
        conn, "staging/stg_incidents__crimes", {"first_year": year, "last_year": year}
    )


def test_incident_jumps(warehouse):
    stage_incidents(
        warehouse,
        2023,
        [
            incident("CRI1200", "GM0001", "10", 2023),
            incident("CRI1200", "GM0002", "30", 2023),
            incident("CRI1200", "GM0003", "5", 2023),
            incident("CRI1700", "GM0001", "15", 2023),
        ],
    )
    stage_incidents(
        warehouse,
        2024,
        [
            incident("CRI1200", "GM0001", "35"),  # 35 > 3 x 10 and +25: a jump
            incident("CRI1200", "GM0002", "5"),  # 30 > 3 x 5 and -25: a drop
            # 20 > 3 x 5 but only +15: CBS rounds to 5, so small cells move in big steps
            incident("CRI1200", "GM0003", "20"),
            incident("CRI1700", "GM0001", "45"),  # 45 = 3 x 15: not more than three times
            incident("CRI1700", "GM0002", "50"),  # no value last year: nothing to compare
        ],
    )
    assert query(
        warehouse,
        "quality/queries/jumps_stg_incidents__crimes",
        {"first_year": 2024, "last_year": 2024},
    ) == (
        ["year", "municipality_code", "item", "previous_value", "value"],
        [(2024, "GM0001", "CRI1200", 10, 35), (2024, "GM0002", "CRI1200", 30, 5)],
    )


def test_fiu_and_signal_jumps(warehouse):
    for year, unusual, tips in ((2023, "100", "5"), (2024, "301", "40")):
        load_raw(warehouse, "financial", year, [(str(year), "GM0001", "banken", unusual, "1", "1")])
        load_without_file(warehouse, "unusual_transactions", year)
        run_in_transaction(
            warehouse,
            "staging/stg_financial__fiu_transactions",
            {"first_year": year, "last_year": year},
        )
        load_raw(warehouse, "signals", year, [(str(year), "GM0004", "drugs", tips)])
        run_in_transaction(
            warehouse, "staging/stg_signals__tips", {"first_year": year, "last_year": year}
        )
    assert query(
        warehouse,
        "quality/queries/jumps_stg_financial__fiu_transactions",
        {"first_year": 2024, "last_year": 2024},
    )[1] == [(2024, "GM0001", "banken", 100, 301)]
    assert query(
        warehouse,
        "quality/queries/jumps_stg_signals__tips",
        {"first_year": 2024, "last_year": 2024},
    )[1] == [(2024, "GM0004", "drugs", 5, 40)]
    assert (
        query(
            warehouse,
            "quality/queries/jumps_stg_signals__tips",
            {"first_year": 2023, "last_year": 2023},
        )[1]
        == []
    )
