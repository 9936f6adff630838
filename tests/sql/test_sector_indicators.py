"""sql/indicators/sector_indicators.sql on the fixture warehouse (numbers in fixture_rows.py)."""

from __future__ import annotations

import pytest

from pipeline.domain.statistics.uncertainty import poisson_interval
from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent
from .runners import stage_new_source

NAME = "indicators/sector_indicators"
PARAMS = {"first_year": 2024, "last_year": 2024, "confidence_level": 0.95}


@pytest.fixture
def sectors(built):
    stage_new_source(built, "establishments")
    run_in_transaction(built, NAME, PARAMS)
    return built


def test_every_region_has_every_sector_and_sectors_without_a_source_are_gaps(sectors):
    rows = sectors.execute(
        "select region_level, sector_code, has_source, suspicious_transactions "
        "from indicators.sector_indicators where year = 2024 and region_code = 'NL01' order by 2"
    ).fetchall()
    # Fixture sectors: financial services (banks), real estate (notaries) and logistics, which
    # no FIU reporting group belongs to: a gap with null counts, not zero.
    assert [(sector, has) for _, sector, has, _ in rows] == [
        ("financial_services", True),
        ("logistics", False),
        ("real_estate", True),
    ]
    assert [count for _, sector, _, count in rows if sector == "logistics"] == [None]
    counts = dict(
        sectors.execute(
            "select sector_code, sum(suspicious_transactions) from indicators.financial_indicators "
            "where year = 2024 and region_level = 'national' group by 1"
        ).fetchall()
    )
    assert {sector: count for _, sector, has, count in rows if has} == counts


def test_per_1000_establishments_with_its_interval(sectors):
    rows = sectors.execute(
        "select s.suspicious_transactions, s.establishments, s.suspicious_per_1000_establishments, "
        "s.suspicious_per_1000_lower, s.suspicious_per_1000_upper "
        "from indicators.sector_indicators as s where year = 2024 and establishments > 0"
    ).fetchall()
    assert rows
    for count, establishments, rate, low, high in rows:
        assert rate == pytest.approx(count * 1000 / establishments)
        [expected_low], [expected_high] = poisson_interval([count])
        assert (low, high) == pytest.approx(
            (expected_low * 1000 / establishments, expected_high * 1000 / establishments)
        )
    # The establishments of a sector are those of its SBI sections (financial services: K).
    national_k = sectors.execute(
        "select sum(establishments) from staging.stg_establishments__establishments "
        "where year = 2024 and sbi_section = 'K'"
    ).fetchall()[0][0]
    assert sectors.execute(
        "select establishments from indicators.sector_indicators "
        "where year = 2024 and region_code = 'NL01' and sector_code = 'financial_services'"
    ).fetchall() == [(national_k,)]


def test_idempotent(sectors):
    assert_idempotent(sectors, NAME, "indicators.sector_indicators", PARAMS)
