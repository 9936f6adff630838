"""sql/indicators/phenomenon_indicators.sql on the fixture year 2024 (numbers in helpers.py)."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.domain.statistics.uncertainty import poisson_interval
from pipeline.plumbing.sql_runner import run_in_transaction

from .helpers import assert_idempotent, load_2024, load_raw, run_staging, snapshot

NAME = "indicators/phenomenon_indicators"
TABLE = "indicators.phenomenon_indicators"


def row(conn, level, code, phenomenon, year=2024):
    rows = conn.execute(
        "select event_count, suppressed_cells, population, rate_per_100k, harm_weight_set, "
        "harm_weight, harm_score from indicators.phenomenon_indicators "
        "where year = ? and region_level = ? and region_code = ? and phenomenon_code = ?",
        [year, level, code, phenomenon],
    ).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


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


def test_rollups(built):
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


def test_weight_set_selection(built):
    run_in_transaction(
        built,
        NAME,
        {
            "year": 2024,
            "weight_set": "alt_v1",
            "confidence_level": 0.95,
            "gap_max_upper_ratio": 2.0,
        },
    )
    # alt_v1 weights fraud 2, violence 20, drug_trafficking 1:
    # NL harm 100 * 2 = 200, 13 * 20 = 260, 1 * 1 = 1
    assert row(built, "national", "NL01", "fraud")[4:] == ("alt_v1", 2.0, 200.0)
    assert row(built, "national", "NL01", "violence")[4:] == ("alt_v1", 20.0, 260.0)
    assert row(built, "national", "NL01", "drug_trafficking")[4:] == ("alt_v1", 1.0, 1.0)
    # only alt_v1 rows for 2024 now, still 45 of them; 2023 keeps default_v0
    assert built.execute(
        "select year, harm_weight_set, count(*) from indicators.phenomenon_indicators "
        "group by all order by all"
    ).fetchall() == [(2023, "default_v0", 45), (2024, "alt_v1", 45)]


def test_unknown_weight_set_fails_and_keeps_the_previous_rows(built):
    def count_2024():
        return built.execute(
            "select count(*) from indicators.phenomenon_indicators where year = 2024"
        ).fetchall()

    before = count_2024()
    assert before == [(45,)]
    with pytest.raises(duckdb.InvalidInputException, match="unknown harm weight set: no_such_set"):
        run_in_transaction(
            built,
            NAME,
            {
                "year": 2024,
                "weight_set": "no_such_set",
                "confidence_level": 0.95,
                "gap_max_upper_ratio": 2.0,
            },
        )
    assert count_2024() == before


def test_idempotent_and_years_apart(built):
    # 2023: NL fraud 20 (pop 4 * 40000 = 160000, rate 20 * 100000 / 160000 = 12.5), violence 5
    assert row(built, "national", "NL01", "fraud", 2023) == (
        20,
        0,
        160000,
        12.5,
        "default_v0",
        4.0,
        80.0,
    )
    assert row(built, "national", "NL01", "violence", 2023)[0] == 5
    assert_idempotent(
        built,
        NAME,
        TABLE,
        {
            "year": 2024,
            "weight_set": "default_v0",
            "confidence_level": 0.95,
            "gap_max_upper_ratio": 2.0,
        },
    )
    assert_idempotent(
        built,
        NAME,
        TABLE,
        {
            "year": 2023,
            "weight_set": "default_v0",
            "confidence_level": 0.95,
            "gap_max_upper_ratio": 2.0,
        },
    )


def test_reingest_does_not_double_count(built):
    before = snapshot(built, TABLE, 2024)
    load_2024(built)  # same files again through raw
    run_staging(built, 2024)
    run_in_transaction(
        built,
        NAME,
        {
            "year": 2024,
            "weight_set": "default_v0",
            "confidence_level": 0.95,
            "gap_max_upper_ratio": 2.0,
        },
    )
    assert snapshot(built, TABLE, 2024) == before


def test_missing_population_gives_null_rate(built):
    load_raw(built, "population", 2024, [])
    run_staging(built, 2024)
    run_in_transaction(
        built,
        NAME,
        {
            "year": 2024,
            "weight_set": "default_v0",
            "confidence_level": 0.95,
            "gap_max_upper_ratio": 2.0,
        },
    )
    assert row(built, "national", "NL01", "fraud") == (100, 0, None, None, "default_v0", 4.0, 400.0)


def test_every_count_rate_and_harm_score_has_its_exact_poisson_interval(built):
    rows = built.execute(
        "select event_count, population, harm_weight, confidence_level, event_count_lower, "
        "event_count_upper, rate_per_100k_lower, rate_per_100k_upper, harm_score_lower, "
        "harm_score_upper from indicators.phenomenon_indicators where year = 2024"
    ).fetchall()
    assert rows
    for (
        count,
        population,
        weight,
        level,
        low,
        high,
        rate_low,
        rate_high,
        harm_low,
        harm_high,
    ) in rows:
        assert level == 0.95
        [expected_low], [expected_high] = poisson_interval([count], level)
        assert (low, high) == pytest.approx((expected_low, expected_high), rel=1e-12)
        assert low <= count <= high
        assert (harm_low, harm_high) == pytest.approx((low * weight, high * weight), rel=1e-12)
        assert (rate_low, rate_high) == pytest.approx(
            (low * 100000 / population, high * 100000 / population), rel=1e-12
        )


def test_gaps_are_flagged_in_the_mart(built):
    rows = built.execute(
        "select event_count, suppressed_cells, is_intelligence_gap, gap_reason "
        "from indicators.phenomenon_indicators where year = 2024"
    ).fetchall()
    for count, suppressed, is_gap, reason in rows:
        [_], [upper] = poisson_interval([count])
        expected = "suppressed" if suppressed else ("thin" if upper > 2 * count else None)
        assert (is_gap, reason) == (expected is not None, expected)
    assert {reason for *_, reason in rows} == {"thin", "suppressed", None}


def test_gaps_by_hand(built):
    gaps = dict(
        built.execute(
            "select region_code || ' ' || phenomenon_code, gap_reason "
            "from indicators.phenomenon_indicators where year = 2024 "
            "and region_level = 'municipality' and source = 'incidents'"
        ).fetchall()
    )
    assert gaps["GM0003 fraud"] == "thin"  # 5 crimes: upper bound 11.67 > 2 x 5
    assert gaps["GM0004 violence"] is None  # 10 crimes: upper bound 18.39 < 2 x 10
    assert gaps["GM0003 money_laundering"] == "thin"  # none: zero is not low threat
    assert gaps["GM0002 money_laundering"] == "suppressed"  # CBS suppressed a cell
    assert gaps["GM0002 fraud"] is None  # 40 crimes
