"""The blocking check of each raw asset: a year's rows against the Great Expectations suite of
its source, and the rules that span rows (divisions, totals and parts, countable crime codes).

The raw asset runs it on the rows it has read, before they are written: a year whose rows fail
is not written, so the raw table keeps the rows it last accepted (``files.py``)."""

from collections.abc import Sequence
from typing import TYPE_CHECKING

import duckdb
from dagster import AssetCheckResult, AssetCheckSpec, AssetKey

if TYPE_CHECKING:
    import pandas as pd  # imported where frames are made: it takes a third of a second

from pipeline.domain.files.batches import batched
from pipeline.domain.files.cbs_tables import CbsTable
from pipeline.domain.files.consistency_rules import (
    SBI_TOTAL,
    Rejection,
    children_of,
    mixed_divisions,
    municipality_column,
    totals_differ_from_parts,
    uncountable_codes,
)
from pipeline.domain.files.region_codes import is_municipality
from pipeline.domain.files.sources import Source
from pipeline.domain.files.value_rules import KNOWN_SETS, raw_rules, with_year_marked
from pipeline.plumbing.check_results import by_year
from pipeline.plumbing.check_runner import RejectedValue, ValidationOutcome
from pipeline.plumbing.expectations import Expectations
from pipeline.plumbing.partitions import yearly_partitions
from pipeline.plumbing.sql_runner import query

# Mixed municipal divisions, totals against their parts, and countable crime codes.
CROSS_ROW_RULES = 3
# Rows validated together at most (unless one year holds more): every demo source's eleven years
# fit in one validation; a year of record-level FIU transactions (millions) is one of its own.
ROWS_PER_VALIDATION = 1_000_000
# Columns of the raw view that describe the load, not the file: not checked, not read.
LOAD_PROVENANCE = ("source_sha256", "loaded_at", "is_synthetic")


