"""sql/staging/stg_incidents__crimes.sql."""

from __future__ import annotations

from pipeline.plumbing.sql_runner import query, run_in_transaction

from .fixture_rows import incident
from .idempotence import assert_idempotent
from .raw_loaders import load_raw

NAME = "staging/stg_incidents__crimes"
TABLE = "staging.stg_incidents__crimes"
# Distinct (crime type, municipality) cells of the fixture geography.
CELLS = [
    (crime, municipality)
    for crime in ("CRI1200", "CRI1700", "CRI2300")
    for municipality in ("GM0001", "GM0002", "GM0003", "GM0004")
]


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
        [
            incident(crime, municipality, value)
            for (crime, municipality), value in zip(CELLS, markers, strict=False)
        ],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    got = warehouse.execute(
        "select source_rows[1], registered_crimes, is_suppressed "
        "from staging.stg_incidents__crimes order by source_rows[1]"
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
        "select source_rows from staging.stg_incidents__crimes "
        "where year = 2024 and municipality_code = 'GM0004' "
        "and crime_type_code = 'CRI2300'"
    ).fetchall() == [([14],)]


def test_idempotent_and_years_apart(staged):
    assert len(rows(staged, 2024)) == 13
    assert rows(staged, 2023) == [("GM0001", "CRI1200", 20, False), ("GM0004", "CRI2300", 5, False)]
    assert_idempotent(staged, NAME, TABLE, {"first_year": 2024, "last_year": 2024})
    assert_idempotent(staged, NAME, TABLE, {"first_year": 2023, "last_year": 2023})


def test_rerun_after_reingest_does_not_double(staged):
    load_raw(staged, "incidents", 2024, [incident("CRI1200", "GM0001", "1")])
    run_in_transaction(staged, NAME, {"first_year": 2024, "last_year": 2024})
    assert rows(staged, 2024) == [("GM0001", "CRI1200", 1, False)]
    assert len(rows(staged, 2023)) == 2  # 2023 untouched


def test_old_division_maps_to_the_2025_division_without_losing_crimes(warehouse):
    # GM0901 merged into GM0001, GM0903 into GM0901 before that; GM0902 split 25% / 75% over
    # GM0003 and GM0004 (fixture_reference.FIXTURE_REFERENCE["municipal_reclassifications"]).
    delivered = [
        incident("CRI1200", "GM0001", "10"),
        incident("CRI1200", "GM0901", "6"),
        incident("CRI1200", "GM0903", "1"),
        incident("CRI1200", "GM0902", "7"),
        incident("CRI1700", "GM0902", "4"),
    ]
    load_raw(warehouse, "incidents", 2024, delivered)
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select municipality_code, crime_type_code, registered_crimes, delivered_codes "
        "from staging.stg_incidents__crimes order by all"
    ).fetchall() == [
        ("GM0001", "CRI1200", 17, ["GM0001", "GM0901", "GM0903"]),  # 10 + 6 + 1
        # 7 x 0.25 = 1.75 and 7 x 0.75 = 5.25: floors 1 + 5 = 6, the one left goes to the
        # larger remainder (0.75, GM0003): 2 and 5.
        ("GM0003", "CRI1200", 2, ["GM0902"]),
        ("GM0003", "CRI1700", 1, ["GM0902"]),  # 4 x 0.25 = 1 exactly
        ("GM0004", "CRI1200", 5, ["GM0902"]),
        ("GM0004", "CRI1700", 3, ["GM0902"]),  # 4 x 0.75 = 3 exactly
    ]
    # The total is unchanged and no old code survives.
    assert warehouse.execute(
        "select sum(registered_crimes), count(*) filter (where municipality_code like 'GM09%') "
        "from staging.stg_incidents__crimes"
    ).fetchall() == [(28, 0)]


def test_a_split_cell_that_is_suppressed_stays_unknown_in_every_part(warehouse):
    load_raw(warehouse, "incidents", 2024, [incident("CRI1200", "GM0902", ".")])
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select municipality_code, registered_crimes, is_suppressed "
        "from staging.stg_incidents__crimes order by all"
    ).fetchall() == [("GM0003", None, True), ("GM0004", None, True)]


def test_a_period_marked_provisional_is_kept_as_a_flag(warehouse):
    load_raw(
        warehouse,
        "incidents",
        2024,
        [
            (*incident("CRI1200", "GM0001", "5")[:3], "2024JJ00*", "5"),
            incident("CRI1700", "GM0001", "7"),
        ],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select crime_type_code, is_provisional from staging.stg_incidents__crimes order by 1"
    ).fetchall() == [("CRI1200", True), ("CRI1700", False)]
    assert query(warehouse, "report/provisional_years", {"year": 2025}) == (["year"], [(2024,)])
