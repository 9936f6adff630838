"""CBS OData v3 TypedDataSet files: the bulk CSV and the JSON rows. No Dagster here.

The header holds the table's keys (``ID;SoortMisdrijf;RegioS;Perioden;TotaalGeregistreerde
Misdrijven_1;...``): all six measures of a full 83648NED export or any selection that holds the
dimensions and the measure the pipeline uses. Measures the pipeline does not use are kept; a
measure key the table does not know goes to ``other_cells``; any other column is refused.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipeline.domain.files.cbs_frames import MEASURE_KEY, missing_dimensions, table_frame
from pipeline.domain.files.cbs_tables import CbsTable
from pipeline.domain.files.delimited_files import (
    SEPARATOR_NAMES,
    UnreadableFile,
    read_csv_cells,
    without_blank_lines,
)

SEPARATOR = ";"


def _guess_separator(cell: str) -> str | None:
    counts = {sep: cell.count(sep) for sep in SEPARATOR_NAMES if sep != SEPARATOR}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def _columns(path: Path, table: CbsTable, header: list[str]) -> list[str]:
    """The columns beyond the table's own that the file may keep (unknown measure keys); raises
    on a header the table cannot take."""
    known = set(table.columns) - {"other_cells"}
    other = [c for c in header if c not in known and MEASURE_KEY.match(c)]
    unexpected = [c for c in header if c not in known and c not in other and c != "source_row"]
    missing = missing_dimensions(table, set(header), table.assumed_totals)
    if table.used_measure not in header:
        missing.append(table.used_measure)
    expected = (
        f"expected the {table.table_id} keys {', '.join(table.dimensions)} and at least "
        f"{table.used_measure} ({SEPARATOR_NAMES[SEPARATOR]}-separated)"
    )
    if len(header) == 1 and (guess := _guess_separator(header[0])):
        raise UnreadableFile(
            f"{path.name}, row 1 (header): the file seems {SEPARATOR_NAMES[guess]}-separated; "
            f"{expected}",
            row=1,
        )
    problems = []
    if missing:
        problems.append(f"missing column(s) {', '.join(missing)}")
    if unexpected:
        problems.append(f"unexpected column(s) {', '.join(repr(c) for c in unexpected)}")
    if problems:
        raise UnreadableFile(f"{path.name}, row 1 (header): {'; '.join(problems)}; {expected}", 1)
    return other


def read_v3_csv(path: Path, table: CbsTable) -> pl.DataFrame:
    frame = read_csv_cells(path, SEPARATOR)
    header = [c for c in frame.columns if c != "source_row"]
    other = _columns(path, table, header)
    frame = without_blank_lines(path, frame)
    return table_frame(frame, table, other, table.assumed_totals)


def _text(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_v3_json_rows(path: Path, table: CbsTable, rows: list[dict]) -> pl.DataFrame:
    """The rows of a TypedDataSet in JSON (the API's ``value`` list, or ``cbsodata``'s saved
    TypedDataSet.json): one object per row, keyed like the CSV header."""
    if not rows:
        raise UnreadableFile(f"{path.name}: no rows")
    header = list(dict.fromkeys(key for row in rows for key in row))
    other = _columns(path, table, header)
    frame = pl.DataFrame(
        {key: [_text(row.get(key)) for row in rows] for key in header},
        schema=dict.fromkeys(header, pl.String),
    ).with_row_index("source_row", offset=1)
    return table_frame(frame, table, other, table.assumed_totals)


def rows_of_json(document) -> list[dict] | None:
    """The row objects of a v3 JSON document, or None if it is not one."""
    if isinstance(document, dict) and isinstance(document.get("value"), list):
        document = document["value"]
    is_rows = isinstance(document, list) and all(isinstance(r, dict) for r in document)
    if is_rows and document and "Measure" not in document[0]:
        return document
    return None
