"""What the bench prints and writes: the tables, the aims, reports/bench/latest.json and .svg."""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.bench_data import PROJECT_ROOT
from benchmarks.dagster_steps import slowest_steps

LABELS = {
    "pipeline": "(P) pipeline (Dagster)",
    "duckdb": "(D) DuckDB script",
    "pandas": "(Pd) pandas + SciPy",
}
# The aims: pipeline / DuckDB seconds at most 1.3; pandas / pipeline seconds at least 2;
# pipeline peak memory at most a quarter of pandas'.
MAX_PIPELINE_VS_DUCKDB = 1.3
MIN_PANDAS_VS_PIPELINE = 2.0
MAX_PIPELINE_VS_PANDAS_MEMORY = 0.25
# Built again (warm): one year, from the UI or from the command line, under 15 s; every year
# with the report under 30 s.
MAX_ONE_YEAR_SECONDS = 15.0
MAX_ALL_YEARS_SECONDS = 30.0


def ratios(results: dict[str, dict]) -> dict[str, float]:
    pipeline, duckdb, pandas = (results[k] for k in ("pipeline", "duckdb", "pandas"))
    return {
        "pipeline_vs_duckdb": pipeline["seconds"] / duckdb["seconds"],
        "pandas_vs_pipeline": pandas["seconds"] / pipeline["seconds"],
        "pipeline_vs_pandas_memory": pipeline["peak_mb"] / pandas["peak_mb"],
    }


def aims(measured: dict[str, float]) -> list[tuple[str, bool]]:
    return [
        (
            f"pipeline within {MAX_PIPELINE_VS_DUCKDB}x of DuckDB "
            f"(measured {measured['pipeline_vs_duckdb']:.2f}x)",
            measured["pipeline_vs_duckdb"] <= MAX_PIPELINE_VS_DUCKDB,
        ),
        (
            f"pipeline at least {MIN_PANDAS_VS_PIPELINE:g}x faster than pandas "
            f"(measured {measured['pandas_vs_pipeline']:.2f}x)",
            measured["pandas_vs_pipeline"] >= MIN_PANDAS_VS_PIPELINE,
        ),
        (
            "pipeline peak memory at most a quarter of pandas' "
            f"(measured {measured['pipeline_vs_pandas_memory']:.2f}x)",
            measured["pipeline_vs_pandas_memory"] <= MAX_PIPELINE_VS_PANDAS_MEMORY,
        ),
    ]


def national_table(results: dict[str, dict], repeat: int) -> str:
    duckdb_s, pipeline_s = results["duckdb"]["seconds"], results["pipeline"]["seconds"]
    lines = [
        f"{'implementation':<26}{'seconds':>9}{'peak MB':>10}{'/ DuckDB':>10}"
        f"{'/ pipeline':>12}   each run (s)   [median of {repeat}]"
    ]
    for kind, result in results.items():
        each = ", ".join(f"{s:.1f}" for s in result["each_seconds"])
        lines.append(
            f"{LABELS[kind]:<26}{result['seconds']:>9.1f}{result['peak_mb']:>10,.0f}"
            f"{result['seconds'] / duckdb_s:>9.2f}x{result['seconds'] / pipeline_s:>11.2f}x"
            f"   {each}"
        )
    return "\n".join(lines)


def pipeline_breakdown(pipeline: dict) -> str:
    """Where the pipeline's time went: start-up, then the run's slowest steps, each with the
    highest resident memory while it ran and what it added to the memory at its start."""
    memory = pipeline.get("step_memory_mb", {})
    lines = [
        f"{pipeline['startup_seconds']:8.1f} s  start-up (import Dagster, build the definitions)",
        f"{pipeline['run_seconds']:8.1f} s  the run (materialize), of which:",
        f"{'':16}{'step':<56}{'peak MB':>10}{'added MB':>10}",
    ]
    for name, seconds in slowest_steps(pipeline["steps"]):
        peak, added = memory.get(name, ("", ""))
        shown = f"{peak:>10,.0f}{added:>10,.0f}" if peak != "" else ""
        lines.append(f"{seconds:12.1f} s  {name:<56}{shown}".rstrip())
    lines.append(f"{pipeline['outside_steps_seconds']:12.1f} s  Dagster outside the steps")
    return "\n".join(lines)


def demo_build_table(build: dict) -> str:
    lines = [
        f"{build['seconds']:8.1f} s  python -m pipeline.build in all "
        f"(peak {build['peak_mb']:,.0f} MB)",
        f"{build['startup_seconds']:8.1f} s  start-up: process, imports, definitions, finding "
        "the years (before the first run's first event)",
    ]
    for number, run in enumerate(build["runs"], start=1):
        lines.append(f"{run['seconds']:8.1f} s  run {number} ({run['run_id'][:8]}), of which:")
        for name, seconds in slowest_steps(run["steps"], count=6):
            lines.append(f"{seconds:12.1f} s  {name}")
    lines.append(f"{build['other_seconds']:8.1f} s  between and after the runs")
    return "\n".join(lines)


