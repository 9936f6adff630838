"""The code location's wiring: pools, the job, the schedule, and no side effects at import."""

import subprocess
import sys
from datetime import datetime

from dagster import DefaultScheduleStatus, build_schedule_context

from pipeline.definitions import defs
from tests.conftest import PROJECT_ROOT


def test_everything_that_opens_the_warehouse_takes_the_duckdb_pool():
    users = [
        *(a for a in defs.assets if "warehouse" in a.required_resource_keys),
        *(c for c in defs.asset_checks if "warehouse" in c.required_resource_keys),
    ]
    # Every asset and check of this project reads or writes the warehouse.
    assert len(users) == len(list(defs.assets)) + len(list(defs.asset_checks))
    assert {d.op.pool for d in users} == {"duckdb"}


def test_instance_limits_the_pool_and_turns_telemetry_off():
    import yaml

    config = yaml.safe_load((PROJECT_ROOT / "dagster_home" / "dagster.yaml").read_text())
    assert config["telemetry"] == {"enabled": False}
    assert config["concurrency"]["pools"]["default_limit"] == 1


def test_the_yearly_schedule_builds_the_year_just_ended_and_starts_stopped():
    schedule = defs.resolve_schedule_def("yearly_threat_picture")
    assert schedule.default_status == DefaultScheduleStatus.STOPPED
    assert schedule.cron_schedule == "0 6 1 7 *"
    context = build_schedule_context(
        scheduled_execution_time=datetime(2026, 7, 1, 6), repository_def=defs.get_repository_def()
    )
    [request] = list(schedule.evaluate_tick(context).run_requests)
    assert request.partition_key == "2025"
    assert schedule.job_name == "threat_picture"


def test_importing_the_definitions_opens_no_project_file(tmp_path):
    # Import in a fresh interpreter with file opens traced (pathlib opens through io.open).
    probe = (
        "import builtins, io, sys\n"
        "opened = []\n"
        "real_open = io.open\n"
        "def tracing_open(file, *a, **k):\n"
        "    opened.append(str(file)); return real_open(file, *a, **k)\n"
        "import dagster, duckdb, polars, dagster_duckdb, altair, jinja2, babel  # noqa: F401\n"
        "builtins.open = io.open = tracing_open\n"
        "import pipeline.definitions\n"
        "builtins.open = io.open = real_open\n"
        "ours = [f for f in opened if f.startswith(sys.argv[1]) and '.py' not in f]\n"
        "print(ours)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(PROJECT_ROOT)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
