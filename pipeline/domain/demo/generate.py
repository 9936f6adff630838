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
import calendar
import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from pipeline.domain.demo.cbs_build import CbsDemo
from pipeline.domain.demo.common import (
    _SRC_DRUG_SITES,
    _SRC_ESTABLISHMENTS,
    _SRC_FINANCIAL,
    _SRC_FREEZES,
    _SRC_OM_SEIZED,
    _SRC_POLICY,
    _SRC_SEIZURES,
    _SRC_SIGNALS,
    DEFAULT_OUT_DIR,
    DEFAULT_SEED,
    FIRST_YEAR,
    LAST_YEAR,
    PORT_CODES,
    REFERENCE_DIR,
    Level,
    Municipalities,
    apportion,
    character,
    hotspot,
    level_for,
    load_calibration,
    load_municipalities,
    multinomial,
    seeded_rng,
    size_shape,
    write_text,
)
from pipeline.domain.demo.readme import demo_readme

# The synthetic stand-in for the Preventie met gezag list: how many municipalities, from when.
POLICY_PROGRAMME = "preventie_met_gezag"
POLICY_MEMBERS = 27
POLICY_START_YEAR = 2022
POLICY = (POLICY_PROGRAMME, POLICY_MEMBERS, POLICY_START_YEAR)

# --------------------------------------------------------------------------------------------
# National levels. Calibrated values come from the calibration file (indicators listed in
# priority order: the first indicator that has the year wins). Invented values fill the rest.
# --------------------------------------------------------------------------------------------


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

# Seizures (Douane / HARC) ---------------------------------------------------------------------

