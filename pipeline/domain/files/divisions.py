"""Municipal divisions through time, rebuilt from data/reference. No Dagster here.

A code is valid from the day a change created it (or always, if no change did) until the day a
change ended it (or for good, if it is in the 2025 division). CBS publishes a year's figures in
the division of that year (1 January for stocks such as population, the year's own division for
counts of the year), so readers of CBS labels and the demo generator both need it.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Change:
    effective: date
    old_code: str
    old_name: str
    new_code: str
    new_name: str
    share: float
    new_code_created: bool


@dataclass(frozen=True)
class Divisions:
    """The 2025 municipalities with their names and every change since 2015."""

    current: dict[str, str]  # code -> name, 2025 division
    changes: tuple[Change, ...]

    def names(self) -> dict[str, str]:
        """The name of every code that existed since 2015."""
        names = {c.old_code: c.old_name for c in self.changes}
        names |= {c.new_code: c.new_name for c in self.changes}
        return names | self.current

    def on(self, day: date) -> frozenset[str]:
        """The codes of the division on ``day``."""
        created = {c.new_code: c.effective for c in self.changes if c.new_code_created}
        ended = {c.old_code: c.effective for c in self.changes}
        codes = set(self.current) | set(ended)
        return frozenset(
            code for code in codes if created.get(code, date.min) <= day < ended.get(code, date.max)
        )

    def of_year(self, year: int) -> frozenset[str]:
        """The division on 1 January of ``year``."""
        return self.on(date(year, 1, 1))

    def in_year(self, year: int) -> frozenset[str]:
        """Every code that existed at some day of ``year`` (a count of the year may use the
        division of any day in it: Weesp joined Amsterdam on 24 March 2022)."""
        codes: set[str] = set(self.of_year(year))
        for change in self.changes:
            if change.effective.year == year:
                codes |= {change.old_code, change.new_code}
        return frozenset(codes)

    def successors(self) -> dict[str, dict[str, float]]:
        """For every code that ever existed: the 2025 codes it maps to, with shares."""
        direct: dict[str, dict[str, float]] = defaultdict(dict)
        for change in self.changes:
            direct[change.old_code][change.new_code] = change.share

        @cache
        def resolve(code: str) -> tuple[tuple[str, float], ...]:
            if code in self.current and code not in direct:
                return ((code, 1.0),)
            shares: dict[str, float] = defaultdict(float)
            for successor, share in direct[code].items():
                for final, part in resolve(successor):
                    shares[final] += share * part
            return tuple(sorted(shares.items()))

        return {code: dict(resolve(code)) for code in set(self.names())}


def load_divisions(reference_dir: Path) -> Divisions:
    with (reference_dir / "municipalities.csv").open(encoding="utf-8", newline="") as handle:
        current = {r["municipality_code"]: r["municipality_name"] for r in csv.DictReader(handle)}
    path = reference_dir / "municipal_reclassifications.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        changes = tuple(
            Change(
                effective=date.fromisoformat(r["effective_date"]),
                old_code=r["old_code"],
                old_name=r["old_name"],
                new_code=r["new_code"],
                new_name=r["new_name"],
                share=float(r["share"]),
                new_code_created=r["new_code_created"] == "true",
            )
            for r in csv.DictReader(handle)
        )
    return Divisions(current=current, changes=changes)
