"""The project's instance storage: Dagster's SQLite layout, with an event log that keeps its
connections, still readable by stock Dagster and by the webserver, which watches each run's file."""

import shutil
import sqlite3

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
