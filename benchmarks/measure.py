"""One measurement in a process of its own, so that its peak memory is its own.

    python -m benchmarks.measure {pipeline,duckdb,pandas} --data-dir D --years 2016-2025 --out O

The child computes the indicator tables, stops the clock, writes the compared tables to
``O/<table>.parquet`` (outside the timing) and prints one JSON line: seconds, peak MB (the
process's ``ru_maxrss``), rows per table and, for the pipeline, Dagster's per-step timings. The
clock starts before the implementation's own imports (Dagster and the definitions, DuckDB,
pandas and SciPy): loading them is part of what each costs.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.bench_data import PROJECT_ROOT, BenchFiles

IMPLEMENTATIONS = ("pipeline", "duckdb", "pandas")


def peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def parse_years(text: str) -> list[int]:
    first, _, last = text.partition("-")
    return list(range(int(first), int(last or first) + 1))


def _measure_pipeline(files: BenchFiles, out_dir: Path) -> dict:
    from benchmarks.pipeline_run import export_pipeline_tables, run_pipeline

    result = run_pipeline(files, out_dir)
    result["rows"] = export_pipeline_tables(files, Path(result.pop("database")), out_dir)
    return result


def _measure_frames(kind: str, files: BenchFiles, out_dir: Path) -> dict:
    """D or Pd: compute the tables as frames, time that, then write them out."""
    started = time.perf_counter()
    if kind == "duckdb":
        from benchmarks.duckdb_script import duckdb_indicators as compute
    else:
        from benchmarks.pandas_indicators import pandas_indicators as compute
    tables = compute(files)
    seconds = time.perf_counter() - started
    for name, frame in tables.items():
        frame.to_parquet(out_dir / f"{name}.parquet", index=False)
    return {"seconds": seconds, "rows": {name: len(frame) for name, frame in tables.items()}}


def measure(kind: str, files: BenchFiles, out_dir: Path) -> dict:
    if kind == "pipeline":
        result = _measure_pipeline(files, out_dir)
    else:
        result = _measure_frames(kind, files, out_dir)
    result["peak_mb"] = max(peak_mb(), result.pop("process_tree_peak_mb", 0.0))
    return result


def measure_in_subprocess(kind: str, files: BenchFiles, out_dir: Path) -> dict:
    """Run ``measure`` in a fresh Python process; its JSON result."""
    command = [
        sys.executable,
        "-m",
        "benchmarks.measure",
        kind,
        "--data-dir",
        str(files.data_dir),
        "--years",
        f"{files.first_year}-{files.last_year}",
        "--out",
        str(out_dir),
    ]
    completed = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True)
    if completed.returncode != 0:
        raise RuntimeError(f"{kind} failed:\n{completed.stderr[-4000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=IMPLEMENTATIONS)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--years", required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    files = BenchFiles(args.data_dir, tuple(parse_years(args.years)))
    args.out.mkdir(parents=True, exist_ok=True)
    print(json.dumps(measure(args.kind, files, args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
