"""sql/indicators/phenomenon_indicators.sql on the fixture year 2024: the rows per region and
phenomenon, hand-computed from fixture_rows.py. Reruns: test_phenomenon_indicators_reruns.py;
intervals and gaps: test_phenomenon_indicators_intervals.py."""

from __future__ import annotations

import pytest

from .phenomenon_indicator_rows import row


def test_one_row_per_region_and_reportable_phenomenon(built):
    # 4 municipalities + 2 RIEC + 2 provinces + 1 national = 9 regions, times 5 reportable
    # (source, phenomenon): incidents x {fraud, money_laundering, violence} and
    # drug_sites x {drug_production, drug_trafficking}; T001161 (no phenomenon) gives none.
    assert built.execute(
        "select region_level, count(*) from indicators.phenomenon_indicators "
        "where year = 2024 group by 1 order by 1"
    ).fetchall() == [("municipality", 20), ("national", 5), ("province", 10), ("riec_region", 10)]
    assert built.execute(
        "select distinct source, phenomenon_code from indicators.phenomenon_indicators order by all"
    ).fetchall() == [
        ("drug_sites", "drug_production"),
        ("drug_sites", "drug_trafficking"),
        ("incidents", "fraud"),
        ("incidents", "money_laundering"),
        ("incidents", "violence"),
    ]
    assert built.execute(
        "select count(*) from indicators.phenomenon_indicators "
        "where phenomenon_code = 'corruption_infiltration'"
    ).fetchone() == (0,)


def test_municipality_rows(built):
    # fraud GM0001: rate 25 * 100000 / 50000 = 50.0; harm 25 * 4 = 100
    assert row(built, "municipality", "GM0001", "fraud") == (
        25,
        0,
        50000,
        50.0,
        "default_v0",
        4.0,
        100.0,
    )
    # violence GM0001 was '.': counted 0, one suppressed cell
    assert row(built, "municipality", "GM0001", "violence") == (
        0,
        1,
        50000,
        0.0,
        "default_v0",
        10.0,
        0.0,
    )
    # GM0003 has no money-laundering row at all: explicit zero, no suppressed cell
    assert row(built, "municipality", "GM0003", "money_laundering") == (
        0,
        0,
        25000,
        0.0,
        "default_v0",
        6.0,
        0.0,
    )
    # GM0004 violence: rate 10 * 100000 / 75000 = 13.333..; harm 10 * 10 = 100
    got = row(built, "municipality", "GM0004", "violence")
    assert got[:3] == (10, 0, 75000)
    assert got[3] == pytest.approx(13.333333333333334)
    assert got[6] == 100.0
    # drug sites: GM0001 has a dump and a grow site, 2 * 7 = 14 harm; rate 2 * 100000 / 50000 = 4.0
    assert row(built, "municipality", "GM0001", "drug_production") == (
        2,
        0,
        50000,
        4.0,
        "default_v0",
        7.0,
        14.0,
    )
    # GM0004 storage site: rate 1 * 100000 / 75000 = 1.333..; harm 1 * 7 = 7
    got = row(built, "municipality", "GM0004", "drug_trafficking")
    assert got[:3] == (1, 0, 75000) and got[4:] == ("default_v0", 7.0, 7.0)
    assert got[3] == pytest.approx(1.3333333333333333)


def test_zero_rows_are_explicit(built):
    # Every municipality x reportable phenomenon has a row; these 10 of the 20 are zero.
    zero = built.execute(
        "select region_code, phenomenon_code from indicators.phenomenon_indicators "
        "where year = 2024 "
        "and region_level = 'municipality' and event_count = 0 order by all"
    ).fetchall()
    assert zero == [
        ("GM0001", "drug_trafficking"),
        ("GM0001", "violence"),
        ("GM0002", "drug_production"),
        ("GM0002", "drug_trafficking"),
        ("GM0002", "money_laundering"),
        ("GM0003", "drug_production"),
        ("GM0003", "drug_trafficking"),
        ("GM0003", "money_laundering"),
        ("GM0003", "violence"),
        ("GM0004", "drug_production"),
    ]


def test_rollups_to_riec_regions(built):
    # RIEC01 = GM0001 + GM0002: fraud 25 + 40 = 65; pop 50000 + 100000 = 150000;
    # rate 65 * 100000 / 150000 = 43.33..; harm 65 * 4 = 260
    got = row(built, "riec_region", "RIEC01", "fraud")
    assert got[:3] == (65, 0, 150000) and got[6] == 260.0
    assert got[3] == pytest.approx(43.333333333333336)
    # RIEC02 = GM0003 + GM0004 (spans PV01 and PV02): fraud 5 + 30 = 35, pop 25000 + 75000
    assert row(built, "riec_region", "RIEC02", "fraud") == (
        35,
        0,
        100000,
        35.0,
        "default_v0",
        4.0,
        140.0,
    )
    # RIEC02 violence: 0 (suppressed) + 10, one suppressed cell; harm 10 * 10 = 100
    assert row(built, "riec_region", "RIEC02", "violence") == (
        10,
        1,
        100000,
        10.0,
        "default_v0",
        10.0,
        100.0,
    )


def test_rollups_to_provinces(built):
    # PV01 = GM0001 + GM0002 + GM0003: fraud 25 + 40 + 5 = 70; pop 175000; rate 40.0
    assert row(built, "province", "PV01", "fraud") == (
        70,
        0,
        175000,
        40.0,
        "default_v0",
        4.0,
        280.0,
    )
    # PV01 violence: 0 + 3 + 0 with 2 suppressed cells (GM0001, GM0003)
    assert row(built, "province", "PV01", "violence")[:3] == (3, 2, 175000)
    # PV02 = GM0004
    assert row(built, "province", "PV02", "money_laundering")[:3] == (20, 0, 75000)


def test_rollups_to_the_nation(built):
    # NL: fraud 100, pop 250000, rate 100 * 100000 / 250000 = 40.0, harm 100 * 4 = 400
    assert row(built, "national", "NL01", "fraud") == (
        100,
        0,
        250000,
        40.0,
        "default_v0",
        4.0,
        400.0,
    )
    # NL money laundering 10 + 20 = 30 (GM0002 suppressed), rate 12.0, harm 30 * 6 = 180
    assert row(built, "national", "NL01", "money_laundering") == (
        30,
        1,
        250000,
        12.0,
        "default_v0",
        6.0,
        180.0,
    )
    # NL violence 3 + 10 = 13, 2 suppressed cells, rate 13 * 100000 / 250000 = 5.2, harm 130
    assert row(built, "national", "NL01", "violence") == (
        13,
        2,
        250000,
        5.2,
        "default_v0",
        10.0,
        130.0,
    )
    # NL drug sites: production 2 (harm 14), trafficking 1 (harm 7)
    assert row(built, "national", "NL01", "drug_production") == (
        2,
        0,
        250000,
        0.8,
        "default_v0",
        7.0,
        14.0,
    )
    assert row(built, "national", "NL01", "drug_trafficking") == (
        1,
        0,
        250000,
        0.4,
        "default_v0",
        7.0,
        7.0,
    )


def test_rollups_keep_the_region_names(built):
    names = built.execute(
        "select distinct region_level, region_code, region_name "
        "from indicators.phenomenon_indicators "
        "where region_level <> 'municipality' order by all"
    ).fetchall()
    assert names == [
        ("national", "NL01", "Nederland"),
        ("province", "PV01", "Provincie A"),
        ("province", "PV02", "Provincie B"),
        ("riec_region", "RIEC01", "RIEC Noord"),
        ("riec_region", "RIEC02", "RIEC Zuid"),
    ]
