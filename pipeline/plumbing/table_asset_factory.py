"""Build a yearly-partitioned asset whose rows a pure Python function computes.

Every such asset does the same things: read its inputs for the run's years (one partition, or all
of a backfill) with read-only queries (``sql/<layer>/queries/``), call a pure function of
``pipeline/domain/``, hand the frames it returns (each row with its year) to DuckDB, replace the
years' rows with its writer SQL (``sql/<layer>/<table>.sql``) in one transaction, unregister the
frames whatever happened, and describe what it wrote. Only the middle step differs, so an asset
is declared as data: a ``PythonTable``.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import polars as pl
from dagster import (
    AssetDep,
    AssetExecutionContext,
    AssetKey,
    AssetsDefinition,
    Config,
    MaterializeResult,
    asset,
)
from dagster_duckdb import DuckDBResource

from pipeline.plumbing.metadata import yearly_table_metadata
from pipeline.plumbing.partitions import (
    SINGLE_RUN,
    partition_years,
    year_params,
    yearly_partitions,
)
from pipeline.plumbing.sql_runner import (
    named_parameters,
    query_frame,
    registered,
    write_tables,
)


@dataclass(frozen=True)
class Computed:
    """What a table's compute step hands to its writer SQL."""

    # registered under these names while the writer SQL runs; every row holds its year
    frames: Mapping[str, pl.DataFrame]
    # the writer's parameters besides the years (the settings the rows were computed with)
    params: Mapping[str, Any] = field(default_factory=dict)
    # shown with the materialisation beside row count, schema and preview
    metadata: Mapping[str, Any] = field(default_factory=dict)
    # an input the files do not show is invented (such as the demo's programme list)
    synthetic: bool = False


# (input frames by name, the run's years, the run config or None) -> what to write
Compute = Callable[[Mapping[str, pl.DataFrame], range, Any], Computed]


@dataclass(frozen=True)
class PythonTable:
    """One Python-computed table of a layer, declared as data."""

    name: str
    group: str
    description: str
    deps: Sequence[AssetDep | AssetKey | str]
    # frame name -> read-only query (its name under sql/); each gets the year if it names it
    inputs: Mapping[str, str]
    compute: Compute
    # run config the analyst may set in the launchpad (a dagster Config class)
    config: type[Config] | None = None
    # the tables it writes, each by its writer sql/<layer>/<table>.sql, in one transaction (the
    # first is the one the metadata describes); by default the table named after the asset
    tables: tuple[str, ...] = ()


def _read_inputs(
    conn: duckdb.DuckDBPyConnection, inputs: Mapping[str, str], years: range
) -> dict[str, pl.DataFrame]:
    frames = {}
    for frame_name, name in inputs.items():
        named = named_parameters(conn, name)
        params = {key: value for key, value in year_params(years).items() if key in named}
        frames[frame_name] = query_frame(conn, name, params)
    return frames


def _write(
    conn: duckdb.DuckDBPyConnection,
    layer: str,
    tables: tuple[str, ...],
    computed: Computed,
    years: range,
) -> None:
    frames = {name: frame.to_arrow() for name, frame in computed.frames.items()}
    with registered(conn, frames):
        write_tables(conn, layer, tables, {**year_params(years), **computed.params})


def python_table_asset(layer: str, model: PythonTable) -> AssetsDefinition:
    """The asset of one ``PythonTable``; its key prefix comes with the layer's folder."""
    tables = model.tables or (model.name,)

    @asset(
        name=model.name,
        group_name=model.group,
        description=model.description,
        partitions_def=yearly_partitions,
        backfill_policy=SINGLE_RUN,
        deps=list(model.deps),
        config_schema=model.config.to_fields_dict() if model.config else None,
        pool="duckdb",
        kinds={"duckdb", "python"},
    )
    def _build(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
        years = partition_years(context)
        config = model.config(**context.op_execution_context.op_config) if model.config else None
        with warehouse.get_connection() as conn:
            computed = model.compute(_read_inputs(conn, model.inputs, years), years, config)
            _write(conn, layer, tables, computed, years)
            sql_files = ", ".join(f"sql/{layer}/{table}.sql" for table in tables)
            metadata = yearly_table_metadata(conn, f"{layer}.{tables[0]}", years, sql_files)
        # An invented input makes the result invented too, whatever the files.
        metadata["synthetic"] = metadata["synthetic"] or computed.synthetic
        return MaterializeResult(metadata={**metadata, **computed.metadata})

    return _build


def python_table_assets(layer: str, models: Sequence[PythonTable]) -> list[AssetsDefinition]:
    """The assets of a layer's Python tables, in the order given."""
    return [python_table_asset(layer, model) for model in models]


def year_by_year(
    years: range, compute_year: Callable[[int], Mapping[str, pl.DataFrame]]
) -> dict[str, pl.DataFrame]:
    """Frames a per-year domain function computes for each of ``years``, stacked per name, each
    row with its year first: for the statistics that hold one year at a time."""
    per_year = [
        {
            name: frame.select(pl.lit(year, pl.Int32).alias("year"), pl.all())
            for name, frame in compute_year(year).items()
        }
        for year in years
    ]
    return {name: pl.concat([frames[name] for frames in per_year]) for name in per_year[0]}
