"""Raw assets: one per source and year, the delivered file as text with provenance.

Each raw asset has a blocking Great Expectations check; a failing check stops everything
downstream of it in the run, so a broken file never reaches the report.
"""

from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import polars as pl
from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetExecutionContext,
    AssetKey,
    AssetsDefinition,
    Failure,
    MaterializeResult,
    asset,
    asset_check,
)
from dagster_duckdb import DuckDBResource

from assets.cbs_files import read_cbs_file
from assets.cbs_frames import row_years
from assets.deliveries import code_lists, named_year
from assets.raw_consistency import (
    SBI_TOTAL,
    children_of,
    mixed_divisions,
    municipality_column,
    totals_differ_from_parts,
    uncountable_codes,
)
from assets.raw_files import (
    UnreadableFile,
    empty_delivery,
    file_sha256,
    hash_and_parse,
)
from assets.raw_rules import KNOWN_SETS, raw_rules
from assets.region_codes import is_municipality
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
        "cbs_dimension_codes",
        "cbs_aggregate_regions",
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


def _cross_row_rejections(
    conn, source: Source, frame, known: dict[str, frozenset[str]]
) -> list[RejectedValue]:
    """Mixed municipal divisions; totals further from their parts than CBS's rounding allows;
    crime types a phenomenon counts that a file holds neither as such nor as parts."""
    successors = {
        code: frozenset(codes) for code, codes in query(conn, "quality/historic_successors")[1]
    }
    column = municipality_column(list(source.columns))
    rejections = mixed_divisions(frame, column, successors)
    table = source.cbs_table
    if source.name == "establishments":
        sections = [key for key, _ in query(conn, "quality/sbi_sections_by_cbs_key")[1]]
        rejections += totals_differ_from_parts(
            frame,
            table.dimensions[0],
            table.used_measure,
            {SBI_TOTAL: sections},
            "RegioS",
            table.rounding_base,
        )
    if source.name == "incidents":
        hierarchy = query(conn, "quality/crime_type_hierarchy")[1]
        parents = {code: parent for code, parent, _, _ in hierarchy}
        rejections += totals_differ_from_parts(
            frame,
            "SoortMisdrijf",
            table.used_measure,
            children_of(parents),
            "RegioS",
            table.rounding_base,
        )
        counted = {code: label for code, _, phenomenon, label in hierarchy if phenomenon}
        # Only known municipalities: an unknown code is rejected by its own rule already.
        municipalities = known["municipality_codes"]
        rejections += uncountable_codes(
            frame, counted, parents, lambda code: is_municipality(code) and code in municipalities
        )
    file_name = str(frame["source_file"].iloc[0]) if len(frame) else source.name
    return [
        RejectedValue(_file_of(frame, row) or file_name, row, col, value, reason)
        for row, col, value, reason in rejections
    ]


def _file_of(frame, row: int) -> str | None:
    """The file a row came from (a CBS year may come from several files)."""
    match = frame["source_file"][frame["source_row"] == row]
    return str(match.iloc[0]) if len(match) == 1 else None


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


def _check_description(source: Source) -> str:
    table = source.cbs_table
    if table is None:
        return (
            "Great Expectations suite: columns present, no empty cells, counts are non-negative "
            "integers, every code known, no duplicate keys, year equal to the partition, no mix "
            "of municipal divisions."
        )
    rounding = (
        f"CBS rounds {table.used_measure} to multiples of {table.rounding_base}, each total "
        "on its own, so a total may differ from the sum of its n parts by at most "
        f"{table.rounding_base / 2:g} x (n + 1)"
        if table.rounding_base > 1
        else f"{table.used_measure} is not rounded, so totals must equal their parts exactly"
    )
    return (
        f"Great Expectations suite on CBS {table.table_id}: the keys {', '.join(table.key)} "
        "present and identifying one row, every code known (municipalities of any division "
        "since 2015 and the aggregate rows NL01, LD, PV, RE and 'niet in te delen'), counts "
        "non-negative whole numbers or '.', the year of the partition, no mix of municipal "
        f"divisions, and totals that match their parts: {rounding}."
        + (
            " Every crime type a phenomenon counts is delivered, or all of its parts are."
            if source.name == "incidents"
            else ""
        )
    )


def _raw_check(source: Source):
    @asset_check(
        asset=AssetKey(["raw", source.name]),
        name=f"{source.name}_file_is_valid",
        description=_check_description(source),
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
                .order("source_file, source_row")
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
                _cross_row_rejections(conn, source, frame, known), rules_added=3
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
