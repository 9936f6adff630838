"""The indicators of the latest demo year, checked against independent SQL on the warehouse:
harm rankings and harm under every weight set, the published (disclosure-controlled) counts, the
threat index, trends on last year and tips per region.

The session fixture ``demo_build`` materialises 2024 and then 2025 into one warehouse, so the
year-on-year figures exist.
"""

from __future__ import annotations

import pytest

from tests.conftest import LATEST_DEMO_YEAR, Workspace

YEAR = LATEST_DEMO_YEAR


def test_harm_rankings_cover_every_weight_set_and_match_the_report(demo_build: Workspace) -> None:
    from pipeline.plumbing.sql_runner import query

    with demo_build.connect(prepared=True) as conn:
        per_set = conn.execute(
            "select weight_set, count(*) from indicators.harm_rankings "
            "where year = ? and region_level = 'riec_region' group by 1 order by 1",
            [YEAR],
        ).fetchall()
        ranked = dict(
            conn.execute(
                "select region_code, harm_per_100k from indicators.harm_rankings "
                "where year = ? and region_level = 'riec_region' and weight_set = 'default_v0'",
                [YEAR],
            ).fetchall()
        )
        columns, rows = query(conn, "report/regions", {"year": YEAR})
        intervals = conn.execute(
            "select count(*) from indicators.harm_rankings where year = ? and not ("
            "count_rank_lower <= count_rank_median and count_rank_median <= count_rank_upper "
            "and weight_rank_lower <= weight_rank_median "
            "and weight_rank_median <= weight_rank_upper)",
            [YEAR],
        ).fetchall()
        correlations = conn.execute(
            "select region_level, weight_set_a, weight_set_b, spearman_rho "
            "from indicators.harm_rank_correlations where year = ? order by all",
            [YEAR],
        ).fetchall()
    assert per_set == [
        ("default_v0", 10),
        ("paoli_greenfield_v1", 10),
        ("statutory_maximum_v1", 10),
    ]
    # The report's RIEC table (built with default_v0) shows the same harm per 100,000.
    reported = {
        row[columns.index("region_code")]: row[columns.index("harm_per_100k")]
        for row in rows
        if row[columns.index("region_level")] == "riec_region"
    }
    assert ranked == pytest.approx(reported, rel=1e-9)
    assert intervals == [(0,)]
    # Three sets: three pairs, for the RIEC regions and for the provinces.
    assert [(level, a, b) for level, a, b, _ in correlations] == [
        (level, a, b)
        for level in ("province", "riec_region")
        for a, b in (
            ("default_v0", "paoli_greenfield_v1"),
            ("default_v0", "statutory_maximum_v1"),
            ("paoli_greenfield_v1", "statutory_maximum_v1"),
        )
    ]
    assert all(-1 <= rho <= 1 for *_, rho in correlations)


def test_published_counts_hide_small_counts_and_pass_their_check(demo_build: Workspace) -> None:
    result = demo_build.results[str(YEAR)]
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert evaluations["no_published_count_can_be_disclosed"].passed
    with demo_build.connect() as conn:
        shown_small = conn.execute(
            "select count(*) from indicators.published_municipal_counts "
            "where year = ? and registered_crimes < threshold",
            [YEAR],
        ).fetchall()
        kinds = dict(
            conn.execute(
                "select coalesce(suppression, 'shown'), count(*) "
                "from indicators.published_municipal_counts where year = ? group by 1",
                [YEAR],
            ).fetchall()
        )
        national = conn.execute(
            "select p.phenomenon_code, p.registered_crimes, i.event_count "
            "from indicators.published_region_counts as p "
            "join indicators.phenomenon_indicators as i on i.year = p.year "
            "and i.region_level = 'national' and i.source = 'incidents' "
            "and i.phenomenon_code = p.phenomenon_code "
            "where p.year = ? and p.region_level = 'national'",
            [YEAR],
        ).fetchall()
    assert shown_small == [(0,)]
    # The demo has small municipalities: some counts are hidden, and some to protect others.
    assert kinds["primary"] > 0 and kinds["secondary"] > 0 and kinds["shown"] > 0
    assert national and all(published == true for _, published, true in national)


