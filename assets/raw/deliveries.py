"""Reading a year's delivered files for its raw asset (``files.py``): every file that feeds the
year, its SHA-256 and its rows; a file that cannot be read fails the asset and is kept in the
quarantine as the readability check's failure."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

import duckdb
import polars as pl
from dagster import Failure

from pipeline.domain.files.cbs_files import read_cbs_file
from pipeline.domain.files.cbs_frames import row_years
from pipeline.domain.files.delimited_files import (
    UnreadableFile,
    empty_delivery,
    file_sha256,
    hash_and_parse,
)
from pipeline.domain.files.deliveries import code_lists, named_year
from pipeline.domain.files.sources import Source, SourceFile
from pipeline.plumbing.check_outcomes import RejectedValue, ValidationOutcome, record_outcome
from pipeline.plumbing.resources import ProjectPaths

T = TypeVar("T")

# The check a raw asset records for each year: whether its files could be read at all.
READABLE_CHECK = "file_is_readable"


@dataclass(frozen=True)
class Delivery:
    """One delivered file of a year: where it was found, its SHA-256, the rows it gives."""

    found: SourceFile
    sha256: str
    rows: pl.DataFrame


def read_deliveries(
    conn: duckdb.DuckDBPyConnection, source: Source, year: int, paths: ProjectPaths
) -> list[Delivery]:
    """Every file that feeds the year, read; fails, naming what was expected, when a source that
    is not optional has none.

    Each file is read before the unchanged-file test: hashing alongside the parse is faster for a
    new file, and an unchanged file parsed before parses again."""
    found = _readable(conn, source, year, None, partial(paths.source_files, source, year))
    if not found and not source.optional:
        name = source.file_name(year)
        several = " (or a file of several years whose name starts with the table id)"
        raise Failure(
            f"No {source.name} file for {year}: expected "
            f"{paths.data / 'raw' / source.directory / name} "
            f"or the demo file {paths.data / 'demo' / source.directory / name}"
            f"{several if source.cbs_table else ''}."
        )
    reference_dir = paths.data / "reference"
    return [
        Delivery(
            found_file,
            *_readable(
                conn,
                source,
                year,
                found_file.path.name,
                partial(_read_delivery, found_file.path, source, year, reference_dir),
            ),
        )
        for found_file in found
    ]


def rows_of(source: Source, deliveries: list[Delivery]) -> pl.DataFrame:
    """The rows of a year's deliveries (none, for an optional source without a file)."""
    if not deliveries:
        return empty_delivery(source)
    return pl.concat([d.rows for d in deliveries], how="vertical")


def _readable(
    conn: duckdb.DuckDBPyConnection,
    source: Source,
    year: int,
    file_name: str | None,
    read: Callable[[], T],
) -> T:
    """``read()``; if a file cannot be read, the asset fails and the problem is kept in the
    quarantine, while nothing of the year is replaced."""
    try:
        return read()
    except UnreadableFile as error:
        name = error.file_name or file_name or source.file_name(year)
        _record_unreadable(conn, source, year, name, error)
        raise Failure(str(error)) from error


def _read_delivery(
    path: Path, source: Source, year: int, reference_dir: Path
) -> tuple[str, pl.DataFrame]:
    """The file's SHA-256 and the rows it gives ``year``, with the file's name on each row.

    A CBS file named for the year gives every row (rows of another year are the check's to
    reject); a file of several years gives the year's own rows."""
    if source.cbs_table is None:
        sha256, frame = hash_and_parse(path, source)
    else:
        sha256 = file_sha256(path)
        frame = read_cbs_file(path, source.cbs_table, code_lists(reference_dir))
        if named_year(source, path.name) != year:
            frame = frame.filter(row_years(frame) == year)
    return sha256, frame.with_columns(pl.lit(path.name).alias("source_file"))


def _record_unreadable(
    conn: duckdb.DuckDBPyConnection,
    source: Source,
    year: int,
    file_name: str,
    error: UnreadableFile,
) -> None:
    failure = RejectedValue(file_name, error.row, None, None, str(error))
    outcome = ValidationOutcome(False, 0, 1, [failure])
    record_outcome(conn, f"raw/{source.name}", READABLE_CHECK, year, outcome)
