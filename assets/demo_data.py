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

    python -m assets.demo_data [--out data/demo] [--seed N] [--scale 1.0]

Pure Python (numpy only); no Dagster imports.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEFAULT_SEED = 20260101
FIRST_YEAR = 2015
LAST_YEAR = 2025

REPO_ROOT = Path(__file__).resolve().parents[1]
REFERENCE_DIR = REPO_ROOT / "data" / "reference"
DEFAULT_OUT_DIR = REPO_ROOT / "data" / "demo"
CALIBRATION_FILE = "national_figures_calibration.csv"

# Source keys for the seed derivation (never renumber: it would change every file).
_SRC_POPULATION = 1
_SRC_INCIDENTS = 2
_SRC_DRUG_SITES = 3
_SRC_FINANCIAL = 4

# --------------------------------------------------------------------------------------------
# National levels. Calibrated values come from the calibration file (indicators listed in
# priority order: the first indicator that has the year wins). Invented values fill the rest.
# --------------------------------------------------------------------------------------------

# Population on 1 January. 2023 and 2025: real per municipality (municipalities.csv).
# 2024: calibrated national total (population_1_january). 2015-2022: INVENTED national totals
# (close to the CBS series as remembered, not verified against 37296ned/03759NED).
POPULATION_CALIBRATION = ("population_1_january",)
POPULATION_INVENTED = {
    2015: 16_900_726,
    2016: 16_979_120,
    2017: 17_081_507,
    2018: 17_181_084,
    2019: 17_282_163,
    2020: 17_407_585,
    2021: 17_475_415,
    2022: 17_590_672,
}


@dataclass(frozen=True)
class CrimeType:
    code: str
    calibration: tuple[str, ...]  # indicators in priority order
    invented: dict[int, int]  # national totals for years without a calibrated value
    beta: float  # rate elasticity to municipality size (urbanisation proxy)
    hotspot: str | None  # hotspot group, see HOTSPOTS


CRIME_TYPES: tuple[CrimeType, ...] = (
    CrimeType(
        "CRI1200",
        (),
        dict(
            zip(
                range(2015, 2026),
                (70000, 74000, 78000, 84000, 92000, 108000, 118000, 112000, 115000, 118000, 121000),
                strict=True,
            )
        ),
        0.05,
        None,
    ),
    CrimeType(
        "CRI1300",
        (),
        dict(
            zip(
                range(2015, 2026),
                (8600, 8400, 8200, 8000, 7900, 7700, 7600, 7800, 8000, 8100, 8200),
                strict=True,
            )
        ),
        0.15,
        None,
    ),
    CrimeType(
        "CRI1500",
        (),
        dict(
            zip(
                range(2015, 2026),
                (1300, 1350, 1400, 1450, 1500, 1650, 1800, 1750, 1800, 1900, 1950),
                strict=True,
            )
        ),
        0.20,
        "violence",
    ),
    CrimeType(
        "CRI1700",
        (),
        dict(
            zip(
                range(2015, 2026),
                (2100, 2300, 2500, 2700, 2900, 3100, 3300, 3400, 3500, 3600, 3700),
                strict=True,
            )
        ),
        0.35,
        "laundering",
    ),
    CrimeType(
        "CRI2300",
        (),
        dict(
            zip(
                range(2015, 2026),
                (9800, 9600, 9400, 9300, 9200, 9000, 9100, 9800, 10700, 11600, 12000),
                strict=True,
            )
        ),
        0.15,
        "violence",
    ),
    CrimeType(
        "CRI3400",
        (),
        dict(
            zip(
                range(2015, 2026),
                (1500, 1450, 1400, 1420, 1480, 1550, 1500, 1450, 1500, 1520, 1510),
                strict=True,
            )
        ),
        0.25,
        "violence",
    ),
    CrimeType(
        "CRI3600",
        (),
        dict(
            zip(
                range(2015, 2026),
                (320, 350, 380, 420, 450, 430, 470, 500, 540, 580, 600),
                strict=True,
            )
        ),
        0.30,
        None,
    ),
    CrimeType(
        "CRI6000",
        ("registered_drug_crimes", "registered_opiumwet_crimes"),
        {
            2015: 16800,
            2016: 16300,
            2017: 15600,
            2018: 15200,
            2019: 15100,
            2020: 16200,
            2021: 15000,
            2022: 14300,
            2025: 15600,
        },
        0.30,
        "drugs",
    ),
    CrimeType(
        "CRI7000",
        ("registered_weapons_crimes",),
        {
            2015: 5600,
            2016: 5700,
            2017: 5800,
            2018: 6000,
            2019: 6300,
            2020: 6600,
            2021: 6800,
            2022: 7000,
            2023: 7100,
            2025: 7400,
        },
        0.30,
        "weapons",
    ),
)
TOTAL_CODE = "T001161"
TOTAL_CALIBRATION = ("registered_crimes_total",)
TOTAL_INVENTED = {2025: 806_000}
TOTAL_BETA = 0.15

