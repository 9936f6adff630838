"""SYNTHETIC business establishments by SBI section and municipality (ENTIRELY INVENTED counts;
demo/establishments.py writes them in the CBS shape). No Dagster here."""

from __future__ import annotations

import numpy as np

from pipeline.domain.demo.common import (
    _SRC_ESTABLISHMENTS,
    PORT_CODES,
    DemoYear,
    FloatArray,
    IntArray,
    Level,
    drifting_shares,
    multinomial,
)

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


# --------------------------------------------------------------------------------------------
# Establishments (CBS business register by SBI section; ENTIRELY INVENTED)
# --------------------------------------------------------------------------------------------


def establishments_for_year(demo: DemoYear) -> tuple[dict[str, IntArray], Level]:
    """Establishments per SBI section and 2025 municipality."""
    rng = demo.rng(_SRC_ESTABLISHMENTS)
    total = Level(ESTABLISHMENTS_INVENTED[demo.year], None)
    per_section = multinomial(rng, total.value, drifting_shares(SBI_SHARES.values(), demo.year))
    out: dict[str, IntArray] = {}
    for k, section in enumerate(SBI_SECTIONS):
        w = demo.noisy(_section_base(demo, section), rng, _SRC_ESTABLISHMENTS, k + 1, 20.0, 400.0)
        out[section] = multinomial(rng, int(per_section[k]), w)
    return out, total


def _section_base(demo: DemoYear, section: str) -> FloatArray:
    """Where a section's establishments are, before each municipality's character and noise."""
    munis = demo.munis
    p = demo.pop.astype(np.float64)
    w: FloatArray
    if section in ("A", "B"):  # rural: weaker link with population, rural provinces
        w = p**0.6 * np.array([SBI_RURAL_PROVINCES.get(pv, 1.0) for pv in munis.province])
        if section == "B":  # mining and quarrying: gas fields in Groningen
            w = w * np.array([3.0 if pv == "PV20" else 1.0 for pv in munis.province])
    elif section == "U":  # international organisations: The Hague and Amsterdam
        w = np.array([50.0 if c in ("GM0518", "GM0363") else 0.0 for c in munis.codes])
    else:
        w = p * (p / 100_000.0) ** SBI_SHARES[section][2]
    if section == "H":  # logistics hubs
        w = w * np.array(
            [3.0 if c in PORT_CODES else SBI_LOGISTICS.get(c, 1.0) for c in munis.codes]
        )
    if section == "R":  # coast, islands and the Veluwe
        w = w * np.array([2.5 if c in SBI_RECREATION else 1.0 for c in munis.codes])
    return w
