"""The demo built again as the analyst builds it, on the demo build just made in the bench's
temporary copy of the project (its warehouse holds every year; its caches of PDFs, charts and
editions are warm):

- every year and the report, ``python -m pipeline.build`` (what ``make report`` runs);
- the latest year from the command line (``dagster asset materialize --select '*' --partition
  <year>``, as the README shows), first with no checks service running and then with the one
  that run started;
- the latest year launched through the GraphQL API of ``dagster dev``, as the launchpad does
  (the ``threat_picture`` job for the year, default resources), with no checks service running,
  timed from the launch to the run's end.

The copy has its own ``DAGSTER_HOME`` and checks socket (``demo_build._build_environment``), so
nothing of the checkout is read or written, and no server or service is left running.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from benchmarks.dagster_ui import (
    free_port,
    launch_partition,
    start_server,
    stop_process_group,
    wait_until_serving,
)
from pipeline.plumbing.checks_socket import SOCKET_VARIABLE
from pipeline.plumbing.gx_worker import stop_service

DAGSTER = Path(sys.executable).parent / "dagster"
STARTUP_TIMEOUT_S = 120


def measure_built_again(project: Path, environment: dict[str, str], year: int) -> dict:
    """Seconds of each way of building again in ``project`` (see the module)."""
    socket_path = Path(environment[SOCKET_VARIABLE])
    # As on a machine where no build ran in the last minutes (the service would still run).
    stop_service(socket_path)
    all_years = _timed(project, environment, [sys.executable, "-m", "pipeline.build"])
    stop_service(socket_path)
    year_command = [
        str(DAGSTER), "asset", "materialize", "-m", "pipeline.definitions",
        "--select", "*", "--partition", str(year),
    ]  # fmt: skip
    cold = _timed(project, environment, year_command)
    warm = _timed(project, environment, year_command)
    stop_service(socket_path)
    try:
        ui = _through_the_ui(project, environment, year)
    finally:
        stop_service(socket_path)
    return {
        "year": year,
        "all_years_seconds": all_years,
        "cli_no_service_seconds": cold,
        "cli_seconds": warm,
        **ui,
    }


def _timed(project: Path, environment: dict[str, str], command: list[str]) -> float:
    started = time.perf_counter()
    completed = subprocess.run(
        command, cwd=project, env=environment, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{completed.stderr[-4000:]}")
    return seconds


def _through_the_ui(project: Path, environment: dict[str, str], year: int) -> dict:
    """``dagster dev`` (webserver and daemon, as ``make dev`` starts it) in the copy; the year
    launched once it answers; the server stopped."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = project / "dagster_dev.log"
    started = time.perf_counter()
    command = [str(DAGSTER), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)]
    server = start_server(command, project, environment, log_path)
    try:
        wait_until_serving(server, base_url, log_path, STARTUP_TIMEOUT_S)
        ready = time.perf_counter() - started
        launched = time.perf_counter()
        run = launch_partition(base_url, "threat_picture", str(year))
        seconds = time.perf_counter() - launched
    finally:
        stop_process_group(server)
    if run["status"] != "SUCCESS":
        raise RuntimeError(f"the run launched through the UI ended {run['status']}: {run}")
    return {
        "ui_ready_seconds": ready,
        "ui_seconds": seconds,
        # From the launch to the run worker's start (the queue, and a process that imports
        # Dagster and loads the definitions), then the run itself, as the run page shows it.
        "ui_before_run_seconds": run["startTime"] - run["creationTime"],
        "ui_run_seconds": run["endTime"] - run["startTime"],
    }
