"""Resources: the DuckDB warehouse and the project's folders, both configured, never hard-coded."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource
from dagster_duckdb import DuckDBResource

from pipeline.domain.files.deliveries import files_for_year, years_with_files
from pipeline.domain.files.sources import Source, SourceFile, find_policy_file
from pipeline.plumbing.partitions import built_years
from pipeline.plumbing.sql_runner import prepare_connection

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class ProjectPaths(ConfigurableResource):
    """Where source files are read from and reports are written to."""

    data_dir: str
    reports_dir: str

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


class Warehouse(DuckDBResource):
    """DuckDBResource with the project's SQL macros, whose connection is closed even when the
    work inside fails.

    The parent closes only on success; a connection left open keeps the file locked against
    other processes and blocks opening it with another configuration in this one.
    """

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with super().get_connection() as conn:
            try:
                prepare_connection(conn)
                yield conn
            finally:
                conn.close()


def warehouse_resource(database: str, memory_limit: str = "4GB") -> Warehouse:
    # memory_limit lets DuckDB spill to disk instead of exhausting the machine on large inputs.
    return Warehouse(database=database, connection_config={"memory_limit": memory_limit})


def default_paths(data_dir: Path | None = None, reports_dir: Path | None = None) -> ProjectPaths:
    """The project's own data/ and reports/ folders, unless others are given."""
    return ProjectPaths(
        data_dir=str(data_dir or PROJECT_ROOT / "data"),
        reports_dir=str(reports_dir or PROJECT_ROOT / "reports"),
    )


def default_resources(
    data_dir: Path | None = None,
    reports_dir: Path | None = None,
    database: Path | None = None,
) -> dict[str, object]:
    paths = default_paths(data_dir, reports_dir)
    return {
        "warehouse": warehouse_resource(str(database or paths.data / "warehouse.duckdb")),
        "paths": paths,
    }
