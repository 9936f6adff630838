"""sql/staging/stg_financial__fiu_transactions.sql."""

from __future__ import annotations

from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent
from .raw_loaders import load_raw

NAME = "staging/stg_financial__fiu_transactions"
TABLE = "staging.stg_financial__fiu_transactions"


def test_typed_and_trimmed(staged):
    assert staged.execute(
        "select municipality_code, reporting_sector_code, unusual_transactions, "
        "suspicious_transactions, suspicious_amount_eur, source_rows "
        "from staging.stg_financial__fiu_transactions where year = 2024 order by all"
    ).fetchall() == [
        ("GM0001", "banken", 100, 10, 50000, [2]),
        ("GM0002", "banken", 5, 1, 300, [3]),  # ' GM0002 ', ' banken ', ' 5 ' ... trimmed
        ("GM0004", "notarissen", 20, 2, 1000000, [4]),
    ]
    # 2023 had no FIU delivery rows.
    assert staged.execute(
        "select count(*) from staging.stg_financial__fiu_transactions where year = 2023"
    ).fetchone() == (0,)


def test_idempotent(staged):
    assert_idempotent(staged, NAME, TABLE, {"first_year": 2024, "last_year": 2024})
    assert_idempotent(staged, NAME, TABLE, {"first_year": 2023, "last_year": 2023})


def test_split_municipality_keeps_every_measure_whole(warehouse):
    # GM0902 split 25% / 75% over GM0003 and GM0004; GM0901 merged into GM0001.
    load_raw(
        warehouse,
        "financial",
        2024,
        [
            ("2024", "GM0902", "banken", "10", "3", "1001"),
            ("2024", "GM0901", "banken", "5", "1", "20"),
            ("2024", "GM0001", "banken", "1", "0", "7"),
        ],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select municipality_code, unusual_transactions, suspicious_transactions, "
        "suspicious_amount_eur, delivered_codes from staging.stg_financial__fiu_transactions "
        "order by all"
    ).fetchall() == [
        ("GM0001", 6, 1, 27, ["GM0001", "GM0901"]),
        # 10: 2.5 / 7.5 -> 2 + 7 = 9, one left for the tie (0.5 = 0.5) to the lower code GM0003
        # 3: 0.75 / 2.25 -> 0 + 2, one left to the larger remainder 0.75 (GM0003)
        # 1001: 250.25 / 750.75 -> 250 + 750, one left to 0.75 (GM0004)
        ("GM0003", 3, 1, 250, ["GM0902"]),
        ("GM0004", 7, 2, 751, ["GM0902"]),
    ]
