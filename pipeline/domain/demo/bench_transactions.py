"""Record-level SYNTHETIC unusual transactions at national volume, for load benchmarks.

Writes ``<out>/financial/ongebruikelijke_transacties_<Y>.csv`` (``;``-separated, no quoting, LF)::

    transactie_id;datum;meldersgroep;gemeentecode;bedrag_eur;verdacht
    UT2023-000000001;2023-01-01;banken;GM0363;1250.00;0

``transactie_id`` runs in date order; ``meldersgroep`` is a code from
``data/reference/fiu_reporting_sectors.csv`` (shares as in the demo FIU aggregates);
``gemeentecode`` is drawn by population (1 January 2025); ``bedrag_eur`` is lognormal with a
decimal point and two decimals; ``verdacht`` is ``0``/``1`` with about 5% ones (higher for some
reporting groups). Nothing is calibrated: the files only serve throughput benchmarks and are
not committed.

Rows are generated and written in chunks of at most ``CHUNK_ROWS`` with numpy and polars
(vectorised, no per-row Python), so peak memory stays far below 1 GB at any volume. Every chunk
draws from ``numpy.random.default_rng`` seeded with ``(seed, source, year, chunk)``, so output
bytes depend only on seed, years and rows per year.

Usage::

    python -m pipeline.domain.demo.bench_transactions --out data/bench --years 2016-2025 \\
        --rows-per-year 2500000

Pure numpy/polars; no Dagster imports.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import polars as pl

from pipeline.domain.demo.common import (
    _SRC_BENCH_TRANSACTIONS,
    DEFAULT_SEED,
    FIRST_YEAR,
    LAST_YEAR,
    REFERENCE_DIR,
    load_municipalities,
    seeded_rng,
)
from pipeline.domain.demo.financial import FIU_SECTORS, fiu_shares

CHUNK_ROWS = 500_000
HEADER = "transactie_id;datum;meldersgroep;gemeentecode;bedrag_eur;verdacht\n"
SUSPICIOUS_SHARE = 0.05
# Relative chance of a transaction being declared suspicious, per reporting group (INVENTED).
SUSPICIOUS_FACTOR = {
    "banken": 1.0,
    "betaaldienstverleners": 1.3,
    "cryptodienstverleners": 1.5,
    "casinos": 0.8,
    "handelaren_goederen": 1.2,
    "notarissen": 1.5,
    "makelaars": 1.5,
    "trustkantoren": 1.5,
    "overheid": 1.0,
    "overig": 1.0,
}
AMOUNT_MEDIAN_EUR = 2_500.0
AMOUNT_SIGMA = 1.6
AMOUNT_MAX_CENTS = 50_000_000_00


def _sectors(reference_dir: Path) -> list[str]:
    with open(reference_dir / "fiu_reporting_sectors.csv", encoding="utf-8", newline="") as f:
        known = {r["reporting_sector_code"] for r in csv.DictReader(f)}
    names = list(FIU_SECTORS)
    missing = set(names) - known
    if missing:
        raise ValueError(f"reporting groups not in fiu_reporting_sectors.csv: {sorted(missing)}")
    return names


def _chunk_frame(
    rng: np.random.Generator,
    year: int,
    first_id: int,
    day_of_row: np.ndarray,
    sector_names: pl.Series,
    sector_p: np.ndarray,
    suspicious_p: np.ndarray,
    muni_codes: pl.Series,
    muni_p: np.ndarray,
) -> pl.DataFrame:
    n = len(day_of_row)
    sector = rng.choice(len(sector_p), size=n, p=sector_p)
    muni = rng.choice(len(muni_p), size=n, p=muni_p)
    cents = np.round(rng.lognormal(np.log(AMOUNT_MEDIAN_EUR * 100), AMOUNT_SIGMA, size=n))
    cents = np.clip(cents, 1, AMOUNT_MAX_CENTS).astype(np.int64)
    flag = (rng.random(size=n) < suspicious_p[sector]).astype(np.int8)
    ids = np.arange(first_id, first_id + n, dtype=np.int64)
    start = dt.date(year, 1, 1)
    frame = pl.DataFrame(
        {
            "id": ids,
            "day": day_of_row.astype(np.int32),
            "sector": sector.astype(np.uint32),
            "muni": muni.astype(np.uint32),
            "cents": cents,
            "verdacht": flag,
        }
    )
    return frame.select(
        (pl.lit(f"UT{year}-") + pl.col("id").cast(pl.Utf8).str.zfill(9)).alias("transactie_id"),
        (pl.lit(start) + pl.duration(days=pl.col("day"))).alias("datum"),
        sector_names.gather(frame["sector"]).alias("meldersgroep"),
        muni_codes.gather(frame["muni"]).alias("gemeentecode"),
        (
            (pl.col("cents") // 100).cast(pl.Utf8)
            + pl.lit(".")
            + (pl.col("cents") % 100).cast(pl.Utf8).str.zfill(2)
        ).alias("bedrag_eur"),
        pl.col("verdacht"),
    )


def generate_unusual_transactions(
    out_dir: Path,
    years: Sequence[int],
    rows_per_year: int = 2_500_000,
    seed: int = DEFAULT_SEED,
    reference_dir: Path = REFERENCE_DIR,
) -> list[Path]:
    """Write one file of record-level unusual transactions per year; return the paths."""
    if rows_per_year < 0:
        raise ValueError("rows_per_year must be >= 0")
    munis = load_municipalities(reference_dir)
    muni_codes = pl.Series("gemeentecode", list(munis.codes))
    pop = munis.pop_2025.astype(np.float64)
    muni_p = pop / pop.sum()
    names = _sectors(reference_dir)
    sector_names = pl.Series("meldersgroep", names)
    factor = np.array([SUSPICIOUS_FACTOR.get(n, 1.0) for n in names])
    written: list[Path] = []
    for year in years:
        shares = fiu_shares(min(max(year, FIRST_YEAR), LAST_YEAR))
        sector_p = shares / shares.sum()
        # Scale so that the expected share of suspicious transactions is SUSPICIOUS_SHARE.
        suspicious_p = SUSPICIOUS_SHARE * factor / float(np.dot(sector_p, factor))
        n_days = 366 if calendar.isleap(year) else 365
        per_day = seeded_rng(seed, _SRC_BENCH_TRANSACTIONS, year, 0).multinomial(
            rows_per_year, np.full(n_days, 1.0 / n_days)
        )
        day_of_row = np.repeat(np.arange(n_days, dtype=np.int32), per_day)
        path = Path(out_dir) / "financial" / f"ongebruikelijke_transacties_{year}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".csv.tmp")
        with open(tmp, "wb") as f:
            f.write(HEADER.encode("utf-8"))
            for k, lo in enumerate(range(0, rows_per_year, CHUNK_ROWS)):
                hi = min(lo + CHUNK_ROWS, rows_per_year)
                rng = seeded_rng(seed, _SRC_BENCH_TRANSACTIONS, year, k + 1)
                frame = _chunk_frame(
                    rng,
                    year,
                    lo + 1,
                    day_of_row[lo:hi],
                    sector_names,
                    sector_p,
                    suspicious_p,
                    muni_codes,
                    muni_p,
                )
                frame.write_csv(
                    f, separator=";", include_header=False, line_terminator="\n", date_format="%F"
                )
        tmp.replace(path)
        written.append(path)
    return written


def _parse_years(text: str) -> list[int]:
    years: list[int] = []
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-", 1)
            years += range(int(a), int(b) + 1)
        else:
            years.append(int(part))
    return years


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate SYNTHETIC record-level unusual transactions for benchmarks."
    )
    parser.add_argument("--out", type=Path, default=Path("data/bench"), help="output directory")
    parser.add_argument("--years", default="2016-2025", help="e.g. 2016-2025 or 2023,2024")
    parser.add_argument("--rows-per-year", type=int, default=2_500_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    paths = generate_unusual_transactions(
        args.out, _parse_years(args.years), args.rows_per_year, args.seed
    )
    print(f"wrote {len(paths)} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
