"""The project's instance storage: Dagster's SQLite layout, with an event log that keeps its
connections, still readable by stock Dagster and by the webserver, which watches each run's file."""

import os
import shutil
import sqlite3
import subprocess
import sys

from dagster import DagsterInstance, asset, materialize
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

from pipeline.plumbing.instance_storage import KeptConnectionEventLogStorage
from tests.conftest import PROJECT_ROOT


@asset
def counted() -> int:
    return 1


def _instance(tmp_path, monkeypatch) -> DagsterInstance:
    shutil.copy(PROJECT_ROOT / "dagster_home" / "dagster.yaml", tmp_path / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    return DagsterInstance.get()


def test_the_project_instance_uses_the_kept_connection_event_log(tmp_path, monkeypatch):
    with _instance(tmp_path, monkeypatch) as instance:
        assert isinstance(instance.event_log_storage, KeptConnectionEventLogStorage)
        run_id = materialize([counted], instance=instance).run_id
        ours = instance.all_logs(run_id)
    assert (tmp_path / "history" / "runs" / f"{run_id}.db").exists()

    # Stock Dagster reads the same events from the same files.
    stock = SqliteEventLogStorage(str(tmp_path / "history" / "runs"))
    theirs = stock.get_logs_for_run(run_id)
    assert [e.dagster_event_type for e in theirs] == [e.dagster_event_type for e in ours]
    assert "ASSET_MATERIALIZATION" in {e.dagster_event_type.name for e in ours if e.dagster_event}


def test_a_run_file_holds_its_events_without_its_write_ahead_log(tmp_path, monkeypatch):
    # The webserver learns of new events when the run's .db file changes: every write must reach
    # that file, not only its -wal file (as closing the connection after each event did).
    with _instance(tmp_path, monkeypatch) as instance:
        run_id = materialize([counted], instance=instance).run_id
        stored = len(instance.all_logs(run_id))
        copy = tmp_path / "copy.db"
        shutil.copy(tmp_path / "history" / "runs" / f"{run_id}.db", copy)  # not the -wal file
        with sqlite3.connect(copy) as conn:
            in_file = conn.execute("select count(*) from event_logs").fetchone()[0]
    assert stored > 5
    assert in_file == stored


def test_processes_starting_together_on_a_new_home_all_open_it(tmp_path):
    # Two analysts' first runs on a fresh clone: each process creates the storage it finds
    # missing. Each process here has imported Dagster and waits for the word to open it, so
    # that they open it at the same moment; without the creation lock one failed in most trials.
    shutil.copy(PROJECT_ROOT / "dagster_home" / "dagster.yaml", tmp_path / "dagster.yaml")
    opening = (
        "import sys; from dagster import DagsterInstance; print('ready', flush=True); "
        "sys.stdin.readline(); DagsterInstance.get().get_runs()"
    )
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", opening],
            cwd=PROJECT_ROOT,
            env={**os.environ, "DAGSTER_HOME": str(tmp_path)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    for process in processes:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    errors = [process.communicate(timeout=120)[1] for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0, 0], errors
