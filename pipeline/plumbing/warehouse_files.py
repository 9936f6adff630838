"""Where the warehouse and its readers' copy lie, as paths: no Dagster, so that a command that
only reads them (``pipeline.query``) starts at once."""

from __future__ import annotations

from pathlib import Path


def warehouse_file(data_dir: Path) -> Path:
    """The warehouse file in a data folder."""
    return data_dir / "warehouse.duckdb"


def readers_copy_of(database: Path) -> Path:
    """Where runs publish the copy of ``database`` that readers open."""
    return database.with_name(f"{database.stem}_readers{database.suffix}")
