"""The raw rows as the checks see them, made by DuckDB from the rows as loaded: values without
the spaces around them, and a year-marked copy of each column a partition year rule looks at.

Built as a relation, nothing read: a batch of thousands of rows becomes a pandas frame for the
suite (``as_frame``); a year of millions of record-level rows is judged by its distinct values
in DuckDB (``check_by_values``) and never becomes one.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

import duckdb

from pipeline.domain.files.value_rules import PARTITION_COPY, YEAR_MARK, partition_columns

if TYPE_CHECKING:
    import pandas as pd  # imported where frames are made: it takes a third of a second

# Columns of the raw view that describe the load, not the file: not checked, not read.
LOAD_PROVENANCE = ("source_sha256", "loaded_at", "is_synthetic")
# The order of the rows in a frame, and of rejected values found in the rows.
ROW_ORDER = "partition_year, source_file, source_row"


def checked_rows(
    rows: duckdb.DuckDBPyRelation, delivered: Collection[str], source_name: str
) -> duckdb.DuckDBPyRelation:
    """``rows`` (the raw table's columns and ``partition_year``) with the ``delivered`` columns
    trimmed of spaces, plus a copy of each column a partition year rule looks at in which a
    value's leading partition year is written ``<year>``: one suite then checks every year at
    once, and a value of another year keeps its digits and fails."""
    columns = [
        _trimmed(column).alias(column) if column in delivered else duckdb.ColumnExpression(column)
        for column in rows.columns
        if column not in LOAD_PROVENANCE
    ]
    marked = [
        _year_marked(column).alias(column + PARTITION_COPY)
        for column in partition_columns(source_name)
    ]
    return rows.select(*columns, *marked)


def as_frame(rows: duckdb.DuckDBPyRelation) -> pd.DataFrame:
    """The rows as a pandas frame in file order (see ``frame_of``)."""
    return frame_of(rows.order(ROW_ORDER))


def frame_of(rows: duckdb.DuckDBPyRelation) -> pd.DataFrame:
    """A relation as a pandas frame with Arrow-backed columns (no copy of every string into a
    Python object)."""
    import pandas as pd

    return rows.to_arrow_table().to_pandas(types_mapper=pd.ArrowDtype)


def _trimmed(column: str) -> duckdb.Expression:
    """Without the spaces around it (padding, as CBS pads region keys, not part of a value; only
    spaces, as SQL's trim() in staging: a tab stays and fails the rules)."""
    return duckdb.FunctionExpression(
        "trim", duckdb.ColumnExpression(column), duckdb.ConstantExpression(" ")
    )


def _year_marked(column: str) -> duckdb.Expression:
    """The trimmed value with its leading partition year written ``<year>``; any other value
    (another year's, or none) as it is."""
    value = _trimmed(column)
    leading = duckdb.FunctionExpression("left", value, duckdb.ConstantExpression(4))
    own_year = leading == duckdb.ColumnExpression("partition_year").cast(duckdb.sqltypes.VARCHAR)
    rest = duckdb.FunctionExpression("substr", value, duckdb.ConstantExpression(5))
    marked = duckdb.FunctionExpression("concat", duckdb.ConstantExpression(YEAR_MARK), rest)
    return duckdb.CaseExpression(own_year, marked).otherwise(value)


def holding(column: str, values: Collection[str | None]) -> duckdb.Expression:
    """Whether a row's ``column`` holds one of ``values`` (an empty cell, if None is one)."""
    present = sorted(str(value) for value in values if value is not None)
    cell = duckdb.ColumnExpression(column)
    # one list constant, not one constant per value: a rule may reject many distinct values
    found = duckdb.FunctionExpression(
        "ifnull",
        duckdb.FunctionExpression("list_contains", duckdb.ConstantExpression(present), cell),
        duckdb.ConstantExpression(False),
    )
    return found | cell.isnull() if None in values else found
