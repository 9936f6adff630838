"""Raw assets: one per source and year, the delivered file as text with provenance.

Each raw asset has a blocking Great Expectations check; a failing check stops everything
downstream of it in the run, so a broken file never reaches the report.
"""

from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import polars as pl
from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetsDefinition,
    Failure,
    MaterializeResult,
    asset,
)
from dagster_duckdb import DuckDBResource

from pipeline.domain.files.cbs_files import read_cbs_file
from pipeline.domain.files.cbs_frames import row_years
from pipeline.domain.files.delimited_files import (
    UnreadableFile,
    empty_delivery,
    file_sha256,
    hash_and_parse,
)
from pipeline.domain.files.deliveries import code_lists, named_year
from pipeline.domain.files.sources import SOURCES, Source
from pipeline.plumbing.check_runner import RejectedValue, ValidationOutcome, record_outcome
from pipeline.plumbing.metadata import table_metadata
from pipeline.plumbing.partitions import yearly_partitions
from pipeline.plumbing.resources import ProjectPaths
from pipeline.plumbing.sql_runner import insertion_order_free, run_in_transaction, run_sql

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
        description=f"{source.description} As delivered, one row per file row, with provenance.",
        partitions_def=yearly_partitions,
        pool="duckdb",
        kinds={"duckdb", "csv"},
    )
    def _load(
        context: AssetExecutionContext, warehouse: DuckDBResource, paths: ProjectPaths
    ) -> MaterializeResult:
        year = int(context.partition_key)
        with warehouse.get_connection() as conn:
            run_sql(conn, "raw/loaded_files")
            found = _readable(conn, source, year, None, partial(paths.source_files, source, year))
            if not found and not source.optional:
                name = source.file_name(year)
                raise Failure(
                    f"No {source.name} file for {year}: expected "
                    f"{paths.data / 'raw' / source.directory / name} "
                    f"or the demo file {paths.data / 'demo' / source.directory / name}"
                    + (
                        " (or a file of several years whose name starts with the table id)"
                        if source.cbs_table
                        else ""
                    )
                    + "."
                )
            # Each file is read before the unchanged-file test below: hashing alongside the
            # parse is faster for a new file, and an unchanged file parsed before parses again.
            deliveries = [
                (
                    found_file,
                    *_readable(
                        conn,
                        source,
                        year,
                        found_file.path.name,
                        partial(
                            read_delivery, found_file.path, source, year, paths.data / "reference"
                        ),
                    ),
                )
                for found_file in found
            ]
            file_metadata = {
                "source_file": ", ".join(str(f.path) for f in found) or "none this year",
                "synthetic": any(f.is_synthetic for f in found),
                "source_sha256": ", ".join(sha256 for _, sha256, _ in deliveries),
            }
            files = sorted((f.path.name, sha256) for f, sha256, _ in deliveries)
            previous = run_sql(conn, "raw/previous_load", {"year": year, "source": source.name})
            if files and previous == files:
                # The same files again: nothing to do, so a re-run changes nothing.
                context.log.info(
                    f"{', '.join(n for n, _ in files)} unchanged since the last load: kept"
                )
                metadata = _partition_metadata(conn, source, year)
                return MaterializeResult(metadata={**metadata, **file_metadata, "unchanged": True})
            delivered_rows = (
                pl.concat([frame for _, _, frame in deliveries], how="vertical")
                if deliveries
                else empty_delivery(source)
            )
            delivered_files = pl.DataFrame(
                [
                    (f.path.name, sha256, f.is_synthetic, frame.height)
                    for f, sha256, frame in deliveries
                ],
                schema={
                    "source_file": pl.String,
                    "source_sha256": pl.String,
                    "is_synthetic": pl.Boolean,
                    "row_count": pl.Int64,
                },
                orient="row",
            )
            # Polars' own Arrow layout (string views) is handed over without a copy.
            conn.register(
                "delivered_rows", delivered_rows.to_arrow(compat_level=pl.CompatLevel.newest())
            )
            conn.register("delivered_files", delivered_files)
            params = {"year": year, "loaded_at": datetime.now(UTC).replace(tzinfo=None)}
            # Every row carries its source_row, so the insert need not keep the file's order.
            with insertion_order_free(conn):
                run_in_transaction(conn, f"raw/{source.name}", params)
            record_outcome(
                conn,
                f"raw/{source.name}",
                READABLE_CHECK,
                year,
                ValidationOutcome(True, delivered_rows.height, 1, []),
            )
            metadata = _partition_metadata(conn, source, year)
        return MaterializeResult(metadata={**metadata, **file_metadata, "unchanged": False})

    return _load


READABLE_CHECK = "file_is_readable"


def _partition_metadata(conn, source: Source, year: int) -> dict:
    return table_metadata(conn, f"raw.{source.name}", {"partition_year": year}, "source_row")


def _readable(conn, source: Source, year: int, file_name: str | None, read):
    """``read()``; if a file cannot be read, the asset fails and the problem is kept in the
    quarantine, while nothing of the year is replaced."""
    try:
        return read()
    except UnreadableFile as error:
        name = error.file_name or file_name or source.file_name(year)
        record_unreadable(conn, source, year, name, error)
        raise Failure(str(error)) from error


def read_delivery(
    path: Path, source: Source, year: int, reference_dir: Path
) -> tuple[str, pl.DataFrame]:
    """The file's SHA-256 and the rows it gives ``year``, with the file's name on each row.

    A CBS file named for the year gives every row (rows of another year are the check's to
    reject); a file of several years gives the year's own rows."""
    if source.cbs_table is None:
        return hash_and_parse(path, source)
    frame = read_cbs_file(path, source.cbs_table, code_lists(reference_dir))
    if named_year(source, path.name) != year:
        frame = frame.filter(row_years(frame) == year)
    return file_sha256(path), frame.with_columns(pl.lit(path.name).alias("source_file"))


def record_unreadable(conn, source: Source, year: int, file_name: str, error: UnreadableFile):
    failure = RejectedValue(file_name, error.row, None, None, str(error))
    outcome = ValidationOutcome(False, 0, 1, [failure])
    record_outcome(conn, f"raw/{source.name}", READABLE_CHECK, year, outcome)


raw_assets = [_raw_asset(source) for source in SOURCES.values()]
