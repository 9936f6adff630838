"""The small warehouse of the property tests of the DESIGN.md section 6 invariants
(test_region_additivity.py, test_rate_scaling_and_reingest.py): a fixed geography, its reference
tables, Hypothesis strategies for the raw rows, and builds of the indicators on the real SQL files.
"""

from __future__ import annotations

import csv
import functools
import itertools
import math
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from pipeline.plumbing.sql_runner import prepare_connection, run_in_transaction
from tests.sql.helpers import FIXTURE_REFERENCE
from tests.sql.helpers import load_raw as load_rows

YEAR = 2024
SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fixed geography: 6 municipalities, 3 RIEC regions, 2 provinces; R2 spans both provinces.
GEOGRAPHY = {
    "GM0101": ("PV01", "R1"),
    "GM0102": ("PV01", "R1"),
    "GM0201": ("PV01", "R2"),
    "GM0202": ("PV02", "R2"),
    "GM0301": ("PV02", "R3"),
    "GM0302": ("PV02", "R3"),
}
MUNICIPALITIES = sorted(GEOGRAPHY)
CRIME_TYPES = {"CRI1200": "fraud", "CRI1300": "fraud", "CRI2300": "violence", "T001161": ""}
SITE_TYPES = {"dumping": ("dump", "drug_production"), "opslag": ("storage", "drug_trafficking")}
WEIGHTS = {"fraud": 4.5, "violence": 10.0, "drug_production": 0.7, "drug_trafficking": 3.3}
# The reference tables take the headers of the SQL tests' fixture (tests/sql/helpers.py).
HEADER = {table: rows[0] for table, rows in FIXTURE_REFERENCE.items()}
REFERENCE = {
    "municipalities": [
        HEADER["municipalities"],
        *(
            [gm, f"Gemeente {gm}", pv, f"Provincie {pv}", riec, riec, f"RIEC {riec}", "1", "1"]
            for gm, (pv, riec) in GEOGRAPHY.items()
        ),
    ],
    "crime_types": [
        HEADER["crime_types"],
        *(
            [
                code,
                code,
                "" if code == "T001161" else "T001161",
                "0" if code == "T001161" else "1",
                code,
                code,
                phenomenon,
            ]
            for code, phenomenon in CRIME_TYPES.items()
        ),
    ],
    "drug_site_types": [
        HEADER["drug_site_types"],
        *([nl, code, code, phenomenon] for nl, (code, phenomenon) in SITE_TYPES.items()),
    ],
    "harm_weights": [
        HEADER["harm_weights"],
        *(["default_v0", phenomenon, repr(weight), "r"] for phenomenon, weight in WEIGHTS.items()),
    ],
    # Only the given set (default_v0) has weights here: the derived sets are empty.
    "harm_matrix": [HEADER["harm_matrix"]],
    "harm_severity_scale": [HEADER["harm_severity_scale"]],
    "statutory_maxima": [HEADER["statutory_maxima"]],
    "drugs": [HEADER["drugs"], ["cannabis", "cannabis", "Cannabis", "drug_trafficking"]],
    "site_settings": [
        HEADER["site_settings"],
        ["woonwijk", "residential", "Residential", "real_estate"],
    ],
    # No boundary changes in this geography: every code maps to itself.
    "municipal_reclassifications": [HEADER["municipal_reclassifications"]],
}

counts = st.dictionaries(
    st.tuples(st.sampled_from(MUNICIPALITIES), st.sampled_from(sorted(CRIME_TYPES))),
    st.one_of(st.integers(min_value=0, max_value=10**6), st.just(".")),
    max_size=20,
)
drug_sites = st.lists(
    st.tuples(st.sampled_from(MUNICIPALITIES), st.sampled_from(sorted(SITE_TYPES))), max_size=15
)
populations = st.dictionaries(
    st.sampled_from(MUNICIPALITIES), st.integers(min_value=1, max_value=10**6), min_size=1
)


