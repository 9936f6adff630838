"""Raw assets: one per source and year, the delivered file as text with provenance.

Each raw asset checks the rows it read with its blocking Great Expectations check before it
writes them (``validation.py``): a year whose rows fail is not written, so rows the check refused
never replace accepted ones, whatever a run selects; and the failed check stops everything
downstream of it in the run, so a broken file never reaches the report. The files are read in
``deliveries.py``.
"""

from datetime import UTC, datetime
from typing import Any

import duckdb
import polars as pl
from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetsDefinition,
    MaterializeResult,
    asset,
)
from dagster_duckdb import DuckDBResource

from assets.raw.deliveries import READABLE_CHECK, Delivery, read_deliveries, rows_of
from assets.raw.validation import (
    ROWS_PER_VALIDATION,
    check_name,
    check_result,
    check_spec,
    known_values,
    validate_loaded,
    validate_rows,
)
from pipeline.domain.files.batches import Batches
from pipeline.domain.files.delimited_files import empty_delivery
from pipeline.domain.files.sources import SOURCES, Source, SourceFile
from pipeline.plumbing.check_outcomes import ValidationOutcome, record_outcome
from pipeline.plumbing.expectations import Expectations
from pipeline.plumbing.metadata import years_table_metadata
from pipeline.plumbing.partitions import SINGLE_RUN, partition_years, yearly_partitions
from pipeline.plumbing.raw_partitions import (
    DeliveredFile,
    previous_load,
    raw_view_exists,
    replace_raw_partition,
)
from pipeline.plumbing.resources import ProjectPaths

GROUPS = {
    "incidents": "incidents",
    "population": "population",
    "drug_sites": "drugs",
    "seizures": "drugs",
    "financial": "financial",
    "seized_assets": "financial",
    "emergency_freezes": "financial",
    "unusual_transactions": "financial",
    "signals": "signals",
    "establishments": "sectors",
}
VALIDATED_AGAINST = [
    AssetKey(["reference", name])
    for name in (
        "municipality_code_map",
        "crime_types",
        "drug_site_types",
        "fiu_reporting_sectors",
        "seizure_location_types",
        "drugs",
        "signal_themes",
        "sbi_sections",
        "seized_asset_types",
        "site_settings",
        "cbs_dimension_codes",
        "cbs_aggregate_regions",
    )
]


def _raw_asset(source: Source) -> AssetsDefinition:
    @asset(
        name=source.name,
        group_name=GROUPS[source.name],
        description=f"{source.description} As delivered, one row per file row, with provenance; "
        "a year's rows are replaced only by rows that pass the file's blocking check.",
        partitions_def=yearly_partitions,
        backfill_policy=SINGLE_RUN,
        pool="duckdb",
        kinds={"duckdb", "csv"},
        # The code lists the rows are checked against.
        deps=VALIDATED_AGAINST,
        check_specs=[check_spec(source)],
    )
    def _load(
        context: AssetExecutionContext,
        warehouse: DuckDBResource,
        paths: ProjectPaths,
        expectations: Expectations,
    ) -> MaterializeResult:
        years = partition_years(context)
        # What the metadata names of each file read.
        delivered: list[tuple[SourceFile, str]] = []
        unchanged: list[int] = []
        outcomes: dict[int, ValidationOutcome] = {}
        # New deliveries wait here until a batch is full, then are checked together; only the
        # years that pass are written, each in its own transaction.
        held = Batches[tuple[int, list[Delivery]]](ROWS_PER_VALIDATION)
        with warehouse.get_connection() as conn:
            known = known_values(conn)
            for year in years:
                deliveries = read_deliveries(conn, source, year, paths)
                delivered += [(d.found, d.sha256) for d in deliveries]
                files = sorted((d.found.path.name, d.sha256) for d in deliveries)
                if files and previous_load(conn, source.name, year) == files:
                    # The same files again: not written again, so a re-run changes nothing.
                    unchanged.append(year)
                    continue
                rows = sum(d.rows.height for d in deliveries)
                closed = held.add((year, deliveries), rows)
                outcomes |= _check_and_write(conn, expectations, source, known, closed)
                if held.full:
                    # Checked now, not when the next year is read: no two large years at once.
                    outcomes |= _check_and_write(conn, expectations, source, known, held.rest())
                del deliveries, closed
            outcomes |= _check_and_write(conn, expectations, source, known, held.rest())
            outcomes |= validate_loaded(conn, expectations, source, unchanged, known)
            for year, outcome in sorted(outcomes.items()):
                record_outcome(conn, f"raw/{source.name}", check_name(source), year, outcome)
            metadata = _partition_metadata(conn, source, years)
        refused = sorted(year for year, outcome in outcomes.items() if not outcome.passed)
        if unchanged:
            context.log.info(f"{source.name} {_span(unchanged)}: files unchanged since last load")
        if refused:
            context.log.warning(
                f"{source.name} {', '.join(map(str, refused))}: the delivered rows fail the "
                "file's check; the rows accepted before are kept"
            )
        paths_read = sorted({str(found.path) for found, _ in delivered})
        return MaterializeResult(
            metadata={
                **metadata,
                "source_file": ", ".join(paths_read)
                or ("none this year" if len(years) == 1 else "none in these years"),
                "synthetic": any(found.is_synthetic for found, _ in delivered),
                "source_sha256": ", ".join(sorted({sha256 for _, sha256 in delivered})),
                "unchanged": ", ".join(map(str, unchanged)) or "none",
                "refused": ", ".join(map(str, refused)) or "none",
            },
            check_results=[check_result(source, outcomes)],
        )

    return _load


