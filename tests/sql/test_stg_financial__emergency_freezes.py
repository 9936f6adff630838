"""sql/staging/stg_financial__emergency_freezes.sql."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent
from .raw_loaders import load_without_file
from .runners import stage_new_source

NAME = "staging/stg_financial__emergency_freezes"
TABLE = "staging.stg_financial__emergency_freezes"


@pytest.fixture
def freezes(warehouse):
    """fixture_rows.EMERGENCY_FREEZES_2023 and EMERGENCY_FREEZES_2024 loaded and staged."""
    return stage_new_source(warehouse, "emergency_freezes")


def rows(conn, year=2024):
    return conn.execute(
        "select case_id, frozen_on, municipality_code, reporting_sector_code, frozen_amount_eur, "
        "source_row from staging.stg_financial__emergency_freezes where year = ? order by case_id",
        [year],
    ).fetchall()


def test_typed_trimmed_and_2025_division(freezes):
    assert rows(freezes) == [
        ("SB2024-0001", dt.date(2024, 1, 4), "GM0001", "banken", 109380, 3),
        # GM0902 split 0.25 / 0.75: the case goes whole to GM0004 (0.75 > 0.25)
        ("SB2024-0002", dt.date(2024, 5, 1), "GM0004", "banken", 15049, 2),
        # padded fields trimmed; GM0903 -> GM0901 -> GM0001 (chain)
        ("SB2024-0003", dt.date(2024, 12, 31), "GM0001", "notarissen", 250, 4),
    ]
    # 109380 + 15049 + 250 = 124679
    assert freezes.execute(
        "select sum(frozen_amount_eur), typeof(sum(frozen_amount_eur)) "
        "from staging.stg_financial__emergency_freezes where year = 2024"
    ).fetchall() == [(124679, "HUGEINT")]


def test_idempotent_and_years_apart(freezes):
    assert rows(freezes, 2023) == [
        ("SB2023-0001", dt.date(2023, 11, 11), "GM0002", "banken", 5000, 2)
    ]
    assert_idempotent(freezes, NAME, TABLE, {"first_year": 2024, "last_year": 2024})
    assert_idempotent(freezes, NAME, TABLE, {"first_year": 2023, "last_year": 2023})


def test_year_without_file_stages_nothing_and_leaves_other_years(freezes):
    load_without_file(freezes, "emergency_freezes", 2025)
    run_in_transaction(freezes, NAME, {"first_year": 2025, "last_year": 2025})
    # 2024 loses its file: staging 2024 is emptied too.
    load_without_file(freezes, "emergency_freezes", 2024)
    run_in_transaction(freezes, NAME, {"first_year": 2024, "last_year": 2024})
    assert freezes.execute(
        "select year, count(*) from staging.stg_financial__emergency_freezes group by 1"
    ).fetchall() == [(2023, 1)]
