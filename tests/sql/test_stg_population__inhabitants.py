"""sql/staging/stg_population__inhabitants.sql."""

from __future__ import annotations

from pipeline.plumbing.sql_runner import run_in_transaction

from .fixture_rows import population
from .idempotence import assert_idempotent
from .raw_loaders import load_raw

NAME = "staging/stg_population__inhabitants"
TABLE = "staging.stg_population__inhabitants"


def rows(conn, year=2024):
    return conn.execute(
        "select municipality_code, inhabitants from staging.stg_population__inhabitants "
        "where year = ? order by all",
        [year],
    ).fetchall()


def test_only_total_breakdown_of_municipalities(staged):
    # Men-only, one-age, unmarried and NL01 rows dropped; ' GM0003  ' trimmed.
    assert rows(staged) == [
        ("GM0001", 50000),
        ("GM0002", 100000),
        ("GM0003", 25000),
        ("GM0004", 75000),
    ]


def test_padded_breakdown_keys_and_values(warehouse):
    load_raw(
        warehouse,
        "population",
        2024,
        [population(" GM0001 ", " 1234 ", keys=("T001038 ", " 10000", "T001019  "))],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert rows(warehouse) == [("GM0001", 1234)]


def test_idempotent_and_years_apart(staged):
    assert rows(staged, 2023) == [(gm, 40000) for gm in ("GM0001", "GM0002", "GM0003", "GM0004")]
    assert_idempotent(staged, NAME, TABLE, {"first_year": 2024, "last_year": 2024})
    assert_idempotent(staged, NAME, TABLE, {"first_year": 2023, "last_year": 2023})


def test_a_period_marked_provisional_is_kept_as_a_flag(warehouse):
    final = population("GM0001", "1000")
    provisional = tuple(
        "2024JJ00*" if value == "2024JJ00" else value for value in population("GM0002", "2000")
    )
    load_raw(warehouse, "population", 2024, [final, provisional])
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select municipality_code, inhabitants, is_provisional "
        "from staging.stg_population__inhabitants order by 1"
    ).fetchall() == [("GM0001", 1000, False), ("GM0002", 2000, True)]