SEIZURE_DRUGS = ("cocaine", "heroine", "cannabis", "synthetisch", "overig")
# Readable place -> (locatie_type, gemeentecode). Terneuzen has no port seizures in the demo, so
# "Vlissingen + Moerdijk" and "Vlissingen + Moerdijk + Terneuzen" give the same sum.
SEIZURE_PLACES: dict[str, tuple[str, str]] = {
    "Haven Rotterdam": ("haven", "GM0599"),
    "Haven Vlissingen": ("haven", "GM0718"),
    "Haven Moerdijk": ("haven", "GM1709"),
    "Haven Amsterdam": ("haven", "GM0363"),
    "Haven IJmuiden": ("haven", "GM0453"),
    "Schiphol": ("luchthaven", "GM0394"),
    "Eindhoven Airport": ("luchthaven", "GM0772"),
    "Rotterdam The Hague Airport": ("luchthaven", "GM0599"),
    "Maastricht Aachen Airport": ("luchthaven", "GM0888"),
    "Postcentrum Schiphol": ("post", "GM0394"),
    "Postcentrum Nieuwegein": ("post", "GM0356"),
    "A16 Breda": ("weg", "GM0758"),
    "A58 Roosendaal": ("weg", "GM1674"),
    "A4 Bergen op Zoom": ("weg", "GM0748"),
    "A2 Maastricht": ("weg", "GM0935"),
    "A67 Venlo": ("weg", "GM0983"),
    "A12 Zevenaar": ("weg", "GM0299"),
    "A1 Oldenzaal": ("weg", "GM0173"),
}
SEIZURE_CALIBRATION = {
    "rotterdam_cocaine": ("cocaine_seized_rotterdam_port_harc",),
    "rotterdam_all": ("drugs_seized_rotterdam_port_om",),
    "zeeland_all": ("drugs_seized_zeeland_westbrabant_ports",),
    "national_cocaine": ("cocaine_seized_nl_ports_airports_douane",),
}
# INVENTED kg: cocaine at Rotterdam port where no HARC figure exists; other drugs at Rotterdam
# port; all drugs at Vlissingen + Moerdijk; cocaine at the other ports and the airports.
SEIZURE_INVENTED: dict[str, dict[int, int]] = {
    "rotterdam_cocaine": {2025: 22000},
    "rotterdam_other": {
        2015: 1800, 2016: 2100, 2017: 1500, 2018: 2000, 2019: 2400, 2020: 2600,
        2021: 3000, 2022: 2500, 2023: 2200, 2024: 1700, 2025: 1500,
    },
    "zeeland_all": {
        2015: 1200, 2016: 2000, 2017: 1800, 2018: 3000, 2019: 4200, 2020: 4000,
        2021: 6500, 2022: 3000, 2025: 9000,
    },
    "other_cocaine": {
        2015: 2200, 2016: 2600, 2017: 2400, 2018: 2900, 2019: 3300, 2021: 3600,
        2024: 3000, 2025: 2800,
    },
}  # fmt: skip
ZEELAND_COCAINE_SHARE = 0.9
MIN_OTHER_COCAINE_KG = 500  # ports + airports outside Rotterdam/Zeeland in calibrated years
# Uncalibrated record groups (INVENTED): places with probabilities, drugs with probabilities,
# expected records in 2015 (+3% a year), median kg, lognormal sigma, minimum weight in 0.1 kg.
_FreeGroup = tuple[dict[str, float], dict[str, float], int, float, float, int]
SEIZURE_FREE_GROUPS: tuple[_FreeGroup, ...] = (
    (
        {"Schiphol": 0.8, "Eindhoven Airport": 0.1, "Rotterdam The Hague Airport": 0.05,
         "Maastricht Aachen Airport": 0.05},
        {"heroine": 0.15, "cannabis": 0.3, "synthetisch": 0.35, "overig": 0.2},
        80, 3.0, 1.2, 1,
    ),
    (
        {"Haven Amsterdam": 0.7, "Haven IJmuiden": 0.3},
        {"heroine": 0.1, "cannabis": 0.5, "synthetisch": 0.25, "overig": 0.15},
        15, 150.0, 1.5, 10,
    ),
    (
        {"Postcentrum Schiphol": 0.7, "Postcentrum Nieuwegein": 0.3},
        {"cocaine": 0.15, "heroine": 0.05, "cannabis": 0.2, "synthetisch": 0.5, "overig": 0.1},
        280, 0.4, 1.3, 1,
    ),
    (
        {"A16 Breda": 0.25, "A58 Roosendaal": 0.1, "A4 Bergen op Zoom": 0.1, "A2 Maastricht": 0.15,
         "A67 Venlo": 0.15, "A12 Zevenaar": 0.15, "A1 Oldenzaal": 0.1},
        {"cocaine": 0.15, "heroine": 0.1, "cannabis": 0.45, "synthetisch": 0.25, "overig": 0.05},
        90, 20.0, 1.6, 1,
    ),
)  # fmt: skip
# Inland seizures (locatie_type binnenland): spread by population x drugs hotspot.
SEIZURE_INLAND = (
    {"cocaine": 0.25, "heroine": 0.05, "cannabis": 0.35, "synthetisch": 0.3, "overig": 0.05},
    200,
    8.0,
    1.8,
    1,
)
# Country of departure (ISO 3166-1 alpha-2) per drug, with overrides per locatie_type (INVENTED).
SEIZURE_COUNTRIES: dict[tuple[str, str | None], dict[str, float]] = {
    ("cocaine", None): {"EC": 0.32, "CO": 0.16, "BR": 0.13, "PA": 0.12, "CR": 0.09, "DO": 0.07,
                        "SR": 0.05, "GY": 0.04, "CL": 0.02},
    ("cocaine", "luchthaven"): {"SR": 0.3, "CW": 0.15, "BR": 0.15, "CO": 0.1, "DO": 0.1,
                                "PE": 0.05, "AW": 0.05, "EC": 0.05, "PA": 0.05},
    ("cocaine", "post"): {"SR": 0.3, "CW": 0.2, "BR": 0.2, "CO": 0.15, "PE": 0.15},
    ("cocaine", "weg"): {"BE": 0.5, "ES": 0.25, "FR": 0.15, "DE": 0.1},
    ("heroine", None): {"TR": 0.5, "IR": 0.15, "PK": 0.15, "IN": 0.1, "BG": 0.1},
    ("heroine", "weg"): {"TR": 0.3, "BG": 0.3, "DE": 0.2, "BE": 0.2},
    ("cannabis", None): {"MA": 0.55, "ES": 0.35, "LB": 0.05, "AL": 0.05},
    ("cannabis", "luchthaven"): {"US": 0.4, "CA": 0.3, "TH": 0.3},
    ("synthetisch", None): {"NL": 0.85, "BE": 0.1, "DE": 0.05},
    ("synthetisch", "haven"): {"NL": 1.0},
    ("overig", None): {"ET": 0.25, "KE": 0.25, "CN": 0.25, "IN": 0.15, "NL": 0.1},
    ("*", "binnenland"): {"NL": 0.9, "BE": 0.06, "DE": 0.04},
}  # fmt: skip

SEIZURE_SERIES = {
    "rotterdam_cocaine": "seizures kg cocaine, haven Rotterdam",
    "rotterdam_all": "seizures kg all drugs, haven Rotterdam",
    "zeeland_all": "seizures kg all drugs, haven Vlissingen + Moerdijk",
    "national_cocaine": "seizures kg cocaine, haven + luchthaven NL",
    "records": "seizures records",
}

# Meld Misdaad Anoniem -------------------------------------------------------------------------

MMA_THEMES = (
    "drugs", "explosieven", "fraude", "geweld", "mensenhandel", "ondermijning", "overig",
    "witwassen",
)  # fmt: skip
MMA_CALIBRATION = {
    "total": ("meld_misdaad_anoniem_reports",),
    "explosieven": ("meld_misdaad_anoniem_explosives_reports",),
}
# INVENTED. 2023 total: about 24 201 / 1.19 (the 2024 release says +19% on 2023).
MMA_INVENTED = {
    "total": {2015: 15800, 2017: 16400, 2018: 16700, 2023: 20340, 2025: 25100},
    "explosieven": {
        2015: 180, 2016: 190, 2017: 210, 2018: 230, 2019: 260, 2020: 300, 2021: 340,
        2022: 390, 2025: 820,
    },
}  # fmt: skip
# Shares of the non-explosives tips and hotspot group per theme (INVENTED; drugs about half, as
# in the 2022 and 2024 releases).
MMA_SHARES = {
    "drugs": 0.52, "fraude": 0.13, "geweld": 0.10, "mensenhandel": 0.04, "ondermijning": 0.07,
    "overig": 0.09, "witwassen": 0.05,
}  # fmt: skip
MMA_HOTSPOT: dict[str, str | None] = {
    "drugs": "drugs", "explosieven": "violence", "fraude": None, "geweld": "violence",
    "mensenhandel": None, "ondermijning": "drugs", "overig": None, "witwassen": "laundering",
}  # fmt: skip

