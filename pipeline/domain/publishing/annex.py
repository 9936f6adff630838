"""The data annex: every table as CSV, Parquet and XLSX, byte-identical for the same frames.

Rows and columns are written in the order given; the caller sorts. Nothing depends on the clock,
the time zone or random ids, so a re-run with the same frames leaves every file unchanged. The
bytes do depend on the Polars and XlsxWriter versions (Parquet records the writer's version).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from pathlib import Path

import polars as pl
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

SUFFIXES = (".csv", ".parquet", ".xlsx")
NAME = re.compile(r"[a-z][a-z0-9_]*")
EXCEL_SHEET_NAME_LENGTH = 31
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
EXCEL_STRING_LENGTH = 32_767
# Excel refuses a worksheet named "History" (any case).
EXCEL_RESERVED_SHEET_NAMES = frozenset({"history"})
# docProps/core.xml gets this as created and modified date; without it XlsxWriter writes now().
FIXED_CREATED = dt.datetime(2000, 1, 1)
MIN_WIDTH, MAX_WIDTH = 8, 60
# The CSV dialect: datapackage.json declares these same values (datapackage.py reads them).
CSV_SEPARATOR = ","
CSV_QUOTE_CHAR = '"'
CSV_LINE_TERMINATOR = "\n"
CSV_NULL = ""


def write_annex(tables: Mapping[str, pl.DataFrame], directory: Path) -> list[Path]:
    """Write <name>.csv, .parquet and .xlsx per table; remove other annex files; sorted paths."""
    for name, frame in tables.items():
        _check_name(name)
        _check_frame(name, frame)
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, frame in tables.items():
        written += _write_csv(frame, directory / f"{name}.csv")
        written += _write_parquet(frame, directory / f"{name}.parquet")
        written += _write_xlsx(frame, directory / f"{name}.xlsx", name[:EXCEL_SHEET_NAME_LENGTH])
    keep = set(written)
    for path in directory.iterdir():
        if path.suffix in SUFFIXES and path.is_file() and path not in keep:
            path.unlink()
    return sorted(written)


def _check_name(name: object) -> None:
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise ValueError(f"annex table name must be a snake_case identifier: {name!r}")
    if name[:EXCEL_SHEET_NAME_LENGTH] in EXCEL_RESERVED_SHEET_NAMES:
        raise ValueError(f"annex table name is a reserved Excel sheet name: {name!r}")


def _check_frame(name: str, frame: pl.DataFrame) -> None:
    """Refuse what Excel cannot hold before any file is written."""
    if frame.height + 1 > EXCEL_ROWS or frame.width > EXCEL_COLUMNS:
        raise ValueError(f"annex table {name!r} does not fit in one Excel worksheet")
    for series in frame.iter_columns():
        if isinstance(series.dtype, pl.Datetime) and series.dtype.time_zone is not None:
            raise ValueError(f"{name}.{series.name}: convert time zone aware datetimes first")
        if _kind(series.dtype) == "string" and _longest(series) > EXCEL_STRING_LENGTH:
            raise ValueError(f"{name}.{series.name}: a string is too long for an Excel cell")


# A spreadsheet opening a CSV takes a cell starting with one of these as a formula (and "=cmd|..."
# runs a program): such text cells get a leading apostrophe, which shows them as text.
FORMULA_START = r"^[=+\-@\t\r]"


def neutralise_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with every text cell that a spreadsheet would read as a formula prefixed with
    an apostrophe; numbers and other cells unchanged."""
    text = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(FORMULA_START))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in text
    )


def _write_csv(frame: pl.DataFrame, path: Path) -> list[Path]:
    # All settings pinned. Floats use the shortest text that reads back to the same value;
    # nulls are empty cells and empty strings are written as "". Text that would be a formula
    # is neutralised (the XLSX writes every text as a text cell, so it needs no apostrophe).
    neutralise_formulas(frame).write_csv(
        path,
        include_bom=False,
        include_header=True,
        separator=CSV_SEPARATOR,
        line_terminator=CSV_LINE_TERMINATOR,
        quote_char=CSV_QUOTE_CHAR,
        quote_style="necessary",
        null_value=CSV_NULL,
        decimal_comma=False,
        float_scientific=None,
        float_precision=None,
    )
    return [path]


