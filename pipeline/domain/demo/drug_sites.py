"""SYNTHETIC drug sites (Politie, Nationaal Overzicht Drugslocaties: a record per site). No Dagster
here."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import numpy as np

from pipeline.domain.demo.common import (
    _SRC_DRUG_SITES,
    DemoYear,
    FloatArray,
    IntArray,
    Level,
    Municipalities,
    character,
    write_text,
)

DrugSite = tuple[str, str, str, str, str]  # datum, gemeentecode, soort_locatie, drug, omgeving

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


# --------------------------------------------------------------------------------------------
# Drug sites (Politie, Nationaal Overzicht Drugslocaties: record per site)
# --------------------------------------------------------------------------------------------


def _site_weights(munis: Municipalities, pop: IntArray, site: str, seed: int) -> FloatArray:
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


def drug_sites_for_year(demo: DemoYear, scale: float) -> tuple[list[DrugSite], dict[str, Level]]:
    munis, year = demo.munis, demo.year
    rng = demo.rng(_SRC_DRUG_SITES)
    n_days = 366 if calendar.isleap(year) else 365
    start = dt.date(year, 1, 1).toordinal()
    records: list[DrugSite] = []
    levels: dict[str, Level] = {}
    for site in SITE_TYPES:
        lvl = demo.level(SITE_CALIBRATION[site], SITE_INVENTED[site], site)
        levels[site] = lvl
        n = round(lvl.value * scale) if site == "kwekerij" else lvl.value
        w = _site_weights(munis, demo.pop, site, demo.seed)
        where = rng.choice(len(munis), size=n, p=w / w.sum())
        days = rng.integers(0, n_days, size=n)
        drugs = rng.choice(len(DRUGS), size=n, p=np.array(_site_drug_probs(site, year)))
        settings = rng.choice(len(SETTINGS), size=n, p=np.array(SETTING_PROBS[site]))
        for m, d, g, s in zip(where, days, drugs, settings, strict=True):
            date = dt.date.fromordinal(start + int(d)).isoformat()
            records.append((date, munis.codes[m], site, DRUGS[g], SETTINGS[s]))
    records.sort()
    return records, levels


def drug_sites_file(out_dir: Path, year: int, records: list[DrugSite]) -> Path:
    lines = ["registratienummer;datum;gemeentecode;soort_locatie;drugssoort;omgeving"]
    for i, rec in enumerate(records, start=1):
        lines.append(";".join((f"DL{year}-{i:05d}", *rec)))
    return write_text(out_dir / "drug_sites" / f"drugslocaties_{year}.csv", lines)
