"""Tests for the record-level benchmark generator (pipeline/domain/demo/bench_transactions.py)."""

from __future__ import annotations

import csv
from pathlib import Path

from pipeline.domain.demo.bench_transactions import HEADER, generate_unusual_transactions

REF = Path(__file__).resolve().parents[2] / "data" / "reference"


def _codes(name: str, col: str) -> set[str]:
    with open(REF / name, encoding="utf-8", newline="") as f:
        return {r[col] for r in csv.DictReader(f)}


def test_unusual_transactions(tmp_path: Path) -> None:
    a = generate_unusual_transactions(tmp_path / "a", [2023, 2024], rows_per_year=20_000)
    b = generate_unusual_transactions(tmp_path / "b", [2023, 2024], rows_per_year=20_000)
    assert [p.name for p in a] == [
        "ongebruikelijke_transacties_2023.csv",
        "ongebruikelijke_transacties_2024.csv",
    ]
    munis = _codes("municipalities.csv", "municipality_code")
    sectors = _codes("fiu_reporting_sectors.csv", "reporting_sector_code")
    for pa, pb, year in zip(a, b, (2023, 2024), strict=True):
        data = pa.read_bytes()
        assert data == pb.read_bytes()
        assert b"\r" not in data
        lines = data.decode("utf-8").split("\n")
        assert lines[0] + "\n" == HEADER and lines[-1] == ""
        rows = [line.split(";") for line in lines[1:-1]]
        assert len(rows) == 20_000
        assert [r[0] for r in rows[:2]] == [f"UT{year}-000000001", f"UT{year}-000000002"]
        assert len({r[0] for r in rows}) == 20_000
        assert {r[2] for r in rows} <= sectors
        assert {r[3] for r in rows} <= munis
        assert all(r[1].startswith(f"{year}-") and len(r[1]) == 10 for r in rows)
        assert [r[1] for r in rows] == sorted(r[1] for r in rows)
        assert all(len(r[4].split(".")[1]) == 2 and float(r[4]) > 0 for r in rows)
        assert {r[5] for r in rows} <= {"0", "1"}
        share = sum(r[5] == "1" for r in rows) / len(rows)
        assert 0.03 <= share <= 0.07
