"""The policy programme lists (reference): which municipalities take part in each programme and
from when, and the blocking check that every list is valid. The effects are in
assets/indicators/policy_effects.py."""

import duckdb
import polars as pl
from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetExecutionContext,
    MaterializeResult,
    MetadataValue,
    asset,
    asset_check,
)
from dagster_duckdb import DuckDBResource

from pipeline.domain.files.sources import SourceFile
from pipeline.plumbing.check_results import problems_result
from pipeline.plumbing.metadata import table_metadata
from pipeline.plumbing.resources import ProjectPaths
from pipeline.plumbing.sql_runner import query, registered, run_in_transaction

# Programmes whose effect the threat picture follows; each has a list in data/raw/policy/
# (the demo ships a synthetic one).
POLICY_PROGRAMMES = ("preventie_met_gezag",)
LIST_COLUMNS = ("gemeentecode", "gemeentenaam", "startjaar")


def _read_list(found: SourceFile | None) -> pl.DataFrame:
    if found is None:
        columns = {"source_row": pl.Int64, **dict.fromkeys(LIST_COLUMNS, pl.String)}
        return pl.DataFrame(schema=columns)
    frame = pl.read_csv(found.path, infer_schema=False, columns=list(LIST_COLUMNS))
    return frame.with_row_index("source_row", offset=2).with_columns(
        pl.col("source_row").cast(pl.Int64)
    )


def _describe(found: SourceFile | None) -> str:
    if found is None:
        return "none"
    return f"{found.path} ({'SYNTHETIC demo selection' if found.is_synthetic else 'analyst list'})"


def _load_list(conn: duckdb.DuckDBPyConnection, programme: str, found: SourceFile | None) -> None:
    with registered(conn, {"policy_rows": _read_list(found).to_arrow()}):
        run_in_transaction(
            conn,
            "reference/policy_municipalities",
            {
                "programme": programme,
                "source_file": found.path.name if found else None,
                "is_synthetic": found.is_synthetic if found else False,
            },
        )


@asset(
    group_name="policy",
    description="The municipalities taking part in each policy programme (Preventie met gezag) "
    "with their start year, from the analyst's list in data/raw/policy/; without one, the "
    "demo's clearly labelled SYNTHETIC selection.",
    pool="duckdb",
    kinds={"duckdb", "csv"},
)
def policy_municipalities(
    context: AssetExecutionContext, warehouse: DuckDBResource, paths: ProjectPaths
) -> MaterializeResult:
    found = {programme: paths.policy_file(programme) for programme in POLICY_PROGRAMMES}
    with warehouse.get_connection() as conn:
        for programme, policy_file in found.items():
            if policy_file is None:
                context.log.warning(f"No list for {programme}: it has no members this run.")
            _load_list(conn, programme, policy_file)
        metadata = table_metadata(conn, "reference.policy_municipalities")
        synthetic = query(conn, "reference/queries/policy_selection")[1][0][0]
    return MaterializeResult(
        metadata={
            **metadata,
            "synthetic": synthetic,
            "source_files": MetadataValue.md(
                "\n".join(f"- {name}: {_describe(where)}" for name, where in found.items())
            ),
        }
    )


@asset_check(
    asset=policy_municipalities,
    name="policy_municipalities_are_valid",
    description="Every listed code is a municipality of the current division, listed once per "
    "programme, with a start year from 2015 on, one start year per programme; a failure names "
    "the file, row, column and value. When it fails: correct the list in data/raw/policy/ and "
    "materialize the asset again; the policy effects wait until it passes.",
    blocking=True,
    pool="duckdb",
)
def policy_municipalities_are_valid(
    context: AssetCheckExecutionContext, warehouse: DuckDBResource
) -> AssetCheckResult:
    with warehouse.get_connection() as conn:
        columns, problems = query(conn, "quality/queries/policy_municipalities")
    return problems_result(columns, problems, "Every list is valid.")
