"""Seeded, deterministic generator of SYNTHETIC demo data for the dreigingsbeeld pipeline.

The generator writes one file per source per year in the format the real publisher delivers
(see ``data/demo/README.md``, which this module also writes). National totals follow the
published figures copied into ``data/reference/national_figures_calibration.csv``; the spread over
the 342 municipalities of the 2025 division is invented (population-weighted, with urbanisation
and hotspot multipliers and seeded noise).

Determinism: every random draw comes from ``numpy.random.default_rng`` seeded with a key derived
from ``(seed, source, year, ...)``, totals are split with multinomial draws (exact sums), euros are
whole integers and files are written with explicit formatting and LF line endings, so the output
bytes are identical across runs for the same numpy version.

Usage::

    python -m pipeline.domain.demo.generate [--out data/demo] [--seed N] [--scale 1.0]

Pure Python (numpy only); no Dagster imports.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.domain.demo.cbs_build import CbsDemo
from pipeline.domain.demo.common import (
    DEFAULT_OUT_DIR,
    DEFAULT_SEED,
    FIRST_YEAR,
    LAST_YEAR,
    REFERENCE_DIR,
    DemoYear,
    Level,
    load_calibration,
    load_municipalities,
    write_text,
)
from pipeline.domain.demo.drug_sites import SITE_TYPES, drug_sites_file, drug_sites_for_year
from pipeline.domain.demo.establishment_counts import establishments_for_year
from pipeline.domain.demo.financial import (
    financial_file,
    financial_for_year,
    freezes_file,
    freezes_for_year,
)
from pipeline.domain.demo.policy import POLICY, policy_file, policy_selection
from pipeline.domain.demo.readme import demo_readme
from pipeline.domain.demo.seized_assets import om_seized_file, om_seized_for_year
from pipeline.domain.demo.seizure_figures import SEIZURE_SERIES
from pipeline.domain.demo.seizures import seizures_file, seizures_for_year
from pipeline.domain.demo.signals import signals_file, signals_for_year

# What a run writes, per folder: an earlier run's files go first, so that a run of fewer years
# leaves none of them behind.
GENERATED_FILES = (
    ("incidents", "83648NED_*.csv"),
    ("incidents", "Geregistreerde_criminaliteit_*.csv"),
    ("population", "03759NED*"),
    ("drug_sites", "drugslocaties_*.csv"),
    ("financial", "fiu_*.csv"),
    ("financial", "om_beslag_*.csv"),
    ("financial", "spoedbevriezingen_*.csv"),
    ("seizures", "inbeslagnames_*.csv"),
    ("signals", "mma_*.csv"),
    ("establishments", "81575NED_*.csv"),
    ("policy", "*.csv"),
)
# A row of the README's table of national levels: series, year and the level it follows.
LevelRow = tuple[str, int, Level]


def _municipality_names(reference_dir: Path = REFERENCE_DIR) -> dict[str, str]:
    with open(reference_dir / "municipalities.csv", encoding="utf-8", newline="") as f:
        return {r["municipality_code"]: r["municipality_name"] for r in csv.DictReader(f)}


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def generate_demo_data(
    out_dir: Path,
    seed: int = DEFAULT_SEED,
    scale: float = 1.0,
    first_year: int = FIRST_YEAR,
    last_year: int = LAST_YEAR,
    reference_dir: Path = REFERENCE_DIR,
) -> list[Path]:
    """Write the synthetic demo files to ``out_dir`` and return their paths (sorted)."""
    if not FIRST_YEAR <= first_year <= last_year <= LAST_YEAR:
        raise ValueError(f"years must lie within {FIRST_YEAR}-{LAST_YEAR}")
    if not scale > 0:
        raise ValueError("scale must be positive")
    out_dir = Path(out_dir)
    years = list(range(first_year, last_year + 1))
    munis = load_municipalities(reference_dir)
    calibration = load_calibration(reference_dir)
    names = _municipality_names(reference_dir)
    _remove_earlier_files(out_dir)

    run = _Run(out_dir, CbsDemo(reference_dir, munis, seed), names, scale)
    pops, own_division, pop_levels = run.cbs.populations(years, calibration)
    written = run.cbs.write_population(out_dir, own_division)
    table: list[LevelRow] = []
    for year in years:
        table.append(("population 1 January", year, pop_levels[year]))
        demo = DemoYear(munis, calibration, pops[year], year, seed)
        files, levels = run.write_year(demo, own_division[year])
        written += files
        table += levels

    written.append(policy_file(out_dir, policy_selection(munis, seed), names))
    table.sort(key=lambda t: (t[0], t[1]))
    written.append(write_text(out_dir / "SEED", [str(seed)]))
    readme = demo_readme(seed, scale, years, table, POLICY)
    written.append(out_dir / "README.md")
    (out_dir / "README.md").write_bytes(readme.encode("utf-8"))
    return sorted(written)


def _remove_earlier_files(out_dir: Path) -> None:
    for sub, pattern in GENERATED_FILES:
        for stale in (out_dir / sub).glob(pattern):
            stale.unlink()


@dataclass(frozen=True)
class _Run:
    """What every year of one run shares."""

    out_dir: Path
    cbs: CbsDemo
    names: dict[str, str]  # municipality names, for the places of inland seizures
    scale: float  # multiplier for the number of grow-site records

    def write_year(
        self, demo: DemoYear, own_division: dict[str, int]
    ) -> tuple[list[Path], list[LevelRow]]:
        """Every file of one year (the population aside), and the national levels they follow;
        ``own_division``: the year's population in its own municipal division."""
        out_dir, year = self.out_dir, demo.year
        path, inc_levels = self.cbs.write_incidents(out_dir, demo, own_division, year == LAST_YEAR)
        written = [path]
        table = [(f"incidents {code}", year, lvl) for code, lvl in sorted(inc_levels.items())]

        records, site_levels = drug_sites_for_year(demo, self.scale)
        written.append(drug_sites_file(out_dir, year, records))
        table += [(f"drug sites {s}", year, site_levels[s]) for s in SITE_TYPES]

        seizures, seizure_levels = seizures_for_year(demo, self.names)
        written.append(seizures_file(out_dir, year, seizures))
        table += [(SEIZURE_SERIES[k], year, lvl) for k, lvl in seizure_levels.items()]

        signals, signal_levels = signals_for_year(demo)
        written.append(signals_file(out_dir, demo.munis, year, signals))
        table += [(f"MMA tips {k}", year, lvl) for k, lvl in signal_levels.items()]

        establishments, est_level = establishments_for_year(demo)
        written.append(self.cbs.write_establishments(out_dir, establishments, own_division, year))
        table.append(("establishments T001081 (INVENTED)", year, est_level))

        financial_files, financial_levels = self.write_financial(demo)
        return written + financial_files, table + financial_levels

    def write_financial(self, demo: DemoYear) -> tuple[list[Path], list[LevelRow]]:
        """FIU-Nederland's transactions, the OM's seized assets and (from 2025) the emergency
        freezes."""
        out_dir, year, munis = self.out_dir, demo.year, demo.munis
        fiu, fiu_levels = financial_for_year(demo)
        written = [financial_file(out_dir, munis, year, fiu)]
        table = [(f"FIU {k}", year, fiu_levels[k]) for k in ("unusual", "suspicious", "value")]

        om, om_levels = om_seized_for_year(demo)
        written.append(om_seized_file(out_dir, munis, year, om))
        table += [(f"OM beslag {k}", year, lvl) for k, lvl in om_levels.items()]

        freezes = freezes_for_year(demo)
        if freezes is not None:
            written.append(freezes_file(out_dir, year, freezes))
            table.append(("FIU emergency freezes cases", year, Level(len(freezes), None)))
            eur = sum(c[3] for c in freezes)
            table.append(("FIU emergency freezes EUR", year, Level(eur, None)))
        return written, table


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate SYNTHETIC demo data (deterministic).")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR, help="output directory")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="multiplier for grow-site records only"
    )
    parser.add_argument("--first-year", type=int, default=FIRST_YEAR)
    parser.add_argument("--last-year", type=int, default=LAST_YEAR)
    args = parser.parse_args(argv)
    paths = generate_demo_data(args.out, args.seed, args.scale, args.first_year, args.last_year)
    print(f"wrote {len(paths)} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
