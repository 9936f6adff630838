"""A Great Expectations suite on a frame of millions of rows (a year of record-level
transactions), judged on the frame's distinct values instead of on every row.

A value rule (not empty, a pattern, a real date, one of a set) says the same of a value
wherever it stands, so GX judges each column's distinct values, each at the row where it first
appears; the rows of a rejected value are then found in the whole frame. A key's uniqueness is
judged by GX on the rows whose key occurs more than once; the columns on the frame's header.
The outcome is the same as ``check_runner.validate_frame``'s, rule for rule and row for row
(tested), at a fraction of its time: GX's pandas engine applies each rule to every row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pipeline.plumbing.check_runner import (
    RejectedValue,
    ValidationOutcome,
    outcome_of,
    rejected_values,
    unexpected_rows,
)

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.domain.files.value_rules import Rule

# Rules whose verdict on a row depends on one column's value alone.
VALUE_RULES = {"not_null", "match_regex", "date", "in_set"}


def validate_by_values(
    frame: pd.DataFrame, rules: list[Rule], suite_name: str
) -> ValidationOutcome:
    """``validate_frame``'s outcome, with GX judging distinct values (see the module)."""
    success = True
    failures: list[RejectedValue] = []
    for piece, piece_rules in _pieces(frame, rules):
        passed, failed = unexpected_rows(piece, piece_rules, suite_name)
        success = success and passed
        for rule, rows in failed:
            if rule.kind in VALUE_RULES:
                rows = _rows_holding(frame, str(rule.column), piece.loc[rows, rule.column])
            failures += rejected_values(frame, rule, rows, suite_name)
    return outcome_of(frame, rules, success, failures)


def _pieces(frame: pd.DataFrame, rules: list[Rule]) -> list[tuple[pd.DataFrame, list[Rule]]]:
    """The frames GX judges, each with its rules; every frame keeps the whole frame's row
    labels."""
    by_column: dict[str, list[Rule]] = {}
    pieces = []
    for rule in rules:
        if rule.kind in VALUE_RULES:
            by_column.setdefault(str(rule.column), []).append(rule)
        elif rule.kind in ("unique", "unique_together"):
            key = rule.params["columns"] if rule.kind == "unique_together" else [rule.column]
            pieces.append((frame[frame.duplicated(subset=key, keep=False)], [rule]))
        else:  # columns_match: the header
            pieces.append((frame.head(0), [rule]))
    for column, column_rules in by_column.items():
        if all(rule.kind == "not_null" for rule in column_rules):
            # Only the empty cells can fail: a key of millions of distinct values need not be
            # listed.
            pieces.append((frame.loc[frame[column].isna(), [column]], column_rules))
        else:
            # Each distinct value (an empty cell too) once, labelled with its first row.
            pieces.append((frame[[column]].drop_duplicates(), column_rules))
    return pieces


def _rows_holding(frame: pd.DataFrame, column: str, values: pd.Series) -> list[Any]:
    """The labels of every row of ``frame`` whose ``column`` holds one of ``values``."""
    holding = frame[column].isin(values.dropna().tolist())
    if values.isna().any():
        holding = holding | frame[column].isna()
    return frame.index[holding.fillna(False).astype(bool)].tolist()
