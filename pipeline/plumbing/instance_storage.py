"""The project's Dagster instance storage: Dagster's SQLite storage, with its event log keeping
one connection per database instead of opening and closing one for every event.

Dagster's ``SqliteEventLogStorage`` creates an engine, connects, writes, closes and disposes
for each event; a yearly build stores about 1,300 events, at 6-10 ms each on this machine. Kept
connections take about 2 ms an event, with the same files, tables and layout (stock Dagster
reads them as before). After each write to a run's own database its write-ahead log is copied
into the database file, as closing the connection did, so that the webserver, which watches
that file, still sees a run's events as they come.

The storage's databases are created under a file lock in the home folder: two processes
starting on a new home at once (two analysts' first ``dagster asset materialize``) would both
create the tables and stamp their schema version, and one of them failed ("more than one head
present") in 5 of 6 trials.

Configured in ``dagster_home/dagster.yaml`` (``storage: custom:``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as db
from dagster._core.storage.event_log.sqlite.sqlite_event_log import (
    INDEX_SHARD_NAME,
    SqliteEventLogStorage,
)
from dagster._core.storage.sqlite_storage import DagsterSqliteStorage, _event_logs_directory
from dagster._serdes import ConfigurableClassData
from sqlalchemy.engine import Connection, Engine

from pipeline.domain.file_lock import held_lock

# As Dagster's own storage: how long a writer waits for another process's lock.
BUSY_TIMEOUT_SECONDS = 30
# In the home folder: held while a process opens (and maybe creates) the storage.
CREATION_LOCK = ".storage.lock"


@contextmanager
def creating_storage(base_dir: str) -> Iterator[None]:
    """One process at a time opens the storage of ``base_dir``, creating what is missing."""
    Path(base_dir).mkdir(parents=True, exist_ok=True)
    with held_lock(Path(base_dir) / CREATION_LOCK):
        yield


def _relaxed_sync(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # In WAL mode NORMAL keeps the database consistent; only a power cut may lose the last events.
    dbapi_connection.execute("pragma synchronous = normal")


class KeptConnectionEventLogStorage(SqliteEventLogStorage):
    """``SqliteEventLogStorage`` with one kept engine (and pooled connection) per database."""

    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None):
        self._engines: dict[str, Engine] = {}
        super().__init__(base_dir, inst_data)

    @classmethod
    def from_config_value(  # type: ignore[override]
        cls, inst_data: ConfigurableClassData, config_value: dict[str, Any]
    ) -> KeptConnectionEventLogStorage:
        return cls(inst_data=inst_data, **config_value)

    def _engine(self, shard: str) -> Engine:
        engine = self._engines.get(shard)
        if engine is None:
            engine = db.create_engine(
                self.conn_string_for_shard(shard),
                connect_args={"timeout": BUSY_TIMEOUT_SECONDS},
            )
            db.event.listen(engine, "connect", _relaxed_sync)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            self._engines[shard] = engine
        return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        with self._db_lock, self._engine(shard).connect() as conn:
            with conn.begin():
                yield conn
            if shard != INDEX_SHARD_NAME:
                conn.exec_driver_sql("pragma wal_checkpoint(passive)")

    def _dispose_engines(self) -> None:
        with self._db_lock:
            for engine in self._engines.values():
                engine.dispose()
            self._engines.clear()

    def wipe(self) -> None:
        self._dispose_engines()  # the run databases are deleted: no connection may outlive them
        super().wipe()

    def dispose(self) -> None:
        self._dispose_engines()
        super().dispose()


class ProjectSqliteStorage(DagsterSqliteStorage):
    """Dagster's SQLite instance storage (same folders) with the kept-connection event log."""

    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None):
        with creating_storage(base_dir):
            super().__init__(base_dir, inst_data)
            self._event_log_storage = KeptConnectionEventLogStorage(_event_logs_directory(base_dir))

    @classmethod
    def from_config_value(  # type: ignore[override]
        cls, inst_data: ConfigurableClassData, config_value: dict[str, Any]
    ) -> ProjectSqliteStorage:
        return cls.from_local(inst_data=inst_data, **config_value)
