"""sql/staging/stg_incidents__counted_crimes.sql: every crime counted once, whatever mix of
crime types and their parts a file holds (on the real 75-code hierarchy of 83648NED)."""

from __future__ import annotations

import csv

import duckdb
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.plumbing.sql_runner import prepare_connection, run_in_transaction

from .fixture_reference import FIXTURE_REFERENCE
from .fixture_rows import incident
from .raw_loaders import load_raw
from .reference_files import REAL_REFERENCE, load_reference, write_reference

with open(REAL_REFERENCE / "crime_types.csv", encoding="utf-8", newline="") as handle:
    CRIME_TYPES = list(csv.DictReader(handle))
PARENT = {r["crime_type_code"]: r["parent_code"] for r in CRIME_TYPES}
CHILDREN: dict[str, list[str]] = {}
for code, parent in sorted(PARENT.items()):
    if parent:
        CHILDREN.setdefault(parent, []).append(code)
LEAVES = sorted(code for code in PARENT if code not in CHILDREN)
COUNTED = {r["crime_type_code"]: r["phenomenon_code"] for r in CRIME_TYPES if r["phenomenon_code"]}
MUNICIPALITIES = ("GM0001", "GM0002", "GM0003", "GM0004")


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    directory = tmp_path_factory.mktemp("counted")
    paths = write_reference(directory / "reference", FIXTURE_REFERENCE)
    paths["crime_types"] = REAL_REFERENCE / "crime_types.csv"
    connection = duckdb.connect(str(directory / "w.duckdb"))
    prepare_connection(connection)
    load_reference(connection, paths)
    yield connection
    connection.close()


def random_values(rng: np.random.Generator, high: int) -> dict[str, dict[str, int]]:
    """Per municipality a value for every code: random leaves, parents their sums."""
    return {
        m: totals({leaf: int(rng.integers(0, high + 1)) for leaf in LEAVES}) for m in MUNICIPALITIES
    }


def totals(leaf_values: dict[str, int]) -> dict[str, int]:
    """Every code's value: leaves as given, parents the sums of their children."""
    values = dict(leaf_values)

    def value(code: str) -> int:
        if code not in values:
            values[code] = sum(value(child) for child in CHILDREN[code])
        return values[code]

    for code in PARENT:
        value(code)
    return values


def delivered(values: dict[str, int], rng: np.random.Generator, how: str) -> list[str]:
    """Which codes a file holds: 'whole' every code, 'counted' only the counted codes and the
    total, 'leaves' only the leaves, 'mixed' per counted code either it or its parts (both, or
    nested further down), at random."""
    if how == "whole":
        return sorted(values)
    if how == "counted":
        return sorted({*COUNTED, "T001161"})
    if how == "leaves":
        return LEAVES
    chosen = {"T001161"}

    def pick(code: str) -> None:
        parts = CHILDREN.get(code)
        choice = str(rng.choice(["code", "parts", "both"])) if parts else "code"
        if choice in ("code", "both"):
            chosen.add(code)
        if choice in ("parts", "both"):
            for part in parts:
                pick(part)

    for code in COUNTED:
        pick(code)
    return sorted(chosen)


def counted_per_phenomenon(conn, files: dict[str, list[str]], values) -> dict[tuple, int]:
    rows = [
        incident(code, municipality, str(values[municipality][code]))
        for municipality, codes in files.items()
        for code in codes
    ]
    load_raw(conn, "incidents", 2024, rows)
    run_in_transaction(
        conn, "staging/stg_incidents__crimes", {"first_year": 2024, "last_year": 2024}
    )
    run_in_transaction(
        conn, "staging/stg_incidents__counted_crimes", {"first_year": 2024, "last_year": 2024}
    )
    return dict(
        conn.execute(
            "select (municipality_code, phenomenon_code), sum(registered_crimes)::bigint "
            "from staging.stg_incidents__counted_crimes where year = 2024 group by all"
        ).fetchall()
    )


def expected(values) -> dict[tuple, int]:
    out: dict[tuple, int] = {}
    for municipality, codes in values.items():
        for code, phenomenon in COUNTED.items():
            key = (municipality, phenomenon)
            out[key] = out.get(key, 0) + codes[code]
    return out


@pytest.mark.parametrize("how", ["whole", "counted", "leaves", "mixed"])
def test_the_same_crimes_whatever_codes_the_file_holds(conn, how):
    rng = np.random.default_rng(7)
    values = {
        m: totals({leaf: int(rng.integers(0, 401)) for leaf in LEAVES}) for m in MUNICIPALITIES
    }
    files = {m: delivered(values[m], rng, how) for m in MUNICIPALITIES}
    assert counted_per_phenomenon(conn, files, values) == expected(values)


def test_a_code_delivered_with_its_parts_counts_once_as_the_code(conn):
    # CBS rounds each cell on its own: the code 1.3 says 35, its parts 10 + 10 + 10 = 30.
    values = {"GM0001": {"CRI1300": 35, "CRI1310": 10, "CRI1320": 10, "CRI1330": 10}}
    counted = counted_per_phenomenon(conn, {"GM0001": sorted(values["GM0001"])}, values)
    assert counted == {("GM0001", "fraud"): 35}
    codes = conn.execute(
        "select counted_code, crime_type_code from staging.stg_incidents__counted_crimes"
    ).fetchall()
    assert codes == [("CRI1300", "CRI1300")]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10_000))
def test_any_mix_of_codes_and_parts_counts_every_crime_once(conn, seed):
    rng = np.random.default_rng(seed)
    values = {
        m: totals({leaf: int(rng.integers(0, 51)) for leaf in LEAVES}) for m in MUNICIPALITIES
    }
    files = {m: delivered(values[m], rng, "mixed") for m in MUNICIPALITIES}
    assert counted_per_phenomenon(conn, files, values) == expected(values)
