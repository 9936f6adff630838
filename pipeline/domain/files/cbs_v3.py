"""CBS OData v3 TypedDataSet files: the bulk CSV and the JSON rows. No Dagster here.

The header holds the table's keys (``ID;SoortMisdrijf;RegioS;Perioden;TotaalGeregistreerde
Misdrijven_1;...``): all six measures of a full 83648NED export or any selection that holds the
dimensions and the measure the pipeline uses. Measures the pipeline does not use are kept; a
measure key the table does not know goes to ``other_cells``; any other column is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import polars as pl

from pipeline.domain.files.cbs_frames import (
    MEASURE_KEY,
    missing_dimensions,
    record_keys,
    records_frame,
    table_frame,
)
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
    best = max(counts, key=counts.__getitem__)
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


def read_v3_json_rows(
    path: Path, table: CbsTable, rows: Sequence[Mapping[str, object]]
) -> pl.DataFrame:
    """The rows of a TypedDataSet in JSON (the API's ``value`` list, or ``cbsodata``'s saved
    TypedDataSet.json): one object per row, keyed like the CSV header."""
    if not rows:
        raise UnreadableFile(f"{path.name}: no rows")
    other = _columns(path, table, record_keys(rows))
    return table_frame(records_frame(rows, "source_row"), table, other, table.assumed_totals)


def rows_of_json(document: object) -> list[dict[str, object]] | None:
    """The row objects of a v3 JSON document, or None if it is not one."""
    if isinstance(document, dict) and isinstance(document.get("value"), list):
        document = document["value"]
    if not isinstance(document, list) or not document:
        return None
    rows = [row for row in document if isinstance(row, dict)]
    if len(rows) < len(document) or "Measure" in rows[0]:
        return None  # not all objects, or v4 observations
    return rows
