"""The sector, impact and policy indicators of the latest demo year, checked against
independent SQL on the warehouse: sectors without a source, phenomena by sector, the sector
threat index, impact in euros and policy effects.

The session fixture ``demo_build`` materialises 2024 and then 2025 into one warehouse.
"""

from __future__ import annotations

import pytest

from tests.conftest import LATEST_DEMO_YEAR, Workspace

YEAR = LATEST_DEMO_YEAR


def test_sector_indicators_mark_sectors_without_a_source(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        national = conn.execute(
            "select sector_code, has_source, suspicious_per_1000_establishments "
            "from indicators.sector_indicators "
            "where year = ? and region_level = 'national' order by 1",
            [YEAR],
        ).fetchall()
    assert len(national) == 10
    without = {sector for sector, has_source, _ in national if not has_source}
    # No FIU-Nederland reporting group belongs to these: a gap, not zero.
    assert without == {
        "agriculture_rural",
        "hospitality",
        "logistics",
        "public_administration",
        "recreation_parks",
    }
    assert all(rate is None for sector, _, rate in national if sector in without)
    assert all(rate > 0 for sector, _, rate in national if sector not in without)


def test_phenomenon_by_sector_cells_equal_staging(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        cell = conn.execute(
            "select event_count from indicators.phenomenon_sector_indicators where year = ? "
            "and region_level = 'national' and phenomenon_code = 'drug_production' "
            "and sector_code = 'agriculture_rural' and source = 'drug_sites'",
            [YEAR],
        ).fetchall()
        staged = conn.execute(
            "select count(*) from staging.stg_drug_sites__sites where year = ? "
            "and setting = 'rural' and site_type in ('dump', 'grow', 'production')",
            [YEAR],
        ).fetchall()
        laundering = conn.execute(
            "select event_count from indicators.phenomenon_sector_indicators where year = ? "
            "and region_level = 'national' and phenomenon_code = 'money_laundering' "
            "and sector_code = 'financial_services' and source = 'fiu_suspicious'",
            [YEAR],
        ).fetchall()
        fiu = conn.execute(
            "select sum(suspicious_transactions) from staging.stg_financial__fiu_transactions "
            "where year = ? and reporting_sector_code in "
            "('banken', 'betaaldienstverleners', 'trustkantoren')",
            [YEAR],
        ).fetchall()
        uncovered = conn.execute(
            "select count(*), count(*) filter (where event_count is null and is_intelligence_gap) "
            "from indicators.phenomenon_sector_indicators where year = ? and source is null",
            [YEAR],
        ).fetchall()
    assert cell == staged and cell[0][0] > 0
    assert laundering == fiu
    assert uncovered[0][0] > 0 and uncovered[0][0] == uncovered[0][1]


def test_impact_in_euros_is_quantity_times_the_sourced_unit_value(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        cocaine = conn.execute(
            "select quantity, impact_eur, impact_low_eur, impact_high_eur, unit_value_basis "
            "from indicators.impact_indicators where year = ? and region_level = 'national' "
            "and component = 'seizure_street_value' and item = 'cocaine'",
            [YEAR],
        ).fetchall()
        kilograms = conn.execute(
            "select sum(weight_kg) from staging.stg_seizures__seizures "
            "where year = ? and drug = 'cocaine'",
            [YEAR],
        ).fetchall()[0][0]
        unpriced = conn.execute(
            "select count(*) from indicators.impact_indicators where year = ? "
            "and unit_value_basis = 'none' and impact_eur is not null",
            [YEAR],
        ).fetchall()
    [(quantity, euros, low, high, basis)] = cocaine
    assert quantity == pytest.approx(float(kilograms))
    assert (euros, low, high) == pytest.approx(
        (quantity * 50000, quantity * 40000, quantity * 75000)
    )
    assert basis == "sourced"
    assert unpriced == [(0,)]


def test_policy_effects_need_years_before_the_start(demo_build: Workspace) -> None:
    # The demo build holds 2024 and 2025; the synthetic programme starts in 2022, so there is
    # no year before the start to compare with: no estimate, but the rates after are there.
    with demo_build.connect() as conn:
        rows = conn.execute(
            "select outcome, treated_municipalities, rate_ratio, treated_rate_after, "
            "is_synthetic_selection from indicators.policy_effects where year = ? order by 1",
            [YEAR],
        ).fetchall()
    assert len(rows) == 8  # 7 phenomena with registered crimes + all crimes; all tips
    assert {treated for _, treated, *_ in rows} == {27}
    assert all(ratio is None and after > 0 and synthetic for _, _, ratio, after, synthetic in rows)


def test_sector_threat_index_leaves_unmeasured_sectors_unranked(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        rows = conn.execute(
            "select sector_code, index_rank, indicators_used, rank_min, rank_max, index_value "
            "from indicators.sector_threat_index where year = ? order by 1",
            [YEAR],
        ).fetchall()
    assert len(rows) == 10
    unranked = {sector for sector, rank, *_ in rows if rank is None}
    assert unranked == {sector for sector, _, used, *_ in rows if used == 0}
    assert unranked == {"hospitality", "public_administration", "recreation_parks"}
    values = {sector: value for sector, _, _, _, _, value in rows if value is not None}
    assert len(values) == 7
    for sector, rank, _, low, high, value in rows:
        if rank is not None:
            # Rank 1 is the highest index; ties share the best rank.
            assert rank == 1 + sum(other > value for other in values.values()), sector
            assert low <= rank <= high
