"""Are two implementations' tables the same? Same rows, same keys, integers and text equal,
floats equal to a relative 1e-9, nulls in the same places; rows sorted by key first.

Returns the differences as text (empty when identical), so the bench can abort with a summary.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

TABLE_KEYS = {
    "financial_indicators": ["year", "region_level", "region_code", "reporting_sector_code"],
    "phenomenon_indicators": ["year", "region_level", "region_code", "phenomenon_code", "source"],
}
RELATIVE_TOLERANCE = 1e-9
EXAMPLES = 3


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)


def _key_text(frame: pd.DataFrame, keys: list[str], row: int) -> str:
    return "/".join(str(value) for value in frame.loc[row, keys])


def _column_mismatches(left: pd.Series, right: pd.Series) -> np.ndarray:
    """Row positions where the two columns differ (nulls equal only to nulls)."""
    left_null, right_null = left.isna().to_numpy(), right.isna().to_numpy()
    differs = left_null != right_null
    both = ~left_null & ~right_null
    if pd.api.types.is_float_dtype(left) or pd.api.types.is_float_dtype(right):
        a = left.to_numpy(dtype=float, na_value=np.nan)
        b = right.to_numpy(dtype=float, na_value=np.nan)
        close = np.isclose(a, b, rtol=RELATIVE_TOLERANCE, atol=0.0, equal_nan=True)
        differs |= both & ~close
    else:
        a, b = left.astype(object).to_numpy(), right.astype(object).to_numpy()
        differs |= both & (a != b)
    return np.flatnonzero(differs)


def compare_tables(name: str, left: pd.DataFrame, right: pd.DataFrame, labels: tuple[str, str]):
    """The differences between two versions of table ``name``, as lines of text."""
    keys = TABLE_KEYS[name]
    if list(left.columns) != list(right.columns):
        return [f"{name}: columns differ: {list(left.columns)} vs {list(right.columns)}"]
    problems = []
    for label, frame in zip(labels, (left, right), strict=True):
        duplicated = int(frame.duplicated(keys).sum())
        if duplicated:
            problems.append(f"{name}: {label} has {duplicated} rows with a duplicate key")
    if len(left) != len(right):
        problems.append(f"{name}: {len(left)} rows ({labels[0]}) vs {len(right)} ({labels[1]})")
    if problems:
        return problems
    left, right = _sorted(left, keys), _sorted(right, keys)
    key_rows = np.unique(
        np.concatenate([_column_mismatches(left[key], right[key]) for key in keys])
    )
    if len(key_rows):
        first = key_rows[0]
        shown = f"{_key_text(left, keys, first)} vs {_key_text(right, keys, first)}"
        return [f"{name}: keys differ in {len(key_rows)} rows, first: {shown}"]
    for column in left.columns:
        rows = _column_mismatches(left[column], right[column])
        if len(rows):
            examples = "; ".join(
                f"{_key_text(left, keys, r)}: {left.loc[r, column]} vs {right.loc[r, column]}"
                for r in rows[:EXAMPLES]
            )
            problems.append(f"{name}.{column}: {len(rows)} of {len(left)} rows differ ({examples})")
    return problems


def compare_folders(names: list[str], left_dir: Path, right_dir: Path, labels: tuple[str, str]):
    """Every table of ``names`` as Parquet in both folders, compared."""
    problems = []
    for name in names:
        left = pd.read_parquet(left_dir / f"{name}.parquet")
        right = pd.read_parquet(right_dir / f"{name}.parquet")
        problems += compare_tables(name, left, right, labels)
    return problems