# Establishments (CBS business register) -------------------------------------------------------

SBI_SECTIONS = tuple("ABCDEFGHIJKLMNOPQRSTU")
ESTABLISHMENTS_TOTAL_KEY = "T001081"
# ENTIRELY INVENTED national totals: 1.5 million in 2015, +3% a year.
ESTABLISHMENTS_INVENTED = {
    2015: 1_500_000, 2016: 1_545_000, 2017: 1_591_350, 2018: 1_639_091, 2019: 1_688_263,
    2020: 1_738_911, 2021: 1_791_078, 2022: 1_844_811, 2023: 1_900_155, 2024: 1_957_160,
    2025: 2_015_875,
}  # fmt: skip
# Section: (national share 2015, share 2025, size elasticity). INVENTED, rough orders of size.
SBI_SHARES: dict[str, tuple[float, float, float]] = {
    "A": (0.048, 0.037, 0.0), "B": (0.0003, 0.0003, 0.0), "C": (0.045, 0.042, 0.0),
    "D": (0.004, 0.012, 0.0), "E": (0.002, 0.002, 0.0), "F": (0.115, 0.115, 0.0),
    "G": (0.150, 0.135, 0.0), "H": (0.035, 0.045, 0.0), "I": (0.035, 0.034, 0.1),
    "J": (0.050, 0.052, 0.3), "K": (0.055, 0.050, 0.3), "L": (0.020, 0.020, 0.1),
    "M": (0.165, 0.170, 0.2), "N": (0.058, 0.065, 0.1), "O": (0.001, 0.001, 0.0),
    "P": (0.052, 0.055, 0.0), "Q": (0.075, 0.085, 0.0), "R": (0.055, 0.053, 0.0),
    "S": (0.035, 0.040, 0.0), "T": (0.0001, 0.0001, 0.0), "U": (0.00002, 0.00002, 0.0),
}  # fmt: skip
# Rural provinces (agriculture A), logistics hubs (H) and coast/islands/Veluwe (R), INVENTED.
SBI_RURAL_PROVINCES = {
    "PV20": 1.5, "PV21": 1.6, "PV22": 1.5, "PV23": 1.3, "PV24": 1.8, "PV25": 1.2, "PV29": 1.7,
}  # fmt: skip
SBI_LOGISTICS = {"GM0983": 2.0, "GM0855": 1.5, "GM0772": 1.3}
SBI_RECREATION = (
    "GM0060", "GM0088", "GM0093", "GM0096", "GM0200", "GM0203", "GM0228", "GM0232", "GM0233",
    "GM0243", "GM0273", "GM0302", "GM0373", "GM0400", "GM0448", "GM0473", "GM0537", "GM0575",
    "GM0677", "GM0717", "GM1676", "GM1695", "GM1714",
)  # fmt: skip

# OM strafvorderlijk beslag -------------------------------------------------------------------

OM_SEIZED_TYPES = ("crypto", "geld", "onroerend_goed", "overig", "voertuigen")
OM_SEIZED_CALIBRATION = ("om_strafvorderlijk_beslag",)
OM_SEIZED_INVENTED = {
    2015: 230_000_000, 2016: 260_000_000, 2017: 300_000_000, 2024: 340_000_000,
    2025: 330_000_000,
}  # fmt: skip
OM_SEIZED_CASES_INVENTED = {y: 14_000 + 700 * (y - FIRST_YEAR) for y in range(2015, 2026)}
# Type: (share of cases 2015, share 2025, relative value per case). INVENTED.
OM_SEIZED_MIX = {
    "crypto": (0.01, 0.08, 3.0), "geld": (0.44, 0.40, 1.0), "onroerend_goed": (0.06, 0.06, 12.0),
    "overig": (0.19, 0.17, 0.6), "voertuigen": (0.30, 0.29, 1.2),
}  # fmt: skip

# FIU emergency freezes (spoedbevriezingen) ---------------------------------------------------

FREEZE_CASES_INVENTED = {2025: 54}  # the power is recent: no freezes before 2025
FREEZE_SECTORS = {
    "banken": 0.55, "betaaldienstverleners": 0.22, "cryptodienstverleners": 0.17,
    "handelaren_goederen": 0.03, "trustkantoren": 0.03,
}  # fmt: skip

# CBS 03759NED dimension keys for "total population".
POP_KEYS = {"Geslacht": "T001038", "Leeftijd": "10000", "BurgerlijkeStaat": "T001019"}


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------
# Drug sites (Politie, Nationaal Overzicht Drugslocaties: record per site)
# --------------------------------------------------------------------------------------------


