"""Writes the demo's three CBS tables (pipeline/domain/demo/cbs_shapes.py says how they look). No
Dagster here.

Population comes first: the other generators spread their figures by the population of the 2025
municipalities, which for 2019-2025 is the real population of each year mapped to the 2025
division (as the pipeline maps it) and before 2019 the old synthetic series.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from pipeline.domain.demo.cbs_shapes import (
    incident_cells,
    write_incidents_statline,
    write_incidents_v3,
)
from pipeline.domain.demo.common import (
    _SRC_POPULATION,
    Calibration,
    DemoYear,
    IntArray,
    Level,
    Municipalities,
    apportion,
    level_for,
    seeded_rng,
)
from pipeline.domain.demo.establishments import establishment_cells, write_establishments_v3
from pipeline.domain.demo.geography import (
    RealPopulation,
    YearGeography,
    aggregate,
    load_real_population,
    synthetic_population,
    year_geography,
)
from pipeline.domain.demo.incidents import (
    Hierarchy,
    incidents_for_year,
    load_hierarchy,
    load_leaf_mix,
)
from pipeline.domain.demo.population import population_values, write_population_v4
from pipeline.domain.demo.regions import RegionSet, load_aggregates, load_municipal_regions
from pipeline.domain.files.divisions import Divisions, load_divisions

# Before 2019 (no real figures here): INVENTED national totals close to the CBS series as
# remembered, spread by each municipality's 2023-2025 growth (clipped to -1%..+3% a year).
POPULATION_CALIBRATION = ("population_1_january",)
POPULATION_INVENTED = {2015: 16_900_726, 2016: 16_979_120, 2017: 17_081_507, 2018: 17_181_084}
# The StatLine download of the latest year, named as StatLine names it (date and time of download).
STATLINE_STAMP = "15052026_093012"


@dataclass
class CbsDemo:
    reference_dir: Path
    munis: Municipalities
    seed: int
    _regions: dict[int, RegionSet] = field(default_factory=dict)

    @cached_property
    def divisions(self) -> Divisions:
        return load_divisions(self.reference_dir)

    @cached_property
    def real(self) -> RealPopulation:
        return load_real_population(self.reference_dir)

    @cached_property
    def hierarchy(self) -> Hierarchy:
        return load_hierarchy(self.reference_dir)

    @cached_property
    def crime_titles(self) -> dict[str, str]:
        with (self.reference_dir / "crime_types.csv").open(encoding="utf-8", newline="") as f:
            return {r["crime_type_code"]: r["cbs_title"] for r in csv.DictReader(f)}

    def regions(self, year: int) -> RegionSet:
        if year not in self._regions:
            province_of, riec_of = load_municipal_regions(self.reference_dir)
            self._regions[year] = RegionSet(
                year_geography(self.divisions, year),
                self.divisions.names(),
                province_of,
                riec_of,
                load_aggregates(self.reference_dir),
            )
        return self._regions[year]

    def geography(self, year: int) -> YearGeography:
        return self.regions(year).geography

    def populations(
        self, years: list[int], calibration: Calibration
    ) -> tuple[dict[int, IntArray], dict[int, dict[str, int]], dict[int, Level]]:
        """Per year: the population of the 2025 municipalities, of the year's own division,
        and the national level for the README."""
        current: dict[int, IntArray] = {}
        own: dict[int, dict[str, int]] = {}
        levels: dict[int, Level] = {}
        p23 = self.munis.pop_2023.astype(np.float64)
        p25 = self.munis.pop_2025.astype(np.float64)
        growth = np.clip(np.sqrt(p25 / p23) - 1.0, -0.01, 0.03)
        for year in years:
            geography = self.geography(year)
            if year in self.real.years:
                own[year] = {c: self.real.on_1_january[(year, c)] for c in geography.codes}
                current[year] = aggregate(geography, self.munis.codes, own[year])
                levels[year] = Level(sum(own[year].values()), "real")
                continue
            level = level_for(calibration, POPULATION_CALIBRATION, POPULATION_INVENTED, year, "pop")
            current[year] = apportion(level.value, p23 * (1.0 + growth) ** (year - 2023))
            rng = seeded_rng(self.seed, _SRC_POPULATION, year)
            own[year] = synthetic_population(
                geography, self.munis.codes, current[year], self.real, rng
            )
            levels[year] = level
        return current, own, levels

    def write_population(self, out_dir: Path, own: dict[int, dict[str, int]]) -> list[Path]:
        synthetic = {y: v for y, v in own.items() if y not in self.real.years}
        years = sorted(set(own) | {y for y in self.real.years if y >= min(own)})
        year_regions = {y: self.regions(y) for y in years}
        values = population_values(year_regions, synthetic, self.real)
        ever = {code for (_, code) in values if code.startswith("GM")}
        names = self.divisions.names()
        order = [
            "NL01",
            *sorted(c for (_, c) in values if c.startswith("PV")),
            *sorted(ever, key=lambda c: (names[c].casefold(), c)),
        ]
        return write_population_v4(out_dir, values, list(dict.fromkeys(order)), years)

    def write_incidents(
        self, out_dir: Path, demo: DemoYear, own: dict[str, int], as_statline: bool
    ) -> tuple[Path, dict[str, Level]]:
        year = demo.year
        mix = load_leaf_mix(self.reference_dir, self.hierarchy)
        leaves, levels = incidents_for_year(demo, self.hierarchy, mix)
        regions = self.regions(year)
        cells = incident_cells(
            regions, self.hierarchy, leaves, self.munis.codes, own, year, self.seed
        )
        if as_statline:
            path = write_incidents_statline(
                out_dir, regions, cells, own, self.crime_titles, year, self.seed, STATLINE_STAMP
            )
        else:
            path = write_incidents_v3(out_dir, regions, cells, own, year, self.seed)
        return path, levels

    def write_establishments(
        self, out_dir: Path, sections: dict[str, IntArray], own: dict[str, int], year: int
    ) -> Path:
        geography = self.geography(year)
        cells = establishment_cells(geography, self.munis.codes, sections, own, year, self.seed)
        return write_establishments_v3(out_dir, geography, cells, year)
