"""sql/indicators/queries/phenomenon_trend_inputs.sql and phenomenon_trends.sql on the fixture
warehouse."""

from __future__ import annotations

import polars as pl

from pipeline.domain.statistics.trend_table import trend_rows
from pipeline.plumbing.sql_runner import query, run_in_transaction

from .runners import stage_new_source


def test_trends_of_the_fixture_years_are_written_once(cross):
    built = cross
    stage_new_source(built, "signals")
    for year in (2023, 2024):
        run_in_transaction(
            built,
            "indicators/signal_indicators",
            {"first_year": year, "last_year": year, "confidence_level": 0.95},
        )
    columns, rows = query(
        built, "indicators/queries/phenomenon_trend_inputs", {"first_year": 2024, "last_year": 2024}
    )
    history = pl.DataFrame(rows, schema=columns, orient="row", infer_schema_length=None)
    assert set(history["year"]) == {2023, 2024}
    assert "municipality" in set(history["region_level"])
    # Tips join as source 'signals', per phenomenon; the sector series keep their source and
    # their sector (2024 only in the fixture: phenomenon_sector_indicators is built for 2024).
    assert set(history["source"]) == {
        "incidents",
        "drug_sites",
        "signals",
        "seizures",
        "fiu_suspicious",
        "emergency_freezes",
    }
    sectors = history.filter(pl.col("sector_code").is_not_null())
    assert set(sectors["region_level"]) == {"national", "riec_region", "province"}
    for _ in range(2):
        built.register("trend_rows", trend_rows(history, [2024]).to_arrow())
        run_in_transaction(
            built,
            "indicators/phenomenon_trends",
            {"first_year": 2024, "last_year": 2024, "confidence_level": 0.95},
        )
    stored = built.execute(
        "select count(*), "
        "count(distinct (region_level, region_code, phenomenon_code, sector_code, source)) "
        "from indicators.phenomenon_trends where year = 2024"
    ).fetchall()
    # A series without exposure this year (a sector without establishments) has no rate.
    series = history.filter((pl.col("year") == 2024) & (pl.col("exposure") > 0)).height
    assert 0 < series < history.filter(pl.col("year") == 2024).height
    assert stored == [(series, series)]