# Hotspot multipliers on top of the population-based rate (INVENTED, plausible orders of size):
# big cities, the Rotterdam/Amsterdam/Vlissingen-Terneuzen/Moerdijk ports, Schiphol
# (Haarlemmermeer) and the Brabant/Limburg drug production belt.
HOTSPOTS: dict[str, dict[str, float]] = {
    "GM0363": {"drugs": 1.8, "weapons": 1.6, "laundering": 2.2, "violence": 1.3, "fiu": 3.0},
    "GM0599": {"drugs": 1.8, "weapons": 1.7, "laundering": 1.7, "violence": 1.5, "fiu": 2.2},
    "GM0518": {"drugs": 1.3, "weapons": 1.4, "laundering": 1.2, "violence": 1.3, "fiu": 1.3},
    "GM0344": {"drugs": 1.2, "weapons": 1.2, "laundering": 1.2, "violence": 1.1, "fiu": 1.3},
    "GM0772": {"drugs": 1.4, "weapons": 1.2, "laundering": 1.2, "violence": 1.1},
    "GM0855": {"drugs": 1.4, "weapons": 1.2, "laundering": 1.1, "violence": 1.1},
    "GM0758": {"drugs": 1.3, "laundering": 1.1},
    "GM0796": {"drugs": 1.2},
    "GM0935": {"drugs": 1.5, "laundering": 1.2},
    "GM0917": {"drugs": 1.5, "weapons": 1.2},
    "GM0928": {"drugs": 1.3},
    "GM0983": {"drugs": 1.4},
    "GM0718": {"drugs": 1.6, "laundering": 1.3, "fiu": 1.3},
    "GM0715": {"drugs": 1.4, "laundering": 1.2},
    "GM1709": {"drugs": 2.0, "laundering": 1.3},
    "GM0394": {"drugs": 1.5, "laundering": 1.8, "fiu": 1.5},
    "GM0453": {"drugs": 1.3},
    "GM1674": {"drugs": 1.2},
    "GM0748": {"drugs": 1.2},
}
PORT_CODES = ("GM0599", "GM0363", "GM0718", "GM0715", "GM1709", "GM0394", "GM0453")

# Drug sites ----------------------------------------------------------------------------------

SITE_TYPES = ("productie", "opslag", "dumping", "kwekerij")
SITE_CALIBRATION: dict[str, tuple[str, ...]] = {
    # Series break: 2016-2020 synthetic drug labs only (LOSD), from 2021 all drug types (NOD).
    "productie": (
        "drug_production_sites_dismantled_all_types",
        "synthetic_drug_production_sites_dismantled",
    ),
    "opslag": ("drug_storage_sites_found",),
    "dumping": ("drug_waste_dumpings_found",),
    "kwekerij": ("cannabis_grow_sites_dismantled",),
}
SITE_INVENTED: dict[str, dict[int, int]] = {
    "productie": {2015: 60, 2025: 170},
    "opslag": {2015: 75, 2025: 110},
    "dumping": {2015: 190, 2024: 170, 2025: 165},
    "kwekerij": {2015: 5900, 2016: 5300, 2018: 4100, 2019: 3500, 2024: 1000, 2025: 900},
}
# Province factors (INVENTED): production and dumps concentrated in Noord-Brabant and Limburg
# (Zuid-Holland also high for production in recent NOD reports).
SITE_PROVINCE_FACTOR: dict[str, dict[str, float]] = {
    "productie": {"PV30": 6.0, "PV31": 4.0, "PV28": 3.0, "PV25": 1.5, "PV26": 1.2},
    "opslag": {"PV30": 2.5, "PV31": 1.5, "PV28": 1.5, "PV27": 1.3},
    "dumping": {"PV30": 8.0, "PV31": 5.0, "PV25": 1.5, "PV28": 1.5},
    "kwekerij": {"PV30": 1.3, "PV31": 1.3},
}
SITE_POP_EXPONENT = {"productie": 0.5, "opslag": 0.6, "dumping": 0.2, "kwekerij": 1.0}
SITE_LOCAL_FACTOR: dict[str, dict[str, float]] = {
    "opslag": {"GM0599": 6.0, "GM0363": 5.0, "GM1709": 3.0, "GM0718": 2.0, "GM0394": 2.0},
}
SETTINGS = ("woonwijk", "buitengebied", "bedrijventerrein")
SETTING_PROBS = {
    "productie": (0.55, 0.25, 0.20),
    "opslag": (0.30, 0.15, 0.55),
    "dumping": (0.10, 0.75, 0.15),
    "kwekerij": (0.65, 0.20, 0.15),
}
DRUGS = ("synthetisch", "cocaine", "cannabis")