def _write_parquet(frame: pl.DataFrame, path: Path) -> list[Path]:
    # Polars' own writer with fixed settings: zstd level 3, min/max/null-count statistics,
    # fixed row group and page sizes (so the layout does not follow the frame's chunks).
    # The footer holds no time, only created_by "Polars (python) version <x> (build <hash>)"
    # and the Arrow schema.
    frame.write_parquet(
        path,
        compression="zstd",
        compression_level=3,
        statistics=True,
        row_group_size=100_000,
        data_page_size=1024 * 1024,
    )
    return [path]


def _write_xlsx(frame: pl.DataFrame, path: Path, sheet_name: str) -> list[Path]:
    options = {
        # in_memory: XlsxWriter then stamps every zip entry 1980-01-01 00:00 itself; from temp
        # files it would set their mtime through the local time zone.
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    }
    with xlsxwriter.Workbook(str(path), options) as workbook:
        workbook.set_properties({"created": FIXED_CREATED})
        sheet = workbook.add_worksheet(sheet_name)
        header = workbook.add_format({"bold": True})
        formats = {
            pl.Date: workbook.add_format({"num_format": "yyyy-mm-dd"}),
            pl.Datetime: workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"}),
            pl.Time: workbook.add_format({"num_format": "hh:mm:ss"}),
        }
        for col, series in enumerate(frame.iter_columns()):
            _check(sheet.write_string(0, col, series.name, header), path)
            sheet.set_column(col, col, _width(series))
            _write_column(sheet, col, series, formats.get(series.dtype.base_type()), path)
        sheet.freeze_panes(1, 0)
    return [path]


def _write_column(
    sheet: Worksheet,
    col: int,
    series: pl.Series,
    cell_format: Format | None,
    path: Path,
) -> None:
    kind = _kind(series.dtype)
    # XlsxWriter's write_* methods take the row, column, value and an optional format.
    write: Callable[..., int]
    if kind == "boolean":
        write = sheet.write_boolean
    elif kind == "number":
        write = sheet.write_number
        if isinstance(series.dtype, pl.Decimal):
            series = series.cast(pl.Float64)
    elif kind == "temporal":
        write = sheet.write_datetime
    else:
        write = sheet.write_string
        series = series.cast(pl.String)
    for row, value in enumerate(series.to_list(), start=1):
        if value is None:
            continue
        if isinstance(value, float) and not math.isfinite(value):
            # Not a number Excel can hold; the text of the CSV, not an error formula.
            _check(sheet.write_string(row, col, _non_finite_text(value)), path)
        elif cell_format is None:
            _check(write(row, col, value), path)
        else:
            _check(write(row, col, value, cell_format), path)


def _non_finite_text(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    return "inf" if value > 0 else "-inf"


def _check(result: int, path: Path) -> None:
    # A safety net: XlsxWriter returns -1 out of range, -2 after cutting a long string.
    if result < 0:
        raise ValueError(f"value does not fit in an Excel cell ({result}) while writing {path}")


def _kind(dtype: pl.DataType) -> str:
    if dtype == pl.Boolean:
        return "boolean"
    if dtype.is_numeric():
        return "number"
    if dtype in (pl.Date, pl.Time) or isinstance(dtype, pl.Datetime):
        return "temporal"
    return "string"


def _longest(series: pl.Series) -> int:
    """Characters in the longest value as text (0 for an empty or all-null column)."""
    longest = series.cast(pl.String).str.len_chars().max()
    return longest if isinstance(longest, int) else 0


def _width(series: pl.Series) -> int:
    longest = max(len(series.name), _longest(series))
    return max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))
