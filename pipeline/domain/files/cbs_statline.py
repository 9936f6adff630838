"""The StatLine "Downloaden" CSV: labels instead of codes. No Dagster here.

As StatLine writes it: maybe a title line or a few above the header, a header of the
dimensions' labels (``Soort misdrijf;Regio's;Perioden``) and the measures' labels (levels joined
by ``|`` or ``||``, the unit in brackets: ``Geregistreerde misdrijven|Totaal geregistreerde
misdrijven (aantal)``), maybe a line of units under it, rows of labels (``Groningen (PV)``,
``1.1.1 Diefstal en inbraak met geweld``, ``2016*`` for a provisional year), Dutch number
formatting (``1.139.720``, ``57,9``), CBS's symbols (``.`` unknown, ``x`` secret, ``-`` nil) and
a closing ``Bron: CBS``. Labels become codes through the code lists
(``pipeline.domain.files.cbs_labels``); a
label that maps to no code makes the file unreadable, with every such label's row and column.
The periods must be a column (one row per period): a layout with periods across is refused.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipeline.domain.files.cbs_frames import missing_dimensions, problems_message, table_frame
from pipeline.domain.files.cbs_labels import PERIOD, CodeLists
from pipeline.domain.files.cbs_tables import CbsTable, normalised_title
from pipeline.domain.files.delimited_files import UnreadableFile

HEADER_SEARCH_LINES = 15
_THOUSANDS = re.compile(r"^-?\d{1,3}(?:\.\d{3})+$")
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")
_SYMBOLS = {".": ".", "x": ".", "-": "0"}


def _dimension_of(table: CbsTable, label: str) -> str | None:
    wanted = normalised_title(label)
    for dimension, labels in table.dimension_labels.items():
        if any(normalised_title(name) == wanted for name in (dimension, *labels)):
            return dimension
    return None


def find_header(table: CbsTable, lines: list[list[str]]) -> int | None:
    """Index of the header among the first lines: the first that names the region and the
    period dimension."""
    for index, cells in enumerate(lines[:HEADER_SEARCH_LINES]):
        named = {_dimension_of(table, cell) for cell in cells}
        if {"RegioS", PERIOD} <= named or (PERIOD in named and len(named - {None}) >= 2):
            return index
    return None


def number(cell: str) -> str | None:
    """A StatLine value as the OData files write it: symbols to ``.``/``0``, Dutch separators
    to a plain number (anything else is kept, for the checks to name)."""
    cell = cell.strip()
    if cell == "":
        return None
    if cell in _SYMBOLS:
        return _SYMBOLS[cell]
    if _THOUSANDS.match(cell):
        return cell.replace(".", "")
    if _DECIMAL_COMMA.match(cell):
        return cell.replace(",", ".")
    return cell


def _lines(path: Path, limit: int | None = None) -> tuple[list[list[str]], str]:
    """The file's lines as cells (the first ``limit``), and the separator."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{path.name}: not UTF-8 ({error})") from error
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    separator = ";" if first.count(";") >= first.count(",") else ","
    return list(csv.reader(lines[:limit], delimiter=separator)), separator


def head_lines(path: Path) -> list[list[str]]:
    """The lines a StatLine header is looked for in (``find_header``), as cells."""
    return _lines(path, HEADER_SEARCH_LINES)[0]


@dataclass(frozen=True)
class _Layout:
    """What the header says: each column's dimension or measure (by its index)."""

    header: list[str]
    header_row: int  # the header's row in the file, counted from 1
    dimensions: dict[int, str]
    measures: dict[int, str]  # a measure's v3 key, or the label of one the table does not know

    @property
    def period_index(self) -> int:
        return next(i for i, d in self.dimensions.items() if d == PERIOD)


def read_statline(path: Path, table: CbsTable, codes: CodeLists) -> pl.DataFrame:
    lines, _ = _lines(path)
    header_index = find_header(table, lines)
    if header_index is None:
        raise UnreadableFile(f"{path.name}: no StatLine header with a Perioden column found")
    layout = _layout(path, table, [cell.strip() for cell in lines[header_index]], header_index + 1)
    frame = _records(path, table, codes, layout, lines[header_index + 1 :])
    known = set(table.measure_keys)
    other = [key for key in layout.measures.values() if key not in known]
    return table_frame(frame, table, other, table.assumed_totals)


def _layout(path: Path, table: CbsTable, header: list[str], header_row: int) -> _Layout:
    """The header's columns; refused without a column for a dimension that cannot be assumed
    or for the measure the pipeline uses."""
    named = {index: _dimension_of(table, cell) for index, cell in enumerate(header)}
    dimensions = {index: d for index, d in named.items() if d}
    missing = missing_dimensions(table, set(dimensions.values()), table.assumed_totals)
    if missing:
        raise UnreadableFile(
            f"{path.name}, row {header_row} (header): no column for "
            f"{', '.join(missing)} (StatLine label {table.dimension_labels[missing[0]][0]!r})",
            row=header_row,
        )
    measures: dict[int, str] = {}
    for index, cell in enumerate(header):
        if index in dimensions or not cell:
            continue
        measure = table.measure_for_title(cell)
        measures[index] = measure.key if measure else cell
    if table.used_measure not in measures.values():
        raise UnreadableFile(
            f"{path.name}, row {header_row} (header): no column of {table.used_measure} "
            f"({table.measures[0].titles[0]}); the columns are {', '.join(map(repr, header))}",
            row=header_row,
        )
    return _Layout(header, header_row, dimensions, measures)


