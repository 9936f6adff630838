"""sql/indicators/harm_rankings.sql and its input queries, on small frames."""

from __future__ import annotations

import duckdb
import polars as pl

from pipeline.domain.statistics.rank_intervals import RankingSettings, rank_regions
from pipeline.plumbing.sql_runner import prepare_connection, query, write_tables
from pipeline.plumbing.table_asset_factory import year_by_year

RANKINGS = ("harm_rankings", "harm_rank_correlations")

PARAMS = {"draws": 100, "weight_spread": 0.25, "seed": 1, "confidence_level": 0.95}


def frames(year: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    counts = pl.DataFrame(
        {
            "region_level": ["riec_region"] * 4,
            "region_code": ["R1", "R1", "R2", "R2"],
            "region_name": ["Een", "Een", "Twee", "Twee"],
            "phenomenon_code": ["fraud", "violence"] * 2,
            "event_count": [10 + year % 10, 0, 0, 10],
            "population": [100_000] * 4,
        }
    )
    weights = pl.DataFrame(
        {"weight_set": ["a", "a"], "phenomenon_code": ["fraud", "violence"], "weight": [1.0, 2.0]}
    )
    return rank_regions(counts, weights, year, RankingSettings(draws=100, seed=1))


def write(conn: duckdb.DuckDBPyConnection, year: int) -> None:
    # As the asset does: each row with its year.
    computed = year_by_year(
        range(year, year + 1),
        lambda y: dict(zip(("ranking_rows", "correlation_rows"), frames(y), strict=True)),
    )
    for name, frame in computed.items():
        conn.register(name, frame.to_arrow())
    write_tables(conn, "indicators", RANKINGS, {"first_year": year, "last_year": year, **PARAMS})


def test_a_year_is_replaced_and_other_years_stay(tmp_path):
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    prepare_connection(conn)
    write(conn, 2024)
    write(conn, 2025)
    before = conn.execute("select * from indicators.harm_rankings order by all").fetchall()
    write(conn, 2025)
    assert conn.execute("select * from indicators.harm_rankings order by all").fetchall() == before
    assert conn.execute(
        "select year, region_code, harm_per_100k, harm_rank, draws, seed "
        "from indicators.harm_rankings order by all"
    ).fetchall() == [
        (2024, "R1", 14.0, 2, 100, 1),  # 14 x 1 against 10 x 2
        (2024, "R2", 20.0, 1, 100, 1),
        (2025, "R1", 15.0, 2, 100, 1),
        (2025, "R2", 20.0, 1, 100, 1),
    ]
    # One weight set: no pair to correlate.
    assert conn.execute("select count(*) from indicators.harm_rank_correlations").fetchall() == [
        (0,)
    ]


def test_the_inputs_come_from_the_indicators_and_the_weight_sets(built):
    columns, rows = query(
        built, "indicators/queries/harm_ranking_inputs", {"first_year": 2023, "last_year": 2024}
    )
    assert columns == [
        "year",
        "region_level",
        "region_code",
        "region_name",
        "phenomenon_code",
        "event_count",
        "population",
    ]
    assert {row[0] for row in rows} == {2023, 2024}
    assert {row[1] for row in rows} == {"riec_region", "province"}
    # Registered crimes only: the drug-site phenomena of the fixture are not among them.
    assert {row[4] for row in rows} == {"fraud", "money_laundering", "violence"}
    columns, weights = query(built, "indicators/queries/harm_weights_in_use", {})
    assert columns == ["weight_set", "phenomenon_code", "weight"]
    assert {row[0] for row in weights} == {
        "alt_v1",
        "default_v0",
        "paoli_greenfield_v1",
        "statutory_maximum_v1",
    }
