"""The whole demo build, ``python -m pipeline.build``, timed in a process of its own.

``pipeline.build`` reads and writes next to its own code (``default_paths()``: the project's
``data/`` and ``reports/``, the warehouse ``data/warehouse.duckdb``) and records its runs in
``$DAGSTER_HOME``. So that the checkout's warehouse, reports and run storage stay untouched, the
build runs in a temporary copy of the project (code with its compiled bytecode, the demo and
reference data, the report templates; no warehouse: a first build from scratch) with a
temporary ``DAGSTER_HOME`` holding the project's dagster.yaml. Afterwards its runs are read
back from that instance: the time per asset from Dagster's events, and Dagster's start-up
(process start, imports, loading the definitions, finding the years) apart from the runs.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_data import PROJECT_ROOT
from benchmarks.built_again import measure_built_again
from benchmarks.dagster_steps import summarise_run
from pipeline.build import available_years
from pipeline.plumbing.checks_socket import SOCKET_VARIABLE
from pipeline.plumbing.gx_worker import stop_service
from pipeline.plumbing.resources import default_paths

COPIED = ("pipeline", "assets", "sql", "pyproject.toml", "workspace.yaml")
COPIED_DATA = ("demo", "reference")
COPIED_REPORTS = ("i18n", "static", "templates")


def copy_project(target: Path) -> None:
    """The parts of the checkout the build reads, copied with their times (so that the compiled
    bytecode in __pycache__ stays valid)."""
    for name in COPIED:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("*.duckdb*"))
        else:
            shutil.copy2(source, target / name)
    for name in COPIED_DATA:
        shutil.copytree(PROJECT_ROOT / "data" / name, target / "data" / name)
    for name in COPIED_REPORTS:
        shutil.copytree(PROJECT_ROOT / "reports" / name, target / "reports" / name)
    (target / "dagster_home").mkdir()
    shutil.copy2(PROJECT_ROOT / "dagster_home" / "dagster.yaml", target / "dagster_home")


def _build_environment(project: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment["DAGSTER_HOME"] = str(project / "dagster_home")
    # The copy's modules, not the checkout's (which the editable install would find).
    environment["PYTHONPATH"] = str(project)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    # A checks service of its own, started by the build as on a machine where none runs yet.
    environment[SOCKET_VARIABLE] = str(_checks_socket(project))
    return environment


def _checks_socket(project: Path) -> Path:
    return project / "checks.sock"


def _runs(home: Path) -> list:
    """The build's runs, read back from its instance (whose storage config names the folder
    through $DAGSTER_HOME, so it is set while the instance is open)."""
    from dagster import DagsterInstance

    before = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)
    try:
        instance = DagsterInstance.from_config(str(home))
        summaries = [summarise_run(instance, run.run_id) for run in instance.get_runs()]
        instance.dispose()
    finally:
        if before is None:
            del os.environ["DAGSTER_HOME"]
        else:
            os.environ["DAGSTER_HOME"] = before
    return sorted(summaries, key=lambda summary: summary.started)


def measure_demo_build(again: bool = True) -> dict:
    """Build the demo in a temporary copy; seconds in all, start-up, each run with its steps,
    and the build's peak memory; then, if ``again``, all years and the latest year built again
    as the analyst builds them (``built_again.py``).

    The peak is that of this process's children, so this runs before any other child."""
    with tempfile.TemporaryDirectory(prefix="bench-demo-build-") as folder:
        project = Path(folder)
        copy_project(project)
        environment = _build_environment(project)
        started_epoch, started = time.time(), time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "pipeline.build"],
            cwd=project,
            env=environment,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
        stop_service(_checks_socket(project))
        if completed.returncode != 0:
            raise RuntimeError(f"the demo build failed:\n{completed.stderr[-4000:]}")
        runs = _runs(project / "dagster_home")
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        built_again = None
        if again:
            print(
                "Built again: all years, one year from the command line, from the UI ...",
                flush=True,
            )
            year = max(available_years(default_paths(project / "data")))
            built_again = measure_built_again(project, environment, year)
    in_runs = sum(run.seconds for run in runs)
    startup = runs[0].started - started_epoch if runs else seconds
    return {
        "seconds": seconds,
        "startup_seconds": startup,
        "runs_seconds": in_runs,
        "other_seconds": max(0.0, seconds - startup - in_runs),
        "runs": [run.to_json() for run in runs],
        "peak_mb": peak_mb,
        "build_output": completed.stdout.strip().splitlines()[:6],
        "built_again": built_again,
    }
