"""The policy SQL files on the fixture warehouse: the programme list loader, its quality query,
the effect inputs and the effects table (numbers in fixture_rows.py)."""

from __future__ import annotations

import polars as pl
import pytest

from pipeline.domain.statistics.policy_estimates import estimate_policy_effects
from pipeline.plumbing.sql_runner import query, query_frame, run_in_transaction, write_tables

from .idempotence import assert_idempotent
from .runners import register_year, stage_new_source

POLICY = ("policy_effects", "policy_series")

COLUMNS = ("gemeentecode", "gemeentenaam", "startjaar")


def load_list(conn, rows, programme="pmg", is_synthetic=True, source_file="pmg.csv"):
    frame = pl.DataFrame(
        [list(row) for row in rows], schema=dict.fromkeys(COLUMNS, pl.String), orient="row"
    ).with_row_index("source_row", offset=2)
    conn.register("policy_rows", frame.with_columns(pl.col("source_row").cast(pl.Int64)))
    try:
        run_in_transaction(
            conn,
            "reference/policy_municipalities",
            {"programme": programme, "source_file": source_file, "is_synthetic": is_synthetic},
        )
    finally:
        conn.unregister("policy_rows")


def problems(conn):
    return query(conn, "quality/queries/policy_municipalities")[1]


def test_a_valid_list_loads_with_its_rows_and_has_no_problems(warehouse):
    load_list(warehouse, [(" GM0002 ", "Bedum", "2024"), ("GM0004", "Dalen", " 2024")])
    assert warehouse.execute(
        "select programme, municipality_code, start_year_text, source_file, source_row, "
        "is_synthetic from reference.policy_municipalities order by source_row"
    ).fetchall() == [
        ("pmg", "GM0002", "2024", "pmg.csv", 2, True),
        ("pmg", "GM0004", "2024", "pmg.csv", 3, True),
    ]
    assert problems(warehouse) == []


def test_reloading_a_programme_replaces_only_its_rows(warehouse):
    load_list(warehouse, [("GM0002", "Bedum", "2024")])
    load_list(warehouse, [("GM0001", "Aadorp", "2020")], programme="other")
    load_list(warehouse, [("GM0004", "Dalen", "2024")], is_synthetic=False)
    assert warehouse.execute(
        "select programme, municipality_code, is_synthetic from reference.policy_municipalities "
        "order by all"
    ).fetchall() == [("other", "GM0001", True), ("pmg", "GM0004", False)]


def test_every_problem_names_file_row_column_and_value(warehouse):
    load_list(
        warehouse,
        [
            ("GM0002", "Bedum", "2024"),
            ("GM9999", "Nergens", "2024"),  # row 3: unknown code
            ("GM0002", "Bedum", "2024"),  # row 4: listed twice (rows 2 and 4)
            ("GM0003", "Cadier", "twintig"),  # row 5: not a year, and differs
            ("GM0004", "Dalen", "2023"),  # row 6: a second start year
            ("GM0001", "Aadorp", "2010"),  # row 7: before 2015, and differs
        ],
    )
    assert problems(warehouse) == [
        ("pmg.csv", 2, "gemeentecode", "GM0002", "listed more than once in the programme"),
        (
            "pmg.csv",
            3,
            "gemeentecode",
            "GM9999",
            "not a municipality of the current division (data/reference/municipalities.csv)",
        ),
        ("pmg.csv", 4, "gemeentecode", "GM0002", "listed more than once in the programme"),
        ("pmg.csv", 5, "startjaar", "twintig", "differs from the start year 2024 of the first row"),
        ("pmg.csv", 5, "startjaar", "twintig", "not a year from 2015 on"),
        ("pmg.csv", 6, "startjaar", "2023", "differs from the start year 2024 of the first row"),
        ("pmg.csv", 7, "startjaar", "2010", "differs from the start year 2024 of the first row"),
        ("pmg.csv", 7, "startjaar", "2010", "not a year from 2015 on"),
    ]


@pytest.fixture
def with_signals(built):
    stage_new_source(built, "signals")
    for year in (2023, 2024):
        run_in_transaction(
            built,
            "indicators/signal_indicators",
            {"first_year": year, "last_year": year, "confidence_level": 0.95},
        )
    return built


