"""The municipal division on a given day, rebuilt from data/reference (for tests).

A code is valid from the day a change created it (or always, if no change did) until the day a
change ended it (or for good, if it is in the 2025 division).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from pathlib import Path

REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference"


def reclassifications() -> list[dict[str, str]]:
    with (REFERENCE / "municipal_reclassifications.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def current_codes() -> set[str]:
    with (REFERENCE / "municipalities.csv").open(encoding="utf-8") as handle:
        return {row["municipality_code"] for row in csv.DictReader(handle)}


def division_on(day: date) -> set[str]:
    changes = reclassifications()
    created = {
        row["new_code"]: date.fromisoformat(row["effective_date"])
        for row in changes
        if row["new_code_created"] == "true"
    }
    ended = {row["old_code"]: date.fromisoformat(row["effective_date"]) for row in changes}
    codes = current_codes() | set(ended)
    return {
        code for code in codes if created.get(code, date.min) <= day < ended.get(code, date.max)
    }


def predecessors_on(day: date) -> dict[str, dict[str, float]]:
    """For each code of the division on ``day``: the 2025 codes it maps to, with shares."""
    successors: dict[str, dict[str, float]] = defaultdict(dict)
    for row in reclassifications():
        successors[row["old_code"]][row["new_code"]] = float(row["share"])
    current = current_codes()

    def resolve(code: str) -> dict[str, float]:
        if code in current:
            return {code: 1.0}
        shares: dict[str, float] = defaultdict(float)
        for successor, share in successors[code].items():
            for final, part in resolve(successor).items():
                shares[final] += share * part
        return dict(shares)

    return {code: resolve(code) for code in division_on(day)}
