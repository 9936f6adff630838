"""SYNTHETIC registered crimes for the demo: every one of the 75 SoortMisdrijf codes of CBS
83648NED, with parents that are the sums of their children. No Dagster here.

National totals: ``T001161`` (all crimes), drug crimes and firearms crimes follow the published
figures (calibration file); the codes the old demo had invented yearly totals for keep them (their
trends carry the demo's story). Everything else follows the mix of the 59 leaf codes in the real
counts of Noord-Nederland 2021-2023 (data/reference/crime_mix_noord_nederland.csv), scaled to what
is left of the national total. Each leaf is spread over the 342 municipalities of 2025 by
population x size^beta x hotspot x seeded character and noise.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.domain.demo.common import (
    _SRC_INCIDENTS,
    FIRST_YEAR,
    LAST_YEAR,
    DemoYear,
    IntArray,
    Level,
    apportion,
    hotspot,
    multinomial,
)


@dataclass(frozen=True)
class CrimeType:
    code: str
    calibration: tuple[str, ...]  # indicators in priority order
    invented: dict[int, int]  # national totals for years without a calibrated value
    beta: float  # rate elasticity to municipality size (urbanisation proxy)
    hotspot: str | None  # hotspot group, see HOTSPOTS


# INVENTED national totals 2015-2025 of the crime types no published figure calibrates.
INVENTED_TOTALS: dict[str, tuple[int, ...]] = {
    "CRI1200": (70000, 74000, 78000, 84000, 92000, 108000, 118000, 112000, 115000, 118000, 121000),
    "CRI1300": (8600, 8400, 8200, 8000, 7900, 7700, 7600, 7800, 8000, 8100, 8200),
    "CRI1500": (1300, 1350, 1400, 1450, 1500, 1650, 1800, 1750, 1800, 1900, 1950),
    "CRI1700": (2100, 2300, 2500, 2700, 2900, 3100, 3300, 3400, 3500, 3600, 3700),
    "CRI2300": (9800, 9600, 9400, 9300, 9200, 9000, 9100, 9800, 10700, 11600, 12000),
    "CRI3400": (1500, 1450, 1400, 1420, 1480, 1550, 1500, 1450, 1500, 1520, 1510),
    "CRI3624": (320, 350, 380, 420, 450, 430, 470, 500, 540, 580, 600),
}


def _invented(code: str) -> dict[int, int]:
    return dict(zip(range(FIRST_YEAR, LAST_YEAR + 1), INVENTED_TOTALS[code], strict=True))


CRIME_TYPES: tuple[CrimeType, ...] = (
    CrimeType("CRI1200", (), _invented("CRI1200"), 0.05, None),
    CrimeType("CRI1300", (), _invented("CRI1300"), 0.15, None),
    CrimeType("CRI1500", (), _invented("CRI1500"), 0.20, "violence"),
    CrimeType("CRI1700", (), _invented("CRI1700"), 0.35, "laundering"),
    CrimeType("CRI2300", (), _invented("CRI2300"), 0.15, "violence"),
    CrimeType("CRI3400", (), _invented("CRI3400"), 0.25, "violence"),
    CrimeType("CRI3624", (), _invented("CRI3624"), 0.30, None),
    CrimeType(
        "CRI6000",
        ("registered_drug_crimes", "registered_opiumwet_crimes"),
        {2015: 16800, 2016: 16300, 2017: 15600, 2018: 15200, 2019: 15100, 2020: 16200,
         2021: 15000, 2022: 14300, 2025: 15600},
        0.30,
        "drugs",
    ),
    CrimeType(
        "CRI7000",
        ("registered_weapons_crimes",),
        {2015: 5600, 2016: 5700, 2017: 5800, 2018: 6000, 2019: 6300, 2020: 6600, 2021: 6800,
         2022: 7000, 2023: 7100, 2025: 7400},
        0.30,
        "weapons",
    ),
)  # fmt: skip
TOTAL_CODE = "T001161"
TOTAL_CALIBRATION = ("registered_crimes_total",)
TOTAL_INVENTED = {2025: 806_000}
TOTAL_BETA = 0.15
CRIME_MIX_FILE = "crime_mix_noord_nederland.csv"
# Leaf codes the Noord-Nederland download leaves out (no rows): small INVENTED shares of their
# parents, after the national 2014 figures in cbs_formats.md (Flessentrekkerij 475 of 19,735).
ABSENT_FROM_MIX = {"CRI1220": 0.024, "CRI1800": 0.005}


@dataclass(frozen=True)
class Hierarchy:
    parent: dict[str, str | None]
    level: dict[str, int]

    @property
    def children(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for code, parent in sorted(self.parent.items()):
            if parent:
                out.setdefault(parent, []).append(code)
        return out

    @property
    def leaves(self) -> list[str]:
        children = self.children
        return sorted(code for code in self.parent if code not in children)

    def ancestors(self, code: str) -> list[str]:
        out = []
        parent = self.parent[code]
        while parent:
            out.append(parent)
            parent = self.parent[parent]
        return out

    def leaves_under(self, code: str) -> list[str]:
        return [leaf for leaf in self.leaves if leaf == code or code in self.ancestors(leaf)]


def load_hierarchy(reference_dir: Path) -> Hierarchy:
    with (reference_dir / "crime_types.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return Hierarchy(
        {r["crime_type_code"]: r["parent_code"] or None for r in rows},
        {r["crime_type_code"]: int(r["level"]) for r in rows},
    )


def load_leaf_mix(reference_dir: Path, hierarchy: Hierarchy) -> dict[str, float]:
    """Each leaf's share of all crimes: the mean of the three real Noord-Nederland years, with
    the two codes missing from that download filled in (INVENTED)."""
    with (reference_dir / CRIME_MIX_FILE).open(encoding="utf-8", newline="") as handle:
        counts = {
            r["crime_type_code"]: sum(float(v) for k, v in r.items() if k != "crime_type_code")
            for r in csv.DictReader(handle)
        }
    mix = {leaf: counts.get(leaf, 0.0) for leaf in hierarchy.leaves}
    for leaf, share_of_parent in ABSENT_FROM_MIX.items():
        mix[leaf] = counts[hierarchy.parent[leaf]] * share_of_parent
    total = sum(mix.values())
    return {leaf: value / total for leaf, value in mix.items()}


def _profile(hierarchy: Hierarchy, leaf: str) -> tuple[int, CrimeType | None]:
    """The anchor a leaf belongs to (its index from 1, and the anchor), or (0, None)."""
    for index, anchor in enumerate(CRIME_TYPES, start=1):
        if anchor.code == leaf or anchor.code in hierarchy.ancestors(leaf):
            return index, anchor
    return 0, None


def national_leaf_totals(
    demo: DemoYear, hierarchy: Hierarchy, mix: dict[str, float]
) -> tuple[dict[str, int], dict[str, Level]]:
    """Every leaf's national total for the year (they add up to the national total)."""
    levels = {TOTAL_CODE: demo.level(TOTAL_CALIBRATION, TOTAL_INVENTED, "total")}
    totals: dict[str, int] = {}
    for anchor in CRIME_TYPES:
        level = demo.level(anchor.calibration, anchor.invented, anchor.code)
        levels[anchor.code] = level
        leaves = hierarchy.leaves_under(anchor.code)
        shares = np.array([mix[leaf] for leaf in leaves])
        totals |= dict(zip(leaves, apportion(level.value, shares).tolist(), strict=True))
    rest = levels[TOTAL_CODE].value - sum(totals.values())
    if rest < 0:
        raise ValueError(f"{demo.year}: the anchored crime types exceed {TOTAL_CODE}")
    free = [leaf for leaf in hierarchy.leaves if leaf not in totals]
    shares = np.array([mix[leaf] for leaf in free])
    totals |= dict(zip(free, apportion(rest, shares).tolist(), strict=True))
    return totals, levels


def incidents_for_year(
    demo: DemoYear, hierarchy: Hierarchy, mix: dict[str, float]
) -> tuple[dict[str, IntArray], dict[str, Level]]:
    """Registered crimes per leaf code and 2025 municipality (in ``munis.codes`` order)."""
    rng = demo.rng(_SRC_INCIDENTS)
    totals, levels = national_leaf_totals(demo, hierarchy, mix)
    counts: dict[str, IntArray] = {}
    for number, leaf in enumerate(hierarchy.leaves):
        anchor_index, anchor = _profile(hierarchy, leaf)
        beta = anchor.beta if anchor else TOTAL_BETA
        key = anchor_index if anchor else 100 + number
        base = demo.by_size(beta) * hotspot(demo.munis, anchor.hotspot if anchor else None)
        weights = demo.noisy(base, rng, _SRC_INCIDENTS, key, 6.0, 40.0)
        counts[leaf] = multinomial(rng, totals[leaf], weights)
    return counts, levels