def built_again_table(again: dict) -> str:
    """The demo built again each way, as ``built_again.measure_built_again`` measured it."""
    year = again["year"]
    command = f"dagster asset materialize --select '*' --partition {year}"
    return "\n".join(
        [
            f"{again['all_years_seconds']:8.1f} s  python -m pipeline.build (make report): every "
            "year and the report",
            f"{again['cli_no_service_seconds']:8.1f} s  {command} (no checks service running)",
            f"{again['cli_seconds']:8.1f} s  the same again (the checks service running)",
            f"{again['ui_seconds']:8.1f} s  threat_picture {year} launched through the UI's "
            "GraphQL (dagster dev; no checks service running), from the launch to SUCCESS:",
            f"{again['ui_before_run_seconds']:12.1f} s  queued, and the run's process starting",
            f"{again['ui_run_seconds']:12.1f} s  the run",
            f"{again['ui_ready_seconds']:8.1f} s  (before that: dagster dev started, answering)",
        ]
    )


def built_again_aims(again: dict) -> list[tuple[str, bool]]:
    one_year, all_years = MAX_ONE_YEAR_SECONDS, MAX_ALL_YEARS_SECONDS
    return [
        (
            f"one year from the UI under {one_year:g} s (measured {again['ui_seconds']:.1f} s)",
            again["ui_seconds"] < one_year,
        ),
        (
            f"one year from the command line under {one_year:g} s "
            f"(measured {again['cli_no_service_seconds']:.1f} s without the checks service, "
            f"{again['cli_seconds']:.1f} s with it)",
            max(again["cli_no_service_seconds"], again["cli_seconds"]) < one_year,
        ),
        (
            f"every year and the report under {all_years:g} s "
            f"(measured {again['all_years_seconds']:.1f} s)",
            again["all_years_seconds"] < all_years,
        ),
    ]


def git_commit(root: Path = PROJECT_ROOT) -> str:
    """The checked-out commit, read from .git (no git process needed)."""
    try:
        head = (root / ".git" / "HEAD").read_text(encoding="utf-8").strip()
        if not head.startswith("ref: "):
            return head
        ref = head.removeprefix("ref: ")
        loose = root / ".git" / ref
        if loose.is_file():
            return loose.read_text(encoding="utf-8").strip()
        for line in (root / ".git" / "packed-refs").read_text(encoding="utf-8").splitlines():
            commit, _, name = line.partition(" ")
            if name == ref:
                return commit
    except OSError:
        pass
    return "unknown"


def changed_files(root: Path = PROJECT_ROOT) -> list[str]:
    """Tracked files changed since the commit (the measured code may not be the commit's)."""
    git = shutil.which("git")
    if git is None:
        return ["unknown: no git"]
    status = subprocess.run(
        [git, "status", "--porcelain", "--untracked-files=no"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    return [line[3:] for line in status.stdout.splitlines()] if status.returncode == 0 else []


def machine() -> dict[str, object]:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(memory, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def write_results(out_dir: Path, summary: dict) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = {
        **summary,
        "machine": machine(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "git_commit": git_commit(),
        "changed_since_commit": changed_files(),
    }
    path = out_dir / "latest.json"
    path.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return path


def write_chart(out_dir: Path, results: dict[str, dict], title: str) -> Path:
    """Seconds and peak memory of the three, side by side (SVG through vl-convert)."""
    import altair as alt
    import pandas as pd

    rows = [
        {"implementation": LABELS[kind], "measure": measure, "value": result[key]}
        for kind, result in results.items()
        for measure, key in (("seconds (median)", "seconds"), ("peak memory (MB)", "peak_mb"))
    ]
    bars = (
        alt.Chart(pd.DataFrame(rows))
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title=None),
            y=alt.Y("implementation:N", title=None, sort=list(LABELS.values())),
            color=alt.Color("implementation:N", legend=None),
            tooltip=["implementation", "measure", alt.Tooltip("value:Q", format=",.1f")],
        )
        .properties(width=300, height=90)
    )
    panels = alt.Column("measure:N", title=None, sort=["seconds (median)", "peak memory (MB)"])
    chart = bars.facet(column=panels).resolve_scale(x="independent")
    chart = chart.properties(title=title)
    path = out_dir / "latest.svg"
    chart.save(str(path), format="svg")
    return path
