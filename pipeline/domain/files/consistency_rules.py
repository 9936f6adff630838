"""Checks across rows of a delivered file that a per-cell rule cannot express. No Dagster here.

Each returns ``(source_row, column, value, reason)`` for every row it rejects.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd  # imported where a frame is checked: it takes a third of a second

Rejection = tuple[int, str, str, str]

# CBS's key for "all SBI sections" in the establishments table.
SBI_TOTAL = "T001081"


def _values(column: pd.Series) -> list[Any]:
    """A column's values as a Python list, nulls as None: iterating a column (Arrow-backed ones
    above all) value by value is many times slower."""
    return list(column.to_numpy(dtype=object, na_value=None).tolist())


def municipality_column(columns: list[str]) -> str:
    return "RegioS" if "RegioS" in columns else "gemeentecode"


def rounding_tolerance(rounding_base: int, parts: int) -> float:
    """How far a total may lie from the sum of its parts when CBS rounded each of them (and the
    total) on its own to a multiple of ``rounding_base``: half the base per part and half for
    the total. Unrounded counts (base 1) must add up exactly."""
    return 0.0 if rounding_base <= 1 else rounding_base / 2 * (parts + 1)


def mixed_divisions(
    frame: pd.DataFrame, column: str, successors: Mapping[str, frozenset[str]]
) -> list[Rejection]:
    """Rows with an old municipality code when the file also holds a code that replaced it.

    Such a file mixes two municipal divisions: mapping the old code would count its area twice.
    """
    # Decided per distinct code (a few hundred), then the rows of the old codes picked out: a
    # file of record-level data has millions of rows.
    replaced = replaced_codes(_values(frame[column].dropna().drop_duplicates()), successors)
    if not replaced:
        return []
    old = frame[frame[column].isin(list(replaced))]
    return [
        (int(row), column, code, mixed_division_reason(replaced[code]))
        for row, code in zip(_values(old["source_row"]), _values(old[column]), strict=True)
    ]


def replaced_codes(
    present: Iterable[str], successors: Mapping[str, frozenset[str]]
) -> dict[str, list[str]]:
    """Each code of ``present`` that was replaced by codes also present, with those codes."""
    codes = set(present)
    return {
        code: also_there
        for code in codes
        if (also_there := sorted(successors.get(code, frozenset()) & codes))
    }


def mixed_division_reason(successors_present: Sequence[str]) -> str:
    """Why a row with an old code is rejected (``successors_present``: its successors in the
    same file)."""
    return (
        f"is an old municipality code whose successor {', '.join(successors_present)} is in "
        "the same file: the file mixes municipal divisions"
    )


def totals_differ_from_parts(
    frame: pd.DataFrame,
    key_column: str,
    value_column: str,
    parts_of: Mapping[str, Sequence[str]],
    region_column: str,
    rounding_base: int = 1,
) -> list[Rejection]:
    """Total rows whose value is further from the sum of their parts (in the same region and
    period) than CBS's rounding allows. ``parts_of`` maps a total's key to its parts' keys; a
    total is checked only where every part is delivered with a value."""
    import pandas as pd

    values = _values(pd.to_numeric(frame[value_column], errors="coerce"))
    period = frame["Perioden"] if "Perioden" in frame else pd.Series("", index=frame.index)
    columns = (frame[key_column], frame[region_column], period)
    cell: dict[tuple[str, str, str], tuple[Hashable, float]] = {
        (key, region, when): (index, value)
        for index, key, region, when, value in zip(
            frame.index.tolist(), *(_values(c) for c in columns), values, strict=True
        )
    }
    rejections = []
    for (key, region, when), (index, total) in cell.items():
        parts = parts_of.get(key)
        if not parts or pd.isna(total):
            continue
        found = [cell[(part, region, when)][1] for part in parts if (part, region, when) in cell]
        if len(found) < len(parts) or any(pd.isna(value) for value in found):
            continue  # a part missing or suppressed: the sum is unknown
        expected = sum(found)
        allowed = rounding_tolerance(rounding_base, len(parts))
        if abs(total - expected) <= allowed:
            continue
        margin = f" (CBS rounding allows {allowed:g})" if allowed else ""
        rejections.append(
            (
                int(frame.at[index, "source_row"]),
                value_column,
                str(frame.at[index, value_column]),
                f"is the total of {key} for {region} but its {len(parts)} parts add up to "
                f"{expected:g}{margin}",
            )
        )
    return rejections


def children_of(parents: Mapping[str, str | None]) -> dict[str, list[str]]:
    children: dict[str, list[str]] = defaultdict(list)
    for code, parent in sorted(parents.items()):
        if parent:
            children[parent].append(code)
    return dict(children)


def countable(code: str, present: set[str], children: Mapping[str, Sequence[str]]) -> bool:
    """Whether ``code`` is delivered, or can be counted from delivered parts (recursively)."""
    if code in present:
        return True
    parts = children.get(code, ())
    return bool(parts) and all(countable(part, present, children) for part in parts)


def uncountable_codes(
    frame: pd.DataFrame,
    counted: Mapping[str, str],
    parents: Mapping[str, str | None],
    is_municipality: Callable[[str], bool],
) -> list[Rejection]:
    """Codes a phenomenon counts (``counted``: code -> label) that a municipality's rows hold
    neither as such nor as a complete set of parts: counting them would be silently short.
    One rejection per code, at the first municipality that lacks it."""
    children = children_of(parents)
    regions: dict[str, tuple[int, set[str]]] = {}
    for row, region, code in zip(
        _values(frame["source_row"]),
        _values(frame["RegioS"]),
        _values(frame["SoortMisdrijf"]),
        strict=True,
    ):
        if is_municipality(region):
            first, codes = regions.setdefault(region, (int(row), set()))
            codes.add(code)
    rejections = []
    for code, label in sorted(counted.items()):
        lacking = [
            (first, region)
            for region, (first, codes) in regions.items()
            if not countable(code, codes, children)
        ]
        if lacking:
            first, region = min(lacking)
            rejections.append(
                (
                    first,
                    "SoortMisdrijf",
                    code,
                    f"({label}) is counted by a phenomenon, but {_municipalities(len(lacking))} "
                    f"(first {region}) {'has' if len(lacking) == 1 else 'have'} no row for it "
                    "nor for all of its parts",
                )
            )
    return rejections


def _municipalities(count: int) -> str:
    return f"{count} municipalit{'y' if count == 1 else 'ies'}"