def raw_rows(crimes: dict, sites: list, pops: dict, k: int = 1) -> dict[str, list[tuple]]:
    def scaled(value):
        return value if value == "." else str(value * k)

    return {
        "incidents": [
            (str(i), code, gm, f"{YEAR}JJ00", scaled(value))
            for i, ((gm, code), value) in enumerate(sorted(crimes.items()))
        ],
        "population": [
            (str(i), "T001038", "10000", "T001019", gm, f"{YEAR}JJ00", str(pop * k))
            for i, (gm, pop) in enumerate(sorted(pops.items()))
        ],
        "drug_sites": [
            (f"DL-{copy}-{i}", f"{YEAR}-01-01", gm, site_type, "cannabis", "woonwijk")
            for i, (gm, site_type) in enumerate(sites)
            for copy in range(k)
        ],
    }


def load_raw(conn, rows: dict[str, list[tuple]]) -> None:
    for source, source_rows in rows.items():
        load_rows(conn, source, YEAR, source_rows, loaded_at=datetime(2025, 1, 1))


def run_staging_and_mart(conn) -> None:
    for name in (
        "stg_incidents__crimes",
        "stg_incidents__counted_crimes",
        "stg_population__inhabitants",
        "stg_drug_sites__sites",
    ):
        run_in_transaction(conn, f"staging/{name}", {"first_year": YEAR, "last_year": YEAR})
    run_in_transaction(
        conn,
        "indicators/phenomenon_indicators",
        {
            "first_year": YEAR,
            "last_year": YEAR,
            "weight_set": "default_v0",
            "confidence_level": 0.95,
            "gap_max_upper_ratio": 2.0,
        },
    )


@functools.cache
def _template() -> duckdb.DuckDBPyConnection:
    """This process's connection, prepared as the pipeline's are, whose own database holds the
    reference tables the examples share (made once: 65 ms, for each of a hundred examples)."""
    conn = duckdb.connect()
    prepare_connection(conn)
    with tempfile.TemporaryDirectory(prefix="additivity-reference-") as directory:
        for table, rows in REFERENCE.items():
            path = Path(directory) / f"{table}.csv"
            with open(path, "w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows(rows)
            run_in_transaction(conn, f"reference/{table}", {"path": str(path)})
    run_in_transaction(conn, "reference/region_membership")
    run_in_transaction(conn, "reference/municipality_code_map")
    run_in_transaction(conn, "reference/harm_weight_sets")
    run_in_transaction(conn, "reference/crime_type_paths")
    return conn


_EXAMPLES = itertools.count()


@contextmanager
def new_warehouse() -> Iterator[duckdb.DuckDBPyConnection]:
    """A warehouse of its own for one example: a new in-memory database with a copy of the
    reference tables, the connection's default while the example runs, then dropped."""
    conn = _template()
    name = f"example_{next(_EXAMPLES)}"  # a counter's number, not input: no quoting needed
    conn.execute(f"attach ':memory:' as {name}")
    try:
        conn.execute(f"copy from database memory to {name}")
        conn.execute(f"use {name}")
        yield conn
    finally:
        conn.execute("use memory")
        conn.execute(f"detach {name}")


INDICATORS = (
    "select region_level, region_code, phenomenon_code, source, event_count, suppressed_cells, "
    "population, rate_per_100k, harm_weight, harm_score "
    "from indicators.phenomenon_indicators order by all"
)


HARM = (
    "select weight_set, phenomenon_code, source, region_level, region_code, harm_score, "
    "harm_per_100k from indicators.harm_indicators order by all"
)


def build_harm(rows: dict[str, list[tuple]]) -> list[tuple]:
    """harm_indicators rows (every weight set) after one ingest."""
    with new_warehouse() as conn:
        load_raw(conn, rows)
        run_staging_and_mart(conn)
        run_in_transaction(
            conn, "indicators/harm_indicators", {"first_year": YEAR, "last_year": YEAR}
        )
        return conn.execute(HARM).fetchall()


def build(rows: dict[str, list[tuple]], reingest: bool = False):
    """Indicator rows after one ingest; with reingest, also those after loading it all again."""
    with new_warehouse() as conn:
        load_raw(conn, rows)
        run_staging_and_mart(conn)
        first = conn.execute(INDICATORS).fetchall()
        if not reingest:
            return first
        load_raw(conn, rows)
        run_staging_and_mart(conn)
        second = conn.execute(INDICATORS).fetchall()
        run_staging_and_mart(conn)
        return first, second, conn.execute(INDICATORS).fetchall()


def close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
