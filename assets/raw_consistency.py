"""Checks across rows of a delivered file that a per-cell rule cannot express. No Dagster here.

Each returns ``(source_row, column, value, reason)`` for every row it rejects.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

Rejection = tuple[int, str, str, str]

# CBS's key for "all SBI sections" in the establishments table.
SBI_TOTAL = "T001081"


def municipality_column(columns: list[str]) -> str:
    return "RegioS" if "RegioS" in columns else "gemeentecode"


def mixed_divisions(
    frame: pd.DataFrame, column: str, successors: Mapping[str, frozenset[str]]
) -> list[Rejection]:
    """Rows with an old municipality code when the file also holds a code that replaced it.

    Such a file mixes two municipal divisions: mapping the old code would count its area twice.
    """
    present = set(frame[column].dropna())
    rejections = []
    for row, code in zip(frame["source_row"], frame[column], strict=True):
        also_there = sorted(successors.get(code, frozenset()) & present)
        if also_there:
            rejections.append(
                (
                    int(row),
                    column,
                    code,
                    f"is an old municipality code whose successor {', '.join(also_there)} is in "
                    "the same file: the file mixes municipal divisions",
                )
            )
    return rejections


def totals_differ_from_parts(
    frame: pd.DataFrame, key_column: str, value_column: str, total_key: str, region_column: str
) -> list[Rejection]:
    """Total rows whose value is not the sum of the parts in the same region (counts only)."""
    values = pd.to_numeric(frame[value_column], errors="coerce")
    is_total = frame[key_column] == total_key
    part_values = values[~is_total].groupby(frame.loc[~is_total, region_column])
    parts = part_values.sum()
    # A suppressed part ('.') makes the sum unknown: such a region's total cannot be checked.
    incomplete = set(part_values.apply(lambda v: v.isna().any()).loc[lambda x: x].index)
    rejections = []
    for index in frame.index[is_total]:
        region, total = frame.at[index, region_column], values.at[index]
        expected = parts.get(region)
        if pd.isna(total) or region in incomplete or expected is None or total == expected:
            continue
        rejections.append(
            (
                int(frame.at[index, "source_row"]),
                value_column,
                str(frame.at[index, value_column]),
                f"is the total ({total_key}) for {region} but its parts add up to {int(expected)}",
            )
        )
    return rejections
