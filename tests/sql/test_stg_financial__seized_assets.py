"""sql/staging/stg_financial__seized_assets.sql."""

from __future__ import annotations

import pytest

from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent
from .raw_loaders import load_raw
from .runners import stage_new_source

NAME = "staging/stg_financial__seized_assets"
TABLE = "staging.stg_financial__seized_assets"


@pytest.fixture
def seized(warehouse):
    """fixture_rows.SEIZED_ASSETS_2023 and SEIZED_ASSETS_2024 loaded and staged."""
    return stage_new_source(warehouse, "seized_assets")


def rows(conn, year=2024):
    return conn.execute(
        "select municipality_code, asset_type, cases, value_eur, delivered_codes, source_rows "
        "from staging.stg_financial__seized_assets where year = ? order by all",
        [year],
    ).fetchall()


def test_english_types_mergers_and_splits(seized):
    assert rows(seized) == [
        ("GM0001", "cash", 5, 20000, ["GM0001", "GM0901"], [2, 3]),  # 3 + 2; 15000 + 5000
        # padded ' Onroerend_Goed ' trimmed and lower-cased: real_estate
        ("GM0002", "real_estate", 1, 450000, ["GM0002"], [4]),
        # GM0902 voertuigen, 5 cases: 1.25 / 3.75 -> floors 1 + 3 = 4, the one left to the larger
        # remainder 0.75 (GM0004): 1 and 4. 10001 euros: 2500.25 / 7500.75 -> 2500 + 7500,
        # the one left to GM0004: 2500 and 7501.
        ("GM0003", "vehicles", 1, 2500, ["GM0902"], [5]),
        # 4 + 2 = 6 cases; 7501 + 3000 = 10501 euros
        ("GM0004", "vehicles", 6, 10501, ["GM0004", "GM0902"], [5, 6]),
    ]


def test_nothing_lost_or_invented(seized):
    # cases 3 + 2 + 1 + 5 + 2 = 13; euros 15000 + 5000 + 450000 + 10001 + 3000 = 483001
    assert seized.execute(
        "select sum(cases), sum(value_eur), min(source_file) "
        "from staging.stg_financial__seized_assets where year = 2024"
    ).fetchall() == [(13, 483001, "om_beslag_2024.csv")]


def test_unknown_asset_type_is_not_staged(warehouse):
    load_raw(
        warehouse,
        "seized_assets",
        2024,
        [("2024", "GM0001", "GELD", "1", "10"), ("2024", "GM0001", "crypto", "2", "20")],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select asset_type, cases, value_eur from staging.stg_financial__seized_assets"
    ).fetchall() == [("cash", 1, 10)]


def test_idempotent_and_years_apart(seized):
    assert rows(seized, 2023) == [("GM0003", "cash", 1, 700, ["GM0003"], [2])]
    assert_idempotent(seized, NAME, TABLE, {"first_year": 2024, "last_year": 2024})
    assert_idempotent(seized, NAME, TABLE, {"first_year": 2023, "last_year": 2023})
    assert seized.execute(
        "select year, sum(cases), sum(value_eur) from staging.stg_financial__seized_assets "
        "group by 1 order by 1"
    ).fetchall() == [(2023, 1, 700), (2024, 13, 483001)]
