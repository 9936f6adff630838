"""Resources: the DuckDB warehouse and the project's folders, both configured, never hard-coded."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, InitResourceContext
from dagster_duckdb import DuckDBResource
from pydantic import Field, PrivateAttr

from pipeline.domain.files.deliveries import files_for_year, years_with_files
from pipeline.domain.files.sources import Source, SourceFile, find_policy_file
from pipeline.plumbing.allowed_folders import PROJECT_DATA, PROJECT_ROOT, check_allowed
from pipeline.plumbing.expectations import Expectations
from pipeline.plumbing.partitions import built_years
from pipeline.plumbing.report_renderer import ReportRenderer
from pipeline.plumbing.sql_runner import prepare_connection
from pipeline.plumbing.warehouse_files import readers_copy_of, warehouse_file

# How often a run waiting for the warehouse file tries again.
LOCK_POLL_SECONDS = 0.25


class ProjectPaths(ConfigurableResource):
    """Where source files are read from and reports are written to."""

    data_dir: str
    reports_dir: str

    def setup_for_execution(self, context: InitResourceContext) -> None:
        check_allowed("paths.data_dir", self.data_dir)
        check_allowed("paths.reports_dir", self.reports_dir)

    @property
    def data(self) -> Path:
        return Path(self.data_dir)

    def reference_file(self, name: str) -> Path:
        return self.data / "reference" / f"{name}.csv"

    def source_files(self, source: Source, year: int) -> list[SourceFile]:
        """The files that feed ``year`` of ``source``; raises ``UnreadableFile`` for a file of
        the source that cannot be read or placed in a year."""
        return files_for_year(self.data, source, year, built_years())

    def years_with_files(self, source: Source) -> list[int]:
        return years_with_files(self.data, source, built_years())

    def policy_file(self, programme: str) -> SourceFile | None:
        return find_policy_file(self.data, programme)

    def report_dir(self, year: int) -> Path:
        return Path(self.reports_dir) / str(year)


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse file for longer than a run waits for it."""


class Warehouse(DuckDBResource):
    """DuckDBResource with the project's SQL macros, one connection per run, and a wait for the
    file when another process holds it.

    In a run the connection is opened at the first step that needs it and kept until the run
    ends (``teardown_after_execution``): opening the file, preparing the macros and the
    checkpoint at closing cost about 50 ms a step, a third of a small step's time. Outside a run
    (tests, scripts) each ``get_connection`` opens and closes its own. A connection is closed
    even when the work inside fails (the parent closes only on success); a connection left
    open keeps the file locked against other processes.

    DuckDB lets one process write a file at a time. Another process's run, a DuckDB CLI or a
    notebook holding it makes this wait up to ``lock_wait_seconds``, then fail with one message
    naming the holder. So that analysts need not hold it, each run ends by publishing a copy
    for readers (``readers_copy``), which they may keep open while runs go on.
    """

    lock_wait_seconds: float = Field(
        default=600.0,
        description="How long a run waits for the warehouse file while another process "
        "(a run, the DuckDB CLI, a notebook) holds it, before it fails saying which.",
    )
    readers_copy: bool = Field(
        default=True,
        description="Whether each run, as it ends, puts a copy of the warehouse beside it for "
        "readers (<name>_readers.duckdb): a notebook or the DuckDB CLI may keep the copy open "
        "without holding up runs.",
    )
    _run_connection: duckdb.DuckDBPyConnection | None = PrivateAttr(default=None)
    _in_run: bool = PrivateAttr(default=False)

    def setup_for_execution(self, context: InitResourceContext) -> None:
        check_allowed("warehouse.database", self.database)
        self._in_run = True

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        self._in_run = False
        if self._run_connection is not None:
            connection, self._run_connection = self._run_connection, None
            try:
                if self.readers_copy:
                    self._publish_readers_copy(connection)
            finally:
                connection.close()

    def _publish_readers_copy(self, conn: duckdb.DuckDBPyConnection) -> None:
        """The warehouse as the run leaves it, copied while the run still holds the file (no
        other writer can change it meanwhile) and put in place whole: a reader who has the old
        copy open keeps reading it."""
        conn.execute("checkpoint")  # everything in the file itself, none in its write-ahead log
        target = readers_copy_of(Path(self.database))
        part = target.with_name(f".{target.name}.part")
        shutil.copyfile(self.database, part)
        os.replace(part, target)

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if not self._in_run:
            conn = self._open()
            try:
                yield conn
            finally:
                conn.close()
            return
        if self._run_connection is None:
            self._run_connection = self._open()
        conn = self._run_connection
        try:
            yield conn
        except BaseException:
            self._recover(conn)
            raise

    def _recover(self, conn: duckdb.DuckDBPyConnection) -> None:
        """After a failed step: its open transaction rolled back; a connection DuckDB
        invalidated is closed, so that the next step opens a new one."""
        with contextlib.suppress(duckdb.Error):
            conn.execute("rollback")
        try:
            conn.execute("select 1").fetchall()
        except duckdb.Error:
            self._run_connection = None
            with contextlib.suppress(duckdb.Error):
                conn.close()

    def _open(self) -> duckdb.DuckDBPyConnection:
        config = {"custom_user_agent": "dagster", **self.connection_config}
        waited_until = time.monotonic() + self.lock_wait_seconds
        while True:
            try:
                conn = duckdb.connect(self.database, read_only=False, config=config)
                break
            except duckdb.IOException as error:
                holder = lock_holder(str(error))
                if holder is None:
                    raise
                if time.monotonic() >= waited_until:
                    raise WarehouseBusy(
                        f"The warehouse {self.database} is held by {holder}. Close that "
                        "program (a DuckDB CLI, a notebook, another run) or wait for it, then "
                        f"start the run again (waited {self.lock_wait_seconds:g} s; readers "
                        "can open it read-only once no run writes, see the README)."
                    ) from None
                time.sleep(LOCK_POLL_SECONDS)
        try:
            prepare_connection(conn)
        except BaseException:
            conn.close()
            raise
        return conn


# DuckDB: 'Could not set lock on file "...": Conflicting lock is held in /usr/bin/duckdb
# (PID 4242) by user ana.'
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")


def lock_holder(message: str) -> str | None:
    """The process named in DuckDB's lock error, as 'program (PID n)'; None for other errors."""
    match = _LOCK_HOLDER.search(message)
    if match is None:
        return None
    return f"{match['program']} (PID {match['pid']})"


def warehouse_resource(database: str, memory_limit: str = "4GB") -> Warehouse:
    # memory_limit lets DuckDB spill to disk instead of exhausting the machine on large inputs.
    return Warehouse(database=database, connection_config={"memory_limit": memory_limit})


def default_paths(data_dir: Path | None = None, reports_dir: Path | None = None) -> ProjectPaths:
    """The project's own data/ and reports/ folders, unless others are given."""
    return ProjectPaths(
        data_dir=str(data_dir or PROJECT_DATA),
        reports_dir=str(reports_dir or PROJECT_ROOT / "reports"),
    )


def default_resources(
    data_dir: Path | None = None,
    reports_dir: Path | None = None,
    database: Path | None = None,
) -> dict[str, object]:
    paths = default_paths(data_dir, reports_dir)
    return {
        "warehouse": warehouse_resource(str(database or warehouse_file(paths.data))),
        "paths": paths,
        "renderer": ReportRenderer(
            pdf_cache_dir=str(paths.data / "cache" / "pdf"),
            chart_cache_dir=str(paths.data / "cache" / "charts"),
            edition_cache_dir=str(paths.data / "cache" / "editions"),
        ),
        "expectations": Expectations(),
    }
