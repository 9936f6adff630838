"""sql/staging/stg_establishments__establishments.sql."""

from __future__ import annotations

import pytest

from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent
from .raw_loaders import load_raw
from .runners import stage_new_source

NAME = "staging/stg_establishments__establishments"
TABLE = "staging.stg_establishments__establishments"


@pytest.fixture
def establishments(warehouse):
    """fixture_rows.ESTABLISHMENTS_2023 and ESTABLISHMENTS_2024 loaded and staged."""
    return stage_new_source(warehouse, "establishments")


def rows(conn, year=2024):
    return conn.execute(
        "select municipality_code, sbi_section, establishments, delivered_codes, source_rows "
        "from staging.stg_establishments__establishments where year = ? order by all",
        [year],
    ).fetchall()


def test_sections_without_total_suppressed_zero_and_2025_division(establishments):
    assert rows(establishments) == [
        # the total T001081 (row 2) and NL01 (row 10) are left out
        ("GM0001", "A", 20, ["GM0001"], [3]),
        ("GM0001", "K", 100, ["GM0001"], [4]),
        ("GM0001", "L", 10, ["GM0001", "GM0901"], [7, 8]),  # 4 + 6 (GM0901 merged)
        ("GM0002", "A", 0, ["GM0002"], [5]),  # '.' counts 0
        ("GM0002", "K", 30, ["GM0002"], [6]),  # 'K  ', ' GM0002 ', ' 30 ' trimmed
        # GM0902 K 9: 2.25 / 6.75 -> floors 2 + 6 = 8, the one left to the larger remainder
        # 0.75 (GM0004): 2 and 7
        ("GM0003", "K", 2, ["GM0902"], [9]),
        ("GM0004", "K", 7, ["GM0902"], [9]),
    ]


def test_no_establishment_lost_or_invented(establishments):
    # sections delivered: 20 + 100 + 0 + 30 + 6 + 4 + 9 = 169 (the total 124 and NL01 999 not)
    assert establishments.execute(
        "select sum(establishments), count(*) filter (where sbi_section = 'T001081'), "
        "count(*) filter (where municipality_code not like 'GM000%'), min(source_file) "
        "from staging.stg_establishments__establishments where year = 2024"
    ).fetchall() == [(169, 0, 0, "81575NED_2024.csv")]


def test_each_suppression_marker_counts_zero(warehouse):
    load_raw(
        warehouse,
        "establishments",
        2024,
        [
            ("0", "301000", "GM0001", "2024JJ00", "."),
            ("1", "396300", "GM0001", "2024JJ00", " . "),
            ("2", "402000", "GM0001", "2024JJ00", ""),
            ("3", "301000", "GM0002", "2024JJ00", None),
            ("4", "396300", "GM0002", "2024JJ00", "0"),
            ("5", "396300", "GM0902", "2024JJ00", "."),  # a suppressed split cell: 0 in both
            ("6", "T001081", "GM0002", "2024JJ00", "9"),  # the total is no section: left out
        ],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select municipality_code, sbi_section, establishments "
        "from staging.stg_establishments__establishments order by all"
    ).fetchall() == [
        ("GM0001", "A", 0),
        ("GM0001", "K", 0),
        ("GM0001", "L", 0),
        ("GM0002", "A", 0),
        ("GM0002", "K", 0),
        ("GM0003", "K", 0),
        ("GM0004", "K", 0),
    ]


def test_idempotent_and_years_apart(establishments):
    assert rows(establishments, 2023) == [("GM0004", "A", 11, ["GM0004"], [2])]
    assert_idempotent(establishments, NAME, TABLE, {"first_year": 2024, "last_year": 2024})
    assert_idempotent(establishments, NAME, TABLE, {"first_year": 2023, "last_year": 2023})
    assert establishments.execute(
        "select year, sum(establishments) from staging.stg_establishments__establishments "
        "group by 1 order by 1"
    ).fetchall() == [(2023, 11), (2024, 169)]


def test_a_period_marked_provisional_is_kept_as_a_flag(warehouse):
    load_raw(
        warehouse,
        "establishments",
        2024,
        [("0", "301000", "GM0001", "2024JJ00*", "20"), ("1", "396300", "GM0002", "2024JJ00", "30")],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select municipality_code, sbi_section, is_provisional "
        "from staging.stg_establishments__establishments order by 1"
    ).fetchall() == [("GM0001", "A", True), ("GM0002", "K", False)]
