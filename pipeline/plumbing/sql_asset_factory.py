"""Build an asset from a SQL file that writes one table.

The SQL file ``sql/<layer>/<name>.sql`` creates its table if needed, deletes the rows of the
run's years ($first_year to $last_year: one partition, or all of a backfill) and inserts them
again (or, for a table that is not partitioned, replaces it); it runs as one transaction, so a
failure leaves the previous rows intact.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dagster import (
    AssetDep,
    AssetExecutionContext,
    AssetsDefinition,
    MaterializeResult,
    asset,
)
from dagster_duckdb import DuckDBResource

from pipeline.plumbing.metadata import table_metadata, yearly_table_metadata
from pipeline.plumbing.partitions import (
    SINGLE_RUN,
    partition_years,
    year_params,
    yearly_partitions,
)
from pipeline.plumbing.sql_runner import create_tables_of, run_in_transaction


def partitioned_sql_asset(
    *,
    layer: str,
    name: str,
    group: str,
    description: str,
    deps: Sequence[AssetDep | Sequence[str]],
    extra_params: Callable[[AssetExecutionContext], Mapping[str, Any]] | None = None,
    tables_maybe_unwritten: Sequence[str] = (),
) -> AssetsDefinition:
    # One name for the layer: the sql/<layer>/ folder and the schema; the asset-key prefix is
    # added when the layer's folder is loaded (pipeline/plumbing/layers.py).
    table = f"{layer}.{name}"

    @asset(
        name=name,
        group_name=group,
        description=description,
        partitions_def=yearly_partitions,
        backfill_policy=SINGLE_RUN,
        deps=list(deps),
        pool="duckdb",
        kinds={"duckdb", "sql"},
    )
    def _build(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
        years = partition_years(context)
        params = {**year_params(years), **(extra_params(context) if extra_params else {})}
        with warehouse.get_connection() as conn:
            for sql_name in tables_maybe_unwritten:
                create_tables_of(conn, sql_name)
            run_in_transaction(conn, f"{layer}/{name}", params)
            metadata = yearly_table_metadata(conn, table, years, f"sql/{layer}/{name}.sql")
        return MaterializeResult(metadata=metadata)

    return _build


@dataclass(frozen=True)
class SqlModel:
    """One SQL-built table of a layer, declared as data: sql/<layer>/<name>.sql, the asset
    <layer>/<name>, the table <layer>.<name>."""

    name: str
    group: str
    description: str
    # asset keys: "name" within the layer, "layer/name" from another layer
    inputs: tuple[str, ...]
    extra_params: Callable[[AssetExecutionContext], Mapping[str, Any]] | None = None
    # SQL files whose tables this model reads though no run may have written them yet (an
    # optional source): their tables are created empty first
    tables_maybe_unwritten: tuple[str, ...] = ()


def sql_assets(layer: str, models: Sequence[SqlModel]) -> list[AssetsDefinition]:
    """The assets of a layer's SQL models, in the order given."""
    return [
        partitioned_sql_asset(
            layer=layer,
            name=model.name,
            group=model.group,
            description=model.description,
            deps=[key.split("/") for key in model.inputs],
            extra_params=model.extra_params,
            tables_maybe_unwritten=model.tables_maybe_unwritten,
        )
        for model in models
    ]


def whole_table_sql_assets(layer: str, models: Sequence[SqlModel]) -> list[AssetsDefinition]:
    """The assets of a layer's SQL models that are not partitioned: each run rebuilds the whole
    table from the tables it reads (run config is not taken)."""
    return [_whole_table_sql_asset(layer, model) for model in models]


def _whole_table_sql_asset(layer: str, model: SqlModel) -> AssetsDefinition:
    @asset(
        name=model.name,
        group_name=model.group,
        description=model.description,
        deps=[key.split("/") for key in model.inputs],
        pool="duckdb",
        kinds={"duckdb", "sql"},
    )
    def _build(warehouse: DuckDBResource) -> MaterializeResult:
        with warehouse.get_connection() as conn:
            run_in_transaction(conn, f"{layer}/{model.name}")
            metadata = table_metadata(conn, f"{layer}.{model.name}")
        return MaterializeResult(metadata={**metadata, "sql_file": f"sql/{layer}/{model.name}.sql"})

    return _build