def _check_and_write(
    conn: duckdb.DuckDBPyConnection,
    expectations: Expectations,
    source: Source,
    known: dict[str, frozenset[str]],
    batch: list[tuple[int, list[Delivery]]],
) -> dict[int, ValidationOutcome]:
    """The batch's years checked together; each year that passes replaces its raw rows."""
    if not batch:
        return {}
    years = [year for year, _ in batch]
    frames = [
        rows_of(source, deliveries).with_columns(pl.lit(year, pl.Int32).alias("partition_year"))
        for year, deliveries in batch
    ]
    # Polars' own Arrow layout (string views) is handed over without a copy: for a year of
    # 2.5 million records the default layout took 0.2 s and 350 MB to copy.
    batch_rows = pl.concat(frames, how="vertical")
    rows = conn.from_arrow(batch_rows.to_arrow(compat_level=pl.CompatLevel.newest()))
    outcomes = validate_rows(conn, expectations, source, rows, years, known)
    del rows, batch_rows, frames
    for year, deliveries in batch:
        if outcomes[year].passed:
            _replace(conn, source, year, deliveries)
    if not raw_view_exists(conn, source.name):
        # Nothing was ever accepted: the table is made empty (so a run of staging alone reads
        # no rows instead of failing), which replaces nothing.
        replace_raw_partition(conn, source.name, years[0], empty_delivery(source), [], None)
    return outcomes


def _replace(
    conn: duckdb.DuckDBPyConnection, source: Source, year: int, deliveries: list[Delivery]
) -> None:
    """The year's raw rows replaced by the deliveries', and the file recorded as readable."""
    rows = rows_of(source, deliveries)
    files = [
        DeliveredFile(d.found.path.name, d.sha256, d.found.is_synthetic, d.rows.height)
        for d in deliveries
    ]
    loaded_at = datetime.now(UTC).replace(tzinfo=None)
    replace_raw_partition(conn, source.name, year, rows, files, loaded_at)
    outcome = ValidationOutcome(True, rows.height, 1, [])
    record_outcome(conn, f"raw/{source.name}", READABLE_CHECK, year, outcome)


def _partition_metadata(
    conn: duckdb.DuckDBPyConnection, source: Source, years: range
) -> dict[str, Any]:
    return years_table_metadata(conn, f"raw.{source.name}", years, "partition_year")


def _span(years: list[int]) -> str:
    return str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"


raw_assets = [_raw_asset(source) for source in SOURCES.values()]