# FIU ----------------------------------------------------------------------------------------

FIU_CALIBRATION = {
    "unusual": ("fiu_unusual_transactions_reported",),
    "suspicious": ("fiu_suspicious_transactions",),
    "value": ("fiu_suspicious_transactions_value",),
}
FIU_INVENTED = {
    "unusual": {2025: 3_900_000},
    "suspicious": {2015: 36_000, 2025: 125_000},
    "value": {2025: 19_000_000_000},
}
# (share of unusual transactions 2015, share 2025, suspicious ratio factor, euro per suspicious
# transaction factor, size elasticity). All INVENTED. Crypto providers report from 2020 (Wwft
# registration of crypto service providers in May 2020).
FIU_SECTORS: dict[str, tuple[float, float, float, float, float]] = {
    "banken": (0.48, 0.36, 1.0, 1.0, 0.25),
    "betaaldienstverleners": (0.28, 0.34, 1.3, 0.05, 0.40),
    "cryptodienstverleners": (0.00, 0.12, 1.5, 0.5, 0.50),
    "casinos": (0.06, 0.02, 0.8, 0.1, 0.30),
    "handelaren_goederen": (0.05, 0.03, 1.2, 0.6, 0.20),
    "notarissen": (0.01, 0.01, 1.5, 8.0, 0.20),
    "makelaars": (0.004, 0.004, 1.5, 6.0, 0.20),
    "trustkantoren": (0.01, 0.005, 1.5, 10.0, 0.50),
    "overheid": (0.10, 0.07, 2.0, 0.5, 0.20),
    "overig": (0.016, 0.041, 1.0, 0.5, 0.20),
}
CRYPTO_START_YEAR = 2020

# CBS 03759NED dimension keys for "total population".
POP_KEYS = {"Geslacht": "T001038", "Leeftijd": "10000", "BurgerlijkeStaat": "T001019"}


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Municipalities:
    codes: tuple[str, ...]
    province: tuple[str, ...]
    pop_2023: np.ndarray
    pop_2025: np.ndarray

    def __len__(self) -> int:
        return len(self.codes)


def _rng(seed: int, *keys: int) -> np.random.Generator:
    return np.random.default_rng([int(seed), *(int(k) for k in keys)])


def _apportion(total: int, weights: np.ndarray) -> np.ndarray:
    """Split an integer total proportionally to weights (largest remainder, exact sum)."""
    w = np.asarray(weights, dtype=np.float64)
    if total == 0 or w.sum() <= 0:
        return np.zeros(len(w), dtype=np.int64)
    quota = total * (w / w.sum())
    base = np.floor(quota).astype(np.int64)
    rest = int(total - int(base.sum()))
    order = np.argsort(-(quota - base), kind="stable")
    if rest > 0:
        base[order[:rest]] += 1
    elif rest < 0:  # pragma: no cover - float rounding safety
        for i in np.argsort(-base, kind="stable")[:-rest]:
            base[i] -= 1
    return base


def _multinomial(rng: np.random.Generator, total: int, weights: np.ndarray) -> np.ndarray:
    w = np.asarray(weights, dtype=np.float64)
    p = w / w.sum()
    return rng.multinomial(int(total), p).astype(np.int64)


def _character(seed: int, source: int, key: int, n: int, shape: float | np.ndarray) -> np.ndarray:
    """Fixed per-municipality multiplier (mean 1, variance 1/shape), stable across years."""
    shape = np.broadcast_to(np.asarray(shape, dtype=np.float64), (n,))
    return _rng(seed, source, 0, key).gamma(shape, 1.0 / shape)


def _size_shape(pop: np.ndarray, base: float) -> np.ndarray:
    """Gamma shape growing with size: big municipalities deviate less from their rate."""
    return base * np.maximum(1.0, pop.astype(np.float64) / 50_000.0)


