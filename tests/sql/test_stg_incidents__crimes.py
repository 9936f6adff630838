"""sql/staging/stg_incidents__crimes.sql."""

from __future__ import annotations

from pipeline.sql import run_in_transaction

from .helpers import assert_idempotent, incident, load_raw

NAME = "staging/stg_incidents__crimes"
TABLE = "staging.stg_incidents__crimes"


def rows(conn, year=2024):
    return conn.execute(
        "select municipality_code, crime_type_code, registered_crimes, is_suppressed "
        "from staging.stg_incidents__crimes where year = ? order by all",
        [year],
    ).fetchall()


def test_typed_trimmed_suppressed_and_municipalities_only(staged):
    assert rows(staged) == [
        ("GM0001", "CRI1200", 25, False),
        ("GM0001", "CRI1700", 10, False),
        ("GM0001", "CRI2300", None, True),  # '.'
        ("GM0001", "T001161", 100, False),
        ("GM0002", "CRI1200", 40, False),  # 'CRI1200  ', 'GM0002  ', ' 40 ' trimmed
        ("GM0002", "CRI1700", None, True),  # empty cell
        ("GM0002", "CRI2300", 3, False),
        ("GM0002", "T001161", 200, False),
        ("GM0003", "CRI1200", 5, False),
        ("GM0003", "CRI2300", None, True),  # -99999
        ("GM0004", "CRI1200", 30, False),
        ("GM0004", "CRI1700", 20, False),
        ("GM0004", "CRI2300", 10, False),
    ]  # NL01 and PV01 rows dropped


def test_each_suppression_marker(warehouse):
    markers = [".", "", None, " . ", "-99999", "-99990", "-99989", "0"]
    load_raw(
        warehouse,
        "incidents",
        2024,
        [incident("CRI1200", f"GM000{i}", v) for i, v in enumerate(markers)],
    )
    run_in_transaction(warehouse, NAME, {"year": 2024})
    got = warehouse.execute(
        "select source_row, registered_crimes, is_suppressed "
        "from staging.stg_incidents__crimes order by source_row"
    ).fetchall()
    assert got == [
        (2, None, True),  # '.'
        (3, None, True),  # ''
        (4, None, True),  # null (empty cell as polars reads it)
        (5, None, True),  # ' . '
        (6, None, True),  # -99999
        (7, None, True),  # -99990 (<= -99990 is missing)
        (8, -99989, False),  # above the marker range: kept as delivered
        (9, 0, False),  # a real zero is not suppressed
    ]


def test_provenance_kept(staged):
    assert staged.execute(
        "select distinct source_file from staging.stg_incidents__crimes where year = 2024"
    ).fetchall() == [("83648NED_2024.csv",)]
    # GM0004 CRI2300 is the 13th data row: source_row 14.
    assert staged.execute(
        "select source_row from staging.stg_incidents__crimes "
        "where year = 2024 and municipality_code = 'GM0004' "
        "and crime_type_code = 'CRI2300'"
    ).fetchall() == [(14,)]


def test_idempotent_and_years_apart(staged):
    assert len(rows(staged, 2024)) == 13
    assert rows(staged, 2023) == [("GM0001", "CRI1200", 20, False), ("GM0004", "CRI2300", 5, False)]
    assert_idempotent(staged, NAME, TABLE, {"year": 2024})
    assert_idempotent(staged, NAME, TABLE, {"year": 2023})


def test_rerun_after_reingest_does_not_double(staged):
    load_raw(staged, "incidents", 2024, [incident("CRI1200", "GM0001", "1")])
    run_in_transaction(staged, NAME, {"year": 2024})
    assert rows(staged, 2024) == [("GM0001", "CRI1200", 1, False)]
    assert len(rows(staged, 2023)) == 2  # 2023 untouched
