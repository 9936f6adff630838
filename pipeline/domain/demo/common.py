"""What the demo generators share: seeds, the 2025 municipalities, national levels, hotspots.

Pure Python (numpy only); no Dagster imports. See ``pipeline/domain/demo/generate.py``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

DEFAULT_SEED = 20260101
FIRST_YEAR = 2015
LAST_YEAR = 2025

REPO_ROOT = Path(__file__).resolve().parents[3]
REFERENCE_DIR = REPO_ROOT / "data" / "reference"
DEFAULT_OUT_DIR = REPO_ROOT / "data" / "demo"
CALIBRATION_FILE = "national_figures_calibration.csv"

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
# The calibration file's rows keyed by (indicator, year).
Calibration = dict[tuple[str, int], dict[str, str]]

# Source keys for the seed derivation (never renumber: it would change every file).
_SRC_POPULATION = 1
_SRC_INCIDENTS = 2
_SRC_DRUG_SITES = 3
_SRC_FINANCIAL = 4
_SRC_SEIZURES = 5
_SRC_SIGNALS = 6
_SRC_ESTABLISHMENTS = 7
_SRC_OM_SEIZED = 8
_SRC_FREEZES = 9
_SRC_BENCH_TRANSACTIONS = 10  # pipeline/domain/demo/bench_transactions.py
_SRC_POLICY = 11


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


@dataclass(frozen=True)
class Municipalities:
    codes: tuple[str, ...]
    province: tuple[str, ...]
    pop_2023: IntArray
    pop_2025: IntArray

    def __len__(self) -> int:
        return len(self.codes)


def year_fraction(year: int) -> float:
    """Where ``year`` lies between the first and the last demo year: 0 in 2015, 1 in 2025."""
    return (year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR)


def drifting_shares(mix: Iterable[tuple[float, ...]], year: int) -> FloatArray:
    """Shares that move in a straight line from their 2015 to their 2025 value (the first two
    numbers of each entry of ``mix``)."""
    t = year_fraction(year)
    return np.array([first + (last - first) * t for first, last, *_ in mix])


def seeded_rng(seed: int, *keys: int) -> np.random.Generator:
    return np.random.default_rng([int(seed), *(int(k) for k in keys)])


def apportion(total: int, weights: npt.ArrayLike) -> IntArray:
    """Split an integer total proportionally to weights (largest remainder, exact sum)."""
    w = np.asarray(weights, dtype=np.float64)
    weight_sum = float(w.sum())
    if total == 0 or weight_sum <= 0:
        return np.zeros(len(w), dtype=np.int64)
    quota = total * (w / weight_sum)
    base = np.floor(quota).astype(np.int64)
    rest = int(total - int(base.sum()))
    order = np.argsort(-(quota - base), kind="stable")
    if rest > 0:
        base[order[:rest]] += 1
    elif rest < 0:  # pragma: no cover - float rounding safety
        for i in np.argsort(-base, kind="stable")[:-rest]:
            base[i] -= 1
    return base


def multinomial(rng: np.random.Generator, total: int, weights: npt.ArrayLike) -> IntArray:
    w = np.asarray(weights, dtype=np.float64)
    p = w / w.sum()
    return rng.multinomial(int(total), p).astype(np.int64)


def character(seed: int, source: int, key: int, n: int, shape: float | FloatArray) -> FloatArray:
    """Fixed per-municipality multiplier (mean 1, variance 1/shape), stable across years."""
    shapes = np.broadcast_to(np.asarray(shape, dtype=np.float64), (n,))
    return seeded_rng(seed, source, 0, key).gamma(shapes, 1.0 / shapes)


def size_shape(pop: IntArray, base: float) -> FloatArray:
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


def load_calibration(reference_dir: Path = REFERENCE_DIR) -> Calibration:
    """Rows of the calibration file keyed by (indicator, year); duplicates are an error."""
    out: Calibration = {}
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


def level_for(
    calibration: Calibration,
    indicators: Sequence[str],
    invented: Mapping[int, int],
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


def write_text(path: Path, lines: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return path


def quoted(*fields: object) -> str:
    return ";".join(f'"{f}"' for f in fields)


def hotspot(munis: Municipalities, group: str | None) -> FloatArray:
    out = np.ones(len(munis))
    if group is None:
        return out
    for i, code in enumerate(munis.codes):
        out[i] = HOTSPOTS.get(code, {}).get(group, 1.0)
    if group == "drugs":  # Brabant/Limburg production and trafficking belt
        out *= np.array([1.2 if p in ("PV30", "PV31") else 1.0 for p in munis.province])
    return out


@dataclass(frozen=True)
class DemoYear:
    """One year of a generator's work: the 2025 municipalities, their population that year, the
    national figures to calibrate to and the seed every draw derives from."""

    munis: Municipalities
    calibration: Calibration
    pop: IntArray  # the 2025 municipalities' population that year, in ``munis.codes`` order
    year: int
    seed: int

    def rng(self, source: int) -> np.random.Generator:
        """The year's random numbers of one source (``_SRC_*``)."""
        return seeded_rng(self.seed, source, self.year)

    def level(self, indicators: Sequence[str], invented: Mapping[int, int], what: str) -> Level:
        return level_for(self.calibration, indicators, invented, self.year, what)

    def by_size(self, elasticity: float) -> FloatArray:
        """Population x (population / 100,000)^elasticity: a rate that grows with urbanisation."""
        size = self.pop.astype(np.float64) / 100_000.0
        weights: FloatArray = self.pop * size**elasticity
        return weights

    def noisy(
        self,
        base: FloatArray,
        rng: np.random.Generator,
        source: int,
        key: int,
        character_shape: float,
        noise_shape: float,
    ) -> FloatArray:
        """``base`` times each municipality's character (seeded by ``source`` and ``key``, the
        same every year; steadier for big municipalities) and this year's noise from ``rng``."""
        n = len(self.munis)
        stable = character(self.seed, source, key, n, size_shape(self.pop, character_shape))
        weights: FloatArray = base * stable * rng.gamma(noise_shape, 1.0 / noise_shape, size=n)
        return weights
