"""The demo's CBS tables in the shapes CBS delivers them, oddities included. No Dagster here.

- ``incidents/83648NED_<Y>.csv``: the OData v3 TypedDataSet bulk CSV of 83648NED, all ten
  columns, every field quoted, region keys padded to six characters, numbers right-aligned
  inside the quotes, every count rounded to a multiple of 5 (each cell on its own, so a parent
  may differ from the sum of its children), the aggregate rows beside the municipalities and
  empty cells for the 'niet in te delen' rows. The latest year comes as a StatLine download
  instead (labels, '2025*', decimal commas, 'Bron: CBS'), under StatLine's own file name.
- ``population/03759NED.json``: one OData v4 extract of 03759NED for every year, two pages of
  Observations saved as a JSON array, with ``03759NED_MeasureCodes.json`` and
  ``03759NED_PeriodenCodes.json`` beside it; every municipality that ever existed is listed for
  every year, 'Impossible' where it did not exist.
- ``establishments/81575NED_<Y>.csv``: the OData v3 CSV of 81575NED, SBI keys padded to seven
  characters, every SBI code of the table (total, sections, groups, unknown), rounded to 5.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from pipeline.domain.demo.common import IntArray, quoted, seeded_rng, write_text
from pipeline.domain.demo.geography import YearGeography, disaggregate
from pipeline.domain.demo.incidents import TOTAL_CODE, Hierarchy
from pipeline.domain.demo.regions import UNALLOCATED, RegionSet, statline_label

_SRC_CLEARED = 12  # seed key of the cleared crimes (never renumber)
PERIODS_IN_TABLE = 16  # 2010-2025: the ID of a v3 row counts the table's rows in this order
# Share of registered crimes cleared, per main category (INVENTED, plausible orders of size).
CLEARANCE = {
    "CRI1000": 0.12, "CRI2000": 0.18, "CRI3000": 0.45, "CRI4000": 0.35, "CRI5000": 0.65,
    "CRI6000": 0.85, "CRI7000": 0.80, "CRI9000": 0.50,
}  # fmt: skip
SUSPECTS_PER_CLEARED = 1.15
STATLINE_INCIDENTS_NAME = "Geregistreerde_criminaliteit__soort_misdrijf__regio_{stamp}.csv"
INCIDENT_MEASURES = (
    "TotaalGeregistreerdeMisdrijven_1",
    "GeregistreerdeMisdrijvenRelatief_2",
    "GeregistreerdeMisdrijvenPer1000Inw_3",
    "TotaalOpgehelderdeMisdrijven_4",
    "OpgehelderdeMisdrijvenRelatief_5",
    "RegistratiesVanVerdachten_6",
)
# crime code -> region -> (registered, cleared); None for the 'niet in te delen' rows.
IncidentCells = dict[str, dict[str, tuple[int | None, int | None]]]
# The six measures of a row, as numbers (None: an empty cell).
Measures = list[int | float | None]
STATLINE_MEASURES = (
    "Geregistreerde misdrijven|Totaal geregistreerde misdrijven (aantal)",
    "Geregistreerde misdrijven|Geregistreerde misdrijven, relatief (%)",
    "Geregistreerde misdrijven|Geregistreerde misdrijven per 1000 inwoners (per 1 000 inwoners)",
    "Opgehelderde misdrijven|Totaal opgehelderde misdrijven (aantal)",
    "Opgehelderde misdrijven|Opgehelderde misdrijven, relatief (%)",
    "Registraties van verdachten (aantal)",
)


def round5(value: int) -> int:
    """CBS rounds registered crimes (and establishments) to the nearest multiple of 5."""
    return 5 * ((int(value) + 2) // 5)


def region_totals(regions: RegionSet, values: dict[str, int]) -> dict[str, int | None]:
    """Every region of the file: municipalities as given, aggregates as their sums, the
    'niet in te delen' rows empty."""
    out: dict[str, int | None] = dict(values)
    for aggregate in regions.aggregates:
        if aggregate.code in UNALLOCATED:
            out[aggregate.code] = None
        else:
            out[aggregate.code] = sum(values[c] for c in regions.members(aggregate))
    return out


def incident_cells(
    regions: RegionSet,
    hierarchy: Hierarchy,
    leaves: dict[str, IntArray],
    current_codes: tuple[str, ...],
    population: dict[str, int],
    year: int,
    seed: int,
) -> IncidentCells:
    """crime code -> region -> (registered, cleared), unrounded, for every code and region."""
    geography: YearGeography = regions.geography
    weights = {code: float(population[code]) for code in geography.codes}
    rng = seeded_rng(seed, _SRC_CLEARED, year)
    registered: dict[str, dict[str, int]] = {}
    cleared: dict[str, dict[str, int]] = {}
    for leaf in hierarchy.leaves:
        in_year = disaggregate(geography, current_codes, leaves[leaf], weights)
        chain = [leaf, *hierarchy.ancestors(leaf)]  # the leaf up to T001161
        rate = CLEARANCE[chain[-2]]  # the main category's clearance rate
        registered[leaf] = in_year
        cleared[leaf] = {c: int(rng.binomial(n, rate)) for c, n in sorted(in_year.items())}
    for code in sorted(hierarchy.parent, key=lambda c: -hierarchy.level[c]):
        parts = hierarchy.children.get(code)
        if parts:
            registered[code] = {c: sum(registered[p][c] for p in parts) for c in geography.codes}
            cleared[code] = {c: sum(cleared[p][c] for p in parts) for c in geography.codes}
    return {
        code: {
            region: (registered_total, cleared_total)
            for (region, registered_total), cleared_total in zip(
                region_totals(regions, registered[code]).items(),
                region_totals(regions, cleared[code]).values(),
                strict=True,
            )
        }
        for code in registered
    }


def _measures(
    cells: IncidentCells,
    code: str,
    region: str,
    population: int | None,
    suspects_rng: np.random.Generator,
) -> Measures:
    registered, cleared = cells[code][region]
    if registered is None or cleared is None:  # 'niet in te delen': both empty
        return [None] * len(INCIDENT_MEASURES)
    total = cells[TOTAL_CODE][region][0]
    suspects = int(suspects_rng.poisson(cleared * SUSPECTS_PER_CLEARED))
    return [
        round5(registered),
        round(100 * registered / total, 1) if total else None,
        round(1000 * registered / population, 1) if population else None,
        round5(cleared),
        round(100 * cleared / registered, 1) if registered else None,
        round5(suspects),
    ]


def _aligned(value: int | float | None) -> str:
    if value is None:
        return ""
    return f"{value:>8.1f}" if isinstance(value, float) else f"{value:>8}"


def region_population(regions: RegionSet, population: dict[str, int]) -> dict[str, int | None]:
    return region_totals(regions, population)


def write_incidents_v3(
    out_dir: Path,
    regions: RegionSet,
    cells: IncidentCells,
    population: dict[str, int],
    year: int,
    seed: int,
) -> Path:
    header = quoted("ID", "SoortMisdrijf", "RegioS", "Perioden", *INCIDENT_MEASURES)
    lines = [header]
    order = regions.ordered()
    populations = region_population(regions, population)
    rng = seeded_rng(seed, _SRC_CLEARED, year, 1)
    for code_index, code in enumerate(sorted(cells)):
        for region_index, region in enumerate(order):
            row_id = (code_index * len(order) + region_index) * PERIODS_IN_TABLE + (year - 2010)
            values = _measures(cells, code, region, populations.get(region), rng)
            lines.append(
                quoted(row_id, code, f"{region:<6}", f"{year}JJ00", *map(_aligned, values))
            )
    return write_text(out_dir / "incidents" / f"83648NED_{year}.csv", lines)


def _dutch(value: int | float | None) -> str:
    if value is None:
        return "."
    return f"{value:.1f}".replace(".", ",") if isinstance(value, float) else str(value)


def write_incidents_statline(
    out_dir: Path,
    regions: RegionSet,
    cells: IncidentCells,
    population: dict[str, int],
    labels: dict[str, str],
    year: int,
    seed: int,
    stamp: str,
) -> Path:
    """The year as StatLine's "Downloaden" gives it (long layout: one row per crime type,
    region and period). Police units and 'niet in te delen' rows are left out: their StatLine
    labels are not known here."""
    lines = [
        '"Geregistreerde criminaliteit; soort misdrijf, regio"',
        "",
        quoted("Soort misdrijf", "Regio's", "Perioden", *STATLINE_MEASURES),
    ]
    populations = region_population(regions, population)
    rng = seeded_rng(seed, _SRC_CLEARED, year, 1)
    order = [r for r in regions.ordered(with_police_units=False) if r not in UNALLOCATED]
    for code in sorted(cells):
        for region in order:
            values = _measures(cells, code, region, populations.get(region), rng)
            lines.append(
                quoted(
                    labels[code], statline_label(regions, region), f"{year}*", *map(_dutch, values)
                )
            )
    lines.append('"Bron: CBS"')
    name = STATLINE_INCIDENTS_NAME.format(stamp=stamp)
    return write_text(out_dir / "incidents" / name, lines)
