"""The demo's geography: each year in its own municipal division, with real population where CBS
has it. No Dagster here.

CBS publishes a year in that year's division (393 municipalities in 2015 ... 342 in 2025), so the
demo's CBS files do too. The demo generates its figures per municipality of the 2025 division (as
the pipeline reports them) and hands each 2025 municipality's figures to the municipalities that
made it up in the year, by their population: the pipeline maps them back to the 2025 division.
Population on 1 January 2019-2026 is real (CBS 03759NED, data/reference/population_03759NED.csv);
before 2019 it is synthetic (see ``synthetic_population``).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from pipeline.domain.demo.common import IntArray, apportion
from pipeline.domain.files.divisions import Divisions

REAL_POPULATION_FILE = "population_03759NED.csv"


@dataclass(frozen=True)
class YearGeography:
    """One year's division, and how its municipalities relate to the 2025 ones."""

    year: int
    codes: tuple[str, ...]  # the division on 1 January, sorted
    shares: dict[str, dict[str, float]]  # code -> 2025 code -> share of the code it receives

    @cached_property
    def main_successor(self) -> dict[str, str]:
        """The 2025 municipality that takes the largest share of each code (lowest on a tie)."""
        return {
            c: min(s.items(), key=lambda kv: (-kv[1], kv[0]))[0] for c, s in self.shares.items()
        }

    def predecessors(self) -> dict[str, list[str]]:
        """2025 code -> the codes of this year that (partly) became it."""
        out: dict[str, list[str]] = defaultdict(list)
        for code in self.codes:
            for successor in self.shares[code]:
                out[successor].append(code)
        return dict(out)


def year_geography(divisions: Divisions, year: int) -> YearGeography:
    successors = divisions.successors()
    codes = tuple(sorted(divisions.of_year(year)))
    return YearGeography(year, codes, {c: successors[c] for c in codes})


def disaggregate(
    geography: YearGeography,
    current_codes: tuple[str, ...],
    values: IntArray,
    weights: dict[str, float],
) -> dict[str, int]:
    """Figures of the 2025 municipalities (``values``, in ``current_codes`` order) handed to the
    year's municipalities: each 2025 figure goes to the codes that became it, by ``weights``
    times the share of each code that went there. Totals stay exact."""
    predecessors = geography.predecessors()
    out = dict.fromkeys(geography.codes, 0)
    for index, code in enumerate(current_codes):
        parts = predecessors[code]
        part_weights = np.array([weights[p] * geography.shares[p][code] for p in parts])
        for part, value in zip(parts, apportion(int(values[index]), part_weights), strict=True):
            out[part] += int(value)
    return out


def aggregate(
    geography: YearGeography, current_codes: tuple[str, ...], values: dict[str, int]
) -> IntArray:
    """The year's figures mapped to the 2025 municipalities as the pipeline maps them: by share,
    whole units by largest remainder per code."""
    index = {code: i for i, code in enumerate(current_codes)}
    out = np.zeros(len(current_codes), dtype=np.int64)
    for code in geography.codes:
        targets = sorted(geography.shares[code])
        shares = np.array([geography.shares[code][t] for t in targets])
        for target, value in zip(targets, apportion(values[code], shares), strict=True):
            out[index[target]] += value
    return out


@dataclass(frozen=True)
class RealPopulation:
    """CBS 03759NED, every region and year 2019-2026: population on 1 January and average."""

    on_1_january: dict[tuple[int, str], int]
    average: dict[tuple[int, str], float]

    @property
    def years(self) -> list[int]:
        return sorted({year for year, _ in self.on_1_january})


def load_real_population(reference_dir: Path) -> RealPopulation:
    on_1_january: dict[tuple[int, str], int] = {}
    average: dict[tuple[int, str], float] = {}
    with (reference_dir / REAL_POPULATION_FILE).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (int(row["year"]), row["region_code"])
            on_1_january[key] = int(row["population_1_january"])
            if row["average_population"]:
                average[key] = float(row["average_population"])
    return RealPopulation(on_1_january, average)


def synthetic_population(
    geography: YearGeography,
    current_codes: tuple[str, ...],
    current_population: IntArray,
    real: RealPopulation,
    rng: np.random.Generator,
) -> dict[str, int]:
    """A year before 2019 in its own division: each 2025 municipality's (synthetic) population
    handed to the codes that became it, weighted by their 2019 population where they still
    existed in 2019 and otherwise by a seeded share of a third of the municipality's
    (INVENTED: CBS has the figures, this repository does not)."""
    predecessors = geography.predecessors()
    weights: dict[str, float] = {}
    for index, code in enumerate(current_codes):
        size = float(current_population[index])
        for part in predecessors[code]:
            known = real.on_1_january.get((2019, part))
            weights[part] = (
                float(known) if known is not None else size / 3 * rng.lognormal(0.0, 0.3)
            )
    return disaggregate(geography, current_codes, current_population, weights)