def load_municipalities(reference_dir: Path = REFERENCE_DIR) -> Municipalities:
    with open(reference_dir / "municipalities.csv", encoding="utf-8", newline="") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r["municipality_code"])
    return Municipalities(
        codes=tuple(r["municipality_code"] for r in rows),
        province=tuple(r["province_code"] for r in rows),
        pop_2023=np.array([int(r["population_2023_01_01"]) for r in rows], dtype=np.int64),
        pop_2025=np.array([int(r["population_2025_01_01"]) for r in rows], dtype=np.int64),
    )


def load_calibration(reference_dir: Path = REFERENCE_DIR) -> dict[tuple[str, int], dict[str, str]]:
    """Rows of the calibration file keyed by (indicator, year); duplicates are an error."""
    out: dict[tuple[str, int], dict[str, str]] = {}
    with open(reference_dir / CALIBRATION_FILE, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            key = (row["indicator"], int(row["year"]))
            if key in out:
                raise ValueError(f"{CALIBRATION_FILE}: duplicate row for {key}")
            out[key] = row
    return out


@dataclass(frozen=True)
class Level:
    value: int
    indicator: str | None  # None = invented
    unit: str = ""
    source: str = ""


def _level(
    calibration: dict[tuple[str, int], dict[str, str]],
    indicators: Sequence[str],
    invented: dict[int, int],
    year: int,
    what: str,
) -> Level:
    for ind in indicators:
        row = calibration.get((ind, year))
        if row is not None:
            return Level(int(row["value"]), ind, row["unit"], row["source"])
    if year in invented:
        return Level(invented[year], None)
    raise ValueError(f"no national level for {what} in {year}")


def _write_text(path: Path, lines: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return path


def _q(*fields: object) -> str:
    return ";".join(f'"{f}"' for f in fields)


# --------------------------------------------------------------------------------------------
# Population
# --------------------------------------------------------------------------------------------


def population_by_year(
    munis: Municipalities,
    calibration: dict[tuple[str, int], dict[str, str]],
    years: Sequence[int],
) -> tuple[dict[int, np.ndarray], dict[int, Level]]:
    pops: dict[int, np.ndarray] = {}
    levels: dict[int, Level] = {}
    p23 = munis.pop_2023.astype(np.float64)
    p25 = munis.pop_2025.astype(np.float64)
    growth = np.clip(np.sqrt(p25 / p23) - 1.0, -0.01, 0.03)
    for year in years:
        if year == 2023:
            pops[year] = munis.pop_2023.copy()
            levels[year] = Level(int(munis.pop_2023.sum()), "municipalities.csv")
        elif year == 2025:
            pops[year] = munis.pop_2025.copy()
            levels[year] = Level(int(munis.pop_2025.sum()), "municipalities.csv")
        else:
            lvl = _level(calibration, POPULATION_CALIBRATION, POPULATION_INVENTED, year, "pop")
            raw = np.sqrt(p23 * p25) if year == 2024 else p23 * (1.0 + growth) ** (year - 2023)
            pops[year] = _apportion(lvl.value, raw)
            levels[year] = lvl
    return pops, levels


def _population_file(out_dir: Path, munis: Municipalities, year: int, pop: np.ndarray) -> Path:
    lines = [
        _q("ID", "Geslacht", "Leeftijd", "BurgerlijkeStaat", "RegioS", "Perioden")
        + ';"BevolkingOp1Januari_1"'
    ]
    for i, code in enumerate(munis.codes):
        lines.append(
            _q(
                i,
                POP_KEYS["Geslacht"],
                POP_KEYS["Leeftijd"],
                POP_KEYS["BurgerlijkeStaat"],
                code,
                f"{year}JJ00",
                int(pop[i]),
            )
        )
    return _write_text(out_dir / "population" / f"03759NED_{year}.csv", lines)


# --------------------------------------------------------------------------------------------
# Incidents (CBS 83648NED)
# --------------------------------------------------------------------------------------------


def _hotspot(munis: Municipalities, group: str | None) -> np.ndarray:
    out = np.ones(len(munis))
    if group is None:
        return out
    for i, code in enumerate(munis.codes):
        out[i] = HOTSPOTS.get(code, {}).get(group, 1.0)
    if group == "drugs":  # Brabant/Limburg production and trafficking belt
        out *= np.array([1.2 if p in ("PV30", "PV31") else 1.0 for p in munis.province])
    return out


def incidents_for_year(
    munis: Municipalities,
    calibration: dict[tuple[str, int], dict[str, str]],
    pop: np.ndarray,
    year: int,
    seed: int,
) -> tuple[dict[str, np.ndarray], dict[str, Level]]:
    rng = _rng(seed, _SRC_INCIDENTS, year)
    size = pop.astype(np.float64) / 100_000.0
    counts: dict[str, np.ndarray] = {}
    levels: dict[str, Level] = {}
    for k, ct in enumerate(CRIME_TYPES):
        lvl = _level(calibration, ct.calibration, ct.invented, year, ct.code)
        weights = (
            pop
            * size**ct.beta
            * _hotspot(munis, ct.hotspot)
            * _character(seed, _SRC_INCIDENTS, k + 1, len(munis), _size_shape(pop, 6.0))
            * rng.gamma(40.0, 1.0 / 40.0, size=len(munis))
        )
        counts[ct.code] = _multinomial(rng, lvl.value, weights)
        levels[ct.code] = lvl
    total = _level(calibration, TOTAL_CALIBRATION, TOTAL_INVENTED, year, TOTAL_CODE)
    categories = np.sum(list(counts.values()), axis=0)
    rest = total.value - int(categories.sum())
    if rest < 0:
        raise ValueError(f"{year}: category totals exceed {TOTAL_CODE}")
    weights = (
        pop
        * size**TOTAL_BETA
        * _character(seed, _SRC_INCIDENTS, 0, len(munis), _size_shape(pop, 15.0))
        * rng.gamma(80.0, 1.0 / 80.0, size=len(munis))
    )
    counts[TOTAL_CODE] = categories + _multinomial(rng, rest, weights)
    levels[TOTAL_CODE] = total
    return counts, levels


def _incidents_file(
    out_dir: Path, munis: Municipalities, year: int, counts: dict[str, np.ndarray]
) -> Path:
    lines = [_q("ID", "SoortMisdrijf", "RegioS", "Perioden", "TotaalGeregistreerdeMisdrijven_1")]
    row_id = 0
    for code in sorted(counts):
        for i, gm in enumerate(munis.codes):
            lines.append(_q(row_id, code, gm, f"{year}JJ00", int(counts[code][i])))
            row_id += 1
    return _write_text(out_dir / "incidents" / f"83648NED_{year}.csv", lines)


# --------------------------------------------------------------------------------------------
# Drug sites (Politie, Nationaal Overzicht Drugslocaties: record per site)
# --------------------------------------------------------------------------------------------


def _site_weights(munis: Municipalities, pop: np.ndarray, site: str, seed: int) -> np.ndarray:
    prov = SITE_PROVINCE_FACTOR[site]
    local = SITE_LOCAL_FACTOR.get(site, {})
    w = pop.astype(np.float64) ** SITE_POP_EXPONENT[site]
    w *= np.array([prov.get(p, 1.0) for p in munis.province])
    w *= np.array([local.get(c, 1.0) for c in munis.codes])
    w *= _character(seed, _SRC_DRUG_SITES, SITE_TYPES.index(site) + 1, len(munis), 2.0)
    return w


def _site_drug_probs(site: str, year: int) -> tuple[float, float, float]:
    if site == "kwekerij":
        return (0.0, 0.0, 1.0)
    if site == "dumping":
        return (1.0, 0.0, 0.0)
    if year < 2021:  # LOSD series 2016-2020 covers synthetic drugs only
        return (1.0, 0.0, 0.0)
    if site == "productie":  # a few cocaine extraction/washing labs
        return (0.85, 0.15, 0.0)
    return (0.45, 0.35, 0.20)  # storage, all drug types from 2021


def drug_sites_for_year(
    munis: Municipalities,
    calibration: dict[tuple[str, int], dict[str, str]],
    pop: np.ndarray,
    year: int,
    seed: int,
    scale: float,
) -> tuple[list[tuple[str, str, str, str, str]], dict[str, Level]]:
    rng = _rng(seed, _SRC_DRUG_SITES, year)
    n_days = 366 if calendar.isleap(year) else 365
    start = dt.date(year, 1, 1).toordinal()
    records: list[tuple[str, str, str, str, str]] = []
    levels: dict[str, Level] = {}
    for site in SITE_TYPES:
        lvl = _level(calibration, SITE_CALIBRATION[site], SITE_INVENTED[site], year, site)
        levels[site] = lvl
        n = round(lvl.value * scale) if site == "kwekerij" else lvl.value
        w = _site_weights(munis, pop, site, seed)
        where = rng.choice(len(munis), size=n, p=w / w.sum())
        days = rng.integers(0, n_days, size=n)
        drugs = rng.choice(len(DRUGS), size=n, p=np.array(_site_drug_probs(site, year)))
        settings = rng.choice(len(SETTINGS), size=n, p=np.array(SETTING_PROBS[site]))
        for m, d, g, s in zip(where, days, drugs, settings, strict=True):
            date = dt.date.fromordinal(start + int(d)).isoformat()
            records.append((date, munis.codes[m], site, DRUGS[g], SETTINGS[s]))
    records.sort()
    return records, levels


def _drug_sites_file(
    out_dir: Path, year: int, records: list[tuple[str, str, str, str, str]]
) -> Path:
    lines = ["registratienummer;datum;gemeentecode;soort_locatie;drugssoort;omgeving"]
    for i, rec in enumerate(records, start=1):
        lines.append(";".join((f"DL{year}-{i:05d}", *rec)))
    return _write_text(out_dir / "drug_sites" / f"drugslocaties_{year}.csv", lines)


# --------------------------------------------------------------------------------------------
# Financial (FIU-Nederland aggregates)
# --------------------------------------------------------------------------------------------


def _fiu_shares(year: int) -> np.ndarray:
    t = (year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR)
    shares = []
    for name, (s0, s1, *_rest) in FIU_SECTORS.items():
        if name == "cryptodienstverleners":
            if year < CRYPTO_START_YEAR:
                s = 0.0
            else:
                ramp = (year - CRYPTO_START_YEAR + 1) / (LAST_YEAR - CRYPTO_START_YEAR + 1)
                s = s1 * ramp
        else:
            s = s0 + (s1 - s0) * t
        shares.append(s)
    return np.array(shares)


def financial_for_year(
    munis: Municipalities,
    calibration: dict[tuple[str, int], dict[str, str]],
    pop: np.ndarray,
    year: int,
    seed: int,
) -> tuple[dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]], dict[str, Level]]:
    rng = _rng(seed, _SRC_FINANCIAL, year)
    levels = {
        k: _level(calibration, FIU_CALIBRATION[k], FIU_INVENTED[k], year, f"fiu {k}")
        for k in ("unusual", "suspicious", "value")
    }
    names = list(FIU_SECTORS)
    shares = _fiu_shares(year)
    unusual_k = _multinomial(rng, levels["unusual"].value, shares)
    ratio = np.array([FIU_SECTORS[n][2] for n in names])
    susp_k = _multinomial(rng, levels["suspicious"].value, unusual_k * ratio)
    # Suspicious transactions are a subset of unusual ones: move any excess to other sectors.
    while np.any(susp_k > unusual_k):  # pragma: no cover - only for extreme inputs
        excess = np.maximum(susp_k - unusual_k, 0)
        susp_k -= excess
        room = unusual_k - susp_k
        susp_k += _apportion(int(excess.sum()), room)
    size = pop.astype(np.float64) / 100_000.0
    hot = _hotspot(munis, "fiu")
    port = np.array([2.5 if c in PORT_CODES else 1.0 for c in munis.codes])
    out: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    value_weights = []
    for k, name in enumerate(names):
        beta = FIU_SECTORS[name][4]
        w = (
            pop
            * size**beta
            * hot
            * _character(seed, _SRC_FINANCIAL, k + 1, len(munis), _size_shape(pop, 3.0))
            * rng.gamma(20.0, 1.0 / 20.0, size=len(munis))
        )
        if name == "overheid":
            w = w * port  # Douane cash declarations at ports and Schiphol
        u = _multinomial(rng, int(unusual_k[k]), w)
        s = rng.multivariate_hypergeometric(u, int(susp_k[k]), method="marginals").astype(np.int64)
        amount = FIU_SECTORS[name][3] * rng.lognormal(0.0, 0.8, size=len(munis)) * hot
        value_weights.append(s * amount)
        out[name] = (u, s, np.zeros(len(munis), dtype=np.int64))
    flat = _apportion(levels["value"].value, np.concatenate(value_weights))
    for k, name in enumerate(names):
        u, s, _ = out[name]
        out[name] = (u, s, flat[k * len(munis) : (k + 1) * len(munis)])
    return out, levels