def test_phenomenon_trends_compare_with_last_year(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        rows = conn.execute(
            "select t.phenomenon_code, t.event_count, t.event_count_previous, "
            "t.change_on_previous_year, t.change_lower, t.change_upper, t.trend_years, "
            "i.event_count, p.event_count "
            "from indicators.phenomenon_trends as t "
            "join indicators.phenomenon_indicators as i using (year, region_level, region_code, "
            "phenomenon_code, source) "
            "join indicators.phenomenon_indicators as p on p.year = t.year - 1 "
            "and p.region_level = t.region_level and p.region_code = t.region_code "
            "and p.phenomenon_code = t.phenomenon_code and p.source = t.source "
            "where t.year = ? and t.region_level = 'national' and t.source = 'incidents'",
            [YEAR],
        ).fetchall()
    assert rows
    for _, count, before, change, low, high, trend_years, indicator, previous in rows:
        assert (count, before) == (indicator, previous)
        assert low < change < high
        # Only 2024 and 2025 are built here: too few years for a trend.
        assert trend_years is None


def test_threat_index_ranks_the_regions_with_a_rank_range(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        levels = conn.execute(
            "select region_level, count(*), min(index_rank), max(variants) "
            "from indicators.threat_index where year = ? group by 1 order by 1",
            [YEAR],
        ).fetchall()
        outside = conn.execute(
            "select count(*) from indicators.threat_index where year = ? "
            "and not (rank_min <= index_rank and index_rank <= rank_max)",
            [YEAR],
        ).fetchall()
        settings = conn.execute(
            "select distinct normalisation, aggregation, weights from indicators.threat_index "
            "where year = ?",
            [YEAR],
        ).fetchall()
    # 12 provinces and 10 RIEC regions; 4 indicators: 5 combinations x 5 indicator sets.
    assert levels == [("province", 12, 1, 25), ("riec_region", 10, 1, 25)]
    assert outside == [(0,)]
    assert settings == [("min_max", "arithmetic", "{}")]


def test_tips_per_region_and_their_change(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        regions = conn.execute(
            "select count(distinct region_code) from indicators.signal_indicators "
            "where year = ? and region_level = 'riec_region'",
            [YEAR],
        ).fetchall()
        national = conn.execute(
            "select sum(tips) from indicators.signal_indicators "
            "where year = ? and region_level = 'national'",
            [YEAR],
        ).fetchall()
        staged = conn.execute(
            "select sum(tips) from staging.stg_signals__tips where year = ?", [YEAR]
        ).fetchall()
        changes = conn.execute(
            "select count(*) from indicators.phenomenon_trends "
            "where year = ? and source = 'signals' and change_on_previous_year is not null",
            [YEAR],
        ).fetchall()
    assert regions == [(10,)]
    assert national == staged
    assert changes[0][0] > 0


def test_harm_under_every_weight_set_adds_up_and_matches_the_main_mart(
    demo_build: Workspace,
) -> None:
    with demo_build.connect() as conn:
        sets = conn.execute(
            "select weight_set, count(distinct phenomenon_code) from indicators.harm_indicators "
            "where year = ? and region_level = 'national' group by 1 order by 1",
            [YEAR],
        ).fetchall()
        not_adding_up = conn.execute(
            "select count(*) from (select weight_set, phenomenon_code, source, "
            "sum(harm_score) filter (where region_level = 'municipality') as m, "
            "sum(harm_score) filter (where region_level = 'national') as n "
            "from indicators.harm_indicators where year = ? group by all) "
            "where abs(m - n) > 1e-6 * n",
            [YEAR],
        ).fetchall()
        headline_differs = conn.execute(
            "select count(*) from indicators.harm_indicators as h "
            "join indicators.phenomenon_indicators as i using (year, region_level, region_code, "
            "phenomenon_code, source) where h.weight_set = i.harm_weight_set and h.year = ? "
            "and h.harm_score <> i.harm_score",
            [YEAR],
        ).fetchall()
    assert [name for name, _ in sets] == [
        "default_v0",
        "paoli_greenfield_v1",
        "statutory_maximum_v1",
    ]
    assert all(phenomena >= 7 for _, phenomena in sets)
    assert not_adding_up == [(0,)]
    assert headline_differs == [(0,)]


def test_trends_reach_municipalities_and_sector_series(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        levels = conn.execute(
            "select region_level, count(*) filter (where sector_code is null), "
            "count(*) filter (where sector_code is not null) from indicators.phenomenon_trends "
            "where year = ? group by 1 order by 1",
            [YEAR],
        ).fetchall()
        municipal_change = conn.execute(
            "select t.event_count, t.event_count_previous, i.event_count "
            "from indicators.phenomenon_trends as t join indicators.phenomenon_indicators as i "
            "using (year, region_level, region_code, phenomenon_code, source) "
            "where t.year = ? and t.region_code = 'GM0363' and t.source = 'incidents' "
            "and t.phenomenon_code = 'violence'",
            [YEAR],
        ).fetchall()
    counts = {level: (plain, sector) for level, plain, sector in levels}
    assert counts["municipality"][0] >= 342 * 7 and counts["municipality"][1] == 0
    assert all(counts[level][1] > 0 for level in ("national", "riec_region", "province"))
    [(count, before, indicator)] = municipal_change
    assert count == indicator and before > 0
