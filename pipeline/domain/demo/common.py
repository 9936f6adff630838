"""What the demo generators share: seeds, the 2025 municipalities, national levels, hotspots.

Pure Python (numpy only); no Dagster imports. See ``pipeline/domain/demo/generate.py``.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEFAULT_SEED = 20260101
FIRST_YEAR = 2015
LAST_YEAR = 2025

REPO_ROOT = Path(__file__).resolve().parents[3]
REFERENCE_DIR = REPO_ROOT / "data" / "reference"
DEFAULT_OUT_DIR = REPO_ROOT / "data" / "demo"
CALIBRATION_FILE = "national_figures_calibration.csv"

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
    pop_2023: np.ndarray
    pop_2025: np.ndarray

    def __len__(self) -> int:
        return len(self.codes)


def seeded_rng(seed: int, *keys: int) -> np.random.Generator:
    return np.random.default_rng([int(seed), *(int(k) for k in keys)])


def apportion(total: int, weights: np.ndarray) -> np.ndarray:
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


def multinomial(rng: np.random.Generator, total: int, weights: np.ndarray) -> np.ndarray:
    w = np.asarray(weights, dtype=np.float64)
    p = w / w.sum()
    return rng.multinomial(int(total), p).astype(np.int64)


def character(seed: int, source: int, key: int, n: int, shape: float | np.ndarray) -> np.ndarray:
    """Fixed per-municipality multiplier (mean 1, variance 1/shape), stable across years."""
    shape = np.broadcast_to(np.asarray(shape, dtype=np.float64), (n,))
    return seeded_rng(seed, source, 0, key).gamma(shape, 1.0 / shape)


def size_shape(pop: np.ndarray, base: float) -> np.ndarray:
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


def level_for(
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


def write_text(path: Path, lines: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return path


def quoted(*fields: object) -> str:
    return ";".join(f'"{f}"' for f in fields)


def hotspot(munis: Municipalities, group: str | None) -> np.ndarray:
    out = np.ones(len(munis))
    if group is None:
        return out
    for i, code in enumerate(munis.codes):
        out[i] = HOTSPOTS.get(code, {}).get(group, 1.0)
    if group == "drugs":  # Brabant/Limburg production and trafficking belt
        out *= np.array([1.2 if p in ("PV30", "PV31") else 1.0 for p in munis.province])
    return out
