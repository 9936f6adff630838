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


def looks_like_statline(table: CbsTable, lines: list[list[str]]) -> bool:
    return find_header(table, lines) is not None


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


def _lines(path: Path) -> tuple[list[list[str]], str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{path.name}: not UTF-8 ({error})") from error
    first = next((line for line in text.splitlines() if line.strip()), "")
    separator = ";" if first.count(";") >= first.count(",") else ","
    return list(csv.reader(text.splitlines(), delimiter=separator)), separator


def read_lines(path: Path) -> list[list[str]]:
    return _lines(path)[0]


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
    records = _records(path, table, codes, layout, lines[header_index + 1 :])
    frame = pl.DataFrame(
        records, schema={"source_row": pl.Int64} | dict.fromkeys(list(records)[1:], pl.String)
    )
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
) -> dict[str, list[int | str | None]]:
    """The data rows under the header as columns of codes and numbers, with ``source_row``
    first; refused if a label maps to no code (every such label is named) or if no row is left."""
    columns = (*layout.dimensions.values(), *layout.measures.values())
    records: dict[str, list[int | str | None]] = {"source_row": []}
    records |= {column: [] for column in columns}
    problems: list[str] = []
    # A label recurs on thousands of rows (every region under every crime type): looked up once.
    looked_up: dict[tuple[str, str, int | None], str | None] = {}
    for number_in_file, raw_cells in enumerate(lines, start=layout.header_row + 1):
        cells = [cell.strip() for cell in raw_cells]
        if not any(cells) or cells[0].casefold().startswith(("bron", "source")):
            continue
        if not any(cells[i] for i in layout.dimensions if i < len(cells)):
            continue  # the line of units under the header
        cells += [""] * (len(layout.header) - len(cells))
        period = codes.period(cells[layout.period_index])
        year = int(period[:4]) if period else None
        records["source_row"].append(number_in_file)
        for index, dimension in layout.dimensions.items():
            label = (dimension, cells[index], year)
            if label not in looked_up:
                looked_up[label] = codes.code_for(table.table_id, dimension, cells[index], year)
            code = looked_up[label]
            if code is None:
                of_year = f" of {year}" if dimension == "RegioS" else ""
                problems.append(
                    f"row {number_in_file}, column {layout.header[index]}: label {cells[index]!r} "
                    f"maps to no {dimension} code{of_year}"
                )
            records[dimension].append(code or cells[index])
        for index, key in layout.measures.items():
            records[key].append(number(cells[index]))
    if problems:
        raise UnreadableFile(problems_message(path, problems))
    if not records["source_row"]:
        raise UnreadableFile(f"{path.name}: a header but no data rows")
    return records
