"""Disclosure control for published counts. Plain functions, no Dagster.

One column of a published table holds municipal counts, their regions' totals and the national
total. Counts below the threshold are not published (primary suppression). A hidden count could
still be worked out from a published total, so more counts are hidden (secondary suppression)
until every published total covers either no hidden count, or at least two hidden counts that
add up to the threshold or more: each then lies anywhere between 0 and that sum.

A region whose total is hidden has no equation of its own: its hidden counts join the national
total's. That national group must then hold hidden counts of at least two regions, or the one
hidden region's total would follow from the national total.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

DEFAULT_THRESHOLD = 10


def is_safe(values: np.ndarray, hidden: np.ndarray, threshold: int) -> bool:
    """No hidden value of a group can be recovered from the group's published total."""
    hidden_values = np.asarray(values)[np.asarray(hidden, bool)]
    return hidden_values.size == 0 or (
        hidden_values.size >= 2 and bool(hidden_values.sum() >= threshold)
    )


def _hide_smallest_shown(values: np.ndarray, hidden: np.ndarray, among: np.ndarray) -> bool:
    candidates = np.flatnonzero(among & ~hidden)
    if candidates.size == 0:
        return False
    hidden[candidates[np.argmin(values[candidates])]] = True
    return True


@dataclass(frozen=True)
class Suppression:
    cell_hidden: np.ndarray  # per cell
    cell_primary: np.ndarray
    regions: np.ndarray  # sorted region labels
    region_hidden: np.ndarray  # per region
    region_primary: np.ndarray
    national_hidden: bool


def suppress_column(
    values: np.ndarray, regions: np.ndarray, threshold: int = DEFAULT_THRESHOLD
) -> Suppression:
    """Which municipal counts and region totals of one column to hide (the national total is
    hidden only when it is itself below the threshold, and then everything is)."""
    values = np.asarray(values)
    regions = np.asarray(regions)
    labels = np.unique(regions)
    totals = np.array([values[regions == label].sum() for label in labels])
    cell_primary = values < threshold
    region_primary = totals < threshold
    if values.sum() < threshold:
        return Suppression(
            np.ones(values.size, bool), cell_primary, labels,
            np.ones(labels.size, bool), region_primary, True,
        )  # fmt: skip
    hidden = cell_primary.copy()
    region_hidden = region_primary.copy()
    while True:
        # A published region total: hide its smallest shown counts until it is safe.
        for index in np.flatnonzero(~region_hidden):
            members = regions == labels[index]
            while not is_safe(values, hidden & members, threshold):
                _hide_smallest_shown(values, hidden, members)
        # The national total covers the counts of the regions whose totals are hidden.
        pooled = np.isin(regions, labels[region_hidden])
        if national_group_is_safe(values, regions, hidden, pooled, threshold):
            return Suppression(hidden, cell_primary, labels, region_hidden, region_primary, False)
        # Hide more: a count in a hidden region without one, else the smallest in any hidden
        # region, else the smallest published region total.
        bare = [label for label in labels[region_hidden] if not (hidden & (regions == label)).any()]
        if region_hidden.sum() >= 2 and (
            _hide_smallest_shown(values, hidden, np.isin(regions, bare))
            or _hide_smallest_shown(values, hidden, pooled)
        ):
            continue
        shown_totals = np.flatnonzero(~region_hidden)
        region_hidden[shown_totals[np.argmin(totals[shown_totals])]] = True


def national_group_is_safe(
    values: np.ndarray,
    regions: np.ndarray,
    hidden: np.ndarray,
    pooled: np.ndarray,
    threshold: int,
) -> bool:
    """The counts of regions with hidden totals, under the national total: none hidden, or
    hidden counts in at least two of those regions that are safe together."""
    if not pooled.any():
        return True
    in_pool = hidden & pooled
    return len(set(regions[in_pool].tolist())) >= 2 and is_safe(values, in_pool, threshold)


def disclosure_problems(
    values: np.ndarray,
    regions: np.ndarray,
    cell_hidden: np.ndarray,
    region_hidden: dict[str, bool],
    national_hidden: bool,
    threshold: int,
) -> list[str]:
    """What a published column gives away, judged from its true counts; empty if nothing."""
    values, regions = np.asarray(values), np.asarray(regions)
    cell_hidden = np.asarray(cell_hidden, bool)
    problems = [
        f"cell {i} shows {values[i]}, below {threshold}"
        for i in np.flatnonzero(~cell_hidden & (values < threshold))
    ]
    pooled = np.zeros(values.size, bool)
    for label, hidden in sorted(region_hidden.items()):
        members = regions == label
        if hidden:
            pooled |= members
            continue
        if values[members].sum() < threshold:
            problems.append(f"region {label} shows {values[members].sum()}, below {threshold}")
        if not is_safe(values, cell_hidden & members, threshold):
            problems.append(f"a hidden count of region {label} follows from its total")
    if not national_hidden:
        if values.sum() < threshold:
            problems.append(f"the national total {values.sum()} is below {threshold}")
        if not national_group_is_safe(values, regions, cell_hidden, pooled, threshold):
            problems.append("a hidden count or region total follows from the national total")
    return problems