def _site_weights(munis: Municipalities, pop: np.ndarray, site: str, seed: int) -> np.ndarray:
    prov = SITE_PROVINCE_FACTOR[site]
    local = SITE_LOCAL_FACTOR.get(site, {})
    w = pop.astype(np.float64) ** SITE_POP_EXPONENT[site]
    w *= np.array([prov.get(p, 1.0) for p in munis.province])
    w *= np.array([local.get(c, 1.0) for c in munis.codes])
    w *= character(seed, _SRC_DRUG_SITES, SITE_TYPES.index(site) + 1, len(munis), 2.0)
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
    rng = seeded_rng(seed, _SRC_DRUG_SITES, year)
    n_days = 366 if calendar.isleap(year) else 365
    start = dt.date(year, 1, 1).toordinal()
    records: list[tuple[str, str, str, str, str]] = []
    levels: dict[str, Level] = {}
    for site in SITE_TYPES:
        lvl = level_for(calibration, SITE_CALIBRATION[site], SITE_INVENTED[site], year, site)
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
    return write_text(out_dir / "drug_sites" / f"drugslocaties_{year}.csv", lines)


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
    rng = seeded_rng(seed, _SRC_FINANCIAL, year)
    levels = {
        k: level_for(calibration, FIU_CALIBRATION[k], FIU_INVENTED[k], year, f"fiu {k}")
        for k in ("unusual", "suspicious", "value")
    }
    names = list(FIU_SECTORS)
    shares = _fiu_shares(year)
    unusual_k = multinomial(rng, levels["unusual"].value, shares)
    ratio = np.array([FIU_SECTORS[n][2] for n in names])
    susp_k = multinomial(rng, levels["suspicious"].value, unusual_k * ratio)
    # Suspicious transactions are a subset of unusual ones: move any excess to other sectors.
    while np.any(susp_k > unusual_k):  # pragma: no cover - only for extreme inputs
        excess = np.maximum(susp_k - unusual_k, 0)
        susp_k -= excess
        room = unusual_k - susp_k
        susp_k += apportion(int(excess.sum()), room)
    size = pop.astype(np.float64) / 100_000.0
    hot = hotspot(munis, "fiu")
    port = np.array([2.5 if c in PORT_CODES else 1.0 for c in munis.codes])
    out: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    value_weights = []
    for k, name in enumerate(names):
        beta = FIU_SECTORS[name][4]
        w = (
            pop
            * size**beta
            * hot
            * character(seed, _SRC_FINANCIAL, k + 1, len(munis), size_shape(pop, 3.0))
            * rng.gamma(20.0, 1.0 / 20.0, size=len(munis))
        )
        if name == "overheid":
            w = w * port  # Douane cash declarations at ports and Schiphol
        u = multinomial(rng, int(unusual_k[k]), w)
        s = rng.multivariate_hypergeometric(u, int(susp_k[k]), method="marginals").astype(np.int64)
        amount = FIU_SECTORS[name][3] * rng.lognormal(0.0, 0.8, size=len(munis)) * hot
        value_weights.append(s * amount)
        out[name] = (u, s, np.zeros(len(munis), dtype=np.int64))
    flat = apportion(levels["value"].value, np.concatenate(value_weights))
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
    return write_text(out_dir / "financial" / f"fiu_{year}.csv", lines)


# --------------------------------------------------------------------------------------------
# Seizures (Douane / HARC: record per seizure)
# --------------------------------------------------------------------------------------------

SeizureRecord = tuple[
    str, str, str, str, str, int, str
]  # datum, type, locatie, gm, drug, 0.1kg, land


def _municipality_names(reference_dir: Path = REFERENCE_DIR) -> dict[str, str]:
    with open(reference_dir / "municipalities.csv", encoding="utf-8", newline="") as f:
        return {r["municipality_code"]: r["municipality_name"] for r in csv.DictReader(f)}


def _split_tenths(total: int, weights: np.ndarray, minimum: int) -> np.ndarray:
    """Split ``total`` (0.1 kg) over records with heavy-tailed weights; each gets >= minimum."""
    n = len(weights)
    if total < n * minimum:
        raise ValueError(f"cannot split {total} over {n} records of at least {minimum}")
    return apportion(total - n * minimum, weights) + minimum


def _country_probs(drug: str, loc_type: str) -> tuple[list[str], np.ndarray]:
    probs = (
        SEIZURE_COUNTRIES.get(("*", loc_type))
        or SEIZURE_COUNTRIES.get((drug, loc_type))
        or SEIZURE_COUNTRIES[(drug, None)]
    )
    p = np.array(list(probs.values()))
    return list(probs), p / p.sum()


