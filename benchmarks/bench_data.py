"""The benchmark's data folder, ``data/bench/``: the demo files, the reference files and the
record-level unusual transactions, laid out as the pipeline's ``data/`` is (``ProjectPaths``), so
that the pipeline, the DuckDB script and the pandas code all read the very same files.

    data/bench/reference/                 copy of data/reference/
    data/bench/demo/<folder>/             copy of data/demo/ (every source)
    data/bench/raw/financial/ongebruikelijke_transacties_<Y>.csv   generated once

``raw/`` wins over ``demo/`` per source, so the record-level files feed the FIU transactions of
their years while the aggregates stay in ``demo/financial/`` (the staging SQL then ignores them).
Files are copied, not linked: a link out of the data folder would let the bench read something
else than it names.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = PROJECT_ROOT / "data" / "bench"
POPULATION_MEASURE_TITLE = "Bevolking op 1 januari"


@dataclass(frozen=True)
class BenchFiles:
    """The input files of the indicators, as the hand-written implementations read them."""

    data_dir: Path
    years: tuple[int, ...]

    @property
    def first_year(self) -> int:
        return self.years[0]

    @property
    def last_year(self) -> int:
        return self.years[-1]

    def reference(self, name: str) -> Path:
        return self.data_dir / "reference" / f"{name}.csv"

    @property
    def transactions(self) -> list[Path]:
        folder = self.data_dir / "raw" / "financial"
        return [folder / f"ongebruikelijke_transacties_{year}.csv" for year in self.years]

    @property
    def incidents_v3(self) -> list[Path]:
        """The OData v3 CSV files (``83648NED_<Y>.csv``) of the years benchmarked."""
        folder = self.data_dir / "demo" / "incidents"
        wanted = (folder / f"83648NED_{year}.csv" for year in self.years)
        return [path for path in wanted if path.exists()]

    @property
    def incidents_statline(self) -> list[Path]:
        """StatLine label downloads (the demo's latest year comes as one)."""
        folder = self.data_dir / "demo" / "incidents"
        return sorted(folder.glob("Geregistreerde_criminaliteit__soort_misdrijf__regio_*.csv"))

    @property
    def population(self) -> Path:
        return self.data_dir / "demo" / "population" / "03759NED.json"

    @property
    def population_measures(self) -> Path:
        return self.data_dir / "demo" / "population" / "03759NED_MeasureCodes.json"


def generate_transactions_once(bench_dir: Path, years: list[int], rows_per_year: int) -> None:
    """The record-level files, generated again only when the years or size asked for change
    (the same marker as benchmarks.load_benchmark, so both share the files)."""
    from pipeline.domain.demo.bench_transactions import generate_unusual_transactions

    marker = bench_dir / "generated.json"
    wanted = {"years": years, "rows_per_year": rows_per_year}
    files_exist = all(
        (bench_dir / "raw" / "financial" / f"ongebruikelijke_transacties_{y}.csv").exists()
        for y in years
    )
    if files_exist and marker.exists() and json.loads(marker.read_text()) == wanted:
        return
    started = time.perf_counter()
    bench_dir.mkdir(parents=True, exist_ok=True)
    generate_unusual_transactions(bench_dir / "raw", years, rows_per_year=rows_per_year)
    marker.write_text(json.dumps(wanted))
    print(f"generated {len(years)} x {rows_per_year:,} transactions in {_since(started)}")


def copy_demo_and_reference(bench_dir: Path, project_data: Path = PROJECT_ROOT / "data") -> None:
    """Fresh copies of data/demo/ and data/reference/ (cheap: some 45 MB), so that the bench
    always reads the checkout's current demo files."""
    for folder in ("demo", "reference"):
        target = bench_dir / folder
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(project_data / folder, target)


def prepare_bench_data(years: list[int], rows_per_year: int, bench_dir: Path = BENCH_DIR):
    """The data folder every implementation reads, ready; its files as ``BenchFiles``."""
    generate_transactions_once(bench_dir, years, rows_per_year)
    copy_demo_and_reference(bench_dir)
    return BenchFiles(bench_dir, tuple(years))


def _since(started: float) -> str:
    return f"{time.perf_counter() - started:.1f} s"
