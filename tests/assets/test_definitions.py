"""The code location's wiring: pools, the job, the schedule, and no side effects at import."""

import subprocess
import sys
from datetime import UTC, datetime

import pytest
from dagster import DefaultScheduleStatus, build_schedule_context
from dagster._utils.schedules import cron_string_iterator

from pipeline.definitions import build_definitions, defs
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
    assert config["concurrency"]["pools"] == {"granularity": "run", "default_limit": 1}


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


@pytest.mark.parametrize(
    ("cron", "now", "next_tick", "partition"),
    [
        # the default: 1 July 06:00 in Amsterdam (summer time, UTC+2)
        (None, datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 7, 1, 4, tzinfo=UTC), "2025"),
        (None, datetime(2026, 7, 1, 5, tzinfo=UTC), datetime(2027, 7, 1, 4, tzinfo=UTC), "2026"),
        # another date, as an operator would set it: 15 November 07:30 (winter time, UTC+1)
        (
            "30 7 15 11 *",
            datetime(2029, 1, 2, tzinfo=UTC),
            datetime(2029, 11, 15, 6, 30, tzinfo=UTC),
            "2028",
        ),
    ],
)
def test_the_yearly_schedule_date_is_configurable_and_requests_the_year_before(
    cron, now, next_tick, partition
):
    built = build_definitions() if cron is None else build_definitions(yearly_schedule_cron=cron)
    schedule = built.resolve_schedule_def("yearly_threat_picture")
    assert schedule.execution_timezone == "Europe/Amsterdam"
    tick = next(cron_string_iterator(now.timestamp(), schedule.cron_schedule, "Europe/Amsterdam"))
    assert tick.astimezone(UTC) == next_tick
    context = build_schedule_context(
        scheduled_execution_time=tick, repository_def=built.get_repository_def()
    )
    [request] = list(schedule.evaluate_tick(context).run_requests)
    assert request.partition_key == partition
    assert partition in built.resolve_job_def("threat_picture").partitions_def.get_partition_keys(
        current_time=tick
    )


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


def test_every_asset_tells_the_analyst_what_it_is_and_every_check_what_to_do():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        shown = key.to_user_string()
        assert node.description and len(node.description) > 20, shown
        assert node.owners == ["team:dreigingsbeeld"], shown
        assert node.group_name in {
            "reference", "incidents", "population", "drugs", "financial", "signals",
            "sectors", "harm", "policy", "report",
        }, shown  # fmt: skip
        assert node.kinds, shown
        assert node.tags, shown
    for check in graph.asset_check_keys:
        description = graph.get_check_spec(check).description or ""
        assert "When it fails" in description or "When it warns" in description, check
