"""Policy measures: the programme lists (reference), their validity check and the policy
effects asset. The statistics are in pipeline/domain/statistics/policy_effects.py."""

import polars as pl
from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetDep,
    AssetExecutionContext,
    AssetKey,
    MaterializeResult,
    MetadataValue,
    asset,
    asset_check,
)
from dagster_duckdb import DuckDBResource

from pipeline.domain.publishing.markdown import markdown_table
from pipeline.domain.statistics.policy_estimates import estimate_policy_effects
from pipeline.domain.statistics.uncertainty import CONFIDENCE_LEVEL
from pipeline.metadata import table_metadata, yearly_table_metadata
from pipeline.partitions import TEN_YEARS, yearly_partitions
from pipeline.resources import ProjectPaths
from pipeline.sql import query, query_frame, run_in_transaction

# Programmes whose effect the threat picture follows; each has a list in data/raw/policy/
# (the demo ships a synthetic one).
POLICY_PROGRAMMES = ("preventie_met_gezag",)
LIST_COLUMNS = ("gemeentecode", "gemeentenaam", "startjaar")

MEMBERS_KEY = AssetKey(["reference", "policy_municipalities"])


def _read_list(path) -> pl.DataFrame:
    frame = pl.read_csv(path, infer_schema=False, columns=list(LIST_COLUMNS))
    return frame.with_row_index("source_row", offset=2).with_columns(
        pl.col("source_row").cast(pl.Int64)
    )


def _synthetic_selection(conn) -> bool:
    """Whether any programme list loaded is the demo's invented one."""
    return conn.execute(
        "select coalesce(bool_or(is_synthetic), false) from reference.policy_municipalities"
    ).fetchall()[0][0]


@asset(
    key=MEMBERS_KEY,
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
    files = {}
    with warehouse.get_connection() as conn:
        for programme in POLICY_PROGRAMMES:
            found = paths.policy_file(programme)
            rows = (
                _read_list(found.path)
                if found
                else pl.DataFrame(
                    schema={"source_row": pl.Int64, **dict.fromkeys(LIST_COLUMNS, pl.String)}
                )
            )
            if found is None:
                context.log.warning(f"No list for {programme}: it has no members this run.")
            conn.register("policy_rows", rows.to_arrow())
            try:
                run_in_transaction(
                    conn,
                    "reference/policy_municipalities",
                    {
                        "programme": programme,
                        "source_file": found.path.name if found else None,
                        "is_synthetic": found.is_synthetic if found else False,
                    },
                )
            finally:
                conn.unregister("policy_rows")
            kind = "SYNTHETIC demo selection" if found and found.is_synthetic else "analyst list"
            files[programme] = f"{found.path} ({kind})" if found else "none"
        metadata = table_metadata(conn, "reference.policy_municipalities")
        synthetic = _synthetic_selection(conn)
    return MaterializeResult(
        metadata={
            **metadata,
            "synthetic": synthetic,
            "source_files": MetadataValue.md(
                "\n".join(f"- {name}: {where}" for name, where in files.items())
            ),
        }
    )


@asset_check(
    asset=MEMBERS_KEY,
    name="policy_municipalities_are_valid",
    description="Every listed code is a municipality of the current division, listed once per "
    "programme, with a start year from 2015 on, one start year per programme; a failure names "
    "the file, row, column and value.",
    blocking=True,
    pool="duckdb",
)
def policy_municipalities_are_valid(
    context: AssetCheckExecutionContext, warehouse: DuckDBResource
) -> AssetCheckResult:
    with warehouse.get_connection() as conn:
        columns, problems = query(conn, "quality/policy_municipalities")
    return AssetCheckResult(
        passed=not problems,
        description="Every list is valid." if not problems else f"{len(problems)} problem(s)",
        metadata={"problems": MetadataValue.md(markdown_table(columns, problems[:50]))},
    )


@asset(
    key_prefix="indicators",
    group_name="policy",
    description="Policy measures: per programme and outcome (registered crimes per phenomenon "
    "and in all, Meld Misdaad Anoniem tips), the difference-in-differences rate ratio of the "
    "municipalities taking part against the others over up to ten years, with its 95% "
    "cluster-robust interval, a parallel-trends test, and both groups' yearly rates.",
    partitions_def=yearly_partitions,
    deps=[
        AssetDep(["indicators", "phenomenon_indicators"], partition_mapping=TEN_YEARS),
        AssetDep(["indicators", "signal_indicators"], partition_mapping=TEN_YEARS),
        MEMBERS_KEY,
    ],
    pool="duckdb",
    kinds={"duckdb", "python"},
)
def policy_effects(context: AssetExecutionContext, warehouse: DuckDBResource) -> MaterializeResult:
    year = int(context.partition_key)
    with warehouse.get_connection() as conn:
        history = query_frame(conn, "indicators/queries/policy_effect_inputs", {"year": year})
        members = query_frame(conn, "indicators/queries/policy_members")
        effects, series = estimate_policy_effects(history, members, CONFIDENCE_LEVEL)
        conn.register("effect_rows", effects.to_arrow())
        conn.register("series_rows", series.to_arrow())
        try:
            run_in_transaction(
                conn,
                "indicators/policy_effects",
                {"year": year, "confidence_level": CONFIDENCE_LEVEL},
            )
        finally:
            conn.unregister("effect_rows")
            conn.unregister("series_rows")
        metadata = yearly_table_metadata(
            conn, "indicators.policy_effects", year, "sql/indicators/policy_effects.sql"
        )
        synthetic_selection = _synthetic_selection(conn)
    # An invented programme list makes the effect invented too, whatever the counts.
    metadata["synthetic"] = metadata["synthetic"] or synthetic_selection
    return MaterializeResult(metadata={**metadata, "synthetic_selection": synthetic_selection})


policy_assets = [policy_municipalities, policy_effects]
policy_checks = [policy_municipalities_are_valid]