def _financial_file(
    out_dir: Path,
    munis: Municipalities,
    year: int,
    data: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]],
) -> Path:
    lines = [
        "jaar;gemeentecode;meldersgroep;ongebruikelijke_transacties;verdachte_transacties;"
        "verdacht_bedrag_eur"
    ]
    for i, gm in enumerate(munis.codes):
        for name in sorted(data):
            u, s, v = (int(a[i]) for a in data[name])
            if u or s or v:
                lines.append(f"{year};{gm};{name};{u};{s};{v}")
    return _write_text(out_dir / "financial" / f"fiu_{year}.csv", lines)


# --------------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------------


def _fmt_level(lvl: Level) -> str:
    if lvl.indicator is None:
        return f"{lvl.value} | invented |"
    if lvl.indicator == "municipalities.csv":
        return f"{lvl.value} | real (sum of data/reference/municipalities.csv, CBS 03759NED) |"
    return f"{lvl.value} | calibrated: `{lvl.indicator}` ({lvl.unit}) |"


def _readme(
    seed: int, scale: float, years: Sequence[int], table: list[tuple[str, int, Level]]
) -> str:
    cmd = f"python -m assets.demo_data --out data/demo --seed {seed} --scale {scale:g}"
    if (years[0], years[-1]) != (FIRST_YEAR, LAST_YEAR):
        cmd += f" --first-year {years[0]} --last-year {years[-1]}"
    lines = [
        "# Demo data: SYNTHETIC",
        "",
        "**Everything in this directory is SYNTHETIC demo data.** It is not a real registration",
        "and must never be published or read as facts about any municipality. National totals",
        "follow published figures where they were found (marked *calibrated* below); everything",
        "else, including every municipal figure, every record and every date, is invented.",
        "",
        f"Generator: `assets/demo_data.py`. Seed: `{seed}` (also in `SEED`). Scale: `{scale:g}`.",
        f"Years: {years[0]}-{years[-1]}. Geography: the 342 municipalities of the 2025 division",
        "(`data/reference/municipalities.csv`) for every year, so the demo needs no boundary",
        "mapping.",
        "",
        "Regenerate (from the repository root; output is byte-identical for the same seed, scale",
        "and numpy version):",
        "",
        "```",
        f"{cmd}",
        "```",
        "",
        "Calibration values are read from `data/reference/national_figures_calibration.csv`, a",
        "verbatim copy of the rows used from the shared `national_figures.csv` (sources named",
        "there).",
        "The generator reads no file outside the repository.",
        "",
        "## Files and formats",
        "",
        "All files are UTF-8 with LF line endings; counts are integers; euros are whole integers.",
        "",
        "### `incidents/83648NED_<Y>.csv` (CBS StatLine 83648NED bulk CSV)",
        "",
        "`;`-separated, every field double-quoted, header",
        '`"ID";"SoortMisdrijf";"RegioS";"Perioden";"TotaalGeregistreerdeMisdrijven_1"`.',
        "`ID` is a running integer from 0, `SoortMisdrijf` a key from",
        "`data/reference/crime_types.csv`, `RegioS` a `GMxxxx` code, `Perioden` `<Y>JJ00`.",
        "Rows are sorted by SoortMisdrijf, then RegioS. The crime categories are a subset of",
        "`T001161` (Misdrijven, totaal): per municipality their sum never exceeds `T001161`.",
        "Spread: multinomial over municipalities with weights population x size^beta x hotspot",
        "(big cities, ports, Schiphol, Brabant/Limburg for drugs) x seeded noise.",
        "",
        "### `population/03759NED_<Y>.csv` (CBS StatLine 03759NED bulk CSV)",
        "",
        '`;`-separated, every field double-quoted, header `"ID";"Geslacht";"Leeftijd";',
        '"BurgerlijkeStaat";"RegioS";"Perioden";"BevolkingOp1Januari_1"`, with `Geslacht`',
        "`T001038` (total), `Leeftijd` `10000` (total), `BurgerlijkeStaat` `T001019` (total).",
        "2023 and 2025 are the real CBS values per municipality. 2024 is the geometric mean of",
        "2023 and 2025 per municipality, scaled to the calibrated national total. 2015-2022 are",
        "extrapolated backwards per municipality with its 2023-2025 growth (clipped to -1%..+3% a",
        "year) and scaled to invented national totals close to the CBS series.",
        "",
        "### `drug_sites/drugslocaties_<Y>.csv` (police record per site)",
        "",
        "There is no machine-readable publisher format for the Politie *Nationaal Overzicht",
        "Drugslocaties*; this is the record format the pipeline expects. `;`-separated, no",
        "quoting, header `registratienummer;datum;gemeentecode;soort_locatie;drugssoort;omgeving`:",
        "",
        "- `registratienummer`: `DL<Y>-NNNNN`, running in date order;",
        "- `datum`: ISO date `YYYY-MM-DD` within the year;",
        "- `gemeentecode`: `GMxxxx`;",
        "- `soort_locatie`: `productie`, `opslag`, `dumping`, `kwekerij`",
        "  (`data/reference/drug_site_types.csv`);",
        "- `drugssoort`: `synthetisch`, `cocaine`, `cannabis` (kwekerij is cannabis, dumping is",
        "  synthetisch, productie mostly synthetisch with some cocaine washing labs from 2021;",
        "  before 2021 production and storage are synthetic only, like the LOSD series);",
        "- `omgeving`: `woonwijk`, `buitengebied`, `bedrijventerrein`.",
        "",
        "Production and dumps are concentrated in Noord-Brabant and Limburg (dumps mostly in the",
        "buitengebied), storage near Rotterdam, Amsterdam, Moerdijk and in Brabant, grow sites",
        "everywhere by population. **Series break**: production 2016-2020 is calibrated on",
        "*synthetic* drug labs only (LOSD), from 2021 on *all* drug types (NOD); the two are not",
        "comparable. `--scale` multiplies the number of grow-site records only (for benchmarks).",
        "",
        "### `financial/fiu_<Y>.csv` (FIU-Nederland aggregates)",
        "",
        "`;`-separated, no quoting, header",
        "`jaar;gemeentecode;meldersgroep;ongebruikelijke_transacties;verdachte_transacties;"
        "verdacht_bedrag_eur`.",
        "One row per municipality x reporting group (`data/reference/fiu_reporting_sectors.csv`);",
        "rows with all zeros are omitted. Suspicious transactions are a subset of the unusual ones",
        "in each cell. Amsterdam and Rotterdam are high; payment service providers (money",
        "transfer) and crypto service providers (reporting from 2020) grow over time.",
        "FIU-Nederland publishes national figures only; this regional breakdown is the format the",
        "pipeline expects.",
        "",
        "## National totals per source and year",
        "",
        "| series | year | value | status |",
        "|---|---:|---:|---|",
    ]
    for series, year, lvl in table:
        lines.append(f"| {series} | {year} | {_fmt_level(lvl)}")
    lines += [
        "",
        "Notes: `registered_crimes_total` 2023 uses the exact 807 375 (CBS 83723NED), not the",
        "rounded 816 000 of the March 2025 news release. Several calibration values are rounded,",
        "approximate or lower bounds (see the unit column of the calibration file). FIU 2019",
        "value is a lower bound ('meer dan 19 miljard').",
        "",
    ]
    return "\n".join(lines)


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

    for sub, pattern in (
        ("incidents", "83648NED_*.csv"),
        ("population", "03759NED_*.csv"),
        ("drug_sites", "drugslocaties_*.csv"),
        ("financial", "fiu_*.csv"),
    ):
        for stale in (out_dir / sub).glob(pattern):
            stale.unlink()

    written: list[Path] = []
    table: list[tuple[str, int, Level]] = []
    pops, pop_levels = population_by_year(munis, calibration, years)
    for year in years:
        pop = pops[year]
        written.append(_population_file(out_dir, munis, year, pop))
        table.append(("population 1 January", year, pop_levels[year]))

        counts, inc_levels = incidents_for_year(munis, calibration, pop, year, seed)
        written.append(_incidents_file(out_dir, munis, year, counts))
        table += [(f"incidents {code}", year, lvl) for code, lvl in sorted(inc_levels.items())]

        records, site_levels = drug_sites_for_year(munis, calibration, pop, year, seed, scale)
        written.append(_drug_sites_file(out_dir, year, records))
        table += [(f"drug sites {s}", year, site_levels[s]) for s in SITE_TYPES]

        fiu, fiu_levels = financial_for_year(munis, calibration, pop, year, seed)
        written.append(_financial_file(out_dir, munis, year, fiu))
        table += [(f"FIU {k}", year, fiu_levels[k]) for k in ("unusual", "suspicious", "value")]

    table.sort(key=lambda t: (t[0], t[1]))
    written.append(_write_text(out_dir / "SEED", [str(seed)]))
    readme = _readme(seed, scale, years, table)
    written.append(out_dir / "README.md")
    (out_dir / "README.md").write_bytes(readme.encode("utf-8"))
    return sorted(written)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate SYNTHETIC demo data (deterministic).")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR, help="output directory")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--scale", type=float, default=1.0, help="multiplier for grow-site records")
    parser.add_argument("--first-year", type=int, default=FIRST_YEAR)
    parser.add_argument("--last-year", type=int, default=LAST_YEAR)
    args = parser.parse_args(argv)
    paths = generate_demo_data(args.out, args.seed, args.scale, args.first_year, args.last_year)
    print(f"wrote {len(paths)} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