def test_effect_inputs_give_each_municipality_every_outcome_and_year(with_signals):
    inputs = query_frame(
        with_signals,
        "indicators/queries/policy_effect_inputs",
        {"first_year": 2024, "last_year": 2024},
    )
    # 4 municipalities x 2 years x (3 phenomena + all crimes + all tips).
    assert inputs.height == 4 * 2 * 5
    crimes = inputs.filter(pl.col("source") == "incidents")
    per_phenomenon = (
        crimes.filter(pl.col("outcome") != "all")
        .group_by(["municipality_code", "year"])
        .agg(pl.col("event_count").sum())
    )
    total = crimes.filter(pl.col("outcome") == "all").select(
        "municipality_code", "year", "event_count"
    )
    assert per_phenomenon.sort(["municipality_code", "year"]).equals(
        total.sort(["municipality_code", "year"]), null_equal=True
    )
    tips = inputs.filter(pl.col("source") == "signals")["event_count"].sum()
    assert (
        tips
        == with_signals.execute(
            "select sum(tips) from indicators.signal_indicators where region_level = 'national'"
        ).fetchall()[0][0]
    )


def test_effects_table_holds_the_estimates_and_marks_a_synthetic_selection(with_signals):
    load_list(with_signals, [("GM0002", "Bedum", "2024"), ("GM0004", "Dalen", "2024")])
    history = query_frame(
        with_signals,
        "indicators/queries/policy_effect_inputs",
        {"first_year": 2024, "last_year": 2024},
    )
    members = query_frame(with_signals, "indicators/queries/policy_members")
    assert members.rows() == [("pmg", "GM0002", 2024), ("pmg", "GM0004", 2024)]
    effects, series = estimate_policy_effects(history, members)
    register_year(
        with_signals,
        2024,
        {"effect_rows": effects, "series_rows": series.rename({"year": "data_year"})},
    )
    params = {"first_year": 2024, "last_year": 2024, "confidence_level": 0.95}
    write_tables(with_signals, "indicators", POLICY, params)
    stored = with_signals.execute(
        "select programme, source, outcome, start_year, treated_municipalities, rate_ratio, "
        "is_synthetic_selection from indicators.policy_effects where year = 2024 order by all"
    ).fetchall()
    assert len(stored) == 5
    assert all(row[6] is True and row[3] == 2024 for row in stored)
    expected = {(r["source"], r["outcome"]): r["rate_ratio"] for r in effects.rows(named=True)}
    assert {(r[1], r[2]): r[5] for r in stored} == expected
    assert with_signals.execute(
        "select count(*), count(distinct data_year) from indicators.policy_series where year = 2024"
    ).fetchall() == [(5 * 2 * 2, 2)]
    assert_idempotent(
        with_signals, "indicators/policy_effects", "indicators.policy_effects", params
    )


def test_no_group_total_of_registered_crimes_is_published(with_signals):
    # Group totals set against the published municipal counts could reveal hidden counts: the
    # annex and the report publish the rate ratios, and per-group figures only for tips.
    load_list(with_signals, [("GM0002", "Bedum", "2024"), ("GM0004", "Dalen", "2024")])
    history = query_frame(
        with_signals,
        "indicators/queries/policy_effect_inputs",
        {"first_year": 2024, "last_year": 2024},
    )
    members = query_frame(with_signals, "indicators/queries/policy_members")
    effects, series = estimate_policy_effects(history, members)
    register_year(
        with_signals,
        2024,
        {"effect_rows": effects, "series_rows": series.rename({"year": "data_year"})},
    )
    write_tables(
        with_signals,
        "indicators",
        POLICY,
        {"first_year": 2024, "last_year": 2024, "confidence_level": 0.95},
    )
    stored = query_frame(with_signals, "report/annex/policy_series", {"year": 2024})
    assert stored.height > 0 and stored["source"].unique().to_list() == ["signals"]
    chart = query_frame(with_signals, "report/policy_series", {"year": 2024})
    assert chart.height == 2 * 2  # two groups, two years of tips
    for name in ("report/annex/policy_effects", "report/policy_effects"):
        for row in query_frame(with_signals, name, {"year": 2024}).iter_rows(named=True):
            rates = [
                row[f"{g}_rate_{w}"] for g in ("treated", "control") for w in ("before", "after")
            ]
            if row["source"] == "incidents":
                assert rates == [None] * 4, name
            else:
                assert rates[1] is not None and rates[3] is not None, name
