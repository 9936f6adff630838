"""SYNTHETIC drug seizures (Douane / HARC: a record per seizure), calibrated where figures exist.
No Dagster here."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from pipeline.domain.demo.common import (
    _SRC_SEIZURES,
    FIRST_YEAR,
    Level,
    Municipalities,
    apportion,
    hotspot,
    level_for,
    seeded_rng,
    write_text,
)

# Seizures (Douane / HARC) ---------------------------------------------------------------------
from pipeline.domain.demo.seizure_figures import (
    MIN_OTHER_COCAINE_KG,
    SEIZURE_CALIBRATION,
    SEIZURE_COUNTRIES,
    SEIZURE_FREE_GROUPS,
    SEIZURE_INLAND,
    SEIZURE_INVENTED,
    SEIZURE_PLACES,
    ZEELAND_COCAINE_SHARE,
)

SeizureRecord = tuple[
    str, str, str, str, str, int, str
]  # datum, type, locatie, gm, drug, 0.1kg, land


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


def seizures_file(out_dir: Path, year: int, records: list[SeizureRecord]) -> Path:
    lines = [
        "zaaknummer;datum;locatie_type;locatie;gemeentecode;drugssoort;gewicht_kg;land_van_vertrek"
    ]
    for i, (date, loc_type, loc, gm, drug, tenths, country) in enumerate(records, start=1):
        kg = f"{tenths // 10},{tenths % 10}"
        lines.append(f"DOU{year}-{i:05d};{date};{loc_type};{loc};{gm};{drug};{kg};{country}")
    return write_text(out_dir / "seizures" / f"inbeslagnames_{year}.csv", lines)