def _cross_row_rejections(
    conn: duckdb.DuckDBPyConnection,
    source: Source,
    frame: "pd.DataFrame",
    known: dict[str, frozenset[str]],
) -> list[RejectedValue]:
    """Mixed municipal divisions; for CBS tables also totals further from their parts than CBS's
    rounding allows, and crime types a phenomenon counts that a file holds neither as such nor
    as parts."""
    successors = {
        code: frozenset(codes)
        for code, codes in query(conn, "quality/queries/historic_successors")[1]
    }
    column = municipality_column(list(source.columns))
    rejections = mixed_divisions(frame, column, successors)
    if source.cbs_table is not None:
        rejections += _cbs_rejections(conn, source.name, source.cbs_table, frame, known)
    file_name = str(frame["source_file"].iloc[0]) if len(frame) else source.name
    return [
        RejectedValue(_file_of(frame, row) or file_name, row, col, value, reason)
        for row, col, value, reason in rejections
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


def known_values(conn: duckdb.DuckDBPyConnection) -> dict[str, frozenset[str]]:
    """Every named set of allowed codes, read from the reference tables."""
    return {
        name: frozenset(row[0] for row in query(conn, f"quality/queries/known_{name}")[1])
        for name in KNOWN_SETS
    }


def _loaded_rows(
    conn: duckdb.DuckDBPyConnection, source: Source, years: Sequence[int]
) -> duckdb.DuckDBPyRelation:
    """The source's raw rows of the years, as a relation (nothing read yet)."""
    return conn.table(f"raw.{source.name}").filter(
        duckdb.ColumnExpression("partition_year").isin(
            *(duckdb.ConstantExpression(year) for year in years)
        )
    )


def _checked_frame(rows: duckdb.DuckDBPyRelation, source: Source) -> "pd.DataFrame":
    """The rows as delivered but for the spaces around values (padding, as CBS pads region
    keys, not part of a value; only spaces, as SQL's trim() in staging: a tab stays and fails
    the rules)."""
    import pandas as pd

    delivered = set(source.columns)
    columns = [
        duckdb.FunctionExpression(
            "trim", duckdb.ColumnExpression(column), duckdb.ConstantExpression(" ")
        ).alias(column)
        if column in delivered
        else duckdb.ColumnExpression(column)
        for column in rows.columns
        if column not in LOAD_PROVENANCE
    ]
    return (
        rows.select(*columns)
        .order("partition_year, source_file, source_row")
        .to_arrow_table()
        # Arrow-backed columns: no copy of every string into a Python object.
        .to_pandas(types_mapper=pd.ArrowDtype)
    )


def validate_rows(
    conn: duckdb.DuckDBPyConnection,
    expectations: Expectations,
    source: Source,
    rows: duckdb.DuckDBPyRelation,
    years: Sequence[int],
    known: dict[str, frozenset[str]],
) -> dict[int, ValidationOutcome]:
    """The outcome of each of the years, from one suite over all their ``rows`` (a relation
    with the raw table's columns and ``partition_year``)."""
    frame = _checked_frame(rows, source)
    checked = expectations.run_suite(
        with_year_marked(frame, source.name),
        raw_rules(source.name, known),
        suite_name=f"raw_{source.name}",
    )
    return {year: _year_outcome(conn, source, frame, known, checked, year) for year in years}


def validate_loaded(
    conn: duckdb.DuckDBPyConnection,
    expectations: Expectations,
    source: Source,
    years: Sequence[int],
    known: dict[str, frozenset[str]],
) -> dict[int, ValidationOutcome]:
    """The outcome of each of the years already in the raw table (their files unchanged since),
    validated again: the code lists they are checked against may have changed."""
    if not years:
        return {}
    loaded = _loaded_rows(conn, source, years)
    counts = dict(loaded.aggregate("partition_year, count(*)").fetchall())
    outcomes: dict[int, ValidationOutcome] = {}
    for batch in batched([(year, counts.get(year, 0)) for year in years], ROWS_PER_VALIDATION):
        rows = _loaded_rows(conn, source, batch)
        outcomes |= validate_rows(conn, expectations, source, rows, batch, known)
    return outcomes


def _year_outcome(
    conn: duckdb.DuckDBPyConnection,
    source: Source,
    frame: "pd.DataFrame",
    known: dict[str, frozenset[str]],
    checked: ValidationOutcome,
    year: int,
) -> ValidationOutcome:
    """One year's share of the suite's outcome, with the rules that span that year's rows."""
    rows = frame[frame["partition_year"] == year]
    failures = [f for f in checked.failures if f.partition_year in (year, None)]
    outcome = ValidationOutcome(not failures, len(rows), checked.rules_checked, failures)
    return outcome.with_rejections(
        _cross_row_rejections(conn, source, rows, known), CROSS_ROW_RULES
    )


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


WHEN_A_FILE_FAILS = (
    " The rows of a year that fails are not loaded: the raw table keeps the rows it last "
    "accepted for that year, so nothing refused reaches staging, whatever a run selects."
    " When it fails: the description lists each refused value by file, row and column (all of "
    "them in quality.quarantine); correct the file in data/raw/ (or ask its supplier for a new "
    "delivery) and materialize the asset again. What depends on it waits until it passes."
)


def check_spec(source: Source) -> AssetCheckSpec:
    """The blocking check of the source's raw asset, evaluated by the asset itself."""
    return AssetCheckSpec(
        name=check_name(source),
        # The layer's prefix is added where the layer is loaded (pipeline/plumbing/layers.py).
        asset=AssetKey([source.name]),
        description=_check_description(source) + WHEN_A_FILE_FAILS,
        blocking=True,
        partitions_def=yearly_partitions,
    )


def check_name(source: Source) -> str:
    return f"{source.name}_file_is_valid"


def check_result(source: Source, outcomes: dict[int, ValidationOutcome]) -> AssetCheckResult:
    """The check's result over the run's years: passed only if every year's rows passed."""
    failing = {year: outcome for year, outcome in outcomes.items() if not outcome.passed}
    failures = [f for outcome in failing.values() for f in outcome.failures]
    rows = sum(outcome.rows_checked for outcome in outcomes.values())
    rules = max((outcome.rules_checked for outcome in outcomes.values()), default=0)
    return AssetCheckResult(
        check_name=check_name(source),
        passed=not failing,
        description=by_year({year: o.summary() for year, o in failing.items()})
        or f"All {rules} rules hold on {rows} rows.",
        metadata={
            "rows_checked": rows,
            "rules_checked": rules,
            "failed_values": len(failures),
            "first_failure": failures[0].message() if failures else "",
            "refused_years": ", ".join(map(str, sorted(failing))) or "none",
        },
    )
