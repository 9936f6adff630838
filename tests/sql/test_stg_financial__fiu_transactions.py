"""sql/staging/stg_financial__fiu_transactions.sql."""

from __future__ import annotations

from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent
from .raw_loaders import load_raw, load_without_file

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
    load_without_file(warehouse, "unusual_transactions", 2024)
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


def test_a_year_delivered_as_records_is_counted_from_them(warehouse):
    # The aggregate file says otherwise for 2024; the records win. GM0902 split 25% / 75%.
    load_raw(warehouse, "financial", 2024, [("2024", "GM0001", "banken", "999", "99", "9")])
    load_raw(
        warehouse,
        "unusual_transactions",
        2024,
        [
            ("UT1", "2024-01-02", " banken ", " GM0001 ", "10.25", "1"),
            ("UT2", "2024-01-03", "banken", "GM0001", "0.50", "1"),
            ("UT3", "2024-01-04", "banken", "GM0001", "100.00", "0"),
            ("UT4", "2024-02-01", "notarissen", "GM0902", "7.00", "0"),
            ("UT5", "2024-02-02", "notarissen", "GM0902", "7.00", "0"),
            ("UT6", "2024-02-03", "notarissen", "GM0902", "7.00", "0"),
            ("UT7", "2024-02-04", "notarissen", "GM0902", "7.00", "0"),
        ],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select municipality_code, reporting_sector_code, unusual_transactions, "
        "suspicious_transactions, suspicious_amount_eur, source_file, source_rows "
        "from staging.stg_financial__fiu_transactions order by all"
    ).fetchall() == [
        # 10.25 + 0.50 suspicious = 10.75 -> 11 euros; the 100.00 is not suspicious
        ("GM0001", "banken", 3, 2, 11, "ongebruikelijke_transacties_2024.csv", [2]),
        # four records of GM0902: 1 and 3 to its successors
        ("GM0003", "notarissen", 1, 0, 0, "ongebruikelijke_transacties_2024.csv", [5]),
        ("GM0004", "notarissen", 3, 0, 0, "ongebruikelijke_transacties_2024.csv", [5]),
    ]


def test_a_year_without_records_keeps_its_aggregates(warehouse):
    load_raw(warehouse, "financial", 2024, [("2024", "GM0001", "banken", "5", "1", "9")])
    load_raw(
        warehouse,
        "unusual_transactions",
        2023,
        [("UT1", "2023-01-02", "banken", "GM0001", "1.00", "1")],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2023, "last_year": 2024})
    assert warehouse.execute(
        "select year, unusual_transactions, suspicious_amount_eur "
        "from staging.stg_financial__fiu_transactions order by all"
    ).fetchall() == [(2023, 1, 1), (2024, 5, 9)]