def _seizure_records(
    rng: np.random.Generator,
    year: int,
    places: Sequence[tuple[str, str, str]],  # (locatie_type, locatie, gemeentecode)
    place_p: np.ndarray,
    drugs: dict[str, float],
    n: int,
    tenths: np.ndarray | None,  # fixed weights per record (calibrated groups), else drawn
    median_kg: float,
    sigma: float,
    minimum: int,
) -> list[SeizureRecord]:
    n_days = 366 if calendar.isleap(year) else 365
    start = dt.date(year, 1, 1).toordinal()
    where = rng.choice(len(places), size=n, p=place_p / place_p.sum())
    drug_names = list(drugs)
    dp = np.array(list(drugs.values()))
    what = rng.choice(len(drug_names), size=n, p=dp / dp.sum())
    days = rng.integers(0, n_days, size=n)
    if tenths is None:
        draw = rng.lognormal(np.log(median_kg * 10.0), sigma, size=n)
        tenths = np.maximum(np.round(draw), minimum).astype(np.int64)
    types = np.array([places[w][0] for w in where], dtype=object)
    country = np.empty(n, dtype=object)
    for d in range(len(drug_names)):
        for t in sorted({pl[0] for pl in places}):
            idx = np.flatnonzero((what == d) & (types == t))
            if len(idx) == 0:
                continue
            codes, cp = _country_probs(drug_names[d], t)
            country[idx] = [codes[c] for c in rng.choice(len(codes), size=len(idx), p=cp)]
    return [
        (
            dt.date.fromordinal(start + int(days[k])).isoformat(),
            *places[where[k]],
            drug_names[what[k]],
            int(tenths[k]),
            str(country[k]),
        )
        for k in range(n)
    ]


def _place(name: str) -> tuple[str, str, str]:
    loc_type, gm = SEIZURE_PLACES[name]
    return (loc_type, name, gm)


def _calibrated(
    calibration: dict[tuple[str, int], dict[str, str]], indicators: Sequence[str], year: int
) -> Level | None:
    if any((ind, year) in calibration for ind in indicators):
        return level_for(calibration, indicators, {}, year, indicators[0])
    return None


