"""The warehouse resource: the DuckDB file released even when the work inside fails, one
connection for all the steps of a run, a wait for a file another process holds, and the copy
for readers each run publishes."""

import subprocess
import sys
import time

import duckdb
import pytest
from dagster import asset, materialize

from pipeline.plumbing.resources import (
    Warehouse,
    WarehouseBusy,
    lock_holder,
    warehouse_resource,
)
from pipeline.plumbing.warehouse_files import readers_copy_of


def test_connection_is_closed_after_a_failure(tmp_path):
    database = tmp_path / "w.duckdb"
    warehouse = warehouse_resource(str(database), memory_limit="1GB")
    with pytest.raises(duckdb.CatalogException), warehouse.get_connection() as conn:
        conn.execute("select * from no_such_table")
    # The same file opens with another configuration only when no connection is left open.
    duckdb.connect(str(database), config={"memory_limit": "2GB"}).close()


def test_memory_limit_is_applied(tmp_path):
    warehouse = warehouse_resource(str(tmp_path / "w.duckdb"), memory_limit="1GB")
    with warehouse.get_connection() as conn:
        limit = conn.execute("select current_setting('memory_limit')").fetchall()[0][0]
    assert limit in {"1.0 GB", "953.6 MiB"}


def test_the_steps_of_a_run_share_one_connection_closed_when_the_run_ends(tmp_path):
    database = tmp_path / "w.duckdb"
    seen: list[int] = []

    @asset
    def first(warehouse: Warehouse) -> None:
        with warehouse.get_connection() as conn:
            seen.append(id(conn))
            conn.execute("create table t as select 1 as x")

    @asset(deps=[first])
    def second(warehouse: Warehouse) -> None:
        with warehouse.get_connection() as conn:
            seen.append(id(conn))
            # a failed statement inside a transaction is rolled back for the next step
            conn.execute("begin transaction")
            conn.execute("insert into t values (2)")
            conn.execute("select * from no_such_table")

    @asset(deps=[second])
    def third(warehouse: Warehouse) -> None:
        with warehouse.get_connection() as conn:
            seen.append(id(conn))

    result = materialize(
        [first, second, third],
        resources={"warehouse": warehouse_resource(str(database), memory_limit="1GB")},
        raise_on_error=False,
    )
    assert not result.success
    assert len(seen) == 2 and seen[0] == seen[1]  # third did not run: second failed
    # Closed at the run's end: the file opens with another configuration; the failed
    # step's insert was rolled back.
    with duckdb.connect(str(database), config={"memory_limit": "2GB"}) as conn:
        assert conn.execute("select x from t").fetchall() == [(1,)]


HOLD = (
    "import duckdb, sys, time\n"
    "conn = duckdb.connect(sys.argv[1], read_only=sys.argv[3] == 'read')\n"
    "print('held', flush=True)\n"
    "time.sleep(float(sys.argv[2]))\n"
    "if sys.argv[3] == 'read':\n"
    "    print(conn.execute('select count(*) from t').fetchall()[0][0], flush=True)\n"
)


def hold(database, seconds: float, mode: str = "write") -> subprocess.Popen:
    """Another process (as a DuckDB CLI or a notebook would) holding the file for a while; a
    reader then counts the rows of its table ``t``."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(database), str(seconds), mode], stdout=subprocess.PIPE
    )
    assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
    return holder


def test_a_held_file_fails_after_the_wait_naming_the_process_that_holds_it(tmp_path):
    database = tmp_path / "w.duckdb"
    holder = hold(database, 60)
    try:
        warehouse = Warehouse(database=str(database), lock_wait_seconds=1)
        started = time.monotonic()
        with (
            pytest.raises(WarehouseBusy, match=rf"PID {holder.pid}\)") as raised,
            warehouse.get_connection(),
        ):
            pass
        assert time.monotonic() - started >= 1
        assert str(database) in str(raised.value) and "Close" in str(raised.value)
    finally:
        holder.kill()
        holder.wait()


def test_a_run_waits_for_a_file_held_for_less_than_its_wait(tmp_path):
    database = tmp_path / "w.duckdb"
    holder = hold(database, 1.5)
    try:
        with Warehouse(database=str(database), lock_wait_seconds=30).get_connection() as conn:
            assert conn.execute("select 42").fetchall() == [(42,)]
    finally:
        holder.wait()


def test_lock_holder_reads_duckdbs_message():
    message = (
        'IO Error: Could not set lock on file "/w.duckdb": Conflicting lock is held in '
        "/usr/bin/duckdb (PID 4242) by user ana. See also https://duckdb.org/docs"
    )
    assert lock_holder(message) == "/usr/bin/duckdb (PID 4242)"
    assert lock_holder("IO Error: Cannot open file: no such file") is None


def test_each_run_publishes_a_copy_readers_keep_open_while_runs_go_on(tmp_path):
    database = tmp_path / "w.duckdb"
    rows = [1]

    @asset
    def table(warehouse: Warehouse) -> None:
        with warehouse.get_connection() as conn:
            conn.execute("create or replace table t as select range as x from range(?)", rows)

    resources = {"warehouse": warehouse_resource(str(database), memory_limit="1GB")}
    assert materialize([table], resources=resources).success
    copy = readers_copy_of(database)
    assert copy == tmp_path / "w_readers.duckdb"
    # A notebook keeps the copy open: the next run is not held up, and replaces it whole.
    reader = hold(copy, 3, mode="read")
    try:
        rows[0] = 5
        assert materialize([table], resources=resources).success
        with duckdb.connect(str(copy), read_only=True) as conn:
            assert conn.execute("select count(*) from t").fetchall() == [(5,)]
    finally:
        out, _ = reader.communicate(timeout=30)
    assert out == b"1\n"  # the reader went on reading the copy it had opened
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb", "w_readers.duckdb"]
