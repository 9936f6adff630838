"""What a check found: the values it rejected, each named by file, row and column, and its
outcome for a year, kept in ``quality.check_results`` and ``quality.quarantine``."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

from pipeline.plumbing.sql_runner import registered, run_all_in_transaction

MAX_FAILURES_LISTED = 20


@dataclass(frozen=True)
class RejectedValue:
    """One rejected value: where it is and which rule it breaks."""

    source_file: str
    source_row: int | None
    column: str | None
    value: str | None
    rule: str
    # the year partition of the row, where the rows of several years are checked at once
    partition_year: int | None = None

    def message(self) -> str:
        where = self.source_file
        if self.source_row is not None:
            where += f", row {self.source_row}"
        if self.column is not None:
            where += f", column {self.column}"
        value = "" if self.value is None else f": value {self.value!r}"
        return f"{where}{value} {self.rule}"


@dataclass(frozen=True)
class ValidationOutcome:
    passed: bool
    rows_checked: int
    rules_checked: int
    failures: list[RejectedValue]

    def with_rejections(
        self, rejections: list[RejectedValue], rules_added: int
    ) -> ValidationOutcome:
        """This outcome with values rejected by checks outside the GX suite."""
        failures = sorted(
            [*self.failures, *rejections],
            key=lambda f: (f.source_file, f.source_row or 0, f.column or ""),
        )
        return ValidationOutcome(
            passed=self.passed and not rejections,
            rows_checked=self.rows_checked,
            rules_checked=self.rules_checked + rules_added,
            failures=failures,
        )

    def summary(self) -> str:
        if self.passed:
            return f"All {self.rules_checked} rules hold on {self.rows_checked} rows."
        shown = "\n".join(
            f"- {failure.message()}" for failure in self.failures[:MAX_FAILURES_LISTED]
        )
        more = len(self.failures) - MAX_FAILURES_LISTED
        tail = f"\n- ... and {more} more" if more > 0 else ""
        return f"{len(self.failures)} value(s) break the rules:\n{shown}{tail}"


def record_outcome(
    conn: duckdb.DuckDBPyConnection,
    asset_key: str,
    check_name: str,
    year: int,
    outcome: ValidationOutcome,
    severity: str = "error",
    summary: str | None = None,
) -> None:
    """Store a check's outcome for the year, and its rejected values in the quarantine,
    replacing the check's earlier outcome."""
    failure_rows = pl.DataFrame(
        [(f.source_file, f.source_row, f.column, f.value, f.rule) for f in outcome.failures],
        schema={
            "source_file": pl.String,
            "source_row": pl.Int64,
            "column_name": pl.String,
            "value": pl.String,
            "rule": pl.String,
        },
        orient="row",
    )
    which = {"year": year, "asset_key": asset_key, "check_name": check_name}
    outcome_params = {
        **which,
        "severity": severity,
        "passed": outcome.passed,
        "rows_checked": outcome.rows_checked,
        "rules_checked": outcome.rules_checked,
        "summary": summary or outcome.summary(),
    }
    with registered(conn, {"failure_rows": failure_rows}):
        run_all_in_transaction(
            conn, [("quality/check_results", outcome_params), ("quality/quarantine", which)]
        )
