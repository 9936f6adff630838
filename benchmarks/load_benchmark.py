"""Load benchmark: record-level unusual transactions through the raw asset, against plain DuckDB.

    python -m benchmarks.load_benchmark [--years 2016-2025] [--rows-per-year 2500000] [--repeat 3]

Generates the files once (``data/bench/raw/financial/``, not committed), then loads all years
twice, each in its own process so that peak memory is measured apart: (1) through the raw asset
``raw/unusual_transactions`` with ``dagster.materialize``, one run per year, as the pipeline loads
them; (2) with a plain DuckDB ``read_csv`` of the same files into one table, the practical limit.
Both use DuckDB with the same memory limit. Each load runs ``--repeat`` times, in turns; prints
the median rows per second, the highest peak memory and the ratio of the medians; the aim is at
least 70% of the plain throughput with peak memory under 4 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.plumbing.allowed_folders import ALLOWED_FOLDERS_VARIABLE

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = PROJECT_ROOT / "data" / "bench"
MEMORY_LIMIT = "4GB"
TARGET_RATIO = 0.70
TARGET_PEAK_MB = 4096


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _files(years: list[int]) -> list[Path]:
    return [
        BENCH_DIR / "raw" / "financial" / f"ongebruikelijke_transacties_{year}.csv"
        for year in years
    ]


def run_asset(years: list[int], database: Path) -> dict:
    from dagster import DagsterInstance, materialize

    import assets.raw
    from pipeline.plumbing.layers import load_layer
    from pipeline.plumbing.resources import ProjectPaths, warehouse_resource

    raw_assets, _ = load_layer(assets.raw)
    asset = next(a for a in raw_assets if a.key.path == ["raw", "unusual_transactions"])
    resources = {
        "warehouse": warehouse_resource(str(database), memory_limit=MEMORY_LIMIT),
        "paths": ProjectPaths(data_dir=str(BENCH_DIR), reports_dir=str(database.parent)),
    }
    instance = DagsterInstance.ephemeral()
    started = time.perf_counter()
    for year in years:
        result = materialize(
            [asset], partition_key=str(year), resources=resources, instance=instance
        )
        if not result.success:
            raise RuntimeError(f"the raw asset failed for {year}")
    seconds = time.perf_counter() - started
    import duckdb

    with duckdb.connect(str(database), read_only=True) as conn:
        rows = conn.execute("select count(*) from raw.unusual_transactions").fetchall()[0][0]
    return {"rows": rows, "seconds": seconds, "peak_mb": _peak_mb()}


def run_plain(years: list[int], database: Path) -> dict:
    import duckdb

    conn = duckdb.connect(str(database), config={"memory_limit": MEMORY_LIMIT})
    started = time.perf_counter()
    conn.execute(
        "create table transactions as select * from read_csv(?, delim = ';', header = true, "
        "all_varchar = true)",
        [[str(path) for path in _files(years)]],
    )
    seconds = time.perf_counter() - started
    rows = conn.execute("select count(*) from transactions").fetchall()[0][0]
    conn.close()
    return {"rows": rows, "seconds": seconds, "peak_mb": _peak_mb()}


def _in_subprocess(kind: str, years: list[int]) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        # The raw asset's warehouse goes to this folder, outside the project.
        os.environ[ALLOWED_FOLDERS_VARIABLE] = folder
        command = [
            sys.executable,
            "-m",
            "benchmarks.load_benchmark",
            "--measure",
            kind,
            "--years",
            f"{years[0]}-{years[-1]}",
            "--database",
            str(Path(folder) / "bench.duckdb"),
        ]
        output = subprocess.run(
            command, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
        ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _median_run(results: list[dict]) -> dict:
    """The median time, with the highest peak memory of all runs."""
    seconds = statistics.median(result["seconds"] for result in results)
    peak_mb = max(result["peak_mb"] for result in results)
    return {"rows": results[0]["rows"], "seconds": seconds, "peak_mb": peak_mb}


def _parse_years(text: str) -> list[int]:
    first, _, last = text.partition("-")
    return list(range(int(first), int(last or first) + 1))


def _generate_once(years: list[int], rows_per_year: int) -> None:
    """The benchmark's files, generated again only when the years or size asked for change."""
    from pipeline.domain.demo.bench_transactions import generate_unusual_transactions

    marker = BENCH_DIR / "generated.json"
    wanted = {"years": years, "rows_per_year": rows_per_year}
    if not marker.exists() or json.loads(marker.read_text()) != wanted:
        started = time.perf_counter()
        generate_unusual_transactions(BENCH_DIR / "raw", years, rows_per_year=rows_per_year)
        marker.write_text(json.dumps(wanted))
        print(
            f"generated {len(years)} x {rows_per_year:,} rows in "
            f"{time.perf_counter() - started:.1f} s"
        )


def _print_table(repeat: int, runs: dict[str, list[dict]], plain: dict, asset: dict) -> None:
    print(
        f"{'load (median of ' + str(repeat) + ')':<28}{'rows':>14}{'seconds':>10}"
        f"{'rows/s':>14}{'peak MB':>10}   each run (s)"
    )
    for name, kind, result in (
        ("plain DuckDB read_csv", "plain", plain),
        ("raw asset (dagster)", "asset", asset),
    ):
        rate = result["rows"] / result["seconds"]
        each = ", ".join(f"{r['seconds']:.1f}" for r in runs[kind])
        print(
            f"{name:<28}{result['rows']:>14,}{result['seconds']:>10.1f}{rate:>14,.0f}"
            f"{result['peak_mb']:>10,.0f}   {each}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", default="2016-2025")
    parser.add_argument("--rows-per-year", type=int, default=2_500_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each load (median counts)")
    parser.add_argument("--measure", choices=["asset", "plain"], help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    years = _parse_years(args.years)

    if args.measure:
        measure = run_asset if args.measure == "asset" else run_plain
        print(json.dumps(measure(years, Path(args.database))))
        return 0

    _generate_once(years, args.rows_per_year)

    # The machine's speed varies from run to run, so both loads run in turns and the medians count.
    runs: dict[str, list[dict]] = {"plain": [], "asset": []}
    for _ in range(args.repeat):
        for kind in runs:
            runs[kind].append(_in_subprocess(kind, years))
    expected_rows = len(years) * args.rows_per_year
    for kind, results in runs.items():
        for result in results:
            if result["rows"] != expected_rows:
                raise RuntimeError(f"{kind} loaded {result['rows']:,} rows, not {expected_rows:,}")
    plain = _median_run(runs["plain"])
    asset = _median_run(runs["asset"])
    ratio = plain["seconds"] / asset["seconds"]
    _print_table(args.repeat, runs, plain, asset)
    ok = ratio >= TARGET_RATIO and asset["peak_mb"] < TARGET_PEAK_MB
    print(
        f"asset throughput = {ratio:.0%} of plain DuckDB (aim >= {TARGET_RATIO:.0%}); "
        f"asset peak memory {asset['peak_mb']:,.0f} MB (aim < {TARGET_PEAK_MB:,} MB): "
        f"{'met' if ok else 'NOT met'}"
    )
    (BENCH_DIR / "results.json").write_text(
        json.dumps({"runs": runs, "plain": plain, "asset": asset, "ratio": ratio}, indent=2)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
