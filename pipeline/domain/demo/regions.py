"""The regions of a demo CBS file for one year: municipalities of the year's division and the
aggregates CBS puts beside them. No Dagster here.

Order as in a real 83648NED export (cbs_formats.md; rubennaatje/R-datascience-project-,
``datasets/criminaliteit.csv``): NL01, the landsdelen, LD99, the provinces, PV99, the
municipalities by name, GM0999, the police units, RE99. An aggregate is the sum of its
municipalities, each placed by the 2025 municipality that took the largest share of it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pipeline.domain.demo.geography import YearGeography

UNALLOCATED = ("LD99", "PV99", "GM0999", "RE99")


@dataclass(frozen=True)
class Aggregate:
    code: str
    level: str
    name: str
    provinces: frozenset[str]
    riec: str | None


@dataclass(frozen=True)
class RegionSet:
    geography: YearGeography
    names: dict[str, str]  # every code ever -> its name
    province_of: dict[str, str]  # 2025 code -> province
    riec_of: dict[str, str]  # 2025 code -> RIEC code
    aggregates: tuple[Aggregate, ...]

    def members(self, aggregate: Aggregate) -> list[str]:
        """The year's municipalities an aggregate holds (none for 'niet in te delen')."""
        if aggregate.code in UNALLOCATED:
            return []
        return list(self._members_of[aggregate])

    @cached_property
    def _members_of(self) -> dict[Aggregate, tuple[str, ...]]:
        """Every aggregate's municipalities, found once: a year's file asks for them per cell
        (tens of thousands of times)."""
        main = self.geography.main_successor
        return {
            aggregate: tuple(
                code
                for code in self.geography.codes
                if aggregate.level == "country"
                or self.province_of[main[code]] in aggregate.provinces
                or (aggregate.riec is not None and self.riec_of[main[code]] == aggregate.riec)
            )
            for aggregate in self.aggregates
        }

    def ordered(self, with_police_units: bool = True) -> list[str]:
        by_level = {a.code: a for a in self.aggregates}
        landsdelen = [c for c, a in by_level.items() if a.level == "landsdeel"]
        provinces = [c for c, a in by_level.items() if a.level == "province"]
        police = [c for c, a in by_level.items() if a.level == "police_unit"]
        municipalities = sorted(self.geography.codes, key=lambda c: (self.names[c].casefold(), c))
        order = ["NL01", *sorted(landsdelen), "LD99", *sorted(provinces), "PV99"]
        order += [*municipalities, "GM0999"]
        if with_police_units:
            order += [*sorted(police), "RE99"]
        return order

    def aggregate(self, code: str) -> Aggregate | None:
        return next((a for a in self.aggregates if a.code == code), None)


def load_aggregates(reference_dir: Path) -> tuple[Aggregate, ...]:
    with (reference_dir / "cbs_aggregate_regions.csv").open(encoding="utf-8", newline="") as f:
        return tuple(
            Aggregate(
                r["region_code"],
                r["region_level"],
                r["region_name"],
                frozenset(p for p in r["province_codes"].split("|") if p),
                r["riec_code"] or None,
            )
            for r in csv.DictReader(f)
        )


def load_municipal_regions(reference_dir: Path) -> tuple[dict[str, str], dict[str, str]]:
    with (reference_dir / "municipalities.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return (
        {r["municipality_code"]: r["province_code"] for r in rows},
        {r["municipality_code"]: r["riec_code"] for r in rows},
    )


def statline_label(regions: RegionSet, code: str) -> str:
    """The label StatLine gives a region: 'Groningen (PV)', 'Noord-Nederland (LD)', a
    municipality's name ('(gemeente)' where a province has the same name)."""
    aggregate = regions.aggregate(code)
    if aggregate is not None:
        if aggregate.level == "country":
            return "Nederland"
        suffix = {"landsdeel": "LD", "province": "PV", "police_unit": "RE"}.get(aggregate.level)
        return f"{aggregate.name} ({suffix})"
    name = regions.names[code]
    provinces = {a.name for a in regions.aggregates if a.level == "province"}
    return f"{name} (gemeente)" if name in provinces else name
