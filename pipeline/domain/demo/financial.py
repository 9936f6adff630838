"""SYNTHETIC FIU-Nederland figures: transactions by municipality and reporting group, and the
emergency freezes (a record per case). No Dagster here."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

import numpy as np

from pipeline.domain.demo.common import (
    _SRC_FINANCIAL,
    _SRC_FREEZES,
    LAST_YEAR,
    PORT_CODES,
    DemoYear,
    FloatArray,
    IntArray,
    Level,
    Municipalities,
    apportion,
    hotspot,
    multinomial,
    write_text,
    year_fraction,
)

# Per reporting group: unusual transactions, suspicious ones and their euros, per municipality.
FiuFigures = dict[str, tuple[IntArray, IntArray, IntArray]]
FreezeCase = tuple[str, str, str, int]  # datum, gemeentecode, meldersgroep, euros

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


# FIU emergency freezes (spoedbevriezingen) ---------------------------------------------------

FREEZE_CASES_INVENTED = {2025: 54}  # the power is recent: no freezes before 2025
FREEZE_SECTORS = {
    "banken": 0.55, "betaaldienstverleners": 0.22, "cryptodienstverleners": 0.17,
    "handelaren_goederen": 0.03, "trustkantoren": 0.03,
}  # fmt: skip


# --------------------------------------------------------------------------------------------
# Financial (FIU-Nederland aggregates)
# --------------------------------------------------------------------------------------------


def fiu_shares(year: int) -> FloatArray:
    t = year_fraction(year)
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


def financial_for_year(demo: DemoYear) -> tuple[FiuFigures, dict[str, Level]]:
    munis = demo.munis
    rng = demo.rng(_SRC_FINANCIAL)
    levels = {
        k: demo.level(FIU_CALIBRATION[k], FIU_INVENTED[k], f"fiu {k}")
        for k in ("unusual", "suspicious", "value")
    }
    names = list(FIU_SECTORS)
    shares = fiu_shares(demo.year)
    unusual_k = multinomial(rng, levels["unusual"].value, shares)
    ratio = np.array([FIU_SECTORS[n][2] for n in names])
    susp_k = multinomial(rng, levels["suspicious"].value, unusual_k * ratio)
    # Suspicious transactions are a subset of unusual ones: move any excess to other sectors.
    while np.any(susp_k > unusual_k):  # pragma: no cover - only for extreme inputs
        excess = np.maximum(susp_k - unusual_k, 0)
        susp_k -= excess
        room = unusual_k - susp_k
        susp_k += apportion(int(excess.sum()), room)
    hot = hotspot(munis, "fiu")
    port = np.array([2.5 if c in PORT_CODES else 1.0 for c in munis.codes])
    out: FiuFigures = {}
    value_weights = []
    for k, name in enumerate(names):
        beta = FIU_SECTORS[name][4]
        w = demo.noisy(demo.by_size(beta) * hot, rng, _SRC_FINANCIAL, k + 1, 3.0, 20.0)
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


def financial_file(
    out_dir: Path,
    munis: Municipalities,
    year: int,
    data: FiuFigures,
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


def freezes_for_year(demo: DemoYear) -> list[FreezeCase] | None:
    """Emergency freeze cases (datum, gemeentecode, meldersgroep, euro); None before 2025."""
    munis, pop, year = demo.munis, demo.pop, demo.year
    if year not in FREEZE_CASES_INVENTED:
        return None
    rng = demo.rng(_SRC_FREEZES)
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


def freezes_file(out_dir: Path, year: int, cases: list[FreezeCase]) -> Path:
    lines = ["zaak_id;datum;gemeentecode;meldersgroep;bevroren_bedrag_eur"]
    for i, (date, gm, group, eur) in enumerate(cases, start=1):
        lines.append(f"SB{year}-{i:04d};{date};{gm};{group};{eur}")
    return write_text(out_dir / "financial" / f"spoedbevriezingen_{year}.csv", lines)