def seizures_for_year(
    munis: Municipalities,
    names: dict[str, str],
    calibration: dict[tuple[str, int], dict[str, str]],
    pop: np.ndarray,
    year: int,
    seed: int,
) -> tuple[list[SeizureRecord], dict[str, Level]]:
    """Seizure records; the calibrated groups are split exactly in tenths of a kg."""
    rng = seeded_rng(seed, _SRC_SEIZURES, year)
    inv = SEIZURE_INVENTED
    cal = SEIZURE_CALIBRATION

    # Rotterdam port: cocaine (HARC series) plus other drugs; 2024 has an all-drugs figure only.
    other_r = inv["rotterdam_other"][year]
    coc = _calibrated(calibration, cal["rotterdam_cocaine"], year)
    all_r = _calibrated(calibration, cal["rotterdam_all"], year)
    if coc is None and all_r is not None:
        coc = Level(all_r.value - other_r, f"derived: `{all_r.indicator}` minus invented other")
    elif coc is None:
        coc = level_for(calibration, (), inv["rotterdam_cocaine"], year, "Rotterdam cocaine")
    if all_r is None:
        status = f"derived: `{coc.indicator}` plus invented other" if coc.indicator else None
        all_r = Level(coc.value + other_r, status)

    # Vlissingen + Moerdijk ports, all drugs; cocaine a fixed share (whole kg).
    zee = level_for(calibration, cal["zeeland_all"], inv["zeeland_all"], year, "Zeeland ports")
    zee_coc = round(zee.value * ZEELAND_COCAINE_SHARE)

    # National cocaine at ports + airports = Rotterdam + Zeeland share + the other places.
    nat = _calibrated(calibration, cal["national_cocaine"], year)
    if nat is not None:
        other_coc = nat.value - coc.value - zee_coc
        if other_coc < MIN_OTHER_COCAINE_KG:
            raise ValueError(f"{year}: national cocaine leaves too little outside Rotterdam")
    else:
        other_coc = inv["other_cocaine"][year]
        status = "derived: Rotterdam (calibrated) + invented rest" if coc.indicator else None
        nat = Level(coc.value + zee_coc + other_coc, status)
    levels = {
        "rotterdam_cocaine": coc,
        "rotterdam_all": all_r,
        "zeeland_all": zee,
        "national_cocaine": nat,
    }

    rotterdam = [_place("Haven Rotterdam")]
    zeeland = [_place("Haven Vlissingen"), _place("Haven Moerdijk")]
    others = [
        _place(p)
        for p in (
            "Haven Amsterdam",
            "Haven IJmuiden",
            "Schiphol",
            "Eindhoven Airport",
            "Rotterdam The Hague Airport",
            "Maastricht Aachen Airport",
        )
    ]
    non_coc = {"heroine": 0.2, "cannabis": 0.45, "synthetisch": 0.2, "overig": 0.15}
    # (places, place probabilities, drugs, total kg, records per kg, sigma, minimum in 0.1 kg).
    # Within a group a port seizure weighs 8x an airport one (containers vs couriers/luggage).
    fixed = (
        (rotterdam, (1.0,), {"cocaine": 1.0}, coc.value, 1 / 400, 1.5, 50),
        (rotterdam, (1.0,), non_coc, other_r, 1 / 60, 1.4, 10),
        (zeeland, (0.6, 0.4), {"cocaine": 1.0}, zee_coc, 1 / 350, 1.5, 50),
        (zeeland, (0.6, 0.4), non_coc, zee.value - zee_coc, 1 / 60, 1.4, 10),
        (others, (0.2, 0.05, 0.6, 0.08, 0.04, 0.03), {"cocaine": 1.0}, other_coc, 1 / 15, 1.2, 1),
    )
    records: list[SeizureRecord] = []
    for places, pp, drugs, total_kg, per_kg, sigma, minimum in fixed:
        total = int(total_kg) * 10
        n = min(int(np.clip(round(total_kg * per_kg), 5, 250)), total // minimum)
        p = np.array(pp, dtype=np.float64)
        where = rng.choice(len(places), size=n, p=p / p.sum())
        factor = np.array([8.0 if pl[0] == "haven" else 1.0 for pl in places])
        tenths = _split_tenths(total, rng.lognormal(0.0, sigma, size=n) * factor[where], minimum)
        for i, pl in enumerate(places):
            k = np.flatnonzero(where == i)
            if len(k):
                records += _seizure_records(
                    rng, year, [pl], np.ones(1), drugs, len(k), tenths[k], 0.0, 0.0, minimum
                )
    growth = 1.0 + 0.03 * (year - FIRST_YEAR)
    for place_p, drugs, base, median, sigma, minimum in SEIZURE_FREE_GROUPS:
        places = [_place(p) for p in place_p]
        pp = np.array(list(place_p.values()))
        n = int(rng.poisson(base * growth))
        records += _seizure_records(rng, year, places, pp, drugs, n, None, median, sigma, minimum)
    drugs, base, median, sigma, minimum = SEIZURE_INLAND
    inland = [("binnenland", names[c], c) for c in munis.codes]
    w = pop.astype(np.float64) * hotspot(munis, "drugs")
    n = int(rng.poisson(base * growth))
    records += _seizure_records(rng, year, inland, w, drugs, n, None, median, sigma, minimum)
    records.sort()
    levels["records"] = Level(len(records), None)
    return records, levels


def _seizures_file(out_dir: Path, year: int, records: list[SeizureRecord]) -> Path:
    lines = [
        "zaaknummer;datum;locatie_type;locatie;gemeentecode;drugssoort;gewicht_kg;land_van_vertrek"
    ]
    for i, (date, loc_type, loc, gm, drug, tenths, country) in enumerate(records, start=1):
        kg = f"{tenths // 10},{tenths % 10}"
        lines.append(f"DOU{year}-{i:05d};{date};{loc_type};{loc};{gm};{drug};{kg};{country}")
    return write_text(out_dir / "seizures" / f"inbeslagnames_{year}.csv", lines)


# --------------------------------------------------------------------------------------------
# Signals (Meld Misdaad Anoniem)
# --------------------------------------------------------------------------------------------


def signals_for_year(
    munis: Municipalities,
    calibration: dict[tuple[str, int], dict[str, str]],
    pop: np.ndarray,
    year: int,
    seed: int,
) -> tuple[dict[str, np.ndarray], dict[str, Level]]:
    rng = seeded_rng(seed, _SRC_SIGNALS, year)
    levels = {
        k: level_for(calibration, MMA_CALIBRATION[k], MMA_INVENTED[k], year, f"mma {k}")
        for k in ("total", "explosieven")
    }
    rest = levels["total"].value - levels["explosieven"].value
    themes = [t for t in MMA_THEMES if t != "explosieven"]
    per_theme = dict(
        zip(themes, multinomial(rng, rest, np.array([MMA_SHARES[t] for t in themes])), strict=True)
    )
    per_theme["explosieven"] = levels["explosieven"].value
    size = pop.astype(np.float64) / 100_000.0
    big = np.array([2.0 if c in ("GM0363", "GM0599") else 1.0 for c in munis.codes])
    out: dict[str, np.ndarray] = {}
    for k, theme in enumerate(MMA_THEMES):
        w = (
            pop
            * size**0.1
            * hotspot(munis, MMA_HOTSPOT[theme])
            * character(seed, _SRC_SIGNALS, k + 1, len(munis), size_shape(pop, 4.0))
            * rng.gamma(30.0, 1.0 / 30.0, size=len(munis))
        )
        if theme == "explosieven":
            w = w * big
        out[theme] = multinomial(rng, int(per_theme[theme]), w)
    return out, levels


def _signals_file(
    out_dir: Path, munis: Municipalities, year: int, data: dict[str, np.ndarray]
) -> Path:
    lines = ["jaar;gemeentecode;thema;aantal_meldingen"]
    for i, gm in enumerate(munis.codes):
        for theme in MMA_THEMES:
            n = int(data[theme][i])
            if n:
                lines.append(f"{year};{gm};{theme};{n}")
    return write_text(out_dir / "signals" / f"mma_{year}.csv", lines)


# --------------------------------------------------------------------------------------------
# Establishments (CBS business register by SBI section; ENTIRELY INVENTED)
# --------------------------------------------------------------------------------------------


def establishments_for_year(
    munis: Municipalities, pop: np.ndarray, year: int, seed: int
) -> tuple[dict[str, np.ndarray], Level]:
    rng = seeded_rng(seed, _SRC_ESTABLISHMENTS, year)
    total = Level(ESTABLISHMENTS_INVENTED[year], None)
    t = (year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR)
    shares = np.array([s0 + (s1 - s0) * t for s0, s1, _ in SBI_SHARES.values()])
    per_section = multinomial(rng, total.value, shares)
    p = pop.astype(np.float64)
    size = p / 100_000.0
    rural = np.array([SBI_RURAL_PROVINCES.get(pv, 1.0) for pv in munis.province])
    logistics = np.array(
        [3.0 if c in PORT_CODES else SBI_LOGISTICS.get(c, 1.0) for c in munis.codes]
    )
    recreation = np.array([2.5 if c in SBI_RECREATION else 1.0 for c in munis.codes])
    out: dict[str, np.ndarray] = {}
    for k, section in enumerate(SBI_SECTIONS):
        beta = SBI_SHARES[section][2]
        if section in ("A", "B"):  # rural: weaker link with population, rural provinces
            w = p**0.6 * rural
            if section == "B":  # mining and quarrying: gas fields in Groningen
                w = w * np.array([3.0 if pv == "PV20" else 1.0 for pv in munis.province])
        elif section == "U":  # international organisations: The Hague and Amsterdam
            w = np.array([50.0 if c in ("GM0518", "GM0363") else 0.0 for c in munis.codes])
        else:
            w = p * size**beta
        if section == "H":
            w = w * logistics
        if section == "R":
            w = w * recreation
        w = (
            w
            * character(seed, _SRC_ESTABLISHMENTS, k + 1, len(munis), size_shape(pop, 20.0))
            * rng.gamma(400.0, 1.0 / 400.0, size=len(munis))
        )
        out[section] = multinomial(rng, int(per_section[k]), w)
    return out, total


# --------------------------------------------------------------------------------------------
# OM strafvorderlijk beslag and FIU emergency freezes
# --------------------------------------------------------------------------------------------


def om_seized_for_year(
    munis: Municipalities,
    calibration: dict[tuple[str, int], dict[str, str]],
    pop: np.ndarray,
    year: int,
    seed: int,
) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], dict[str, Level]]:
    rng = seeded_rng(seed, _SRC_OM_SEIZED, year)
    value = level_for(calibration, OM_SEIZED_CALIBRATION, OM_SEIZED_INVENTED, year, "om beslag")
    cases = Level(OM_SEIZED_CASES_INVENTED[year], None)
    t = (year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR)
    shares = np.array([s0 + (s1 - s0) * t for s0, s1, _ in OM_SEIZED_MIX.values()])
    per_type = multinomial(rng, cases.value, shares)
    size = pop.astype(np.float64) / 100_000.0
    hot = hotspot(munis, "laundering") * hotspot(munis, "drugs")
    counts = []
    value_weights = []
    for k, kind in enumerate(OM_SEIZED_TYPES):
        w = (
            pop
            * size**0.3
            * hot
            * character(seed, _SRC_OM_SEIZED, k + 1, len(munis), size_shape(pop, 3.0))
            * rng.gamma(10.0, 1.0 / 10.0, size=len(munis))
        )
        c = multinomial(rng, int(per_type[k]), w)
        counts.append(c)
        value_weights.append(c * OM_SEIZED_MIX[kind][2] * rng.lognormal(0.0, 0.9, size=len(munis)))
    flat = apportion(value.value, np.concatenate(value_weights))
    n = len(munis)
    out = {kind: (counts[k], flat[k * n : (k + 1) * n]) for k, kind in enumerate(OM_SEIZED_TYPES)}
    return out, {"value": value, "cases": cases}