def _label(hidden: bool, primary: bool) -> str | None:
    if not hidden:
        return None
    return "primary" if primary else "secondary"


def publish(counts: pl.DataFrame, threshold: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The publishable municipal and region counts, per phenomenon, with hidden cells as null.

    ``counts``: municipality_code, municipality_name, riec_code, riec_name, phenomenon_code,
    event_count (every municipality of every phenomenon).
    """
    municipal, region = [], []
    for phenomenon in sorted(counts["phenomenon_code"].unique().to_list()):
        column = counts.filter(pl.col("phenomenon_code") == phenomenon).sort("municipality_code")
        values = column["event_count"].to_numpy()
        regions = column["riec_code"].to_numpy()
        result = suppress_column(values, regions, threshold)
        municipal.append(
            column.select(
                "municipality_code", "municipality_name", "riec_code", "phenomenon_code"
            ).with_columns(
                registered_crimes=pl.Series(
                    [
                        None if h else int(v)
                        for v, h in zip(values, result.cell_hidden, strict=True)
                    ],
                    dtype=pl.Int64,
                ),
                suppression=pl.Series(
                    [
                        _label(h, p)
                        for h, p in zip(result.cell_hidden, result.cell_primary, strict=True)
                    ],
                    dtype=pl.String,
                ),
            )
        )
        names = dict(column.select("riec_code", "riec_name").unique().iter_rows())
        for label, hidden, primary in zip(
            result.regions, result.region_hidden, result.region_primary, strict=True
        ):
            total = int(values[regions == label].sum())
            region.append(
                ("riec_region", str(label), names[label], phenomenon,
                 None if hidden else total, _label(bool(hidden), bool(primary)))
            )  # fmt: skip
        national = int(values.sum())
        region.append(
            ("national", "NL01", "Nederland", phenomenon,
             None if result.national_hidden else national,
             _label(result.national_hidden, national < threshold))
        )  # fmt: skip
    region_schema = {
        "region_level": pl.String,
        "region_code": pl.String,
        "region_name": pl.String,
        "phenomenon_code": pl.String,
        "registered_crimes": pl.Int64,
        "suppression": pl.String,
    }
    return pl.concat(municipal), pl.DataFrame(region, schema=region_schema, orient="row")


def published_problems(
    counts: pl.DataFrame, municipal: pl.DataFrame, region: pl.DataFrame, threshold: int
) -> list[str]:
    """Everything the published tables give away or get wrong, per phenomenon; empty if none."""
    problems = []
    truth = counts.join(
        municipal.select("municipality_code", "phenomenon_code", "registered_crimes"),
        on=["municipality_code", "phenomenon_code"],
        how="left",
    )
    wrong = truth.filter(
        pl.col("registered_crimes").is_not_null()
        & (pl.col("registered_crimes") != pl.col("event_count"))
    )
    problems += [
        f"{row['municipality_code']} {row['phenomenon_code']}: shows {row['registered_crimes']}, "
        f"not {row['event_count']}"
        for row in wrong.iter_rows(named=True)
    ]
    for phenomenon in sorted(truth["phenomenon_code"].unique().to_list()):
        column = truth.filter(pl.col("phenomenon_code") == phenomenon).sort("municipality_code")
        regions = region.filter(pl.col("phenomenon_code") == phenomenon)
        region_hidden = {
            code: value is None
            for level, code, value in regions.select(
                "region_level", "region_code", "registered_crimes"
            ).iter_rows()
            if level == "riec_region"
        }
        national = regions.filter(pl.col("region_level") == "national")["registered_crimes"]
        found = disclosure_problems(
            column["event_count"].to_numpy(),
            column["riec_code"].to_numpy(),
            column["registered_crimes"].is_null().to_numpy(),
            region_hidden,
            national.is_null().all(),
            threshold,
        )
        codes = column["municipality_code"].to_list()
        problems += [f"{phenomenon}: " + _name_cell(problem, codes) for problem in found]
    return problems


def _name_cell(problem: str, codes: list[str]) -> str:
    """'cell 3 shows ...' becomes 'GM0003 shows ...'."""
    if problem.startswith("cell "):
        index, rest = problem[5:].split(" ", 1)
        return f"{codes[int(index)]} {rest}"
    return problem
