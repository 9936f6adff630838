"""sql/staging/stg_drug_sites__sites.sql."""

from __future__ import annotations

import datetime as dt

from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent
from .raw_loaders import load_raw

NAME = "staging/stg_drug_sites__sites"
TABLE = "staging.stg_drug_sites__sites"


def test_dutch_type_to_english_code_trimmed_lowercased(staged):
    got = staged.execute(
        "select registration_id, found_on, municipality_code, site_type, drug, setting, "
        "source_row "
        "from staging.stg_drug_sites__sites where year = 2024 order by registration_id"
    ).fetchall()
    assert got == [
        ("DL2024-001", dt.date(2024, 1, 15), "GM0001", "dump", "synthetic", "rural", 3),
        # ' Kwekerij ' -> grow; ' CANNABIS ' -> cannabis; ' Woonwijk ' -> residential; padded
        # id and date trimmed
        ("DL2024-002", dt.date(2024, 2, 1), "GM0001", "grow", "cannabis", "residential", 4),
        ("DL2024-003", dt.date(2024, 3, 1), "GM0004", "storage", "cocaine", "industrial", 2),
    ]


def test_unknown_type_is_not_staged(warehouse):
    load_raw(
        warehouse,
        "drug_sites",
        2024,
        [
            ("A", "2024-01-01", "GM0001", "OPSLAG", "cocaine", "woonwijk"),
            ("B", "2024-01-01", "GM0001", "onbekend", "cocaine", "woonwijk"),
            # an unknown drug or setting is not staged either (the raw check rejects both)
            ("C", "2024-01-01", "GM0001", "opslag", "xtc", "woonwijk"),
            ("D", "2024-01-01", "GM0001", "opslag", "cocaine", "haven"),
        ],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select registration_id, site_type from staging.stg_drug_sites__sites"
    ).fetchall() == [("A", "storage")]


def test_idempotent_and_years_apart(staged):
    load_raw(
        staged,
        "drug_sites",
        2023,
        [("DL2023-1", "2023-05-05", "GM0002", "dumping", "synthetisch", "buitengebied")],
    )
    run_in_transaction(staged, NAME, {"first_year": 2023, "last_year": 2023})
    assert_idempotent(staged, NAME, TABLE, {"first_year": 2024, "last_year": 2024})
    assert staged.execute(
        "select year, count(*) from staging.stg_drug_sites__sites group by 1 order by 1"
    ).fetchall() == [
        (2023, 1),
        (2024, 3),
    ]
    assert_idempotent(staged, NAME, TABLE, {"first_year": 2023, "last_year": 2023})


def test_old_codes_go_to_the_successor_with_the_largest_share(warehouse):
    load_raw(
        warehouse,
        "drug_sites",
        2024,
        [
            ("DL1", "2024-03-01", "GM0902", "dumping", "synthetisch", "buitengebied"),
            ("DL2", "2024-03-02", "GM0903", "opslag", "cocaine", "bedrijventerrein"),
        ],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select registration_id, municipality_code from staging.stg_drug_sites__sites order by 1"
    ).fetchall() == [("DL1", "GM0004"), ("DL2", "GM0001")]  # 0.75 > 0.25; GM0903 -> GM0001
