"""The warehouse resource releases the DuckDB file even when the work inside fails."""

import duckdb
import pytest

from pipeline.plumbing.resources import warehouse_resource


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
