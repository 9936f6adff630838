"""The rules of a raw check that span rows: mixed municipal divisions, and for CBS tables totals
against their parts and countable crime types (``pipeline.domain.files.consistency_rules``),
applied to one year's rows as checked (``pipeline.plumbing.checked_rows``)."""

from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:
    import pandas as pd  # imported where frames are made: it takes a third of a second

from pipeline.domain.files.cbs_tables import CbsTable
from pipeline.domain.files.consistency_rules import (
    SBI_TOTAL,
    Rejection,
    children_of,
    mixed_division_reason,
    municipality_column,
    replaced_codes,
    totals_differ_from_parts,
    uncountable_codes,
)
from pipeline.domain.files.region_codes import is_municipality
from pipeline.domain.files.sources import Source
from pipeline.plumbing.check_outcomes import RejectedValue
from pipeline.plumbing.checked_rows import ROW_ORDER, as_frame, holding
from pipeline.plumbing.sql_runner import query

# Mixed municipal divisions, totals against their parts, and countable crime codes.
CROSS_ROW_RULES = 3


def cross_row_rejections(
    conn: duckdb.DuckDBPyConnection,
    source: Source,
    year_rows: duckdb.DuckDBPyRelation,
    known: dict[str, frozenset[str]],
) -> list[RejectedValue]:
    """Mixed municipal divisions; for CBS tables also totals further from their parts than CBS's
    rounding allows, and crime types a phenomenon counts that a file holds neither as such nor
    as parts."""
    rejections = _mixed_divisions(conn, source, year_rows)
    if source.cbs_table is None:
        return rejections
    # A CBS year is thousands of rows: its rules that span rows read them as a frame.
    frame = as_frame(year_rows)
    file_name = str(frame["source_file"].iloc[0]) if len(frame) else source.name
    return rejections + [
        RejectedValue(_file_of(frame, row) or file_name, row, col, value, reason)
        for row, col, value, reason in _cbs_rejections(
            conn, source.name, source.cbs_table, frame, known
        )
    ]


def _mixed_divisions(
    conn: duckdb.DuckDBPyConnection, source: Source, year_rows: duckdb.DuckDBPyRelation
) -> list[RejectedValue]:
    """The rows of an old municipality code whose successor is in the same year's rows: such
    a delivery mixes two municipal divisions, and mapping the old code would count its area
    twice. Decided on the distinct codes; only the old codes' rows are read."""
    successors = {
        code: frozenset(codes)
        for code, codes in query(conn, "quality/queries/historic_successors")[1]
    }
    column = municipality_column(list(source.columns))
    present = year_rows.select(duckdb.ColumnExpression(column)).distinct().fetchall()
    replaced = replaced_codes((code for (code,) in present if code is not None), successors)
    if not replaced:
        return []
    old = year_rows.filter(holding(column, list(replaced)))
    return [
        RejectedValue(str(file), int(row), column, code, mixed_division_reason(replaced[code]))
        for file, row, code in old.order(ROW_ORDER)
        .select("source_file", "source_row", duckdb.ColumnExpression(column))
        .fetchall()
    ]


def _cbs_rejections(
    conn: duckdb.DuckDBPyConnection,
    source_name: str,
    table: CbsTable,
    frame: "pd.DataFrame",
    known: dict[str, frozenset[str]],
) -> list[Rejection]:
    if source_name == "establishments":
        sections = [key for key, _ in query(conn, "quality/queries/sbi_sections_by_cbs_key")[1]]
        return totals_differ_from_parts(
            frame,
            table.dimensions[0],
            table.used_measure,
            {SBI_TOTAL: sections},
            "RegioS",
            table.rounding_base,
        )
    if source_name != "incidents":
        return []
    hierarchy = query(conn, "quality/queries/crime_type_hierarchy")[1]
    parents = {code: parent for code, parent, _, _ in hierarchy}
    rejections = totals_differ_from_parts(
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
    return rejections + uncountable_codes(
        frame, counted, parents, lambda code: is_municipality(code) and code in municipalities
    )


def _file_of(frame, row: int) -> str | None:
    """The file a row came from (a CBS year may come from several files)."""
    match = frame["source_file"][frame["source_row"] == row]
    return str(match.iloc[0]) if len(match) == 1 else None
