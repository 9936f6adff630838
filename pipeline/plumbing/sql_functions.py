"""Statistical functions for SQL, registered on each warehouse connection (like the macros).

SQL in sql/ calls ``poisson_lower(count, level)`` and ``poisson_upper(count, level)``; the
arithmetic lives in ``pipeline.domain.statistics.uncertainty`` and is tested there.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa
from duckdb.func import PythonUDFType

from pipeline.domain.statistics.uncertainty import poisson_interval


def _poisson_bound(which: int):
    def bound(counts: pa.Array, levels: pa.Array) -> pa.Array:
        values = counts.to_numpy(zero_copy_only=False).astype(float)
        level_values = levels.to_numpy(zero_copy_only=False).astype(float)
        result = np.full(len(values), np.nan)
        # One scipy call per distinct level (in practice one), vectorised over the counts.
        for level in np.unique(level_values):
            rows = level_values == level
            result[rows] = poisson_interval(values[rows], float(level))[which]
        return pa.array(result, type=pa.float64())

    return bound


def install_functions(conn: duckdb.DuckDBPyConnection) -> None:
    for name, which in (("poisson_lower", 0), ("poisson_upper", 1)):
        conn.create_function(
            name,
            _poisson_bound(which),
            [duckdb.sqltype("DOUBLE"), duckdb.sqltype("DOUBLE")],
            duckdb.sqltype("DOUBLE"),
            type=PythonUDFType.ARROW,
        )
