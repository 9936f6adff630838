"""Raw assets: one per source and year, the delivered file as text with provenance.

Each raw asset has a blocking Great Expectations check; a failing check stops everything
downstream of it in the run, so a broken file never reaches the report.
"""

from datetime import UTC, datetime
from functools import partial

import polars as pl
from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetExecutionContext,
    AssetKey,
    AssetsDefinition,
    Failure,
    MaterializeResult,
    MetadataValue,
    asset,
    asset_check,
)
from dagster_duckdb import DuckDBResource

from assets.raw_consistency import (
    SBI_TOTAL,
    mixed_divisions,
    municipality_column,
    totals_differ_from_parts,
)
from assets.raw_files import (
    UnreadableFile,
    empty_delivery,
    hash_and_parse,
)
from assets.raw_rules import KNOWN_SETS, raw_rules
from assets.sources import SOURCES, Source
from pipeline.metadata import table_metadata, table_relation
from pipeline.partitions import yearly_partitions
from pipeline.quality import RejectedValue, ValidationOutcome, record_outcome, validate_frame
from pipeline.resources import ProjectPaths
from pipeline.sql import insertion_order_free, query, run_in_transaction, run_sql

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
    )
]


def _raw_asset(source: Source) -> AssetsDefinition:
    @asset(
        name=source.name,
        key_prefix="raw",
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
        found = paths.source_file(source, year)
        if found is None and not source.optional:
            name = source.file_name(year)
            raise Failure(
                f"No {source.name} file for {year}: expected "
                f"{paths.data / 'raw' / source.directory / name} "
                f"or the demo file {paths.data / 'demo' / source.directory / name}."
            )
        file_metadata = {
            "source_file": MetadataValue.path(str(found.path)) if found else "none this year",
            "synthetic": bool(found and found.is_synthetic),
            "source_sha256": "",
        }
        # An optional source without a file: the year is loaded as empty, not failed.
        params = dict.fromkeys(("source_file", "source_sha256", "loaded_at", "is_synthetic"))
        params["year"] = year
        delivered_rows = empty_delivery(source)
        with warehouse.get_connection() as conn:
            run_sql(conn, "raw/loaded_files")
            if found:
                name = found.path.name
                # Parsed before the unchanged-file test below: hashing alongside the parse is
                # faster for a new file, and an unchanged file parsed before parses again.
                sha256, delivered_rows = _readable(
                    conn, source, year, name, partial(hash_and_parse, found.path, source)
                )
                file_metadata["source_sha256"] = sha256
                previous = run_sql(conn, "raw/previous_load", {"year": year, "source": source.name})
                if previous == [(name, sha256)]:
                    # The same file again: nothing to do, so a re-run changes nothing.
                    context.log.info(f"{name} is unchanged since its last load: kept")
                    metadata = _partition_metadata(conn, source, year)
                    return MaterializeResult(
                        metadata={**metadata, **file_metadata, "unchanged": True}
                    )
                params |= {
                    "source_file": name,
                    "source_sha256": sha256,
                    "loaded_at": datetime.now(UTC).replace(tzinfo=None),
                    "is_synthetic": found.is_synthetic,
                }
            # Polars' own Arrow layout (string views) is handed over without a copy.
            conn.register(
                "delivered_rows", delivered_rows.to_arrow(compat_level=pl.CompatLevel.newest())
            )
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


def _readable(conn, source: Source, year: int, file_name: str, read):
    """``read()``; if the file cannot be read, the asset fails and the problem is kept in the
    quarantine, while nothing of the year is replaced."""
    try:
        return read()
    except UnreadableFile as error:
        record_unreadable(conn, source, year, file_name, error)
        raise Failure(str(error)) from error


def _cross_row_rejections(conn, source: Source, frame) -> list[RejectedValue]:
    """Mixed municipal divisions, and total rows that differ from their parts."""
    successors = {
        code: frozenset(codes) for code, codes in query(conn, "quality/historic_successors")[1]
    }
    column = municipality_column(list(source.columns))
    rejections = mixed_divisions(frame, column, successors)
    if source.name == "establishments":
        rejections += totals_differ_from_parts(
            frame, "BedrijfstakkenBranchesSBI2008", "Vestigingen_1", SBI_TOTAL, "RegioS"
        )
    file_name = str(frame["source_file"].iloc[0]) if len(frame) else source.name
    return [
        RejectedValue(file_name, row, col, value, reason) for row, col, value, reason in rejections
    ]


def record_unreadable(conn, source: Source, year: int, file_name: str, error: UnreadableFile):
    failure = RejectedValue(file_name, error.row, None, None, str(error))
    outcome = ValidationOutcome(False, 0, 1, [failure])
    record_outcome(conn, f"raw/{source.name}", READABLE_CHECK, year, outcome)


def _known_values(conn) -> dict[str, frozenset[str]]:
    """Every named set of allowed codes, read from the reference tables."""
    return {
        name: frozenset(row[0] for row in query(conn, f"quality/known_{name}")[1])
        for name in KNOWN_SETS
    }


def _raw_check(source: Source):
    @asset_check(
        asset=AssetKey(["raw", source.name]),
        name=f"{source.name}_file_is_valid",
        description=(
            "Great Expectations suite: columns present, no empty cells, counts are non-negative "
            "integers, every municipality code known, year equal to the partition."
        ),
        blocking=True,
        partitions_def=yearly_partitions,
        additional_deps=VALIDATED_AGAINST,
        pool="duckdb",
    )
    def _check(context: AssetCheckExecutionContext, warehouse: DuckDBResource) -> AssetCheckResult:
        year = int(context.partition_key)
        with warehouse.get_connection() as conn:
            known = _known_values(conn)
            frame = (
                table_relation(conn, f"raw.{source.name}", {"partition_year": year})
                .order("source_row")
                .df()
            )
            # Surrounding spaces are padding (CBS pads region keys), not part of a value.
            delivered = list(source.columns)
            # Only spaces, as SQL's trim() in staging: a tab stays and fails the rules.
            frame[delivered] = frame[delivered].apply(lambda column: column.str.strip(" "))
            outcome = validate_frame(
                frame.drop(
                    columns=["partition_year", "source_sha256", "loaded_at", "is_synthetic"]
                ),
                raw_rules(source.name, year, known),
                suite_name=f"raw_{source.name}_{year}",
            )
            outcome = outcome.with_rejections(
                _cross_row_rejections(conn, source, frame), rules_added=2
            )
            record_outcome(
                conn, f"raw/{source.name}", f"{source.name}_file_is_valid", year, outcome
            )
        first = outcome.failures[0] if outcome.failures else None
        return AssetCheckResult(
            passed=outcome.passed,
            description=outcome.summary(),
            metadata={
                "rows_checked": outcome.rows_checked,
                "rules_checked": outcome.rules_checked,
                "failed_values": len(outcome.failures),
                "first_failure": first.message() if first else "",
            },
        )

    return _check


raw_assets = [_raw_asset(source) for source in SOURCES.values()]
raw_checks = [_raw_check(source) for source in SOURCES.values()]
