"""sql/indicators/financial_indicators.sql on the fixture year 2024."""

from __future__ import annotations

import pytest

from .idempotence import assert_idempotent

NAME = "indicators/financial_indicators"
TABLE = "indicators.financial_indicators"


def row(conn, level, code, sector, year=2024):
    rows = conn.execute(
        "select sector_code, unusual_transactions, suspicious_transactions, "
        "suspicious_amount_eur, "
        "population, suspicious_per_100k from indicators.financial_indicators "
        "where year = ? and region_level = ? and region_code = ? and reporting_sector_code = ?",
        [year, level, code, sector],
    ).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def test_row_counts(built):
    # 9 regions x 2 reporting sectors
    assert built.execute(
        "select region_level, count(*) from indicators.financial_indicators "
        "where year = 2024 group by 1 order by 1"
    ).fetchall() == [("municipality", 8), ("national", 2), ("province", 4), ("riec_region", 4)]


def test_figures_and_rollups(built):
    # GM0001 banken: 10 * 100000 / 50000 = 20.0 suspicious per 100k
    assert row(built, "municipality", "GM0001", "banken") == (
        "financial_services",
        100,
        10,
        50000,
        50000,
        20.0,
    )
    # explicit zero: GM0003 had no FIU rows
    assert row(built, "municipality", "GM0003", "notarissen") == (
        "real_estate",
        0,
        0,
        0,
        25000,
        0.0,
    )
    # RIEC01 banken = GM0001 + GM0002: 100 + 5, 10 + 1, 50000 + 300; 11 * 100000 / 150000
    got = row(built, "riec_region", "RIEC01", "banken")
    assert got[:5] == ("financial_services", 105, 11, 50300, 150000)
    assert got[5] == pytest.approx(7.333333333333333)
    # PV02 notarissen = GM0004: 2 * 100000 / 75000 = 2.666..
    assert row(built, "province", "PV02", "notarissen")[:5] == (
        "real_estate",
        20,
        2,
        1000000,
        75000,
    )
    # NL banken: 11 * 100000 / 250000 = 4.4
    assert row(built, "national", "NL01", "banken") == (
        "financial_services",
        105,
        11,
        50300,
        250000,
        4.4,
    )
    # NL notarissen: 2 * 100000 / 250000 = 0.8
    assert row(built, "national", "NL01", "notarissen") == (
        "real_estate",
        20,
        2,
        1000000,
        250000,
        0.8,
    )


def test_year_without_delivery_is_all_zero(built):
    assert built.execute(
        "select sum(unusual_transactions), sum(suspicious_transactions), count(*) "
        "from indicators.financial_indicators "
        "where year = 2023"
    ).fetchone() == (0, 0, 18)


def test_idempotent_and_years_apart(built):
    assert_idempotent(built, NAME, TABLE, {"first_year": 2024, "last_year": 2024})
    assert_idempotent(built, NAME, TABLE, {"first_year": 2023, "last_year": 2023})
