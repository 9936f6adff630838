"""Every sql/report/ query on the demo build: it runs, and its figures agree with the marts and
staging they are made from."""

from __future__ import annotations

import pytest

from pipeline.domain.publishing.report_data import STATIC_DATASETS, YEARLY_DATASETS
from pipeline.plumbing.sql_runner import SQL_DIR, query_frame
from tests.conftest import LATEST_DEMO_YEAR, Workspace

YEAR = LATEST_DEMO_YEAR


def frame(workspace: Workspace, name: str):
    params = {} if name in STATIC_DATASETS else {"year": YEAR}
    with workspace.connect(prepared=True) as conn:
        return query_frame(conn, f"report/{name}", params)


def test_every_report_query_is_read_by_the_report_and_returns_rows(demo_build: Workspace) -> None:
    files = sorted(p.stem for p in (SQL_DIR / "report").glob("*.sql"))
    assert files == sorted((*YEARLY_DATASETS, *STATIC_DATASETS))
    # The demo loads no quarantined rows and its years are all provisional-free but the last.
    may_be_empty = {"quarantine"}
    empty = [
        name for name in files if name not in may_be_empty and frame(demo_build, name).is_empty()
    ]
    assert empty == []


def test_priorities_agree_with_the_indicators(demo_build: Workspace) -> None:
    rows = frame(demo_build, "priorities")
    with demo_build.connect(prepared=True) as conn:
        crimes = dict(
            conn.execute(
                "select phenomenon_code, event_count from indicators.phenomenon_indicators "
                "where year = ? and region_level = 'national' and source = 'incidents'",
                [YEAR],
            ).fetchall()
        )
    measured = rows.filter(rows["source"] == "incidents")
    assert dict(zip(measured["phenomenon_code"], measured["event_count"], strict=True)) == crimes
    # Ordered by harm; the phenomenon no source covers comes last, as a gap.
    harm = rows["harm_score"].drop_nulls().to_list()
    assert harm == sorted(harm, reverse=True)
    assert rows["is_gap"].to_list()[-1] is True
    assert rows["harm_share"].drop_nulls().sum() == pytest.approx(1.0)


def test_flows_and_tips_add_up_to_staging(demo_build: Workspace) -> None:
    flows = frame(demo_build, "seizure_flows")
    tips = frame(demo_build, "signals")
    with demo_build.connect(prepared=True) as conn:
        kilograms, seizures = conn.execute(
            "select sum(weight_kg), count(*) from staging.stg_seizures__seizures where year = ?",
            [YEAR],
        ).fetchall()[0]
        staged_tips = conn.execute(
            "select sum(tips) from staging.stg_signals__tips where year = ?", [YEAR]
        ).fetchall()[0][0]
    assert flows["weight_kg"].sum() == pytest.approx(float(kilograms))
    assert flows["seizures"].sum() == seizures
    assert tips["tips"].sum() == staged_tips
    assert tips.height == 10


def test_regions_show_crime_figures_only_where_disclosure_allows(demo_build: Workspace) -> None:
    regions = frame(demo_build, "regions")
    provinces = regions.filter(regions["region_level"] == "province")
    riec = regions.filter(regions["region_level"] == "riec_region")
    assert provinces.height == 12 and riec.height == 10
    assert provinces["registered_crimes"].null_count() == 12
    assert provinces["threat_index"].null_count() == 0
    with demo_build.connect(prepared=True) as conn:
        hidden = conn.execute(
            "select count(distinct region_code) from indicators.published_region_counts "
            "where year = ? and region_level = 'riec_region' and registered_crimes is null",
            [YEAR],
        ).fetchall()[0][0]
    assert riec["registered_crimes"].null_count() == hidden


def test_impact_and_financial_agree_with_the_marts(demo_build: Workspace) -> None:
    financial = frame(demo_build, "financial")
    impact = frame(demo_build, "impact")
    with demo_build.connect(prepared=True) as conn:
        suspicious, amount = conn.execute(
            "select sum(suspicious_transactions), sum(suspicious_amount_eur) "
            "from indicators.financial_indicators where year = ? and region_level = 'national'",
            [YEAR],
        ).fetchall()[0]
    assert financial["suspicious_transactions"].sum() == suspicious
    reported = impact.filter(impact["component"] == "suspicious_transactions_amount")
    assert reported["impact_eur"].to_list() == [pytest.approx(float(amount))]
