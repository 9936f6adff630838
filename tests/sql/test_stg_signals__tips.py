"""sql/staging/stg_signals__tips.sql."""

from __future__ import annotations

import pytest

from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent
from .raw_loaders import load_raw
from .runners import stage_new_source

NAME = "staging/stg_signals__tips"
TABLE = "staging.stg_signals__tips"


@pytest.fixture
def signals(warehouse):
    """fixture_rows.SIGNALS_2023 and SIGNALS_2024 loaded and staged."""
    return stage_new_source(warehouse, "signals")


def rows(conn, year=2024):
    return conn.execute(
        "select municipality_code, theme, tips, delivered_codes, source_rows "
        "from staging.stg_signals__tips where year = ? order by all",
        [year],
    ).fetchall()


def test_english_themes_mergers_and_splits(signals):
    assert rows(signals) == [
        # 10 + 5 (GM0901) + 1 (GM0903 -> GM0901 -> GM0001) = 16
        ("GM0001", "drugs", 16, ["GM0001", "GM0901", "GM0903"], [2, 3, 4]),
        # ' GM0002 ', ' Explosieven ', ' 3 ' trimmed, lower-cased: explosives
        ("GM0002", "explosives", 3, ["GM0002"], [5]),
        # GM0902 drugs 2: 0.5 / 1.5 -> floors 0 + 1 = 1, the one left goes to the tie
        # (0.5 = 0.5) with the lower code GM0003: 1 and 1
        ("GM0003", "drugs", 1, ["GM0902"], [8]),
        # GM0902 witwassen 7: 1.75 / 5.25 -> floors 1 + 5 = 6, the one left to the larger
        # remainder 0.75 (GM0003): 2 and 5
        ("GM0003", "money_laundering", 2, ["GM0902"], [6]),
        ("GM0003", "other", 2, ["GM0003"], [9]),
        ("GM0004", "drugs", 1, ["GM0902"], [8]),
        ("GM0004", "money_laundering", 9, ["GM0004", "GM0902"], [6, 7]),  # 5 + 4
    ]


def test_no_tip_lost_or_invented(signals):
    # delivered 10 + 5 + 1 + 3 + 7 + 4 + 2 + 2 = 34; no old code left
    assert signals.execute(
        "select sum(tips), count(*) filter (where municipality_code like 'GM09%'), "
        "min(source_file), max(source_file) from staging.stg_signals__tips where year = 2024"
    ).fetchall() == [(34, 0, "mma_2024.csv", "mma_2024.csv")]


def test_unknown_theme_is_not_staged(warehouse):
    load_raw(
        warehouse,
        "signals",
        2024,
        [("2024", "GM0001", "DRUGS", "1"), ("2024", "GM0001", "mensenhandel", "2")],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select municipality_code, theme, tips from staging.stg_signals__tips"
    ).fetchall() == [("GM0001", "drugs", 1)]


def test_idempotent_and_years_apart(signals):
    assert rows(signals, 2023) == [("GM0002", "drugs", 8, ["GM0002"], [2])]
    assert_idempotent(signals, NAME, TABLE, {"first_year": 2024, "last_year": 2024})
    assert_idempotent(signals, NAME, TABLE, {"first_year": 2023, "last_year": 2023})
    assert signals.execute(
        "select year, sum(tips) from staging.stg_signals__tips group by 1 order by 1"
    ).fetchall() == [(2023, 8), (2024, 34)]