def _om_seized_file(
    out_dir: Path, munis: Municipalities, year: int, data: dict[str, tuple[np.ndarray, np.ndarray]]
) -> Path:
    lines = ["jaar;gemeentecode;soort_beslag;aantal_zaken;waarde_eur"]
    for i, gm in enumerate(munis.codes):
        for kind in OM_SEIZED_TYPES:
            c, v = (int(a[i]) for a in data[kind])
            if c or v:
                lines.append(f"{year};{gm};{kind};{c};{v}")
    return write_text(out_dir / "financial" / f"om_beslag_{year}.csv", lines)


def freezes_for_year(
    munis: Municipalities, pop: np.ndarray, year: int, seed: int
) -> list[tuple[str, str, str, int]] | None:
    """Emergency freeze cases (datum, gemeentecode, meldersgroep, euro); None before 2025."""
    if year not in FREEZE_CASES_INVENTED:
        return None
    rng = seeded_rng(seed, _SRC_FREEZES, year)
    n = FREEZE_CASES_INVENTED[year]
    n_days = 366 if calendar.isleap(year) else 365
    start = dt.date(year, 1, 1).toordinal()
    w = pop.astype(np.float64) * hotspot(munis, "fiu")
    where = rng.choice(len(munis), size=n, p=w / w.sum())
    groups = list(FREEZE_SECTORS)
    gp = np.array(list(FREEZE_SECTORS.values()))
    who = rng.choice(len(groups), size=n, p=gp / gp.sum())
    days = rng.integers(0, n_days, size=n)
    amount = np.maximum(np.round(rng.lognormal(np.log(30_000.0), 1.6, size=n)), 250)
    cases = [
        (
            dt.date.fromordinal(start + int(days[k])).isoformat(),
            munis.codes[where[k]],
            groups[who[k]],
            int(amount[k]),
        )
        for k in range(n)
    ]
    cases.sort()
    return cases


