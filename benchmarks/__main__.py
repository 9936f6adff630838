"""make bench: the demo build per asset, and the pipeline at national scale against a hand-written
DuckDB script and plain pandas, on the same generated files.

    python -m benchmarks [--years 2016-2025] [--rows-per-year 2500000] [--repeat 1]
                         [--no-demo-build] [--out reports/bench]

1. The whole demo build (``python -m pipeline.build``) in a temporary copy of the project: time
   per asset from Dagster's events, Dagster's start-up apart from the runs. Then, on that build,
   the demo built again as the analyst builds it: every year (``make report``), and the latest
   year through ``dagster asset materialize`` and through the GraphQL API of ``dagster dev``
   (``built_again.py``).
2. National scale: record-level unusual transactions (generated once into data/bench/) plus the
   demo incidents; (P) the pipeline through Dagster in one run over the years, (D) one DuckDB
   script, (Pd) pandas with SciPy; each in its own process (peak memory apart), in turns,
   ``--repeat`` times. The three must give identical tables before any time is reported.
3. reports/bench/latest.json and latest.svg.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks import report
from benchmarks.bench_data import PROJECT_ROOT, BenchFiles, prepare_bench_data
from benchmarks.identity import TABLE_KEYS, compare_folders
from benchmarks.measure import IMPLEMENTATIONS, measure_in_subprocess, parse_years
from pipeline.plumbing.allowed_folders import ALLOWED_FOLDERS_VARIABLE

COMPARED = (
    "financial_indicators (all columns) and the registered-crime rows (source = 'incidents') "
    "of phenomenon_indicators (all columns)"
)


def _median_result(runs: list[dict]) -> dict:
    """The run of median time (its steps and rows), with the highest peak memory of all."""
    seconds = statistics.median(run["seconds"] for run in runs)
    closest = min(runs, key=lambda run: abs(run["seconds"] - seconds))
    peak = max(run["peak_mb"] for run in runs)
    each = [run["seconds"] for run in runs]
    return {**closest, "seconds": seconds, "peak_mb": peak, "each_seconds": each}


def _check_identity(outputs: dict[str, Path]) -> int:
    """P against D and against Pd; the rows compared, or exit with the differences."""
    names = list(TABLE_KEYS)
    problems = []
    for other in ("duckdb", "pandas"):
        found = compare_folders(names, outputs["pipeline"], outputs[other], ("pipeline", other))
        problems += [f"pipeline vs {other}: {line}" for line in found]
    if problems:
        print("IDENTITY CHECK FAILED: the implementations disagree; no time is reported.")
        print("\n".join(problems))
        raise SystemExit(1)
    import pandas as pd

    return sum(len(pd.read_parquet(outputs["pipeline"] / f"{n}.parquet")) for n in names)


def _national_scale(files: BenchFiles, repeat: int, work: Path) -> tuple[dict, int]:
    """Every implementation ``repeat`` times in turns (the machine's speed drifts); each
    round's tables checked for identity before anything is reported."""
    runs: dict[str, list[dict]] = {kind: [] for kind in IMPLEMENTATIONS}
    rows = 0
    for round_number in range(1, repeat + 1):
        outputs = {}
        for kind in IMPLEMENTATIONS:
            outputs[kind] = work / f"{kind}-{round_number}"
            print(f"  round {round_number}: {report.LABELS[kind]} ...", flush=True)
            runs[kind].append(measure_in_subprocess(kind, files, outputs[kind]))
        rows = _check_identity(outputs)
    return {kind: _median_result(results) for kind, results in runs.items()}, rows


def _print_national(files: BenchFiles, results: dict, rows: int, args) -> dict[str, float]:
    measured = report.ratios(results)
    print(
        f"\nNational scale, {files.first_year}-{files.last_year}: "
        f"{len(files.years) * args.rows_per_year:,} record-level transactions plus the demo "
        "incidents and population"
    )
    print(f"Identity check passed: {rows:,} rows identical in all three ({COMPARED}).\n")
    print(report.national_table(results, args.repeat))
    print("\nAims:")
    for text, met in report.aims(measured):
        print(f"  {'met    ' if met else 'NOT met'}  {text}")
    print("\nWhere the pipeline's time went (Dagster's events, the median run):")
    print(report.pipeline_breakdown(results["pipeline"]))
    return measured


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", default="2016-2025")
    parser.add_argument("--rows-per-year", type=int, default=2_500_000)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each (the median counts)")
    parser.add_argument(
        "--no-demo-build",
        action="store_true",
        help="skip the demo build (and building again on it: all years; one from the CLI, the UI)",
    )
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "reports" / "bench")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    files = prepare_bench_data(parse_years(args.years), args.rows_per_year)
    build = None
    if not args.no_demo_build:
        # First: its peak memory is read as that of this process's children.
        from benchmarks.demo_build import measure_demo_build

        print("Demo build (python -m pipeline.build in a temporary copy) ...", flush=True)
        build = measure_demo_build()
    print("National scale ...", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        # The pipeline's warehouse and reports go to this folder, outside the project.
        os.environ[ALLOWED_FOLDERS_VARIABLE] = work
        results, rows = _national_scale(files, args.repeat, Path(work))
    # Times are shown only once the three implementations are known to agree.
    again = build["built_again"] if build else None
    if build:
        print("\nThe whole demo build (python -m pipeline.build: the eleven demo years in one run,")
        print("the 2025 report in another; fresh warehouse, temporary DAGSTER_HOME):")
        print(report.demo_build_table(build))
    if again:
        print("\nBuilt again on that build, as the analyst builds (warehouse and report caches")
        print("warm):")
        print(report.built_again_table(again))
        for text, met in report.built_again_aims(again):
            print(f"  {'met    ' if met else 'NOT met'}  {text}")
    measured = _print_national(files, results, rows, args)
    summary = {
        **measured,
        **{f"{kind}_seconds": result["seconds"] for kind, result in results.items()},
        **{f"{kind}_peak_mb": result["peak_mb"] for kind, result in results.items()},
        "aims_met": {
            text: met
            for text, met in [
                *report.aims(measured),
                *(report.built_again_aims(again) if again else []),
            ]
        },
        "built_again": again,
        "rows_compared": rows,
        "compared": COMPARED,
        "years": [files.first_year, files.last_year],
        "transactions": len(files.years) * args.rows_per_year,
        "repeat": args.repeat,
        "implementations": results,
        "demo_build_seconds": build["seconds"] if build else None,
        "demo_build": build,
    }
    title = f"{len(files.years)} years, {summary['transactions']:,} transactions: P, D and Pd"
    json_path = report.write_results(args.out, summary)
    chart_path = report.write_chart(args.out, results, title)
    print(f"\nwrote {json_path} and {chart_path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
