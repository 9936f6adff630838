"""The bench's hand-written DuckDB script and its pandas code give the same indicator tables.

A tiny input: a few thousand generated transactions a year over 2020-2025 (plus records under
Haaren's old code, split over four municipalities in 2021), the demo's 2020 incidents in OData
v3 and its 2025 StatLine download, and the demo population. No timings here: `make bench` has
those.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from benchmarks.bench_data import BenchFiles
from benchmarks.duckdb_script import duckdb_indicators
from benchmarks.identity import TABLE_KEYS, compare_tables
from benchmarks.pandas_indicators import pandas_indicators
from pipeline.domain.demo.bench_transactions import generate_unusual_transactions

PROJECT_DATA = Path(__file__).resolve().parents[2] / "data"
YEARS = tuple(range(2020, 2026))
ROWS_PER_YEAR = 2_000
# Haaren (GM0788) was divided between four municipalities on 1 January 2021.
OLD_CODE_RECORDS = [
    "UT2020-900000001;2020-06-01;banken;GM0788;1000.50;1",
    "UT2020-900000002;2020-06-01;banken;GM0788;20.25;0",
    "UT2020-900000003;2020-06-02;banken;GM0788;5.00;1",
]


@pytest.fixture(scope="module")
def bench_files(tmp_path_factory: pytest.TempPathFactory) -> BenchFiles:
    data = tmp_path_factory.mktemp("bench")
    shutil.copytree(PROJECT_DATA / "reference", data / "reference")
    incidents = data / "demo" / "incidents"
    incidents.mkdir(parents=True)
    shutil.copy2(PROJECT_DATA / "demo" / "incidents" / "83648NED_2020.csv", incidents)
    for statline in (PROJECT_DATA / "demo" / "incidents").glob("Geregistreerde_*.csv"):
        shutil.copy2(statline, incidents)
    shutil.copytree(PROJECT_DATA / "demo" / "population", data / "demo" / "population")
    generate_unusual_transactions(data / "raw", YEARS, rows_per_year=ROWS_PER_YEAR)
    first = data / "raw" / "financial" / "ongebruikelijke_transacties_2020.csv"
    with first.open("a", encoding="utf-8") as handle:
        handle.write("\n".join(OLD_CODE_RECORDS) + "\n")
    return BenchFiles(data, YEARS)


@pytest.fixture(scope="module")
def tables(bench_files: BenchFiles) -> dict[str, dict[str, pd.DataFrame]]:
    return {"duckdb": duckdb_indicators(bench_files), "pandas": pandas_indicators(bench_files)}


@pytest.mark.parametrize("name", list(TABLE_KEYS))
def test_duckdb_and_pandas_agree(tables, name: str) -> None:
    problems = compare_tables(
        name, tables["duckdb"][name], tables["pandas"][name], ("duckdb", "pandas")
    )
    assert problems == []


def test_every_record_is_counted_once(tables) -> None:
    financial = tables["duckdb"]["financial_indicators"]
    national = financial[financial.region_level == "national"]
    per_year = national.groupby("year")["unusual_transactions"].sum()
    expected = {year: ROWS_PER_YEAR for year in YEARS} | {2020: ROWS_PER_YEAR + 3}
    assert per_year.to_dict() == expected
    # The old code's three records went to its successors in whole units, none lost.
    successors = {"GM0757", "GM0824", "GM0855", "GM0865"}
    municipal = financial[(financial.region_level == "municipality") & (financial.year == 2020)]
    assert municipal[municipal.region_code.isin(successors)].shape[0] == 40
    assert "GM0788" not in set(financial.region_code)


def test_registered_crimes_are_counted(tables) -> None:
    crimes = tables["pandas"]["phenomenon_indicators"]
    national = crimes[(crimes.region_level == "national")].set_index(["year", "phenomenon_code"])
    assert national.loc[(2020, "drug_trafficking"), "event_count"] > 0
    assert national.loc[(2025, "drug_trafficking"), "event_count"] > 0
    # Years without an incidents file in this input count zero, flagged as thin.
    assert national.loc[(2022, "drug_trafficking"), "gap_reason"] == "thin"


def test_the_comparison_notices_a_difference(tables) -> None:
    name = "phenomenon_indicators"
    changed = tables["pandas"][name].copy()
    changed.loc[changed.index[5], "rate_per_100k_upper"] *= 1 + 1e-6
    changed.loc[changed.index[7], "event_count"] += 1
    problems = compare_tables(name, tables["duckdb"][name], changed, ("duckdb", "pandas"))
    assert any("rate_per_100k_upper: 1 of" in line for line in problems)
    assert any("event_count: 1 of" in line for line in problems)
    assert compare_tables(name, tables["duckdb"][name], changed.iloc[1:], ("d", "p")) != []
