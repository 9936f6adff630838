"""(D) Runs benchmarks/duckdb_indicators.sql: one hand-written DuckDB script over the files.

The only Python is what DuckDB cannot do itself: the exact Poisson bounds (SciPy's chi-square
quantiles, registered as vectorised functions) and binding each statement's parameters.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
from duckdb.func import PythonUDFType

from benchmarks.bench_data import POPULATION_MEASURE_TITLE, BenchFiles
from benchmarks.intervals import poisson_bounds

SCRIPT = Path(__file__).with_name("duckdb_indicators.sql")
# The same memory limit as the pipeline's warehouse resource.
MEMORY_LIMIT = "4GB"
CONFIDENCE_LEVEL = 0.95
GAP_MAX_UPPER_RATIO = 2.0
WEIGHT_SET = "default_v0"


def _bound_function(which: int):
    def bound(counts: pa.Array, levels: pa.Array) -> pa.Array:
        values = counts.to_numpy(zero_copy_only=False).astype(float)
        level_values = levels.to_numpy(zero_copy_only=False).astype(float)
        result = np.full(len(values), np.nan)
        for level in np.unique(level_values):  # in practice one level
            rows = level_values == level
            result[rows] = poisson_bounds(values[rows], float(level))[which]
        return pa.array(result, type=pa.float64())

    return bound


def _parameters(files: BenchFiles) -> dict[str, object]:
    folder = files.data_dir / "demo" / "incidents"
    return {
        "first_year": files.first_year,
        "last_year": files.last_year,
        "municipalities": str(files.reference("municipalities")),
        "reclassifications": str(files.reference("municipal_reclassifications")),
        "crime_types": str(files.reference("crime_types")),
        "fiu_reporting_sectors": str(files.reference("fiu_reporting_sectors")),
        "harm_weights": str(files.reference("harm_weights")),
        "population_file": str(files.population),
        "population_measures": str(files.population_measures),
        "population_measure_title": POPULATION_MEASURE_TITLE,
        "transaction_files": [str(path) for path in files.transactions],
        # every year-named v3 file (the years are picked in SQL) and the StatLine download
        "incident_files": [str(path) for path in sorted(folder.glob("83648NED_*.csv"))],
        "statline_files": [str(path) for path in files.incidents_statline],
        "confidence_level": CONFIDENCE_LEVEL,
        "gap_max_upper_ratio": GAP_MAX_UPPER_RATIO,
        "weight_set": WEIGHT_SET,
    }


def run_script(conn: duckdb.DuckDBPyConnection, script: str, params: dict[str, object]) -> None:
    """Every statement of the script, each with exactly the parameters it names."""
    for statement in conn.extract_statements(script):
        needed = statement.named_parameters
        conn.execute(statement, {key: params[key] for key in needed} if needed else None)


def duckdb_indicators(files: BenchFiles) -> dict[str, pd.DataFrame]:
    """The two indicator tables, computed by the script in an in-memory DuckDB."""
    conn = duckdb.connect(config={"memory_limit": MEMORY_LIMIT})
    for name, which in (("poisson_lower", 0), ("poisson_upper", 1)):
        conn.create_function(
            name,
            _bound_function(which),
            [duckdb.sqltype("DOUBLE"), duckdb.sqltype("DOUBLE")],
            duckdb.sqltype("DOUBLE"),
            type=PythonUDFType.ARROW,
        )
    run_script(conn, SCRIPT.read_text(encoding="utf-8"), _parameters(files))
    tables = {
        "financial_indicators": conn.sql(
            "select * from financial_indicators "
            "order by year, region_level, region_code, reporting_sector_code"
        ).df(),
        "phenomenon_indicators": conn.sql(
            "select * from phenomenon_indicators "
            "order by year, region_level, region_code, phenomenon_code"
        ).df(),
    }
    conn.close()
    return tables
