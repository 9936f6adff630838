"""The blocking check of each raw asset: a year's rows against the Great Expectations suite of
its source, and the rules that span rows (divisions, totals and parts, countable crime codes).

The raw asset runs it on the rows it has read, before they are written: a year whose rows fail
is not written, so the raw table keeps the rows it last accepted (``files.py``)."""

from collections.abc import Sequence

import duckdb
from dagster import AssetCheckResult, AssetCheckSpec, AssetKey

from assets.raw.cross_row_rules import CROSS_ROW_RULES, cross_row_rejections
from pipeline.domain.files.batches import batched
from pipeline.domain.files.sources import Source
from pipeline.domain.files.value_rules import KNOWN_SETS, raw_rules
from pipeline.plumbing.check_outcomes import ValidationOutcome
from pipeline.plumbing.check_results import by_year
from pipeline.plumbing.checked_rows import as_frame, checked_rows
from pipeline.plumbing.expectations import Expectations
from pipeline.plumbing.partitions import yearly_partitions
from pipeline.plumbing.sql_runner import query

# Rows validated together at most (unless one year holds more): every demo source's eleven years
# fit in one validation; a year of record-level FIU transactions (millions) is one of its own.
ROWS_PER_VALIDATION = 1_000_000
# Larger batches are judged by their distinct values, found by DuckDB (``check_by_values``):
# as a pandas frame, a year of 2.5 million FIU records took 6 s and gigabytes before GX saw it.
# Measured on the demo's eleven years: 323,325 incident rows take 1.4 s so, 2.0 s row by row;
# 123,504 establishment rows take the same either way; smaller batches are quicker row by row.
ROWS_JUDGED_BY_VALUES = 200_000


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
    checked = checked_rows(rows, source.columns, source.name)
    counts = dict(checked.aggregate("partition_year, count(*)").fetchall())
    rules, suite_name = raw_rules(source.name, known), f"raw_{source.name}"
    if sum(counts.values()) > ROWS_JUDGED_BY_VALUES:
        outcome = expectations.run_suite_by_values(checked, rules, suite_name)
    else:
        outcome = expectations.run_suite(as_frame(checked), rules, suite_name)
    return {
        year: _year_outcome(conn, source, checked, counts.get(year, 0), known, outcome, year)
        for year in years
    }


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
    checked: duckdb.DuckDBPyRelation,
    rows: int,
    known: dict[str, frozenset[str]],
    suite_outcome: ValidationOutcome,
    year: int,
) -> ValidationOutcome:
    """One year's share of the suite's outcome, with the rules that span that year's rows."""
    failures = [f for f in suite_outcome.failures if f.partition_year in (year, None)]
    outcome = ValidationOutcome(not failures, rows, suite_outcome.rules_checked, failures)
    year_rows = checked.filter(
        duckdb.ColumnExpression("partition_year") == duckdb.ConstantExpression(year)
    )
    return outcome.with_rejections(
        cross_row_rejections(conn, source, year_rows, known), CROSS_ROW_RULES
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
