"""SYNTHETIC drug seizures (Douane / HARC: a record per seizure), calibrated where figures exist.
No Dagster here."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.domain.demo.common import (
    _SRC_SEIZURES,
    FIRST_YEAR,
    Calibration,
    DemoYear,
    FloatArray,
    IntArray,
    Level,
    apportion,
    hotspot,
    level_for,
    write_text,
)
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

# datum, locatie_type, locatie, gemeentecode, drug, weight in 0.1 kg, country of departure
SeizureRecord = tuple[str, str, str, str, str, int, str]
Place = tuple[str, str, str]  # locatie_type, locatie, gemeentecode
# (places, place probabilities, drugs, total kg, records per kg, sigma, minimum in 0.1 kg).
_CalibratedGroup = tuple[list[Place], tuple[float, ...], dict[str, float], int, float, float, int]


def _split_tenths(total: int, weights: FloatArray, minimum: int) -> IntArray:
    """Split ``total`` (0.1 kg) over records with heavy-tailed weights; each gets >= minimum."""
    n = len(weights)
    if total < n * minimum:
        raise ValueError(f"cannot split {total} over {n} records of at least {minimum}")
    return apportion(total - n * minimum, weights) + minimum


def _country_probs(drug: str, loc_type: str) -> tuple[list[str], FloatArray]:
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
    places: Sequence[Place],
    place_p: FloatArray,
    drugs: dict[str, float],
    n: int,
    tenths: IntArray | None,  # fixed weights per record (calibrated groups), else drawn
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


def _place(name: str) -> Place:
    loc_type, gm = SEIZURE_PLACES[name]
    return (loc_type, name, gm)


def _calibrated(calibration: Calibration, indicators: Sequence[str], year: int) -> Level | None:
    if any((ind, year) in calibration for ind in indicators):
        return level_for(calibration, indicators, {}, year, indicators[0])
    return None


@dataclass(frozen=True)
class _PortTotals:
    """Kilograms of the calibrated groups: what the national figures leave for each."""

    rotterdam_cocaine: Level
    rotterdam_all: Level
    rotterdam_other: int
    zeeland_all: Level
    zeeland_cocaine: int
    national_cocaine: Level
    other_cocaine: int  # at the other ports and the airports

    def levels(self) -> dict[str, Level]:
        return {
            "rotterdam_cocaine": self.rotterdam_cocaine,
            "rotterdam_all": self.rotterdam_all,
            "zeeland_all": self.zeeland_all,
            "national_cocaine": self.national_cocaine,
        }


def _rotterdam(calibration: Calibration, year: int) -> tuple[Level, Level, int]:
    """Rotterdam port: cocaine (HARC series) plus other drugs; 2024 has an all-drugs figure
    only, so one is derived from the other where a figure is missing."""
    other = SEIZURE_INVENTED["rotterdam_other"][year]
    cocaine = _calibrated(calibration, SEIZURE_CALIBRATION["rotterdam_cocaine"], year)
    all_drugs = _calibrated(calibration, SEIZURE_CALIBRATION["rotterdam_all"], year)
    if cocaine is None and all_drugs is not None:
        status = f"derived: `{all_drugs.indicator}` minus invented other"
        cocaine = Level(all_drugs.value - other, status)
    elif cocaine is None:
        invented = SEIZURE_INVENTED["rotterdam_cocaine"]
        cocaine = level_for(calibration, (), invented, year, "Rotterdam cocaine")
    if all_drugs is None:
        derived = f"derived: `{cocaine.indicator}` plus invented other"
        all_drugs = Level(cocaine.value + other, derived if cocaine.indicator else None)
    return cocaine, all_drugs, other


def _port_totals(demo: DemoYear) -> _PortTotals:
    calibration, year = demo.calibration, demo.year
    cocaine, all_rotterdam, other_rotterdam = _rotterdam(calibration, year)
    # Vlissingen + Moerdijk ports, all drugs; cocaine a fixed share (whole kg).
    zeeland = demo.level(
        SEIZURE_CALIBRATION["zeeland_all"], SEIZURE_INVENTED["zeeland_all"], "Zeeland ports"
    )
    zeeland_cocaine = round(zeeland.value * ZEELAND_COCAINE_SHARE)
    # National cocaine at ports + airports = Rotterdam + Zeeland share + the other places.
    national = _calibrated(calibration, SEIZURE_CALIBRATION["national_cocaine"], year)
    if national is not None:
        other_cocaine = national.value - cocaine.value - zeeland_cocaine
        if other_cocaine < MIN_OTHER_COCAINE_KG:
            raise ValueError(f"{year}: national cocaine leaves too little outside Rotterdam")
    else:
        other_cocaine = SEIZURE_INVENTED["other_cocaine"][year]
        status = "derived: Rotterdam (calibrated) + invented rest" if cocaine.indicator else None
        national = Level(cocaine.value + zeeland_cocaine + other_cocaine, status)
    return _PortTotals(
        cocaine, all_rotterdam, other_rotterdam, zeeland, zeeland_cocaine, national, other_cocaine
    )


def _port_records(rng: np.random.Generator, year: int, totals: _PortTotals) -> list[SeizureRecord]:
    """The calibrated groups' records, split exactly in tenths of a kg."""
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
    coc, zee_coc, other_coc = (
        totals.rotterdam_cocaine.value,
        totals.zeeland_cocaine,
        totals.other_cocaine,
    )
    zee_other = totals.zeeland_all.value - zee_coc
    # Within a group a port seizure weighs 8x an airport one (containers vs couriers/luggage).
    fixed: tuple[_CalibratedGroup, ...] = (
        (rotterdam, (1.0,), {"cocaine": 1.0}, coc, 1 / 400, 1.5, 50),
        (rotterdam, (1.0,), non_coc, totals.rotterdam_other, 1 / 60, 1.4, 10),
        (zeeland, (0.6, 0.4), {"cocaine": 1.0}, zee_coc, 1 / 350, 1.5, 50),
        (zeeland, (0.6, 0.4), non_coc, zee_other, 1 / 60, 1.4, 10),
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
    return records


def _uncalibrated_records(
    demo: DemoYear, rng: np.random.Generator, names: dict[str, str]
) -> list[SeizureRecord]:
    """The invented groups' records (airports, ports, post, roads) and the inland ones, their
    numbers growing 3% a year."""
    year = demo.year
    growth = 1.0 + 0.03 * (year - FIRST_YEAR)
    records: list[SeizureRecord] = []
    for place_p, drugs, base, median, sigma, minimum in SEIZURE_FREE_GROUPS:
        places = [_place(p) for p in place_p]
        probabilities = np.array(list(place_p.values()))
        n = int(rng.poisson(base * growth))
        records += _seizure_records(
            rng, year, places, probabilities, drugs, n, None, median, sigma, minimum
        )
    drugs, base, median, sigma, minimum = SEIZURE_INLAND
    inland = [("binnenland", names[c], c) for c in demo.munis.codes]
    w = demo.pop.astype(np.float64) * hotspot(demo.munis, "drugs")
    n = int(rng.poisson(base * growth))
    records += _seizure_records(rng, year, inland, w, drugs, n, None, median, sigma, minimum)
    return records


def seizures_for_year(
    demo: DemoYear, names: dict[str, str]
) -> tuple[list[SeizureRecord], dict[str, Level]]:
    """Seizure records; the calibrated groups are split exactly in tenths of a kg."""
    rng = demo.rng(_SRC_SEIZURES)
    totals = _port_totals(demo)
    records = _port_records(rng, demo.year, totals) + _uncalibrated_records(demo, rng, names)
    records.sort()
    return records, totals.levels() | {"records": Level(len(records), None)}


def seizures_file(out_dir: Path, year: int, records: list[SeizureRecord]) -> Path:
    lines = [
        "zaaknummer;datum;locatie_type;locatie;gemeentecode;drugssoort;gewicht_kg;land_van_vertrek"
    ]
    for i, (date, loc_type, loc, gm, drug, tenths, country) in enumerate(records, start=1):
        kg = f"{tenths // 10},{tenths % 10}"
        lines.append(f"DOU{year}-{i:05d};{date};{loc_type};{loc};{gm};{drug};{kg};{country}")
    return write_text(out_dir / "seizures" / f"inbeslagnames_{year}.csv", lines)