def _records(
    path: Path, table: CbsTable, codes: CodeLists, layout: _Layout, lines: list[list[str]]
) -> pl.DataFrame:
    """The data rows under the header as columns of codes and numbers, with ``source_row``
    first; refused if a label maps to no code (every such label is named) or if no row is left.

    Column by column: a label or a number recurs on thousands of rows (every region under every
    crime type), so each distinct cell is stripped, looked up or converted once (``_each_once``).
    """
    width = len(layout.header)
    first_row = layout.header_row + 1
    # Cells past the header's last column are not read; a short row has empty cells at its end.
    padded = [row[:width] + [""] * (width - len(row)) for row in lines]
    cells = list(zip(*padded, strict=True)) or [()] * width
    raw = {index: pl.Series(column, dtype=pl.String) for index, column in enumerate(cells)}
    frame = pl.DataFrame(
        {"source_row": pl.int_range(first_row, first_row + len(padded), eager=True)}
    ).with_columns(
        [_each_once(raw[i], str.strip, pl.String).alias(f"label_{i}") for i in layout.dimensions]
        + [raw[index].alias(f"cell_{index}") for index in layout.measures]
        + [_each_once(raw[0], _is_source_line, pl.Boolean).alias("source_line")]
    )
    # A row of data names something in a dimension; the line of units under the header and
    # empty lines do not, and the closing "Bron: CBS" is not data.
    named = pl.any_horizontal(pl.col(f"label_{index}") != "" for index in layout.dimensions)
    frame = frame.filter(named & ~pl.col("source_line"))
    if frame.is_empty():
        raise UnreadableFile(f"{path.name}: a header but no data rows")
    period = frame[f"label_{layout.period_index}"]
    frame = frame.with_columns(_each_once(period, codes.period, pl.String).alias("period"))
    frame = frame.with_columns(year=pl.col("period").str.slice(0, 4).cast(pl.Int64))
    columns: list[pl.Series] = [frame["source_row"]]
    problems: list[tuple[int, int, str]] = []
    for index, dimension in layout.dimensions.items():
        coded, unknown = _coded(frame, table, codes, layout, index)
        columns.append(coded.alias(dimension))
        problems += unknown
    if problems:  # row by row, column by column
        raise UnreadableFile(problems_message(path, [text for *_, text in sorted(problems)]))
    for index, key in layout.measures.items():
        columns.append(_each_once(frame[f"cell_{index}"], number, pl.String).alias(key))
    return pl.DataFrame(columns)


def _coded(
    frame: pl.DataFrame, table: CbsTable, codes: CodeLists, layout: _Layout, index: int
) -> tuple[pl.Series, list[tuple[int, int, str]]]:
    """The codes of the labels in the dimension of column ``index`` (each distinct label and
    year looked up once; a label of no code stays as delivered), and per label of no code its
    row, column and what is wrong."""
    dimension = layout.dimensions[index]
    pairs = frame.select(label=f"label_{index}", year="year").unique(maintain_order=True)
    found = [codes.code_for(table.table_id, dimension, *pair) for pair in pairs.iter_rows()]
    looked_up = pairs.with_columns(code=pl.Series(found, dtype=pl.String))
    coded = frame.select("source_row", label=f"label_{index}", year="year").join(
        looked_up, on=["label", "year"], how="left", nulls_equal=True, maintain_order="left"
    )
    unknown = coded.filter(pl.col("code").is_null()).select("source_row", "label", "year")
    of_year = dimension == "RegioS"
    problems = [
        (
            row,
            index,
            f"row {row}, column {layout.header[index]}: label {label!r} maps to no "
            f"{dimension} code" + (f" of {year}" if of_year else ""),
        )
        for row, label, year in unknown.iter_rows()
    ]
    missing = pl.col("code").is_null() | (pl.col("code") == "")
    return coded.select(pl.when(missing).then("label").otherwise("code"))["label"], problems


def _is_source_line(cell: str) -> bool:
    """The closing line naming the source (``Bron: CBS``, ``Source: CBS``)."""
    return cell.strip().casefold().startswith(("bron", "source"))


def _each_once(
    cells: pl.Series, convert: Callable[[str], object], dtype: type[pl.DataType]
) -> pl.Series:
    """``convert`` applied to every cell, once per distinct value."""
    distinct = cells.unique().to_list()
    converted = pl.Series(list(map(convert, distinct)), dtype=dtype)
    return cells.replace_strict(pl.Series(distinct, dtype=pl.String), converted, return_dtype=dtype)
