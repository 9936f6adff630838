"""sql/staging/stg_financial__fiu_transactions.sql."""

from __future__ import annotations

from .helpers import assert_idempotent

NAME = "staging/stg_financial__fiu_transactions"
TABLE = "staging.stg_financial__fiu_transactions"


def test_typed_and_trimmed(staged):
    assert staged.execute(
        "select municipality_code, reporting_sector_code, unusual_transactions, "
        "suspicious_transactions, suspicious_amount_eur, source_row "
        "from staging.stg_financial__fiu_transactions where year = 2024 order by all"
    ).fetchall() == [
        ("GM0001", "banken", 100, 10, 50000, 2),
        ("GM0002", "banken", 5, 1, 300, 3),  # ' GM0002 ', ' banken ', ' 5 ' ... trimmed
        ("GM0004", "notarissen", 20, 2, 1000000, 4),
    ]
    # 2023 had no FIU delivery rows.
    assert staged.execute(
        "select count(*) from staging.stg_financial__fiu_transactions where year = 2023"
    ).fetchone() == (0,)


def test_idempotent(staged):
    assert_idempotent(staged, NAME, TABLE, {"year": 2024})
    assert_idempotent(staged, NAME, TABLE, {"year": 2023})
