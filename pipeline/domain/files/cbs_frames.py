"""The common frame every CBS file shape is read into. No Dagster here.

One row per combination of the table's dimensions, one text column per OData v3 key of the table
(``CbsTable.columns``: ``ID``, the dimensions, every known measure, ``other_cells``) and
``source_row``: where the row is in the file (its line, or for JSON the position of its
observation, the first being 1). Cells are kept as text; a measure the file does not hold is null.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import polars as pl

from pipeline.domain.files.cbs_tables import OTHER_CELLS, CbsTable
from pipeline.domain.files.delimited_files import UnreadableFile
from pipeline.domain.files.region_codes import region_level

# An OData v3 measure key: a name and the measure's number (TotaalGeregistreerdeMisdrijven_1).
MEASURE_KEY = re.compile(r"^[A-Z][A-Za-z0-9]*_[0-9]+$")
MAX_PROBLEMS_LISTED = 5
_PERIOD_YEAR = re.compile(r"^\s*([0-9]{4})JJ00\**\s*$")


def cell_text(value: object) -> str | None:
    """A JSON value as the text of a cell: whole numbers without ``.0``, null as null."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def records_frame(records: Sequence[Mapping[str, object]], row_index: str) -> pl.DataFrame:
    """One text column per key of the JSON ``records`` (in the order the keys first appear)
    and ``row_index``, each record's place counted from 1."""
    keys = record_keys(records)
    return pl.DataFrame(
        {key: [cell_text(record.get(key)) for record in records] for key in keys},
        schema=dict.fromkeys(keys, pl.String),
    ).with_row_index(row_index, offset=1)


def record_keys(records: Sequence[Mapping[str, object]]) -> list[str]:
    """Every key of the records, in the order the keys first appear."""
    return list(dict.fromkeys(key for record in records for key in record))


def table_frame(
    frame: pl.DataFrame, table: CbsTable, other: list[str], assumed: Mapping[str, str]
) -> pl.DataFrame:
    """``frame`` with exactly the table's columns: ``other`` columns (measures the table does not
    know) go, as one JSON object, to ``other_cells``; an ``assumed`` dimension gets its code."""
    columns = [pl.col("source_row").cast(pl.Int64)]
    for column in table.columns:
        if column == OTHER_CELLS:
            cells = (
                pl.struct([pl.col(c).cast(pl.String) for c in other]).struct.json_encode()
                if other
                else pl.lit(None, dtype=pl.String)
            )
            columns.append(cells.alias(OTHER_CELLS))
        elif column in frame.columns:
            columns.append(pl.col(column).cast(pl.String))
        elif column in assumed:
            columns.append(pl.lit(assumed[column], dtype=pl.String).alias(column))
        else:
            columns.append(pl.lit(None, dtype=pl.String).alias(column))
    return frame.select(columns)


def with_region_level(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with ``region_level``: what each row's RegioS code stands for (municipality,
    province, country, ..., or null for a code of no known form, which the raw check rejects)."""
    codes = frame["RegioS"].str.strip_chars(" ")
    levels = {code: region_level(code) for code in codes.unique().drop_nulls().to_list()}
    return frame.with_columns(
        codes.replace_strict(levels, default=None, return_dtype=pl.String).alias("region_level")
    )


def row_years(frame: pl.DataFrame) -> pl.Series:
    """The year of each row, from its ``Perioden`` code (null where it is not a year code)."""
    return frame["Perioden"].str.extract(_PERIOD_YEAR.pattern, 1).cast(pl.Int32)


def years_of(path: Path, frame: pl.DataFrame) -> frozenset[int]:
    """Every year the rows of a file hold; a row without a year code makes the file unreadable,
    since its rows cannot be given to the year partitions."""
    years = row_years(frame)
    if years.null_count():
        index = years.is_null().arg_true()[0]
        row, value = frame["source_row"][index], frame["Perioden"][index]
        raise UnreadableFile(
            f"{path.name}, row {row}, column Perioden: {value!r} is not a CBS year code "
            "(YYYYJJ00): the file's rows cannot be split by year",
            row=row,
        )
    return frozenset(int(y) for y in years.unique())


def problems_message(path: Path, problems: list[str]) -> str:
    shown = "; ".join(problems[:MAX_PROBLEMS_LISTED])
    more = len(problems) - MAX_PROBLEMS_LISTED
    return f"{path.name}: {shown}" + (f"; and {more} more" if more > 0 else "")


def missing_dimensions(
    table: CbsTable, present: set[str], assumable: Mapping[str, str]
) -> list[str]:
    """Dimensions a file lacks that cannot be assumed to be the table's total."""
    return [d for d in table.dimensions if d not in present and d not in assumable]
