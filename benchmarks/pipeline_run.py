"""(P) The pipeline itself: ingest plus the indicators through Dagster, in one run over the years.

``dagster.materialize`` with the project's own definitions and resources (pointed at the bench
data folder and a temporary warehouse), in this process, over the partition range of the years
(as ``pipeline.build`` launches a backfill: ``range_tags``). The selection is what the two
indicator tables need: the reference layer, five raw sources with their blocking checks, the
staging tables and the two indicator assets (with its blocking check). The non-blocking staging
checks (jumps, CBS aggregates) are left out: they feed no table compared here.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from benchmarks.bench_data import BenchFiles
from benchmarks.dagster_steps import step_windows, summarise_run
from benchmarks.memory_sampler import MemorySampler

RAW_SOURCES = ("unusual_transactions", "financial", "incidents", "population", "drug_sites")
STAGING_TABLES = (
    "stg_financial__fiu_transactions",
    "stg_population__inhabitants",
    "stg_incidents__crimes",
    "stg_incidents__counted_crimes",
    "stg_drug_sites__sites",
)
INDICATOR_TABLES = ("financial_indicators", "phenomenon_indicators")
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}

# The rows compared with the other implementations: the whole financial table, and the
# registered-crime rows of phenomenon_indicators (the drug-site rows have no counterpart).
EXPORT_QUERIES = {
    "financial_indicators": "select * from indicators.financial_indicators "
    "where year between $first_year and $last_year",
    "phenomenon_indicators": "select * from indicators.phenomenon_indicators "
    "where year between $first_year and $last_year and source = 'incidents'",
}


def _selected_keys(defs) -> tuple[list, list]:
    """The asset keys and the blocking check keys of the bench's selection."""
    from dagster import AssetKey

    keys = [AssetKey(["raw", name]) for name in RAW_SOURCES]
    keys += [AssetKey(["staging", name]) for name in STAGING_TABLES]
    keys += [AssetKey(["indicators", name]) for name in INDICATOR_TABLES]
    for assets_def in defs.assets:
        keys += [key for key in assets_def.keys if key.path[0] == "reference"]
    # The raw assets' checks are part of their assets (they check before they write); the
    # others are definitions of their own.
    checks = [
        spec.key
        for definition in [*defs.asset_checks, *defs.assets]
        for spec in definition.check_specs
        if spec.blocking and spec.asset_key in keys
    ]
    return keys, checks


def _failed_checks(result) -> list[str]:
    return [
        evaluation.asset_check_key.to_user_string()
        for evaluation in result.get_asset_check_evaluations()
        if not evaluation.passed
    ]


def _step_memory(instance, run_id: str, sampler: MemorySampler) -> dict[str, list[float]]:
    """Per step: the highest resident MB while it ran, and what it added to the memory at its
    start."""
    windows = step_windows(instance, run_id)
    return {name: list(sampler.growth_between(*window)) for name, window in windows.items()}


def run_pipeline(files: BenchFiles, work_dir: Path) -> dict:
    """Materialise the selection; the seconds (start-up and run apart), Dagster's per-step
    timings and the warehouse holding the tables."""
    started = time.perf_counter()
    # As python -m pipeline.build does: the checks service loads GX while Dagster loads here. A
    # service of the bench's own, started now as on a machine where none runs yet, whose memory
    # counts as the pipeline's.
    from pipeline.plumbing.checks_socket import SOCKET_VARIABLE
    from pipeline.plumbing.gx_worker import WORKER, stop_service

    socket_folder = Path(tempfile.mkdtemp(prefix="bench-checks-"))
    os.environ[SOCKET_VARIABLE] = str(socket_folder / "checks.sock")
    WORKER.start()
    from dagster import AssetSelection, BetaWarning, DagsterInstance, PreviewWarning, materialize

    # Dagster's notices about its own beta parameters would drown the bench's output.
    warnings.filterwarnings("ignore", category=BetaWarning)
    warnings.filterwarnings("ignore", category=PreviewWarning)
    from pipeline.definitions import build_definitions
    from pipeline.plumbing.partitions import range_tags

    database = work_dir / "pipeline.duckdb"
    defs = build_definitions(files.data_dir, work_dir / "reports", database)
    keys, checks = _selected_keys(defs)
    selection = AssetSelection.assets(*keys).without_checks() | AssetSelection.checks(*checks)
    instance = DagsterInstance.ephemeral()
    loaded = time.perf_counter()
    # Every definition, so that the selection's inputs resolve; the selection says what runs.
    definitions: list[Any] = [*(defs.assets or []), *(defs.asset_checks or [])]
    sampler = MemorySampler(also=[WORKER.ask("pid")]).start()
    result = materialize(
        definitions,
        selection=selection,
        resources=defs.resources,
        instance=instance,
        tags=range_tags(range(files.first_year, files.last_year + 1)),
        run_config=QUIET_LOGS,
        raise_on_error=False,
    )
    finished = time.perf_counter()
    sampler.stop()
    stop_service(socket_folder / "checks.sock")
    shutil.rmtree(socket_folder, ignore_errors=True)
    failed = _failed_checks(result)
    if not result.success or failed:
        raise RuntimeError(f"the pipeline run failed (checks failed: {failed or 'none'})")
    run = summarise_run(instance, result.run_id)
    return {
        "seconds": finished - started,
        "startup_seconds": loaded - started,
        "run_seconds": finished - loaded,
        "steps": run.steps,
        "outside_steps_seconds": max(0.0, run.seconds - sum(run.steps.values())),
        "step_memory_mb": _step_memory(instance, result.run_id, sampler),
        # with the checks service's and the PDF workers' memory (ru_maxrss counts this
        # process alone)
        "process_tree_peak_mb": max(sampler.values, default=0.0),
        "database": str(database),
    }


def export_pipeline_tables(files: BenchFiles, database: Path, out_dir: Path) -> dict[str, int]:
    """The compared rows of the warehouse as Parquet files; rows per table."""
    import duckdb

    rows = {}
    params = {"first_year": files.first_year, "last_year": files.last_year}
    with duckdb.connect(str(database), read_only=True) as conn:
        for table, sql in EXPORT_QUERIES.items():
            frame = conn.sql(sql, params=params).df()
            frame.to_parquet(out_dir / f"{table}.parquet", index=False)
            rows[table] = len(frame)
    return rows
