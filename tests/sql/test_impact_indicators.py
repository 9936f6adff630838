"""sql/indicators/impact_indicators.sql on the fixture year 2024 (numbers in fixture_rows.py)."""

from __future__ import annotations

import pytest

from pipeline.domain.statistics.uncertainty import poisson_interval
from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent
from .runners import stage_new_source

NAME = "indicators/impact_indicators"
PARAMS = {"first_year": 2024, "last_year": 2024, "confidence_level": 0.95}


@pytest.fixture
def impact(built):
    for source in ("seizures", "seized_assets", "emergency_freezes"):
        stage_new_source(built, source)
    run_in_transaction(built, NAME, PARAMS)
    return built


def cell(conn, component, item, level="national", code="NL01"):
    rows = conn.execute(
        "select phenomenon_code, quantity, unit_value_eur, unit_value_basis, impact_eur, "
        "impact_low_eur, impact_high_eur from indicators.impact_indicators where year = 2024 "
        "and region_level = ? and region_code = ? and component = ? and item = ?",
        [level, code, component, item],
    ).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def test_seized_kilograms_at_street_value(impact):
    # Cocaine: 1250.5 (GM0004) + 3000.0 (GM0902, sent whole to GM0004) + 7 (GM0903 -> GM0001).
    kg = 1250.5 + 3000.0 + 7.0
    assert cell(impact, "seizure_street_value", "cocaine") == pytest.approx(
        ("drug_trafficking", kg, 50000.0, "sourced", kg * 50000, kg * 40000, kg * 75000)
    )
    assert cell(impact, "seizure_street_value", "cocaine", "municipality", "GM0004")[1] == (
        pytest.approx(4250.5)
    )


def test_an_item_without_a_unit_value_keeps_its_quantity_and_has_no_euros(impact):
    # 0.1 kg of synthetic drugs (a row with basis 'none'); heroin has no unit-value row at all.
    assert cell(impact, "seizure_street_value", "synthetic") == pytest.approx(
        ("drug_trafficking", 0.1, None, "none", None, None, None)
    )
    assert cell(impact, "seizure_street_value", "heroin") == pytest.approx(
        ("drug_trafficking", 12.3, None, "none", None, None, None)
    )


def test_sites_times_cost_with_the_counts_poisson_interval(impact):
    [low], [high] = poisson_interval([1])
    assert cell(impact, "site_clean_up", "dump") == pytest.approx(
        ("drug_production", 1.0, 8500.0, "derived", 8500.0, low * 4000, high * 25000)
    )
    # A region without dumps: an explicit zero with a positive upper bound.
    [zero_high] = poisson_interval([0])[1]
    assert cell(impact, "site_clean_up", "dump", "municipality", "GM0004") == pytest.approx(
        ("drug_production", 0.0, 8500.0, "derived", 0.0, 0.0, zero_high * 25000)
    )


def test_reported_amounts_are_taken_as_they_are(impact):
    assert cell(impact, "suspicious_transactions_amount", "all") == pytest.approx(
        ("money_laundering", 1050300.0, 1.0, "reported", 1050300.0, 1050300.0, 1050300.0)
    )
    # Seized money is proceeds of crime, not of one phenomenon: 15 000 + 5 000 (GM0901).
    assert cell(impact, "seized_assets_value", "cash") == pytest.approx(
        (None, 20000.0, 1.0, "reported", 20000.0, 20000.0, 20000.0)
    )


def test_regions_add_up(impact):
    levels = impact.execute(
        "select component, item, region_level, sum(quantity), sum(impact_eur) "
        "from indicators.impact_indicators where year = 2024 group by all order by all"
    ).fetchall()
    totals: dict[tuple[str, str], dict[str, tuple]] = {}
    for component, item, level, quantity, euros in levels:
        totals.setdefault((component, item), {})[level] = (quantity, euros)
    # 2 money amounts + 3 asset types + 4 drugs + 3 site types, each on all four levels.
    assert len(totals) == 12
    for per_level in totals.values():
        assert set(per_level) == {"municipality", "riec_region", "province", "national"}
        national = per_level["national"]
        for quantity, euros in per_level.values():
            assert quantity == pytest.approx(national[0])
            assert euros == (None if national[1] is None else pytest.approx(national[1]))


def test_idempotent(impact):
    assert_idempotent(impact, NAME, "indicators.impact_indicators", PARAMS)
