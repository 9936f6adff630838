"""sql/indicators/phenomenon_sector_indicators.sql on the fixture year 2024 (numbers in
fixture_rows.py)."""

from __future__ import annotations

import pytest

from pipeline.domain.statistics.uncertainty import poisson_interval

from .idempotence import assert_idempotent

NAME = "indicators/phenomenon_sector_indicators"
PARAMS = {
    "first_year": 2024,
    "last_year": 2024,
    "confidence_level": 0.95,
    "gap_max_upper_ratio": 2.0,
}


def national(conn, phenomenon, sector):
    return conn.execute(
        "select source, event_count, amount_eur, weight_kg, gap_reason "
        "from indicators.phenomenon_sector_indicators where year = 2024 "
        "and region_level = 'national' and phenomenon_code = ? and sector_code = ? order by 1",
        [phenomenon, sector],
    ).fetchall()


def test_every_cell_of_every_region_has_a_row(cross):
    # 6 phenomena x 3 sectors = 18 cells; drug trafficking x logistics has two sources (drug
    # sites on industrial estates, customs seizures) and money laundering x each of the two
    # reporting sectors has two (suspicious transactions, emergency freezes): 21 rows a region.
    assert cross.execute(
        "select region_level, count(*) from indicators.phenomenon_sector_indicators "
        "where year = 2024 group by 1 order by 1"
    ).fetchall() == [("municipality", 84), ("national", 21), ("province", 42), ("riec_region", 42)]


def test_a_cell_no_source_covers_is_a_gap_not_zero(cross):
    assert national(cross, "fraud", "logistics") == [(None, None, None, None, "no_source")]
    assert national(cross, "money_laundering", "logistics") == [
        (None, None, None, None, "no_source")
    ]


def test_hand_counted_cells(cross):
    # Suspicious transactions of banks: 10 + 1, EUR 50 000 + 300. Freezes via banks: GM0001 and
    # the GM0902 record (sent whole to GM0004). Notaries: 2 transactions, one freeze of 250.
    assert national(cross, "money_laundering", "financial_services") == [
        ("emergency_freezes", 2, 109380 + 15049, None, "thin"),
        ("fiu_suspicious", 11, 50300, None, None),
    ]
    assert national(cross, "money_laundering", "real_estate") == [
        ("emergency_freezes", 1, 250, None, "thin"),
        ("fiu_suspicious", 2, 1000000, None, "thin"),
    ]
    # Drug sites: the rural dump and the residential grow site are real estate / drug
    # production; the storage site on an industrial estate is logistics / drug trafficking.
    assert national(cross, "drug_production", "real_estate") == [
        ("drug_sites", 2, None, None, "thin")
    ]
    [sites, seizures] = national(cross, "drug_trafficking", "logistics")
    assert sites == ("drug_sites", 1, None, None, "thin")
    staged = cross.execute(
        "select count(*), sum(weight_kg) from staging.stg_seizures__seizures where year = 2024"
    ).fetchall()[0]
    assert seizures[:2] == ("seizures", staged[0])
    assert seizures[3] == pytest.approx(float(staged[1]))
    # A covered cell without events is an explicit zero (and thin).
    assert national(cross, "drug_trafficking", "real_estate") == [
        ("drug_sites", 0, None, None, "thin")
    ]


def test_per_1000_establishments_with_its_interval(cross):
    # Financial services (SBI K) nationally: 100 + 30 + 9 = 139 establishments.
    rows = cross.execute(
        "select event_count, establishments, per_1000_establishments, per_1000_lower, "
        "per_1000_upper from indicators.phenomenon_sector_indicators where year = 2024 "
        "and region_level = 'national' and sector_code = 'financial_services' "
        "and source = 'fiu_suspicious'"
    ).fetchall()
    [low], [high] = poisson_interval([11])
    assert rows == [
        (
            11,
            139,
            pytest.approx(11 * 1000 / 139),
            pytest.approx(low * 1000 / 139),
            pytest.approx(high * 1000 / 139),
        )
    ]


def test_regions_add_up(cross):
    assert cross.execute(
        "select count(*) from ("
        " select phenomenon_code, sector_code, source, region_level, sum(event_count) as n "
        " from indicators.phenomenon_sector_indicators where year = 2024 and source is not null "
        " group by all) "
        "pivot (any_value(n) for region_level in ('municipality', 'riec_region', 'province', "
        "'national')) where municipality <> national or riec_region <> national "
        "or province <> national"
    ).fetchall() == [(0,)]


def test_idempotent(cross):
    assert_idempotent(cross, NAME, "indicators.phenomenon_sector_indicators", PARAMS)
