"""Runs whose process has died are marked failed, and their pool slots given back.

A run killed with SIGKILL (or on a machine that went down) stays "started" for ever: the run
queue (pools at run granularity) then starts no other run, and a pool slot its step held makes
every later run wait, spinning a core. When a run starts, and every 30 s in the daemon (the
``dead_runs`` sensor), the running runs are looked at; one whose process (the pid of its last
event) is gone, or is a newer process that took its pid, is marked failed and its slots are
freed. The project runs on one machine, so the pid is one of this machine's.
"""

from __future__ import annotations

import os
from pathlib import Path

from dagster import DagsterInstance, DagsterRunStatus, RunsFilter

# A run in these states should have a live process.
RUNNING = (DagsterRunStatus.STARTING, DagsterRunStatus.STARTED, DagsterRunStatus.CANCELING)


def _process_started(pid: int) -> float | None:
    """When process ``pid`` started (epoch seconds, Linux's /proc); None if there is none."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime")
        )
    except (OSError, StopIteration, IndexError):
        return None
    # field 22 of stat is the start time in clock ticks after boot (the 20th after the name)
    return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")


def is_alive(pid: int, since: float | None) -> bool:
    """Whether process ``pid`` runs and is the one that was running at ``since``."""
    started = _process_started(pid)
    if started is None:
        return False
    return since is None or started <= since + 1  # /proc/stat's boot time is whole seconds


def _last_pid(instance: DagsterInstance, run_id: str) -> int | None:
    """The process that wrote the run's latest Dagster event (log lines carry none)."""
    for record in instance.get_records_for_run(run_id, limit=50, ascending=False).records:
        event = record.event_log_entry.dagster_event
        if event is not None and event.pid is not None:
            return event.pid
    return None


def release_slots_of_dead_runs(instance: DagsterInstance) -> list[str]:
    """Fail every running run whose process is gone, and free the pool slots of runs that are
    not running; the run ids failed or freed."""
    released = []
    for record in instance.get_run_records(filters=RunsFilter(statuses=list(RUNNING))):
        run_id = record.dagster_run.run_id
        pid = _last_pid(instance, run_id)
        if pid is None or is_alive(pid, record.start_time):
            continue  # alive, or not yet started by a process: leave it
        instance.report_run_failed(
            record.dagster_run,
            "Its process is gone (killed, or the machine stopped): marked failed by a later "
            "run or the housekeeping sensor, so that the run queue and pools go on.",
        )
        released.append(run_id)
    storage = instance.event_log_storage
    if storage.supports_global_concurrency_limits:
        for run_id in sorted(storage.get_concurrency_run_ids()):
            holder = instance.get_run_record_by_id(run_id)
            if holder is None or holder.dagster_run.status not in RUNNING:
                storage.free_concurrency_slots_for_run(run_id)
                released.append(run_id)
    return sorted(set(released))
