"""Two analysts start a year each from the command line at the same moment, on a new Dagster
home as on a fresh clone: both runs succeed, one after the other, never with DuckDB's lock
error, and build what the demo build holds, to the byte (charts and editions made again); and a
warehouse held open elsewhere makes a run wait, then fail saying which process holds it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import Workspace
from tests.e2e.cli_build import copy_of_demo_build


def test_two_years_started_together_from_two_processes_both_succeed_and_build_the_same(
    demo_build: Workspace, tmp_path: Path
) -> None:
    # Without the demo build's chart and edition caches: the report is made again, in another
    # process. Its PDFs come from the cache where their HTML is the same to the byte (that the
    # same HTML renders to the same PDF in another process: test_report_outputs).
    build = copy_of_demo_build(demo_build, tmp_path, caches=["pdf"])
    built_2024, built_2025, built_report = build.tables(2024), build.tables(), build.report()
    # The year before: one delivery's assets, without the report (which is the latest year's);
    # the year itself whole, as `make report` builds it.
    first = build.start(2024, select='key:"raw/drug_sites"+ and not key:"report/*"')
    second = build.start(2025)
    outputs = [process.communicate(timeout=600) for process in (first, second)]
    for process, (_, errors) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, errors[-3000:]
        assert "Conflicting lock" not in errors
    # Built again from the same files, each year's tables and the report are what they were.
    assert build.tables(2024) == built_2024
    assert build.tables() == built_2025
    report = build.report()
    assert sorted(report) == sorted(built_report)
    changed = [name for name, content in report.items() if content != built_report[name]]
    assert changed == [], f"not the same bytes: {changed}"


def test_a_warehouse_held_open_by_an_analyst_fails_the_run_naming_the_holder(
    demo_build: Workspace, tmp_path: Path
) -> None:
    build = copy_of_demo_build(demo_build, tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('open', flush=True); time.sleep(120)", str(build.database)],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"open\n"
        # One asset that needs nothing but the warehouse: the run fails at its first step.
        run = build.start(2025, lock_wait_seconds=2, select='key:"staging/stg_drug_sites__sites"')
        _, errors = run.communicate(timeout=300)
    finally:
        holder.kill()
        holder.wait()
    assert run.returncode != 0
    assert f"is held by {sys.executable}" in errors or f"(PID {holder.pid})" in errors
    assert f"(PID {holder.pid})" in errors and "Close that program" in errors