def _freezes_file(out_dir: Path, year: int, cases: list[tuple[str, str, str, int]]) -> Path:
    lines = ["zaak_id;datum;gemeentecode;meldersgroep;bevroren_bedrag_eur"]
    for i, (date, gm, group, eur) in enumerate(cases, start=1):
        lines.append(f"SB{year}-{i:04d};{date};{gm};{group};{eur}")
    return write_text(out_dir / "financial" / f"spoedbevriezingen_{year}.csv", lines)


# --------------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------------


def policy_selection(munis: Municipalities, seed: int) -> list[str]:
    """The synthetic programme members: codes drawn with probability growing with population
    from municipalities of at least 40,000 inhabitants (sorted)."""
    eligible = np.flatnonzero(munis.pop_2025 >= 40_000)
    weights = munis.pop_2025[eligible].astype(np.float64) ** 0.5
    chosen = seeded_rng(seed, _SRC_POLICY).choice(
        eligible, POLICY_MEMBERS, replace=False, p=weights / weights.sum()
    )
    return sorted(munis.codes[i] for i in chosen)


def _policy_file(out_dir: Path, codes: list[str], names: dict[str, str]) -> Path:
    lines = ["gemeentecode,gemeentenaam,startjaar"]
    lines += [f'{code},"{names[code]}",{POLICY_START_YEAR}' for code in codes]
    return write_text(out_dir / "policy" / f"{POLICY_PROGRAMME}.csv", lines)


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

    for sub, pattern in (
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
    ):
        for stale in (out_dir / sub).glob(pattern):
            stale.unlink()

    written: list[Path] = []
    table: list[tuple[str, int, Level]] = []
    cbs = CbsDemo(reference_dir, munis, seed)
    pops, own_division, pop_levels = cbs.populations(years, calibration)
    written += cbs.write_population(out_dir, own_division)
    for year in years:
        pop = pops[year]
        table.append(("population 1 January", year, pop_levels[year]))

        path, inc_levels = cbs.write_incidents(
            out_dir, calibration, pop, own_division[year], year, as_statline=year == LAST_YEAR
        )
        written.append(path)
        table += [(f"incidents {code}", year, lvl) for code, lvl in sorted(inc_levels.items())]

        records, site_levels = drug_sites_for_year(munis, calibration, pop, year, seed, scale)
        written.append(_drug_sites_file(out_dir, year, records))
        table += [(f"drug sites {s}", year, site_levels[s]) for s in SITE_TYPES]

        fiu, fiu_levels = financial_for_year(munis, calibration, pop, year, seed)
        written.append(_financial_file(out_dir, munis, year, fiu))
        table += [(f"FIU {k}", year, fiu_levels[k]) for k in ("unusual", "suspicious", "value")]

        seizures, seizure_levels = seizures_for_year(munis, names, calibration, pop, year, seed)
        written.append(_seizures_file(out_dir, year, seizures))
        table += [(SEIZURE_SERIES[k], year, lvl) for k, lvl in seizure_levels.items()]

        signals, signal_levels = signals_for_year(munis, calibration, pop, year, seed)
        written.append(_signals_file(out_dir, munis, year, signals))
        table += [(f"MMA tips {k}", year, lvl) for k, lvl in signal_levels.items()]

        establishments, est_level = establishments_for_year(munis, pop, year, seed)
        written.append(cbs.write_establishments(out_dir, establishments, own_division[year], year))
        table.append(("establishments T001081 (INVENTED)", year, est_level))

        om, om_levels = om_seized_for_year(munis, calibration, pop, year, seed)
        written.append(_om_seized_file(out_dir, munis, year, om))
        table += [(f"OM beslag {k}", year, lvl) for k, lvl in om_levels.items()]

        freezes = freezes_for_year(munis, pop, year, seed)
        if freezes is not None:
            written.append(_freezes_file(out_dir, year, freezes))
            table.append(("FIU emergency freezes cases", year, Level(len(freezes), None)))
            eur = sum(c[3] for c in freezes)
            table.append(("FIU emergency freezes EUR", year, Level(eur, None)))

    written.append(_policy_file(out_dir, policy_selection(munis, seed), names))
    table.sort(key=lambda t: (t[0], t[1]))
    written.append(write_text(out_dir / "SEED", [str(seed)]))
    readme = demo_readme(seed, scale, years, table, POLICY)
    written.append(out_dir / "README.md")
    (out_dir / "README.md").write_bytes(readme.encode("utf-8"))
    return sorted(written)


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
